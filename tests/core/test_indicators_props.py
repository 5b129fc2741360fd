"""Property tests: a figure written in the reports' usual forms comes back with its value, unit, offsets."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.indicators import load_dictionary
from viewer.core.indicators.extract import SentenceExtractor
from viewer.core.indicators.numbers import format_value, scan_quantities

EX = SentenceExtractor(load_dictionary())
# (subject as written, canonical name, units a level of it takes)
SUBJECTS = [
    ("地区生产总值", "地区生产总值", ["亿元", "万元", "万亿元"]),
    ("全区生产总值", "地区生产总值", ["亿元"]),
    ("规模以上工业总产值", "规上工业总产值", ["亿元"]),
    ("社会消费品零售总额", "社会消费品零售总额", ["亿元", "万元"]),
    ("一般公共预算收入", "一般公共预算收入", ["亿元", "万元"]),
    ("城镇常住居民人均可支配收入", "城镇常住居民人均可支配收入", ["元", "万元"]),
    ("城镇新增就业", "城镇新增就业", ["万人", "人"]),
    ("森林覆盖率", "森林覆盖率", ["%"]),
    ("国家高新技术企业", "高新技术企业数", ["家"]),
]
VERBS = ["达到", "实现", "为", "", "突破", "超过"]

numbers = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2).map(
    lambda d: format_value(float(d)))


@settings(max_examples=150, deadline=None)
@given(subject=st.sampled_from(SUBJECTS), verb=st.sampled_from(VERBS), num=numbers, data=st.data())
def test_level_round_trip(subject, verb, num, data):
    written, name, units = subject
    unit = data.draw(st.sampled_from(units))
    prefix = data.draw(st.sampled_from(["", "全年", "2025年，", "其中，"]))
    sentence = f"{prefix}{written}{verb}{num}{unit}。"
    out = EX.extract(sentence, 7)
    assert len(out) == 1, sentence
    f = out[0]
    assert (f.indicator, f.measure, f.value, f.unit) == (name, "level", float(num), unit), sentence
    assert sentence[f.start - 7:f.end - 7] == f"{num}{unit}"
    assert f.qualifier == {"突破": "突破", "超过": "超过"}.get(verb, "")


@settings(max_examples=100, deadline=None)
@given(subject=st.sampled_from(SUBJECTS[:5]), num=numbers, down=st.booleans(),
       tail=st.sampled_from(["", "左右", "以上"]))
def test_growth_round_trip(subject, num, down, tail):
    written, name, _ = subject
    verb = "下降" if down else "增长"
    sentence = f"{written}同比{verb}{num}%{tail}，总量居全市前列。"
    (f,) = EX.extract(sentence, 0)
    assert (f.indicator, f.measure, f.unit, f.qualifier) == (name, "growth", "%", tail)
    assert f.value == (-1 if down else 1) * float(num)


@given(num=numbers)
def test_format_value_round_trip(num):
    assert format_value(float(num)) == num


@given(text=st.text(alphabet="0123456789.%亿万元人家个年月日第季度、，。增长下降达到GDP", max_size=40))
def test_scan_never_fails_and_spans_are_ordered(text):
    qs = scan_quantities(text)
    assert all(0 <= q.pre_start <= q.start < q.end <= len(text) for q in qs)
    assert all(a.start < b.start for a, b in zip(qs, qs[1:]))


TOKENS = ["地区生产总值", "城乡", "城镇和农村", "居民人均可支配收入", "分别", "达到", "增长", "下降", "年均", "累计",
          "占", "比重", "（", "）", "、", "，", "；", "和", "由", "提高到", "持平", "与上年", "12.5", "3", "%", "亿元",
          "万人", "家", "个百分点", "以上", "左右", "突破", "2021年", "一季度", "其中", "新增", "等", "两千", "万元"]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(TOKENS), max_size=25))
def test_any_sentence_extracts_without_error(parts):
    sentence = "".join(parts)
    for f in EX.extract(sentence, 10):
        assert 10 <= f.start < f.end <= 10 + len(sentence)
        assert f.measure in {"level", "growth", "share", "multiple", "change", "contribution", "gap"}
