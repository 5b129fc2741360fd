"""Workspaces: what a user has open, the comparison choices and their alignment overrides, saved as a
versioned JSON file (``.rcw``).

A workspace names each report file three ways, so it survives being moved with its reports or without them:
the absolute path when saved, the path relative to the workspace file, and the file's SHA-256 and size (to
verify a file found elsewhere, or one the user points at). :func:`resolve_reports` tries those places in
turn and says which reports are still missing.

Overrides are kept by their stable keys (``Override.to_dict``) with the report named by the workspace's own
report id (``"r1"``, ``"r2"`` ...), so they survive the files moving; :meth:`Workspace.overrides_for` turns
them back into overrides on the paths the reports were loaded from.

File format (version 1)::

    {"format": "report-compare-workspace", "version": 1, "saved": "2024-05-01T10:00:00+00:00",
     "reports": [{"id": "r1", "path": "/abs/yubei-2022.txt", "relative": "reports/yubei-2022.txt",
                  "sha256": "…", "size": 51234, "checked": true}, …],
     "columns": ["r2", "r1"],                       # ticked reports in comparison (column) order
     "overrides": [{"report_a": "r1", "section_key_a": "…", "report_b": "r2", "section_key_b": null}],
     "view": {"kinds": ["insert", "delete"], "tab": 0, "tab_title": "对照", "row_id": "3.2"}}

Loading checks everything and raises a :class:`WorkspaceError` subclass naming the file and the reason; an
older version goes through :data:`MIGRATIONS` (one step per version) first.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from viewer.core.alignment import Override
from viewer.core.atomic import write_text_atomic

FORMAT = "report-compare-workspace"
VERSION = 1
SUFFIX = ".rcw"
#: a workspace is a small JSON file; anything bigger is not one of ours
MAX_BYTES = 20_000_000

#: ``MIGRATIONS[n]`` turns a version-``n`` document into version ``n + 1`` (a new dict; the input is not
#: changed). Add one entry whenever VERSION goes up.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


# -- errors --------------------------------------------------------------------------------------------------
class WorkspaceError(Exception):
    """A workspace file could not be used. ``str()`` is one line: ``<file>: <reason>``."""

    def __init__(self, path: str | os.PathLike[str] | None, reason: str) -> None:
        self.path = str(path) if path is not None else ""
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class WorkspaceUnreadable(WorkspaceError):
    """The file could not be read (missing, a folder, no permission, too large)."""


class NotJson(WorkspaceError):
    """The file is not JSON (or not UTF-8 text)."""


class WrongFormat(WorkspaceError):
    """JSON, but not a Report Compare workspace."""


class NewerVersion(WorkspaceError):
    """Written by a newer version of the app than this one understands."""

    def __init__(self, path: str | os.PathLike[str] | None, version: int, supported: int) -> None:
        self.version = version
        super().__init__(path, f"workspace format version {version} is newer than this app supports "
                               f"(up to {supported}); update Report Compare to open it")


class UnsupportedVersion(WorkspaceError):
    """An old version with no migration path, or a version that is not a positive integer."""


class InvalidWorkspace(WorkspaceError):
    """A field has the wrong type or value."""


class MissingField(InvalidWorkspace):
    """A required field is absent."""

    def __init__(self, path: str | os.PathLike[str] | None, field_name: str) -> None:
        self.field = field_name
        super().__init__(path, f"required field {field_name!r} is missing")


# -- model ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One report file of the workspace."""

    id: str
    path: str                   # absolute path when the workspace was saved (or built)
    sha256: str                 # of the file's bytes
    size: int
    checked: bool = True
    relative: str | None = None  # relative to the workspace file's folder, as stored in the file

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True, slots=True)
class ViewState:
    kinds: tuple[str, ...] | None = None    # highlight kinds shown; None: leave as is
    tab: int | None = None                  # index of the current tab
    tab_title: str | None = None            # its title (tabs may be added in another order)
    row_id: str | None = None               # current aligned row ("3.2")


@dataclass(frozen=True, slots=True)
class Workspace:
    reports: tuple[ReportEntry, ...] = ()
    columns: tuple[str, ...] = ()           # ticked report ids, in comparison order
    overrides: tuple[Override, ...] = ()    # report_a / report_b are report ids
    view: ViewState = field(default_factory=ViewState)
    saved: str = ""                         # ISO time of the last save

    def entry(self, report_id: str) -> ReportEntry | None:
        return next((e for e in self.reports if e.id == report_id), None)

    def overrides_for(self, paths: Mapping[str, str | os.PathLike[str]]) -> list[Override]:
        """The overrides on the paths the reports were loaded from (``paths``: report id -> path). Overrides
        naming a report not in ``paths`` (skipped or missing) are left out."""
        out = []
        for o in self.overrides:
            if o.report_a in paths and o.report_b in paths:
                out.append(replace(o, report_a=str(paths[o.report_a]), report_b=str(paths[o.report_b])))
        return out


def file_digest(path: str | os.PathLike[str]) -> tuple[str, int]:
    """``(sha256 hex, size)`` of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def build_workspace(
    files: Sequence[tuple[str | os.PathLike[str], bool]],
    columns: Sequence[str | os.PathLike[str]] = (),
    overrides: Iterable[Override] = (),
    view: ViewState | None = None,
    digest: Callable[[str], tuple[str, int]] = file_digest,
) -> Workspace:
    """A workspace from what is open: ``files`` as ``(path, checked)``, ``columns`` the ticked paths in
    comparison order, ``overrides`` naming reports by path (or file name). Each file is hashed by ``digest``
    (the UI passes one that remembers); a file that cannot be read any more keeps an empty hash (it will be
    reported missing on open)."""
    entries: list[ReportEntry] = []
    by_ref: dict[str, str] = {}
    for i, (path, checked) in enumerate(files, 1):
        abs_path = os.path.abspath(os.fspath(path))
        try:
            sha, size = digest(abs_path)
        except OSError:
            sha, size = "", 0
        entry = ReportEntry(f"r{i}", abs_path, sha, size, bool(checked))
        entries.append(entry)
        for ref in (os.fspath(path), abs_path):
            by_ref.setdefault(ref, entry.id)
    for entry in entries:  # a bare file name is the weakest reference
        by_ref.setdefault(entry.name, entry.id)
    cols = tuple(by_ref[c] for c in map(os.fspath, columns) if c in by_ref)
    mapped = []
    for o in overrides:
        a, b = by_ref.get(o.report_a), by_ref.get(o.report_b)
        if a is not None and b is not None:
            mapped.append(replace(o, report_a=a, report_b=b))
    return Workspace(tuple(entries), cols, tuple(mapped), view or ViewState())


# -- serialisation -------------------------------------------------------------------------------------------
def _relative(path: str, base_dir: Path) -> str | None:
    try:
        return Path(os.path.relpath(path, base_dir)).as_posix()
    except ValueError:  # another drive (Windows)
        return None


def to_dict(workspace: Workspace, workspace_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The JSON document for ``workspace`` saved at ``workspace_path`` (relative paths computed from it)."""
    base = Path(os.path.abspath(os.fspath(workspace_path))).parent
    view = workspace.view
    return {
        "format": FORMAT,
        "version": VERSION,
        "saved": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "reports": [
            {"id": e.id, "path": e.path, "relative": _relative(e.path, base), "sha256": e.sha256,
             "size": e.size, "checked": e.checked}
            for e in workspace.reports
        ],
        "columns": list(workspace.columns),
        "overrides": [o.to_dict() for o in workspace.overrides],
        "view": {"kinds": None if view.kinds is None else list(view.kinds), "tab": view.tab,
                 "tab_title": view.tab_title, "row_id": view.row_id},
    }


def save_workspace(workspace: Workspace, path: str | os.PathLike[str]) -> None:
    """Write atomically: a failure leaves the previous file as it was."""
    text = json.dumps(to_dict(workspace, path), ensure_ascii=False, indent=1) + "\n"
    write_text_atomic(path, text)


def load_workspace(path: str | os.PathLike[str]) -> Workspace:
    """Read and validate a workspace file; raises a :class:`WorkspaceError` naming the file and the reason."""
    p = Path(path)
    try:
        if p.is_dir():
            raise WorkspaceUnreadable(path, "is a folder, not a workspace file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise WorkspaceUnreadable(path, f"file is too large for a workspace ({size:,} bytes)")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise WorkspaceUnreadable(path, "file not found") from None
    except PermissionError:
        raise WorkspaceUnreadable(path, "permission denied") from None
    except OSError as exc:
        raise WorkspaceUnreadable(path, f"cannot read the file ({exc.strerror or exc})") from None
    return parse_workspace(raw, path)


def parse_workspace(raw: bytes | str, path: str | os.PathLike[str] | None = None) -> Workspace:
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        data = json.loads(text)
    except UnicodeDecodeError:
        raise NotJson(path, "not a workspace: the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise NotJson(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise NotJson(path, "not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WrongFormat(path, "not a Report Compare workspace (no \"format\": "
                                f"\"{FORMAT}\" field)")
    data = migrate(data, path)
    return _from_dict(data, path)


def migrate(data: dict, path: str | os.PathLike[str] | None = None,
            migrations: Mapping[int, Callable[[dict], dict]] | None = None,
            target: int | None = None) -> dict:
    """Bring a document to version ``target`` (default: :data:`VERSION`) by one-step migrations (default:
    :data:`MIGRATIONS`)."""
    steps = MIGRATIONS if migrations is None else migrations
    target = VERSION if target is None else target
    if "version" not in data:
        raise MissingField(path, "version")
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnsupportedVersion(path, f"workspace version {version!r} is not a positive whole number")
    if version > target:
        raise NewerVersion(path, version, target)
    while version < target:
        step = steps.get(version)
        if step is None:
            raise UnsupportedVersion(path, f"workspace format version {version} is too old to open "
                                           f"(no upgrade to version {version + 1})")
        data = step(dict(data))
        new = data.get("version")
        if new != version + 1:
            raise UnsupportedVersion(path, f"upgrading from version {version} did not give version "
                                           f"{version + 1}")
        version = new
    return data


def _need(obj: Mapping, key: str, kind: type | tuple[type, ...], path, where: str = "") -> Any:
    name = f"{where}{key}"
    if key not in obj:
        raise MissingField(path, name)
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidWorkspace(path, f"field {name!r} has the wrong type ({type(value).__name__})")
    return value


def _optional(obj: Mapping, key: str, kind: type | tuple[type, ...], path, where: str = "") -> Any:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InvalidWorkspace(path, f"field {where}{key!r} has the wrong type ({type(value).__name__})")
    return value


def _from_dict(data: dict, path) -> Workspace:
    reports: list[ReportEntry] = []
    seen: set[str] = set()
    for i, r in enumerate(_need(data, "reports", list, path)):
        where = f"reports[{i}]."
        if not isinstance(r, dict):
            raise InvalidWorkspace(path, f"reports[{i}] is not an object")
        rid = _need(r, "id", str, path, where)
        if rid in seen:
            raise InvalidWorkspace(path, f"report id {rid!r} appears twice")
        seen.add(rid)
        size = _need(r, "size", int, path, where)
        if size < 0:
            raise InvalidWorkspace(path, f"field {where}size is negative")
        reports.append(ReportEntry(
            id=rid, path=_need(r, "path", str, path, where), sha256=_need(r, "sha256", str, path, where),
            size=size, checked=bool(_optional(r, "checked", bool, path, where) is not False),
            relative=_optional(r, "relative", str, path, where),
        ))
    columns = _need(data, "columns", list, path)
    for c in columns:
        if c not in seen:
            raise InvalidWorkspace(path, f"column {c!r} names no report of the workspace")
    overrides: list[Override] = []
    for i, o in enumerate(_need(data, "overrides", list, path)):
        where = f"overrides[{i}]."
        if not isinstance(o, dict):
            raise InvalidWorkspace(path, f"overrides[{i}] is not an object")
        for key in ("report_a", "section_key_a", "report_b"):
            _need(o, key, str, path, where)
        if "section_key_b" not in o:
            raise MissingField(path, where + "section_key_b")
        _optional(o, "section_key_b", str, path, where)
        for key in ("report_a", "report_b"):
            if o[key] not in seen:
                raise InvalidWorkspace(path, f"field {where}{key} names no report of the workspace")
        overrides.append(Override.from_dict(o))
    view_d = data.get("view") or {}
    if not isinstance(view_d, dict):
        raise InvalidWorkspace(path, "field 'view' is not an object")
    kinds = _optional(view_d, "kinds", list, path, "view.")
    if kinds is not None and not all(isinstance(k, str) for k in kinds):
        raise InvalidWorkspace(path, "field 'view.kinds' must list names")
    view = ViewState(
        kinds=None if kinds is None else tuple(kinds),
        tab=_optional(view_d, "tab", int, path, "view."),
        tab_title=_optional(view_d, "tab_title", str, path, "view."),
        row_id=_optional(view_d, "row_id", str, path, "view."),
    )
    saved = data.get("saved")
    return Workspace(tuple(reports), tuple(columns), tuple(overrides), view,
                     saved if isinstance(saved, str) else "")


# -- finding the report files again --------------------------------------------------------------------------
ABSOLUTE, RELATIVE, BESIDE = "absolute", "relative", "beside"


@dataclass(frozen=True, slots=True)
class Located:
    entry: ReportEntry
    path: Path
    how: str            # ABSOLUTE / RELATIVE / BESIDE / "user"
    verified: bool      # the file's bytes hash to the stored sha256


@dataclass(frozen=True, slots=True)
class Resolution:
    found: tuple[Located, ...]
    missing: tuple[ReportEntry, ...]    # carry sha256 + size, to verify a file the user points at

    def paths(self) -> dict[str, Path]:
        return {loc.entry.id: loc.path for loc in self.found}

    @property
    def changed(self) -> tuple[Located, ...]:
        """Found where expected, but the content is not what was saved."""
        return tuple(loc for loc in self.found if not loc.verified)


def candidates(entry: ReportEntry, workspace_path: str | os.PathLike[str]) -> list[tuple[str, Path]]:
    """Where to look for a report, in order: the stored absolute path, the path relative to the workspace,
    a file of the same name beside the workspace."""
    base = Path(os.path.abspath(os.fspath(workspace_path))).parent
    out: list[tuple[str, Path]] = [(ABSOLUTE, Path(entry.path))]
    if entry.relative:
        out.append((RELATIVE, base / Path(entry.relative)))
    out.append((BESIDE, base / Path(entry.path.replace("\\", "/")).name))
    seen: set[str] = set()
    unique = []
    for how, p in out:
        key = os.path.normcase(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            unique.append((how, p))
    return unique


def verify(entry: ReportEntry, path: str | os.PathLike[str]) -> bool:
    """Does the file at ``path`` hold the bytes the workspace saved (same size and SHA-256)?"""
    try:
        if os.path.getsize(path) != entry.size:
            return False
        return file_digest(path)[0] == entry.sha256
    except OSError:
        return False


def resolve_reports(workspace: Workspace, workspace_path: str | os.PathLike[str]) -> Resolution:
    """Find each report: the first candidate whose content matches the stored hash; failing that, the first
    candidate that exists (marked unverified: the file was edited since); failing that, it is missing."""
    found: list[Located] = []
    missing: list[ReportEntry] = []
    for entry in workspace.reports:
        existing = [(how, p) for how, p in candidates(entry, workspace_path) if p.is_file()]
        match = next(((how, p) for how, p in existing if verify(entry, p)), None)
        if match is not None:
            found.append(Located(entry, match[1], match[0], True))
        elif existing:
            found.append(Located(entry, existing[0][1], existing[0][0], False))
        else:
            missing.append(entry)
    return Resolution(tuple(found), tuple(missing))
