"""The 变化热图 tab: the change-intensity matrix as a heat map — aligned sections down, report pairs across, the
share of changed words as colour (white: unchanged, dark red: rewritten), grey where neither report has the
section. Hovering a cell tells the section, the pair and the word counts; a click asks for the section's aligned
row in the 对照 tab (``row_requested``).

pyqtgraph is imported with this module, which the window imports only when the tab is first shown.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from viewer.ui.labels import role_label

if TYPE_CHECKING:
    from viewer.ui.phrase_tabs import PhraseData

COLOURS = ((0.0, (255, 255, 255)), (0.35, (254, 224, 144)), (0.7, (244, 109, 67)), (1.0, (165, 0, 38)))
GAP_COLOUR = "#d7d9dd"
LABEL_CHARS = 22


def colour_map() -> pg.ColorMap:
    return pg.ColorMap([p for p, _ in COLOURS], [c for _, c in COLOURS])


class HeatmapPanel(QWidget):
    row_requested = Signal(str, int, int, int)      # row id, report column (-1: none), start, end

    def __init__(self, data: PhraseData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.rows: list = []          # MatrixRow shown, top to bottom
        self.columns: list = []       # MatrixColumn shown, left to right
        self.column_labels: list[str] = []
        self.shown_reports: list[int] = []
        self.cells: list[list] = []   # MatrixCell | None per shown row and column
        self.sub_box = QCheckBox(self.tr("显示二级章节"))
        self.sub_box.setChecked(True)
        self.sub_box.toggled.connect(self._on_changed)
        self.cross_box = QCheckBox(self.tr("含跨地区对照"))
        self.cross_box.setToolTip(self.tr("相邻两栏属于不同地区时，其改动并非历年变化"))
        self.cross_box.toggled.connect(self._on_changed)
        self.hover_label = QLabel()
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.sub_box)
        bar.addWidget(self.cross_box)
        bar.addWidget(self.hover_label, 1)
        bar.addWidget(self.status)

        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.plot: pg.PlotItem = self.view.addPlot()
        self.plot.invertY(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=False, y=True)
        vb.setBackgroundColor(GAP_COLOUR)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen("#9aa0a6"))
            axis.setTextPen(pg.mkPen("#202124"))
        self.plot.getAxis("left").setWidth(300)
        self.plot.getAxis("bottom").setHeight(36)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        cmap = colour_map()
        self.image.setLookupTable(cmap.getLookupTable(0.0, 1.0, 256))
        self.image.setLevels((0.0, 1.0))
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=cmap, interactive=False, width=16,
                                          label=self.tr("改动字词占比"))
        self.colour_bar.setImageItem(self.image)
        self.view.addItem(self.colour_bar)
        self._texts: list[pg.TextItem] = []
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_moved)
        scene.sigMouseClicked.connect(self._on_clicked)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        data.changed.connect(self._on_changed)
        data.busy_changed.connect(self._on_busy)
        self._on_changed()

    # -- model -> view ---------------------------------------------------------------------------------------
    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("正在计算…"))

    def _on_changed(self) -> None:
        m = self.data.matrix
        for item in self._texts:
            self.plot.removeItem(item)
        self._texts = []
        same = [j for j, c in enumerate(m.columns) if c.same_district] if m is not None else []
        self.cross_box.setEnabled(bool(same) and m is not None and len(same) < len(m.columns))
        cols = list(range(len(m.columns))) if m is not None and (self.cross_box.isChecked() or not same) else same
        if m is None or not m.rows or not cols:
            self.rows, self.columns, self.cells, self.column_labels = [], [], [], []
            self.image.clear()
            self.plot.getAxis("left").setTicks([[]])
            self.plot.getAxis("bottom").setTicks([[]])
            self.status.setText(self.data.error or self.tr("勾选至少两份报告后显示各章节的改动强度"))
            return
        keep = [i for i, r in enumerate(m.rows) if (r.level == 1 or self.sub_box.isChecked())
                and any(m.cells[i][j] is not None for j in cols)]  # sections of the reports shown
        self.rows = [m.rows[i] for i in keep]
        self.columns = [m.columns[j] for j in cols]
        self.cells = [[m.cells[i][j] for j in cols] for i in keep]
        n = len(self.columns)
        values = np.array([[c.share if c is not None else math.nan for c in line] for line in self.cells],
                          dtype=float)
        self.image.setImage(values, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(0, 0, n, len(self.rows))
        self.shown_reports = sorted({k for c in self.columns for k in (c.a, c.b)})
        left = [(i + 0.5, ("　" * (r.level - 1)) + _short(self.row_label(r))) for i, r in enumerate(self.rows)]
        self.plot.getAxis("left").setTicks([left])
        self.column_labels = [f"{c.against} → {c.label}" if c.same_district else f"{c.against} / {c.label}"
                              for c in self.columns]  # "A / B": two districts side by side, not a change in time
        self.plot.getAxis("bottom").setTicks([[(j + 0.5, text) for j, text in enumerate(self.column_labels)]])
        self.plot.setXRange(0, n, padding=0)
        self.plot.setYRange(0, len(self.rows), padding=0)
        self.plot.getViewBox().setLimits(xMin=0, xMax=n, yMin=0, yMax=len(self.rows))
        if len(self.rows) * n <= 600:
            for i, line in enumerate(self.cells):
                for j, c in enumerate(line):
                    if c is None:
                        continue
                    text = pg.TextItem(f"{c.share:.0%}", color="#ffffff" if c.share > 0.75 else "#202124",
                                       anchor=(0.5, 0.5))
                    text.setPos(j + 0.5, i + 0.5)
                    self.plot.addItem(text)
                    self._texts.append(text)
        self.status.setText(self.tr("%1 个章节 × %2 组对照").replace("%1", str(len(self.rows)))
                            .replace("%2", str(n)))

    def row_label(self, row) -> str:
        """The section's number and heading as the reports shown write it; an untitled one by its role."""
        label, role = row.label_for(self.shown_reports)
        return role_label(role or "") if label.startswith("[") else label

    # -- hover and click -------------------------------------------------------------------------------------
    def cell_at_scene(self, pos: QPointF) -> tuple[int, int] | None:
        if not self.rows or not self.plot.sceneBoundingRect().contains(pos):
            return None
        p = self.plot.getViewBox().mapSceneToView(pos)
        i, j = math.floor(p.y()), math.floor(p.x())
        if 0 <= i < len(self.rows) and 0 <= j < len(self.cells[0]):
            return i, j
        return None

    def hover_text(self, i: int, j: int) -> str:
        row, col, c = self.rows[i], self.columns[j], self.cells[i][j]
        pair = f"{col.against} → {col.label}"
        if c is None:
            return f"{self.row_label(row)} · {pair}: " + self.tr("两份报告都没有这一节")
        return (f"{self.row_label(row)} · {pair}: " + self.tr("改动 %1（新增 %2 词，删除 %3 词，未变 %4 词，移动 %5 词）")
                .replace("%1", f"{c.share:.0%}").replace("%2", str(c.inserted)).replace("%3", str(c.deleted))
                .replace("%4", str(c.equal)).replace("%5", str(c.moved)))

    def _on_moved(self, pos: QPointF) -> None:
        hit = self.cell_at_scene(pos)
        text = self.hover_text(*hit) if hit is not None else ""
        self.hover_label.setText(text)
        self.view.setToolTip(text)

    def _on_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.cell_at_scene(event.scenePos())
        if hit is not None:
            self.open_cell(*hit)

    def open_cell(self, i: int, j: int) -> None:
        """Ask for the aligned row of the section in row ``i`` (column ``j``'s later report in focus)."""
        self.row_requested.emit(self.rows[i].row_id, -1, 0, 0)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"
