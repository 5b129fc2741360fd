"""The comparison view driven like a user would: drop files, compare, navigate, toggle, find, hover, pair."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from tests.ui.test_main_window import drop
from viewer.core.paths import samples_dir
from viewer.ui.main_window import MainWindow

YUBEI = [samples_dir() / f"yubei-{y}.txt" for y in (2021, 2022, 2024)]


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    return w


def wait_idle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=60_000)


@pytest.fixture
def compared(qtbot, window):
    drop(window, [YUBEI[1], YUBEI[2]])
    wait_idle(qtbot, window)
    view = window.compare
    assert view.model.columnCount() == 2, view.error
    return window, view


def test_two_reports_side_by_side(compared, tmp_path):
    window, view = compared
    model = view.model
    assert [model.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) for i in range(2)] \
        == ["渝北区 2022", "渝北区 2024"]
    assert model.rowCount() > 50
    # every top section of both reports is in some row
    for col, report in enumerate(model.reports):
        keys = {model.cell(i, col).key for i in range(model.rowCount()) if model.cell(i, col) is not None}
        assert len(keys) >= len(report.sections)
    # the year plans sit on one row
    plan_rows = [i for i in range(model.rowCount())
                 if all(model.cell(i, c) is not None and model.cell(i, c).role == "plan_year" for c in range(2))]
    assert plan_rows
    # outline lists aligned top sections
    assert view.outline.topLevelItemCount() >= 5
    png = tmp_path / "compare.png"
    assert window.grab().save(str(png))


def test_next_previous_change(compared):
    _, view = compared
    first = view.goto_change(+1)
    assert first >= 0 and view.model.is_changed(first)
    second = view.goto_change(+1)
    assert second != first and view.model.is_changed(second) and view.current_row() == second
    assert view.goto_change(-1) == first


def test_toggle_highlight_kinds(compared):
    _, view = compared
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.is_changed(i) and model.cell(i, 1) is not None
               and "#c8f0c8" in model.cell_html(i, 1))
    view.kind_boxes["insert"].setChecked(False)
    assert "#c8f0c8" not in model.cell_html(row, 1)
    view.kind_boxes["insert"].setChecked(True)
    assert "#c8f0c8" in model.cell_html(row, 1)
    assert "#f4f1de" not in model.cell_html(row, 1)  # recurring text is off by default
    view.kind_boxes["equal"].setChecked(True)
    assert any("#f4f1de" in model.cell_html(i, 1) for i in range(model.rowCount()))


def test_find_across_columns(compared):
    _, view = compared
    view.find_edit.setText("高质量发展")
    hits = view._find_hits
    assert {c for _, c in hits} == {0, 1}
    row, col = view.find_next(+1)
    assert "高质量发展" in view.model.cell_text(row, col)
    assert "#ffe066" in view.model.cell_html(row, col)


def test_hover_shows_counterpart(compared):
    _, view = compared
    model = view.model
    view.kind_boxes["equal"].setChecked(True)
    # an equal run in the 2024 column points at the same words in 2022
    for i in range(model.rowCount()):
        cell = model.cell(i, 1)
        if cell is None:
            continue
        mark = next((m for m in model.marks_in(1, cell.own_start, cell.own_end)
                     if m.kind == "equal" and m.end - m.start >= 6), None)
        if mark:
            tip = view.tooltip_at(i, 1, mark.start)
            words = model.reports[1].text[mark.start:mark.end]
            assert "2022" in tip and words[:20] in tip
            return
    pytest.fail("no equal run found")


def test_manual_pairing_survives_realignment(qtbot, compared):
    window, view = compared
    model = view.model
    # pair 2022's 三、2022年重点工作 (year plan) with 2024's 三、切实加强政府自身建设 — a deliberately odd pairing
    row_a = next(i for i in range(model.rowCount()) if model.cell(i, 0) is not None
                 and model.cell(i, 0).role == "plan_year" and model.rows[i][1].level == 1)
    target = next(k for k, label in view.candidate_keys(1, 1) if "自身建设" in label)
    view.pair(row_a, 0, 1, target)
    wait_idle(qtbot, window)
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.cell(i, 0) is not None
               and model.cell(i, 0).role == "plan_year" and model.rows[i][1].level == 1)
    assert model.cell(row, 1) is not None and model.cell(row, 1).key == target
    assert model.rows[row][1].reason == "override"
    # re-aligning (e.g. after a check-box change) keeps it
    window.library_model.set_checked(0, True)
    view.set_reports(window.library_model.checked_reports())
    wait_idle(qtbot, window)
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.cell(i, 1) is not None and model.cell(i, 1).key == target)
    assert model.cell(row, 0) is not None and model.cell(row, 0).role == "plan_year"


def test_three_columns_and_unchecking(qtbot, window):
    drop(window, YUBEI)
    wait_idle(qtbot, window)
    assert window.compare.model.columnCount() == 3
    window.library_model.set_checked(0, False)
    wait_idle(qtbot, window)
    assert window.compare.model.columnCount() == 2
    window.library_model.set_checked(1, False)
    wait_idle(qtbot, window)
    assert window.compare.model.columnCount() == 0


def test_highlight_choice_kept_in_settings(qtbot, tmp_path):
    ini = str(tmp_path / "kinds.ini")
    w = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.compare.kind_boxes["delete"].setChecked(False)
    w.compare.kind_boxes["equal"].setChecked(True)
    w.settings.sync()
    w2 = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(w2)
    assert {k for k, b in w2.compare.kind_boxes.items() if b.isChecked()} == {"insert", "moved", "equal"}
    assert w2.compare.model.enabled == {"insert", "moved", "equal"}


def test_progress_shown_and_a_superseded_comparison_stops(qtbot, window):
    drop(window, YUBEI)
    wait_idle(qtbot, window)
    view = window.compare
    seen: list[int] = []
    bar: list[int] = []
    view.progress_changed.connect(seen.append)
    view.progress_changed.connect(lambda _p: bar.append(window.progress.value()))
    reports = list(window.library_model.checked_reports())
    view.set_reports(reports)          # three columns …
    view.set_reports(reports[1:])      # … superseded at once by two: the first must stop, not run to its end
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: view.stopped_jobs == 1, timeout=30_000)
    assert view.model.columnCount() == 2 and not view._jobs
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) > 10   # only the current job's progress
    assert bar[-1] == 100 and window.progress.maximum() == 100
    assert not window.progress.isVisible()
    # Cancel (the status-bar button) stops a running comparison too
    view.set_reports(reports)
    window.cancel_loading()
    qtbot.waitUntil(lambda: view.stopped_jobs == 2, timeout=30_000)
    assert not view.is_busy() and view.status.text() == "已取消"


def test_changed_only_hides_identical_rows_but_keeps_their_headings(qtbot, tmp_path):
    ini = str(tmp_path / "filter.ini")
    w = MainWindow(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    drop(w, [YUBEI[1], YUBEI[2]])
    wait_idle(qtbot, w)
    view, model = w.compare, w.compare.model
    n = model.rowCount()
    same = [i for i in range(n) if not model.is_changed(i)]
    assert same and len(same) < n                       # the samples have both kinds of rows
    view.changed_only.setChecked(True)
    visible = set(view.visible_rows())
    ids = {model.rows[i][0] for i in visible}
    for i in range(n):
        rid = model.rows[i][0]
        if model.is_changed(i):
            assert i in visible                         # every change is shown …
            parts = rid.split(".")
            assert all(".".join(parts[:k]) in ids for k in range(1, len(parts)))  # … under its headings
    hidden = [i for i in range(n) if i not in visible]
    assert hidden and all(not model.is_changed(i) for i in hidden)
    assert view.status.text().startswith("显示")
    # navigation and find only land on shown rows; a hidden row asked for by name shows everything again
    assert view.goto_change(+1) in visible
    text = model.cell_text(hidden[0], 0) or model.cell_text(hidden[0], 1)
    view.find_edit.setText(text)
    assert all(r in visible for r, _c in view._find_hits)
    view.find_edit.clear()
    w.settings.sync()
    w2 = MainWindow(QSettings(ini, QSettings.Format.IniFormat))   # the choice is kept
    qtbot.addWidget(w2)
    assert w2.compare.changed_only.isChecked()
    view.scroll_to_row(hidden[0])
    assert not view.changed_only.isChecked() and view.visible_rows() == list(range(n))
    qtbot.waitUntil(view.is_laid_out, timeout=30_000)
    assert view.table.rowHeight(hidden[0]) > 0
