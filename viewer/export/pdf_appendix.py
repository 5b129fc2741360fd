"""The PDF's appendix on policy phrasing (提法), from ``viewer.core.phrases``: the change-intensity matrix as a
coloured table (sections × neighbouring pairs), the classified edits (intensity, qualifier and number changes)
in their colours, and per district the phrases new in its latest report and those dropped from it.

Built as HTML for a paginating ``QTextDocument``, like the title page. Everything is computed from the
comparison being exported (its alignment and diffs), so it matches the body pages.
"""
from __future__ import annotations

import html
import logging
from typing import Sequence

from viewer.core.comparison import Comparison
from viewer.core.phrases import (ALL_DISTRICTS, INTENSITY, KIND_COLOURS, NUMBER, QUALIFIER, ChangeMatrix, Edit,
                                 Lifecycle, change_matrix, classify_edits, phrase_lifecycle)
from viewer.core.tokenize import Tokenizer
from viewer.export.pdf_front import t, t_noop
from viewer.ui.labels import role_label

log = logging.getLogger(__name__)

MAX_EDITS = 150
MAX_PHRASES = 40                # per list (new / dropped) and district
MATRIX_LEVEL = 2                # top sections and their parts
KIND_NAMES = {INTENSITY: t_noop("力度"), QUALIFIER: t_noop("限定词"), NUMBER: t_noop("数值")}
DIRECTION_NAMES = {"stronger": t_noop("加强"), "weaker": t_noop("减弱"), "firmer": t_noop("收紧"),
                   "softer": t_noop("放宽"), "up": t_noop("上调"), "down": t_noop("下调")}   # as in the 提法 tab


def appendix_html(comparison: Comparison, tokenizer: Tokenizer) -> str:
    """The appendix as HTML (empty when nothing could be computed: the appendix is an extra, never a failure)."""
    try:
        matrix = change_matrix(comparison, tokenizer)
        edits = classify_edits(comparison)
        life = phrase_lifecycle(comparison.alignment.reports, tokenizer)
    except Exception as exc:  # noqa: BLE001 - the comparison must still export
        log.warning("phrase appendix left out of the PDF: %s: %s", type(exc).__name__, exc)
        return ""
    parts = [f'<h1 style="font-size:16pt">{html.escape(t("附录：提法变化"))}</h1>',
             _matrix_html(matrix), _edits_html(edits, comparison), _lifecycle_html(life)]
    return "<html><body>" + "".join(parts) + "</body></html>"


def heat_colour(share: float) -> str:
    """White (no change) → orange → deep red (all changed), as the app's heat map."""
    share = min(1.0, max(0.0, share))
    r, g, b = 255, int(255 - 170 * share), int(255 - 215 * share)
    return f"#{r:02x}{g:02x}{b:02x}"


def _matrix_html(matrix: ChangeMatrix) -> str:
    out = [f"<h2>{html.escape(t('各部分变化强度'))}</h2>",
           '<p style="color:#555">' + html.escape(t(
               "每格为对齐的这一部分在相邻两份报告之间改动的词所占比例（新增与删除的词 ÷ 两边的词）；空格表示其中一份报告没有这一部分。"))
           + "</p>"]
    # pairs of one district's years; across districts only when no district has two years here
    shown = [j for j, c in enumerate(matrix.columns) if c.same_district] or list(range(len(matrix.columns)))
    reports = sorted({i for j in shown for i in (matrix.columns[j].a, matrix.columns[j].b)})
    head = "".join(f'<th bgcolor="#eeeeee">{html.escape(matrix.columns[j].against)} → '
                   f'{html.escape(matrix.columns[j].label)}</th>' for j in shown)
    rows = []
    for i, row in enumerate(matrix.rows):
        cells = [matrix.cells[i][j] for j in shown]
        if row.level > MATRIX_LEVEL or all(c is None for c in cells):
            continue
        text, role = row.label_for(reports)
        indent = "&nbsp;" * 4 * (row.level - 1)
        label = html.escape(role_label(role) if text.startswith("[") and role else text)
        label = f"<b>{label}</b>" if row.level == 1 else label
        tds = []
        for cell in cells:
            if cell is None:
                tds.append('<td align="center" style="color:#999">—</td>')
            else:
                tds.append(f'<td align="right" bgcolor="{heat_colour(cell.share)}">{cell.share:.0%}</td>')
        rows.append(f"<tr><td>{indent}{label}</td>{''.join(tds)}</tr>")
    out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-color:#bbbbbb">'
               f'<thead><tr><th bgcolor="#eeeeee" align="left">{html.escape(t("部分"))}</th>{head}</tr></thead>'
               + "".join(rows) + "</table>")
    return "".join(out)


def _edits_html(edits: Sequence[Edit], comparison: Comparison) -> str:
    reports = comparison.alignment.reports
    out = [f"<h2>{html.escape(t('提法的力度、限定词和数值变化'))}</h2>"]
    if not edits:
        out.append(f"<p>{html.escape(t('对齐的句子中没有这类变化。'))}</p>")
        return "".join(out)
    chips = "&nbsp;&nbsp;".join(
        f'<span style="background-color:{KIND_COLOURS[k]}">&nbsp;{html.escape(t(name))}&nbsp;</span>'
        for k, name in KIND_NAMES.items())
    out.append(f"<p>{chips}</p>")
    rows = []
    for e in edits[:MAX_EDITS]:
        pair = f"{_label(reports[e.a])} → {_label(reports[e.b])}"
        colour = KIND_COLOURS.get(e.kind, "#eeeeee")
        what = html.escape(t(KIND_NAMES.get(e.kind, e.kind)))
        direction = html.escape(t(DIRECTION_NAMES[e.direction])) if e.direction in DIRECTION_NAMES else ""
        rows.append(f'<tr><td bgcolor="{colour}">{what}</td><td>{direction}</td><td>{html.escape(pair)}</td>'
                    f"<td>{html.escape(e.indicator)}</td><td>{html.escape(e.before)}</td>"
                    f"<td>{html.escape(e.after)}</td></tr>")
    head = "".join(f'<th bgcolor="#eeeeee" align="left">{html.escape(t(h))}</th>'
                   for h in (t_noop("类别"), t_noop("方向"), t_noop("对照"), t_noop("指标"), t_noop("原文"),
                             t_noop("改为")))
    out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-color:#bbbbbb">'
               f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>")
    if len(edits) > MAX_EDITS:
        out.append(f'<p style="color:#555">{html.escape(t("另有 %1 处未列出。").replace("%1", str(len(edits) - MAX_EDITS)))}</p>')
    return "".join(out)


def _lifecycle_html(life: Lifecycle) -> str:
    out = [f"<h2>{html.escape(t('新出现和不再出现的提法'))}</h2>"]
    shown = 0
    for group in life.groups:
        if group.name == ALL_DISTRICTS or len(group.stages) < 2:
            continue  # a district with one year has nothing new or dropped
        new, dropped = life.new_in(group.name), life.dropped_in(group.name)
        latest = life.reports[group.latest[0]].label
        out.append(f"<h3>{html.escape(group.name)}</h3>")
        for title, items in ((t("只见于 %1 的提法").replace("%1", latest), new),
                             (t("%1 中不再出现的提法").replace("%1", latest), dropped)):
            words = "、".join(html.escape(p.text) for p in items[:MAX_PHRASES]) or html.escape(t("（无）"))
            more = len(items) - MAX_PHRASES
            tail = html.escape(t("等 %1 个").replace("%1", str(len(items)))) if more > 0 else ""
            out.append(f"<p><b>{html.escape(title)}</b>：{words}{tail}</p>")
        shown += 1
    if not shown:
        out.append(f"<p>{html.escape(t('对照的报告中没有同一地区的不同年份。'))}</p>")
    return "".join(out)


def _label(report) -> str:
    return f"{report.meta.district}{report.meta.year or ''}" or report.name
