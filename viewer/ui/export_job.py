"""PDF export on a worker thread: progress as it goes, a cancel flag, one ``done`` or ``failed`` at the end.

The export writes a temporary file beside the destination and renames it at the end, so a failure or a cancel
leaves no file behind (``viewer.export.pdf``).
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from viewer.core.comparison import Comparison


class ExportSignals(QObject):
    progress = Signal(int, int)           # done, total
    done = Signal(str)                    # path written
    failed = Signal(str)                  # one-line reason ("" never)
    cancelled = Signal()


class ExportJob(QRunnable):
    def __init__(self, comparison: Comparison, path: str | Path, kinds: set[str] | frozenset[str],
                 title: str | None = None, scorecard: bool = True, phrases: bool = True, tokenizer=None) -> None:
        super().__init__()
        self.comparison, self.path, self.kinds = comparison, Path(path), frozenset(kinds)
        self.title, self.scorecard, self.phrases, self.tokenizer = title, scorecard, phrases, tokenizer
        self.signals = ExportSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # runs on a pool thread
        from viewer.export.pdf import ExportCancelled, ExportError, FontMissing, export_comparison_pdf

        try:
            out = export_comparison_pdf(self.comparison, self.path, kinds=self.kinds, title=self.title,
                                        scorecard=self.scorecard, phrases=self.phrases, tokenizer=self.tokenizer,
                                        progress=self.signals.progress.emit,
                                        cancel=self._cancel.is_set)
        except ExportCancelled:
            self.signals.cancelled.emit()
            return
        except (ExportError, FontMissing) as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            self.signals.failed.emit(f"{self.path}: unexpected {type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(str(out))
