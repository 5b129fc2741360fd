"""The app window on the real samples, offscreen: background loading, drops, bad files, outline, settings."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from viewer.core.paths import sample_files
from viewer.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    return w


def drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def wait_loaded(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=30_000)


def test_drop_samples_and_a_bad_file(qtbot, window, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    drop(window, [*sample_files(), bad])
    wait_loaded(qtbot, window)
    assert window.library_model.rowCount() == 5
    model = window.library_model
    assert {model.index(i, 0).data() for i in range(5)} == {"渝北区", "大渡口区", "九龙坡区"}
    assert window.errors == ["empty.txt: 文件中没有可用的文字（file is empty）"]
    assert "empty.txt" in window.statusBar().currentMessage()
    # the same files dropped again are not added twice
    drop(window, sample_files()[:2])
    wait_loaded(qtbot, window)
    assert model.rowCount() == 5
    # recent files remembered in settings
    assert len(window.recent_files()) == 5


def test_outline_and_text_of_selected_report(qtbot, window, tmp_path):
    window.load_files(sample_files())
    wait_loaded(qtbot, window)
    idx = next(i for i, r in enumerate(window.reports) if r.path.endswith("yubei-2022.txt"))
    window.library.selectRow(idx)
    labels = [window.outline.topLevelItem(i).text(0) for i in range(window.outline.topLevelItemCount())]
    assert "三、2022年重点工作" in labels and "二、今后五年发展的目标任务" in labels
    assert window.text.toPlainText() == window.reports[idx].text
    plan = window.outline.topLevelItem(labels.index("三、2022年重点工作"))
    window._on_section_clicked(plan.child(0), 0)
    assert window.text.textCursor().selectedText().startswith("（一）以创新驱动为引领")
    png = tmp_path / "window.png"
    assert window.grab().save(str(png)) and png.stat().st_size > 10_000


def test_checkbox_choice_orders_reports(qtbot, window):
    window.load_files(sample_files())
    wait_loaded(qtbot, window)
    model = window.library_model
    chosen = model.checked_reports()
    assert [(r.meta.district, r.meta.year) for r in chosen] == sorted((r.meta.district, r.meta.year) for r in chosen)
    model.set_checked(0, False)
    assert len(model.checked_reports()) == 4


def test_cancel_stops_loading(qtbot, window):
    window.load_files(sample_files() * 20)  # 100 loads (duplicates are skipped when they arrive)
    window.cancel_loading()
    wait_loaded(qtbot, window)
    assert window.library_model.rowCount() <= 5
    assert "取消" in window.statusBar().currentMessage()


def test_a_big_drop_ticks_only_the_first_few_for_comparison(qtbot, window, tmp_path):
    from viewer.ui.library import MAX_AUTO_CHECK

    # ten distinct reports: the samples, and the samples again under other years (different content)
    files = list(sample_files())
    for p in sample_files():
        copy = tmp_path / f"{p.stem}-copy.txt"
        copy.write_text(p.read_text(encoding="utf-8").replace("20", "19", 3), encoding="utf-8")
        files.append(copy)
    window.load_files(files)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    model = window.library_model
    assert model.rowCount() == 10
    ticked = [r for r in range(10) if model.is_checked(r)]
    assert ticked == list(range(MAX_AUTO_CHECK))
    assert window.compare.model.columnCount() == MAX_AUTO_CHECK
    assert "对照其中已勾选的 6 份" in window.statusBar().currentMessage()
    model.set_checked(8, True)                     # the user adds one by hand
    qtbot.waitUntil(lambda: not window.is_busy() and window.compare.model.columnCount() == MAX_AUTO_CHECK + 1,
                    timeout=60_000)


def test_drop_a_folder_of_reports(qtbot, window, tmp_path, monkeypatch):
    import shutil

    import viewer.ui.main_window as mw

    folder = tmp_path / "报告"
    (folder / "渝北").mkdir(parents=True)
    for p in sample_files()[:2]:
        shutil.copy(p, folder / p.name)
    shutil.copy(sample_files()[2], folder / "渝北" / sample_files()[2].name)
    (folder / "README.md").write_text("说明", encoding="utf-8")
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    drop(window, [folder, empty])
    wait_loaded(qtbot, window)
    assert sorted(Path(r.path).name for r in window.reports) == sorted(p.name for p in sample_files()[:3])
    assert len(window.errors) == 1 and window.errors[0].startswith("空文件夹: ")
    assert "no report files" in window.errors[0] and "空文件夹" in window.statusBar().currentMessage()
    # a folder with more files than a drop takes: the first ones load, the status bar says so
    monkeypatch.setattr(mw, "MAX_FOLDER_FILES", 1)
    monkeypatch.setattr("viewer.core.loader.MAX_FOLDER_FILES", 1)
    many = tmp_path / "many"
    many.mkdir()
    for p in sample_files()[3:]:
        shutil.copy(p, many / p.name)
    drop(window, [many])
    wait_loaded(qtbot, window)
    assert len(window.reports) == 4
    assert window.errors[-1].startswith("many: ") and "1" in window.errors[-1]
    assert "many" in window.statusBar().currentMessage()
