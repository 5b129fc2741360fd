"""Qt adapters over a core ``Comparison``: aligned rows as a table (one column per report) rendered as HTML."""
from __future__ import annotations

import html
from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from viewer.core.align import Cell, Row
from viewer.core.comparison import Comparison
from viewer.core.highlights import KINDS, Mark, changed_rows, column_marks

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 2
CELL_ROLE = Qt.ItemDataRole.UserRole + 3
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4

# (background, text decoration) per kind; legend and PDF export use the same colours
STYLES = {
    "insert": ("#c8f0c8", ""),
    "delete": ("#ffd0d0", "line-through"),
    "moved": ("#cfe0ff", ""),
    "equal": ("#f4f1de", ""),
    "find": ("#ffe066", ""),
    "focus": ("#ffb54d", "underline"),  # a span asked for from elsewhere (an indicator's sentence)
}


class CompareModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.rows: list[tuple[str, Row]] = []
        self.enabled: set[str] = set(KINDS) - {"equal"}
        self.find_text = ""
        self.focus: tuple[int, int, int] | None = None  # (column, start, end) shown with the "focus" style
        self._marks: list[list[Mark]] = []
        self._mark_starts: list[list[int]] = []
        self._changed: set[str] = set()
        self._html_cache: dict[tuple[int, int], str] = {}

    # -- content -------------------------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.focus = None
        self.rows = list(comparison.alignment.walk()) if comparison else []
        n = len(comparison.alignment.reports) if comparison else 0
        self._marks = [column_marks(comparison, k) for k in range(n)] if comparison else []
        self._mark_starts = [[m.start for m in ms] for ms in self._marks]
        self._changed = changed_rows(comparison) if comparison else set()
        self._html_cache.clear()
        self.endResetModel()

    def set_enabled_kinds(self, kinds: set[str]) -> None:
        self.enabled = set(kinds)
        self._refresh_html()

    def set_find_text(self, text: str) -> None:
        self.find_text = text
        self._refresh_html()

    def set_focus(self, col: int, start: int, end: int) -> None:
        """Highlight ``[start, end)`` of report column ``col`` (one focus at a time)."""
        self.focus = (col, start, end)
        self._refresh_html()

    def _refresh_html(self) -> None:
        self._html_cache.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1),
                                  [HTML_ROLE])

    @property
    def reports(self):
        return self.comparison.alignment.reports if self.comparison else ()

    def cell(self, row: int, col: int) -> Cell | None:
        return self.rows[row][1].cells[col]

    def cell_text(self, row: int, col: int) -> str:
        c = self.cell(row, col)
        return self.reports[col].text[c.own_start:c.own_end] if c is not None else ""

    def is_changed(self, row: int) -> bool:
        return self.rows[row][0] in self._changed

    def row_of(self, row_id: str) -> int:
        return next((i for i, (rid, _) in enumerate(self.rows) if rid == row_id), -1)

    def marks_in(self, col: int, start: int, end: int) -> list[Mark]:
        """Marks starting inside ``[start, end)`` (a cell's marks all start inside its own span)."""
        marks, starts = self._marks[col], self._mark_starts[col]
        out = []
        for i in range(bisect_left(starts, start), len(marks)):
            if starts[i] >= end:
                break
            out.append(marks[i])
        return out

    def mark_at(self, row: int, col: int, offset: int) -> Mark | None:
        """The enabled highlight under a report offset inside a cell (moved > insert > delete > equal)."""
        c = self.cell(row, col)
        if c is None:
            return None
        found = [m for m in self.marks_in(col, c.own_start, c.own_end)
                 if m.kind in self.enabled and m.start <= offset < m.end]
        order = {"moved": 0, "insert": 1, "delete": 2, "equal": 3}
        return min(found, key=lambda m: order[m.kind]) if found else None

    # -- HTML ------------------------------------------------------------------------------------------------
    def cell_html(self, row: int, col: int) -> str:
        key = (row, col)
        cached = self._html_cache.get(key)
        if cached is not None:
            return cached
        c = self.cell(row, col)
        if c is None:
            out = '<span style="color:#999">—</span>'
        else:
            out = self._render(col, c)
            level = self.rows[row][1].level
            if c.kind == "section":
                size = {1: "115%", 2: "105%"}.get(level, "100%")
                out = f'<div style="font-weight:600; font-size:{size}">{out}</div>'
        self._html_cache[key] = out
        return out

    def _render(self, col: int, c: Cell) -> str:
        text = self.reports[col].text
        s0, e0 = c.own_start, c.own_end
        # boundaries where the set of active kinds changes
        active_marks = [m for m in self.marks_in(col, s0, e0) if m.kind in self.enabled]
        points = {s0, e0}
        for m in active_marks:
            points.add(max(s0, m.start))
            points.add(min(e0, m.end))
        finds: list[tuple[int, int]] = []
        if self.find_text:
            piece = text[s0:e0]
            i = piece.find(self.find_text)
            while i >= 0:
                finds.append((s0 + i, s0 + i + len(self.find_text)))
                points.update(finds[-1])
                i = piece.find(self.find_text, i + len(self.find_text))
        focus = None
        if self.focus is not None and self.focus[0] == col and self.focus[1] < e0 and self.focus[2] > s0:
            focus = (max(s0, self.focus[1]), min(e0, self.focus[2]))
            points.update(focus)
        cuts = sorted(p for p in points if s0 <= p <= e0)
        parts: list[str] = []
        for a, b in zip(cuts, cuts[1:]):
            if a == b:
                continue
            kinds = {m.kind for m in active_marks if m.start <= a and m.end >= b}
            if any(fs <= a and fe >= b for fs, fe in finds):
                kinds.add("find")
            if focus is not None and focus[0] <= a and focus[1] >= b:
                kinds.add("focus")
            chunk = html.escape(text[a:b]).replace("\n", "<br>")
            parts.append(_styled(chunk, kinds))
        return "".join(parts)

    # -- Qt model API -----------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.reports)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ToolTipRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            r = self.reports[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return r.path
            return f"{r.meta.district} {r.meta.year or ''}".strip() or r.name
        rid, row = self.rows[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{rid}  {row.reason}  {row.score:.2f}"
        return "●" if rid in self._changed else ""

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == HTML_ROLE:
            return self.cell_html(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(r, c)
        if role == ROW_ID_ROLE:
            return self.rows[r][0]
        if role == CELL_ROLE:
            return self.cell(r, c)
        return None


def _styled(chunk: str, kinds: set[str]) -> str:
    if not kinds:
        return chunk
    bg = None
    deco = []
    for k in ("focus", "find", "moved", "insert", "delete", "equal"):
        if k in kinds:
            colour, d = STYLES[k]
            bg = bg or colour
            if d:
                deco.append(d)
    if "delete" in kinds and bg != STYLES["delete"][0]:
        deco.append("underline")
    style = f"background-color:{bg};" + (f"text-decoration:{' '.join(sorted(set(deco)))};" if deco else "")
    if "delete" in kinds:
        style += "color:#8a1c1c;"
    return f'<span style="{style}">{chunk}</span>'
