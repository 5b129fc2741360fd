"""UI language: Chinese source strings; English from resources/i18n/report_compare_en.qm."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from viewer.core.paths import resources_dir


def install_translator(app: QCoreApplication, settings: QSettings | None = None) -> str:
    """Install the translator for the chosen language (env RC_LANG, else the setting ui/language, else zh).
    Returns the language code in use."""
    code = os.environ.get("RC_LANG") or str((settings or QSettings()).value("ui/language", "zh"))
    if code == "zh":
        return "zh"
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"report_compare_{code}.qm")):
        app.installTranslator(translator)
        return code
    return "zh"
