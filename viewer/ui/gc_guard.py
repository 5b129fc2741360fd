"""Python's cyclic garbage collector runs on whichever thread happens to allocate when a threshold is crossed. If
that is a worker thread (the loader, the aligner, the PDF export) and the garbage holds Qt wrappers made on the
GUI thread, Qt objects are destroyed on the wrong thread and the app can crash. So the app turns automatic
collection off and collects from a timer on the GUI thread instead, with the same generation thresholds.
Reference counting still frees everything without cycles at once, on any thread.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGc(QObject):
    """Owns the timer; ``stop()`` (or deleting it) turns automatic collection back on."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first (as the runtime does)."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.threshold[g]:
                generation = g
            else:
                break
        if generation >= 0:
            gc.collect(generation)
            self.collections += 1

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        gc.enable()
