"""Painting the pages ``pdf_layout`` placed: running header (title, current section, one name per column), footer
(legend, page n of N), aligned rows, the table of contents and the title page.

Every string drawn is recorded in ``Canvas.used`` so the ToUnicode fix knows which characters the PDF shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen, QTextCursor, QTextDocument, QTextFormat,
)

from viewer.core.highlights import KINDS
from viewer.core.model import Report
from viewer.export.pdf_fixup import LinkArea
from viewer.export.pdf_front import report_name, t
from viewer.export.pdf_layout import DELETE_COLOUR, MUTED, Fonts, Geometry, Page, Slice, pt
from viewer.ui.compare_model import STYLES
from viewer.ui.labels import kind_label

BAND = QColor("#ececec")           # behind a top section's heading row
RULE = QColor("#dddddd")           # between rows and columns
CHANGE_BAR = QColor("#5b7db1")     # margin bar of a row with changes
INK = QColor("#222222")
EPS = 1.0                          # device units: keeps a clip from touching the neighbouring line


@dataclass(frozen=True, slots=True)
class TocEntry:
    label: str
    level: int
    row_id: str
    presence: str                  # ■ where a report has the section, □ where it has none


class Canvas:
    def __init__(self, painter: QPainter, device: QPagedPaintDevice, geo: Geometry, fonts: Fonts,
                 reports: Sequence[Report], kinds: frozenset[str], title: str, stamp: str) -> None:
        self.p, self.device, self.geo, self.fonts = painter, device, geo, fonts
        self.reports, self.kinds, self.title, self.stamp = list(reports), kinds, title, stamp
        self.used: set[str] = set()

    # -- primitives ------------------------------------------------------------------------------------------------
    def text(self, rect: QRectF, flags: Qt.AlignmentFlag, text: str, font: QFont,
             colour: QColor | str = INK) -> None:
        self.used.update(text)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        self.p.drawText(rect, int(flags), text)

    def width_of(self, text: str, font: QFont) -> float:
        return QFontMetricsF(font, self.device).horizontalAdvance(text)

    def elide(self, text: str, font: QFont, width: float) -> str:
        return QFontMetricsF(font, self.device).elidedText(text, Qt.TextElideMode.ElideRight, width)

    def rule(self, x0: float, y: float, x1: float, colour: QColor = RULE, width_pt: float = 0.5) -> None:
        pen = QPen(colour)
        pen.setWidthF(pt(width_pt))
        self.p.setPen(pen)
        self.p.drawLine(QPointF(x0, y), QPointF(x1, y))

    # -- furniture -------------------------------------------------------------------------------------------------
    def header(self, section: str = "", columns: bool = False) -> None:
        g, f = self.geo, self.fonts
        small = f.font(7.5)
        line = QRectF(g.left, g.top, g.body_width, pt(11))
        title = self.elide(self.title, f.font(7.5, bold=True), g.body_width * 0.45)
        self.text(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title,
                  f.font(7.5, bold=True), "#444444")
        if section:
            self.text(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                      self.elide(section, small, g.body_width * 0.5), small, "#444444")
        if not columns:
            self.rule(g.left, g.top + pt(13), g.left + g.body_width, QColor("#999999"))
            return
        name_font = f.font(f.body_pt + 0.5, bold=True)
        sub_font = f.font(6.5)
        for k, r in enumerate(self.reports):
            x, w = g.column_x(k), g.column_width
            self.text(QRectF(x, g.top + pt(13), w, pt(13)), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                      self.elide(f"{k + 1}  {report_name(r)}", name_font, w), name_font)
            sub = " · ".join(s for s in (r.meta.title, r.name) if s)
            self.text(QRectF(x, g.top + pt(26), w, pt(9)), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                      self.elide(sub, sub_font, w), sub_font, "#666666")
        self.rule(g.left, g.body_top - pt(3), g.left + g.body_width, QColor("#999999"), 0.8)

    def footer(self, page_no: int, total: int, legend: bool = False) -> None:
        g, f = self.geo, self.fonts
        y = g.height - g.bottom - pt(11)
        font = f.font(7.5)
        box = QRectF(g.left, y, g.body_width, pt(11))
        self.text(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                  t("第 %1 页 / 共 %2 页").replace("%1", str(page_no)).replace("%2", str(total)), font)
        self.text(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.stamp, font, MUTED)
        if legend:
            self.legend(g.left, y, pt(11))

    def legend(self, x: float, y: float, height: float) -> None:
        """Colour chips of the highlight kinds drawn in this PDF."""
        font = self.fonts.font(7.5)
        shown = [k for k in KINDS if k in self.kinds]
        if not shown:
            self.text(QRectF(x, y, pt(200), height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                      t("（未标出差异）"), font, MUTED)
            return
        for kind in shown:
            label = kind_label(kind)
            w = self.width_of(label, font) + pt(6)
            self.p.fillRect(QRectF(x, y + pt(1), w, height - pt(2)), QColor(STYLES[kind][0]))
            chip_font = QFont(font)
            if kind == "delete":
                chip_font.setStrikeOut(True)
            self.text(QRectF(x, y, w, height), Qt.AlignmentFlag.AlignCenter, label, chip_font,
                      DELETE_COLOUR if kind == "delete" else INK)
            x += w + pt(4)

    # -- body --------------------------------------------------------------------------------------------------------
    def body_page(self, page: Page) -> None:
        g = self.geo
        if page.slices:
            bottom = page.slices[-1].y + page.slices[-1].height
            pen = QPen(RULE)
            pen.setWidthF(pt(0.5))
            self.p.setPen(pen)
            for k in range(1, g.columns):
                x = g.column_x(k) - g.gutter / 2
                self.p.drawLine(QPointF(x, g.body_top), QPointF(x, bottom))
        for i, s in enumerate(page.slices):
            self.slice(s, i == 0)

    def slice(self, s: Slice, top_of_page: bool) -> None:
        g, box = self.geo, s.row
        if s.first and box.level == 1 and box.is_heading:
            self.p.fillRect(QRectF(g.left - pt(2), s.y, g.body_width + pt(4), s.height), BAND)
        elif s.first and not top_of_page:
            self.rule(g.left, s.y, g.left + g.body_width, RULE, 0.4 if box.level > 1 else 0.7)
        if box.changed:
            self.p.fillRect(QRectF(g.left - pt(7), s.y + g.row_pad, pt(2.2), s.height - 2 * g.row_pad), CHANGE_BAR)
        for k, part in enumerate(s.parts):
            if part is None:
                continue
            a, b = part
            doc = box.cells[k].doc
            self.p.save()
            self.p.translate(g.column_x(k), s.y + g.row_pad - a)
            doc.drawContents(self.p, QRectF(0, a + EPS, g.column_width, max(0.0, b - a - 2 * EPS)))
            self.p.restore()

    # -- table of contents -------------------------------------------------------------------------------------------
    def toc_line_height(self) -> float:
        return pt(max(13.0, self.fonts.body_pt * 1.7))

    def toc_title_height(self) -> float:
        return pt(30)

    def toc_per_page(self) -> int:
        g = self.geo
        first_top = g.top + pt(16)
        return max(1, int((g.body_bottom - first_top - self.toc_title_height()) // self.toc_line_height()))

    def toc_page(self, entries: Sequence[TocEntry], first: bool, page_index: int,
                 targets: dict[str, tuple[int, float]], numbers: dict[str, int]) -> list[LinkArea]:
        """Draw one page of the table of contents; returns the link areas of its entries."""
        g, f = self.geo, self.fonts
        y = g.top + pt(16)
        if first:
            self.text(QRectF(g.left, y, g.body_width, pt(24)), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                      t("目录"), f.font(16, bold=True))
        y += self.toc_title_height()
        lh = self.toc_line_height()
        num_w = pt(36)
        links: list[LinkArea] = []
        for e in entries:
            font = f.font(9.5, bold=e.level == 1)
            indent = pt(16) * (e.level - 1)
            pres_font = f.font(7)
            pres_w = self.width_of(e.presence, pres_font) + pt(8) if e.presence else 0.0
            avail = g.body_width - indent - num_w - pres_w
            label = self.elide(e.label, font, avail)
            self.text(QRectF(g.left + indent, y, avail, lh), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                      label, font)
            if e.presence:
                self.text(QRectF(g.left + g.body_width - num_w - pres_w, y, pres_w, lh),
                          Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, e.presence, pres_font, MUTED)
            number = numbers.get(e.row_id)
            if number is not None:
                self.text(QRectF(g.left + g.body_width - num_w, y, num_w, lh),
                          Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(number), font)
            if e.row_id in targets:
                tp, ty = targets[e.row_id]
                links.append(LinkArea(page_index, (g.to_points(g.left), g.to_points(y),
                                                   g.to_points(g.left + g.body_width), g.to_points(y + lh)),
                                      tp, g.to_points(max(0.0, ty - pt(4)))))
            y += lh
        return links

    # -- title page ---------------------------------------------------------------------------------------------------
    def front_document(self, html: str) -> QTextDocument:
        g = self.geo
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setDefaultFont(self.fonts.font(9.5))
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setPageSize(QSizeF(g.body_width, self.front_height()))
        keep_headings_with_next(doc, self.front_height())
        self.used.update(doc.toPlainText())
        return doc

    def front_height(self) -> float:
        g = self.geo
        return g.body_bottom - (g.top + pt(20))

    def front_page(self, doc: QTextDocument, k: int) -> None:
        g = self.geo
        h = self.front_height()
        self.p.save()
        self.p.translate(g.left, g.top + pt(20) - k * h)
        doc.drawContents(self.p, QRectF(0, k * h, g.body_width, h))
        self.p.restore()


KEEP_WITH_NEXT = 0.8   # a heading starting below this share of the page height moves to the next page


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Move a heading that would sit at the foot of a page (its text or table on the next) to the next page.
    QTextDocument has no keep-with-next; a page break before such a heading does the same. Returns the count."""
    moved = 0
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() and block.next().isValid():
            y = layout.blockBoundingRect(block).top()
            if y % page_height > KEEP_WITH_NEXT * page_height:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                moved += 1
        block = block.next()
    return moved
