"""The indicator engine: every figure of a report with indicator, period, kind, measure, unit and qualifier.

    from viewer.core.indicators import extract_indicators, indicators_frame
    rows = extract_indicators(report)          # list[Row], headline rows flagged ``primary``
    df = indicators_frame([report, ...])       # pandas DataFrame, columns in table.COLUMNS

Modules: ``numbers`` (number + unit scan), ``dictionary`` (resources/indicators.json), ``lead`` (the words
before a figure), ``extract`` (subjects and measures in a sentence), ``classify`` (kind and period), ``table``
(rows, headline, DataFrame). Nothing here imports Qt; pandas is imported only by ``indicators_frame``.
"""
from __future__ import annotations

import re
from typing import Iterable

from viewer.core.indicators.classify import ReportClassifier
from viewer.core.indicators.dictionary import IndicatorDictionary, load_dictionary
from viewer.core.indicators.extract import SentenceExtractor
from viewer.core.indicators.numbers import scale
from viewer.core.indicators.table import COLUMNS, Row, frame_to_csv_text, mark_primary, rows_to_frame
from viewer.core.model import Report, Section

__all__ = ["COLUMNS", "Row", "extract_indicators", "indicators_frame", "frame_to_csv_text", "load_dictionary"]

SKIPPED_ROLES = frozenset({"notice", "preamble", "glossary"})


def _infer_year(report: Report) -> int | None:
    if report.meta.year:
        return report.meta.year
    for s in report.sections:
        m = re.search(r"(\d{4})年", s.title)
        if m is None:
            continue
        y = int(m.group(1))
        if s.role == "plan_year":
            return y
        if s.role == "review":
            return y + 1
    return None


def extract_indicators(report: Report, dictionary: IndicatorDictionary | None = None) -> list[Row]:
    """All figures of ``report`` as rows, in output order (see ``table.mark_primary``)."""
    dic = dictionary or load_dictionary()
    year = _infer_year(report)
    extractor = SentenceExtractor(dic)
    classifier = ReportClassifier(report, year or 0)
    tops: list[Section] = sorted(report.sections, key=lambda s: s.start)
    name = report.name
    district = report.meta.district
    rows: list[Row] = []
    term_amounts: list[int] = []   # rows of money amounts in the review of the whole term (see below)
    ti = 0
    for para in report.paragraphs:
        while ti + 1 < len(tops) and tops[ti + 1].start <= para.start:
            ti += 1
        top = tops[ti] if tops and tops[ti].start <= para.start < tops[ti].end else None
        if top is not None and top.role in SKIPPED_ROLES:
            continue
        ctx = classifier.paragraph_context(para, top)
        para_horizon: int | None = None
        for sent in para.sentences:
            figures = extractor.extract(sent.text, sent.start)
            for fig in figures:
                kind, period = classifier.classify(fig, ctx, sent.text, fig.start - sent.start, para_horizon)
                if year is None:
                    period = None
                if (kind == "actual" and ctx.role == "review" and ctx.scope == "term" and fig.measure == "level"
                        and _is_money(fig.unit)):
                    term_amounts.append(len(rows))
                rows.append(Row(report=name, district=district, report_year=year, indicator=fig.indicator,
                                period=period, kind=kind, measure=fig.measure, value=fig.value, unit=fig.unit,
                                qualifier=fig.qualifier, sentence=sent.text, start=fig.start, end=fig.end,
                                subject=fig.subject, section=ctx.role, in_paren=fig.in_paren))
            if ctx.role == "plan_multi_year":
                para_horizon = classifier.horizon_in(sent.text) or para_horizon
    _sums_over_the_term(rows, term_amounts, year)
    return mark_primary(rows)


#: a money amount in the review of the whole term this many times the report's own figure for one year of the
#: same indicator is a sum over the term (实现进出口总额7700亿元 in 过去五年… beside this year's 2000亿元 target)
TERM_SUM_RATIO = 2.5


def _is_money(unit: str) -> bool:
    return unit.endswith("元") and unit not in ("元", "万元")  # totals, not per-head amounts (人均…元)


def _sums_over_the_term(rows: list[Row], candidates: list[int], year: int | None) -> None:
    """A five-year review often states what was done over the term without 累计 (实现进出口总额7700亿元,
    全社会研发经费投入375亿元): such an amount, unmarked, reads as the last year's level. The report itself tells
    them apart: its one-year figures of the same indicator (last year's result, this year's target) are of the
    size of one year, and a money amount several times that size cannot be one year's."""
    if year is None or not candidates:
        return
    chosen = set(candidates)
    yearly: dict[str, float] = {}
    for i, r in enumerate(rows):
        if (i not in chosen and r.measure == "level" and r.kind in ("actual", "target") and _is_money(r.unit)
                and r.period in (year - 1, year) and r.value > 0):
            base = r.value * scale(r.unit)
            yearly[r.indicator] = max(yearly.get(r.indicator, 0.0), base)
    for i in candidates:
        r = rows[i]
        one_year = yearly.get(r.indicator)
        if one_year and r.value * scale(r.unit) >= TERM_SUM_RATIO * one_year:
            r.kind = "cumulative"


def indicators_frame(reports: Iterable[Report], dictionary: IndicatorDictionary | None = None):
    """One DataFrame of the figures of all ``reports`` (pandas is imported on first use)."""
    rows: list[Row] = []
    for r in reports:
        rows.extend(extract_indicators(r, dictionary))
    return rows_to_frame(rows)
