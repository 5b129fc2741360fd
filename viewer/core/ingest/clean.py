"""Raw text -> clean analysis text, with a map from every clean character back to the source.

What is removed: web-page chrome (breadcrumbs, 扫一扫, 主办/ICP/备案 lines, print/close links), page-number footers
(``― 2 ―``, ``- 3 -``, ``第3页``, ``3/12``), page-break markers (``---``, form feeds), lines of U+FFFD only, and
whitespace that layout put between digits and Chinese. A paragraph split by a page break is joined again.
What is normalised (one character for one, so offsets stay exact): half-width ``, : ; ! ? ( )`` in Chinese context to
full-width, full-width digits/letters/``％`` to ASCII. Markdown heading marks (``## ``) are taken out of the text and
kept as ``CleanText.md_depth``; the marks of a line set wholly in bold (``**一、…**``) are taken out too.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")

# --- line classes -------------------------------------------------------------------------------------------
_CHROME_RE = re.compile(
    r"^(?:您?(?:当前|现在)的?位置|当前位置|所在位置)\s*[:：]"
    r"|^(?:首页\s*[>＞»/]\s*)"
    r"|扫一扫|用手机扫|分享到|打印本页|关闭窗口|【?\s*字体\s*[:：]?\s*[【\[]?\s*大|【\s*打印\s*】|【\s*关闭\s*】"
    r"|^(?:主办|承办|协办|主管|技术支持|维护)(?:单位)?\s*[:：]"
    r"|ICP\s*备|公网安备|网站标识码|版权所有|Copyright|©"
    r"|^(?:浏览|访问|阅读)(?:次数|量)\s*[:：]|^【?\s*(?:来源|信息来源|发布机构|作者)\s*[:：]"
    r"|^(?:发布|更新|成文)?(?:日期|时间)\s*[:：]\s*\d{4}\s*[-/.年]",
    re.IGNORECASE,
)
_SITE_NAME_RE = re.compile(rf"^[{CJK}]{{2,16}}(?:政府网|门户网站|政务网|人民政府网)$")
_FOOTER_RE = re.compile(
    r"^(?:[―—–\-－_~〜]+\s*\d{1,4}\s*[―—–\-－_~〜]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,3})$",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,}|[\f\v]+|(?:-\s){2,}-)$")
_JUNK_RE = re.compile(r"^[\ufffd\s\u200b\ufeff]*$")
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t\u3000]*")
# a whole line in bold: **text** or __text__ (the text itself holding no bold mark)
_BOLD_LINE_RE = re.compile(r"^(\*\*|__)[ \t\u3000]*((?:(?!\*\*|__).)+?)[ \t\u3000]*\1$")

# A line that starts a new paragraph whatever came before it (headings, lead paragraphs).
HEADING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d)"
    r"|[（(]\d{1,2}[)）]|——|各位代表|名\s*词\s*解\s*释)"
)
# A paragraph at least this long that stops without end punctuation continues on the next line (lost page break);
# shorter ones are headings, titles, signatures.
_MIN_SPLIT_LEN = 40
_HEADING_MAX = 48
_TERMINAL = set("。！？!?；;：:…”’」』）)】")

# --- character-level normalisation (1:1) ---------------------------------------------------------------------
_FULLWIDTH_ASCII = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH_ASCII.update({"％": "%", "\u3000": " ", "\u00a0": " "})
_FW_TABLE = str.maketrans(_FULLWIDTH_ASCII)
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_PUNCT_RE = re.compile(r"[,:;!?]")
_PAREN_RE = re.compile(r"\(([^()\n]{0,80})\)")
_RATIO_COLON_RE = re.compile(r"(?<=\d)[∶︰﹕](?=\d)")
_FW_DOT_RE = re.compile(r"(?<=\d)[．｡](?=\d)")
# whitespace runs inside a line
_SPACE_RUN_RE = re.compile(r"(?:[^\S\n]|\u200b)+")


@dataclass(slots=True)
class CleanText:
    text: str
    offsets: array                      # offsets[i]: source index of clean char i; one extra entry at the end
    md_depth: dict[int, int] = field(default_factory=dict)  # paragraph start -> Markdown heading depth
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # (source start, end, why) of dropped lines

    def source_offset(self, i: int) -> int:
        return self.offsets[max(0, min(i, len(self.offsets) - 1))]


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


def _keep_space(left: str, right: str, run: str, line_len: int) -> bool:
    """Decide whether a whitespace run between ``left`` and ``right`` stays (as one space)."""
    if not left or not right:
        return False
    l_ascii = left.isascii() and left.isalnum()
    r_ascii = right.isascii() and right.isalnum()
    if l_ascii and r_ascii:
        return True  # "GDP per", "5G 基站"? -> ascii both sides only
    if _is_cjk(left) and _is_cjk(right):
        # a wide gap in a short line separates fields (区长    谭  庆); single spaces are layout (名 词 解 释)
        return len(run) >= 2 and line_len <= 60
    return False


def _line_segments(line: str, base: int) -> list[tuple[str, int]]:
    """Split a stripped line into kept segments (text, source start), dropping layout whitespace."""
    segs: list[tuple[str, int]] = []
    pos = 0
    n = len(line)
    for m in _SPACE_RUN_RE.finditer(line):
        s, e = m.span()
        if s > pos:
            segs.append((line[pos:s], base + pos))
        left = line[s - 1] if s > 0 else ""
        right = line[e] if e < n else ""
        if _keep_space(left, right, m.group(), n):
            segs.append((" ", base + s))
        pos = e
    if pos < n:
        segs.append((line[pos:], base + pos))
    return segs


def _drop_bold_marks(segs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The segments without their ``**`` marks (offsets of the kept characters unchanged)."""
    out: list[tuple[str, int]] = []
    for text, start in segs:
        pos = 0
        for m in re.finditer(r"\*\*", text):
            if m.start() > pos:
                out.append((text[pos:m.start()], start + pos))
            pos = m.end()
        if pos < len(text):
            out.append((text[pos:], start + pos))
    return out or [("", segs[0][1] if segs else 0)]


_HEADER_MAX = 40
_HEADER_MIN_REPEATS = 3


def _running_header_candidates(source: str) -> set[str]:
    """Short lines without punctuation that recur at least three times: running headers of a paginated
    document (a report's own lines do not recur so)."""
    counts: dict[str, int] = {}
    for line in source.split("\n"):
        t = line.strip()
        if 4 <= len(t) <= _HEADER_MAX and not any(c in _TERMINAL or c in "，,、" for c in t):
            counts[t] = counts.get(t, 0) + 1
    return {t for t, c in counts.items() if c >= _HEADER_MIN_REPEATS}


def _classify(stripped: str) -> str:
    if not stripped or _JUNK_RE.match(stripped):
        return "blank"
    if _BREAK_RE.match(stripped):
        return "break"
    compact = _SPACE_RUN_RE.sub("", stripped)
    if _FOOTER_RE.match(compact):
        return "footer"
    if len(stripped) <= 120 and (_CHROME_RE.search(stripped) or _SITE_NAME_RE.match(compact)):
        return "chrome"
    return "content"


_DELIVERY_START_RE = re.compile(r"^——\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年")


def _split_delivery_line(prev: str, line: str) -> bool:
    """"——2022年1月9日在…人民代表大会" + "第一次会议上": a title-page line broken in two."""
    return bool(_DELIVERY_START_RE.match(prev)) and not prev.endswith("上") and len(line) <= 20 and line.endswith("上")


def _is_heading(text: str) -> bool:
    """A standalone heading or title line: nothing is ever continued onto it."""
    return len(text) <= _HEADING_MAX and (bool(HEADING_START_RE.match(text)) or text.endswith("工作报告"))


def _ends_paragraph(text: str) -> bool:
    t = text.rstrip()
    return not t or t[-1] in _TERMINAL or t.endswith(("会议上", "上的报告"))


def _normalise_chars(text: str) -> str:
    """1:1 character normalisation of the joined clean text."""
    text = text.translate(_FW_TABLE)
    text = _RATIO_COLON_RE.sub(":", text)
    text = _FW_DOT_RE.sub(".", text)

    def punct(m: re.Match[str]) -> str:
        i = m.start()
        left = text[i - 1] if i > 0 else ""
        right = text[i + 1] if i + 1 < len(text) else ""
        if left.isascii() and left.isdigit() and right.isascii() and right.isdigit():
            return m.group()  # 1,234 / 10:30 / 0.5:36.2
        if (left.isascii() and left.isalpha()) and (not right or right == " " or right.isascii()):
            return m.group()  # English text
        return _HALF_TO_FULL[m.group()]

    text = _PUNCT_RE.sub(punct, text)

    def paren(m: re.Match[str]) -> str:
        s, e = m.span()
        inner = m.group(1)
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if _CJK_RE.search(inner) or _is_cjk(before) or _is_cjk(after) or before in "\n" or before == "":
            return f"（{inner}）"
        return m.group()

    return _PAREN_RE.sub(paren, text)


def clean_text(source: str) -> CleanText:
    """Clean ``source`` (already decoded, newlines normalised to ``\\n``)."""
    # 1. lines with their source offsets, classified
    paragraphs: list[list[tuple[str, int]]] = []   # each: list of (segment, source start)
    para_md: list[int] = []
    para_end_src: list[int] = []
    para_len: list[int] = []
    para_text: list[str] = []   # each paragraph's text so far (abridged once long: head + tail)
    removed: list[tuple[int, int, str]] = []
    pending_break = False  # a page break / footer since the last content line
    headers = _running_header_candidates(source)
    seen_headers: set[str] = set()
    pos = 0
    n = len(source)
    while pos <= n:
        nl = source.find("\n", pos)
        if nl < 0:
            nl = n
        raw = source[pos:nl]
        lstrip = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        kind = _classify(stripped)
        if kind == "content" and stripped in headers:
            # a running header (the report's title printed atop every page): after its first showing, where it
            # follows a page break, cuts a paragraph in two or is the title itself, it is page furniture
            if stripped in seen_headers and (pending_break or stripped.endswith("报告")
                                             or (paragraphs and not _ends_paragraph(para_text[-1]))):
                kind = "header"
            seen_headers.add(stripped)
        if kind in ("break", "footer", "chrome", "header"):
            removed.append((pos, nl, kind))
            if kind != "chrome":
                pending_break = True
        elif kind == "content":
            base = pos + lstrip
            md = 0
            m = _MD_HEADING_RE.match(stripped)
            if m and len(stripped) > m.end():
                md = len(m.group(1))
                base += m.end()
                stripped = stripped[m.end():]
            b = _BOLD_LINE_RE.match(stripped)
            if b:  # **一、2024年工作回顾** (Markdown / a web page converted): the marks are not text
                base += b.start(2)
                stripped = b.group(2)
            segs = _line_segments(stripped, base)
            if stripped.count("**") >= 2 and stripped.count("**") % 2 == 0:
                segs = _drop_bold_marks(segs)  # 加快**一是**… : inline bold marks, in pairs
            # A paragraph split by a page break (marker kept or lost): the previous paragraph stops mid-sentence.
            prev_text = para_text[-1] if paragraphs else ""
            joinable = bool(paragraphs) and md == 0 and para_md[-1] == 0 and (
                _split_delivery_line(prev_text, stripped)
                or (
                    (pending_break or para_len[-1] >= _MIN_SPLIT_LEN)
                    and not _ends_paragraph(prev_text)
                    and not _is_heading(prev_text)
                    and not HEADING_START_RE.match(stripped)
                )
            )
            if joinable:
                prev_last = paragraphs[-1][-1][0][-1]
                if prev_last.isascii() and prev_last.isalpha() and stripped[0].isascii() and stripped[0].isalpha():
                    paragraphs[-1].append((" ", pos - 1))  # the space stands for the line break between words
                # (a number cut by the break, 9|0个, joins without one)
                paragraphs[-1].extend(segs)
                para_end_src[-1] = base + len(stripped)
                para_len[-1] += len(stripped)
                if len(para_text[-1]) < _HEADING_MAX + 1:
                    para_text[-1] = "".join(seg for seg, _ in paragraphs[-1])
                else:  # only the head (heading test) and the tail (end punctuation) are ever looked at
                    para_text[-1] = para_text[-1][: _HEADING_MAX + 1] + stripped[-8:]
            else:
                paragraphs.append(segs)
                para_md.append(md)
                para_end_src.append(base + len(stripped))
                para_len.append(len(stripped))
                para_text.append("".join(seg for seg, _ in segs))
            pending_break = False
        pos = nl + 1

    # 2. join paragraphs with "\n", building the offset map segment by segment
    pieces: list[str] = []
    offsets = array("l")
    md_depth: dict[int, int] = {}
    length = 0
    for k, segs in enumerate(paragraphs):
        if k:
            pieces.append("\n")
            offsets.append(para_end_src[k - 1])
            length += 1
        if para_md[k]:
            md_depth[length] = para_md[k]
        for seg, start in segs:
            pieces.append(seg)
            offsets.extend(range(start, start + len(seg)))
            length += len(seg)
    offsets.append(n)
    text = _normalise_chars("".join(pieces))
    return CleanText(text=text, offsets=offsets, md_depth=md_depth, removed=removed)
