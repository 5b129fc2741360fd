"""The title page of the PDF: the reports compared, the export date, summary counts of changes per pair of
neighbouring reports, the legend, and the target-vs-actual scorecard when ``viewer.core.scorecard`` provides one.

Built as HTML for a ``QTextDocument`` that paginates itself (a long scorecard flows onto further pages).
"""
from __future__ import annotations

import dataclasses
import html
import logging
from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication

from viewer.core.comparison import Comparison
from viewer.core.diff import DELETE, EQUAL, INSERT
from viewer.core.highlights import KINDS
from viewer.core.model import Report
from viewer.ui.compare_model import STYLES
from viewer.ui.labels import kind_label

log = logging.getLogger(__name__)

MAX_SCORECARD_ROWS = 80
Table = tuple[list[str], list[list[str]], int]   # header, rows, targets left out (no result stated)


def t(text: str) -> str:
    return QCoreApplication.translate("PdfExport", text)


def report_name(report: Report) -> str:
    """Short column name: district and year ("渝北区 2022"), else the file name."""
    name = f"{report.meta.district} {report.meta.year or ''}".strip()
    return name or report.name


# -- summary counts ------------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True, slots=True)
class PairSummary:
    a: int
    b: int
    rows: int          # aligned rows with a piece on either side
    changed: int       # rows whose diff holds anything but equal text
    inserted: int      # characters
    deleted: int
    moved: int         # characters moved (both sides)
    equal_share: float


def pair_summaries(comparison: Comparison) -> list[PairSummary]:
    out = []
    for a in range(len(comparison.alignment.reports) - 1):
        diffs = [d.diff for d in comparison.pair_diffs(a)]
        ops = [op for d in diffs for op in d.ops]
        equal = sum(d.equal_chars for d in diffs)
        total = sum((d.a_end - d.a_start) + (d.b_end - d.b_start) for d in diffs)
        out.append(PairSummary(
            a, a + 1, len(diffs),
            sum(1 for d in diffs if any(op.kind != EQUAL for op in d.ops)),
            sum(op.b_end - op.b_start for op in ops if op.kind == INSERT),
            sum(op.a_end - op.a_start for op in ops if op.kind == DELETE),
            sum((op.a_end - op.a_start) + (op.b_end - op.b_start) for op in ops
                if op.kind not in (EQUAL, INSERT, DELETE)),
            2 * equal / total if total else 1.0))
    return out


# -- scorecard (optional) ------------------------------------------------------------------------------------------
def t_noop(text: str) -> str:
    """Marks a string for translation (packaging/i18n.py collects it) where it is translated later by ``t``."""
    return text


STATUS_LABELS = {"met": t_noop("达成"), "missed": t_noop("未达成"), "no_data": t_noop("无数据")}


def scorecard_table(reports: Sequence[Report]) -> Table | None:
    """The target-vs-actual scorecard of ``reports`` (``viewer.core.scorecard.score_rows`` over their
    indicators), or None when no target has a result among them. The scorecard is an extra: a failure in it
    is logged and leaves it out, never the export."""
    from viewer.core.indicators import indicators_frame
    from viewer.core.scorecard import score_rows

    try:
        return _score_table(score_rows(indicators_frame(list(reports))))
    except Exception as exc:  # noqa: BLE001 - the comparison must still export
        log.warning("scorecard left out of the PDF: %s: %s", type(exc).__name__, exc)
        return None


def _score_table(rows: Sequence[Any]) -> Table | None:
    """Targets with a result (met / missed); the count of those the next report does not state is a note."""
    shown = [r for r in rows if r.status in ("met", "missed")]
    unstated = sum(1 for r in rows if r.status == "no_data" and getattr(r, "note", "") == "not_stated")
    if not shown:
        return None
    header = [t("地区"), t("年份"), t("指标"), t("目标"), t("实际"), t("结果"), t("差距")]
    out = []
    for r in shown:
        growth = t("增长") if r.measure == "growth" else ""
        target = (t("持平") if r.target_qualifier == "持平"
                  else f"{growth}{_num(r.target_value)}{r.target_unit}{r.target_qualifier}")
        actual = (f"{growth}{_num(r.actual_value)}{r.actual_unit}{r.actual_qualifier}"
                  if r.actual_value is not None else t("未提及"))
        gap = f"{r.gap:+g}{r.target_unit}" if r.gap is not None else ""
        out.append([r.district, str(r.year), r.indicator, target, actual, t(STATUS_LABELS.get(r.status, r.status)),
                    gap])
    return header, out, unstated


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


# -- HTML ------------------------------------------------------------------------------------------------------------
def legend_html(kinds: frozenset[str]) -> str:
    chips = []
    for kind in KINDS:
        colour, deco = STYLES[kind]
        style = f"background-color:{colour};" + (f"text-decoration:{deco};color:#8a1c1c;" if deco else "")
        shown = t("（已标出）") if kind in kinds else t("（未标出）")
        chips.append(f'<span style="{style}">&nbsp;{html.escape(kind_label(kind))}&nbsp;</span>'
                     f'<span style="color:#666">{shown}</span>')
    return "&nbsp;&nbsp;&nbsp;".join(chips)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align_right: Sequence[int] = ()) -> str:
    head = "".join(f'<th bgcolor="#eeeeee" align="left">{html.escape(h)}</th>' for h in header)
    body = []
    for r in rows:
        tds = "".join(f'<td{" align=right" if i in align_right else ""}>{html.escape(str(v))}</td>'
                      for i, v in enumerate(r))
        body.append(f"<tr>{tds}</tr>")
    return ('<table border="1" cellspacing="0" cellpadding="4" width="100%" '
            'style="border-collapse:collapse;border-color:#bbbbbb">'
            f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>")


def front_html(comparison: Comparison, title: str, kinds: frozenset[str], exported: str,
               scorecard: Table | None) -> str:
    reports = comparison.alignment.reports
    rows = list(comparison.alignment.walk())
    everywhere = sum(1 for _rid, r in rows if all(c is not None for c in r.cells))
    single = sum(1 for _rid, r in rows if len(r.present) == 1)
    parts = [
        f'<h1 style="font-size:20pt">{html.escape(title)}</h1>',
        f'<p style="color:#555">{html.escape(t("%1 份报告对照 · 导出于 %2").replace("%1", str(len(reports))).replace("%2", exported))}</p>',
        f"<h2>{html.escape(t('对照的报告'))}</h2>",
        _table([t("栏"), t("地区"), t("年份"), t("标题"), t("日期"), t("文件"), t("字数")],
               [[str(i + 1), r.meta.district, str(r.meta.year or ""), r.meta.title, r.meta.date, r.name,
                 f"{len(r.text):,}"] for i, r in enumerate(reports)], align_right=(6,)),
        f"<h2>{html.escape(t('变化概要'))}</h2>",
        "<p>" + html.escape(t("共 %1 个对齐行：%2 行各报告都有，%3 行只见于一份报告。").replace("%1", str(len(rows)))
                            .replace("%2", str(everywhere)).replace("%3", str(single))) + "</p>",
        _table([t("对照"), t("对齐行"), t("有变化"), t("新增（字）"), t("删除（字）"), t("移动（字）"), t("相同文字占比")],
               [[f"{report_name(reports[p.a])} → {report_name(reports[p.b])}", str(p.rows), str(p.changed),
                 f"{p.inserted:,}", f"{p.deleted:,}", f"{p.moved:,}", f"{p.equal_share:.0%}"]
                for p in pair_summaries(comparison)], align_right=(1, 2, 3, 4, 5, 6)),
        f"<h2>{html.escape(t('图例'))}</h2>",
        f"<p>{legend_html(kinds)}</p>",
        '<p style="color:#555">' + html.escape(t(
            "每一行是各报告中相互对应的部分，逐栏并排；“—”表示该报告没有对应内容。新增：与左邻一栏相比新出现的文字；"
            "删除：到右邻一栏不再出现的文字；移动：换了位置的文字。页边的竖条标出有变化的行。")) + "</p>",
    ]
    if scorecard is not None:
        columns, table_rows, unstated = scorecard
        more = len(table_rows) - MAX_SCORECARD_ROWS
        parts += [f"<h2>{html.escape(t('目标与实际'))}</h2>",
                  _table(columns, table_rows[:MAX_SCORECARD_ROWS])]
        notes = []
        if more > 0:
            notes.append(t("另有 %1 行未列出。").replace("%1", str(more)))
        if unstated:
            notes.append(t("另有 %1 个目标在下一年的报告中未见实际数。").replace("%1", str(unstated)))
        if notes:
            parts.append(f'<p style="color:#555">{html.escape("".join(notes))}</p>')
    return "<html><body>" + "".join(parts) + "</body></html>"
