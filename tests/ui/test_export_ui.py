"""File ▸ 导出 PDF… in the real window: the options dialog, the background export, cancel, and failures."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader

from tests.ui.test_compare_view import YUBEI, compared, wait_idle, window  # noqa: F401 - fixtures
from viewer.ui.export_actions import ExportDialog


def test_export_action_through_the_dialog(qtbot, compared, tmp_path):
    window, view = compared
    exporter = window.exporter
    assert exporter.action.isEnabled()
    view.kind_boxes["moved"].setChecked(False)       # the dialog starts from the kinds shown on screen
    out = tmp_path / "from-dialog.pdf"
    seen = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen["kinds"] = dialog.kinds()
        seen["path"] = dialog.path_edit.text()
        dialog.path_edit.setText(str(out))
        dialog.title_edit.setText("渝北区两年对照")
        dialog.accept()

    QTimer.singleShot(100, fill)
    with qtbot.waitSignal(exporter.finished, timeout=120_000) as blocker:
        exporter.action.trigger()
    assert seen["kinds"] == {"insert", "delete"}
    assert seen["path"].endswith("渝北区2022_渝北区2024.pdf")
    assert blocker.args == [True, str(out)]
    reader = PdfReader(out)
    assert reader.metadata.title == "渝北区两年对照" and len(reader.pages) > 5
    assert str(out) in window.statusBar().currentMessage()
    assert exporter.action.isEnabled() and not exporter.is_running()


def test_export_cancel_and_failure(qtbot, compared, tmp_path):
    window, _view = compared
    exporter = window.exporter
    out = tmp_path / "cancelled.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=120_000) as blocker:
        assert exporter.start(out, {"insert", "delete"})
        assert not exporter.action.isEnabled()           # one export at a time
        assert not exporter.start(tmp_path / "second.pdf", set())
        exporter.cancel()
    assert blocker.args == [False, ""]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []
    # a destination that cannot be written: a message naming it, the window keeps its comparison
    bad = tmp_path / "missing-folder" / "x.pdf"
    rows = window.compare.model.rowCount()
    with qtbot.waitSignal(exporter.finished, timeout=120_000) as blocker:
        exporter.start(bad, {"insert"})
    ok, reason = blocker.args
    assert not ok and str(bad) in reason and exporter.last_error == reason
    assert str(bad) in window.statusBar().currentMessage()
    assert window.compare.model.rowCount() == rows
    assert exporter.action.isEnabled()


def test_no_comparison_no_export(qtbot, window):  # noqa: F811
    assert not window.exporter.action.isEnabled()
    window.exporter.ask()
    assert window.statusBar().currentMessage()
