"""Workspaces in the window: File ▸ 保存工作区 / 工作区另存为 / 打开工作区, workspaces in the recent files, a dialog
for report files that moved, and an autosave that a crashed session can be restored from.

``WorkspaceController(window)`` adds the actions and watches the window; the window calls ``take_workspaces``
from ``load_files`` (so a dropped, recent or command-line ``.rcw`` opens as a workspace) and ``on_close``.

Autosave: a few seconds after any change (debounced) and at close the state is written atomically to
``autosave.rcw`` in the app data folder (settings key ``workspace/data_dir``, else
``$REPORT_COMPARE_DATA_DIR``, else ``QStandardPaths.AppDataLocation``; a headless run given neither does not
autosave). A ``QLockFile`` there marks a session in progress: found stale at the next start (its process is
gone), it says the last session did not close cleanly, and ``offer_restore`` offers the autosave. A second instance running at the same time does not autosave (the first one owns it).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLockFile, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from viewer.core.workspace import (
    SUFFIX, ReportEntry, ViewState, Workspace, WorkspaceError, build_workspace, file_digest, load_workspace,
    resolve_reports, save_workspace, verify,
)

WORKSPACE_FILTER = QT_TRANSLATE_NOOP("WorkspaceController", "报告对照工作区 (*.rcw)")
REPORT_FILTER = QT_TRANSLATE_NOOP("MissingFilesDialog", "报告 (*.txt *.md *.docx *.pdf *.html *.htm);;所有文件 (*)")
ENV_DATA_DIR = "REPORT_COMPARE_DATA_DIR"
AUTOSAVE_NAME = "autosave.rcw"
LOCK_NAME = "session.lock"
AUTOSAVE_MS = 3000


def data_dir(settings) -> Path | None:
    """Where the autosave and the session lock live (created when needed). None: no autosave — a headless
    run (offscreen, e.g. a smoke test of a build) must not overwrite the user's autosave unless it is given a
    folder of its own."""
    explicit = (settings.value("workspace/data_dir") if settings is not None else None) or os.environ.get(
        ENV_DATA_DIR)
    if explicit:
        return Path(explicit)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".report-compare")


class MissingFilesDialog(QDialog):
    """Lists the reports of a workspace that were not found; each can be located (a file dialog) or skipped.
    OK opens the workspace with what was found, Cancel does not open it."""

    def __init__(self, entries: list[ReportEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("找不到报告文件"))
        self.entries = list(entries)
        self.located: dict[str, Path] = {}
        intro = QLabel(self.tr("工作区中的以下报告文件已不在原位置。可以逐个找到它们，或跳过（跳过的报告不会打开，"
                               "涉及它们的手动配对也不会应用）。"))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(entries), 3)
        self.table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("原位置"), self.tr("状态")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.locate_buttons: list[QPushButton] = []
        self.skip_buttons: list[QPushButton] = []
        for row, e in enumerate(entries):
            name = QTableWidgetItem(e.name)
            name.setToolTip(f"SHA-256 {e.sha256}\n{e.size:,} bytes")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(str(Path(e.path).parent)))
            status = QWidget()
            lay = QHBoxLayout(status)
            lay.setContentsMargins(2, 0, 2, 0)
            label = QLabel(self.tr("未找到"))
            locate = QPushButton(self.tr("定位…"))
            skip = QPushButton(self.tr("跳过"))
            locate.clicked.connect(lambda _=False, r=row: self.locate(r))
            skip.clicked.connect(lambda _=False, r=row: self.skip(r))
            lay.addWidget(label, 1)
            lay.addWidget(locate)
            lay.addWidget(skip)
            self.table.setCellWidget(row, 2, status)
            self.locate_buttons.append(locate)
            self.skip_buttons.append(skip)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 320)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(self.tr("打开工作区"))
        buttons.button(cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(860, 200 + 34 * min(len(entries), 10))

    def status_text(self, row: int) -> str:
        return self.table.cellWidget(row, 2).findChild(QLabel).text()

    def _set_status(self, row: int, text: str) -> None:
        self.table.cellWidget(row, 2).findChild(QLabel).setText(text)

    def locate(self, row: int) -> None:
        entry = self.entries[row]
        start = str(self.located.get(entry.id, Path(entry.path).parent))
        name, _ = QFileDialog.getOpenFileName(self, self.tr("找到 %1").replace("%1", entry.name), start,
                                              self.tr(REPORT_FILTER))
        if name:
            self.set_location(row, Path(name))

    def set_location(self, row: int, path: Path) -> None:
        entry = self.entries[row]
        self.located[entry.id] = path
        same = verify(entry, path)
        self._set_status(row, self.tr("已找到") if same else self.tr("已找到（内容与保存时不同）"))
        self.table.cellWidget(row, 2).setToolTip(str(path))

    def skip(self, row: int) -> None:
        self.located.pop(self.entries[row].id, None)
        self._set_status(row, self.tr("跳过"))


class WorkspaceController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None           # the workspace file last saved or opened
        self._pending: tuple[Workspace, dict[str, Path], list[Path]] | None = None
        self._row_to_restore: str | None = None
        self._waiting = False                    # for a load in progress to end before opening a workspace
        self._digests: dict[str, tuple[int, int, str, int]] = {}
        self._base_title = window.windowTitle()
        self.message_box: QMessageBox | None = None

        self.save_action = QAction(self.tr("保存工作区(&S)…"), window)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(self.tr("工作区另存为…"), window)
        self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_as_action.triggered.connect(self.save_as)
        self.open_action = QAction(self.tr("打开工作区(&W)…"), window)
        self.open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_action.triggered.connect(self.open_dialog)
        file_menu = window.recent_menu.parentWidget()  # File ▸ 最近打开 lives in the File menu
        before = window.recent_menu.menuAction()
        for action in (self.open_action, self.save_action, self.save_as_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)

        # autosave ------------------------------------------------------------------------------------------
        self.data_dir = data_dir(window.settings)
        self.autosave_path = self.data_dir / AUTOSAVE_NAME if self.data_dir else Path(os.devnull)
        self.crashed_before = False
        self._lock: QLockFile | None = None
        try:
            if self.data_dir is None:
                raise FileNotFoundError("no autosave folder")
            self.data_dir.mkdir(parents=True, exist_ok=True)
            lock_path = self.data_dir / LOCK_NAME
            existed = lock_path.exists()
            lock = QLockFile(str(lock_path))
            lock.setStaleLockTime(0)  # stale only when its process is gone, however old
            if lock.tryLock(0):
                self._lock = lock
                self.crashed_before = existed
        except OSError:
            pass
        self.autosave_timer = QTimer(self, singleShot=True)
        self.autosave_timer.setInterval(int(window.settings.value("workspace/autosave_ms", AUTOSAVE_MS)))
        self.autosave_timer.timeout.connect(self.autosave_now)
        lib = window.library_model
        for signal in (lib.rowsInserted, lib.modelReset, lib.checked_changed, window.compare.comparison_ready,
                       window.tabs.currentChanged, window.compare.table.selectionModel().currentRowChanged):
            signal.connect(self.changed)
        for box in window.compare.kind_boxes.values():
            box.toggled.connect(self.changed)
        window.compare.comparison_ready.connect(self._restore_row)

    @property
    def autosaves(self) -> bool:
        """This window owns the session's autosave (False in a second instance)."""
        return self._lock is not None

    # -- state -----------------------------------------------------------------------------------------------
    def _digest(self, path: str) -> tuple[str, int]:
        """The file's hash, remembered while its size and time stay the same (autosave hashes often)."""
        st = os.stat(path)
        known = self._digests.get(path)
        if known is not None and known[:2] == (st.st_size, st.st_mtime_ns):
            return known[2], known[3]
        sha, size = file_digest(path)
        self._digests[path] = (st.st_size, st.st_mtime_ns, sha, size)
        return sha, size

    def state(self) -> Workspace:
        w = self.window
        lib = w.library_model
        files = [(r.path, lib.is_checked(i)) for i, r in enumerate(lib.reports)]
        columns = [r.path for r in lib.checked_reports()]
        row = w.compare.current_row()
        rows = w.compare.model.rows
        view = ViewState(
            kinds=tuple(k for k, b in w.compare.kind_boxes.items() if b.isChecked()),
            tab=w.tabs.currentIndex(), tab_title=w.tabs.tabText(w.tabs.currentIndex()),
            row_id=rows[row][0] if 0 <= row < len(rows) else None,
        )
        return build_workspace(files, columns, w.compare.overrides, view, digest=self._digest)

    # -- save ------------------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path or Path(self.window.settings.value("workspace/folder", str(Path.home())))
                    / (self.path.name if self.path else self.tr("工作区") + SUFFIX))
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("保存工作区"), start, self.tr(WORKSPACE_FILTER))
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        try:
            save_workspace(self.state(), path)
        except OSError as exc:
            msg = self.tr("无法保存工作区 %1：%2").replace("%1", str(path)).replace("%2", exc.strerror or str(exc))
            self._tell(self.tr("保存工作区"), msg)
            return False
        self._became(path)
        self.window.statusBar().showMessage(self.tr("已保存工作区 %1").replace("%1", path.name))
        return True

    def _became(self, path: Path) -> None:
        self.path = path
        self.window.settings.setValue("workspace/folder", str(path.parent))
        self.window._remember(str(path))
        self.window.setWindowTitle(f"{path.stem} — {self._base_title}")

    def _tell(self, title: str, text: str) -> None:
        """A problem in the status bar and a message box that does not block (the window stays usable)."""
        self.window.statusBar().showMessage(text.replace("\n", " "))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_box = box

    # -- open ------------------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = self.window.settings.value("workspace/folder", str(Path.home()))
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("打开工作区"), start, self.tr(WORKSPACE_FILTER))
        if name:
            self.open_workspace(Path(name))

    def take_workspaces(self, paths: list[Path]) -> list[Path]:
        """Open the (last) ``.rcw`` among ``paths`` as a workspace; the other files load after its reports."""
        workspaces = [p for p in paths if Path(p).suffix.lower() == SUFFIX]
        if not workspaces:
            return list(paths)
        others = [Path(p) for p in paths if Path(p).suffix.lower() != SUFFIX]
        self.open_workspace(Path(workspaces[-1]), extra=others)
        return []

    def open_workspace(self, path: Path, extra: list[Path] | None = None, *, remember: bool = True) -> bool:
        """Replace what is open by the workspace at ``path``. Reports that moved are looked for beside it and
        then asked for; a broken workspace file is reported and nothing changes. False when not opened."""
        try:
            ws = load_workspace(path)
        except WorkspaceError as exc:
            self._tell(self.tr("打开工作区"), self.tr("无法打开工作区：") + f"\n{exc.path}\n{exc.reason}")
            return False
        res = resolve_reports(ws, path)
        paths = res.paths()
        if res.missing:
            dialog = MissingFilesDialog(list(res.missing), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.window.statusBar().showMessage(self.tr("已取消打开工作区"))
                return False
            paths.update(dialog.located)
        if remember:
            self._became(path)
        self._pending = (ws, paths, list(extra or []))
        self.window.cancel_loading()
        if self.window.is_loading():  # the file in hand finishes first; then start from an empty library
            if not self._waiting:
                self._waiting = True
                self.window.loading_finished.connect(self._start_pending)
        else:
            self._start_pending()
        changed = [loc.entry.name for loc in res.changed if loc.entry.id in paths]
        if changed:
            self.window.statusBar().showMessage(
                self.tr("以下报告自保存工作区后已修改：") + "、".join(changed))
        return True

    def _start_pending(self) -> None:
        if self.window.is_loading() or self._pending is None:
            return
        if self._waiting:
            self._waiting = False
            self.window.loading_finished.disconnect(self._start_pending)
        ws, paths, extra = self._pending
        w = self.window
        w.library_model.clear()
        w.compare.overrides = ws.overrides_for(paths)
        if ws.view.kinds is not None:
            for kind, box in w.compare.kind_boxes.items():
                box.setChecked(kind in ws.view.kinds)
        ordered = [paths[e.id] for e in ws.reports if e.id in paths]
        w.loading_finished.connect(self._finish_pending)
        w.load_files(ordered + extra)
        if not ordered and not extra:
            self._finish_pending()

    def _finish_pending(self) -> None:
        if self.window.is_loading() or self._pending is None:
            return
        self.window.loading_finished.disconnect(self._finish_pending)
        ws, paths, _extra = self._pending
        self._pending = None
        w = self.window
        checked = {str(paths[e.id]): e.checked for e in ws.reports if e.id in paths}
        for row, report in enumerate(w.library_model.reports):
            if report.path in checked and w.library_model.is_checked(row) != checked[report.path]:
                w.library_model.set_checked(row, checked[report.path])
        tabs = w.tabs
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        if ws.view.tab_title in titles:
            tabs.setCurrentIndex(titles.index(ws.view.tab_title))
        elif ws.view.tab is not None and 0 <= ws.view.tab < tabs.count():
            tabs.setCurrentIndex(ws.view.tab)
        self._row_to_restore = ws.view.row_id
        self.changed()

    def is_restoring(self) -> bool:
        return self._pending is not None

    def _restore_row(self) -> None:
        row_id, self._row_to_restore = self._row_to_restore, None
        if row_id is None:
            return
        rows = self.window.compare.model.rows
        index = next((i for i, (rid, _row) in enumerate(rows) if rid == row_id), None)
        if index is not None:
            self.window.compare.scroll_to_row(index)

    # -- autosave and restore --------------------------------------------------------------------------------
    def changed(self, *_args) -> None:
        if self.autosaves:
            self.autosave_timer.start()

    def autosave_now(self) -> bool:
        if not self.autosaves:
            return False
        if self._pending is not None:  # a workspace is being opened: save once it is in
            self.autosave_timer.start()
            return False
        try:
            save_workspace(self.state(), self.autosave_path)
        except OSError:
            return False
        return True

    def offer_restore(self, accept: bool | None = None) -> bool:
        """After a session that did not close cleanly, offer its autosave (``accept``: answer without asking).
        Declined, the autosave is kept as ``autosave-previous.rcw``. True when restored."""
        if not (self.crashed_before and self.autosaves and self.autosave_path.is_file()):
            return False
        self.crashed_before = False
        try:
            ws = load_workspace(self.autosave_path)
        except WorkspaceError:
            return False
        if not ws.reports:
            return False
        if accept is None:
            answer = QMessageBox.question(
                self.window, self.tr("恢复上次的工作"),
                self.tr("上次运行没有正常关闭。要恢复当时打开的 %1 份报告、勾选和手动配对吗？")
                .replace("%1", str(len(ws.reports))))
            accept = answer == QMessageBox.StandardButton.Yes
        if not accept:
            try:
                shutil.copy2(self.autosave_path, self.autosave_path.with_name("autosave-previous.rcw"))
            except OSError:
                pass
            return False
        return self.open_workspace(self.autosave_path, remember=False)

    def on_close(self) -> None:
        """At close: the last autosave, then the session is over (the lock goes)."""
        self.autosave_timer.stop()
        if self._pending is None:
            self.autosave_now()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
