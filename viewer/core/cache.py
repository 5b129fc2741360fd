"""A disk cache of parsed reports, keyed by the file's content: a second start does not read, clean and
structure the same files again.

An entry is named by the SHA-256 of the file's bytes and its extension (the only inputs of ``load_report``
besides the path, which is put back on a hit). Its header records the cache schema and the *code version*
(a hash of the source of the modules that turn a file into a ``Report``, plus the versions of the reader
libraries), so an entry written by other code is a miss and is replaced. Entries are written atomically;
a corrupt or unreadable entry is a miss and is removed. The folder is bounded: after a write, the least
recently used entries (by modification time, refreshed on every hit) go until it is under the limit.

Entries are pickles in the user's own cache folder, written only by this module; they are never read from
anywhere else. Only ``load_report``'s typed errors leave :meth:`ReportCache.load` — a broken cache never is
the reason a file fails to load.
"""
from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import importlib.metadata
import io
import json
import logging
import operator
import os
import pickle
import stat
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from viewer.core import model
from viewer.core.atomic import atomic_path
from viewer.core.loader import load_report
from viewer.core.model import Report
from viewer.core.workspace import file_digest

log = logging.getLogger(__name__)

SCHEMA = 1
MAGIC = b"RCPARSED"
ENV_DIR = "REPORT_COMPARE_CACHE_DIR"       # overrides the folder (tests, portable installs)
ENV_OFF = "REPORT_COMPARE_NO_CACHE"         # "1": no disk cache
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
SUFFIX = ".report"
#: modules whose code decides what a file parses into (relative to the viewer/ package)
_CODE = ("core/loader.py", "core/model.py", "core/errors.py", "core/ingest", "core/structure")
_LIBRARIES = ("charset-normalizer", "python-docx", "pdfminer.six", "lxml")

_code_version: str | None = None
_code_lock = threading.Lock()


def default_cache_dir() -> Path:
    """``$REPORT_COMPARE_CACHE_DIR``, else ``<app cache folder>/parsed``."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    from viewer.core.tokenize import app_cache_dir

    return app_cache_dir() / "parsed"


def code_version() -> str:
    """A short hash of the parsing code and the reader libraries' versions (computed once per process)."""
    global _code_version
    with _code_lock:
        if _code_version is None:
            h = hashlib.sha256(f"schema {SCHEMA}\n".encode())
            root = Path(__file__).resolve().parents[1]
            files: list[Path] = []
            for rel in _CODE:
                p = root / rel
                files += sorted(p.rglob("*.py")) if p.is_dir() else [p] if p.exists() else []
            if files:
                for f in files:
                    h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
            else:  # frozen build without sources: the executable stands for the code
                try:
                    st = os.stat(sys.executable)
                    h.update(f"{sys.executable}:{st.st_size}:{st.st_mtime_ns}".encode())
                except OSError:
                    h.update(b"frozen")
            for lib in _LIBRARIES:
                try:
                    h.update(f"{lib}={importlib.metadata.version(lib)}\n".encode())
                except importlib.metadata.PackageNotFoundError:
                    h.update(f"{lib}=?\n".encode())
            _code_version = h.hexdigest()[:16]
        return _code_version


def _model_reducers() -> dict[type, object]:
    """Pickle the model's slotted dataclasses as ``cls(*fields)``. The default path for a slotted dataclass
    (``dataclasses._dataclass_getstate``, which looks the fields up for every object) took 60 % of the time
    to write an entry, and reading one took a third longer."""
    table: dict[type, object] = {}
    for obj in vars(model).values():
        if not (isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__):
            continue
        fields = dataclasses.fields(obj)
        if not fields or not all(f.init and f.kw_only is not True for f in fields):
            continue
        getter = operator.attrgetter(*(f.name for f in fields))
        if len(fields) == 1:
            table[obj] = lambda o, cls=obj, g=getter: (cls, (g(o),))
        else:
            table[obj] = lambda o, cls=obj, g=getter: (cls, g(o))
    return table


_REDUCERS = _model_reducers()


def _dumps(report: Report) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_REDUCERS}
    pickler.dump(report)
    return buf.getvalue()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0
    dropped: int = 0        # corrupt or outdated entries removed
    pruned: int = 0         # entries removed to stay under the size limit


class ReportCache:
    """``load(path)`` is ``load_report(path)`` served from the cache when the file's bytes were seen before.

    Thread-safe for the UI's loader threads (entries are immutable files; writes are atomic renames)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.max_bytes = max_bytes
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._approx_size: int | None = None   # folder size as of the last prune plus what we wrote since

    @classmethod
    def from_environment(cls) -> ReportCache | None:
        """The default cache, or None when ``REPORT_COMPARE_NO_CACHE=1``."""
        if os.environ.get(ENV_OFF, "") not in ("", "0"):
            return None
        return cls()

    # -- keys and entries -----------------------------------------------------------------------------------
    @staticmethod
    def key(content_sha256: str, suffix: str) -> str:
        ext = "".join(ch for ch in suffix.lower().lstrip(".") if ch.isalnum())[:10]
        return f"{content_sha256}-{ext or 'none'}"

    def entry_path(self, key: str) -> Path:
        return self.directory / key[:2] / (key + SUFFIX)

    def _header(self, key: str) -> bytes:
        return MAGIC + json.dumps({"schema": SCHEMA, "code": code_version(), "key": key},
                                  separators=(",", ":")).encode() + b"\n"

    def get(self, key: str) -> Report | None:
        path = self.entry_path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self._count("misses")
            return None
        header = self._header(key)
        report = None
        if blob.startswith(header):
            try:
                report = pickle.loads(memoryview(blob)[len(header):])
            except Exception as exc:  # noqa: BLE001 - any damage is a miss
                log.info("cache entry %s unreadable: %s", path, exc)
                report = None
        if not isinstance(report, Report):
            self._count("misses")
            self._count("dropped")
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used
        self._count("hits")
        return report

    def put(self, key: str, report: Report) -> bool:
        """Store ``report`` (False when the folder cannot be written: the cache is then just not used)."""
        path = self.entry_path(key)
        try:
            blob = self._header(key) + _dumps(report)
            path.parent.mkdir(parents=True, exist_ok=True)
            # atomic (a temporary file renamed), but not fsync'ed: after a power cut an entry may be lost or
            # damaged, and then it is a miss like any other
            with atomic_path(path) as tmp:
                tmp.write_bytes(blob)
        except (OSError, pickle.PicklingError, RecursionError) as exc:
            log.info("cannot write cache entry %s: %s", path, exc)
            return False
        self._count("stored")
        with self._lock:
            if self._approx_size is not None:
                self._approx_size += len(blob)
            over = self._approx_size is None or self._approx_size > self.max_bytes
        if over:
            self.prune()
        return True

    def _count(self, name: str) -> None:
        with self._lock:
            setattr(self.stats, name, getattr(self.stats, name) + 1)

    # -- size bound -----------------------------------------------------------------------------------------
    def entries(self) -> list[tuple[float, int, Path]]:
        """``(mtime, size, path)`` of every entry, oldest first."""
        out = []
        try:
            subdirs = [d for d in self.directory.iterdir() if d.is_dir()]
        except OSError:
            return []
        for d in subdirs:
            try:
                for f in d.iterdir():
                    if f.suffix == SUFFIX:
                        with contextlib.suppress(OSError):
                            st = f.stat()
                            out.append((st.st_mtime, st.st_size, f))
            except OSError:
                continue
        out.sort(key=lambda e: e[0])
        return out

    def size(self) -> int:
        return sum(size for _t, size, _p in self.entries())

    def prune(self) -> int:
        """Remove least recently used entries until the folder holds at most ``max_bytes`` (down to 80 % of
        it, so the next writes do not prune again at once). Returns how many were removed."""
        entries = self.entries()
        total = sum(size for _t, size, _p in entries)
        with self._lock:
            self._approx_size = total
        if total <= self.max_bytes:
            return 0
        goal = int(self.max_bytes * 0.8)
        removed = 0
        for _t, size, path in entries:
            if total <= goal:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                removed += 1
        with self._lock:
            self.stats.pruned += removed
            self._approx_size = total
        return removed

    def clear(self) -> None:
        for _t, _s, path in self.entries():
            with contextlib.suppress(OSError):
                path.unlink()

    # -- the cached loader ----------------------------------------------------------------------------------
    def load(self, path: str | os.PathLike[str]) -> Report:
        """``load_report(path)``, from the cache when possible. Raises ``load_report``'s typed errors."""
        from viewer.core.ingest.readers import EXTENSIONS, LIMITS

        p = Path(path)
        try:
            st = os.stat(p)
        except OSError:
            return load_report(p)  # raises the typed error naming the file
        ext = p.suffix.lower()
        if (not stat.S_ISREG(st.st_mode) or st.st_size == 0 or ext not in EXTENSIONS
                or st.st_size > LIMITS[EXTENSIONS[ext]]):
            return load_report(p)  # refused (or sniffed) by the readers: nothing worth caching
        try:
            digest, size = file_digest(p)
        except OSError:
            return load_report(p)
        key = self.key(digest, ext)
        cached = self.get(key)
        if cached is not None:
            return replace(cached, path=str(p))  # as load_report names it
        report = load_report(p)
        try:
            after = os.stat(p)
        except OSError:
            return report
        unchanged = size == st.st_size and (after.st_size, after.st_mtime_ns) == (st.st_size, st.st_mtime_ns)
        if unchanged:  # not edited while we read it: the entry is the parse of exactly those bytes
            self.put(key, replace(report, path=""))
        return report


def load_cached(path: str | os.PathLike[str], cache: ReportCache | None) -> Report:
    """``cache.load(path)``, or a plain ``load_report`` when there is no cache."""
    return cache.load(path) if cache is not None else load_report(path)
