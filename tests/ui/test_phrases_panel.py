"""The 提法 and 变化热图 tabs in the real window on the Yubei samples (2021, 2022, 2024), offscreen: the tabs
fill, the filters filter, a click on an edit or on a heat-map cell moves the 对照 tab to that aligned row.

Each panel is grabbed to PNG at 1600×1000 into tmp_path (set RC_SHOTS=<folder> to keep a copy to look at).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QApplication

from viewer.core.paths import sample_files
from viewer.core.phrases import DROPPED, KIND_COLOURS, NEW, NUMBER
from viewer.ui.main_window import MainWindow

YUBEI = [p for p in sample_files() if p.name.startswith("yubei-")]


def wait_until(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.005)


def settle(n: int = 10) -> None:
    for _ in range(n):
        QApplication.processEvents()
        time.sleep(0.005)


def shot(w: MainWindow, tab, path: Path) -> Path:
    w.tabs.setCurrentWidget(tab)
    settle()
    assert w.grab().save(str(path)) and path.stat().st_size > 20_000
    keep = os.environ.get("RC_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


@pytest.fixture(scope="module")
def w(qapp, tmp_path_factory):
    settings = QSettings(str(tmp_path_factory.mktemp("phrases") / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.load_files(YUBEI)
    wait_until(lambda: not window.is_loading())
    wait_until(lambda: not window.is_busy())
    yield window
    window.close()
    window.deleteLater()


@pytest.fixture(scope="module")
def panel(w):
    tabs = w.phrase_tabs
    assert tabs.data.life is None  # nothing is computed before a phrase tab is shown
    w.tabs.setCurrentWidget(tabs.phrases_tab)
    wait_until(lambda: tabs.data.life is not None and not tabs.is_busy())
    return tabs.phrases_panel()


def row_of(w, row_id: str) -> int:
    return next(i for i, (rid, _row) in enumerate(w.compare.model.rows) if rid == row_id)


def test_phrases_tab_fills(w, panel, tmp_path):
    data = w.phrase_tabs.data
    assert data.comparison is w.compare.model.comparison       # the comparison on screen, same row ids
    assert panel.district_combo.currentData() == "渝北区"
    model = panel.model
    assert model.rowCount() > 100
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-4:-1] == ["2021", "2022", "2024"] and headers[-1] == "最近一次出现"
    context = model.index(0, model.context_column).data()
    assert model.phrase(0).text in context
    assert panel.edits_model.rowCount() == len(data.edits) > 0
    shot(w, w.phrase_tabs.phrases_tab, tmp_path / "phrases.png")


def test_state_boilerplate_and_text_filters(w, panel):
    model = panel.model
    years = {2021: -3, 2022: -2, 2024: -1}
    col = {y: model.context_column + k for y, k in years.items()}

    def counts(row: int) -> dict[int, str]:
        return {y: model.index(row, c).data() for y, c in col.items()}

    panel.state_combo.setCurrentIndex(panel.state_combo.findData(NEW))
    texts = [model.phrase(r).text for r in range(model.rowCount())]
    assert "新质生产力" in texts and "现代化新重庆" in texts
    for r in range(model.rowCount()):
        c = counts(r)
        assert c[2021] == c[2022] == "·" and c[2024] != "·"
    panel.state_combo.setCurrentIndex(panel.state_combo.findData(DROPPED))
    texts = [model.phrase(r).text for r in range(model.rowCount())]
    assert "十三五" in texts and "新质生产力" not in texts
    assert all(counts(r)[2024] == "·" for r in range(model.rowCount()))
    panel.state_combo.setCurrentIndex(0)
    hidden = model.rowCount()
    assert not any(model.phrase(r).boilerplate for r in range(hidden))
    panel.boilerplate_box.setChecked(False)
    assert model.rowCount() > hidden and any(model.phrase(r).boilerplate for r in range(model.rowCount()))
    panel.text_edit.setText("疫情")
    assert model.rowCount() and all("疫情" in model.phrase(r).text for r in range(model.rowCount()))
    panel.text_edit.clear()
    panel.boilerplate_box.setChecked(True)
    assert model.rowCount() == hidden


def test_edits_have_a_colour_per_kind_and_filter_by_kind(panel):
    em = panel.edits_model
    kinds = {em.edit(r).kind for r in range(em.rowCount())}
    assert NUMBER in kinds
    for r in range(em.rowCount()):
        colour = em.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
        assert colour == KIND_COLOURS[em.edit(r).kind]
    panel.kind_boxes[NUMBER].setChecked(False)
    assert em.rowCount() and all(em.edit(r).kind != NUMBER for r in range(em.rowCount()))
    panel.kind_boxes[NUMBER].setChecked(True)


def test_clicking_an_edit_moves_the_comparison_to_its_row(w, panel, qtbot):
    table, proxy, em = panel.edits_table, panel.edits_proxy, panel.edits_model
    # the qualifier change of the GDP target, 2021 → 2022
    src = next(r for r in range(em.rowCount()) if em.edit(r).indicator == "地区生产总值" and em.edit(r).a == 0)
    edit = em.edit(src)
    index = proxy.mapFromSource(em.index(src, 4))
    table.scrollTo(index)
    w.compare.scroll_to_row(0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert w.tabs.currentWidget() is w.compare
    assert w.compare.current_row() == row_of(w, edit.row_id)
    assert w.compare.model.focus == (edit.b, *edit.b_span)  # the new wording is highlighted
    assert "主要预期目标" in w.compare.model.cell_text(row_of(w, edit.row_id), edit.b)


def test_heatmap_fills_hovers_and_opens_a_section(w, panel, qtbot, tmp_path):
    tabs = w.phrase_tabs
    w.tabs.setCurrentWidget(tabs.heatmap_tab)
    heat = tabs.heatmap_panel()
    matrix = tabs.data.matrix
    assert heat.rows and len(heat.rows) == len(matrix.rows)
    assert heat.image.image.shape == (len(matrix.rows), len(matrix.columns))
    shot(w, tabs.heatmap_tab, tmp_path / "phrases_heatmap.png")
    # a subsection changed between 2022 and 2024, one cell on screen
    i = next(k for k, r in enumerate(heat.rows) if r.level == 2 and heat.cells[k][1] is not None)
    vb = heat.plot.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(1.5, i + 0.5))
    pos = heat.view.mapFromScene(scene_pos)
    qtbot.mouseMove(heat.view.viewport(), pos)
    settle()
    heat._on_moved(scene_pos)  # (offscreen Qt may not deliver hover moves to the scene)
    cell = heat.cells[i][1]
    assert heat.hover_label.text().endswith(heat.hover_text(i, 1).split(": ", 1)[1])
    assert f"{cell.share:.0%}" in heat.hover_label.text()
    w.compare.scroll_to_row(0)
    qtbot.mouseClick(heat.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    settle()
    assert w.tabs.currentWidget() is w.compare
    assert w.compare.current_row() == row_of(w, heat.rows[i].row_id)
    # level-1 only
    heat.sub_box.setChecked(False)
    assert all(r.level == 1 for r in heat.rows) and heat.image.image.shape[0] == len(heat.rows)
    heat.sub_box.setChecked(True)


def test_recomputation_runs_on_a_worker(w, panel):
    tabs = w.phrase_tabs
    w.tabs.setCurrentWidget(tabs.phrases_tab)
    model = w.library_model
    first = next(i for i, r in enumerate(model.reports) if r.meta.year == 2021)
    model.set_checked(first, False)
    wait_until(lambda: not w.is_busy())
    wait_until(lambda: tabs._timer.isActive() or tabs.is_busy() or len(tabs.data.reports) == 2)
    wait_until(lambda: not tabs.is_busy())
    assert [r.meta.year for r in tabs.data.reports] == [2022, 2024]
    assert panel.model.context_column - len(panel.model.FIXED) == 2
    # a refresh returns at once: the work is on the pool
    started = time.monotonic()
    tabs.refresh()
    assert time.monotonic() - started < 0.2 and tabs.is_busy()
    wait_until(lambda: not tabs.is_busy())
    model.set_checked(first, True)
    wait_until(lambda: not w.is_busy())
    wait_until(lambda: not tabs.is_busy() and len(tabs.data.reports) == 3)


def test_heatmap_leaves_cross_district_pairs_out_until_asked(qtbot):
    from tests.core.test_diff import shared_tokenizer
    from viewer.core.comparison import compare_reports
    from viewer.core.loader import load_report
    from viewer.core.phrases import change_matrix
    from viewer.ui.heatmap_panel import HeatmapPanel
    from viewer.ui.phrase_tabs import PhraseData

    tk = shared_tokenizer()
    files = {p.name: p for p in sample_files()}
    reports = [load_report(files[n]) for n in ("dadukou-2022.txt", "yubei-2021.txt", "yubei-2022.txt")]
    comparison = compare_reports(reports, tk)
    data = PhraseData()
    heat = HeatmapPanel(data)
    qtbot.addWidget(heat)
    data.set_result(reports, comparison, None, [], change_matrix(comparison, tk))
    assert [c.same_district for c in data.matrix.columns] == [False, True]
    assert [(c.a, c.b) for c in heat.columns] == [(1, 2)] and heat.cross_box.isEnabled()
    assert heat.image.image.shape == (len(heat.rows), 1)
    # the sections only 大渡口 has are not rows of a Yubei-only map
    assert all(any(c is not None for c in line) for line in heat.cells)
    heat.cross_box.setChecked(True)
    assert [(c.a, c.b) for c in heat.columns] == [(0, 1), (1, 2)]
    assert heat.image.image.shape == (len(heat.rows), 2)
    assert heat.column_labels == ["大渡口区2022 / 渝北区2021", "渝北区2021 → 渝北区2022"]
