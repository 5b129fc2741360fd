"""The 目标对照 tab: year Y's targets (year-Y report) against year Y's results (year-Y+1 report), coloured met ✓ /
missed ✗ / no data, with the gap; a click shows the target's sentence (or the result's, from its columns)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from viewer.ui.frame_model import (
    MEASURE_LABELS, STATUS_LABELS, FrameModel, display, is_missing, label, save_frame, table_filter,
)
from viewer.ui.indicators_panel import fill_combo

if TYPE_CHECKING:
    from viewer.ui.indicator_tabs import IndicatorData

# (row tint, status text colour)
STATUS_COLOURS = {
    "met": ("#e3f6dc", "#1d7a1d"),
    "missed": ("#fde0e0", "#b21f1f"),
    "no_data": ("#f0f0f0", "#777777"),
}
NOTE_LABELS = {
    "no_next_report": QT_TRANSLATE_NOOP("indicators", "未载入下一年的报告"),
    "not_stated": QT_TRANSLATE_NOOP("indicators", "下一年的报告未提及"),
    "unit_mismatch": QT_TRANSLATE_NOOP("indicators", "单位不同，无法比较"),
}
PRE_QUALIFIERS = ("突破", "超过", "近", "约")
SCOPES = ("main", "targets", "all")   # 主要目标及有结果的 / 仅主要预期目标 / 全部目标


def figure_text(value: Any, unit: str, qualifier: str) -> str:
    """A figure as a report writes it: 6%以上, 突破1000亿元, 持平."""
    if is_missing(value):
        return ""
    if qualifier == "持平":
        return QCoreApplication.translate("indicators", "持平")
    number = f"{display(float(value))}{unit or ''}"
    if qualifier in PRE_QUALIFIERS:
        return qualifier + number
    return number + (qualifier or "")


def gap_text(gap: Any, unit: str) -> str:
    """A signed gap; a gap between two rates in % is in percentage points."""
    if is_missing(gap):
        return ""
    points = QCoreApplication.translate("indicators", "个百分点")
    sign = "+" if gap > 0 else ""
    return f"{sign}{display(float(gap))} {points if unit == '%' else unit}".rstrip()


class ScorecardModel(FrameModel):
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            status = self.frame["status"].iat[index.row()]
            tint, ink = STATUS_COLOURS.get(status, STATUS_COLOURS["no_data"])
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(tint))
            if self.columns[index.column()] in ("status", "gap_text"):
                return QBrush(QColor(ink))
            return None
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            rec = self.frame.iloc[index.row()]
            col = self.columns[index.column()]
            sentence = rec["actual_sentence"] if col.startswith("actual") else rec["target_sentence"]
            return sentence or None
        return super().data(index, role)


class ScorecardPanel(QWidget):
    source_requested = Signal(str, int, int)   # report name, start, end

    def __init__(self, data: IndicatorData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.district_combo = QComboBox()
        self.year_combo = QComboBox()
        self.status_combo = QComboBox()
        self.scope_combo = QComboBox()
        for key, text in zip(SCOPES, (self.tr("主要目标及有结果的"), self.tr("仅主要预期目标"), self.tr("全部目标"))):
            self.scope_combo.addItem(text, key)
        self.summary = QLabel()
        self.export_button = QPushButton(self.tr("导出表格…"))
        self.export_button.clicked.connect(self._export_dialog)
        bar = QHBoxLayout()
        for caption, widget in ((self.tr("地区"), self.district_combo), (self.tr("目标年份"), self.year_combo),
                                (self.tr("结果"), self.status_combo), (self.tr("范围"), self.scope_combo)):
            bar.addWidget(QLabel(caption))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.export_button)

        columns = [("district", self.tr("地区")), ("year", self.tr("目标年份")), ("indicator", self.tr("指标")),
                   ("measure", self.tr("度量")), ("target_text", self.tr("目标")), ("actual_text", self.tr("实际")),
                   ("status", self.tr("结果")), ("gap_text", self.tr("差距")),
                   ("target_report", self.tr("目标出处")), ("actual_report", self.tr("实际出处")),
                   ("note", self.tr("说明"))]
        self.model = ScorecardModel(columns, formatters={
            "measure": lambda v: label(MEASURE_LABELS, v), "status": lambda v: label(STATUS_LABELS, v),
            "note": lambda v: label(NOTE_LABELS, v)}, tooltip_column=None,
            sort_by={"target_text": "target_value", "actual_text": "actual_value", "gap_text": "gap"}, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.status = QLabel(self.tr("目标取自当年报告，实际取自下一年报告；单击一行定位原句（单击“实际”列定位实际值的原句）"))
        self.status.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)

        for combo in (self.district_combo, self.year_combo, self.status_combo, self.scope_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        data.changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        sc = self.data.scores
        if sc is None or not len(sc):
            for combo in (self.district_combo, self.year_combo, self.status_combo):
                fill_combo(combo, self.tr("全部"), [])
            self.model.set_frame(None)
            self.summary.setText(self.tr("没有可对照的目标"))
            return
        fill_combo(self.district_combo, self.tr("全部地区"), [(d, d) for d in sorted(sc["district"].unique())])
        fill_combo(self.year_combo, self.tr("全部年份"), [(int(y), str(y)) for y in sorted(sc["year"].unique())])
        fill_combo(self.status_combo, self.tr("全部结果"), [(s, label(STATUS_LABELS, s)) for s in STATUS_LABELS])
        self.apply_filter()

    def filtered(self):
        """Scorecard rows passing the filters, with the display columns target_text, actual_text, gap_text."""
        sc = self.data.scores
        if sc is None:
            return None
        mask = sc["status"].notna()
        for combo, col in ((self.district_combo, "district"), (self.year_combo, "year"),
                           (self.status_combo, "status")):
            key = combo.currentData()
            if key is not None:
                mask &= sc[col] == key
        scope = self.scope_combo.currentData()
        if scope == "main":
            mask &= (sc["target_section"] == "targets") | (sc["status"] != "no_data")
        elif scope == "targets":
            mask &= sc["target_section"] == "targets"
        rows = sc[mask.fillna(False)].copy()
        rows["target_text"] = [figure_text(v, u, q) for v, u, q in
                               zip(rows["target_value"], rows["target_unit"], rows["target_qualifier"])]
        rows["actual_text"] = [figure_text(v, u, q) for v, u, q in
                               zip(rows["actual_value"], rows["actual_unit"], rows["actual_qualifier"])]
        rows["gap_text"] = [gap_text(g, u) for g, u in zip(rows["gap"], rows["target_unit"])]
        return rows

    def apply_filter(self) -> None:
        rows = self.filtered()
        self.model.set_frame(rows)
        if rows is None:
            return
        counts = rows["status"].value_counts()
        self.summary.setText(self.tr("达成 %1 · 未达成 %2 · 无数据 %3")
                             .replace("%1", str(counts.get("met", 0))).replace("%2", str(counts.get("missed", 0)))
                             .replace("%3", str(counts.get("no_data", 0))))
        self.table.resizeColumnsToContents()

    def set_filter(self, *, district: str | None = None, year: int | None = None, status: str | None = None,
                   scope: str | None = None) -> None:
        for combo, key in ((self.district_combo, district), (self.year_combo, year), (self.status_combo, status),
                           (self.scope_combo, scope)):
            if key is not None and combo.findData(key) >= 0:
                combo.setCurrentIndex(combo.findData(key))

    def _on_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        rec = self.model.record(index.row())
        col = self.model.columns[index.column()]
        side = "actual" if col.startswith("actual") and rec.get("actual_start") is not None else "target"
        self.source_requested.emit(str(rec[f"{side}_report"]), int(rec[f"{side}_start"]), int(rec[f"{side}_end"]))

    def export(self, path) -> None:
        frame = self.model.frame
        if frame is not None:
            save_frame(frame.drop(columns=["target_text", "actual_text", "gap_text"], errors="ignore"), path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出表格"), "scorecard.csv", table_filter())
        if path:
            try:
                self.export(path)
            except (OSError, ImportError, ValueError) as exc:
                self.status.setText(self.tr("导出失败：") + str(exc))
            else:
                self.status.setText(self.tr("已导出到 %1").replace("%1", path))
