"""Extract the text of a .docx: one line per paragraph, in body order (tables where they sit).

Headings (style "Heading N" / "标题 N", or an outline level on the paragraph or its style chain) become
``"#" * N + " " + text``. Automatic list numbers (一、 （一） 1. ...) are rendered in front of the paragraph
so numbering typed by Word survives. Deleted revisions, field codes and text boxes are left out.
The zip is checked before python-docx opens it: damaged archives and zip bombs raise :class:`CorruptFile`.
"""
from __future__ import annotations

import logging
import re
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from viewer.core.errors import CorruptFile, UnsupportedFormat

log = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 200_000_000  # bytes, all entries together
MAX_RATIO = 100  # uncompressed / compressed, for any sizeable entry
MAX_ENTRIES = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_R, W_T, W_TBL = _W + "p", _W + "r", _W + "t", _W + "tbl"
W_VAL = _W + "val"

# block containers whose paragraphs belong to the body flow, in order
_CONTAINERS = {_W + t for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "txbx")}
_CONTAINERS |= {_MC + "AlternateContent", _MC + "Choice"}
# inside a paragraph: never descend into these
_SKIP_IN_P = {_W + t for t in ("pPr", "rPr", "del", "moveFrom", "drawing", "pict", "object", "txbxContent")}
_SKIP_IN_P |= {_MC + "Fallback"}

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def _check_zip(fp: BinaryIO, path: str | Path) -> None:
    try:
        with zipfile.ZipFile(fp) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except zipfile.BadZipFile:
        raise CorruptFile(path, "truncated or damaged .docx (not a valid zip archive)") from None
    except (OSError, EOFError, ValueError) as exc:
        raise CorruptFile(path, f"truncated or damaged .docx ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise CorruptFile(path, f"not a real .docx: the zip holds {len(infos)} entries")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        limit = MAX_UNCOMPRESSED // 1_000_000
        raise CorruptFile(
            path, f"the .docx would expand to {total / 1e6:.0f} MB (limit {limit} MB); possibly a zip bomb"
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise CorruptFile(
                path, f"{info.filename} is compressed {info.file_size // max(1, info.compress_size)}:1; "
                "possibly a zip bomb"
            )
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            raise UnsupportedFormat(path, "this is an Excel workbook, not a Word document")
        if "ppt/presentation.xml" in names:
            raise UnsupportedFormat(path, "this is a PowerPoint presentation, not a Word document")
        if "[Content_Types].xml" not in names:
            raise CorruptFile(path, "not a Word document (word/document.xml is missing)")


# ----------------------------------------------------------------------------------------- styles, numbering


def _style_info(document) -> tuple[dict[str, tuple[int, str | None, int]], str | None]:
    """Per paragraph style id: (heading level 1..9 or 0, numId or None, ilvl), resolved through basedOn;
    and the default paragraph style id."""
    try:
        styles_el = document.styles.element
    except Exception:  # noqa: BLE001 - a docx without styles.xml
        return {}, None
    raw: dict[str, tuple[str, str | None, int | None, tuple[str, int] | None]] = {}
    default_id: str | None = None
    for st in styles_el.iterchildren(_W + "style"):
        if st.get(_W + "type") not in (None, "paragraph"):
            continue
        sid = st.get(_W + "styleId") or ""
        name_el = st.find(_W + "name")
        based = st.find(_W + "basedOn")
        outline = st.find(f"{_W}pPr/{_W}outlineLvl")
        numpr = st.find(f"{_W}pPr/{_W}numPr")
        raw[sid] = (
            name_el.get(W_VAL, "") if name_el is not None else "",
            based.get(W_VAL) if based is not None else None,
            _int(outline.get(W_VAL)) if outline is not None else None,
            _num_pr(numpr) if numpr is not None else None,
        )
        if st.get(_W + "default") in ("1", "true"):
            default_id = sid

    resolved: dict[str, tuple[int, str | None, int]] = {}

    def resolve(sid: str, depth: int = 0) -> tuple[int, str | None, int]:
        if sid in resolved:
            return resolved[sid]
        if sid not in raw or depth > 20:
            return 0, None, 0
        name, based, outline, numpr = raw[sid]
        parent = resolve(based, depth + 1) if based else (0, None, 0)
        m = _HEADING_NAME.match(name.strip())
        if m:
            level = int(m.group(1))
        elif outline is not None:
            level = outline + 1 if 0 <= outline < 9 else 0
        else:
            level = parent[0]
        num_id, ilvl = numpr if numpr is not None else (parent[1], parent[2])
        resolved[sid] = (level, num_id, ilvl)
        return resolved[sid]

    for sid in raw:
        resolve(sid)
    return resolved, default_id


def _num_pr(numpr) -> tuple[str, int]:
    nid, lvl = numpr.find(_W + "numId"), numpr.find(_W + "ilvl")
    num_id = nid.get(W_VAL, "") if nid is not None else ""
    return num_id, (_int(lvl.get(W_VAL), 0) if lvl is not None else 0) or 0


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, value)
        if digit:
            out += ("" if (unit == "十" and digit == 1 and not out) else _CN_DIGITS[digit]) + unit
        elif out and n:
            out += "" if out.endswith("零") else "零"
    return out + (_CN_DIGITS[n] if n else "")


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _letters(n: int) -> str:
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" else str(n)
    if fmt.startswith("chinese") or fmt in ("ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Numbering:
    """Renders automatic list numbers (``w:numPr``) the way Word shows them, for the common formats."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, lvlText, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iterchildren(_W + "abstractNum"):
            abstract[an.get(_W + "abstractNumId", "")] = self._read_levels(an)
        for num in root.iterchildren(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            levels = dict(abstract.get(ref.get(W_VAL, "") if ref is not None else "", {}))
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0) or 0
                lvl_el = override.find(_W + "lvl")
                if lvl_el is not None:
                    levels.update(self._read_levels(override))
                start = override.find(_W + "startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start.get(W_VAL), 1) or 1)
            self.levels[num.get(_W + "numId", "")] = levels

    @staticmethod
    def _read_levels(parent) -> dict[int, tuple[str, str, int]]:
        out: dict[int, tuple[str, str, int]] = {}
        for lvl in parent.iterchildren(_W + "lvl"):
            ilvl = _int(lvl.get(_W + "ilvl"), 0) or 0
            fmt_el, text_el = lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText")
            start_el = lvl.find(_W + "start")
            out[ilvl] = (
                fmt_el.get(W_VAL, "decimal") if fmt_el is not None else "decimal",
                text_el.get(W_VAL, "") if text_el is not None else "",
                (_int(start_el.get(W_VAL), 1) if start_el is not None else 1) or 0,
            )
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none") or not text:
            return ""

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lfmt, _, lstart = levels.get(k, ("decimal", "", 1))
            return _format_number(counters.get(k, lstart), fmt if k == ilvl else lfmt)

        return re.sub(r"%([1-9])", sub, text)


# ----------------------------------------------------------------------------------------- body walk


def _paragraphs(el) -> Iterator:
    for child in el.iterchildren():
        tag = child.tag
        if tag == W_P:
            yield child
        elif tag in _CONTAINERS:
            yield from _paragraphs(child)


def _run_text(run, out: list[str]) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == W_T:
            out.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            out.append("\n" if child.get(_W + "type") in (None, "textWrapping") else "")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")


def _paragraph_text(p, out: list[str]) -> None:
    for child in p.iterchildren():
        tag = child.tag
        if tag == W_R:
            _run_text(child, out)
        elif tag not in _SKIP_IN_P and isinstance(tag, str):
            _paragraph_text(child, out)


def _damage(exc: Exception) -> str:
    """A plain-language reason for what python-docx / lxml / zipfile raised on a damaged file."""
    from lxml import etree

    if isinstance(exc, etree.XMLSyntaxError):
        if "amplification" in str(exc) or "entit" in str(exc).lower():
            return "damaged .docx (its XML expands entities without limit; possibly an XML bomb)"
        return "damaged .docx (a part of it is not well-formed XML)"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError, OSError)):
        return "damaged .docx (a part of the archive is corrupt)"
    return "damaged .docx (its parts do not fit together as a Word document)"


def read_docx(fp: BinaryIO, path: str | Path) -> str:
    """The text of a .docx file object: one paragraph per line, headings as ``#``-prefixed lines."""
    _check_zip(fp, path)
    fp.seek(0)
    import docx  # python-docx

    try:
        document = docx.Document(fp)
    except KeyError as exc:
        raise CorruptFile(path, f"damaged .docx (missing part {exc})") from None
    except ValueError as exc:
        if "content type" in str(exc):
            reason = "not a Word document (the archive holds another kind of file)"
            raise UnsupportedFormat(path, reason) from None
        raise CorruptFile(path, f"damaged .docx ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml XMLSyntaxError, PackageNotFoundError, zlib errors ...
        log.debug("python-docx could not open %s", path, exc_info=True)
        raise CorruptFile(path, _damage(exc)) from None

    styles, default_style = _style_info(document)
    numbering = _Numbering(document)
    lines: list[str] = []
    for p in _paragraphs(document.element.body):
        ppr = p.find(_W + "pPr")
        pstyle = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = pstyle.get(W_VAL) if pstyle is not None else default_style
        level, num_id, ilvl = styles.get(style_id or "", (0, None, 0))
        if ppr is not None:
            outline = ppr.find(_W + "outlineLvl")
            if outline is not None:
                value = _int(outline.get(W_VAL), 9)
                level = value + 1 if value is not None and 0 <= value < 9 else 0
            numpr = ppr.find(_W + "numPr")
            if numpr is not None:
                pid, pilvl = _num_pr(numpr)
                num_id = pid or num_id
                ilvl = pilvl if numpr.find(_W + "ilvl") is not None else ilvl
        parts: list[str] = []
        _paragraph_text(p, parts)
        text = "".join(parts)
        if not text.strip():
            continue
        if num_id and num_id != "0":
            label = numbering.label(num_id, ilvl)
            if label:
                sep = " " if label[-1].isascii() and label[-1].isalnum() else ""
                text = label + sep + text.lstrip()
        if level:
            lines.append("#" * min(level, 6) + " " + " ".join(text.split()))
        else:
            lines.append(text)
    return "\n".join(lines)
