"""The 指标 tab: every figure of the checked reports in a sortable table, filtered by district, indicator, kind,
period and free text; a click on a row asks for its source sentence (``source_requested``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from viewer.ui.frame_model import (
    KIND_LABELS, MEASURE_LABELS, SECTION_LABELS, FrameModel, label, save_frame, table_filter,
)

if TYPE_CHECKING:
    from viewer.ui.indicator_tabs import IndicatorData

EXPORT_COLUMNS = ("district", "report_year", "indicator", "period", "kind", "measure", "value", "unit", "qualifier",
                  "subject", "section", "primary", "report", "start", "end", "sentence")


def fill_combo(combo: QComboBox, all_label: str, items: list[tuple[Any, str]]) -> None:
    """Replace the items (keeping the current choice when it is still there); item data is the filter key."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    for key, text in items:
        combo.addItem(text, key)
    i = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, i))
    combo.blockSignals(False)


class IndicatorsPanel(QWidget):
    source_requested = Signal(str, int, int)   # report name, start, end

    def __init__(self, data: IndicatorData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.district_combo = QComboBox()
        self.indicator_combo = QComboBox()
        self.indicator_combo.setMinimumContentsLength(14)
        self.indicator_combo.setMaxVisibleItems(30)
        shrink = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon  # long names do not widen it
        self.indicator_combo.setSizeAdjustPolicy(shrink)
        self.kind_combo = QComboBox()
        self.period_combo = QComboBox()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("筛选：指标或原句中的文字…"))
        self.text_edit.setClearButtonEnabled(True)
        self.primary_box = QCheckBox(self.tr("仅主要数值"))
        self.primary_box.setToolTip(self.tr("同一指标、年份、类型只列出报告中的主要表述"))
        self.primary_box.setChecked(True)
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("导出表格…"))
        self.export_button.clicked.connect(self._export_dialog)
        bar = QHBoxLayout()
        for caption, widget in ((self.tr("地区"), self.district_combo), (self.tr("指标"), self.indicator_combo),
                                (self.tr("类型"), self.kind_combo), (self.tr("年份"), self.period_combo)):
            bar.addWidget(QLabel(caption))
            bar.addWidget(widget)
        bar.addWidget(self.text_edit, 1)
        bar.addWidget(self.primary_box)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)

        columns = [("district", self.tr("地区")), ("report_year", self.tr("报告年份")), ("indicator", self.tr("指标")),
                   ("period", self.tr("所属年份")), ("kind", self.tr("类型")), ("measure", self.tr("度量")),
                   ("value", self.tr("数值")), ("unit", self.tr("单位")), ("qualifier", self.tr("限定")),
                   ("section", self.tr("章节")), ("report", self.tr("报告")), ("sentence", self.tr("原句"))]
        self.model = FrameModel(columns, formatters={
            "kind": lambda v: label(KIND_LABELS, v), "measure": lambda v: label(MEASURE_LABELS, v),
            "section": lambda v: label(SECTION_LABELS, v)}, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # text order until a header is clicked
        self.table.setSortingEnabled(True)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.status = QLabel()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)

        for combo in (self.district_combo, self.indicator_combo, self.kind_combo, self.period_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.text_edit.textChanged.connect(self.apply_filter)
        self.primary_box.toggled.connect(self.apply_filter)
        data.changed.connect(self._on_changed)
        data.busy_changed.connect(self._on_busy)
        self._sized = False
        self._on_changed()

    # -- model -> view -------------------------------------------------------------------------------------------
    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("正在提取指标…"))
        else:
            self._show_hint()

    def _show_hint(self) -> None:
        if self.data.error:
            self.status.setText(self.data.error)
        elif self.data.frame is None or not len(self.data.frame):
            self.status.setText(self.tr("请勾选报告"))
        else:
            self.status.setText(self.tr("单击一行可在对照视图中定位原句"))

    def _on_changed(self) -> None:
        df = self.data.frame
        if df is None or not len(df):
            for combo in (self.district_combo, self.indicator_combo, self.kind_combo, self.period_combo):
                fill_combo(combo, self.tr("全部"), [])
            self.model.set_frame(None)
            self.count_label.setText("")
            self._show_hint()
            return
        fill_combo(self.district_combo, self.tr("全部地区"), [(d, d) for d in sorted(df["district"].unique())])
        counts = df["indicator"].value_counts()
        from viewer.core.indicators.dictionary import load_dictionary

        known = load_dictionary().families
        names = sorted(counts.index, key=lambda n: (n not in known, -counts[n], n))
        fill_combo(self.indicator_combo, self.tr("全部指标"), [(n, n) for n in names])
        kinds = [k for k in KIND_LABELS if k in set(df["kind"])]
        fill_combo(self.kind_combo, self.tr("全部类型"), [(k, label(KIND_LABELS, k)) for k in kinds])
        periods = sorted(int(p) for p in df["period"].dropna().unique())
        fill_combo(self.period_combo, self.tr("全部年份"), [(p, str(p)) for p in periods])
        self._show_hint()
        self.apply_filter()

    def filtered(self):
        """The rows of the indicator frame that pass the filters (None before any result)."""
        df = self.data.frame
        if df is None:
            return None
        mask = df["value"].notna()
        if self.primary_box.isChecked():
            mask &= df["primary"]
        for combo, col in ((self.district_combo, "district"), (self.indicator_combo, "indicator"),
                           (self.kind_combo, "kind"), (self.period_combo, "period")):
            key = combo.currentData()
            if key is not None:
                mask &= df[col] == key
        text = self.text_edit.text().strip()
        if text:
            mask &= (df["indicator"].str.contains(text, regex=False)
                     | df["subject"].str.contains(text, regex=False)
                     | df["sentence"].str.contains(text, regex=False))
        return df[mask.fillna(False)]

    def apply_filter(self) -> None:
        rows = self.filtered()
        self.model.set_frame(rows)
        total = 0 if self.data.frame is None else len(self.data.frame)
        self.count_label.setText(self.tr("%1 / %2 条").replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(total)))
        if not self._sized and self.model.rowCount():
            self._sized = True
            self.table.resizeColumnsToContents()
            for col in range(self.model.columnCount() - 1):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), 200))

    def set_filter(self, *, district: str | None = None, indicator: str | None = None, kind: str | None = None,
                   period: int | None = None, text: str | None = None) -> None:
        """Choose filters programmatically (None leaves a filter as it is)."""
        for combo, key in ((self.district_combo, district), (self.indicator_combo, indicator),
                           (self.kind_combo, kind), (self.period_combo, period)):
            if key is not None:
                i = combo.findData(key)
                if i >= 0:
                    combo.setCurrentIndex(i)
        if text is not None:
            self.text_edit.setText(text)

    # -- actions -------------------------------------------------------------------------------------------------
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            rec = self.model.record(index.row())
            self.source_requested.emit(str(rec["report"]), int(rec["start"]), int(rec["end"]))

    def export(self, path) -> None:
        """The rows shown (filtered and sorted) to CSV or XLSX by the file suffix."""
        frame = self.model.frame
        if frame is None:
            return
        save_frame(frame[[c for c in EXPORT_COLUMNS if c in frame.columns]], path)

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出表格"), "indicators.csv", table_filter())
        if path:
            try:
                self.export(path)
            except (OSError, ImportError, ValueError) as exc:
                self.status.setText(self.tr("导出失败：") + str(exc))
            else:
                self.status.setText(self.tr("已导出到 %1").replace("%1", path))
