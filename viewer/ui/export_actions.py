"""File ▸ 导出 PDF…: the options dialog (file, title, highlight kinds, scorecard) and the background export with a
progress dialog that can cancel. The comparison exported is the one on screen, overrides included.

``ExportController.start(path, kinds, ...)`` is what the dialog calls; tests call it directly and wait for
``finished``. A failure is reported with the file and the reason (status bar and a non-blocking message box);
the export writes a temporary file and renames it, so a failure or a cancel leaves the destination as it was.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QMessageBox,
    QProgressDialog, QPushButton, QWidget,
)

from viewer.core.highlights import KINDS
from viewer.ui.compare_model import STYLES
from viewer.ui.export_job import ExportJob
from viewer.ui.labels import kind_label


class ExportDialog(QDialog):
    """Where to write the PDF and what to put in it."""

    def __init__(self, parent: QWidget, path: str, title: str, kinds: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出 PDF"))
        self.path_edit = QLineEdit(path)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.title_edit = QLineEdit(title)
        self.kind_boxes: dict[str, QCheckBox] = {}
        kinds_row = QHBoxLayout()
        for kind in KINDS:
            box = QCheckBox(kind_label(kind))
            box.setChecked(kind in kinds)
            box.setStyleSheet(f"QCheckBox {{ background:{STYLES[kind][0]}; padding:2px 6px; border-radius:3px; }}")
            self.kind_boxes[kind] = box
            kinds_row.addWidget(box)
        kinds_row.addStretch(1)
        self.scorecard_box = QCheckBox(self.tr("标题页附目标与实际对照（如有）"))
        self.scorecard_box.setChecked(True)
        self.phrases_box = QCheckBox(self.tr("附录：提法变化（变化强度表、力度/限定词/数值变化、新出现和不再出现的提法）"))
        self.phrases_box.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("文件："), row)
        form.addRow(self.tr("标题："), self.title_edit)
        form.addRow(self.tr("标出："), kinds_row)
        form.addRow("", self.scorecard_box)
        form.addRow("", self.phrases_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出 PDF"), self.path_edit.text(), "PDF (*.pdf)")
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def kinds(self) -> set[str]:
        return {k for k, box in self.kind_boxes.items() if box.isChecked()}


class ExportController(QObject):
    """Runs one export at a time for the main window."""

    finished = Signal(bool, str)   # ok, path written or the one-line reason ("" when cancelled)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None
        self.last_error = ""
        self.action = QAction(self.tr("导出 PDF(&E)…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.ask)
        window.compare.comparison_ready.connect(self.update_enabled)
        window.compare.busy_changed.connect(lambda _busy: self.update_enabled())
        self.update_enabled()

    @property
    def comparison(self):
        return self.window.compare.model.comparison

    def update_enabled(self) -> None:
        self.action.setEnabled(self.comparison is not None and self.job is None)

    def is_running(self) -> bool:
        return self.job is not None

    def default_path(self) -> str:
        folder = self.window.settings.value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        reports = self.comparison.alignment.reports if self.comparison else []
        stem = "_".join(f"{r.meta.district}{r.meta.year or ''}" or Path(r.name).stem for r in reports) or "对照"
        return str(Path(folder) / f"{stem}.pdf")

    def ask(self) -> None:
        if self.comparison is None:
            self.window.statusBar().showMessage(self.tr("请先勾选至少两份报告进行对照"))
            return
        dialog = ExportDialog(self.window, self.default_path(), self.tr("政府工作报告对照"),
                              set(self.window.compare.model.enabled))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = dialog.path_edit.text().strip()
        if not path:
            return
        self.start(path, dialog.kinds(), title=dialog.title_edit.text().strip() or None,
                   scorecard=dialog.scorecard_box.isChecked(), phrases=dialog.phrases_box.isChecked())

    def start(self, path: str | Path, kinds: set[str], *, title: str | None = None, scorecard: bool = True,
              phrases: bool = True) -> bool:
        """Export the comparison on screen to ``path`` on a worker; False when there is nothing to export or an
        export is already running."""
        if self.comparison is None or self.job is not None:
            return False
        self.last_error = ""
        job = ExportJob(self.comparison, path, kinds, title=title, scorecard=scorecard, phrases=phrases,
                        tokenizer=self.window.compare.tokenizer())
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self.job = job
        self.dialog = QProgressDialog(self.tr("正在导出 %1…").replace("%1", Path(path).name), self.tr("取消"),
                                      0, 0, self.window)
        self.dialog.setWindowTitle(self.tr("导出 PDF"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancel)
        self.update_enabled()
        self.window.statusBar().showMessage(self.tr("正在导出 %1…").replace("%1", str(path)))
        QThreadPool.globalInstance().start(job)
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _end(self) -> None:
        self.job = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        self.update_enabled()

    def _on_done(self, path: str) -> None:
        self._end()
        self.window.settings.setValue("export/folder", str(Path(path).parent))
        self.window.statusBar().showMessage(self.tr("已导出 %1").replace("%1", path))
        self.finished.emit(True, path)

    def _on_failed(self, reason: str) -> None:
        self._end()
        self.last_error = reason
        self.window.statusBar().showMessage(self.tr("导出失败：") + reason)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导出 PDF"), self.tr("导出失败：") + reason,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): never blocks the event loop
        self.finished.emit(False, reason)

    def _on_cancelled(self) -> None:
        self._end()
        self.window.statusBar().showMessage(self.tr("导出已取消"))
        self.finished.emit(False, "")
