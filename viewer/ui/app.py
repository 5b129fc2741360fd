"""Start the desktop app on the given files, or on the bundled sample reports."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def run_app(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from viewer.core.paths import sample_files
    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Report Compare")
    app.setOrganizationName("ReportCompare")
    app.setDesktopFileName("report-compare")  # matches packaging/report-compare.desktop (Wayland app id)
    from viewer.ui.gc_guard import GuiThreadGc

    GuiThreadGc(parent=app)  # cyclic garbage collected on the GUI thread only (workers hold Qt wrappers too)
    from viewer.ui.i18n import install_translator

    install_translator(app)
    from viewer.core.paths import resources_dir

    from PySide6.QtGui import QIcon

    icon = resources_dir() / "icon.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    files = [Path(a) for a in argv] or sample_files()
    window = MainWindow()
    window.compare.warm_up_in_background()
    window.resize(1600, 1000)
    window.show()
    # a session that did not close cleanly: offer its autosave (a headless run never asks)
    headless = os.environ.get("QT_QPA_PLATFORM") == "offscreen" and not os.environ.get("RC_KEEP_RUNNING")
    restored = window.workspace.offer_restore(accept=False if headless else None)
    if argv or not restored:
        window.load_files(files)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and not os.environ.get("RC_KEEP_RUNNING"):
        # no screen: show that it works by saving the window once everything is loaded, then quit
        out = Path.cwd() / "report-compare-window.png"

        def grab_when_loaded() -> None:
            if window.is_busy():
                QTimer.singleShot(100, grab_when_loaded)
                return
            window.grab().save(str(out))
            print(f"{len(window.reports)} reports loaded; window saved to {out}")
            for err in window.errors:
                print(f"could not read {err}")
            app.quit()

        QTimer.singleShot(200, grab_when_loaded)
    return app.exec()
