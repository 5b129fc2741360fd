"""The bad-input classes every front end must survive, as one table: how to make the file, which typed error
``load_report`` raises and what its reason says. test_matrix.py runs each case through the core, the CLI and
the real window.

Files are generated (seeded, so every run sees the same bytes) into a folder given by the caller. The reason is
checked by a general phrase, never by the whole sentence, so wording can improve without touching this table.
"""
from __future__ import annotations

import base64
import os
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.helpers.make_files import make_docx, make_html, make_scanned_pdf, make_zip_bomb_docx
from viewer.core.errors import (
    CorruptFile,
    DecodeError,
    EmptyDocument,
    FileTooLarge,
    NoTextLayer,
    ReportError,
    UnsupportedFormat,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
MB = 1_000_000


def sample_text(name: str = "yubei-2022") -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def _seeded(seed: str) -> random.Random:
    return random.Random(seed)


@dataclass(frozen=True)
class BadCase:
    id: str
    make: Callable[[Path], Path]  # folder -> the bad file (or folder / FIFO / missing path)
    error: type[ReportError]      # the exact class load_report raises
    reason: str                   # a phrase the reason contains
    seconds: float = 10.0         # the refusal takes at most this long (tight only where it is the point)
    peak_mb: float | None = None  # and at most this much Python memory (tracemalloc), where it matters
    needs_non_root: bool = False  # root reads any file: run through another user or skip


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------------------------------- makers


def empty(folder: Path) -> Path:
    return _write(folder, "empty.txt", b"")


def empty_docx(folder: Path) -> Path:
    return _write(folder, "empty.docx", b"")


def binary_garbage(folder: Path) -> Path:
    return _write(folder, "garbage.txt", _seeded("garbage").randbytes(20_000))


def binary_no_extension(folder: Path) -> Path:
    return _write(folder, "download", _seeded("download").randbytes(20_000))


def image_named_txt(folder: Path) -> Path:
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x04\x00"
    return _write(folder, "picture.txt", head + _seeded("png").randbytes(3000))


def unknown_encoding(folder: Path) -> Path:
    # a text in an encoding that is neither Unicode nor a Chinese one (Russian, KOI8-R)
    text = "Доклад о работе правительства района за прошлый год и задачи на текущий год. " * 60
    return _write(folder, "koi8.txt", text.encode("koi8_r"))


def wrong_byte_order_mark(folder: Path) -> Path:
    # a UTF-8 BOM in front of GB18030 bytes (an editor added the mark, the text stayed in the old encoding)
    return _write(folder, "bom-gbk.txt", b"\xef\xbb\xbf" + sample_text()[:3000].encode("gb18030"))


def scanned_pdf(folder: Path) -> Path:
    return make_scanned_pdf(folder / "scan.pdf")


def corrupt_pdf(folder: Path) -> Path:
    return _write(folder, "broken.pdf", b"%PDF-1.4\n" + _seeded("pdf").randbytes(2000))


def pdf_with_corrupt_stream(folder: Path) -> Path:
    """A well-formed PDF whose page content (Flate) is garbled: pdfminer logs warnings, finds no text."""
    import zlib

    packed = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Report text) Tj ET\n" * 20)
    garbled = packed[: len(packed) // 2] + bytes(b ^ 0x5A for b in packed[len(packed) // 2 :])
    data = (
        b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
        b"3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>> >> endobj\n"
        b"5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj\n"
        b"4 0 obj <</Length " + str(len(garbled)).encode() + b"/Filter/FlateDecode>> stream\n" + garbled
        + b"\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    return _write(folder, "garbled.pdf", data)


def truncated_docx(folder: Path) -> Path:
    data = make_docx(sample_text(), folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    return _write(folder, "half.docx", data[: len(data) // 2])


def docx_with_broken_package(folder: Path) -> Path:
    """A real .docx whose [Content_Types].xml lost its entries (the zip is fine, the package is not)."""
    source = make_docx(sample_text()[:2000], folder / "source.docx")
    path = folder / "no-types.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = b"<Types/>" if info.filename == "[Content_Types].xml" else zin.read(info.filename)
            zout.writestr(info.filename, data)
    source.unlink()
    return path


def zip_bomb_docx(folder: Path) -> Path:
    return make_zip_bomb_docx(folder / "bomb.docx", uncompressed_mb=300)


def html_scripts_and_inline_data_only(folder: Path) -> Path:
    rng = _seeded("html")
    image = base64.b64encode(rng.randbytes(3_000_000)).decode("ascii")
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title>"
        "<script>var s = '" + "各位代表，" * 50_000 + "';</script><style>p{color:red}</style></head><body>"
        f"<img src='data:image/png;base64,{image}'><script>document.write('现在我代表区人民政府')</script>"
        "<noscript>请启用脚本</noscript><nav><a href='/'>首页</a></nav></body></html>"
    )
    return _write(folder, "scripts.html", page.encode("utf-8"))


def fifty_megabytes_of_text(folder: Path) -> Path:
    path = folder / "huge.txt"
    chunk = sample_text().encode("utf-8")
    with open(path, "wb") as fh:
        while fh.tell() < 50 * MB:
            fh.write(chunk)
    return path


def no_permission(folder: Path) -> Path:
    # in a folder others may enter (so another user's attempt fails on the file, not on the way to it)
    sub = folder / "shared"
    sub.mkdir(mode=0o755, exist_ok=True)
    sub.chmod(0o755)
    folder.chmod(0o755)
    path = _write(sub, "secret.txt", sample_text()[:500].encode("utf-8"))
    path.chmod(0)
    return path


def directory(folder: Path) -> Path:
    path = folder / "reports.txt"  # a folder with a report's name
    path.mkdir()
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)  # opening it for reading would block forever
    return path


def missing(folder: Path) -> Path:
    return folder / "missing.txt"


def dangling_link(folder: Path) -> Path:
    path = folder / "moved.txt"
    path.symlink_to(folder / "gone" / "moved.txt")
    return path


def link_loop(folder: Path) -> Path:
    path = folder / "loop.txt"
    path.symlink_to(path)
    return path


def old_word_doc(folder: Path) -> Path:
    return _write(folder, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))


CASES: tuple[BadCase, ...] = (
    # nothing in it
    BadCase("empty", empty, EmptyDocument, "file is empty"),
    BadCase("empty-docx", empty_docx, EmptyDocument, "file is empty"),
    BadCase("scripts-and-inline-data-only-html", html_scripts_and_inline_data_only, EmptyDocument,
            "no main text", peak_mb=150),
    # not text
    BadCase("binary-garbage", binary_garbage, UnsupportedFormat, "binary file"),
    BadCase("binary-no-extension", binary_no_extension, UnsupportedFormat, "binary file"),
    BadCase("image-named-txt", image_named_txt, UnsupportedFormat, "PNG image"),
    BadCase("old-word-doc", old_word_doc, UnsupportedFormat, "save it as .docx"),
    # text we cannot decode
    BadCase("unknown-encoding", unknown_encoding, DecodeError, "cannot tell the text encoding"),
    BadCase("wrong-byte-order-mark", wrong_byte_order_mark, DecodeError, "UTF-8 byte-order mark"),
    # containers
    BadCase("scanned-pdf", scanned_pdf, NoTextLayer, "no text layer"),
    BadCase("corrupt-pdf", corrupt_pdf, CorruptFile, "damaged PDF"),
    BadCase("pdf-with-garbled-stream", pdf_with_corrupt_stream, NoTextLayer, "no text layer"),  # + warnings
    BadCase("truncated-docx", truncated_docx, CorruptFile, "truncated or damaged .docx"),
    BadCase("docx-broken-package", docx_with_broken_package, CorruptFile, "damaged .docx"),
    BadCase("zip-bomb-docx", zip_bomb_docx, CorruptFile, "zip bomb", seconds=1.0, peak_mb=20),
    # too big
    BadCase("50-MB-text", fifty_megabytes_of_text, FileTooLarge, "limit for text files is 20 MB", seconds=0.5,
            peak_mb=1),
    # not a readable file
    BadCase("no-permission", no_permission, ReportError, "permission denied", needs_non_root=True),
    BadCase("directory", directory, ReportError, "is a folder"),
    BadCase("fifo", fifo, ReportError, "not a regular file"),
    BadCase("missing", missing, ReportError, "file not found"),
    BadCase("dangling-link", dangling_link, ReportError, "file not found"),
    BadCase("link-loop", link_loop, ReportError, "cannot access the file"),
)


def make_all(folder: Path) -> dict[str, Path]:
    """Every case's file, each in its own sub-folder (so names never clash), keyed by case id."""
    out = {}
    for case in CASES:
        sub = folder / case.id
        sub.mkdir(parents=True, exist_ok=True)
        out[case.id] = case.make(sub)
    return out


# ------------------------------------------------------------------------------------------- good neighbours


def good_files(folder: Path) -> dict[str, Path]:
    """Readable reports in awkward shapes, to drop next to the bad ones: a saved web page full of scripts and
    a 3 MB inline image around the real text, and a .docx."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = _seeded("good")
    image = base64.b64encode(rng.randbytes(2_250_000)).decode("ascii")
    extra = (f"<img src='data:image/png;base64,{image}'><script>var x = '" + "中" * 100_000 + "';</script>"
             "<script src='https://example.invalid/track.js'></script>")
    return {
        "html": make_html(sample_text("yubei-2024"), folder / "yubei-2024.html", extra_body=extra),
        "docx": make_docx(sample_text("jiulongpo-2021"), folder / "jiulongpo-2021.docx"),
    }
