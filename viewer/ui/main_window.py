"""Main window: report library (dock) | views. Files arrive by drag-and-drop, File ▸ Open, recent files or argv.

Loading runs on a worker thread with a progress bar and a Cancel button; a bad file gets a per-file message and
the others still load. The UI asks the core and renders; it parses nothing.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QFileDialog, QHeaderView, QLabel, QMainWindow, QPlainTextEdit, QProgressBar,
    QPushButton, QSplitter, QTableView, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from viewer.core.loader import MAX_FOLDER_FILES, expand_paths
from viewer.core.model import Report, Section
from viewer.ui.compare_view import CompareView
from viewer.ui.labels import role_label, section_label
from viewer.ui.library import LibraryModel
from viewer.ui.load_problems import LoadProblems
from viewer.ui.workers import LoadJob

FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)")
MAX_RECENT = 10


class MainWindow(QMainWindow):
    loading_finished = Signal()  # a batch of files is in (or was cancelled)

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("报告对照 Report Compare"))
        self.setAcceptDrops(True)
        self.errors: list[str] = []
        self._job: LoadJob | None = None
        self._queue: list[Path] = []

        self.library_model = LibraryModel(self)
        self.library = QTableView()
        self.library.setModel(self.library_model)
        self.library.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.library.verticalHeader().hide()
        self.library.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.library.selectionModel().currentRowChanged.connect(self._on_report_selected)
        dock = QDockWidget(self.tr("报告库"), self)
        dock.setObjectName("library")
        dock.setWidget(self.library)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [360], Qt.Orientation.Horizontal)

        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("章节"), self.tr("类型")])
        self.outline.itemClicked.connect(self._on_section_clicked)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.meta_label = QLabel()
        self.meta_label.setWordWrap(True)
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.meta_label)
        lay.addWidget(self.text)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.outline)
        split.addWidget(right)
        split.setSizes([380, 800])

        self.compare = CompareView()
        self.compare.busy_changed.connect(self._on_compare_busy)
        self.compare.progress_changed.connect(self._on_compare_progress)
        kinds = self.settings.value("compare/kinds")
        if kinds is not None:
            kinds = {kinds} if isinstance(kinds, str) else set(kinds)
            for kind, box in self.compare.kind_boxes.items():
                box.setChecked(kind in kinds)
        for box in self.compare.kind_boxes.values():
            box.toggled.connect(self._save_kinds)
        self.compare.changed_only.setChecked(str(self.settings.value("compare/changed_only", False)).lower()
                                             == "true")
        self.compare.changed_only.toggled.connect(self._save_changed_only)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.compare, self.tr("对照"))
        self.tabs.addTab(split, self.tr("单篇阅读"))
        self.setCentralWidget(self.tabs)
        self._compare_timer = QTimer(self, singleShot=True, interval=150)
        self._compare_timer.timeout.connect(self._update_comparison)
        self.library_model.checked_changed.connect(self._compare_timer.start)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.load_problems = LoadProblems(self)  # every unread file with its reason, behind a status-bar button
        self._batch_errors: list[str] = []
        self._folder_notes: list[str] = []   # folders dropped that gave no (or not all) files, for the next batch

        self._build_menus()
        from viewer.ui.workspace_actions import WorkspaceController

        self.workspace = WorkspaceController(self)  # File ▸ workspaces, autosave
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        from viewer.ui.indicator_tabs import add_indicator_tabs

        add_indicator_tabs(self)
        from viewer.ui.phrase_tabs import add_phrase_tabs

        add_phrase_tabs(self)

    # -- menus ---------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        open_action = QAction(self.tr("打开(&O)…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_dialog)
        file_menu.addAction(open_action)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        self._refresh_recent_menu()
        file_menu.addSeparator()
        from viewer.ui.export_actions import ExportController

        self.exporter = ExportController(self)
        file_menu.addAction(self.exporter.action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.findChild(QDockWidget, "library").toggleViewAction())
        lang_menu = view_menu.addMenu(self.tr("语言"))
        current = self.settings.value("ui/language", "zh")
        for code, name in (("zh", self.tr("中文")), ("en", self.tr("English"))):
            act = lang_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _=False, c=code: self._set_language(c))

    def _save_changed_only(self, on: bool) -> None:
        self.settings.setValue("compare/changed_only", bool(on))

    def _save_kinds(self) -> None:
        self.settings.setValue("compare/kinds", sorted(self.compare.model.enabled) or [""])

    def _set_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        self.statusBar().showMessage(self.tr("语言将在重新启动后生效"))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent/files", files[:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.load_files([Path(p)]))
        self.recent_menu.setEnabled(bool(files))

    def open_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("打开报告"), "", self.tr(FILE_FILTER))
        if names:
            self.load_files([Path(n) for n in names])

    # -- drag and drop -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_files(paths)

    # -- loading -------------------------------------------------------------------------------------------------
    @property
    def reports(self) -> list[Report]:
        return self.library_model.reports

    def is_loading(self) -> bool:
        return self._job is not None

    def load_files(self, paths: list[Path]) -> None:
        """Load files on a worker thread (queued behind a load in progress); a .rcw opens as a workspace."""
        paths = self.workspace.take_workspaces(paths)
        paths, notes = expand_paths(paths)   # a dropped folder: the report files in it
        for folder, _note in notes:
            reason = self.tr("文件夹中的报告文件超过 %1 个，只读取前 %1 个").replace("%1", str(MAX_FOLDER_FILES))
            self._folder_notes.append(self._record_failure(str(folder), reason))  # shown with their batch
        if notes and not paths and self._job is None:
            self.statusBar().showMessage(self.tr("无法读取：") + "；".join(self._folder_notes))
            self._folder_notes = []
        self._queue.extend(paths)
        if self._job is None:
            self._start_next()

    def _start_next(self) -> None:
        if not self._queue:
            return
        paths, self._queue = self._queue, []
        self._batch_errors, self._folder_notes = self._folder_notes, []
        job = LoadJob(paths)
        job.signals.started.connect(self._on_load_started)
        job.signals.progress.connect(self._on_load_progress)
        job.signals.loaded.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        job.signals.finished.connect(self._on_load_finished)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def cancel_loading(self) -> None:
        self._queue.clear()
        if self._job is not None:
            self._job.cancel()
        if self.compare.is_busy():
            self.compare.cancel()

    def is_busy(self) -> bool:
        """Loading files or aligning them."""
        return self.is_loading() or self.compare.is_busy() or self._compare_timer.isActive()

    def _update_comparison(self) -> None:
        if self.is_loading():
            self._compare_timer.start()  # compare once the batch is in
            return
        self.compare.set_reports(self.library_model.checked_reports())

    def _on_compare_busy(self, busy: bool) -> None:
        if busy:
            if not self.is_loading():     # the load's own progress keeps the bar while files come in
                self.progress.setRange(0, 100)
                self.progress.setValue(0)
            self.progress.show()
            self.cancel_button.show()
        elif not self.is_loading():
            self.progress.hide()
            self.cancel_button.hide()

    def _on_compare_progress(self, percent: int) -> None:
        if not self.is_loading():
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)

    def _on_load_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()

    def _on_load_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        if name:
            self.statusBar().showMessage(self.tr("正在读取 %1（%2/%3）").replace("%1", name)
                                         .replace("%2", str(done + 1)).replace("%3", str(total)))

    def _on_loaded(self, report: Report) -> None:
        if self.library_model.add(report):
            self._remember(report.path)
        if self.library.currentIndex().row() < 0:
            self.library.selectRow(0)

    def _record_failure(self, path: str, reason: str) -> str:
        """Keep an unread path with its reason (the error list, the status-bar button); its status line."""
        line = f"{Path(path).name}: {reason}"
        self.errors.append(line)
        self.load_problems.add(path, reason)
        return line

    def _on_failed(self, path: str, reason: str) -> None:
        self._batch_errors.append(self._record_failure(path, reason))

    def _on_load_finished(self, cancelled: bool) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.library.resizeColumnsToContents()
        msg = self.tr("已加载 %1 份报告").replace("%1", str(len(self.reports)))
        if cancelled:
            msg += self.tr("（已取消）")
        if self.library_model.left_unticked:
            msg += self.tr("，对照其中已勾选的 %1 份（在报告库中勾选其他报告即可加入对照）").replace(
                "%1", str(len(self.library_model.checked_reports())))
        if self._batch_errors:  # this batch's failures; all of them are listed behind the status-bar button
            shown = self._batch_errors[:3]
            msg += " — " + self.tr("无法读取：") + "；".join(shown) + ("…" if len(self._batch_errors) > 3 else "")
        self.statusBar().showMessage(msg)
        self._start_next()
        self.loading_finished.emit()

    # -- single-report view ---------------------------------------------------------------------------------------
    def _on_report_selected(self, current, _previous=None) -> None:
        if not current.isValid():
            return
        report = self.reports[current.row()]
        m = report.meta
        self.meta_label.setText(f"<b>{m.title}</b><br>{m.date}　{m.session}　{m.office} {m.speaker}　{m.doc_number}")
        self.text.setPlainText(report.text)
        self.outline.clear()
        for s in report.sections:
            self.outline.addTopLevelItem(self._section_item(s))
        self.outline.expandToDepth(0)
        self.outline.resizeColumnToContents(0)

    def _section_item(self, s: Section) -> QTreeWidgetItem:
        item = QTreeWidgetItem([section_label(s), role_label(s.role)])
        item.setData(0, Qt.ItemDataRole.UserRole, s.start)
        for c in s.children:
            item.addChild(self._section_item(c))
        return item

    def _on_section_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        offset = int(item.data(0, Qt.ItemDataRole.UserRole))
        text = self.text.toPlainText()
        pos = qt_position(text, offset)
        cursor = self.text.textCursor()
        cursor.setPosition(pos)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.cancel_loading()
        self.workspace.on_close()
        self.exporter.cancel()  # a half-written export is removed by the job itself
        self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def qt_position(text: str, offset: int) -> int:
    """Python (code point) offset -> Qt (UTF-16 unit) position: characters beyond the BMP count twice in Qt."""
    prefix = text[:offset]
    return offset + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
