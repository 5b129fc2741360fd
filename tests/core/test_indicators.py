"""Indicator engine on sentences composed for the tests (never copied from the samples): dictionary, numbers
and units, measures and qualifiers, subjects (lists, 分别, far before the value), and the headline choice."""
from __future__ import annotations

import pytest

from viewer.core.indicators import load_dictionary
from viewer.core.indicators.extract import SentenceExtractor, clauses
from viewer.core.indicators.numbers import format_value, scale, scan_quantities


@pytest.fixture(scope="module")
def dic():
    return load_dictionary()


@pytest.fixture(scope="module")
def ex(dic):
    return SentenceExtractor(dic)


def figs(ex, sentence: str) -> list[tuple]:
    return [(f.indicator, f.measure, f.value, f.unit, f.qualifier) for f in ex.extract(sentence, 0)]


# --- dictionary ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, name", [
    # synonyms of the issue
    ("全区生产总值", "地区生产总值"), ("生产总值", "地区生产总值"), ("GDP", "地区生产总值"),
    ("规模以上工业总产值", "规上工业总产值"), ("全社会固定资产投资", "固定资产投资"),
    ("研发投入强度", "研发经费投入强度"), ("研发经费支出占比", "研发经费投入强度"),
    ("社零总额", "社会消费品零售总额"), ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
    ("全区居民人均可支配收入", "全体居民人均可支配收入"), ("新增城镇就业", "城镇新增就业"),
    ("外贸进出口总额", "进出口总额"), ("实际使用外资", "实际利用外资"), ("国家高新技术企业", "高新技术企业数"),
    # scope words and verbs in front, adverbials and noise behind
    ("实现地区生产总值", "地区生产总值"), ("其中税收收入", "税收收入"), ("拉动规上工业总产值", "规上工业总产值"),
    ("地区生产总值在全市率先", "地区生产总值"), ("科技型企业总量", "科技型企业数"),
    # a longer name wins over the one it contains
    ("人均生产总值", "人均地区生产总值"), ("单位地区生产总值能耗", "单位地区生产总值能耗"),
])
def test_dictionary_resolves(dic, phrase, name):
    assert dic.resolve(phrase) == name


@pytest.mark.parametrize("phrase", [
    # a modifier in front or a noun behind makes it another indicator: never map these to a known one
    "民间固定资产投资", "新增国家高新技术企业", "亿元地区生产总值安全事故死亡率", "工业企业利润总额",
    "脱贫户人均可支配收入", "基础设施投资", "临空经济示范区实现地区生产总值", "园区实现规上工业总产值", "",
])
def test_dictionary_rejects(dic, phrase):
    assert dic.resolve(phrase) is None


def test_dictionary_shares_and_units(dic):
    assert dic.share("研发经费投入", "地区生产总值") == "研发经费投入强度"
    assert dic.share("研发经费投入", None) == "研发经费投入强度"
    assert dic.share("税收收入", "一般公共预算收入") is None
    assert dic.unit_fits("地区生产总值", "亿元", "level") and not dic.unit_fits("地区生产总值", "家", "level")
    assert dic.unit_fits("森林覆盖率", "%", "level") and not dic.unit_fits("森林覆盖率", "万亩", "level")


# --- numbers and units --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # Arabic figures, magnitude kept in the unit as written
    ("达到1850.6亿元", [(1850.6, "亿元", "")]), ("近2.1万亿元", [(2.1, "万亿元", "近")]),
    ("新增8.4万人", [(8.4, "万人", "")]), ("提高1.2个百分点", [(1.2, "个百分点", "")]),
    ("增长1.6倍", [(1.6, "倍", "")]), ("建成道路36公里", [(36, "公里", "")]), ("改造12万平方米", [(12, "万平方米", "")]),
    ("实际利用外资3.2亿美元", [(3.2, "亿美元", "")]), ("人均9.5万元/人", [(9.5, "万元/人", "")]),
    # qualifiers before and after
    ("突破1200亿元", [(1200, "亿元", "突破")]), ("超过50家", [(50, "家", "超过")]), ("增长7%以上", [(7, "%", "以上")]),
    ("控制在4.5%以内", [(4.5, "%", "以内")]), ("增长6%左右", [(6, "%", "左右")]), ("帮扶3600余户", [(3600, "户", "余")]),
    ("接待游客860余万人次", [(860, "万人次", "余")]), ("不低于80亿元", [(80, "亿元", "以上")]),
    # Chinese numerals (cn2an on the captured token only)
    ("安排资金两千万元", [(2000, "万元", "")]), ("提高三个百分点", [(3, "个百分点", "")]), ("增长两倍", [(2, "倍", "")]),
    ("百分之八", [(8, "%", "")]),
    # ranges: the low end takes the unit of the high end
    ("增长6-7%", [(6, "%", ""), (7, "%", "")]), ("增长5%～8%", [(5, "%", ""), (8, "%", "")]),
    # not figures: years, dates, ordinals, codes, ratios, durations, modifiers, names
    ("2026年3月5日", []), ("第3季度", []), ("建成5G基站", []), ("PM2.5", []), ("T2航站楼", []),
    ("结构调整为2.1:38.5:59.4", []), ("连续6年位居全市第一", []), ("10亿元以上项目", []), ("3岁以下婴幼儿", []),
    ("三大攻坚战", []), ("1-11月", []), ("2021-2025年", []), ("“1+7”方案", []), ("“十四五”规划", []),
    ("“六稳”“六保”", []), ("第十九届", []), ("百亿级产业", []),
])
def test_scan_quantities(text, expected):
    got = [(q.value, q.unit, q.qualifier) for q in scan_quantities(text)]
    assert got == expected


def test_damaged_list_without_separator_gives_two_figures():
    # a lost 、 between two percentages (seen in web copies) still gives both values
    assert [(q.value, q.unit) for q in scan_quantities("年均增长6.1%8.3%")] == [(6.1, "%"), (8.3, "%")]


def test_scale_and_format():
    assert scale("亿元") == 1e8 and scale("万人") == 1e4 and scale("%") == 1 and scale("千米") == 1
    assert format_value(3155.0) == "3155" and format_value(2009.5) == "2009.5"
    assert format_value(-0.25) == "-0.25"


# --- measures, signs, qualifiers ----------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    # level and growth of one subject, then a growth written far after its subject
    ("全区生产总值达到1850.6亿元，同比增长5.2%。",
     [("地区生产总值", "level", 1850.6, "亿元", ""), ("地区生产总值", "growth", 5.2, "%", "")]),
    ("GDP增长4.8%。", [("地区生产总值", "growth", 4.8, "%", "")]),
    # 下降 / 负增长 → negative growth; 持平 → growth 0 with qualifier 持平
    ("全社会固定资产投资下降3.4%。", [("固定资产投资", "growth", -3.4, "%", "")]),
    ("社会消费品零售总额负增长1.2%。", [("社会消费品零售总额", "growth", -1.2, "%", "")]),
    ("固定资产投资与上年持平。", [("固定资产投资", "growth", 0.0, "%", "持平")]),
    ("一般公共预算收入基本持平，保持平稳运行。", [("一般公共预算收入", "growth", 0.0, "%", "持平")]),
    # qualifiers the issue names
    ("规模以上工业总产值突破2600亿元。", [("规上工业总产值", "level", 2600, "亿元", "突破")]),
    ("一般公共预算收入增长6%以上。", [("一般公共预算收入", "growth", 6, "%", "以上")]),
    ("城镇调查失业率控制在5.5%以内。", [("城镇调查失业率", "level", 5.5, "%", "以内")]),
    ("进出口总额超过300亿元。", [("进出口总额", "level", 300, "亿元", "超过")]),
    # R&D intensity however it is written is a level of 研发经费投入强度
    ("全社会研发投入强度达到2.9%。", [("研发经费投入强度", "level", 2.9, "%", "")]),
    ("研发经费支出占比达到2.9%。", [("研发经费投入强度", "level", 2.9, "%", "")]),
    ("研发经费投入占地区生产总值比重达到2.9%。", [("研发经费投入强度", "level", 2.9, "%", "")]),
    ("全社会研发经费投入增长11%，占GDP比重达2.9%。",
     [("研发经费投入", "growth", 11, "%", ""), ("研发经费投入强度", "level", 2.9, "%", "")]),
    # a share of something else stays a share of its own subject
    ("战略性新兴产业产值占规上工业总产值比重达到38%。", [("战略性新兴产业产值", "share", 38, "%", "")]),
    # units decide: 万元 per person vs 元
    ("人均生产总值达到9.8万元。", [("人均地区生产总值", "level", 9.8, "万元", "")]),
    ("单位地区生产总值能耗下降3%左右。", [("单位地区生产总值能耗", "growth", -3, "%", "左右")]),
    # an absolute increase is a change, not a growth rate
    ("农村公路里程增加620公里。", [("农村公路里程", "change", 620, "公里", "")]),
    # a gap to a benchmark belongs to the subject before it
    ("地区生产总值增长5.6%，高于全市0.4个百分点。",
     [("地区生产总值", "growth", 5.6, "%", ""), ("地区生产总值", "gap", 0.4, "个百分点", "")]),
    ("规上工业增加值增长3.1%，低于全省1.2个百分点。",
     [("规上工业增加值", "growth", 3.1, "%", ""), ("规上工业增加值", "gap", -1.2, "个百分点", "")]),
    # 拉动 X 增长 is a contribution, not X's growth
    ("新能源汽车产值增长40%，拉动规上工业总产值增长3.2个百分点。",
     [("新能源汽车产值", "growth", 40, "%", ""), ("规上工业总产值", "contribution", 3.2, "个百分点", "")]),
    # 同口径 / 按可比价格计算 do not hide the subject
    ("一般公共预算收入52.8亿元，同口径增长3.1%。",
     [("一般公共预算收入", "level", 52.8, "亿元", ""), ("一般公共预算收入", "growth", 3.1, "%", "")]),
    # 增长6%，力争7%: the second figure keeps the measure of the first
    ("地区生产总值增长6%，力争7%。", [("地区生产总值", "growth", 6, "%", ""), ("地区生产总值", "growth", 7, "%", "")]),
])
def test_measure_sign_qualifier(ex, sentence, expected):
    assert figs(ex, sentence) == expected


# --- subjects: lists, 分别, 均, carried over -------------------------------------------------------------------
def test_two_subjects_four_figures(ex):
    got = figs(ex, "城镇和农村常住居民人均可支配收入分别达到48120元、23350元，增长5.1%、7.3%。")
    assert got == [
        ("城镇常住居民人均可支配收入", "level", 48120, "元", ""),
        ("农村常住居民人均可支配收入", "level", 23350, "元", ""),
        ("城镇常住居民人均可支配收入", "growth", 5.1, "%", ""),
        ("农村常住居民人均可支配收入", "growth", 7.3, "%", ""),
    ]


@pytest.mark.parametrize("sentence", [
    "城乡常住居民人均可支配收入分别达到48120元、23350元。",   # 城乡 + 分别 + two values → 城镇 / 农村
    "城乡居民人均可支配收入分别达到48120元、23350元。",
    "城镇、农村居民人均可支配收入分别达到48120元、23350元。",  # the first item borrows the head noun
])
def test_urban_rural_expansion(ex, sentence):
    assert [f[0] for f in figs(ex, sentence)] == ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]


def test_single_value_for_urban_rural_is_one_indicator(ex):
    assert figs(ex, "城乡常住居民人均可支配收入增长8%。") == [("城乡常住居民人均可支配收入", "growth", 8, "%", "")]


def test_subject_far_before_the_value(ex):
    # the quarter's fall, then the year's level and growth, all about GDP; the quarter is marked partial
    out = ex.extract("地区生产总值在一季度同比下降6.8%的情况下逐季回升、稳步向好，全年实现980.4亿元、增长2.7%。", 0)
    assert [(f.indicator, f.measure, f.value) for f in out] == [
        ("地区生产总值", "growth", -6.8), ("地区生产总值", "level", 980.4), ("地区生产总值", "growth", 2.7)]
    assert [f.lead.partial for f in out] == ["一季度", "", ""]


def test_list_of_subjects_respectively(ex):
    got = figs(ex, "汽车、电子、装备产业产值分别增长8.1%、12.4%和6.6%。")
    assert [(g[0], g[2]) for g in got] == [("汽车", 8.1), ("电子", 12.4), ("装备产业产值", 6.6)]


def test_each_value_for_every_subject(ex):
    got = figs(ex, "基本养老、基本医疗保险参保率均稳定在95%以上。")
    assert len(got) == 2 and all(g[2] == 95 and g[4] == "以上" for g in got)


def test_sub_item_and_values_after_it(ex):
    got = figs(ex, "一般公共预算收入40.2亿元、增长3.3%，其中税收收入29.5亿元、下降2%。")
    assert got == [("一般公共预算收入", "level", 40.2, "亿元", ""), ("一般公共预算收入", "growth", 3.3, "%", ""),
                   ("税收收入", "level", 29.5, "亿元", ""), ("税收收入", "growth", -2, "%", "")]


def test_parenthesised_restatement_keeps_subject(ex):
    out = ex.extract("全年实现地区生产总值760亿元、增长4.1%（剔除价格因素增长5%），规上工业增加值增长6%。", 0)
    assert [(f.indicator, f.value, f.in_paren) for f in out] == [
        ("地区生产总值", 760, False), ("地区生产总值", 4.1, False), ("地区生产总值", 5, True), ("规上工业增加值", 6, False)]


def test_other_investments_are_not_fixed_asset_investment(ex):
    got = figs(ex, "工业投资、民间投资分别增长15.2%、9.6%，房地产开发投资下降8%。")
    assert [g[0] for g in got] == ["工业投资", "民间投资", "房地产开发投资"]


@pytest.mark.parametrize("sentence, subjects", [
    # number first: the figure counts the noun after it
    ("新建改扩建12所学校和35个社区服务中心。", ["新建改扩建学校", "新建改扩建社区服务中心"]),
    ("提档升级东溪、南岭等7个中心集镇。", ["中心集镇"]),
    ("完成86家企业污染治理。", ["企业污染治理"]),
    # additions carry over to the next item; the stock after them does not
    ("新增科技型企业120家、国家高新技术企业45家。", ["新增科技型企业", "新增国家高新技术企业"]),
    ("新增市场主体2.4万户，总量突破15万户。", ["新增市场主体", "市场主体"]),
])
def test_subject_of_number_first_and_additions(ex, sentence, subjects):
    assert [f.indicator for f in ex.extract(sentence, 0)] == subjects


def test_baseline_from_to(ex):
    out = ex.extract("高新技术企业从180家增加到420家。", 0)
    assert [(f.indicator, f.value, f.lead.baseline) for f in out] == [
        ("高新技术企业数", 180, True), ("高新技术企业数", 420, False)]


def test_offsets_point_at_the_figure(ex):
    s = "其中，实现进出口贸易总额806.5亿元、增长9%。"
    out = ex.extract(s, 100)
    assert [s[f.start - 100:f.end - 100] for f in out] == ["806.5亿元", "9%"]
    assert out[0].indicator == "进出口总额"


def test_clauses_skip_parentheses_for_the_outer_clause():
    s = "建成社区卫生服务中心（站）17个，新增床位300张"
    spans = [(s[a:b], p) for a, b, p in clauses(s)]
    assert spans == [("建成社区卫生服务中心（站）17个", False), ("站", True), ("新增床位300张", False)]
