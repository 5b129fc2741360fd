"""Layout of an aligned comparison on pages: page geometry, one text document per cell (highlighted like the
screen), and pagination of aligned rows (a row too tall for the space left is split between lines).

Everything is measured in device units of the ``QPdfWriter`` (``RES`` dots per inch); ``pt()`` converts points.
Nothing here paints: ``pdf_paint`` draws what ``paginate`` placed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Sequence

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor, QFont, QPageLayout, QPageSize, QPagedPaintDevice, QTextCharFormat, QTextCursor, QTextDocument,
    QTextOption,
)

from viewer.core.align import Row
from viewer.core.comparison import Comparison
from viewer.core.highlights import Mark, changed_rows, column_marks
from viewer.core.model import Section
from viewer.ui.compare_model import STYLES  # the screen's highlight colours, shared with the legend
from viewer.ui.labels import role_label, section_label

RES = 720                          # device dots per inch: 10 per point
GAP_TEXT = "—"
DELETE_COLOUR = "#8a1c1c"          # text colour of deleted text, as on screen
MUTED = "#8c8c8c"


def pt(points: float) -> float:
    return points * RES / 72.0


def mm(millimetres: float) -> float:
    return millimetres * RES / 25.4


# -- page geometry -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Geometry:
    columns: int
    page: QPageSize.PageSizeId
    landscape: bool
    body_pt: float                 # body text size in points
    width: float = 0.0             # device units, set by ``geometry_for``
    height: float = 0.0
    left: float = mm(14)
    right: float = mm(12)
    top: float = mm(11)
    bottom: float = mm(10)
    header: float = pt(40)         # running title + column headers
    footer: float = pt(16)         # legend + page number
    gutter: float = pt(10)
    row_pad: float = pt(3)

    @property
    def body_top(self) -> float:
        return self.top + self.header

    @property
    def body_bottom(self) -> float:
        return self.height - self.bottom - self.footer

    @property
    def body_height(self) -> float:
        return self.body_bottom - self.body_top

    @property
    def body_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def column_width(self) -> float:
        return (self.body_width - (self.columns - 1) * self.gutter) / self.columns

    def column_x(self, k: int) -> float:
        return self.left + k * (self.column_width + self.gutter)

    def page_layout(self) -> QPageLayout:
        orientation = QPageLayout.Orientation.Landscape if self.landscape else QPageLayout.Orientation.Portrait
        return QPageLayout(QPageSize(self.page), orientation, QMarginsF(0, 0, 0, 0))

    def to_points(self, value: float) -> float:
        return value * 72.0 / RES


def geometry_for(columns: int) -> Geometry:
    """A4 portrait for two reports, A4 landscape for three to five, A3 landscape beyond."""
    if columns <= 2:
        page, landscape, size = QPageSize.PageSizeId.A4, False, 9.0
    elif columns <= 5:
        page, landscape, size = QPageSize.PageSizeId.A4, True, 9.0 if columns == 3 else 8.0
    else:
        page, landscape, size = QPageSize.PageSizeId.A3, True, 8.0
    w_mm, h_mm = QPageSize(page).size(QPageSize.Unit.Millimeter).toTuple()
    if landscape:
        w_mm, h_mm = h_mm, w_mm
    return Geometry(columns, page, landscape, size, width=mm(w_mm), height=mm(h_mm))


# -- fonts ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Fonts:
    family: str
    body_pt: float

    def font(self, size: float | None = None, bold: bool = False) -> QFont:
        f = QFont(self.family)
        f.setPointSizeF(size or self.body_pt)
        if bold:
            f.setWeight(QFont.Weight.Bold)
        f.setKerning(False)
        # no OpenType shaping (CJK and Latin need none): HarfBuzz would otherwise swap in glyphs with no
        # character of their own ("3" between Latin letters, "——" as one two-em-dash glyph), and the PDF's
        # ToUnicode map would lose or change those characters
        f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        return f

    def heading_size(self, level: int) -> float:
        return self.body_pt + {1: 2.0, 2: 1.0}.get(level, 0.0)


# -- cells -------------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class CellBox:
    doc: QTextDocument             # a gap (no counterpart in that report) shows a dash
    height: float
    breaks: list[float]            # bottoms of the lines, ascending: where the cell may be cut

    def cut(self, start: float, room: float) -> float:
        """Where to stop drawing a slice that starts at ``start`` with ``room`` to spare: the last line bottom
        that fits (at least one line, even if it does not fit)."""
        if self.height - start <= room:
            return self.height
        i = bisect_right(self.breaks, start + room) - 1
        if i >= 0 and self.breaks[i] > start + 0.5:
            return self.breaks[i]
        j = bisect_right(self.breaks, start + 0.5)
        return self.breaks[j] if j < len(self.breaks) else self.height


def char_format(kinds: set[str], base: QTextCharFormat) -> QTextCharFormat:
    """The screen's styling of a run of text covered by marks of ``kinds`` (see compare_model._styled)."""
    fmt = QTextCharFormat(base)
    if not kinds:
        return fmt
    bg = next((STYLES[k][0] for k in ("moved", "insert", "delete", "equal") if k in kinds), None)
    if bg:
        fmt.setBackground(QColor(bg))
    if "delete" in kinds:
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor(DELETE_COLOUR))
        if bg != STYLES["delete"][0]:
            fmt.setFontUnderline(True)
    return fmt


def _segments(start: int, end: int, marks: Sequence[Mark], bold_end: int) -> list[tuple[int, int, set[str], bool]]:
    """Cut ``[start, end)`` where the set of covering marks or the bold heading changes."""
    points = {start, end}
    if start < bold_end < end:
        points.add(bold_end)
    for m in marks:
        points.add(max(start, m.start))
        points.add(min(end, m.end))
    cuts = sorted(p for p in points if start <= p <= end)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a < b:
            out.append((a, b, {m.kind for m in marks if m.start <= a and m.end >= b}, a < bold_end))
    return out


class CellBuilder:
    """Builds the text document of each cell, at the column width, laid out for the PDF device."""

    def __init__(self, comparison: Comparison, kinds: frozenset[str], fonts: Fonts, width: float,
                 device: QPagedPaintDevice) -> None:
        self.reports = comparison.alignment.reports
        self.fonts, self.width, self.device = fonts, width, device
        self.marks: list[list[Mark]] = []
        self.starts: list[list[int]] = []
        for k in range(len(self.reports)):
            marks = [m for m in column_marks(comparison, k) if m.kind in kinds]
            self.marks.append(marks)
            self.starts.append([m.start for m in marks])
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.used: set[str] = set()   # every character drawn (for the ToUnicode fix)

    def new_document(self, font: QFont) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultTextOption(self.option)
        doc.setTextWidth(self.width)
        return doc

    def _marks_in(self, k: int, start: int, end: int) -> list[Mark]:
        marks, starts = self.marks[k], self.starts[k]
        out = []
        for i in range(bisect_left(starts, start), len(marks)):
            if starts[i] >= end:
                break
            out.append(marks[i])
        return out

    def build(self, k: int, row: Row) -> CellBox:
        cell = row.cells[k]
        if cell is None:
            doc = self.new_document(self.fonts.font())
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(MUTED))
            QTextCursor(doc).insertText(GAP_TEXT, fmt)
            self.used.add(GAP_TEXT)
            return self._box(doc)
        text = self.reports[k].text
        s0, e0 = cell.own_start, cell.own_end
        section = cell.node if isinstance(cell.node, Section) else None
        size = self.fonts.heading_size(row.level) if section is not None and e0 - s0 <= 80 else self.fonts.body_pt
        doc = self.new_document(self.fonts.font(size))
        cursor = QTextCursor(doc)
        if s0 >= e0:  # an untitled section (a closing appeal): say what it is
            label = section_label(section) if section is not None else cell.label
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(MUTED))
            cursor.insertText(label, fmt)
            self.used.update(label)
            return self._box(doc)
        bold_end = section.title_end if section is not None else s0
        base = QTextCharFormat()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        if section is not None and s0 == section.title_start and 0 < s0 - section.start <= 8:
            number = text[section.start:s0].strip()  # the heading's own text starts after its number
            if number:
                self.used.update(number)
                cursor.insertText(number, bold)
        for a, b, kinds, is_bold in _segments(s0, e0, self._marks_in(k, s0, e0), bold_end):
            piece = text[a:b]
            self.used.update(piece)
            cursor.insertText(piece, char_format(kinds, bold if is_bold else base))
        return self._box(doc)

    @staticmethod
    def _box(doc: QTextDocument) -> CellBox:
        height = doc.size().height()
        breaks: list[float] = []
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            y0 = layout.position().y()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                breaks.append(y0 + line.y() + line.height())
            block = block.next()
        return CellBox(doc, height, breaks)


# -- rows and pages ------------------------------------------------------------------------------------------------
@dataclass(slots=True)
class RowBox:
    index: int
    row_id: str
    row: Row
    cells: list[CellBox]
    label: str                     # heading shown in the outline / table of contents ("" for paragraph rows)
    changed: bool

    @property
    def level(self) -> int:
        return self.row.level

    @property
    def is_heading(self) -> bool:
        return bool(self.label)

    @property
    def height(self) -> float:
        return max(c.height for c in self.cells)


@dataclass(slots=True)
class Slice:
    """The part of a row drawn on one page: per column the range of the cell's document shown (None: nothing
    of that cell on this page)."""

    row: RowBox
    y: float                                    # top of the row on the page (padding included)
    height: float                               # padding included
    parts: list[tuple[float, float] | None]
    first: bool


@dataclass(slots=True)
class Page:
    slices: list[Slice] = field(default_factory=list)
    section: str = ""                           # running header: the latest top section begun


def row_label(row: Row) -> str:
    """The row's heading for the outline and the contents: each distinct heading of its section cells in column
    order, joined by " ↔ " where the reports word it differently (a renamed or moved section)."""
    first = next((c for c in row.cells if c is not None), None)
    if first is None or first.kind != "section" or not isinstance(first.node, Section):
        return ""
    labels = [section_label(c.node) or role_label(c.node.role) or c.label for c in row.cells
              if c is not None and c.kind == "section" and isinstance(c.node, Section)]
    return " ↔ ".join(dict.fromkeys(label for label in labels if label))


def build_rows(comparison: Comparison, builder: CellBuilder,
               step: Callable[[int], None] | None = None) -> list[RowBox]:
    changed = changed_rows(comparison)
    rows: list[RowBox] = []
    for i, (row_id, row) in enumerate(comparison.alignment.walk()):
        cells = [builder.build(k, row) for k in range(len(row.cells))]
        label = row_label(row)
        builder.used.update(label)
        rows.append(RowBox(i, row_id, row, cells, label, row_id in changed))
        if step is not None:
            step(i)
    return rows


def paginate(rows: Sequence[RowBox], geo: Geometry) -> tuple[list[Page], dict[str, tuple[int, float]]]:
    """Place rows on pages. Returns the pages and, per row id, the page index and y where the row begins.

    A row that fits goes whole; a heading keeps with the start of the next row; a row that would fit on a fresh
    page goes there when less than ``SPLIT_SHARE`` of a page is left; otherwise it is split between lines, each
    column at its own last whole line."""
    pad = geo.row_pad
    min_lines = pt(geo.body_pt) * 1.45 * 3   # do not start a split with less than about three lines
    pages: list[Page] = [Page()]
    anchors: dict[str, tuple[int, float]] = {}
    y = geo.body_top
    section = ""

    def new_page() -> None:
        nonlocal y
        pages.append(Page(section=section))
        y = geo.body_top

    for i, box in enumerate(rows):
        if box.level == 1 and box.is_heading:
            section = box.label
            if pages[-1].slices and y > geo.body_top and y + pt(8) < geo.body_bottom:
                y += pt(6)  # air before a top section
        h = box.height + 2 * pad
        need = h
        if box.is_heading and i + 1 < len(rows):
            nxt = rows[i + 1]
            need += min(nxt.height, min_lines) + 2 * pad
        room = geo.body_bottom - y
        if need > room and pages[-1].slices:
            fits_fresh = h <= geo.body_height
            if box.is_heading or (fits_fresh and room < SPLIT_SHARE * geo.body_height) or room < min_lines + 2 * pad:
                new_page()
                room = geo.body_bottom - y
        if box.level == 1 and box.is_heading:
            pages[-1].section = section
        anchors[box.row_id] = (len(pages) - 1, y)
        if h <= room:
            pages[-1].slices.append(Slice(box, y, h, [(0.0, c.height) for c in box.cells], True))
            y += h
            continue
        # split between lines
        offsets = [0.0] * len(box.cells)
        first = True
        while True:
            room = geo.body_bottom - y - 2 * pad
            parts: list[tuple[float, float] | None] = []
            for c, off in zip(box.cells, offsets):
                if off >= c.height - 0.5:
                    parts.append(None)
                else:
                    parts.append((off, c.cut(off, room)))
            used = max((b - a for a, b in (p for p in parts if p is not None)), default=0.0)
            pages[-1].slices.append(Slice(box, y, used + 2 * pad, parts, first))
            y += used + 2 * pad
            first = False
            offsets = [p[1] if p is not None else off for p, off in zip(parts, offsets)]
            if all(off >= c.height - 0.5 for c, off in zip(box.cells, offsets)):
                break
            new_page()
    return pages, anchors


SPLIT_SHARE = 0.35
