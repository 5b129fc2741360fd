"""Cyclic garbage is collected on the GUI thread, by a timer, never by a worker thread that happens to allocate."""
from __future__ import annotations

import gc
import threading

from viewer.ui.gc_guard import GuiThreadGc


class Node:
    def __init__(self) -> None:
        self.me = self


def test_collects_on_the_gui_thread_only(qtbot):
    collected_on: list[str] = []

    def callback(phase, _info) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    guard = GuiThreadGc(interval_ms=50)
    gc.callbacks.append(callback)
    try:
        assert not gc.isenabled()
        gen0 = guard.threshold[0]

        def churn() -> None:  # a worker making plenty of cyclic garbage: it must not trigger a collection
            for _ in range(5 * gen0):
                Node()

        worker = threading.Thread(target=churn, name="worker")
        worker.start()
        worker.join()
        assert "worker" not in collected_on
        qtbot.waitUntil(lambda: guard.collections > 0, timeout=5_000)
        assert collected_on and set(collected_on) == {threading.current_thread().name}
    finally:
        gc.callbacks.remove(callback)
        guard.stop()
    assert gc.isenabled()
