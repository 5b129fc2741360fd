"""Background loading: files are read and structured on a worker thread; the UI gets one signal per file.

The worker checks a cancel flag between files, so Cancel stops after the file in hand. A bad file produces a
``failed`` signal with the plain-language reason and the others still load. Parsed reports come from the disk
cache (``viewer.core.cache``) when the same bytes were loaded before.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRunnable, Signal

from viewer.core.errors import ReportError


class LoadSignals(QObject):
    started = Signal(int)                 # number of files
    progress = Signal(int, int, str)      # done, total, current file name
    loaded = Signal(object)               # Report
    failed = Signal(str, str)             # path, one-line reason
    finished = Signal(bool)               # True when cancelled


_DEFAULT_CACHE = object()
PROGRESS_INTERVAL = 0.1  # seconds


class LoadJob(QRunnable):
    def __init__(self, paths: list[Path], cache=_DEFAULT_CACHE) -> None:
        """``cache``: a ``ReportCache``, None for no cache, or (by default) the one the environment says."""
        super().__init__()
        self.paths = list(paths)
        self.cache = cache  # resolved on the worker: importing the parsers stays off the UI thread
        self.signals = LoadSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # runs on a pool thread
        from viewer.core.cache import ReportCache, load_cached

        if self.cache is _DEFAULT_CACHE:
            self.cache = ReportCache.from_environment()
        total = len(self.paths)
        _emit(self.signals.started, total)
        last_progress = -PROGRESS_INTERVAL
        for i, path in enumerate(self.paths):
            if self._cancel.is_set():
                break
            now = time.monotonic()
            if now - last_progress >= PROGRESS_INTERVAL:  # each update repaints the bar at once: 10 a second
                last_progress = now
                _emit(self.signals.progress, i, total, Path(path).name)
            try:
                report = load_cached(path, self.cache)
            except ReportError as exc:
                _emit(self.signals.failed, str(path), failure_text(exc, exc.reason))
                continue
            except MemoryError as exc:
                _emit(self.signals.failed, str(path), failure_text(exc, "out of memory while reading the file"))
                continue
            except Exception as exc:  # noqa: BLE001 - a bug in a reader must not take the app down
                _emit(self.signals.failed, str(path),
                      failure_text(exc, f"unexpected {type(exc).__name__}: {exc}"))
                continue
            _emit(self.signals.loaded, report)
        _emit(self.signals.progress, total, total, "")
        _emit(self.signals.finished, self._cancel.is_set())


# The core's reasons are precise but English; the user first reads what kind of problem it is, in the UI language.
FAILURE_KINDS = {
    "EmptyDocument": QT_TRANSLATE_NOOP("LoadJob", "文件中没有可用的文字"),
    "UnsupportedFormat": QT_TRANSLATE_NOOP("LoadJob", "不支持的文件类型"),
    "DecodeError": QT_TRANSLATE_NOOP("LoadJob", "无法识别文字编码"),
    "NoTextLayer": QT_TRANSLATE_NOOP("LoadJob", "PDF 没有文字层（扫描件需先做文字识别）"),
    "CorruptFile": QT_TRANSLATE_NOOP("LoadJob", "文件已损坏或不完整"),
    "FileTooLarge": QT_TRANSLATE_NOOP("LoadJob", "文件过大"),
    "ReportError": QT_TRANSLATE_NOOP("LoadJob", "无法打开文件"),
    "MemoryError": QT_TRANSLATE_NOOP("LoadJob", "内存不足"),
}


def failure_text(exc: BaseException, reason: str) -> str:
    """"<kind, translated>（<the core's reason>）"; a kind not listed (a bug) is "读取出错"."""
    kind = next((FAILURE_KINDS[c.__name__] for c in type(exc).__mro__ if c.__name__ in FAILURE_KINDS),
                QT_TRANSLATE_NOOP("LoadJob", "读取出错"))
    return (QCoreApplication.translate("LoadJob", "%1（%2）")
            .replace("%1", QCoreApplication.translate("LoadJob", kind)).replace("%2", reason))


def _emit(signal, *args) -> None:
    """Emit from a worker; the window may have been closed meanwhile (then nobody listens)."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass
