"""Targets against results: year Y's target (from the year-Y report) against year Y's actual (from the year-Y+1
report), and an indicator's series over the years, both from an indicator frame (``indicators_frame``).

    from viewer.core.scorecard import scorecard, indicator_series
    card = scorecard(frame)                    # pandas DataFrame, one row per target (SCORE_COLUMNS)
    rows = score_rows(frame)                   # the same as ScoreRow value objects
    series = indicator_series(frame, "地区生产总值")

Only headline (``primary``) rows take part. Like is compared with like: the same district, indicator and measure
(level with level, growth with growth), in the same unit (亿元 and 万亿元 convert; % growth only with % growth).

A target is met when (``judge``):
  * 以上 / 突破 / 超过 / 余 / no qualifier: actual >= target;
  * 以内 / 以下 (a ceiling, whatever the indicator): actual <= target;
  * 左右 / 约 / 近: actual >= target - tolerance (``APPROX_GROWTH_TOLERANCE`` points for % growth, otherwise
    ``APPROX_RELATIVE_TOLERANCE`` of the target);
  * 持平 (target 0 growth): actual >= 0.
For "lower is better" indicators (``is_lower_better``: energy intensity, PM2.5, unemployment, prices …) the
comparisons are inverted: a target to cut energy intensity 3% (growth -3, 以上) is met by a cut of 4% (-4).

Nothing here imports Qt; pandas is imported only where a DataFrame is built.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Iterable

from viewer.core.indicators.numbers import scale

# A 左右 (about) target in % growth counts as met down to this many percentage points below it: 6%左右 → 5.5%.
APPROX_GROWTH_TOLERANCE = 0.5
# Any other 左右 target (a level such as 450亿元左右, a change in 个百分点): this fraction of the target.
APPROX_RELATIVE_TOLERANCE = 0.01

# Indicators where less is better: a target is a ceiling or a cut, and met from below.
LOWER_IS_BETTER = frozenset({
    "单位地区生产总值能耗", "城镇调查失业率", "城镇登记失业率", "PM2.5平均浓度", "居民消费价格涨幅",
})
LOWER_IS_BETTER_MARKERS = ("能耗", "失业率", "PM2.5", "排放", "价格涨幅", "死亡率", "负债率", "煤耗", "水耗")

AT_LEAST = frozenset({"", "以上", "突破", "超过", "余"})
AT_MOST = frozenset({"以内", "以下"})
APPROXIMATE = frozenset({"左右", "约", "近"})
FLAT = "持平"

STATUSES = ("met", "missed", "no_data")
# why a target has no result: no year-Y+1 report of the district is loaded / it does not state the figure (nor a
# later one) / the figure is in a unit that does not convert
NOTE_NO_REPORT = "no_next_report"
NOTE_NOT_STATED = "not_stated"
NOTE_UNIT = "unit_mismatch"

_SAME_UNITS = {"百分点": "个百分点"}
_MAGNITUDES = ("万亿", "千万", "百万", "十万", "万", "亿", "千")
_NOT_MAGNITUDE = ("千米", "千瓦", "千瓦时", "千克")


@dataclass(frozen=True, slots=True)
class ScoreRow:
    district: str
    indicator: str
    measure: str
    year: int
    target_value: float
    target_qualifier: str
    target_unit: str
    actual_value: float | None       # in the actual's unit as written
    actual_unit: str
    actual_qualifier: str
    status: str                      # met / missed / no_data
    gap: float | None                # actual - target, in the target's unit
    target_report: str
    actual_report: str
    target_sentence: str
    actual_sentence: str
    target_section: str              # "targets" (the 主要预期目标 paragraph) or "plan_year"
    target_start: int
    target_end: int
    actual_start: int | None
    actual_end: int | None
    lower_is_better: bool
    note: str                        # "" or NOTE_*: why there is no result

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


SCORE_COLUMNS = tuple(f.name for f in fields(ScoreRow))


# -- rules ------------------------------------------------------------------------------------------------------
def is_lower_better(indicator: str) -> bool:
    return indicator in LOWER_IS_BETTER or any(m in indicator for m in LOWER_IS_BETTER_MARKERS)


def judge(target: float, qualifier: str, actual: float, *, unit: str = "%", measure: str = "growth",
          lower_is_better: bool = False) -> bool:
    """Whether ``actual`` meets ``target`` written with ``qualifier`` (see the module docstring)."""
    if qualifier in AT_MOST:
        return actual <= target
    if qualifier == FLAT:
        return actual <= 0 if lower_is_better else actual >= 0
    if qualifier in APPROXIMATE:
        if measure == "growth" and unit == "%":
            tol = APPROX_GROWTH_TOLERANCE
        else:
            tol = abs(target) * APPROX_RELATIVE_TOLERANCE
        return actual <= target + tol if lower_is_better else actual >= target - tol
    return actual <= target if lower_is_better else actual >= target


def _base_unit(unit: str) -> tuple[str, float]:
    unit = _SAME_UNITS.get(unit, unit)
    if unit in _NOT_MAGNITUDE:
        return unit, 1.0
    for mag in _MAGNITUDES:
        if unit.startswith(mag):
            rest = unit[len(mag):]
            return (rest or "元"), scale(unit)  # a bare 亿 / 万亿 is money in these reports
    return unit, 1.0


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit`` (亿元 → 万亿元, 百分点 → 个百分点), or None if they differ."""
    if _SAME_UNITS.get(unit, unit) == _SAME_UNITS.get(to_unit, to_unit):
        return value
    b1, f1 = _base_unit(unit)
    b2, f2 = _base_unit(to_unit)
    if b1 != b2 or b1 == "%":
        return None
    return value * f1 / f2


# -- scorecard --------------------------------------------------------------------------------------------------
def _records(frame) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    cols = ["report", "district", "report_year", "indicator", "period", "kind", "measure", "value", "unit",
            "qualifier", "sentence", "start", "end", "primary", "section"]
    out = []
    for rec in frame[cols].to_dict("records"):
        if not rec["primary"]:
            continue
        for key in ("report_year", "period"):
            v = rec[key]
            rec[key] = None if v is None or v != v or str(v) == "<NA>" else int(v)
        out.append(rec)
    return out


def score_rows(frame) -> list[ScoreRow]:
    """The scorecard of an indicator frame as value objects (see ``scorecard``)."""
    recs = _records(frame)
    reports_by_year: dict[tuple[str, int], set[str]] = {}
    actuals: dict[tuple[str, str, str, int], list[dict]] = {}
    for r in recs:
        if r["report_year"] is not None:
            reports_by_year.setdefault((r["district"], r["report_year"]), set()).add(r["report"])
        if r["kind"] == "actual" and r["period"] is not None:
            actuals.setdefault((r["district"], r["indicator"], r["measure"], r["period"]), []).append(r)
    targets = [r for r in recs if r["kind"] == "target" and r["period"] is not None]
    out: list[ScoreRow] = []
    for t in targets:
        year = t["period"]
        lower = is_lower_better(t["indicator"])
        cands = [a for a in actuals.get((t["district"], t["indicator"], t["measure"], year), ())
                 if a["report_year"] is not None and a["report_year"] > year]
        # the year-Y+1 report first, then the nearest later one
        cands.sort(key=lambda a: (a["report_year"] - year - 1, a["report"], a["start"]))
        actual = cands[0] if cands else None
        value = gap = None
        status, note = "no_data", ""
        if actual is None:
            note = NOTE_NOT_STATED if (t["district"], year + 1) in reports_by_year else NOTE_NO_REPORT
        else:
            value = convert(actual["value"], actual["unit"], t["unit"])
            if value is None:
                note = NOTE_UNIT
            else:
                gap = round(value - t["value"], 6)
                met = judge(t["value"], t["qualifier"], value, unit=t["unit"], measure=t["measure"],
                            lower_is_better=lower)
                status = "met" if met else "missed"
        out.append(ScoreRow(
            district=t["district"], indicator=t["indicator"], measure=t["measure"], year=year,
            target_value=t["value"], target_qualifier=t["qualifier"], target_unit=t["unit"],
            actual_value=actual["value"] if actual else None, actual_unit=actual["unit"] if actual else "",
            actual_qualifier=actual["qualifier"] if actual else "", status=status, gap=gap,
            target_report=t["report"], actual_report=actual["report"] if actual else "",
            target_sentence=t["sentence"], actual_sentence=actual["sentence"] if actual else "",
            target_section=t["section"], target_start=t["start"], target_end=t["end"],
            actual_start=actual["start"] if actual else None, actual_end=actual["end"] if actual else None,
            lower_is_better=lower, note=note))
    out.sort(key=lambda s: (s.district, s.year, s.target_report, s.target_start))
    return out


def to_frame(rows: Iterable[ScoreRow]):
    """A pandas DataFrame with ``SCORE_COLUMNS`` (pandas imported here)."""
    import pandas as pd

    df = pd.DataFrame.from_records([r.to_dict() for r in rows], columns=list(SCORE_COLUMNS))
    for col in ("year", "actual_start", "actual_end", "target_start", "target_end"):
        df[col] = df[col].astype("Int64")
    for col in ("target_value", "actual_value", "gap"):
        df[col] = df[col].astype(float)
    return df


def scorecard(frame):
    """Year Y's targets against year Y's results, one row per headline target of ``frame``.

    ``frame`` is an indicator frame (``viewer.core.indicators.indicators_frame``). Returns a pandas DataFrame,
    rows ordered by district, year and text order, with columns:

    district, indicator, measure (level / growth / share …), year (the year the target is for);
    target_value, target_qualifier (以上 / 左右 / 以内 / 持平 / ""), target_unit — as written in the year-Y report;
    actual_value, actual_unit, actual_qualifier — as written in the year-Y+1 report (NaN / "" when none);
    status — "met", "missed" or "no_data";
    gap — actual - target in the target's unit (NaN when no data);
    target_report, actual_report — report names; target_sentence, actual_sentence — the source sentences;
    target_section — "targets" for the 主要预期目标 paragraph, else the section role (plan_year);
    target_start, target_end, actual_start, actual_end — offsets of the figures in their report's text;
    lower_is_better — whether the comparison was inverted (energy intensity, unemployment …);
    note — why there is no data: "no_next_report", "not_stated" or "unit_mismatch" ("" otherwise).
    """
    return to_frame(score_rows(frame))


# -- series -----------------------------------------------------------------------------------------------------
SERIES_COLUMNS = ("district", "period", "kind", "measure", "value", "unit", "qualifier", "report", "report_year",
                  "sentence", "start", "end")
SERIES_KINDS = ("actual", "target", "plan_target")


def indicator_series(frame, indicator: str):
    """The points of one indicator over the years, per district, for plotting: a DataFrame with
    ``SERIES_COLUMNS``, ``measure`` "level" or "growth" and ``kind`` "actual", "target" or "plan_target".

    ``period`` is the year the figure is about. One actual per (district, measure, period): the year-Y+1
    report's figure first, then the nearest report. Targets keep one point per report. Values are converted to
    one unit per measure (the unit of the latest actual); a point in a unit that does not convert is left out.
    """
    import pandas as pd

    recs = [r for r in _records(frame) if r["indicator"] == indicator and r["period"] is not None
            and r["kind"] in SERIES_KINDS and r["measure"] in ("level", "growth")]
    out: list[dict[str, Any]] = []
    for measure in ("level", "growth"):
        rows = [r for r in recs if r["measure"] == measure]
        if not rows:
            continue
        acts = [r for r in rows if r["kind"] == "actual"]
        ref = max(acts or rows, key=lambda r: (r["period"], r["report_year"] or 0))
        unit = ref["unit"]
        best: dict[tuple[str, int], tuple[tuple, dict]] = {}
        for r in acts:
            key = (r["district"], r["period"])
            rank = (abs((r["report_year"] or 0) - r["period"] - 1), r["report"], r["start"])
            if key not in best or rank < best[key][0]:
                best[key] = (rank, r)
        chosen = [r for _rank, r in best.values()] + [r for r in rows if r["kind"] != "actual"]
        for r in chosen:
            if measure == "growth" and r["unit"] != unit:
                continue
            value = convert(r["value"], r["unit"], unit)
            if value is None:
                continue
            out.append({"district": r["district"], "period": r["period"], "kind": r["kind"], "measure": measure,
                        "value": value, "unit": unit, "qualifier": r["qualifier"], "report": r["report"],
                        "report_year": r["report_year"], "sentence": r["sentence"], "start": r["start"],
                        "end": r["end"]})
    out.sort(key=lambda d: (d["measure"], d["district"], d["kind"], d["period"]))
    return pd.DataFrame.from_records(out, columns=list(SERIES_COLUMNS))
