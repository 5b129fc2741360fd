"""Read a report file of any supported kind into raw text: ``read_raw(path) -> RawText``.

Dispatch is by extension (case-insensitive), with the content sniffed when the extension is unknown or
lies about a container (a PDF or .docx saved as .txt, an old .doc saved as .docx ...). Sizes are checked with
``os.stat`` before anything is read, and reads are bounded by the limit, so memory stays bounded.
Every failure is a :class:`~viewer.core.errors.ReportError` naming the file.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from viewer.core.errors import EmptyDocument, FileTooLarge, ReportError, UnsupportedFormat
from viewer.core.ingest.text import binary_kind, decode_bytes

MB = 1_000_000

#: size limits per format, in bytes
LIMITS: dict[str, int] = {"txt": 20 * MB, "md": 20 * MB, "html": 30 * MB, "docx": 100 * MB, "pdf": 100 * MB}
_KIND_NAMES = {"txt": "text", "md": "text", "html": "HTML", "docx": "Word (.docx)", "pdf": "PDF"}

EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}

#: files a folder holds beside its reports (a README describing them, a licence, a changelog)
_NOT_A_REPORT = re.compile(r"^(?:readme|license|licence|changelog|copying)\b", re.I)


def report_files_in(folder: str | Path, limit: int | None = None) -> list[Path]:
    """The report files in ``folder`` and its subfolders (by the extensions the readers know), sorted by path;
    hidden files, office lock files (``~$…``) and READMEs left out; at most ``limit`` + 1 (to tell "more")."""
    folder = Path(folder)
    out: list[Path] = []
    try:
        found = sorted(folder.rglob("*"))
    except OSError:
        return out
    for p in found:
        rel = p.relative_to(folder)
        if any(part.startswith((".", "~$")) for part in rel.parts) or _NOT_A_REPORT.match(p.stem):
            continue
        if p.suffix.lower() in EXTENSIONS and p.is_file():
            out.append(p)
            if limit is not None and len(out) > limit:
                break
    return out


def _folder_reason(path: Path) -> str:
    if report_files_in(path, limit=0):
        return "is a folder: open the report files in it (or drop the folder on the window)"
    return "is a folder with no report files (.txt .md .docx .pdf .html) in it"


_SAVE_AS_DOCX = "open it in Word or WPS and save it as .docx (or export a PDF)"
_UNSUPPORTED: dict[str, str] = {
    ".doc": f"old binary Word (.doc) files are not supported; {_SAVE_AS_DOCX}",
    ".wps": f"WPS (.wps) files are not supported; {_SAVE_AS_DOCX}",
    ".rtf": f"RTF files are not supported; {_SAVE_AS_DOCX}",
    ".odt": f"OpenDocument (.odt) files are not supported; {_SAVE_AS_DOCX}",
    ".ofd": "OFD documents are not supported; export the report as PDF or .docx",
    ".caj": "CAJ documents are not supported; export the report as PDF",
    ".mht": "MHTML web archives are not supported; save the page as 'HTML only'",
    ".mhtml": "MHTML web archives are not supported; save the page as 'HTML only'",
    ".xls": "spreadsheets are not supported",
    ".xlsx": "spreadsheets are not supported",
    ".ppt": "presentations are not supported",
    ".pptx": "presentations are not supported",
    ".zip": "archives are not supported; unpack the report first",
    ".rar": "archives are not supported; unpack the report first",
    ".7z": "archives are not supported; unpack the report first",
}
for _ext in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"):
    _UNSUPPORTED[_ext] = "image files are not supported (they would need OCR); use a text, .docx or PDF copy"

_SNIFF = 8192


@dataclass(frozen=True)
class RawText:
    text: str  # decoded/extracted text, paragraphs separated by "\n"
    format: str  # "txt" | "md" | "docx" | "pdf" | "html"
    encoding: str | None  # "utf-8", "utf-8-sig", "utf-16", "gb18030" ...; None for docx/pdf


def _too_large(path: Path, size: int, kind: str) -> FileTooLarge:
    reason = f"file is {size / MB:.1f} MB; the limit for {_KIND_NAMES[kind]} files is {LIMITS[kind] // MB} MB"
    return FileTooLarge(path, reason)


def sniff(head: bytes) -> str | None:
    """The format a file's first bytes show ("pdf", "docx", "html", "ole", "zip"), or None."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    lowered = head[:4096].lower()
    stripped = lowered.lstrip(b"\xef\xbb\xbf \t\r\n")
    html_start = stripped.startswith((b"<!doctype html", b"<html", b"<?xml"))
    if html_start and (b"<html" in lowered or b"<body" in lowered):
        return "html"
    if b"<html" in lowered and (b"<body" in lowered or b"<head" in lowered):
        return "html"
    # UTF-16 HTML
    if lowered.replace(b"\0", b"").lstrip(b"\xff\xfe ").startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _stat(path: Path) -> os.stat_result:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReportError(path, "file not found") from None
    except NotADirectoryError:
        raise ReportError(path, "file not found (a folder in the path is a file)") from None
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    except OSError as exc:
        raise ReportError(path, f"cannot access the file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReportError(path, _folder_reason(path))
    if not stat.S_ISREG(st.st_mode):
        raise ReportError(path, "is not a regular file")
    return st


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    except IsADirectoryError:
        raise ReportError(path, _folder_reason(path)) from None
    except OSError as exc:
        if exc.errno == errno.EACCES:
            raise ReportError(path, "permission denied") from None
        raise ReportError(path, f"cannot open the file ({exc.strerror or exc})") from None


def _choose_kind(path: Path, ext: str, head: bytes) -> str:
    """The reader to use, from the extension and the sniffed content."""
    sniffed = sniff(head)
    kind = EXTENSIONS.get(ext)
    if sniffed == "ole":
        if b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e" in head or kind == "docx":
            reason = (
                "password-protected Office document; remove the password and save it again"
                if b"E\0n\0c\0r\0y\0p\0t\0e\0d" in head
                else f"this is an old binary Word (.doc) file with a .docx name; {_SAVE_AS_DOCX}"
            )
            raise UnsupportedFormat(path, reason)
    if ext in _UNSUPPORTED:
        # a .doc that is really a .docx / PDF / saved web page (common on government sites) is read as such
        if ext == ".doc" and sniffed in ("docx", "pdf", "html"):
            return sniffed
        raise UnsupportedFormat(path, _UNSUPPORTED[ext])
    if kind is not None:
        if sniffed in ("pdf", "docx") and kind != sniffed and kind in ("txt", "md", "html", "pdf", "docx"):
            return sniffed  # the content is unambiguous: a PDF/.docx with the wrong name
        return kind
    if sniffed in ("pdf", "docx", "html"):
        return sniffed
    if sniffed == "ole":
        raise UnsupportedFormat(path, f"unknown file type, looks like an old Office file; {_SAVE_AS_DOCX}")
    if sniffed == "zip":
        raise UnsupportedFormat(path, "unknown file type; looks like a zip archive, not a report")
    what = binary_kind(head)
    if what:
        raise UnsupportedFormat(path, f"unknown file type; looks like {what}, not a report")
    return "txt"


def _read_bounded(fp: BinaryIO, limit: int, path: Path, kind: str) -> bytes:
    fp.seek(0)
    data = fp.read(limit + 1)
    if len(data) > limit:  # the file grew after stat
        raise FileTooLarge(path, f"file is over {limit // MB} MB, the limit for {_KIND_NAMES[kind]} files")
    return data


def read_raw(path: str | Path) -> RawText:
    """Read any supported report file into :class:`RawText`. Raises a :class:`ReportError` subclass."""
    path = Path(path)
    st = _stat(path)
    ext = path.suffix.lower()
    # extensions we know we cannot read fail before anything is opened; a .doc is sniffed first
    if ext in _UNSUPPORTED and ext != ".doc":
        raise UnsupportedFormat(path, _UNSUPPORTED[ext])
    if st.st_size == 0:
        raise EmptyDocument(path, "file is empty")
    known = EXTENSIONS.get(ext)
    if known is not None and st.st_size > LIMITS[known]:
        raise _too_large(path, st.st_size, known)  # refused before anything is read
    with _open(path) as fp:
        try:
            head = fp.read(_SNIFF)
            kind = _choose_kind(path, ext, head)
            limit = LIMITS[kind]
            if st.st_size > limit:
                raise _too_large(path, st.st_size, kind)
            if kind in ("txt", "md"):
                data = _read_bounded(fp, limit, path, kind)
                text, encoding = decode_bytes(data, path)
                del data
                result = RawText(text, kind, encoding)
            elif kind == "html":
                from viewer.core.ingest.html import read_html

                data = _read_bounded(fp, limit, path, kind)
                text, encoding = read_html(data, path)
                result = RawText(text, "html", encoding)
            elif kind == "docx":
                from viewer.core.ingest.docx import read_docx

                fp.seek(0)
                result = RawText(read_docx(fp, path), "docx", None)
            else:
                from viewer.core.ingest.pdf import read_pdf

                fp.seek(0)
                result = RawText(read_pdf(fp, path), "pdf", None)
        except PermissionError:
            raise ReportError(path, "permission denied") from None
        except OSError as exc:
            raise ReportError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not result.text.strip():
        reason = "file contains only whitespace" if kind in ("txt", "md") else "no text found in the document"
        raise EmptyDocument(path, reason)
    return result
