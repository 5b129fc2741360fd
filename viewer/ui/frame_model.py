"""A read-only Qt table model over a pandas DataFrame, labels of indicator values, and table export.

``FrameModel(columns)`` shows the chosen columns of a frame under translated headers; display strings are built
once per ``set_frame`` (values as written: 2009.5, 3155 — not 3155.0; kinds and measures in words). Sorting
(``QTableView.setSortingEnabled``) sorts the frame itself, so row ``i`` of the view is ``frame.iloc[i]``: no
proxy mapping when a click asks for the source sentence. Sort column -1 restores the original order.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from viewer.core.indicators.numbers import format_value

CONTEXT = "indicators"
KIND_LABELS = {
    "actual": QT_TRANSLATE_NOOP("indicators", "实际"),
    "target": QT_TRANSLATE_NOOP("indicators", "目标"),
    "plan_target": QT_TRANSLATE_NOOP("indicators", "规划目标"),
    "average_growth": QT_TRANSLATE_NOOP("indicators", "年均增长"),
    "cumulative": QT_TRANSLATE_NOOP("indicators", "累计"),
    "baseline": QT_TRANSLATE_NOOP("indicators", "基数"),
    "partial": QT_TRANSLATE_NOOP("indicators", "阶段数"),
    "average": QT_TRANSLATE_NOOP("indicators", "年均"),
}
MEASURE_LABELS = {
    "level": QT_TRANSLATE_NOOP("indicators", "总量"),
    "growth": QT_TRANSLATE_NOOP("indicators", "增速"),
    "share": QT_TRANSLATE_NOOP("indicators", "占比"),
    "multiple": QT_TRANSLATE_NOOP("indicators", "倍数"),
    "change": QT_TRANSLATE_NOOP("indicators", "增量"),
    "contribution": QT_TRANSLATE_NOOP("indicators", "拉动"),
    "gap": QT_TRANSLATE_NOOP("indicators", "差距"),
}
STATUS_LABELS = {
    "met": QT_TRANSLATE_NOOP("indicators", "✓ 达成"),
    "missed": QT_TRANSLATE_NOOP("indicators", "✗ 未达成"),
    "no_data": QT_TRANSLATE_NOOP("indicators", "— 无数据"),
}
SECTION_LABELS = {
    "review": QT_TRANSLATE_NOOP("indicators", "工作回顾"),
    "targets": QT_TRANSLATE_NOOP("indicators", "预期目标"),
    "plan_year": QT_TRANSLATE_NOOP("indicators", "年度工作"),
    "plan_multi_year": QT_TRANSLATE_NOOP("indicators", "五年目标"),
}


def label(table: dict[str, str], key: Any) -> str:
    """The translated label of ``key`` in one of the tables above (the key itself when unknown)."""
    if not isinstance(key, str) or not key:
        return ""
    text = table.get(key)
    return QCoreApplication.translate(CONTEXT, text) if text else key


def is_missing(value: Any) -> bool:
    """None, NaN or pandas' NA."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and value != value


def display(value: Any) -> str:
    """A cell as text: numbers as written (no trailing .0), missing as empty."""
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):
        return format_value(value) if math.isfinite(value) else ""
    return str(value)


Formatter = Callable[[Any], str]


class FrameModel(QAbstractTableModel):
    """Rows of a DataFrame; ``columns`` are (frame column, header) pairs, ``formatters`` map a column to a text,
    ``sort_by`` a shown column to the column its order comes from (a "6%以上" text sorts by the number)."""

    def __init__(self, columns: Sequence[tuple[str, str]], formatters: dict[str, Formatter] | None = None,
                 tooltip_column: str | None = "sentence", sort_by: dict[str, str] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = [c for c, _h in columns]
        self.headers = [h for _c, h in columns]
        self.formatters = dict(formatters or {})
        self.sort_by = dict(sort_by or {})
        self.tooltip_column = tooltip_column
        self.frame = None                  # the rows shown, in view order
        self._source = None                # the rows as given (order restored by sort column -1)
        self._cells: list[list[str]] = []
        self._numeric: set[int] = set()
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # -- content ------------------------------------------------------------------------------------------------
    def set_frame(self, frame) -> None:
        """Show ``frame`` (kept in the current sort order)."""
        self._source = frame
        self._apply(*self._sort)

    def _apply(self, column: int, order: Qt.SortOrder) -> None:
        self.beginResetModel()
        frame = self._source
        key = None
        if 0 <= column < len(self.columns):
            key = self.sort_by.get(self.columns[column], self.columns[column])
        if frame is not None and key in frame.columns:
            frame = frame.sort_values(key, ascending=order == Qt.SortOrder.AscendingOrder, kind="stable",
                                      na_position="last")
        self.frame = frame
        self._cells = []
        self._numeric = set()
        if frame is not None and len(frame):
            cols = [c if c in frame.columns else None for c in self.columns]
            values = {c: frame[c].tolist() for c in cols if c is not None}
            for j, c in enumerate(cols):
                if c is not None and (frame[c].dtype.kind in "iuf" or str(frame[c].dtype) == "Int64"):
                    self._numeric.add(j)
            for i in range(len(frame)):
                row = []
                for c in cols:
                    v = values[c][i] if c is not None else None
                    fmt = self.formatters.get(c) if c is not None else None
                    row.append(fmt(v) if fmt is not None else display(v))
                self._cells.append(row)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        """All columns of view row ``row`` (not only the shown ones), missing values as None."""
        rec = self.frame.iloc[row].to_dict()
        return {k: (None if is_missing(v) else v) for k, v in rec.items()}

    # -- Qt model API -------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[r][c]
        tip_col = self.tooltip_column
        if role == Qt.ItemDataRole.ToolTipRole and tip_col and tip_col in self.frame.columns:
            tip = self.frame[tip_col].iat[r]
            return None if is_missing(tip) else str(tip)
        if role == Qt.ItemDataRole.TextAlignmentRole and c in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._apply(column, order)


# -- export -----------------------------------------------------------------------------------------------------
TABLE_FILTER = QT_TRANSLATE_NOOP("indicators", "CSV 表格 (*.csv);;Excel 工作簿 (*.xlsx)")


def table_filter() -> str:
    """The file-dialog filter for a table export, translated."""
    return QCoreApplication.translate(CONTEXT, TABLE_FILTER)


def save_frame(frame, path: str | Path) -> Path:
    """Write ``frame`` to ``path``: ``.xlsx`` through pandas (needs openpyxl), anything else as UTF-8 CSV with a
    BOM (so Excel opens the Chinese text correctly). Floats are written as in the reports (2009.5, not 2009.50)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        frame.to_excel(path, index=False, engine="openpyxl")
    else:
        out = frame.copy()
        for col in out.columns:
            if out[col].dtype.kind == "f":
                out[col] = [display(v) for v in out[col]]
        out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path
