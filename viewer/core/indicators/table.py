"""Indicator rows: the value object, the headline (``primary``) choice, row order, the DataFrame and CSV.

Columns (DESIGN.md) — report, district, report_year, indicator, period, kind, measure, value, unit, qualifier,
sentence, start, end — plus ``subject`` (the subject as written), ``primary`` and ``section`` (the top section
role, or ``targets`` for the 主要预期目标 paragraph).

kind: actual (the reviewed year), target (this year's goals), plan_target (a multi-year plan's goal),
  average_growth (年均增长), average (年均 of an amount), cumulative (累计, additions or growth over a term),
  baseline (the X of 由X提高到Y; period = its year when written), partial (一季度, 1-11月 …).
measure: level (an amount, a count or a rate such as R&D intensity), growth (%, 个百分点 or 倍 over a year or,
  for cumulative, over the term; 下降 → negative, 持平 → 0), share (X占Y比重 when X/Y is not a known ratio),
  multiple (是2015年的1.5倍), change (an absolute increase: 增加620公里), contribution (拉动X增长…),
  gap (高于全市0.4个百分点).
value: in the unit as written (2009.5 亿元; ``numbers.scale`` converts).

``primary``: for each key (report, indicator, period, kind, measure) exactly one row is the headline figure:
  1. from the place that states it: the targets paragraph for a target (then the rest of plan_year), the
     review for an actual, the multi-year plan section for a plan target;
  2. not a parenthesised restatement (（扣除疫情影响因素增长6%）);
  3. for achieved figures (actual, cumulative, average_growth outside the plan sections) an exact value before
     an approximate one (突破2000亿元 then 达到2009.5亿元 → 2009.5);
  4. the first in the text.
Row order: rows of a key stay together, headline first; keys follow the text order of their headline.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Iterable

from viewer.core.indicators.numbers import APPROXIMATE, format_value

COLUMNS = ("report", "district", "report_year", "indicator", "period", "kind", "measure", "value", "unit",
           "qualifier", "sentence", "start", "end", "subject", "primary", "section")
_ACHIEVED = frozenset({"actual", "cumulative", "average_growth", "average"})
_HOME = {"target": ("targets", "plan_year"), "actual": ("review",), "plan_target": ("plan_multi_year",),
         "cumulative": ("review", "plan_multi_year"), "average_growth": ("review", "plan_multi_year")}


@dataclass(slots=True)
class Row:
    report: str
    district: str
    report_year: int | None
    indicator: str
    period: int | None
    kind: str
    measure: str
    value: float
    unit: str
    qualifier: str
    sentence: str
    start: int
    end: int
    subject: str = ""
    primary: bool = False
    section: str = ""
    in_paren: bool = False  # not a column: rank only

    @property
    def key(self) -> tuple:
        return (self.report, self.indicator, self.period, self.kind, self.measure)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("in_paren", None)
        return d


def _rank(row: Row) -> tuple:
    home = _HOME.get(row.kind, ())
    place = home.index(row.section) if row.section in home else len(home)
    achieved = row.kind in _ACHIEVED and row.section not in ("targets", "plan_year", "plan_multi_year")
    approx = 1 if (achieved and row.qualifier in APPROXIMATE) else 0
    return (place, 1 if row.in_paren else 0, approx, row.start)


def mark_primary(rows: list[Row]) -> list[Row]:
    """Flag one headline row per key and return the rows in output order (see module docstring)."""
    by_key: dict[tuple, list[Row]] = {}
    for r in rows:
        r.primary = False
        by_key.setdefault(r.key, []).append(r)
    ordered: list[tuple[int, list[Row]]] = []
    for group in by_key.values():
        group.sort(key=_rank)
        group[0].primary = True
        ordered.append((group[0].start, group))
    ordered.sort(key=lambda t: t[0])
    return [r for _, group in ordered for r in group]


def rows_to_frame(rows: Iterable[Row]):
    """A pandas DataFrame with ``COLUMNS`` (pandas imported here: start-up time matters)."""
    import pandas as pd

    records = [r.to_dict() for r in rows]
    df = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for col in ("report_year", "period"):
        df[col] = df[col].astype("Int64")
    df["value"] = df["value"].astype(float)
    df["start"] = df["start"].astype(int)
    df["end"] = df["end"].astype(int)
    df["primary"] = df["primary"].astype(bool)
    return df


def frame_to_csv_text(df) -> str:
    """UTF-8 CSV text of an indicator frame, values as written (2009.5, 3155 — not 3155.0)."""
    out = df.copy()
    out["value"] = [format_value(v) for v in out["value"]]
    return out.to_csv(index=False, lineterminator="\n")


def row_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Row) if f.name != "in_paren")
