"""File -> Report: read (any supported format), clean, structure."""
from __future__ import annotations

from pathlib import Path

from viewer.core.errors import EmptyDocument
from viewer.core.ingest.clean import clean_text
from viewer.core.ingest.readers import read_raw
from viewer.core.model import Report
from viewer.core.structure import build_report


def load_report(path: str | Path) -> Report:
    raw = read_raw(path)
    clean = clean_text(raw.text)
    if not clean.text.strip():
        raise EmptyDocument(path, "no text left after removing page furniture")
    return build_report(clean, path=str(path), fmt=raw.format, encoding=raw.encoding, source_text=raw.text)


def report_from_text(text: str, name: str = "<text>") -> Report:
    """Structure text already in memory (tests, pasted text)."""
    return build_report(clean_text(text), path=name, fmt="txt", encoding=None, source_text=text)
