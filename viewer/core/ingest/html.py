"""Extract the main text of a saved web page (a report published on a government site).

1. Heavy inline payloads are cut from the raw bytes first (script/style/svg blocks, comments, long
   ``data:`` URIs), so a page with a 25 MB inline image stays cheap to parse.
2. Bytes are decoded honouring a BOM or ``<meta charset>``, falling back to :func:`decode_bytes`.
3. Never-content elements are removed (script, style, forms' widgets, iframes, hidden elements ...).
4. The main container is the element with the most Chinese text in its own text and its paragraph-like
   children (``<p>``, leaf ``<div>`` ...); link text does not count and nav/header/footer/aside are
   never candidates. Names such as ``content`` / ``zoom`` / ``TRS_Editor`` are not relied on.
5. Inside it, block elements become lines (``<hN>`` as ``"#" * N + " " + text``), inline text stays
   together, whitespace runs collapse, lines are stripped.
"""
from __future__ import annotations

import re
from pathlib import Path

from viewer.core.errors import CorruptFile, EmptyDocument
from viewer.core.ingest.text import decode_bytes, is_plausible

_HEAVY_BLOCKS = (b"script", b"style", b"svg", b"noscript", b"template", b"textarea")
_DATA_URI = re.compile(rb"data:[^\"'\s>)]{256,}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""", re.IGNORECASE)

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "frame", "frameset", "head", "select",
    "option", "button", "input", "textarea", "object", "embed", "canvas", "audio", "video", "map", "img",
    "link", "meta", "math",
)
_CHROME_TAGS = frozenset(("nav", "header", "footer", "aside", "form", "menu", "dialog"))
_BLOCK_TAGS = frozenset((
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "section", "article", "table", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption", "main",
    "hr", "caption", "tbody", "thead", "tfoot", "body", "html", "fieldset", "legend", "details", "summary",
))
_CONTAINER_TAGS = frozenset(
    ("div", "section", "article", "main", "td", "body", "form", "center", "font", "span")
)
_PARA_TAGS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "font", "strong", "b", "em", "i", "u", "blockquote",
    "pre", "center", "li", "ol", "ul", "table", "tbody", "tr", "td", "dl", "dd", "dt",
))
_LEAF_BLOCKS = frozenset(
    ("p", "div", "section", "article", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6")
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# class/id hints: they scale a candidate's score, they do not decide alone
_GOOD_NAMES = re.compile(
    r"content|article|zoom|trs_editor|main|text|detail|body|editor|news|wenzhang|zw", re.I
)
_BAD_NAMES = re.compile(
    r"nav|menu|foot|head|breadcrumb|crumb|share|side|copyright|position|location|info|meta|related|link|"
    r"banner|toolbar|comment|login|search|tab|bottom|top",
    re.I,
)
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_CODEC_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
    "gb18030": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-big5": "big5hkscs",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-8", "iso-8859-1": "cp1252", "latin1": "cp1252",
}


# ----------------------------------------------------------------------------------------- bytes level


def strip_heavy(data: bytes) -> bytes:
    """Cut ``<script>``/``<style>``/``<svg>``... blocks, comments and long ``data:`` URIs from raw HTML.

    Linear time (``bytes.find`` on a lower-cased copy, no backtracking regex); an unclosed block runs to
    the end of the file, as a browser would treat it.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\0" in data[:4096]:
        return data  # UTF-16/32: not ASCII-compatible, leave it to the parser
    data = _DATA_URI.sub(b"data:,", data)  # first: the biggest payloads go before any copy is made
    lower = data.lower()
    out: list[bytes] = []
    pos = 0
    n = len(data)
    while pos < n:
        lt = lower.find(b"<", pos)
        if lt < 0:
            break
        end_marker = None
        if lower.startswith(b"<!--", lt):
            end_marker = b"-->"
        else:
            for tag in _HEAVY_BLOCKS:
                if lower.startswith(tag, lt + 1):
                    after = lower[lt + 1 + len(tag) : lt + 2 + len(tag)]
                    if after in (b">", b" ", b"\t", b"\n", b"\r", b"/"):
                        end_marker = b"</" + tag
                    break
        if end_marker is None:
            out.append(data[pos : lt + 1])
            pos = lt + 1
            continue
        out.append(data[pos:lt])
        close = lower.find(end_marker, lt + 4)
        if close < 0:
            pos = n
            break
        gt = lower.find(b">", close) if end_marker != b"-->" else close + 2
        pos = n if gt < 0 else gt + 1
    out.append(data[pos:])
    return b"".join(out)


def _declared_codec(head: bytes) -> str | None:
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return _CODEC_ALIASES.get(name, name)


def decode_html(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode HTML bytes: BOM, else the declared charset if it decodes cleanly, else :func:`decode_bytes`."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, path)
    codec = _declared_codec(data[:4096])
    if codec:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and is_plausible(text):
            name = {"big5hkscs": "big5", "cp1252": "windows-1252"}.get(codec, codec)
            return text.replace("\r\n", "\n").replace("\r", "\n"), name
    return decode_bytes(data, path)


# ----------------------------------------------------------------------------------------- tree level


def _drop(el) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _prune(root) -> None:
    from lxml import etree

    doomed = list(root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity))
    doomed += list(root.iter(*_DROP_TAGS))
    for el in root.iter(etree.Element):
        if el.get("hidden") is not None or (el.get("style") and _HIDDEN_STYLE.search(el.get("style", ""))):
            doomed.append(el)
    for el in doomed:
        _drop(el)


def _cjk(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _main_container(root):
    """The element holding the report: most Chinese text in its own text + paragraph-like children."""
    from lxml import etree

    elements = list(root.iter(etree.Element))
    sub: dict = {}  # element -> Chinese characters in its subtree, without link text
    has_block: dict = {}  # element -> has block descendants
    own: dict = {}
    for el in reversed(elements):  # children before parents
        tag = _tag(el)
        own_count = _cjk(el.text) + sum(_cjk(c.tail) for c in el)
        total = own_count
        block = False
        for c in el:
            ctag = _tag(c)
            if ctag not in ("a",) and ctag not in _CHROME_TAGS:
                total += sub.get(c, 0)
            block = block or ctag in _LEAF_BLOCKS or has_block.get(c, False)
        own[el] = own_count if tag != "a" else 0
        sub[el] = total if tag != "a" else 0
        has_block[el] = block

    def in_chrome(el) -> bool:
        return any(_tag(a) in _CHROME_TAGS - {"form"} for a in el.iterancestors())

    best, best_score = None, 0
    for el in elements:
        if _tag(el) not in _CONTAINER_TAGS:
            continue
        score: float = own[el]
        for c in el:
            ctag = _tag(c)
            if ctag in _PARA_TAGS:
                score += sub.get(c, 0)
            elif ctag in ("div", "section") and not has_block.get(c, False):
                score += sub.get(c, 0) / 2  # a leaf div may be a paragraph, or a bar of the page
        if not score:
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if _GOOD_NAMES.search(names):
            score *= 1.5
        elif _BAD_NAMES.search(names):
            score *= 0.3
        if score > best_score and not in_chrome(el):
            best, best_score = el, score
    if best is None:
        bodies = root.xpath("//body")
        best = bodies[0] if bodies else root
    return best


def _lines(container) -> list[str]:
    from lxml import etree

    for el in list(container.iter(*_CHROME_TAGS)):
        if el is not container:
            _drop(el)
    lines: list[str] = []
    buf: list[str] = []
    heading = 0
    pre = 0

    def flush() -> None:
        line = " ".join("".join(buf).split())
        buf.clear()
        if line:
            lines.append(("#" * heading + " " + line) if heading else line)

    def add(text: str | None) -> None:
        if not text:
            return
        if pre and "\n" in text:
            parts = text.split("\n")
            for part in parts[:-1]:
                buf.append(part)
                flush()
            buf.append(parts[-1])
        else:
            buf.append(text)

    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if tag in _HEADINGS and not heading:
                flush()
                heading = _HEADINGS[tag]
            elif tag in _BLOCK_TAGS and not heading:
                flush()
            elif tag in ("td", "th"):
                buf.append(" ")
            if tag == "pre":
                pre += 1
            add(el.text)
        else:
            if tag in _HEADINGS and heading == _HEADINGS[tag]:
                flush()
                heading = 0
            elif tag in _BLOCK_TAGS and not heading:
                flush()
            if tag == "pre":
                pre -= 1
            if el is not container:
                add(el.tail)
    flush()
    return lines


def read_html(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Main text of an HTML page (one block per line) and the encoding it was read with."""
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(strip_heavy(data), path)
    del data
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    # control characters XML does not allow: libxml2's HTML parser keeps them in the tree, but lxml refuses
    # them when text is set again (when an element is dropped and its tail moves), and they are not text
    text = _XML_INCOMPATIBLE.sub(" ", text)
    if not text.strip():
        raise EmptyDocument(path, "file contains only whitespace")
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except etree.ParserError as exc:  # "Document is empty"
        raise EmptyDocument(path, f"no text found in the HTML page ({exc})") from None
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptFile(path, f"cannot parse the HTML ({exc})") from None
    del text
    _prune(root)
    lines = _lines(_main_container(root))
    if not lines:
        raise EmptyDocument(path, "no main text found in the HTML page")
    return "\n".join(lines), encoding
