"""The phrase results as flat tables (header + rows of plain values), for CSV, the UI's export and the PDF.

``lifecycle_table(life)``: one row per phrase — phrase, source, boilerplate, total, one count column per report
(``count:渝北区2021`` …, reports in district / year order), then per group ``state:``, ``first:``, ``last:``
(the years; ``全部`` is the group of all reports). ``edits_table(edits, reports)``: one row per classified
edit. ``csv_text(header, rows)``: UTF-8 CSV text with a BOM (spreadsheet programs then read the Chinese right).
"""
from __future__ import annotations

import csv
import io
from typing import Sequence

from viewer.core.model import Report
from viewer.core.phrases.edits import Edit
from viewer.core.phrases.lifecycle import Lifecycle

ALL_LABEL = "全部"


def report_labels(life: Lifecycle) -> list[str]:
    """A unique label per report ("渝北区2024"; the file name where two would read the same)."""
    labels = [r.label for r in life.reports]
    return [lab if labels.count(lab) == 1 else f"{lab}({r.name})" for lab, r in zip(labels, life.reports)]


def lifecycle_table(life: Lifecycle) -> tuple[list[str], list[list]]:
    labels = report_labels(life)
    order = sorted(range(len(labels)), key=lambda i: (life.reports[i].district, life.reports[i].year or 0, i))
    header = ["phrase", "source", "boilerplate", "total"] + [f"count:{labels[i]}" for i in order]
    for g in life.groups:
        name = g.name or ALL_LABEL
        header += [f"state:{name}", f"first:{name}", f"last:{name}"]

    def year(i: int | None) -> str:
        if i is None:
            return ""
        return str(life.reports[i].year or labels[i])

    rows = []
    for p in life.phrases:
        row: list = [p.text, p.source, int(p.boilerplate), p.total] + [p.counts[i] for i in order]
        for s in p.statuses:
            row += [s.state, year(s.first_seen), year(s.last_seen)]
        rows.append(row)
    return header, rows


def edits_table(edits: Sequence[Edit], reports: Sequence[Report]) -> tuple[list[str], list[list]]:
    def label(i: int) -> str:
        r = reports[i]
        return f"{r.meta.district}{r.meta.year or ''}" or r.name

    header = ["from", "to", "row", "kind", "direction", "indicator", "old", "new", "before", "after",
              "sentence_before", "sentence_after", "a_start", "a_end", "b_start", "b_end"]
    rows = []
    for e in edits:
        sa, sb = e.sentence_texts(reports)
        rows.append([label(e.a), label(e.b), e.row_id, e.kind, e.direction, e.indicator, e.old, e.new,
                     e.before, e.after, sa, sb, *e.a_span, *e.b_span])
    return header, rows


def csv_text(header: Sequence[str], rows: Sequence[Sequence]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buf.getvalue()
