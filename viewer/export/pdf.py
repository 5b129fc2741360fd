"""Export an aligned comparison of 2 to N reports as a PDF to print and hand round a meeting.

    export_comparison_pdf(comparison, "out.pdf", kinds={"insert", "delete", "moved"}, progress=cb, cancel=fn)

The PDF: a title page (reports, date, change counts per pair, legend, the target-vs-actual scorecard when the
core provides one), a table of contents with page numbers and links, then the aligned rows in one column per
report with the screen's highlight colours. Every page has a running header (title, current top section, and on
body pages the report names over their columns) and a footer (legend, page n of N). Section headings form the
bookmark outline. A4 portrait for two reports, A4 landscape for three to five, A3 landscape beyond.

Chinese text is real text in an embedded subset of a system CJK font (``pdf_font``), with ToUnicode maps fixed
so it copies and searches as the characters shown (``pdf_fixup``). The PDF is written to a temporary file
beside the destination and renamed into place: a failure or a cancel leaves no file behind.

Needs a ``QGuiApplication`` (one is created if there is none; set ``QT_QPA_PLATFORM=offscreen`` without a
display). Safe to call from a worker thread once the application exists.
"""
from __future__ import annotations

import logging
import os
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

from viewer.core.comparison import Comparison
from viewer.core.highlights import KINDS
from viewer.export.pdf_fixup import LinkArea, OutlineItem, PdfFixupError, finish_pdf, page_count
from viewer.export.pdf_font import FontMissing, UnicodeFixer, find_cjk_font
from viewer.export.pdf_front import front_html, scorecard_table, t
from viewer.export.pdf_layout import RES, CellBuilder, Fonts, RowBox, build_rows, geometry_for, paginate
from viewer.export.pdf_paint import Canvas, TocEntry

__all__ = ["DEFAULT_KINDS", "ExportCancelled", "ExportError", "FontMissing", "export_comparison_pdf",
           "find_cjk_font", "page_count"]

log = logging.getLogger(__name__)

DEFAULT_KINDS = frozenset({"insert", "delete", "moved"})
OUTLINE_DEPTH = 3          # section rows down to this level become bookmarks
TOC_DEPTH = 2              # ... and down to this level entries of the table of contents
Progress = Callable[[int, int], None]
_app: QGuiApplication | None = None


class ExportError(Exception):
    """The PDF could not be written. ``str()`` is one line: ``<path>: <reason>``."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


class ExportCancelled(ExportError):
    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "export cancelled")


def ensure_gui_app() -> None:
    """Fonts and text layout need a QGuiApplication; create one (kept for the process) if there is none."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])
    elif not isinstance(QGuiApplication.instance(), QGuiApplication):
        raise RuntimeError("PDF export needs a QGuiApplication, not a QCoreApplication")


def export_comparison_pdf(
    comparison: Comparison,
    out_path: str | Path,
    *,
    kinds: Iterable[str] = DEFAULT_KINDS,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    title: str | None = None,
    scorecard: bool = True,
    phrases: bool = True,
    tokenizer=None,
) -> Path:
    """Write ``comparison`` as a PDF at ``out_path`` (atomically) and return its path.

    ``kinds``: highlight kinds to draw (insert, delete, moved, equal). ``progress(done, total)`` is called as
    the work goes; ``cancel()`` returning True stops it with ``ExportCancelled``. ``scorecard``: put the
    target-vs-actual scorecard on the title page when the reports give one. ``phrases``: add the appendix on
    policy phrasing (change matrix, classified edits, new and dropped phrases; ``tokenizer`` is the one the
    comparison was made with, a new one if None). Raises ``FontMissing`` when no
    Chinese font is installed and ``ExportError`` when the destination cannot be written."""
    started = time.perf_counter()
    out = Path(out_path)
    kinds = frozenset(kinds)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown highlight kinds: {', '.join(sorted(unknown))} (use {', '.join(KINDS)})")
    reports = comparison.alignment.reports
    if len(reports) < 2:
        raise ExportError(out, f"needs at least two reports to compare, got {len(reports)}")
    ensure_gui_app()
    family = find_cjk_font()
    tmp = _temp_beside(out)
    try:
        pages = _render(comparison, tmp, out, family, kinds, progress, cancel,
                        title or t("政府工作报告对照"), scorecard, phrases, tokenizer)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("exported %s: %d pages in %.2f s", out, pages, time.perf_counter() - started)
    return out


def _temp_beside(out: Path) -> Path:
    """Create an empty temporary file in the destination folder (so the final rename stays on one disk)."""
    folder = out.parent
    if out.is_dir():
        raise ExportError(out, "is a folder; choose a file name")
    if not folder.is_dir():
        raise ExportError(out, f"folder {folder} does not exist")
    tmp = folder / f".{out.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)  # the umask applies, as for any new file
    except OSError as exc:
        raise ExportError(out, f"cannot write in {folder}: {exc.strerror or exc}") from exc
    os.close(fd)
    return tmp


def _render(comparison: Comparison, tmp: Path, out: Path, family: str, kinds: frozenset[str],
            progress: Progress | None, cancel: Callable[[], bool] | None, title: str, scorecard: bool,
            phrases: bool, tokenizer) -> int:
    reports = comparison.alignment.reports
    geo = geometry_for(len(reports))
    fonts = Fonts(family, geo.body_pt)
    n_rows = sum(1 for _ in comparison.alignment.walk())
    total = 2 * n_rows + 3

    def check() -> None:
        if cancel is not None and cancel():
            raise ExportCancelled(out)

    def report(done: int) -> None:
        check()
        if progress is not None:
            progress(min(done, total), total)

    report(0)
    score = scorecard_table(reports) if scorecard else None
    check()
    appendix = ""
    if phrases:
        from viewer.core.tokenize import Tokenizer
        from viewer.export.pdf_appendix import appendix_html

        appendix = appendix_html(comparison, tokenizer or Tokenizer())
    report(1)
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RES)
    writer.setPageLayout(geo.page_layout())
    writer.setTitle(title)
    writer.setCreator("Report Compare")
    painter = QPainter()
    try:
        # pass 1: lay out every cell and place the rows on pages
        builder = CellBuilder(comparison, kinds, fonts, geo.column_width, writer)
        rows = build_rows(comparison, builder, step=lambda i: report(i + 1) if i % 8 == 7 else None)
        pages, anchors = paginate(rows, geo)
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
        if not painter.begin(writer):
            raise ExportError(out, "cannot open the file for writing")
        canvas = Canvas(painter, writer, geo, fonts, reports, kinds, title, t("导出于 %1").replace("%1", stamp))
        front = canvas.front_document(front_html(comparison, title, kinds, stamp, score))
        n_front = max(1, front.pageCount())
        entries = _toc_entries(rows, len(reports))
        per_page = canvas.toc_per_page()
        n_toc = max(1, -(-len(entries) // per_page))
        first_body = n_front + n_toc
        back = canvas.front_document(appendix) if appendix else None
        n_back = back.pageCount() if back is not None else 0
        first_back = first_body + len(pages)
        n_pages = first_back + n_back
        targets = {rid: (first_body + p, y) for rid, (p, y) in anchors.items()}
        numbers = {rid: p + 1 for rid, (p, _y) in targets.items()}

        # pass 2: paint
        page_no = 0

        def next_page() -> None:
            nonlocal page_no
            if page_no:
                writer.newPage()
            page_no += 1

        for k in range(n_front):
            next_page()
            canvas.header()
            canvas.front_page(front, k)
            canvas.footer(page_no, n_pages)
        links: list[LinkArea] = []
        for k in range(n_toc):
            next_page()
            canvas.header()
            links += canvas.toc_page(entries[k * per_page:(k + 1) * per_page], k == 0, page_no - 1, targets, numbers)
            canvas.footer(page_no, n_pages)
        rows_done = n_rows
        for page in pages:
            next_page()
            canvas.header(page.section, columns=True)
            canvas.body_page(page)
            canvas.footer(page_no, n_pages, legend=True)
            rows_done += sum(1 for s in page.slices if s.first)
            report(rows_done)
        for k in range(n_back):
            next_page()
            canvas.header(t("附录：提法变化"))
            canvas.front_page(back, k)
            canvas.footer(page_no, n_pages)
        painter.end()
    finally:
        if painter.isActive():
            painter.end()
    check()
    geo_pt = geo.to_points
    outline = [OutlineItem(t("概要"), 0, 0.0), OutlineItem(t("目录"), n_front, 0.0)]
    outline += _outline(rows, {rid: (p, geo_pt(max(0.0, y - geo.row_pad))) for rid, (p, y) in targets.items()})
    if n_back:
        outline.append(OutlineItem(t("附录：提法变化"), first_back, 0.0))
    try:
        fixed = finish_pdf(tmp, outline=outline, links=links,
                           unicode_fix=UnicodeFixer(family, builder.used | canvas.used))
    except (PdfFixupError, OSError) as exc:
        raise ExportError(out, f"could not finish the PDF: {exc}") from exc
    log.debug("ToUnicode entries corrected: %d", fixed)
    report(total)
    return n_pages


def _toc_entries(rows: list[RowBox], n_reports: int) -> list[TocEntry]:
    out = []
    for box in rows:
        if box.is_heading and box.level <= TOC_DEPTH:
            presence = "".join("■" if c is not None else "□" for c in box.row.cells) if n_reports <= 8 else ""
            out.append(TocEntry(box.label, box.level, box.row_id, presence))
    return out


def _outline(rows: list[RowBox], targets: dict[str, tuple[int, float]]) -> list[OutlineItem]:
    """Bookmarks for the section rows down to ``OUTLINE_DEPTH``, nested as the rows are."""
    nodes: dict[str, tuple[str, int, float, list]] = {}
    top: list[str] = []
    for box in rows:
        if not box.is_heading or box.level > OUTLINE_DEPTH or box.row_id not in targets:
            continue
        page, y = targets[box.row_id]
        nodes[box.row_id] = (box.label, page, y, [])
        parent = box.row_id.rpartition(".")[0]
        while parent and parent not in nodes:
            parent = parent.rpartition(".")[0]
        (nodes[parent][3] if parent else top).append(box.row_id)

    def item(rid: str) -> OutlineItem:
        label, page, y, children = nodes[rid]
        return OutlineItem(label, page, y, tuple(item(c) for c in children))

    return [item(rid) for rid in top]
