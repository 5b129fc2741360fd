"""Extract reading-order text from a PDF with pdfminer.six, rejoining lines broken by the page width.

pdfminer's text boxes do not follow paragraphs, so paragraphs are rebuilt from the lines (in pdfminer's
reading order) and the page geometry. A line continues the paragraph above (joined without a space between
Chinese characters, with one space when both sides are Latin letters/digits) unless:

* it is not the next line down (a larger gap, e.g. a blank line, or a jump to another column),
* it is indented from the left margin (first-line indent, a centred title),
* the line above stopped although this line's first unbreakable piece would have fitted (paragraph end;
  this also works for ragged-right text),
* its font size differs (a heading), or
* it starts with a heading marker (一、 （一） 1. ——) in a document that does not use first-line indents.

At a page break the same rules join a paragraph that runs on (the page's last line reaches the right margin,
the next page's first line is not indented). Page furniture (page numbers, repeated running headers/footers
at the page edges) is emitted on its own lines after the paragraph it interrupted; a later cleaning stage
removes it.

Extraction artefacts are repaired: Kangxi / CJK-radical code points that fonts share with ideographs
(⼈ → 人, ⺠ → 民), the two-em dash ⸺ (→ ——), unmapped glyphs ``(cid:N)`` (→ U+FFFD), the spaces pdfminer
infers between the characters of justified lines, and text drawn outside the page.
"""
from __future__ import annotations

import logging
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from viewer.core.errors import CorruptFile, NoTextLayer

# ----------------------------------------------------------------------------------------- text repair

_RADICALS_SUPPLEMENT = {
    0x2E81: "厂", 0x2E84: "乚", 0x2E85: "亻", 0x2E86: "冂", 0x2E87: "几", 0x2E89: "刂", 0x2E8A: "卜",
    0x2E8B: "卩", 0x2E8C: "小", 0x2E8D: "小", 0x2E8E: "兀", 0x2E8F: "尢", 0x2E90: "尢", 0x2E91: "尢",
    0x2E92: "巳", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐", 0x2E96: "忄", 0x2E97: "心", 0x2E98: "扌",
    0x2E99: "攵", 0x2E9B: "旡", 0x2E9C: "日", 0x2E9D: "月", 0x2E9E: "歺", 0x2E9F: "母", 0x2EA0: "民",
    0x2EA1: "氵", 0x2EA2: "氺", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA5: "爫", 0x2EA6: "丬", 0x2EA7: "牛",
    0x2EA8: "犭", 0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EAE: "竹",
    0x2EAF: "糸", 0x2EB0: "纟", 0x2EB1: "罒", 0x2EB2: "罒", 0x2EB3: "罒", 0x2EB4: "罒", 0x2EB5: "罒",
    0x2EB6: "羊", 0x2EB7: "羊", 0x2EB8: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBB: "聿", 0x2EBC: "月",
    0x2EBD: "臼", 0x2EBE: "艹", 0x2EBF: "艹", 0x2EC0: "艹", 0x2EC1: "虎", 0x2EC2: "衤", 0x2EC3: "覀",
    0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC7: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECA: "足",
    0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶", 0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長",
    0x2ED2: "镸", 0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EDF: "飠", 0x2EE0: "饣", 0x2EE2: "马",
    0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐", 0x2EED: "歯", 0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙",
    0x2EF1: "龜", 0x2EF2: "亀", 0x2EF3: "龟",
}


def _repair_table() -> dict[int, str]:
    table: dict[int, str] = dict(_RADICALS_SUPPLEMENT)
    for cp in range(0x2F00, 0x2FD6):  # Kangxi radicals: NFKC gives the unified ideograph
        table[cp] = unicodedata.normalize("NFKC", chr(cp))
    for cp in range(0xF900, 0xFADA):  # CJK compatibility ideographs
        mapped = unicodedata.normalize("NFKC", chr(cp))
        if mapped != chr(cp):
            table[cp] = mapped
    table[0x2E3A] = "——"  # two-em dash: the ligature fonts draw for ——
    table[0x2E3B] = "———"
    table[0xFFFE] = ""
    return table


_REPAIR = _repair_table()
_CID = re.compile(r"\(cid:\d+\)")
_CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—·]")
_SPACES = re.compile(r"\s+")


_OPENING = frozenset("“‘（(《〈【〔「『[{")
_CLOSING = frozenset("，。、；：！？）)》〉】〕」』”’…·%,.;:!?")
_QUOTES = frozenset("“”‘’")


def _lead_width(chars: list) -> float:
    """Width of the first unbreakable piece of a line: had it fitted at the end of the line above, that
    line would not have wrapped. A piece is opening marks + one Chinese character (or one run of ASCII,
    or a dash run) + closing marks, glued to the next piece by quotation marks (no break around “ ”)."""
    n = len(chars)
    i = 0
    while i < n:
        while i < n and chars[i].get_text() in _OPENING:
            i += 1
        if i < n:
            first = chars[i].get_text()
            if first.isascii():
                while i < n and chars[i].get_text().isascii() and not chars[i].get_text().isspace():
                    i += 1
            elif first == "—":
                while i < n and chars[i].get_text() == "—":
                    i += 1
            else:
                i += 1
        while i < n and chars[i].get_text() in _CLOSING:
            i += 1
        if i < n and (chars[i].get_text() in _QUOTES or chars[i - 1].get_text() in _QUOTES):
            continue
        break
    return chars[max(i, 1) - 1].x1 - chars[0].x0 if chars else 0.0


_INFERRED = "\x00"  # an inferred space between non-Chinese characters, decided per document


def _line_text(line) -> tuple[str, float, int]:
    """A pdfminer text line as raw text, the width of its first unbreakable piece, and its count of real
    space glyphs.

    pdfminer infers a space (``LTAnno``) wherever glyphs stand apart. In justified Chinese text that is
    between every character, so an inferred space next to a Chinese character is dropped; between other
    characters it is kept as ``_INFERRED``, resolved by :func:`_finish_text` once the whole document is read.
    """
    from pdfminer.layout import LTAnno, LTChar

    items = list(line)
    parts: list[str] = []
    for k, item in enumerate(items):
        text = item.get_text()
        if isinstance(item, LTAnno):
            if text != " " or not parts or k + 1 >= len(items):
                continue
            before, after = parts[-1][-1:], items[k + 1].get_text()[:1]
            if _CJK.match(before) or _CJK.match(after):
                continue
            text = _INFERRED
        parts.append(text)
    chars = [c for c in items if isinstance(c, LTChar)]
    real_spaces = sum(1 for c in chars if c.get_text().isspace())
    return "".join(parts), _lead_width([c for c in chars if not c.get_text().isspace()]), real_spaces


def _finish_text(raw: str, real_spaces_in_document: bool) -> str:
    """Final text of a line: inferred spaces kept only if the PDF draws no space glyphs at all (then gaps
    are the only word separators; otherwise they are justification stretch), repairs applied."""
    text = raw.replace(_INFERRED, "" if real_spaces_in_document else " ")
    if "(cid:" in text:
        text = _CID.sub("\ufffd", text)
    return _SPACES.sub(" ", text.translate(_REPAIR)).strip()


# ----------------------------------------------------------------------------------------- layout model

_HEADING_MARK = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十百]{1,3}[)）]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[)）]"
    r"|[①-⑳]"
    r"|——"
    r"|第[一二三四五六七八九十百\d]{1,4}[章节部分篇条]"
    r"|#)"
)
_PAGE_NUMBER = re.compile(
    r"^[-―—–－~～·•\s]*(?:第\s*)?(?:\d{1,4}|[ivxlcIVXLC]{1,6})(?:\s*页)?"
    r"(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-―—–－~～·•\s]*$"
    r"|^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)
_EDGE = 0.09  # top/bottom share of the page where running headers and footers live


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    lead: float = 0.0  # width of the first unbreakable piece
    furniture: bool = False

    @property
    def em(self) -> float:
        return max(self.y1 - self.y0, 1.0)


@dataclass
class _Page:
    height: float
    lines: list[_Line] = field(default_factory=list)  # in reading order
    left: float = 0.0  # text block margins
    right: float = 0.0
    pitch: float = 0.0  # usual distance from one line to the next
    indents: bool = True  # the document marks paragraphs with a first-line indent

    def body(self) -> list[_Line]:
        return [ln for ln in self.lines if not ln.furniture]


_PLAIN_MESSAGE = re.compile(r"[A-Za-z][A-Za-z0-9 ,.!?'/-]{2,80}")


def _plain(message: str) -> str:
    """pdfminer's message when it is a short sentence ("Unexpected EOF", "No /Root object! - Is this really a
    PDF?"); not when it dumps the bytes or objects it choked on."""
    message = message.strip()
    return message if _PLAIN_MESSAGE.fullmatch(message) else "its syntax is broken"


def _extract(fp: BinaryIO, path: str | Path) -> list[_Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBoxHorizontal, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    params = LAParams(
        line_margin=0.5, char_margin=2.0, word_margin=0.1, boxes_flow=0.5, detect_vertical=False
    )
    pages: list[_Page] = []
    real_spaces = 0
    try:
        for layout in extract_pages(fp, laparams=params):
            page = _Page(height=max(layout.height, 1.0))
            x_lo, y_lo, x_hi, y_hi = layout.bbox
            for obj in layout:
                if not isinstance(obj, LTTextBoxHorizontal):
                    continue
                for item in obj:
                    if not isinstance(item, LTTextLineHorizontal):
                        continue
                    # text drawn outside the page (clipped overflow, hidden marks) is not shown: skip it
                    cx, cy = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
                    if not (x_lo <= cx <= x_hi and y_lo <= cy <= y_hi):
                        continue
                    raw, lead, spaces = _line_text(item)
                    if raw.strip(" \t\n" + _INFERRED):
                        page.lines.append(_Line(raw, item.x0, item.x1, item.y0, item.y1, lead))
                        real_spaces += spaces
            pages.append(page)
    except PDFPasswordIncorrect:
        reason = "PDF is encrypted and needs a password; remove the password and save it again"
        raise CorruptFile(path, reason) from None
    except PDFEncryptionError as exc:
        raise CorruptFile(path, f"PDF is encrypted in a way that cannot be opened ({exc})") from None
    except (PDFSyntaxError, PSException) as exc:
        raise CorruptFile(path, f"damaged PDF ({_plain(str(exc))})") from None
    except RecursionError:
        raise CorruptFile(path, "damaged PDF (its object structure is circular or too deep)") from None
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds of errors on broken files
        logging.getLogger(__name__).debug("pdfminer could not read %s", path, exc_info=True)
        raise CorruptFile(path, "damaged PDF (its internal structure cannot be read)") from None
    if not pages:
        raise CorruptFile(path, "damaged PDF (no pages found)")
    for page in pages:
        for ln in page.lines:
            ln.text = _finish_text(ln.text, real_spaces > 0)
        page.lines = [ln for ln in page.lines if ln.text]
    return pages


def _mark_furniture(pages: list[_Page]) -> None:
    """Flag page numbers and running headers/footers (top/bottom edge, repeated or page-number-like)."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    edge_lines = [
        ln
        for page in pages
        for ln in page.lines
        if ln.y0 > page.height * (1 - _EDGE) or ln.y1 < page.height * _EDGE
    ]
    repeats = Counter(key(ln.text) for ln in edge_lines)
    needed = max(3, len(pages) // 3)
    for ln in edge_lines:
        if _PAGE_NUMBER.match(ln.text) or (len(pages) >= 3 and repeats[key(ln.text)] >= needed):
            ln.furniture = True


def _measure(pages: list[_Page]) -> None:
    """Per page: left/right edges of the text block and the line pitch (document-wide values where a page
    has too little text to tell)."""
    lefts: list[float] = []
    rights: list[float] = []
    steps: list[float] = []
    for page in pages:
        body = page.body()
        long_lines = [ln for ln in body if len(ln.text) >= 2]
        if len(body) >= 4 and long_lines:
            page.left = min(ln.x0 for ln in long_lines)
            page.right = max(ln.x1 for ln in body)
            lefts.append(page.left)
            rights.append(page.right)
        steps.extend(a.y0 - b.y0 for a, b in zip(body, body[1:]) if 0.5 * b.em < a.y0 - b.y0 < 3 * b.em)
    # the line pitch inside paragraphs: the low end of all steps (blank lines between paragraphs make
    # larger steps, which may be the majority on a page of short paragraphs)
    ems = [ln.em for page in pages for ln in page.body()]
    steps.sort()
    doc_pitch = steps[len(steps) // 5] if steps else 1.5 * (statistics.median(ems) if ems else 12.0)
    body_lines = [(page, ln) for page in pages for ln in page.body()]
    indented = sum(
        1 for page, ln in body_lines if page.left and 1.5 * ln.em <= ln.x0 - page.left <= 2.6 * ln.em
    )
    indents = indented >= max(3, len(body_lines) // 40)
    for page in pages:
        page.indents = indents
        body = page.body()
        if not page.right and body:
            page.left = min(([statistics.median(lefts)] if lefts else []) + [ln.x0 for ln in body])
            page.right = max(([statistics.median(rights)] if rights else []) + [ln.x1 for ln in body])
        page.pitch = doc_pitch


def _continues(prev: _Line, prev_page: _Page, line: _Line, page: _Page) -> bool:
    """Whether ``line`` continues the paragraph whose last line so far is ``prev``."""
    # without first-line indents, a heading marker is the only sign that a new paragraph starts
    if not page.indents and _HEADING_MARK.match(line.text):
        return False
    em = max(prev.em, line.em)
    if abs(prev.em - line.em) > 0.15 * em:  # font size change: a heading or a note
        return False
    if prev_page is page:
        step = prev.y0 - line.y0
        if not 0.5 * em < step <= 1.3 * page.pitch + 0.1 * em:  # not the next line down (gap, column)
            return False
    if line.x0 > page.left + 0.8 * line.em:  # first-line indent (or a centred line)
        return False
    # the previous line stopped although the next line's first piece would have fitted: its paragraph ended
    if prev.x1 + line.lead < prev_page.right - 0.25 * prev.em:
        return False
    return True


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _assemble(pages: list[_Page]) -> str:
    out: list[str] = []
    pending: list[str] = []  # furniture waiting for the open paragraph to end
    current: str | None = None
    prev: _Line | None = None
    prev_page: _Page | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            out.append(current)
            current = None
        out.extend(pending)
        pending.clear()

    for page in pages:
        for line in page.body():
            if current is not None and prev is not None and prev_page is not None:
                if _continues(prev, prev_page, line, page):
                    current = _join(current, line.text)
                    prev, prev_page = line, page
                    continue
            flush()
            current = line.text
            prev, prev_page = line, page
        pending.extend(ln.text for ln in page.lines if ln.furniture)
    flush()
    return "\n".join(out)


def read_pdf(fp: BinaryIO, path: str | Path) -> str:
    """The text of a PDF file object, one paragraph per line. Raises NoTextLayer / CorruptFile."""
    pages = _extract(fp, path)
    if not any(page.lines for page in pages):
        raise NoTextLayer(path, "PDF has no text layer (scanned image?); OCR is not supported")
    _mark_furniture(pages)
    _measure(pages)
    return _assemble(pages)
