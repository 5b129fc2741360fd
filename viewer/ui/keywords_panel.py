"""The 关键词 tab: how often chosen terms occur in each checked report, over the years per district (per 10,000
characters or raw counts), and a button that finds the top new terms (words absent from the district's previous
report; jieba runs on a worker thread) and plots them. The counts table exports to CSV/XLSX, the plot to PNG/SVG.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pyqtgraph as pg
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from viewer.core.model import Report
from viewer.ui.frame_model import FrameModel, display, save_frame, table_filter
from viewer.ui.plots import IMAGE_FILTER, HoverTips, colours_for, export_scene, style_plot, year_ticks

if TYPE_CHECKING:
    from viewer.ui.indicator_tabs import IndicatorData

DEFAULT_TERMS = "高质量发展 数字经济 营商环境"
DISTRICT_SYMBOLS = ("o", "s", "t", "d", "star", "p", "h", "+")
DISTRICT_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


class _Signals(QObject):
    done = Signal(object, int)      # list[NewTerm], generation
    failed = Signal(str, int)


class NewTermsJob(QRunnable):
    def __init__(self, reports: list[Report], tokenizer, limit: int, generation: int) -> None:
        super().__init__()
        self.reports, self.tokenizer, self.limit, self.generation = reports, tokenizer, limit, generation
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:  # a pool thread
        from viewer.core.keywords import top_new_terms

        try:
            result = top_new_terms(self.reports, self.tokenizer, limit=self.limit)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            _emit(self.signals.failed, f"{type(exc).__name__}: {exc}", self.generation)
            return
        _emit(self.signals.done, result, self.generation)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


class KeywordsPanel(QWidget):
    def __init__(self, data: IndicatorData, tokenizer: Callable[[], Any], parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self._tokenizer = tokenizer
        self._generation = 0
        self._jobs: dict[int, NewTermsJob] = {}
        self.new_terms: list = []                 # NewTerm of the last search
        self.frequency = None                     # DataFrame of the plotted counts (FREQUENCY_COLUMNS)

        self.terms_edit = QLineEdit(DEFAULT_TERMS)
        self.terms_edit.setPlaceholderText(self.tr("输入词语，用空格或逗号分隔"))
        self.terms_edit.returnPressed.connect(self.redraw)
        self.plot_button = QPushButton(self.tr("绘制"))
        self.plot_button.clicked.connect(self.redraw)
        self.new_button = QPushButton(self.tr("新词 Top"))
        self.new_button.setToolTip(self.tr("找出各报告中出现而同一地区上一份报告中没有的词，按次数排列"))
        self.new_button.clicked.connect(self.find_new_terms)
        self.top_spin = QSpinBox()
        self.top_spin.setRange(1, 30)
        self.top_spin.setValue(6)
        self.per_box = QCheckBox(self.tr("每万字"))
        self.per_box.setToolTip(self.tr("按报告长度折算为每一万字出现的次数"))
        self.per_box.setChecked(True)
        self.per_box.toggled.connect(self.redraw)
        self.png_button = QPushButton(self.tr("导出 PNG…"))
        self.svg_button = QPushButton(self.tr("导出 SVG…"))
        self.table_button = QPushButton(self.tr("导出表格…"))
        self.png_button.clicked.connect(lambda: self._export_plot_dialog(".png"))
        self.svg_button.clicked.connect(lambda: self._export_plot_dialog(".svg"))
        self.table_button.clicked.connect(self._export_table_dialog)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("词语")))
        bar.addWidget(self.terms_edit, 1)
        bar.addWidget(self.plot_button)
        bar.addWidget(self.new_button)
        bar.addWidget(self.top_spin)
        bar.addWidget(self.per_box)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)
        bar.addWidget(self.table_button)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plot = self.graphics.addPlot()
        style_plot(self.plot)
        self.legend = self.plot.addLegend(offset=(8, 8), labelTextColor="#222222",
                                          brush=pg.mkBrush(255, 255, 255, 210))
        self.scatters: list[pg.ScatterPlotItem] = []
        self.tips = HoverTips()
        self.model = FrameModel([("term", self.tr("词语")), ("district", self.tr("地区")), ("year", self.tr("年份")),
                                 ("report", self.tr("报告")), ("count", self.tr("次数")),
                                 ("per_10k", self.tr("每万字"))], tooltip_column=None, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.graphics)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1100, 470])

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)
        data.changed.connect(self.redraw)
        self.redraw()

    # -- terms ---------------------------------------------------------------------------------------------------
    def terms(self) -> list[str]:
        from viewer.core.keywords import parse_terms

        return parse_terms(self.terms_edit.text())

    def set_terms(self, terms: list[str]) -> None:
        self.terms_edit.setText(" ".join(terms))
        self.redraw()

    def is_busy(self) -> bool:
        return self._generation in self._jobs

    def find_new_terms(self) -> None:
        """Top new terms of the checked reports (in the background), then plot them."""
        reports = list(self.data.reports)
        self._generation += 1
        job = NewTermsJob(reports, self._tokenizer(), self.top_spin.value(), self._generation)
        job.signals.done.connect(self._on_new_terms)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        self.new_button.setEnabled(False)
        self.status.setText(self.tr("正在分词，查找新词…"))
        QThreadPool.globalInstance().start(job)

    def _on_new_terms(self, terms: list, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.new_button.setEnabled(True)
        self.new_terms = terms
        if not terms:
            self.status.setText(self.tr("没有找到新词：需要同一地区至少两个年份的报告"))
            return
        self.set_terms([t.term for t in terms])
        self.status.setText(self.tr("新词：") + "；".join(
            f"{t.term}（{t.district}{t.year or ''}，{t.count}）" for t in terms))

    def _on_failed(self, message: str, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            self.new_button.setEnabled(True)
            self.status.setText(message)

    # -- plot ----------------------------------------------------------------------------------------------------
    def redraw(self) -> None:
        from viewer.core.keywords import frequency_frame, term_frequency

        terms = self.terms()
        reports = [r for r in self.data.reports if r.meta.year is not None]
        self.plot.clear()
        self.legend.clear()
        self.scatters = []
        per = self.per_box.isChecked()
        self.plot.setLabel("left", self.tr("每万字出现次数") if per else self.tr("出现次数"), color="#222222")
        self.plot.setLabel("bottom", self.tr("年份"), color="#222222")
        self.plot.setTitle(self.tr("关键词词频"), color="#222222", size="11pt")
        if not terms or not reports:
            self.frequency = None
            self.model.set_frame(None)
            year_ticks(self.plot, [])
            return
        self.frequency = frequency_frame(term_frequency(reports, terms))
        self.model.set_frame(self.frequency)
        colours = colours_for(terms)
        districts = sorted(self.frequency["district"].unique())
        column = "per_10k" if per else "count"
        for t_index, term in enumerate(terms):
            colour = colours[term]
            for d_index, district in enumerate(districts):
                f = self.frequency
                rows = f[(f["term"] == term) & (f["district"] == district)].sort_values("year")
                if not rows["count"].any():
                    continue  # never used in this district: listed in the table, not drawn
                x = rows["year"].astype(float).to_numpy()
                y = rows[column].astype(float).to_numpy()
                symbol = DISTRICT_SYMBOLS[d_index % len(DISTRICT_SYMBOLS)]
                style = DISTRICT_STYLES[d_index % len(DISTRICT_STYLES)]
                line = pg.PlotDataItem(x, y, pen=pg.mkPen(colour, width=2, style=style), symbol=symbol,
                                       symbolSize=8, symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen("w"))
                self.plot.addItem(line)
                self.legend.addItem(line, f"{term} · {district}")
                scatter = pg.ScatterPlotItem(x=x, y=y, symbol=symbol, size=9, pen=pg.mkPen(colour),
                                             brush=pg.mkBrush(colour), hoverable=True, tip=None, hoverSize=13,
                                             data=[self.point_text(r) for r in rows.to_dict("records")])
                scatter.setZValue(10)
                self.tips.attach(scatter)
                self.plot.addItem(scatter)
                self.scatters.append(scatter)
        year_ticks(self.plot, sorted(int(y) for y in self.frequency["year"].dropna().unique()))
        self.table.resizeColumnsToContents()
        self.plot.enableAutoRange(axis="y")

    def point_text(self, rec: dict[str, Any]) -> str:
        return (f"“{rec['term']}” — {rec['district']} {rec['year']}\n"
                + self.tr("%1 次，每万字 %2").replace("%1", str(rec["count"])).replace("%2", display(rec["per_10k"]))
                + "\n" + self.tr("出处：%1").replace("%1", str(rec["report"])))

    # -- export --------------------------------------------------------------------------------------------------
    def export_plot(self, path: str | Path, width: int = 1600) -> Path:
        return export_scene(self.graphics, path, width)

    def export_table(self, path: str | Path) -> None:
        if self.frequency is not None:
            save_frame(self.frequency, path)

    def _export_plot_dialog(self, suffix: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出图表"), "keywords" + suffix, IMAGE_FILTER)
        if path:
            self._run_export(lambda: self.export_plot(path), path)

    def _export_table_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出表格"), "keywords.csv", table_filter())
        if path:
            self._run_export(lambda: self.export_table(path), path)

    def _run_export(self, action: Callable[[], Any], path: str) -> None:
        try:
            action()
        except (OSError, ImportError, ValueError) as exc:
            self.status.setText(self.tr("导出失败：") + str(exc))
        else:
            self.status.setText(self.tr("已导出到 %1").replace("%1", path))
