"""Start the desktop app. Phase 1 shell: a report library, the section outline and the clean text of a report.

The full comparison view (aligned columns, highlights) builds on this window.
"""
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
    files = [Path(a) for a in argv] or sample_files()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.load_files(files)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and not os.environ.get("RC_KEEP_RUNNING"):
        # no screen: show that it works by saving the window, then quit
        out = Path.cwd() / "report-compare-window.png"

        def grab_and_quit() -> None:
            window.grab().save(str(out))
            print(f"window saved to {out}")
            app.quit()

        QTimer.singleShot(300, grab_and_quit)
    return app.exec()
