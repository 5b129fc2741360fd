"""The indicator tabs of the main window: 指标 (table), 走势 (plots), 目标对照 (scorecard), 关键词 (keyword trends).

    add_indicator_tabs(main_window)     # once, at the end of MainWindow.__init__

``IndicatorData`` is the model the four panels share (passive views: each takes it in ``__init__`` and listens to
``changed``). It is recomputed on a worker thread whenever the checked reports change or reports arrive; the
indicator rows of a report are cached by its content hash, so ticking a report on and off costs no extraction.
Each panel is built the first time its tab is shown (pyqtgraph and pandas stay out of start-up).
A click on a row of a table asks ``IndicatorTabs.show_source``: the comparison scrolls to the sentence and
highlights it, or, when the report is not a compared column, the single-report view selects it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.core.model import Report

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class IndicatorData(QObject):
    """The indicator frame and scorecard of the checked reports (None before the first result)."""

    changed = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reports: list[Report] = []
        self.frame = None       # pandas DataFrame (viewer.core.indicators COLUMNS)
        self.scores = None      # pandas DataFrame (viewer.core.scorecard SCORE_COLUMNS)
        self.error = ""

    def set_result(self, reports: list[Report], frame, scores, error: str = "") -> None:
        self.reports, self.frame, self.scores, self.error = list(reports), frame, scores, error
        self.changed.emit()

    def report_named(self, name: str) -> Report | None:
        return next((r for r in self.reports if r.name == name), None)


class _Signals(QObject):
    done = Signal(object, int)      # (reports, frame, scores, fresh cache entries), generation
    failed = Signal(str, int)


class IndicatorJob(QRunnable):
    """Indicator rows of each report (from the cache when seen before), the frame and the scorecard."""

    def __init__(self, reports: list[Report], cache: dict[str, list], generation: int) -> None:
        super().__init__()
        self.reports, self.cache, self.generation = reports, cache, generation
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:  # a pool thread
        try:
            from viewer.core.indicators import extract_indicators
            from viewer.core.indicators.table import rows_to_frame
            from viewer.core.scorecard import scorecard

            rows: list = []
            fresh: dict[str, list] = {}
            for r in self.reports:
                got = self.cache.get(r.content_hash)
                if got is None:
                    got = fresh[r.content_hash] = extract_indicators(r)
                rows.extend(got)
            frame = rows_to_frame(rows)
            result = (self.reports, frame, scorecard(frame), fresh)
        except Exception as exc:  # noqa: BLE001 - shown in the panels, never a crash
            _emit(self.signals.failed, f"{type(exc).__name__}: {exc}", self.generation)
            return
        _emit(self.signals.done, result, self.generation)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the window was closed meanwhile
        pass


class LazyTab(QWidget):
    """A tab whose content is built by ``factory`` the first time it is shown (or asked for)."""

    def __init__(self, factory: Callable[[], QWidget], parent=None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._factory()
            self._layout.addWidget(self._widget)
        return self._widget

    def is_built(self) -> bool:
        return self._widget is not None

    def showEvent(self, event) -> None:  # noqa: N802
        self.widget()
        super().showEvent(event)


class IndicatorTabs(QObject):
    """Owns the shared ``IndicatorData``, the four tabs and the background recomputation."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.data = IndicatorData(self)
        self._cache: dict[str, list] = {}
        self._generation = 0
        self._jobs: dict[int, IndicatorJob] = {}
        self._timer = QTimer(self, singleShot=True, interval=100)
        self._timer.timeout.connect(self.refresh)
        model = window.library_model
        model.checked_changed.connect(self._timer.start)
        model.rowsInserted.connect(self._timer.start)

        self.table_tab = LazyTab(self._make_table)
        self.plots_tab = LazyTab(self._make_plots)
        self.scorecard_tab = LazyTab(self._make_scorecard)
        self.keywords_tab = LazyTab(self._make_keywords)
        self._tabs = (self.table_tab, self.plots_tab, self.scorecard_tab, self.keywords_tab)
        tabs = window.tabs
        tabs.addTab(self.table_tab, self.tr("指标"))
        tabs.addTab(self.plots_tab, self.tr("走势"))
        tabs.addTab(self.scorecard_tab, self.tr("目标对照"))
        tabs.addTab(self.keywords_tab, self.tr("关键词"))

    # -- panels (built on first show) ----------------------------------------------------------------------------
    def _make_table(self) -> QWidget:
        from viewer.ui.indicators_panel import IndicatorsPanel

        panel = IndicatorsPanel(self.data)
        panel.source_requested.connect(self.show_source)
        return panel

    def _make_plots(self) -> QWidget:
        from viewer.ui.plots import PlotsPanel

        return PlotsPanel(self.data)

    def _make_scorecard(self) -> QWidget:
        from viewer.ui.scorecard_panel import ScorecardPanel

        panel = ScorecardPanel(self.data)
        panel.source_requested.connect(self.show_source)
        return panel

    def _make_keywords(self) -> QWidget:
        from viewer.ui.keywords_panel import KeywordsPanel

        return KeywordsPanel(self.data, self.window.compare.tokenizer)

    def table_panel(self) -> Any:
        return self.table_tab.widget()

    def plots_panel(self) -> Any:
        return self.plots_tab.widget()

    def scorecard_panel(self) -> Any:
        return self.scorecard_tab.widget()

    def keywords_panel(self) -> Any:
        return self.keywords_tab.widget()

    # -- recomputation -------------------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._timer.isActive() or self._generation in self._jobs

    def refresh(self) -> None:
        """Recompute for the checked reports in the background (a newer request supersedes an older one)."""
        in_view = self.window.tabs.currentWidget() in self._tabs
        if self.window.is_loading() or (not in_view and self.window.is_busy()):
            # once the batch is in, and (unless an indicator tab is in view) once the comparison on screen is
            # aligned and laid out: indicator work (pandas, extraction) on another thread would slow it down
            self._timer.start()
            return
        reports = self.window.library_model.checked_reports()
        self._generation += 1
        if not reports:
            self.data.set_result([], None, None)
            self.data.busy_changed.emit(False)
            return
        job = IndicatorJob(reports, dict(self._cache), self._generation)
        job.signals.done.connect(self._on_done)  # a bound slot: delivered on the UI thread
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        self.data.busy_changed.emit(True)
        QThreadPool.globalInstance().start(job)

    def _on_done(self, result, generation: int) -> None:
        self._jobs.pop(generation, None)
        reports, frame, scores, fresh = result
        self._cache.update(fresh)
        if generation != self._generation:
            return
        self.data.set_result(reports, frame, scores)
        self.data.busy_changed.emit(False)

    def _on_failed(self, message: str, generation: int) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation:
            return
        self.data.set_result([], None, None, error=message)
        self.data.busy_changed.emit(False)

    # -- click to source -----------------------------------------------------------------------------------------
    def show_source(self, report_name: str, start: int, end: int) -> str:
        """Show ``[start, end)`` of the named report: in the comparison when it is a compared column ("compare"),
        else in the single-report view ("single"). Returns "" when the report is not loaded."""
        report = self.data.report_named(report_name)
        if report is None:
            report = next((r for r in self.window.reports if r.name == report_name), None)
        if report is None:
            return ""
        start, end = sentence_span(report, start, end)
        w = self.window
        if w.compare.highlight_span(report, start, end):
            w.tabs.setCurrentWidget(w.compare)
            return "compare"
        row = next((i for i, r in enumerate(w.reports) if r is report), -1)
        if row < 0:
            return ""
        w.library.selectRow(row)
        if w.text.toPlainText() != report.text:  # the same row was already current: no selection signal
            w._on_report_selected(w.library_model.index(row, 0))
        for i in range(w.tabs.count()):
            if w.tabs.widget(i).isAncestorOf(w.text):
                w.tabs.setCurrentIndex(i)
                break
        from viewer.ui.main_window import qt_position

        text = report.text
        cursor = w.text.textCursor()
        cursor.setPosition(qt_position(text, start))
        cursor.setPosition(qt_position(text, end), QTextCursor.MoveMode.KeepAnchor)
        w.text.setTextCursor(cursor)
        w.text.centerCursor()
        w.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return "single"


def sentence_span(report: Report, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``report`` holding ``[start, end)`` (the span itself when none does)."""
    for para in report.paragraphs:
        if para.start <= start < para.end:
            for sent in para.sentences:
                if sent.start <= start < sent.end:
                    return sent.start, max(sent.end, end)
            break
    return start, end


def add_indicator_tabs(main_window: MainWindow) -> IndicatorTabs:
    """Add the tabs 指标, 走势, 目标对照, 关键词 to ``main_window.tabs``; kept as ``main_window.indicator_tabs``."""
    tabs = IndicatorTabs(main_window)
    main_window.indicator_tabs = tabs
    if main_window.library_model.rowCount():
        tabs.refresh()
    return tabs
