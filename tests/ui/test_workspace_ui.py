"""Workspaces in the real window: save what is open (ticks, a manual pairing, view choices), open it in a new
window; a moved report is asked for; autosave after a change; restore after a crash (a real process that
dies); the loader's disk cache."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from viewer.core.cache import ReportCache
from viewer.core.loader import load_report
from viewer.ui.main_window import MainWindow
from viewer.ui.workers import LoadJob
from viewer.ui.workspace_actions import MissingFilesDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, sample_paths) -> Path:
    """Copies of the five real reports in <tmp>/project/reports."""
    folder = tmp_path / "project" / "reports"
    folder.mkdir(parents=True)
    for p in sample_paths:
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(name: str = "s", data: Path | None = None) -> MainWindow:
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        settings.setValue("workspace/data_dir", str(data or tmp_path / "appdata"))
        settings.setValue("workspace/autosave_ms", 150)
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.resize(1400, 900)
        w.show()
        return w
    return make


def wait_idle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.is_busy() and not w.workspace.is_restoring(), timeout=60_000)


def set_up_session(qtbot, w: MainWindow, files: list[Path]) -> tuple[str, str, str]:
    """Load the files, tick only 渝北 2022 and 2024, pair 2022's year plan with 2024's 自身建设 section, show
    recurring text, select a row. Returns (2022 path, 2024 path, the paired key)."""
    w.load_files(files)
    wait_idle(qtbot, w)
    lib = w.library_model
    keep = {"yubei-2022.txt", "yubei-2024.txt"}
    for row, r in enumerate(lib.reports):
        lib.set_checked(row, r.name in keep)
    wait_idle(qtbot, w)
    view = w.compare
    model = view.model
    assert [r.name for r in model.reports] == ["yubei-2022.txt", "yubei-2024.txt"], view.error
    row_a = next(i for i in range(model.rowCount()) if model.cell(i, 0) is not None
                 and model.cell(i, 0).role == "plan_year" and model.rows[i][1].level == 1)
    target = next(k for k, label in view.candidate_keys(1, 1) if "自身建设" in label)
    view.pair(row_a, 0, 1, target)
    wait_idle(qtbot, w)
    view.kind_boxes["equal"].setChecked(True)
    view.scroll_to_row(7)
    return model.reports[0].path, model.reports[1].path, target


def paired_row(view, key: str) -> int | None:
    model = view.model
    return next((i for i in range(model.rowCount()) if model.cell(i, 1) is not None
                 and model.cell(i, 1).key == key and model.rows[i][1].reason == "override"), None)


def test_save_and_reopen_in_a_new_window(qtbot, make_window, project, tmp_path, monkeypatch):
    files = sorted(project.glob("*.txt"))
    w1 = make_window("one")
    p2022, p2024, target = set_up_session(qtbot, w1, files)
    row_id = w1.compare.model.rows[7][0]
    target_file = tmp_path / "project" / "我的对照"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target_file), ""))
    w1.workspace.save_action.trigger()          # File ▸ 保存工作区… (Ctrl+S) asks where, the first time
    saved = target_file.with_name("我的对照.rcw")
    assert saved.is_file() and w1.workspace.path == saved
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["format"] == "report-compare-workspace" and len(doc["reports"]) == 5
    assert "我的对照" in w1.windowTitle() and w1.recent_files()[0] == str(saved)
    w1.close()

    w2 = make_window("two")
    w2.load_files([saved])                                   # as File ▸ recent, a drop or the command line do
    wait_idle(qtbot, w2)
    assert sorted(r.path for r in w2.reports) == sorted(str(f) for f in files)
    assert [r.path for r in w2.library_model.checked_reports()] == [p2022, p2024]
    view = w2.compare
    assert [str(o.report_a) for o in view.overrides] == [p2022]
    row = paired_row(view, target)
    assert row is not None and view.model.cell(row, 0).role == "plan_year"     # the pairing is applied again
    assert view.kind_boxes["equal"].isChecked()
    assert view.current_row() == 7 and view.model.rows[7][0] == row_id
    assert w2.tabs.tabText(w2.tabs.currentIndex()) == w1.tabs.tabText(w1.tabs.currentIndex())
    w2.grab().save(str(tmp_path / "reopened.png"))


def test_a_moved_report_is_asked_for_and_located(qtbot, make_window, project, tmp_path, monkeypatch):
    files = sorted(project.glob("*.txt"))
    w1 = make_window("one")
    p2022, _p2024, target = set_up_session(qtbot, w1, files)
    saved = tmp_path / "project" / "w.rcw"
    assert w1.workspace.save_to(saved)
    w1.close()
    # yubei-2022 moves away under another name: not at its path, not relative, not beside the workspace
    moved = tmp_path / "archive" / "渝北2022.txt"
    moved.parent.mkdir()
    shutil.move(p2022, moved)

    seen: dict[str, object] = {}

    def answer_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MissingFilesDialog):
            QTimer.singleShot(50, answer_dialog)
            return
        seen["names"] = [e.name for e in dialog.entries]
        seen["before"] = dialog.status_text(0)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(moved), ""))
        dialog.locate_buttons[0].click()
        seen["after"] = dialog.status_text(0)
        dialog.grab().save(str(tmp_path / "missing-dialog.png"))
        dialog.accept()

    w2 = make_window("two")
    QTimer.singleShot(0, answer_dialog)
    assert w2.workspace.open_workspace(saved)
    wait_idle(qtbot, w2)
    assert seen == {"names": ["yubei-2022.txt"], "before": "未找到", "after": "已找到"}
    assert str(moved) in [r.path for r in w2.reports] and len(w2.reports) == 5
    assert [r.path for r in w2.library_model.checked_reports()][0] == str(moved)
    assert paired_row(w2.compare, target) is not None     # the override follows the file to its new place


def test_missing_reports_can_be_skipped_or_the_open_cancelled(qtbot, make_window, project, tmp_path):
    files = sorted(project.glob("*.txt"))
    w1 = make_window("one")
    p2022, _p2024, _target = set_up_session(qtbot, w1, files)
    saved = tmp_path / "project" / "w.rcw"
    assert w1.workspace.save_to(saved)
    w1.close()
    Path(p2022).unlink()

    def answer(action: str):
        def run():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, MissingFilesDialog):
                QTimer.singleShot(50, run)
                return
            if action == "skip":
                dialog.skip_buttons[0].click()
                assert dialog.status_text(0) == "跳过"
                dialog.accept()
            else:
                dialog.reject()
        QTimer.singleShot(0, run)

    w2 = make_window("two")
    w2.load_files([files[0]])                         # something open already
    wait_idle(qtbot, w2)
    answer("cancel")
    assert not w2.workspace.open_workspace(saved)     # cancelled: what was open stays
    assert [r.path for r in w2.reports] == [str(files[0])] and w2.workspace.path is None
    answer("skip")
    assert w2.workspace.open_workspace(saved)         # skipped: the other four open, never a whole failure
    wait_idle(qtbot, w2)
    assert len(w2.reports) == 4 and p2022 not in [r.path for r in w2.reports]
    assert w2.compare.overrides == []                 # the pairing named the skipped report


def test_a_broken_workspace_file_is_reported_and_changes_nothing(qtbot, make_window, project, tmp_path):
    w = make_window()
    w.load_files([sorted(project.glob("*.txt"))[0]])
    wait_idle(qtbot, w)
    bad = tmp_path / "bad.rcw"
    bad.write_text('{"format": "report-compare-workspace", "version": 99}', encoding="utf-8")
    assert not w.workspace.open_workspace(bad)
    assert "bad.rcw" in w.statusBar().currentMessage() and "newer" in w.statusBar().currentMessage()
    assert w.workspace.message_box is not None and w.workspace.message_box.isVisible()
    assert len(w.reports) == 1


def test_autosave_follows_changes(qtbot, make_window, project, tmp_path):
    data = tmp_path / "appdata"
    w = make_window(data=data)
    autosave = data / "autosave.rcw"
    assert w.workspace.autosaves and not autosave.exists()
    files = sorted(project.glob("*.txt"))[:2]
    w.load_files(files)
    qtbot.waitUntil(lambda: autosave.exists(), timeout=20_000)
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: len(json.loads(autosave.read_text("utf-8"))["reports"]) == 2, timeout=20_000)
    w.library_model.set_checked(1, False)
    qtbot.waitUntil(lambda: [r["checked"] for r in json.loads(autosave.read_text("utf-8"))["reports"]]
                    == [True, False], timeout=20_000)
    assert [p.name for p in data.iterdir() if p.name.endswith(".tmp")] == []
    # a second window at the same time does not own the autosave
    other = make_window("other", data=data)
    assert not other.workspace.autosaves and not other.workspace.crashed_before
    other.close()
    # a clean close: last autosave written, the session lock gone, nothing offered next time
    w.close()
    assert not (data / "session.lock").exists()
    again = make_window("again", data=data)
    assert not again.workspace.crashed_before and not again.workspace.offer_restore(accept=True)


def test_a_headless_run_without_its_own_folder_never_autosaves(qtbot, tmp_path, monkeypatch):
    """E.g. the packaged app's smoke test: it must not overwrite (or offer) the user's real autosave."""
    monkeypatch.delenv("REPORT_COMPARE_DATA_DIR", raising=False)
    w = MainWindow(QSettings(str(tmp_path / "plain.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.workspace.data_dir is None and not w.workspace.autosaves
    assert not w.workspace.autosave_now() and not w.workspace.offer_restore(accept=True)


CRASHING_SESSION = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {root!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from viewer.ui.main_window import MainWindow
    app = QApplication([])
    s = QSettings({ini!r}, QSettings.Format.IniFormat)
    s.setValue("workspace/data_dir", {data!r})
    s.setValue("workspace/autosave_ms", 100)
    w = MainWindow(s)
    w.load_files([{a!r}, {b!r}])
    def pump(cond, limit=60):
        end = time.time() + limit
        while not cond() and time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        assert cond()
    pump(lambda: not w.is_busy())
    v = w.compare
    m = v.model
    row = next(i for i in range(m.rowCount()) if m.cell(i, 0) is not None and m.cell(i, 0).role == "plan_year"
               and m.rows[i][1].level == 1)
    target = next(k for k, label in v.candidate_keys(1, 1) if "自身建设" in label)
    v.pair(row, 0, 1, target)
    pump(lambda: not w.is_busy())
    autosave = os.path.join({data!r}, "autosave.rcw")
    def paired_in_autosave():
        return os.path.exists(autosave) and '"overrides": [\\n  {{' in open(autosave, encoding="utf-8").read()
    pump(paired_in_autosave)
    print(target, flush=True)
    os._exit(3)   # a crash: no close, no clean-up
""")


def test_restore_after_a_crash(qtbot, make_window, project, tmp_path):
    data = tmp_path / "appdata"
    a, b = project / "yubei-2022.txt", project / "yubei-2024.txt"
    script = CRASHING_SESSION.format(root=str(ROOT), ini=str(tmp_path / "crash.ini"), data=str(data),
                                     a=str(a), b=str(b))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                          env=env)
    assert proc.returncode == 3, proc.stderr[-2000:]
    target = proc.stdout.strip().splitlines()[-1]
    assert (data / "session.lock").exists()                 # left behind by the dead process

    w = make_window("after", data=data)
    assert w.workspace.crashed_before and w.workspace.autosaves
    assert w.workspace.offer_restore(accept=True)
    wait_idle(qtbot, w)
    assert sorted(r.path for r in w.reports) == [str(a), str(b)]
    assert paired_row(w.compare, target) is not None
    assert w.workspace.path is None                         # the autosave is not "the user's workspace file"


def leave_stale_lock(data: Path) -> None:
    """A process takes the session lock the way the app does and dies without releasing it."""
    code = ("import os, sys; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); "
            "lock.setStaleLockTime(0); assert lock.tryLock(0); os._exit(3)")
    proc = subprocess.run([sys.executable, "-c", code, str(data / "session.lock")], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr


def test_declining_a_restore_keeps_the_autosave_aside(qtbot, make_window, tmp_path, project):
    data = tmp_path / "appdata"
    w = make_window("first", data=data)
    w.load_files(sorted(project.glob("*.txt"))[:2])
    wait_idle(qtbot, w)
    w.close()                                   # autosaved at close
    leave_stale_lock(data)                      # ... and then some later session crashed
    w2 = make_window("second", data=data)
    assert w2.workspace.crashed_before
    assert not w2.workspace.offer_restore(accept=False)
    assert w2.reports == []
    kept = json.loads((data / "autosave-previous.rcw").read_text(encoding="utf-8"))
    assert len(kept["reports"]) == 2
    assert not w2.workspace.offer_restore(accept=True)      # offered once per start


def test_loader_uses_the_disk_cache(qtbot, project, tmp_path):
    files = sorted(project.glob("*.txt"))
    cache = ReportCache(tmp_path / "cache")
    got: list = []
    for _ in range(2):
        job = LoadJob(files, cache)
        job.signals.loaded.connect(got.append)
        job.run()
    assert cache.stats.misses == 5 and cache.stats.hits == 5
    assert got[5:] == got[:5] == [load_report(f) for f in files]
