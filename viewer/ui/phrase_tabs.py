"""The phrasing tabs of the main window: 提法 (phrase lifecycle and classified edits) and 变化热图 (change
heat map).

    add_phrase_tabs(main_window)        # once, after add_indicator_tabs in MainWindow.__init__

``PhraseData`` is the model both panels share (passive views). It is recomputed on a worker thread from the
comparison the 对照 tab shows (``CompareView.comparison_ready``), so every row id in it is a row of that view;
with fewer than two checked reports there is no comparison and only the lifecycle is computed. Nothing runs
until one of the two tabs is first shown, and while the window is loading or aligning the work waits unless a
phrase tab is in view. ``PhraseTabs.show_row`` moves the 对照 tab to an aligned row and highlights a span.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from viewer.core.model import Report
from viewer.ui.indicator_tabs import LazyTab

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class PhraseData(QObject):
    """Lifecycle, classified edits and change matrix of the checked reports (None before the first result)."""

    changed = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reports: list[Report] = []
        self.comparison = None      # viewer.core.comparison.Comparison (None with fewer than two reports)
        self.life = None            # viewer.core.phrases.Lifecycle
        self.edits: list = []       # viewer.core.phrases.Edit
        self.matrix = None          # viewer.core.phrases.ChangeMatrix
        self.error = ""

    def set_result(self, reports, comparison, life, edits, matrix, error: str = "") -> None:
        self.reports, self.comparison, self.life = list(reports), comparison, life
        self.edits, self.matrix, self.error = list(edits), matrix, error
        self.changed.emit()


class _Signals(QObject):
    done = Signal(object, int)      # (reports, comparison, life, edits, matrix), generation
    failed = Signal(str, int)


class PhraseJob(QRunnable):
    def __init__(self, reports: list[Report], comparison, tokenizer, generation: int) -> None:
        super().__init__()
        self.reports, self.comparison, self.tokenizer, self.generation = reports, comparison, tokenizer, generation
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:  # a pool thread
        try:
            from viewer.core.phrases import change_matrix, classify_edits, phrase_lifecycle

            life = phrase_lifecycle(self.reports, self.tokenizer)
            edits, matrix = [], None
            if self.comparison is not None:
                edits = classify_edits(self.comparison)
                matrix = change_matrix(self.comparison, self.tokenizer)
            result = (self.reports, self.comparison, life, edits, matrix)
        except Exception as exc:  # noqa: BLE001 - shown in the panels, never a crash
            _emit(self.signals.failed, f"{type(exc).__name__}: {exc}", self.generation)
            return
        _emit(self.signals.done, result, self.generation)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the window was closed meanwhile
        pass


class PhraseTabs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.data = PhraseData(self)
        self._generation = 0
        self._jobs: dict[int, PhraseJob] = {}
        self._wanted = False        # a phrase tab has been shown: keep the data up to date
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        window.compare.comparison_ready.connect(self._soon)
        window.library_model.checked_changed.connect(self._soon)
        window.library_model.rowsInserted.connect(self._soon)

        self.phrases_tab = LazyTab(self._make_phrases)
        self.heatmap_tab = LazyTab(self._make_heatmap)
        self._tabs = (self.phrases_tab, self.heatmap_tab)
        window.tabs.addTab(self.phrases_tab, self.tr("提法"))
        window.tabs.addTab(self.heatmap_tab, self.tr("变化热图"))

    # -- panels (built on first show) ----------------------------------------------------------------------
    def _make_phrases(self) -> QWidget:
        from viewer.ui.phrases_panel import PhrasesPanel

        panel = PhrasesPanel(self.data)
        panel.row_requested.connect(self.show_row)
        panel.source_requested.connect(self.show_source)
        self._start_wanting()
        return panel

    def _make_heatmap(self) -> QWidget:
        from viewer.ui.heatmap_panel import HeatmapPanel

        panel = HeatmapPanel(self.data)
        panel.row_requested.connect(self.show_row)
        self._start_wanting()
        return panel

    def phrases_panel(self) -> Any:
        return self.phrases_tab.widget()

    def heatmap_panel(self) -> Any:
        return self.heatmap_tab.widget()

    def _start_wanting(self) -> None:
        if not self._wanted:
            self._wanted = True
            self._timer.start(0)

    # -- recomputation -----------------------------------------------------------------------------------------
    def _soon(self) -> None:
        if self._wanted:
            self._timer.start()

    def is_busy(self) -> bool:
        return self._timer.isActive() or self._generation in self._jobs

    def refresh(self) -> None:
        """Recompute from the comparison on screen (a newer request supersedes an older one)."""
        w = self.window
        in_view = w.tabs.currentWidget() in self._tabs
        if w.is_loading() or w.compare.is_busy() or (not in_view and w.is_busy()):
            self._timer.start()
            return
        reports = w.library_model.checked_reports()
        comparison = w.compare.model.comparison
        if comparison is not None and list(comparison.alignment.reports) != reports:
            comparison = None
            if len(reports) >= 2:  # the comparison of these reports is on its way
                self._timer.start()
                return
        self._generation += 1
        if not reports:
            self.data.set_result([], None, None, [], None)
            self.data.busy_changed.emit(False)
            return
        job = PhraseJob(reports, comparison, w.compare.tokenizer(), self._generation)
        job.signals.done.connect(self._on_done)  # a bound slot: delivered on the UI thread
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        self.data.busy_changed.emit(True)
        QThreadPool.globalInstance().start(job)

    def _on_done(self, result, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.data.set_result(*result)
        self.data.busy_changed.emit(False)

    def _on_failed(self, message: str, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.data.set_result([], None, None, [], None, error=message)
        self.data.busy_changed.emit(False)

    # -- jumps to the comparison ---------------------------------------------------------------------------------
    def show_row(self, row_id: str, report: int = -1, start: int = 0, end: int = 0) -> int:
        """Show aligned row ``row_id`` in the 对照 tab (and highlight ``[start, end)`` of report column
        ``report`` when given). Returns the view's row index, -1 when the row is not on screen."""
        compare = self.window.compare
        model = compare.model
        if self.data.comparison is None or model.comparison is not self.data.comparison:
            return -1
        index = next((i for i, (rid, _row) in enumerate(model.rows) if rid == row_id), -1)
        if index < 0:
            return -1
        self.window.tabs.setCurrentWidget(compare)
        compare.scroll_to_row(index)
        if 0 <= report < model.columnCount() and end > start:
            model.set_focus(report, start, end)
            compare.delegate.clear()
            compare.table.setCurrentIndex(model.index(index, report))
            compare.table.viewport().update()
        return index

    def show_source(self, report_name: str, start: int, end: int) -> str:
        """A phrase's first occurrence: through the indicator tabs' source jump (comparison or single view)."""
        tabs = getattr(self.window, "indicator_tabs", None)
        return tabs.show_source(report_name, start, end) if tabs is not None else ""


def add_phrase_tabs(main_window: MainWindow) -> PhraseTabs:
    """Add the tabs 提法 and 变化热图 to ``main_window.tabs``; kept as ``main_window.phrase_tabs``."""
    tabs = PhraseTabs(main_window)
    main_window.phrase_tabs = tabs
    return tabs
