"""The 走势 tab: one indicator over the years, one line per district, levels and growth in two plots side by
side; actual figures are filled circles joined by a line, this year's targets hollow triangles and multi-year plan
targets hollow diamonds. Hovering a point shows its value, unit, kind and source report. Export to PNG and SVG.

pyqtgraph is imported with this module, which the window imports only when the tab is first shown.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401 - registers pg.exporters
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from viewer.ui.frame_model import KIND_LABELS, display, label

if TYPE_CHECKING:
    from viewer.ui.indicator_tabs import IndicatorData

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f",
           "#bcbd22")
SYMBOLS = {"actual": "o", "target": "t1", "plan_target": "d"}   # t1: triangle pointing up
MEASURES = ("level", "growth")
DEFAULT_INDICATOR = "地区生产总值"


def colours_for(names: Iterable[str]) -> dict[str, str]:
    """A stable colour per name (sorted order, cycling the palette)."""
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(sorted(set(names)))}


def style_plot(plot: pg.PlotItem) -> None:
    plot.showGrid(x=True, y=True, alpha=0.25)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen("#555555"))
        axis.setTextPen(pg.mkPen("#222222"))
    plot.getViewBox().setMouseEnabled(x=True, y=False)


def year_ticks(plot: pg.PlotItem, years: list[int]) -> None:
    axis = plot.getAxis("bottom")
    if years:
        axis.setTicks([[(y, str(y)) for y in years]])
        plot.setXRange(min(years) - 0.5, max(years) + 0.5, padding=0)
    else:
        axis.setTicks(None)


def point_tip(x: float, y: float, data: Any) -> str:
    """Hover text of a point: the text stored with it."""
    return str(data) if data is not None else f"{x:g}: {y:g}"


class HoverTips:
    """Tooltips for the points of several scatter items in one view box. (pyqtgraph's own ``tip`` lets every
    scatter clear the view's tooltip on its first hover, so a point under another item's empty hover loses it.)
    Scatter items are made with ``hoverable=True, tip=None`` and given to ``attach``."""

    def __init__(self) -> None:
        self._owner: dict[int, Any] = {}

    def attach(self, scatter: pg.ScatterPlotItem) -> None:
        scatter.sigHovered.connect(self._on_hovered)

    def _on_hovered(self, item: pg.ScatterPlotItem, points, _event) -> None:
        vb = item.getViewBox()
        if vb is None:
            return
        if len(points):
            vb.setToolTip("\n\n".join(point_tip(p.pos().x(), p.pos().y(), p.data()) for p in points[:3]))
            self._owner[id(vb)] = item
        elif self._owner.get(id(vb)) is item:
            vb.setToolTip("")
            del self._owner[id(vb)]


def export_scene(widget: pg.GraphicsLayoutWidget, path: str | Path, width: int = 1600) -> Path:
    """The whole plot area to ``path``: SVG for ``.svg``, else a raster image (PNG) ``width`` pixels wide."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        pg.exporters.SVGExporter(widget.scene()).export(str(path))
    else:
        exporter = pg.exporters.ImageExporter(widget.scene())
        exporter.parameters()["width"] = int(width)
        exporter.export(str(path))
    return path


IMAGE_FILTER = "PNG (*.png);;SVG (*.svg)"


class PlotsPanel(QWidget):
    def __init__(self, data: IndicatorData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.indicator_combo = QComboBox()
        self.indicator_combo.setMinimumContentsLength(16)
        self.indicator_combo.setMaxVisibleItems(30)
        shrink = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon  # long names do not widen it
        self.indicator_combo.setSizeAdjustPolicy(shrink)
        self.indicator_combo.currentIndexChanged.connect(self.redraw)
        self.png_button = QPushButton(self.tr("导出 PNG…"))
        self.svg_button = QPushButton(self.tr("导出 SVG…"))
        self.png_button.clicked.connect(lambda: self._export_dialog(".png"))
        self.svg_button.clicked.connect(lambda: self._export_dialog(".svg"))
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("指标")))
        bar.addWidget(self.indicator_combo)
        bar.addWidget(QLabel(self.tr("● 实际　△ 目标　◇ 规划目标；悬停查看数值与出处")))
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plots: dict[str, pg.PlotItem] = {
            "level": self.graphics.addPlot(row=0, col=0),
            "growth": self.graphics.addPlot(row=0, col=1),
        }
        self.legends: dict[str, pg.LegendItem] = {}
        for measure, plot in self.plots.items():
            style_plot(plot)
            self.legends[measure] = plot.addLegend(offset=(8, 8), labelTextColor="#222222",
                                                   brush=pg.mkBrush(255, 255, 255, 210))
        self.series = None                                   # DataFrame of the chosen indicator (SERIES_COLUMNS)
        self.scatters: dict[str, list[pg.ScatterPlotItem]] = {m: [] for m in MEASURES}
        self.tips = HoverTips()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.graphics, 1)
        data.changed.connect(self._on_changed)
        self._on_changed()

    # -- model -> view -------------------------------------------------------------------------------------------
    def indicators(self) -> list[str]:
        """Indicators with a level or growth figure tied to a year: dictionary names first, then by years."""
        df = self.data.frame
        if df is None or not len(df):
            return []
        rows = df[df["primary"] & df["period"].notna() & df["measure"].isin(MEASURES)
                  & df["kind"].isin(tuple(SYMBOLS))]
        years = rows.groupby("indicator")["period"].nunique()
        actual = set(rows.loc[rows["kind"] == "actual", "indicator"])
        from viewer.core.indicators.dictionary import load_dictionary

        known = load_dictionary().families
        return sorted(years.index, key=lambda n: (n not in known, n not in actual, -years[n], n))

    def _on_changed(self) -> None:
        current = self.indicator_combo.currentText() or DEFAULT_INDICATOR
        names = self.indicators()
        self.indicator_combo.blockSignals(True)
        self.indicator_combo.clear()
        self.indicator_combo.addItems(names)
        if current in names:
            self.indicator_combo.setCurrentIndex(names.index(current))
        self.indicator_combo.blockSignals(False)
        self.redraw()

    def set_indicator(self, name: str) -> bool:
        i = self.indicator_combo.findText(name)
        if i < 0:
            return False
        if i == self.indicator_combo.currentIndex():
            self.redraw()
        self.indicator_combo.setCurrentIndex(i)
        return True

    def redraw(self) -> None:
        from viewer.core.scorecard import indicator_series

        name = self.indicator_combo.currentText()
        df = self.data.frame
        self.series = indicator_series(df, name) if (df is not None and name) else None
        colours = colours_for(self.series["district"]) if self.series is not None else {}
        years: set[int] = set()
        for measure, plot in self.plots.items():
            plot.clear()
            legend = self.legends[measure]
            legend.clear()
            self.scatters[measure] = []
            rows = self.series[self.series["measure"] == measure] if self.series is not None else None
            unit = rows["unit"].iloc[0] if rows is not None and len(rows) else ""
            title = self.tr("总量") if measure == "level" else self.tr("增速")
            plot.setTitle(f"{name} — {title}" if name else title, color="#222222", size="11pt")
            plot.setLabel("left", f"{title}（{unit}）" if unit else title, color="#222222")
            plot.setLabel("bottom", self.tr("年份"), color="#222222")
            if rows is None or not len(rows):
                empty = pg.TextItem(self.tr("没有数据"), color="#888888", anchor=(0.5, 0.5))
                plot.addItem(empty)
                continue
            years.update(int(p) for p in rows["period"])
            for district, group in rows.groupby("district", sort=True):
                self._draw_district(plot, measure, str(district), group, colours[district], legend)
            for kind in ("target", "plan_target"):
                if (rows["kind"] == kind).any():
                    key = pg.ScatterPlotItem(symbol=SYMBOLS[kind], size=11, pen=pg.mkPen("#555555", width=1.6),
                                             brush=pg.mkBrush(None))
                    legend.addItem(key, label(KIND_LABELS, kind))
        for plot in self.plots.values():
            year_ticks(plot, sorted(years))
            plot.enableAutoRange(axis="y")
        n = 0 if self.series is None else len(self.series)
        self.status.setText(self.tr("%1 个数据点").replace("%1", str(n)))

    def _draw_district(self, plot: pg.PlotItem, measure: str, district: str, group, colour: str,
                       legend: pg.LegendItem) -> None:
        actual = group[group["kind"] == "actual"].sort_values("period")
        line = pg.PlotDataItem(actual["period"].astype(float).to_numpy(), actual["value"].to_numpy(),
                               pen=pg.mkPen(colour, width=2.2), symbol="o", symbolSize=8,
                               symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen("w", width=1))
        plot.addItem(line)
        legend.addItem(line, district)
        for kind in ("actual", "target", "plan_target"):
            pts = group[group["kind"] == kind]
            if not len(pts):
                continue
            hollow = kind != "actual"
            scatter = pg.ScatterPlotItem(
                x=pts["period"].astype(float).to_numpy(), y=pts["value"].to_numpy(),
                data=[self.point_text(rec) for rec in pts.to_dict("records")],
                symbol=SYMBOLS[kind], size=13 if hollow else 9,
                pen=pg.mkPen(colour, width=2 if hollow else 1),
                brush=pg.mkBrush(None) if hollow else pg.mkBrush(colour),
                hoverable=True, tip=None, hoverSize=16 if hollow else 12,
                hoverPen=pg.mkPen("#000000", width=2))
            scatter.setZValue(10)
            self.tips.attach(scatter)
            plot.addItem(scatter)
            self.scatters[measure].append(scatter)

    def point_text(self, rec: dict[str, Any]) -> str:
        """Hover text: district, year and kind; the figure with its unit; the source report."""
        q = rec.get("qualifier") or ""
        number = f"{display(float(rec['value']))}{rec['unit']}"
        figure = (q + number) if q in ("突破", "超过", "近", "约") else (number + q if q != "持平" else q)
        return (f"{rec['district']} {rec['period']} · {label(KIND_LABELS, rec['kind'])}\n{figure}\n"
                + self.tr("出处：%1").replace("%1", str(rec["report"])))

    # -- queries for tests and export ----------------------------------------------------------------------------
    def points(self, measure: str, kind: str = "actual") -> dict[str, list[tuple[int, float]]]:
        """(year, value) per district of the current indicator."""
        out: dict[str, list[tuple[int, float]]] = {}
        if self.series is None:
            return out
        rows = self.series[(self.series["measure"] == measure) & (self.series["kind"] == kind)]
        for rec in rows.sort_values("period").to_dict("records"):
            out.setdefault(rec["district"], []).append((int(rec["period"]), float(rec["value"])))
        return out

    def export(self, path: str | Path, width: int = 1600) -> Path:
        return export_scene(self.graphics, path, width)

    def _export_dialog(self, suffix: str) -> None:
        name = (self.indicator_combo.currentText() or "plot") + suffix
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出图表"), name, IMAGE_FILTER)
        if path:
            try:
                self.export(path)
            except (OSError, ValueError) as exc:
                self.status.setText(self.tr("导出失败：") + str(exc))
            else:
                self.status.setText(self.tr("已导出到 %1").replace("%1", path))

