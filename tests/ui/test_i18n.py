"""Chinese by default; every tr() string of the UI has an English translation that the app really loads."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from viewer.core.paths import resources_dir
from viewer.ui.i18n import install_translator
from viewer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_every_ui_string_has_english(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "check.ts"
    sources = [str(p) for p in (ROOT / "viewer" / "ui").rglob("*.py")]
    subprocess.run([str(lupdate if lupdate.exists() else "pyside6-lupdate"), *sources, "-ts", str(ts)],
                   check=True, capture_output=True)
    extracted = {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}
    english = json.loads((resources_dir() / "i18n" / "en.json").read_text(encoding="utf-8"))
    assert extracted, "lupdate found no strings"
    assert sorted(extracted - set(english)) == []
    shipped = {m.findtext("source") for m in ET.parse(resources_dir() / "i18n" / "report_compare_en.ts")
               .getroot().iter("message")}
    assert extracted <= shipped, "run packaging/i18n.py to refresh the shipped .ts/.qm"


def test_english_translator_applies(qtbot, tmp_path, monkeypatch):
    app = QApplication.instance()
    monkeypatch.setenv("RC_LANG", "en")
    before = set(app.findChildren(__import__("PySide6.QtCore").QtCore.QTranslator))
    assert install_translator(app) == "en"
    try:
        w = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        assert w.windowTitle() == "Report Compare"
        assert [a.text() for a in w.menuBar().actions()][:2] == ["&File", "&View"]
        assert QCoreApplication.translate("labels", "新增") == "Inserted"
    finally:
        for t in set(app.findChildren(__import__("PySide6.QtCore").QtCore.QTranslator)) - before:
            app.removeTranslator(t)


def test_chinese_by_default(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("RC_LANG", raising=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert install_translator(QApplication.instance(), settings) == "zh"
    w = MainWindow(settings)
    qtbot.addWidget(w)
    assert w.windowTitle() == "报告对照 Report Compare"
