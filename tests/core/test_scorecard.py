"""Scorecard: year Y's targets (year-Y report) against year Y's actuals (year-Y+1 report); indicator series."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.indicators import indicators_frame
from viewer.core.indicators.table import Row, mark_primary, rows_to_frame
from viewer.core.loader import load_report
from viewer.core.paths import sample_files
from viewer.core.scorecard import (
    APPROX_GROWTH_TOLERANCE, SCORE_COLUMNS, convert, indicator_series, is_lower_better, judge, score_rows, scorecard,
)


def row(report: str, year: int, indicator: str, period: int, kind: str, value: float, unit: str = "%",
        qualifier: str = "", measure: str = "growth", district: str = "渝北区", start: int = 0) -> Row:
    section = {"target": "targets", "actual": "review"}.get(kind, "plan_year")
    return Row(report=report, district=district, report_year=year, indicator=indicator, period=period, kind=kind,
               measure=measure, value=value, unit=unit, qualifier=qualifier, sentence=f"{indicator}{value}{unit}",
               start=start, end=start + 4, section=section)


def frame(*rows: Row):
    return rows_to_frame(mark_primary(list(rows)))


@pytest.mark.parametrize(("target", "qualifier", "actual", "lower", "met"), [
    # 以上 / 突破 / 超过 / no qualifier: at least the target
    (6.0, "以上", 8.5, False, True),
    (6.0, "以上", 6.0, False, True),
    (6.0, "以上", 5.9, False, False),
    (1000.0, "突破", 1001.0, False, True),
    (7.0, "", 6.9, False, False),
    (7.0, "", 16.6, False, True),
    # 以内 / 以下: a ceiling, whatever the indicator
    (3.0, "以内", 2.5, False, True),
    (3.0, "以内", 3.2, False, False),
    (5.5, "以下", 5.5, True, True),
    # 左右: down to target - 0.5 points for % growth
    (6.0, "左右", 5.5, False, True),
    (6.0, "左右", 5.4, False, False),
    (6.5, "约", 6.2, False, True),
    # 持平: target 0 growth
    (0.0, "持平", 8.2, False, True),
    (0.0, "持平", -0.1, False, False),
    # lower is better: a cut of 3% (growth -3) is met by a cut of 4%, not by a cut of 2%
    (-3.0, "以上", -4.0, True, True),
    (-3.0, "", -2.0, True, False),
    (-3.0, "左右", -2.6, True, True),
    (-3.0, "左右", -2.4, True, False),
])
def test_judge(target, qualifier, actual, lower, met):
    assert judge(target, qualifier, actual, unit="%", measure="growth", lower_is_better=lower) is met


def test_approximate_level_uses_a_relative_tolerance():
    # 450亿元左右: 1% of the target below still counts (445.5), 440 does not
    assert judge(450.0, "左右", 446.0, unit="亿元", measure="level")
    assert not judge(450.0, "左右", 440.0, unit="亿元", measure="level")
    assert APPROX_GROWTH_TOLERANCE == 0.5


@pytest.mark.parametrize(("name", "lower"), [
    ("单位地区生产总值能耗", True), ("城镇调查失业率", True), ("PM2.5平均浓度", True), ("居民消费价格涨幅", True),
    ("地区生产总值", False), ("空气质量优良天数", False),
])
def test_lower_is_better(name, lower):
    assert is_lower_better(name) is lower


@pytest.mark.parametrize(("value", "unit", "to", "expected"), [
    (1.4, "万亿元", "亿元", 14000.0),
    (2000.0, "亿", "亿元", 2000.0),       # a bare 亿 is money
    (5.6, "万人", "人", 56000.0),
    (0.5, "百分点", "个百分点", 0.5),
    (6.0, "%", "个百分点", None),         # a rate of growth is not a change in points
    (3.0, "家", "个", None),
    (11.4, "公里", "千米", None),         # 千米 is a unit, not a magnitude: no silent conversion
])
def test_convert(value, unit, to, expected):
    got = convert(value, unit, to)
    assert got == expected if expected is None else math.isclose(got, expected)


def test_like_with_like_and_the_next_years_report():
    df = frame(
        row("a-2021", 2021, "地区生产总值", 2021, "target", 6.0, qualifier="以上"),
        row("a-2021", 2021, "进出口总额", 2021, "target", 1800.0, unit="亿元", measure="level", start=10),
        row("a-2021", 2021, "研发经费投入强度", 2021, "target", 0.2, unit="个百分点", start=20),
        row("a-2021", 2021, "城镇新增就业", 2021, "target", 5.0, unit="万人", measure="level", start=30),
        row("a-2022", 2022, "地区生产总值", 2021, "actual", 8.5),
        row("a-2022", 2022, "地区生产总值", 2021, "actual", 2235.6, unit="亿元", measure="level", start=5),
        row("a-2022", 2022, "进出口总额", 2021, "actual", 0.19, unit="万亿元", measure="level", start=10),
        row("a-2022", 2022, "研发经费投入强度", 2021, "actual", 4.4, unit="%", start=20),
        # a later report restating 2021 does not win over the year-Y+1 report
        row("a-2023", 2023, "地区生产总值", 2021, "actual", 8.0),
    )
    by = {(r.indicator, r.measure): r for r in score_rows(df)}
    gdp = by[("地区生产总值", "growth")]
    assert (gdp.status, gdp.gap, gdp.actual_report, gdp.year) == ("met", 2.5, "a-2022", 2021)
    trade = by[("进出口总额", "level")]      # 0.19万亿元 = 1900亿元, gap in the target's unit
    assert trade.status == "met" and math.isclose(trade.gap, 100.0) and trade.actual_unit == "万亿元"
    rd = by[("研发经费投入强度", "growth")]   # 个百分点 vs %: not comparable
    assert (rd.status, rd.note, rd.gap) == ("no_data", "unit_mismatch", None)
    jobs = by[("城镇新增就业", "level")]
    assert (jobs.status, jobs.note) == ("no_data", "not_stated")
    assert ("地区生产总值", "level") not in by  # an actual without a target is not a scorecard row


def test_no_next_report_and_other_districts_never_mix():
    df = frame(
        row("a-2022", 2022, "地区生产总值", 2022, "target", 6.5, qualifier="左右"),
        row("b-2023", 2023, "地区生产总值", 2022, "actual", 9.0, district="大渡口区"),
    )
    (only,) = score_rows(df)
    assert (only.status, only.note, only.actual_report) == ("no_data", "no_next_report", "")


def test_only_primary_rows():
    df = frame(
        row("a-2021", 2021, "地区生产总值", 2021, "target", 6.0, qualifier="以上", start=0),
        row("a-2021", 2021, "地区生产总值", 2021, "target", 5.0, start=100),          # a restatement
        row("a-2022", 2022, "地区生产总值", 2021, "actual", 5.5),
    )
    assert [(r.target_value, r.status) for r in score_rows(df)] == [(6.0, "missed")]


def test_empty_frame_gives_empty_table_with_columns():
    df = scorecard(frame())
    assert list(df.columns) == list(SCORE_COLUMNS) and len(df) == 0


@given(target=st.floats(-50, 50, allow_nan=False), actual=st.floats(-50, 50, allow_nan=False),
       qualifier=st.sampled_from(["", "以上", "突破", "超过"]), lower=st.booleans())
def test_status_agrees_with_the_sign_of_the_gap(target, actual, qualifier, lower):
    met = judge(target, qualifier, actual, lower_is_better=lower)
    gap = actual - target
    assert met == (gap <= 0 if lower else gap >= 0)


@given(target=st.floats(0, 30, allow_nan=False), a=st.floats(-30, 60, allow_nan=False),
       b=st.floats(-30, 60, allow_nan=False), qualifier=st.sampled_from(["", "以上", "左右", "约", "持平"]))
def test_more_never_turns_met_into_missed(target, a, b, qualifier):
    lo, hi = sorted((a, b))
    if judge(target, qualifier, lo):
        assert judge(target, qualifier, hi)


# -- the samples --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_frame():
    return indicators_frame([load_report(p) for p in sample_files()])


def test_yubei_2021_targets_against_yubei_2022_results(sample_frame):
    card = scorecard(sample_frame)
    yb = card[(card["target_report"] == "yubei-2021.txt") & (card["target_section"] == "targets")]
    got = {r.indicator: (r.target_value, r.target_qualifier, r.actual_value, r.status, r.gap)
           for r in yb.itertuples()}
    assert got["地区生产总值"] == (6.0, "以上", 8.5, "met", 2.5)
    assert got["规上工业总产值"][2:4] == (16.6, "met")
    assert got["固定资产投资"][:2] == (0.0, "持平") and got["固定资产投资"][3] == "met"
    assert got["社会消费品零售总额"][2:4] == (13.0, "met")
    assert got["一般公共预算收入"][2:4] == (10.2, "met")
    assert got["城乡常住居民人均可支配收入"][3] == "no_data"   # yubei-2022 gives levels, not this growth
    assert set(yb["actual_report"].dropna()) - {""} == {"yubei-2022.txt"}
    missed = card[(card["target_report"] == "yubei-2021.txt") & (card["status"] == "missed")]
    assert "矛盾纠纷化解率" in set(missed["indicator"])   # 90%以上 targeted, 85%以上 reported
    # yubei-2022's 2022 targets: no 2023 report is loaded
    later = card[card["target_report"] == "yubei-2022.txt"]
    assert set(later["status"]) == {"no_data"} and set(later["note"]) == {"no_next_report"}
    # the offsets point at the figures in their reports
    gdp = yb[yb["indicator"] == "地区生产总值"].iloc[0]
    texts = {p.name: load_report(p).text for p in sample_files() if p.name.startswith("yubei-202")}
    assert texts["yubei-2021.txt"][gdp.target_start:gdp.target_end].startswith("6%")
    assert texts["yubei-2022.txt"][int(gdp.actual_start):int(gdp.actual_end)] == "8.5%"


def test_yubei_gdp_series(sample_frame):
    s = indicator_series(sample_frame, "地区生产总值")
    yb = s[s["district"] == "渝北区"]
    level = yb[(yb["measure"] == "level") & (yb["kind"] == "actual")]
    assert list(level["period"]) == [2020, 2021, 2023]
    assert list(level["value"]) == [2009.5, 2235.6, 2442.6] and set(level["unit"]) == {"亿元"}
    growth = yb[(yb["measure"] == "growth") & (yb["kind"] == "actual")]
    assert list(zip(growth["period"], growth["value"])) == [(2020, 3.6), (2021, 8.5), (2023, 4.2)]
    targets = yb[(yb["measure"] == "growth") & (yb["kind"] == "target")]
    assert list(zip(targets["period"], targets["value"])) == [(2021, 6.0), (2022, 6.5), (2024, 7.0)]
    assert list(yb.loc[yb["kind"] == "plan_target", "period"]) == [2026]
