"""Typed errors raised by the core. Each names the file and a plain-language reason."""
from __future__ import annotations

from pathlib import Path


class ReportError(Exception):
    """Base class: a report file could not be read. ``str()`` is one line: ``<file>: <reason>``."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else ""
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class UnsupportedFormat(ReportError):
    """The file type is not one we read (or the content is not text at all, e.g. binary)."""


class DecodeError(ReportError):
    """The bytes could not be decoded as text in any supported encoding."""


class NoTextLayer(ReportError):
    """A PDF without a text layer (a scan): it would need OCR."""


class CorruptFile(ReportError):
    """A container (docx, pdf, html) is truncated or damaged."""


class FileTooLarge(ReportError):
    """The file exceeds the size limit for its kind."""


class EmptyDocument(ReportError):
    """The file holds no usable text."""


class Cancelled(Exception):
    """Long work (an alignment, a comparison) stopped because its caller asked; not a failure."""
