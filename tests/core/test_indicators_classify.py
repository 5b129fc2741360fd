"""Kind and period of figures in whole reports composed for the tests, the headline choice, the DataFrame."""
from __future__ import annotations

import pytest

from viewer.core.indicators import COLUMNS, extract_indicators, indicators_frame
from viewer.core.indicators.classify import plan_end_year
from viewer.core.loader import report_from_text

# A report delivered in 2026: a review of five years and of 2025, goals to 2030, this year's targets.
TERM_REPORT = """某某区人民政府工作报告
——2026年1月15日在某某区第二十届人民代表大会第一次会议上
各位代表：
一、过去五年及2025年工作回顾
过去五年，我们坚持稳中求进，综合实力持续增强。全区生产总值由980亿元提高到1420.3亿元，在全市率先突破1400亿元，年均增长6.2%。规模以上工业总产值达到2100亿元、增长45%。累计完成全社会固定资产投资5200亿元。城乡居民人均可支配收入分别达到51200元、24800元，年均增长6.8%和8.1%。新增城镇就业18万人。人均生产总值较2020年增长38%。改造棚户区1.2万户，建成区面积达到85平方公里。
各位代表！刚刚过去的2025年，全区经济回升向好。1-11月，规上工业增加值增长6.9%。地区生产总值在上半年同比下降2.1%的情况下，逐季回升，全年实现1420.3亿元、增长5.6%。规上工业增加值增长7.2%，全社会固定资产投资与上年持平，社会消费品零售总额620.5亿元、增长4.3%。城镇新增就业3.6万人。
二、今后五年的目标任务
今后五年，主要目标是：到2030年，地区生产总值突破1900亿元，年均增长6%左右，规上工业总产值达到3000亿元，新增城镇就业15万人。展望2035年，人均地区生产总值达到15万元。
三、2026年重点工作
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长8%，固定资产投资增长5%以上，一般公共预算收入与上年持平，城镇新增就业3万人以上。
（一）做强实体经济。力争规上工业增加值增长9%，新增城镇就业3.2万人。
"""

# A report delivered in 2021, the first of a five-year plan named without a year, and no 到20XX年.
PLAN_REPORT = """某某县人民政府工作报告
——2021年2月20日在某某县第十七届人民代表大会第六次会议上
各位代表：
一、2020年工作回顾及“十三五”时期主要成就
刚刚过去的2020年，实现地区生产总值402.5亿元、增长3.1%。
“十三五”时期，地区生产总值年均增长6.1%，森林覆盖率达到51%。
二、“十四五”时期主要目标任务
“十四五”时期，地区生产总值年均增长6%左右，社会消费品零售总额达到260亿元，森林覆盖率达到55%。
三、2021年工作安排
今年的主要预期目标是：地区生产总值增长6%以上，城镇新增就业1.2万人。
"""


def _rows(text: str, name: str = "composed.txt"):
    return extract_indicators(report_from_text(text, name))


def _primary(rows, indicator, period, kind, measure):
    hits = [r for r in rows if r.key[1:] == (indicator, period, kind, measure) and r.primary]
    same = [(r.value, r.primary) for r in rows if r.key[1:] == (indicator, period, kind, measure)]
    assert len(hits) == 1, (indicator, period, kind, measure, same)
    return hits[0]


@pytest.fixture(scope="module")
def term_rows():
    return _rows(TERM_REPORT)


@pytest.mark.parametrize("indicator, period, kind, measure, value, unit, qualifier", [
    # the year reviewed: actual, period 2025; the headline is the full-year figure, not the half-year one
    ("地区生产总值", 2025, "actual", "level", 1420.3, "亿元", ""),
    ("地区生产总值", 2025, "actual", "growth", 5.6, "%", ""),
    ("地区生产总值", 2025, "partial", "growth", -2.1, "%", ""),
    ("固定资产投资", 2025, "actual", "growth", 0, "%", "持平"),
    ("规上工业增加值", 2025, "partial", "growth", 6.9, "%", ""),      # 1-11月，…: part of the year
    ("规上工业增加值", 2025, "actual", "growth", 7.2, "%", ""),
    ("城镇新增就业", 2025, "actual", "level", 3.6, "万人", ""),
    # the five-year review: end-of-term levels are actual, 年均 → average_growth, 累计 / additions → cumulative,
    # growth without 年均 is growth over the term (cumulative), 由X → baseline
    ("规上工业总产值", 2025, "actual", "level", 2100, "亿元", ""),
    ("规上工业总产值", 2025, "cumulative", "growth", 45, "%", ""),
    ("地区生产总值", 2025, "average_growth", "growth", 6.2, "%", ""),
    ("固定资产投资", 2025, "cumulative", "level", 5200, "亿元", ""),
    ("城镇新增就业", 2025, "cumulative", "level", 18, "万人", ""),
    ("城镇常住居民人均可支配收入", 2025, "actual", "level", 51200, "元", ""),
    ("农村常住居民人均可支配收入", 2025, "average_growth", "growth", 8.1, "%", ""),
    ("人均地区生产总值", 2025, "cumulative", "growth", 38, "%", ""),
    ("改造棚户区", 2025, "cumulative", "level", 1.2, "万户", ""),          # work done over the term
    ("建成区面积", 2025, "actual", "level", 85, "平方公里", ""),           # a stock at the end of the term
    # goals to 到2030年, and a 2035 vision in the same section
    ("地区生产总值", 2030, "plan_target", "level", 1900, "亿元", "突破"),
    ("地区生产总值", 2030, "average_growth", "growth", 6, "%", "左右"),
    ("城镇新增就业", 2030, "cumulative", "level", 15, "万人", ""),
    ("人均地区生产总值", 2035, "plan_target", "level", 15, "万元", ""),
    # this year's targets: the 主要预期目标 paragraph is the headline, the work plan's figure is not
    ("地区生产总值", 2026, "target", "growth", 6, "%", "左右"),
    ("规上工业增加值", 2026, "target", "growth", 8, "%", ""),
    ("一般公共预算收入", 2026, "target", "growth", 0, "%", "持平"),
    ("城镇新增就业", 2026, "target", "level", 3, "万人", "以上"),
])
def test_kind_period_and_headline(term_rows, indicator, period, kind, measure, value, unit, qualifier):
    row = _primary(term_rows, indicator, period, kind, measure)
    assert (row.value, row.unit, row.qualifier) == (value, unit, qualifier)


def test_exact_value_beats_approximate_for_actuals(term_rows):
    # 在全市率先突破1400亿元 comes after 提高到1420.3亿元 here, but also when it comes first the exact value leads
    rows = [r for r in term_rows if r.key[1:] == ("地区生产总值", 2025, "actual", "level")]
    assert (rows[0].value, rows[0].primary) == (1420.3, True)
    assert [(r.value, r.qualifier, r.primary) for r in rows if r.value == 1400] == [(1400, "突破", False)]
    first = _rows(TERM_REPORT.replace("由980亿元提高到1420.3亿元，在全市率先突破1400亿元",
                                      "在全市率先突破1400亿元，达到1420.3亿元"))
    assert _primary(first, "地区生产总值", 2025, "actual", "level").value == 1420.3


def test_baseline_has_no_period(term_rows):
    base = [r for r in term_rows if r.kind == "baseline"]
    assert [(r.indicator, r.value, r.period) for r in base] == [("地区生产总值", 980, None)]


def test_work_plan_figures_are_targets_but_not_headlines(term_rows):
    rows = [r for r in term_rows if r.key[1:] == ("规上工业增加值", 2026, "target", "growth")]
    assert [(r.value, r.section, r.primary) for r in rows] == [(8, "targets", True), (9, "plan_year", False)]


def test_plan_named_without_year_ends_with_the_plan():
    rows = _rows(PLAN_REPORT)
    assert _primary(rows, "社会消费品零售总额", 2025, "plan_target", "level").value == 260
    assert _primary(rows, "森林覆盖率", 2025, "plan_target", "level").value == 55
    assert _primary(rows, "地区生产总值", 2025, "average_growth", "growth").value == 6
    assert _primary(rows, "地区生产总值", 2020, "actual", "level").value == 402.5
    assert _primary(rows, "地区生产总值", 2020, "average_growth", "growth").value == 6.1
    assert _primary(rows, "森林覆盖率", 2020, "actual", "level").value == 51
    assert _primary(rows, "地区生产总值", 2021, "target", "growth").qualifier == "以上"


@pytest.mark.parametrize("name, year", [("十三五", 2020), ("“十四五”", 2025), ("十五五时期", 2030), ("今后五年", None)])
def test_plan_end_year(name, year):
    assert plan_end_year(name) == year


def test_one_headline_per_key_and_headline_first(term_rows):
    seen: dict[tuple, bool] = {}
    for r in term_rows:
        if r.key not in seen:
            assert r.primary, r  # rows of a key are together, the headline first
        seen.setdefault(r.key, False)
        seen[r.key] |= r.primary
    assert all(seen.values())
    assert sum(r.primary for r in term_rows) == len(seen)


def test_frame_columns_and_types():
    rep = report_from_text(TERM_REPORT, "composed.txt")
    df = indicators_frame([rep])
    assert tuple(df.columns) == COLUMNS
    assert list(df.columns[:13]) == ["report", "district", "report_year", "indicator", "period", "kind",
                                     "measure", "value", "unit", "qualifier", "sentence", "start", "end"]
    assert set(df["report"]) == {"composed.txt"} and set(df["district"]) == {"某某区"}
    assert set(df["report_year"]) == {2026}
    assert str(df["period"].dtype) == "Int64" and df["value"].dtype == float and df["primary"].dtype == bool
    for _, row in df.iterrows():  # offsets point at the figure inside its sentence
        assert rep.text[row["start"]:row["end"]] in row["sentence"]


def test_unknown_year_leaves_period_empty():
    text = "某某区政府工作情况\n一、工作回顾\n实现地区生产总值100亿元、增长5%。\n"
    rows = _rows(text)
    assert rows and all(r.period is None for r in rows)


# A 2021 report whose five-year review dates its start and end values and sums amounts over the term.
DATED_REPORT = """某某区人民政府工作报告
——2021年1月10日在某某区第十八届人民代表大会第五次会议上
各位代表：
一、“十三五”时期及2020年工作回顾
“十三五”时期，全区经济社会发展取得显著成就。
——经济实力跃上新台阶。地区生产总值从2015年的320亿元增加到2020年的510亿元，年均增长7.8%。五年来，全区完成固定资产投资2400亿元，一般公共预算收入五年累计完成158亿元。
2020年，面对疫情冲击，全年地区生产总值增长3.2%，规模以上工业增加值增长4.1%。
二、“十四五”时期奋斗目标
到2025年，地区生产总值达到700亿元，年均增长6.5%左右。
三、2021年工作安排
今年经济社会发展主要预期目标：地区生产总值增长7%左右；城镇调查失业率控制在5.5%以内。
"""


@pytest.mark.parametrize("indicator, period, kind, measure, value", [
    ("地区生产总值", 2015, "baseline", "level", 320),          # 从2015年的 …: a dated starting value
    ("地区生产总值", 2020, "actual", "level", 510),            # 增加到2020年的 …: the level reached
    ("地区生产总值", 2020, "average_growth", "growth", 7.8),
    ("固定资产投资", 2020, "cumulative", "level", 2400),        # 五年来，…完成: an amount over the term
    ("一般公共预算收入", 2020, "cumulative", "level", 158),      # 五年累计
    ("地区生产总值", 2020, "actual", "growth", 3.2),            # the year's own paragraph
    ("地区生产总值", 2025, "plan_target", "level", 700),
    ("地区生产总值", 2021, "target", "growth", 7),
    ("城镇调查失业率", 2021, "target", "level", 5.5),
])
def test_dated_and_summed_figures(indicator, period, kind, measure, value):
    rows = _rows(DATED_REPORT)
    assert _primary(rows, indicator, period, kind, measure).value == value


# Targets written one per line after a colon, Markdown headings, a county.
LIST_TARGETS_REPORT = """# 某某县2024年政府工作报告
——2024年1月12日在某某县第十八届人民代表大会第三次会议上
各位代表：
## 一、2023年工作回顾
过去一年，全县地区生产总值完成286.3亿元，同比增长6.2%，增速居全市第2位；固定资产投资下降4.3%；城乡居民人均可支配收入分别达到42310元和19860元，分别增长4.9%和7.1%。
## 二、2024年工作安排
今年全县经济社会发展的主要预期目标是：
地区生产总值增长6.5%左右；
规模以上工业增加值增长8%以上；
城镇调查失业率控制在5.5%以内。
围绕上述目标，重点抓好以下工作：
（一）壮大工业经济。新增规上工业企业20家，力争规上工业增加值增长10%。
"""


def test_targets_listed_line_by_line():
    rows = _rows(LIST_TARGETS_REPORT)
    gdp = _primary(rows, "地区生产总值", 2024, "target", "growth")
    assert (gdp.value, gdp.qualifier, gdp.section) == (6.5, "左右", "targets")
    ind = [r for r in rows if r.key[1:] == ("规上工业增加值", 2024, "target", "growth")]
    assert [(r.value, r.section, r.primary) for r in ind] == [(8, "targets", True), (10, "plan_year", False)]
    assert _primary(rows, "城镇调查失业率", 2024, "target", "level").qualifier == "以内"
    assert _primary(rows, "固定资产投资", 2023, "actual", "growth").value == -4.3
    assert _primary(rows, "农村常住居民人均可支配收入", 2023, "actual", "growth").value == 7.1


# A five-year review that states sums over the term without 累计, beside one-year figures of the same indicators.
TERM_SUMS = """某某区人民政府工作报告
——2026年1月15日在某某区第二十届人民代表大会第一次会议上
各位代表：
一、过去五年及2025年工作回顾
过去五年，我们坚持扩大开放，发展动能持续增强。实现进出口总额7700亿元，全社会研发经费投入375亿元，地区生产总值达到2235.6亿元，社会消费品零售总额突破1000亿元，一般公共预算收入达到80亿元。
刚刚过去的2025年，实现进出口总额1650亿元，地区生产总值2235.6亿元、增长5.6%，社会消费品零售总额1000.2亿元。
三、2026年重点工作
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，研发经费投入90亿元以上，一般公共预算收入85亿元。
"""


@pytest.mark.parametrize("indicator, value, kind", [
    ("进出口总额", 7700, "cumulative"),     # 4.7× last year's 1650: five years' trade
    ("研发经费投入", 375, "cumulative"),    # 4.2× this year's 90 target
    ("进出口总额", 1650, "actual"),
    ("地区生产总值", 2235.6, "actual"),     # the level reached, the same size as last year's
    ("社会消费品零售总额", 1000, "actual"),  # 突破1000亿元: a level
    ("一般公共预算收入", 80, "actual"),     # near this year's 85 target: a level
])
def test_money_sums_over_the_term_told_from_levels_by_the_reports_own_yearly_figures(indicator, value, kind):
    rows = [r for r in _rows(TERM_SUMS) if r.indicator == indicator and r.value == value and r.measure == "level"]
    assert rows and {r.kind for r in rows} == {kind}, rows


def test_a_term_amount_without_a_yearly_figure_to_compare_stays_as_it_reads():
    text = TERM_SUMS.replace("实现进出口总额1650亿元，", "").replace("研发经费投入90亿元以上，", "")
    kinds = {r.indicator: r.kind for r in _rows(text) if r.value in (7700, 375)}
    assert kinds == {"进出口总额": "actual", "研发经费投入": "actual"}
