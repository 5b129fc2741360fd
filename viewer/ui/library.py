"""The report library: a table model over the loaded reports (district, year, title, format) with checkboxes."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from viewer.core.model import Report


MAX_AUTO_CHECK = 6   # reports ticked on arrival: more columns than this are read by choice, not by default


class LibraryModel(QAbstractTableModel):
    checked_changed = Signal()
    COLUMNS = ("district", "year", "title", "format")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reports: list[Report] = []
        self._checked: list[bool] = []
        self.left_unticked = 0   # reports added unticked because MAX_AUTO_CHECK were ticked already

    # -- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("地区"), self.tr("年份"), self.tr("标题"), self.tr("格式"))[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.reports[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"district": r.meta.district, "year": str(r.meta.year or ""),
                    "title": r.meta.title or r.name, "format": r.format}[col]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.path
        return None

    def flags(self, index: QModelIndex):
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index, [role])
            self.checked_changed.emit()
            return True
        return False

    # -- our API ---------------------------------------------------------------------------------------------
    def add(self, report: Report) -> bool:
        """Add a report (a second copy of the same content is ignored). Returns True if added. It is ticked for
        comparison while fewer than ``MAX_AUTO_CHECK`` are: dropping a folder of 100 reports must not start a
        100-column alignment."""
        if any(r.content_hash == report.content_hash for r in self.reports):
            return False
        row = len(self.reports)
        self.beginInsertRows(QModelIndex(), row, row)
        self.reports.append(report)
        tick = sum(self._checked) < MAX_AUTO_CHECK
        self._checked.append(tick)
        self.left_unticked += not tick
        self.endInsertRows()
        self.checked_changed.emit()
        return True

    def clear(self) -> None:
        """Remove every report (opening a workspace starts from an empty library)."""
        self.beginResetModel()
        self.reports = []
        self._checked = []
        self.endResetModel()
        self.checked_changed.emit()

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def checked_reports(self) -> list[Report]:
        """Checked reports, ordered by district then year (the order columns appear in a comparison)."""
        chosen = [r for r, c in zip(self.reports, self._checked) if c]
        return sorted(chosen, key=lambda r: (r.meta.district, r.meta.year or 0, r.name))

    def set_checked(self, row: int, checked: bool) -> None:
        self.setData(self.index(row, 0), Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)
