"""File -> Report: read (any supported format), clean, structure."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from viewer.core.errors import EmptyDocument
from viewer.core.ingest.clean import clean_text
from viewer.core.ingest.readers import read_raw, report_files_in
from viewer.core.model import Report
from viewer.core.structure import build_report


def load_report(path: str | Path) -> Report:
    raw = read_raw(path)
    clean = clean_text(raw.text)
    if not clean.text.strip():
        raise EmptyDocument(path, "no text left after removing page furniture")
    return build_report(clean, path=str(path), fmt=raw.format, encoding=raw.encoding, source_text=raw.text)


#: a dropped folder gives at most this many report files (a drop of a whole home folder must not load everything)
MAX_FOLDER_FILES = 300
FULL_FOLDER = "full_folder"


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to load for ``paths`` as a user gave them: a folder stands for the report files in it (one without
    any stays as it is, so reading it fails in its place with a clear reason). Returns (files, notes); a note
    (folder, FULL_FOLDER) says a folder held more than ``MAX_FOLDER_FILES`` and only the first were taken."""
    files: list[Path] = []
    notes: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        found = report_files_in(p, limit=MAX_FOLDER_FILES) if p.is_dir() else []
        if not found:
            files.append(p)
            continue
        if len(found) > MAX_FOLDER_FILES:
            notes.append((p, FULL_FOLDER))
            found = found[:MAX_FOLDER_FILES]
        files.extend(found)
    return files, notes


def load_reports(paths: Iterable[str | Path]) -> list[Report]:
    """``load_report`` of every file, a folder standing for the report files in it (the CLI's reading)."""
    return [load_report(f) for f in expand_paths(paths)[0]]


def report_from_text(text: str, name: str = "<text>") -> Report:
    """Structure text already in memory (tests, pasted text)."""
    return build_report(clean_text(text), path=name, fmt="txt", encoding=None, source_text=text)
