"""The comparison view: reports side by side, aligned row by row, with highlights, an aligned outline,
next/previous change, find across all columns, hover counterparts and user pairings (overrides).

One table holds all columns, so every aligned row has one height and scrolling is synchronized by construction.
Alignment + diff run on a worker thread; a newer request supersedes an older one.
"""
from __future__ import annotations

import threading
import time
from collections import deque

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QKeySequence, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMenu, QSplitter,
    QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolButton, QToolTip, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from viewer.core.align import Override
from viewer.core.highlights import KINDS
from viewer.core.model import Report
from viewer.ui.compare_model import CELL_ROLE, HTML_ROLE, STYLES, CompareModel
from viewer.ui.labels import kind_label, section_label

PAD = 6
BATCH_SECONDS = 0.02        # longest UI-thread step of row layout (checked between rows)


class CompareSignals(QObject):
    done = Signal(object, int)      # Comparison, generation
    failed = Signal(str, int)
    stopped = Signal(int)           # generation: cancelled before it finished
    progress = Signal(int, int)     # percent, generation


class CompareJob(QRunnable):
    """Align and diff on a worker. ``cancelled`` (set from the UI thread when a newer request supersedes this
    one, or the user cancels) is polled by the core, so a superseded comparison stops instead of running on."""

    def __init__(self, reports: list[Report], overrides: list[Override], tokenizer, generation: int) -> None:
        super().__init__()
        self.reports, self.overrides, self.tokenizer, self.generation = reports, overrides, tokenizer, generation
        self.signals = CompareSignals()
        self.cancelled = False
        self.setAutoDelete(False)

    def run(self) -> None:
        from viewer.core.comparison import compare_reports
        from viewer.core.errors import Cancelled

        try:
            result = compare_reports(self.reports, self.tokenizer, self.overrides,
                                     cancel=lambda: self.cancelled,
                                     progress=lambda done, total: _emit(self.signals.progress,
                                                                        done * 100 // total, self.generation))
        except Cancelled:
            _emit(self.signals.stopped, self.generation)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            _emit(self.signals.failed, f"{type(exc).__name__}: {exc}", self.generation)
            return
        _emit(self.signals.done, result, self.generation)


def _emit(signal, *args) -> None:
    """Emit from a worker; the receiving view may have been closed meanwhile (then nobody listens)."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


def new_document(html: str, font: QFont, width: int) -> QTextDocument:
    """A cell's document as the delegate lays it out and paints it."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(PAD)
    doc.setHtml(html)
    doc.setTextWidth(max(50, width))
    return doc


def document_height(doc: QTextDocument) -> int:
    return int(doc.size().height()) + 1


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's HTML with word wrap; the height follows the column width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self._docs: dict[tuple[int, int], tuple[int, str, QTextDocument]] = {}
        self._view_font = None
        self.tooltip_for = None     # (index, viewport position) -> text ("" hides; None: Qt's default)

    def clear(self) -> None:
        self._docs.clear()
        self._view_font = None

    def _font(self):
        if self._view_font is None:
            self._view_font = self.view.font()
        return self._view_font

    def document(self, index: QModelIndex, width: int) -> QTextDocument:
        key = (index.row(), index.column())
        html = index.data(HTML_ROLE) or ""
        cached = self._docs.get(key)
        # (the HTML comes back from Qt as a new str each time: compare by value)
        if cached is not None and cached[0] == width and cached[1] == html:
            return cached[2]
        doc = new_document(html, self._font(), width)
        self._docs[key] = (width, html, doc)
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        # laid out at the column width, as for sizeHint and hit tests (the cell rect is a grid line narrower)
        doc = self.document(index, self.view.columnWidth(index.column()))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRect(0, 0, option.rect.width(), option.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        width = self.view.columnWidth(index.column())
        return QSize(width, document_height(self.document(index, width)))

    def char_at(self, index: QModelIndex, pos_in_cell) -> int:
        doc = self.document(index, self.view.columnWidth(index.column()))
        return doc.documentLayout().hitTest(pos_in_cell, Qt.HitTestAccuracy.ExactHit)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802
        """Tooltips (the view calls this for tooltip events only, so other viewport events stay in C++)."""
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            text = self.tooltip_for(index, event.pos())
            if text is not None:
                if text:
                    QToolTip.showText(event.globalPos(), text, view)
                else:
                    QToolTip.hideText()
                return True
        return super().helpEvent(event, view, option, index)


class CompareView(QWidget):
    comparison_ready = Signal()
    busy_changed = Signal(bool)
    progress_changed = Signal(int)  # percent of the comparison in progress

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reports: list[Report] = []
        self.overrides: list[Override] = []
        self.error = ""
        self._tokenizer = None
        self._generation = 0
        self._jobs: dict[int, CompareJob] = {}
        self.stopped_jobs = 0           # superseded or cancelled comparisons that stopped before the end
        self._lock = threading.Lock()

        self.model = CompareModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = HtmlDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setMinimumWidth(18)
        self.table.setMouseTracking(True)
        self.delegate.tooltip_for = self._tooltip_for
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._relayout_soon())

        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("对齐提纲")])
        self.outline.itemClicked.connect(self._on_outline_clicked)

        # toolbar: legend toggles, navigation, find
        bar = QHBoxLayout()
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in KINDS:
            box = QCheckBox(kind_label(kind))
            box.setChecked(kind != "equal")  # recurring text is shown on demand: changes stand out
            box.setStyleSheet(f"QCheckBox {{ background:{STYLES[kind][0]}; padding:2px 6px; border-radius:3px; }}")
            box.toggled.connect(self._on_kinds_toggled)
            self.kind_boxes[kind] = box
            bar.addWidget(box)
        self.changed_only = QCheckBox(self.tr("只看变化"))
        self.changed_only.setToolTip(self.tr("隐藏各报告完全相同的行（保留其所在章节的标题行）"))
        self.changed_only.toggled.connect(self._apply_row_filter)
        bar.addWidget(self.changed_only)
        bar.addSpacing(12)
        self.prev_button = QToolButton(text=self.tr("◀ 上一处"))
        self.next_button = QToolButton(text=self.tr("下一处 ▶"))
        self.prev_button.setToolTip(self.tr("上一处变化 (Shift+F8)"))
        self.next_button.setToolTip(self.tr("下一处变化 (F8)"))
        self.prev_button.clicked.connect(lambda: self.goto_change(-1))
        self.next_button.clicked.connect(lambda: self.goto_change(+1))
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("在所有报告中查找… (Ctrl+F)"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(lambda: self.find_next(+1))
        self.find_edit.textChanged.connect(self._on_find_changed)
        bar.addWidget(self.find_edit, 1)
        self.status = QLabel()
        bar.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.outline)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 1200])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(split, 1)

        for seq, step in ((QKeySequence(Qt.Key.Key_F8), +1), (QKeySequence("Shift+F8"), -1),
                          (QKeySequence("Alt+Down"), +1), (QKeySequence("Alt+Up"), -1)):
            QShortcut(seq, self, activated=lambda s=step: self.goto_change(s))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_find)
        QShortcut(QKeySequence.StandardKey.FindNext, self, activated=lambda: self.find_next(+1))
        QShortcut(QKeySequence.StandardKey.FindPrevious, self, activated=lambda: self.find_next(-1))

        self._relayout_timer = QTimer(self, singleShot=True, interval=120)
        self._relayout_timer.timeout.connect(self._on_widths_settled)
        self._layout_widths: list[int] = []
        self._pending_rows: deque[int] = deque()   # rows still at the default height, laid out in steps
        self._unfilled = 0
        self._batch_timer = QTimer(self, singleShot=True, interval=0)
        self._batch_timer.timeout.connect(self._relayout_batch)
        self._find_hits: list[tuple[int, int]] = []
        self._find_pos = -1

    # -- comparison lifecycle -------------------------------------------------------------------------------------
    def tokenizer(self):
        if self._tokenizer is None:
            from viewer.core.tokenize import Tokenizer

            self._tokenizer = Tokenizer()
        return self._tokenizer

    def warm_up_in_background(self) -> None:
        """Start jieba (about 1 s) on a worker now, so the first comparison does not wait for it."""
        tokenizer = self.tokenizer()

        class _WarmUp(QRunnable):
            def run(self) -> None:
                try:
                    tokenizer.warm_up()
                except Exception:  # noqa: BLE001 - the comparison will report it when it needs the tokenizer
                    pass

        QThreadPool.globalInstance().start(_WarmUp())

    def set_reports(self, reports: list[Report]) -> None:
        """Compare these reports (2 or more) in the background; fewer clears the view."""
        self.reports = list(reports)
        if len(self.reports) < 2:
            self._generation += 1
            self._stop_layout()
            self.model.set_comparison(None)
            self.outline.clear()
            self.status.setText(self.tr("请勾选至少两份报告进行对照"))
            return
        self._start()

    def _start(self) -> None:
        self._stop_jobs()
        self._generation += 1
        job = CompareJob(self.reports, list(self.overrides), self.tokenizer(), self._generation)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        job.signals.stopped.connect(self._on_stopped)
        job.signals.progress.connect(self._on_progress)
        self._jobs[self._generation] = job
        self.status.setText(self.tr("正在对齐…"))
        self.busy_changed.emit(True)
        QThreadPool.globalInstance().start(job)

    def _stop_jobs(self) -> None:
        """Ask every comparison still running to stop: its result would be dropped anyway."""
        for job in self._jobs.values():
            job.cancelled = True

    def cancel(self) -> None:
        self._stop_jobs()
        self._generation += 1
        self.busy_changed.emit(False)
        self.status.setText(self.tr("已取消"))

    def _on_stopped(self, generation: int) -> None:
        self._jobs.pop(generation, None)
        self.stopped_jobs += 1

    def _on_progress(self, percent: int, generation: int) -> None:
        if generation == self._generation:
            self.status.setText(self.tr("正在对齐… %1%").replace("%1", str(percent)))
            self.progress_changed.emit(percent)

    def is_busy(self) -> bool:
        return any(g == self._generation for g in self._jobs) or bool(self._pending_rows)

    def _on_done(self, comparison, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.error = ""
        self.delegate.clear()
        self._stop_layout()
        self.model.set_comparison(comparison)
        self._apply_row_filter()
        self._build_outline()
        self.table.doItemsLayout()  # scrollbar and column widths settle now, so rows are laid out once
        self._relayout()
        changed = sum(1 for i in range(self.model.rowCount()) if self.model.is_changed(i))
        self.status.setText(self.tr("%1 行，%2 处有变化").replace("%1", str(self.model.rowCount()))
                            .replace("%2", str(changed)))
        self.busy_changed.emit(False)
        self.comparison_ready.emit()

    def _on_failed(self, message: str, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.error = message
        self.status.setText(self.tr("对齐失败：") + message)
        self.busy_changed.emit(False)
        self.comparison_ready.emit()

    # -- layout ---------------------------------------------------------------------------------------------------
    def _relayout_soon(self) -> None:
        self._relayout_timer.start()

    def _column_widths(self) -> list[int]:
        return [self.table.columnWidth(i) for i in range(self.model.columnCount())]

    def _on_widths_settled(self) -> None:
        if self._column_widths() != self._layout_widths:  # a new comparison is laid out by _on_done already
            self._relayout()

    def _stop_layout(self) -> None:
        self._batch_timer.stop()
        self._pending_rows.clear()
        self._show_rows()

    def _show_rows(self) -> None:
        self._unfilled = 0
        if not self.table.viewport().updatesEnabled():
            self.table.viewport().setUpdatesEnabled(True)

    def _relayout(self) -> None:
        """Fit row heights to the wrapped text, from the first row in view on, in short steps between events (at
        most BATCH_SECONDS each) so a long comparison never freezes the window. The table is not painted until
        the rows in view have their heights: a paint at the default height would lay out the many more rows
        that fit then, and show them overlapping."""
        self._stop_layout()
        self._layout_widths = self._column_widths()
        n = self.model.rowCount()
        if not n or not self._layout_widths:
            return
        first = max(0, self.table.rowAt(0))
        self._pending_rows.extend(range(first, n))
        self._pending_rows.extend(range(first))
        self._unfilled = self.table.viewport().height()  # pixels of the view still at the default row height
        self.table.viewport().setUpdatesEnabled(False)
        self._batch_timer.start()

    def _relayout_batch(self) -> None:
        """Rows laid out here for up to BATCH_SECONDS, then back to the event loop."""
        deadline = time.perf_counter() + BATCH_SECONDS
        n = self.model.rowCount()
        rows = self._pending_rows
        while rows and time.perf_counter() < deadline:
            i = rows.popleft()
            if i < n and not self.table.isRowHidden(i):
                self.table.resizeRowToContents(i)
                if self._unfilled > 0:
                    self._unfilled -= self.table.rowHeight(i)
                    if self._unfilled <= 0:
                        break  # the view is full: paint it in a step of its own
        if self._unfilled <= 0 or not rows:
            self._show_rows()
        if rows:
            self._batch_timer.start()

    def is_laid_out(self) -> bool:
        return not self._pending_rows

    def _build_outline(self) -> None:
        self.outline.clear()
        items: dict[str, QTreeWidgetItem] = {}
        n = len(self.reports)
        for i, (rid, row) in enumerate(self.model.rows):
            first = next((c for c in row.cells if c is not None), None)
            if first is None or first.kind != "section" or row.level > 2:
                continue
            presence = "".join("■" if c is not None else "□" for c in row.cells) if n <= 8 else ""
            item = QTreeWidgetItem([section_label(first.node)])
            item.setToolTip(0, f"{presence}  {row.reason} {row.score:.2f}")
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            if self.model.is_changed(i):
                item.setForeground(0, Qt.GlobalColor.darkBlue)
            parent = items.get(rid.rsplit(".", 1)[0]) if "." in rid else None
            (parent.addChild(item) if parent else self.outline.addTopLevelItem(item))
            items[rid] = item
        self.outline.expandToDepth(0)

    def _on_outline_clicked(self, item: QTreeWidgetItem, _col: int) -> None:
        self.scroll_to_row(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _apply_row_filter(self) -> None:
        """With 只看变化 on, hide the rows whose text is the same in every report, except the headings of the
        sections that hold a change (a row id's ancestors are its prefixes: "3.2.1" is under "3.2" and "3")."""
        rows = self.model.rows
        keep: set[str] | None = None
        if self.changed_only.isChecked():
            keep = set()
            for i, (rid, _row) in enumerate(rows):
                if self.model.is_changed(i):
                    parts = rid.split(".")
                    keep.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
        shown = False
        for i, (rid, _row) in enumerate(rows):
            hide = keep is not None and rid not in keep
            if self.table.isRowHidden(i) != hide:
                self.table.setRowHidden(i, hide)
                shown = shown or not hide
        if shown:
            self._relayout()    # rows shown again were skipped by the layout while hidden
        if keep is not None and rows:
            self.status.setText(self.tr("显示 %1 / %2 行").replace("%1", str(len(keep)))
                                .replace("%2", str(len(rows))))

    def visible_rows(self) -> list[int]:
        return [i for i in range(self.model.rowCount()) if not self.table.isRowHidden(i)]

    def scroll_to_row(self, row: int) -> None:
        if self.table.isRowHidden(row):   # asked for by name (outline, indicator, heat map): show everything
            self.changed_only.setChecked(False)
        index = self.model.index(row, 0)
        self.table.selectRow(row)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def scroll_to_offset(self, report: Report, offset: int) -> bool:
        """Scroll to the row whose cell of ``report`` holds ``offset`` (e.g. an indicator's sentence)."""
        col = next((i for i, r in enumerate(self.model.reports) if r is report), -1)
        if col < 0:
            return False
        best = None
        for i in range(self.model.rowCount()):
            c = self.model.cell(i, col)
            if c is not None and c.own_start <= offset < c.own_end:
                best = i
        if best is None:
            return False
        self.scroll_to_row(best)
        return True

    def highlight_span(self, report: Report, start: int, end: int) -> bool:
        """Scroll to ``[start, end)`` of ``report`` and highlight it (False when it is not a compared column)."""
        col = next((i for i, r in enumerate(self.model.reports) if r is report), -1)
        if col < 0 or not self.scroll_to_offset(report, start):
            return False
        self.model.set_focus(col, start, end)
        self.delegate.clear()
        self.table.setCurrentIndex(self.model.index(self.current_row(), col))
        self.table.viewport().update()
        return True

    # -- highlights, navigation, find -----------------------------------------------------------------------------
    def _on_kinds_toggled(self) -> None:
        self.model.set_enabled_kinds({k for k, b in self.kind_boxes.items() if b.isChecked()})
        self.delegate.clear()
        self.table.viewport().update()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def goto_change(self, step: int) -> int:
        n = self.model.rowCount()
        i = self.current_row()
        for _ in range(n):
            i = (i + step) % n if n else -1
            if i >= 0 and self.model.is_changed(i):
                self.scroll_to_row(i)
                return i
        return -1

    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _on_find_changed(self, text: str) -> None:
        self.model.set_find_text(text)
        self.delegate.clear()
        self._find_hits = []
        if text:
            for i in self.visible_rows():
                for c in range(self.model.columnCount()):
                    if text in self.model.cell_text(i, c):
                        self._find_hits.append((i, c))
        self._find_pos = -1
        self.table.viewport().update()
        if text:
            self.status.setText(self.tr("找到 %1 处").replace("%1", str(len(self._find_hits))))

    def find_next(self, step: int = 1) -> tuple[int, int] | None:
        if not self._find_hits:
            return None
        self._find_pos = (self._find_pos + step) % len(self._find_hits)
        row, col = self._find_hits[self._find_pos]
        self.scroll_to_row(row)
        self.table.setCurrentIndex(self.model.index(row, col))
        return row, col

    # -- hover: counterpart of a highlight -----------------------------------------------------------------------
    def tooltip_at(self, row: int, col: int, offset: int) -> str:
        mark = self.model.mark_at(row, col, offset)
        if mark is None:
            return ""
        reports = self.model.reports
        other = reports[mark.other] if mark.other is not None else None
        name = f"{other.meta.district}{other.meta.year or ''}" if other else ""
        label = kind_label(mark.kind)
        if mark.counterpart and other is not None:
            s, e = mark.counterpart
            snippet = other.text[s:e]
            snippet = snippet if len(snippet) <= 160 else snippet[:160] + "…"
            return f"{label} — {name}：{snippet}"
        if mark.kind == "insert":
            return f"{label} — {self.tr('%1 中没有这段文字').replace('%1', name)}"
        if mark.kind == "delete":
            return f"{label} — {self.tr('%1 中已删去').replace('%1', name)}"
        return label

    def _tooltip_for(self, index: QModelIndex, pos) -> str | None:
        """The counterpart of the highlight under viewport position ``pos`` ("" for none; None off a cell)."""
        cell = index.data(CELL_ROLE) if index.isValid() else None
        if cell is None:
            return None
        rect = self.table.visualRect(index)
        at = self.delegate.char_at(index, pos - rect.topLeft())
        return self.tooltip_at(index.row(), index.column(), cell.own_start + max(0, at)) if at >= 0 else ""

    # -- overrides ------------------------------------------------------------------------------------------------
    def pair(self, row: int, col: int, other_col: int, other_key: str | None) -> None:
        """The user's pairing: the cell at (row, col) answers ``other_key`` of report ``other_col`` (None: it has
        no counterpart there). Kept across re-alignments."""
        cell = self.model.cell(row, col)
        if cell is None:
            return
        a, b = self.model.reports[col], self.model.reports[other_col]
        o = Override(a.path, cell.key, b.path, other_key)
        self.overrides = [x for x in self.overrides
                          if not (x.report_a == o.report_a and x.section_key_a == o.section_key_a
                                  and x.report_b == o.report_b)] + [o]
        self._start()

    def candidate_keys(self, col: int, level: int) -> list[tuple[str, str]]:
        """(key, label) of the sections of report ``col`` at ``level``, in report order."""
        out = []
        for _rid, r in self.model.rows:
            c = r.cells[col]
            if c is not None and c.kind == "section" and r.level == level:
                out.append((c.key, section_label(c.node)))
        return sorted(out, key=lambda kv: next(c.start for _r, rr in self.model.rows
                                               if (c := rr.cells[col]) is not None and c.key == kv[0]))

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        cell = index.data(CELL_ROLE) if index.isValid() else None
        if cell is None or cell.kind != "section":
            return
        menu = QMenu(self)
        row, col = index.row(), index.column()
        level = self.model.rows[row][1].level
        for other_col, report in enumerate(self.model.reports):
            if other_col == col:
                continue
            name = f"{report.meta.district}{report.meta.year or ''}"
            act = menu.addAction(self.tr("与 %1 的某一节配对…").replace("%1", name))
            act.triggered.connect(lambda _=False, oc=other_col: self._ask_pair(row, col, oc, level))
            act2 = menu.addAction(self.tr("在 %1 中无对应").replace("%1", name))
            act2.triggered.connect(lambda _=False, oc=other_col: self.pair(row, col, oc, None))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _ask_pair(self, row: int, col: int, other_col: int, level: int) -> None:
        options = self.candidate_keys(other_col, level)
        labels = [label for _k, label in options]
        choice, ok = QInputDialog.getItem(self, self.tr("手动配对"), self.tr("选择对应的章节："), labels, 0, False)
        if ok and choice in labels:
            self.pair(row, col, other_col, options[labels.index(choice)][0])
