"""The indicator tabs (指标, 走势, 目标对照, 关键词) driven in the real window on the samples, offscreen.

One window loads the five samples for the whole module (loading and aligning them is the slow part). Each panel
is grabbed to PNG at 1600×1000 into tmp_path (set RC_SHOTS=<folder> to keep a copy to look at).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from viewer.core.paths import sample_files
from viewer.ui.compare_model import STYLES
from viewer.ui.main_window import MainWindow

# pyqtgraph's ImageExporter builds its parameter tree the deprecated way (pyqtgraph 0.13.7)
pytestmark = pytest.mark.filterwarnings("ignore:Parameter has no default value:DeprecationWarning")


def wait_until(condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.005)


def idle(w: MainWindow) -> bool:
    return not w.is_busy() and not w.indicator_tabs.is_busy()


def shot(w: MainWindow, tab, path: Path) -> Path:
    w.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    assert w.grab().save(str(path)) and path.stat().st_size > 20_000
    keep = os.environ.get("RC_SHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


@pytest.fixture(scope="module")
def w(qapp, tmp_path_factory):
    settings = QSettings(str(tmp_path_factory.mktemp("indicators") / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.load_files(sample_files())
    wait_until(lambda: not window.is_loading())
    wait_until(lambda: idle(window))
    yield window
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def test_tabs_are_added_and_built_on_first_show(qtbot, tmp_path):
    fresh = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(fresh)
    names = [fresh.tabs.tabText(i) for i in range(fresh.tabs.count())]
    assert names[:6] == ["对照", "单篇阅读", "指标", "走势", "目标对照", "关键词"]  # then the phrase tabs
    tabs = fresh.indicator_tabs
    assert not any(t.is_built() for t in (tabs.table_tab, tabs.plots_tab, tabs.scorecard_tab, tabs.keywords_tab))
    assert not tabs.is_busy() and tabs.data.frame is None


def test_indicator_table_filter_sort_click(w, qtbot, tmp_path):
    tabs = w.indicator_tabs
    assert {r.name for r in tabs.data.reports} == {p.name for p in sample_files()}
    panel = tabs.table_panel()
    shot(w, tabs.table_tab, tmp_path / "panel-indicators.png")
    assert panel.model.rowCount() == int(tabs.data.frame["primary"].sum())
    panel.set_filter(district="渝北区", indicator="地区生产总值", kind="actual")
    m = panel.model
    col = {c: i for i, c in enumerate(m.columns)}
    got = {(m.index(r, col["period"]).data(), m.index(r, col["measure"]).data(), m.index(r, col["value"]).data())
           for r in range(m.rowCount())}
    assert {("2020", "总量", "2009.5"), ("2021", "总量", "2235.6"), ("2023", "总量", "2442.6"),
            ("2021", "增速", "8.5")} <= got
    # sorting by a header sorts the rows themselves; -1 restores text order
    panel.table.sortByColumn(col["value"], Qt.SortOrder.DescendingOrder)
    assert m.index(0, col["value"]).data() == "2442.6"
    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert m.index(0, col["report"]).data() == "yubei-2021.txt"
    panel.set_filter(text="8.5%")
    assert m.rowCount() == 1 and m.index(0, col["report"]).data() == "yubei-2022.txt"
    # a click scrolls the comparison to the sentence and highlights it
    rect = panel.table.visualRect(m.index(0, col["indicator"]))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.tabs.currentWidget() is w.compare
    report = next(r for r in w.reports if r.name == "yubei-2022.txt")
    col_in_compare, start, end = w.compare.model.focus
    assert w.compare.model.reports[col_in_compare] is report
    assert "全区生产总值增长8.5%" in report.text[start:end] and report.text[end - 1] in "。；！"
    row = w.compare.current_row()
    assert STYLES["focus"][0] in w.compare.model.cell_html(row, col_in_compare)
    panel.set_filter(text="")
    # export what is shown
    panel.export(tmp_path / "t.csv")
    import pandas as pd

    back = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    assert len(back) == m.rowCount() and set(back["indicator"]) == {"地区生产总值"}
    assert "2009.5" in (tmp_path / "t.csv").read_text(encoding="utf-8-sig")


def test_indicator_table_xlsx(w, tmp_path):
    pytest.importorskip("openpyxl")
    panel = w.indicator_tabs.table_panel()
    panel.export(tmp_path / "t.xlsx")
    import pandas as pd

    assert len(pd.read_excel(tmp_path / "t.xlsx")) == panel.model.rowCount() > 0


def test_plots_gdp_over_time(w, qtbot, tmp_path):
    tabs = w.indicator_tabs
    w.tabs.setCurrentWidget(tabs.plots_tab)
    panel = tabs.plots_panel()
    assert panel.indicator_combo.currentText() == "地区生产总值"
    assert panel.set_indicator("地区生产总值")
    assert [y for y, _v in panel.points("level")["渝北区"]] == [2020, 2021, 2023]
    assert [y for y, _v in panel.points("growth")["渝北区"]] == [2020, 2021, 2023]
    assert panel.points("growth", "target")["渝北区"] == [(2021, 6.0), (2022, 6.5), (2024, 7.0)]
    assert set(panel.points("level")) == {"渝北区", "大渡口区", "九龙坡区"}   # one line per district
    # targets are hollow triangles, actuals filled circles
    growth = panel.scatters["growth"]
    symbols = {s.opts["symbol"] for s in growth}
    assert {"o", "t1"} <= symbols
    triangle = next(s for s in growth if s.opts["symbol"] == "t1")
    assert triangle.opts["brush"].style() == Qt.BrushStyle.NoBrush
    # hover: a real mouse move over Yubei's 2021 growth point shows value, unit and source report
    vb = panel.plots["growth"].getViewBox()
    shot(w, tabs.plots_tab, tmp_path / "panel-plots.png")
    qtbot.wait(60)  # let the views settle; pyqtgraph also drops mouse moves that come too fast
    w.grab()  # painting brings the view's transform up to date
    view_pos = panel.graphics.mapFromScene(vb.mapViewToScene(QPointF(2021, 8.5)))
    qtbot.mouseMove(panel.graphics.viewport(), view_pos)
    qtbot.waitUntil(lambda: "8.5%" in vb.toolTip(), timeout=2000)
    assert vb.toolTip() == "渝北区 2021 · 实际\n8.5%\n出处：yubei-2022.txt"
    # export
    png, svg = panel.export(tmp_path / "p.png"), panel.export(tmp_path / "p.svg")
    assert png.stat().st_size > 10_000 and QImage(str(png)).width() == 1600
    assert svg.stat().st_size > 5_000 and "<svg" in svg.read_text(encoding="utf-8")


def test_scorecard_yubei_2021_against_2022(w, qtbot, tmp_path):
    tabs = w.indicator_tabs
    w.tabs.setCurrentWidget(tabs.scorecard_tab)
    panel = tabs.scorecard_panel()
    shot(w, tabs.scorecard_tab, tmp_path / "panel-scorecard.png")
    panel.set_filter(district="渝北区", year=2021)
    m = panel.model
    col = {c: i for i, c in enumerate(m.columns)}
    rows = {(m.index(r, col["indicator"]).data(), m.index(r, col["measure"]).data()): r for r in range(m.rowCount())}
    gdp = rows[("地区生产总值", "增速")]
    cells = [m.index(gdp, col[c]).data() for c in ("target_text", "actual_text", "status", "gap_text",
                                                    "target_report", "actual_report")]
    assert cells == ["6%以上", "8.5%", "✓ 达成", "+2.5 个百分点", "yubei-2021.txt", "yubei-2022.txt"]
    assert m.index(rows[("固定资产投资", "增速")], col["target_text"]).data() == "持平"
    missed = rows[("矛盾纠纷化解率", "总量")]
    assert m.index(missed, col["status"]).data() == "✗ 未达成"
    assert m.index(missed, col["gap_text"]).data() == "-5 个百分点"
    green = m.index(gdp, col["status"]).data(Qt.ItemDataRole.BackgroundRole).color().name()
    red = m.index(missed, col["status"]).data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert (green, red) == ("#e3f6dc", "#fde0e0") and panel.summary.text().startswith("达成")
    statuses = [m.index(r, col["status"]).data() for r in range(m.rowCount())]
    assert statuses.count("✓ 达成") >= 10 and "— 无数据" in statuses   # 城乡居民收入 9%: not stated in 2022
    # a click on the actual column shows the result's sentence in yubei-2022
    rect = panel.table.visualRect(m.index(gdp, col["actual_text"]))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.tabs.currentWidget() is w.compare
    c, start, end = w.compare.model.focus
    assert w.compare.model.reports[c].name == "yubei-2022.txt"
    assert "全区生产总值增长8.5%" in w.compare.model.reports[c].text[start:end]
    # export
    panel.export(tmp_path / "s.csv")
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("district,indicator,measure,year,target_value")
    assert "地区生产总值,growth,2021,6,以上,%,8.5,%" in text


def test_keywords_terms_and_new_terms(w, tmp_path):
    tabs = w.indicator_tabs
    w.tabs.setCurrentWidget(tabs.keywords_tab)
    panel = tabs.keywords_panel()
    panel.set_terms(["高质量发展", "疫情"])
    f = panel.frequency
    yb = f[(f["district"] == "渝北区") & (f["term"] == "高质量发展")].sort_values("year")
    assert list(yb["year"]) == [2021, 2022, 2024] and list(yb["count"]) == [7, 9, 17]
    assert panel.scatters and panel.model.rowCount() == 10
    panel.find_new_terms()
    wait_until(lambda: not panel.is_busy())
    assert len(panel.new_terms) == panel.top_spin.value()
    assert panel.terms() == [t.term for t in panel.new_terms]
    assert "新词" in panel.status.text()
    shot(w, tabs.keywords_tab, tmp_path / "panel-keywords.png")
    png, svg = panel.export_plot(tmp_path / "k.png"), panel.export_plot(tmp_path / "k.svg")
    assert png.stat().st_size > 10_000 and svg.stat().st_size > 5_000
    panel.export_table(tmp_path / "k.csv")
    assert (tmp_path / "k.csv").read_text(encoding="utf-8-sig").startswith("report,district,year,term,count")


def test_source_falls_back_to_single_report_view(w):
    """A report that is not a compared column is shown in 单篇阅读 with the sentence selected."""
    tabs = w.indicator_tabs
    row = next(i for i, r in enumerate(w.reports) if r.name == "dadukou-2022.txt")
    w.library_model.set_checked(row, False)
    try:
        wait_until(lambda: idle(w))
        assert "dadukou-2022.txt" not in {r.name for r in tabs.data.reports}
        report = w.reports[row]
        start = report.text.index("310.4亿元")
        assert tabs.show_source("dadukou-2022.txt", start, start + 7) == "single"
        assert w.tabs.currentWidget().isAncestorOf(w.text)
        assert w.text.toPlainText() == report.text
        selected = w.text.textCursor().selectedText()
        assert "310.4亿元" in selected and selected.endswith(("。", "；"))
    finally:
        w.library_model.set_checked(row, True)
        wait_until(lambda: idle(w))
