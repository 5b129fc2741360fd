"""Finish a PDF written by Qt's ``QPdfWriter`` with one incremental update appended to the file.

Qt 6.10 writes no document outline and no internal links, and its ToUnicode maps send some glyphs to the wrong
characters: it maps each glyph to the *lowest* code point the font draws with it, and CJK fonts draw a Kangxi
radical and its ideograph with one glyph (U+2F2F ⼯ / U+5DE5 工, U+2ED3 ⻓ / U+957F 长), so copied or searched text
would read "⼯作" where the page shows 工作. This module appends, without rewriting anything Qt wrote:

- the outline (bookmarks) and ``/PageMode /UseOutlines`` in a new version of the catalog;
- link annotations (table-of-contents entries that jump to their page) in new versions of the pages' /Annots;
- corrected ToUnicode maps (the caller says which character each wrong one stands for);
- the subset tag on the fonts' /BaseFont (Qt embeds subsets but tags only the descriptor), so tools report them
  as subsets.

It reads the shape Qt writes (a classic cross-reference table, uncompressed dictionaries) and raises
``PdfFixupError`` for anything else. Pure Python, no Qt: positions are in PDF points from the page's top-left.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence


class PdfFixupError(Exception):
    """The file is not shaped as expected (not written by QPdfWriter, or truncated)."""


@dataclass(frozen=True, slots=True)
class OutlineItem:
    title: str
    page: int                                   # 0-based page index
    y: float                                    # points from the top of the page
    children: tuple[OutlineItem, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkArea:
    page: int                                   # the page the link sits on
    rect: tuple[float, float, float, float]     # x0, top, x1, bottom in points from the page's top-left
    target_page: int
    target_y: float


UnicodeFix = Callable[[str], "str | None"]      # mapped text -> the text it stands for (None: keep)

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_REF = rb"(\d+)\s+0\s+R"


class _Pdf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        found = re.findall(rb"startxref\s+(\d+)", data[-2048:])
        if not found:
            raise PdfFixupError("no startxref (truncated file?)")
        self.startxref = int(found[-1])
        self.offsets: dict[int, int] = {}
        self.trailer = self._read_xref(self.startxref)
        self.size = int(self._get(self.trailer, rb"/Size\s+(\d+)", "trailer /Size"))
        self.new: dict[int, bytes] = {}

    def _read_xref(self, pos: int) -> bytes:
        data = self.data
        if data[pos:pos + 4] != b"xref":
            raise PdfFixupError("cross-reference stream or bad startxref (not a QPdfWriter file?)")
        i = pos + 4
        end = data.index(b"trailer", i)
        lines = data[i:end].split(b"\n")
        obj = 0
        for line in lines:
            parts = line.split()
            if len(parts) == 2:
                obj = int(parts[0])
            elif len(parts) == 3:
                if parts[2] == b"n" and obj not in self.offsets:
                    self.offsets[obj] = int(parts[0])
                obj += 1
        t_end = data.index(b"startxref", end)
        trailer = data[end + 7:t_end]
        prev = re.search(rb"/Prev\s+(\d+)", trailer)
        if prev:
            self._read_xref(int(prev.group(1)))
        return trailer

    @staticmethod
    def _get(blob: bytes, pattern: bytes, what: str) -> bytes:
        m = re.search(pattern, blob)
        if not m:
            raise PdfFixupError(f"missing {what}")
        return m.group(1)

    def obj(self, num: int) -> bytes:
        """The object's body between ``n 0 obj`` and ``endobj`` (stream data included)."""
        if num in self.new:
            return self.new[num]
        pos = self.offsets.get(num)
        if pos is None:
            raise PdfFixupError(f"object {num} not in the cross-reference table")
        m = _OBJ.match(self.data, pos)
        if not m or int(m.group(1)) != num:
            raise PdfFixupError(f"object {num}: bad offset")
        stream = self.data.find(b"stream", m.end())
        end = self.data.find(b"endobj", m.end())
        if 0 <= stream < end:  # skip the stream data, which may contain "endobj"
            length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", self.data[m.end():stream])
            if length and not length.group(2):
                data_start = stream + 6 + (2 if self.data[stream + 6:stream + 8] == b"\r\n" else 1)
                end = self.data.find(b"endobj", data_start + int(length.group(1)))
        return self.data[m.end():end].strip()

    def add(self, body: bytes) -> int:
        num = self.size
        self.size += 1
        self.new[num] = body
        return num

    def replace(self, num: int, body: bytes) -> None:
        self.new[num] = body

    def stream_data(self, num: int) -> bytes:
        body = self.obj(num)
        head, _, rest = body.partition(b"stream")
        rest = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
        if length is None:
            raise PdfFixupError(f"object {num}: stream without /Length")
        if length.group(2):
            n = int(self.obj(int(length.group(1))).strip())
        else:
            n = int(length.group(1))
        raw = rest[:n]
        return zlib.decompress(raw) if b"/FlateDecode" in head else raw

    def root(self) -> int:
        return int(self._get(self.trailer, rb"/Root\s+" + _REF, "trailer /Root"))

    def pages(self) -> list[int]:
        catalog = self.obj(self.root())
        out: list[int] = []

        def walk(num: int) -> None:
            body = self.obj(num)
            if re.search(rb"/Type\s*/Pages\b", body):
                kids = self._get(body, rb"/Kids\s*\[([^\]]*)\]", f"/Kids of object {num}")
                for k in re.findall(_REF, kids):
                    walk(int(k))
            else:
                out.append(num)

        walk(int(self._get(catalog, rb"/Pages\s+" + _REF, "catalog /Pages")))
        return out

    def page_height(self, page: int) -> float:
        box = self._get(self.obj(page), rb"/MediaBox\s*\[([^\]]*)\]", f"/MediaBox of page object {page}")
        return float(box.split()[3])

    def write(self) -> bytes:
        """The incremental update: new objects, an xref section for them, a trailer pointing at the old one."""
        out = bytearray()
        base = len(self.data) + (0 if self.data.endswith(b"\n") else 1)
        prefix = b"" if self.data.endswith(b"\n") else b"\n"
        entries: dict[int, int] = {}
        for num in sorted(self.new):
            entries[num] = base + len(out)
            out += b"%d 0 obj\n" % num + self.new[num] + b"\nendobj\n"
        xref_pos = base + len(out)
        out += b"xref\n"
        nums = sorted(entries)
        i = 0
        while i < len(nums):  # contiguous subsections
            j = i
            while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
                j += 1
            out += b"%d %d\n" % (nums[i], j - i + 1)
            for num in nums[i:j + 1]:
                out += b"%010d 00000 n \n" % entries[num]
            i = j + 1
        keep = b"".join(m.group(0) + b"\n" for m in re.finditer(
            rb"/(?:Info\s+\d+\s+0\s+R|ID\s*\[[^\]]*\])", self.trailer))
        out += (b"trailer\n<<\n/Size %d\n/Root %d 0 R\n" % (self.size, self.root()) + keep
                + b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (self.startxref, xref_pos))
        return prefix + bytes(out)


# -- strings ---------------------------------------------------------------------------------------------------
def pdf_text(text: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte-order mark, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _fmt(x: float) -> bytes:
    return (b"%.2f" % x).rstrip(b"0").rstrip(b".") or b"0"


# -- outline ---------------------------------------------------------------------------------------------------
def _add_outline(pdf: _Pdf, items: Sequence[OutlineItem], pages: list[int]) -> int:
    root = pdf.add(b"")

    def dest(item: OutlineItem) -> bytes:
        page = pages[max(0, min(item.page, len(pages) - 1))]
        top = pdf.page_height(page) - item.y
        return b"[%d 0 R /XYZ null %s null]" % (page, _fmt(top))

    def build(parent: int, children: Sequence[OutlineItem]) -> tuple[int, int, int]:
        """Objects for ``children`` under ``parent``: (first, last, number of visible descendants)."""
        nums = [pdf.add(b"") for _ in children]
        count = 0
        for k, (num, item) in enumerate(zip(nums, children)):
            parts = [b"<<\n/Title " + pdf_text(item.title), b"/Parent %d 0 R" % parent, b"/Dest " + dest(item)]
            if k > 0:
                parts.append(b"/Prev %d 0 R" % nums[k - 1])
            if k + 1 < len(nums):
                parts.append(b"/Next %d 0 R" % nums[k + 1])
            if item.children:
                first, last, n = build(num, item.children)
                # negative count: closed below the top level, so a reader opens on the main sections
                parts.append(b"/First %d 0 R\n/Last %d 0 R\n/Count %d" % (first, last, -len(item.children)))
            pdf.replace(num, b"\n".join(parts) + b"\n>>")
            count += 1
        return nums[0], nums[-1], count

    if items:
        first, last, count = build(root, items)
        pdf.replace(root, b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>" % (first, last, count))
    else:
        pdf.replace(root, b"<<\n/Type /Outlines\n/Count 0\n>>")
    return root


def _set_catalog(pdf: _Pdf, outlines: int | None) -> None:
    num = pdf.root()
    body = pdf.obj(num)
    body = re.sub(rb"/(?:Outlines\s+\d+\s+0\s+R|PageMode\s*/\w+)\s*", b"", body)
    end = body.rindex(b">>")
    extra = b"/Outlines %d 0 R\n/PageMode /UseOutlines\n" % outlines if outlines is not None else b""
    pdf.replace(num, body[:end] + extra + body[end:])


# -- links -----------------------------------------------------------------------------------------------------
def _add_links(pdf: _Pdf, links: Sequence[LinkArea], pages: list[int]) -> None:
    by_page: dict[int, list[int]] = {}
    for link in links:
        if not (0 <= link.page < len(pages)):
            continue
        page = pages[link.page]
        target = pages[max(0, min(link.target_page, len(pages) - 1))]
        h = pdf.page_height(page)
        x0, top, x1, bottom = link.rect
        annot = (b"<<\n/Type /Annot\n/Subtype /Link\n/Rect [%s %s %s %s]\n/Border [0 0 0]\n"
                 b"/Dest [%d 0 R /XYZ null %s null]\n>>"
                 % (_fmt(x0), _fmt(h - bottom), _fmt(x1), _fmt(h - top), target,
                    _fmt(pdf.page_height(target) - link.target_y)))
        by_page.setdefault(page, []).append(pdf.add(annot))
    for page, annots in by_page.items():
        refs = b" ".join(b"%d 0 R" % a for a in annots)
        body = pdf.obj(page)
        m = re.search(rb"/Annots\s+" + _REF, body)
        if m:  # Qt: an array object per page
            num = int(m.group(1))
            old = pdf.obj(num).strip()
            if not (old.startswith(b"[") and old.endswith(b"]")):
                raise PdfFixupError(f"object {num}: /Annots is not an array")
            pdf.replace(num, old[:-1].rstrip() + b" " + refs + b" ]")
            continue
        m = re.search(rb"/Annots\s*\[([^\]]*)\]", body)
        if m:
            body = body[:m.start()] + b"/Annots [" + m.group(1) + b" " + refs + b"]" + body[m.end():]
        else:
            end = body.rindex(b">>")
            body = body[:end] + b"/Annots [" + refs + b"]\n" + body[end:]
        pdf.replace(page, body)


# -- fonts -----------------------------------------------------------------------------------------------------
def parse_cmap(text: str) -> dict[int, str]:
    """The code -> text pairs of a ToUnicode CMap (bfchar and bfrange, both range forms)."""
    mapping: dict[int, str] = {}
    for block in re.finditer(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block.group(1)):
            mapping[int(src, 16)] = _utf16(dst)
    for block in re.finditer(r"beginbfrange(.*?)endbfrange", text, re.S):
        for m in re.finditer(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block.group(1)):
            lo, hi = int(m.group(1), 16), int(m.group(2), 16)
            if m.group(3).startswith("["):
                for k, v in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", m.group(3))):
                    mapping[lo + k] = _utf16(v)
            else:
                units = bytearray(bytes.fromhex(m.group(3)[1:-1]))
                for code in range(lo, hi + 1):
                    mapping[code] = bytes(units).decode("utf-16-be", "replace")
                    if len(units) >= 2:  # the last code unit counts up
                        last = int.from_bytes(units[-2:], "big") + 1
                        units[-2:] = (last & 0xFFFF).to_bytes(2, "big")
    return mapping


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", "replace")


def build_cmap(mapping: dict[int, str], codespace: str = "<0000> <FFFF>") -> bytes:
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", codespace, "endcodespacerange"]
    pairs = [(code, text) for code, text in sorted(mapping.items()) if text and text != "\x00"]
    for i in range(0, len(pairs), 100):
        chunk = pairs[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]
    return "\n".join(lines).encode("ascii")


def _fix_fonts(pdf: _Pdf, fix: UnicodeFix | None) -> int:
    """Fix ToUnicode maps and /BaseFont subset tags; returns how many code mappings changed."""
    changed = 0
    seen: set[int] = set()
    for m in re.finditer(rb"/ToUnicode\s+" + _REF, pdf.data):
        num = int(m.group(1))
        if num in seen or fix is None:
            continue
        seen.add(num)
        text = pdf.stream_data(num).decode("latin-1")
        mapping = parse_cmap(text)
        n = 0
        for code, value in mapping.items():
            better = fix(value)
            if better and better != value:
                mapping[code] = better
                n += 1
        if n:
            space = re.search(r"begincodespacerange\s*(.*?)\s*endcodespacerange", text, re.S)
            data = zlib.compress(build_cmap(mapping, space.group(1) if space else "<0000> <FFFF>"))
            pdf.replace(num, b"<<\n/Length %d\n/Filter /FlateDecode\n>>\nstream\n" % len(data) + data
                        + b"\nendstream")
            changed += n
    _tag_subsets(pdf)
    return changed


def _objects_with(pdf: _Pdf, needle: bytes) -> list[int]:
    """Numbers of the objects whose text (before any stream) contains ``needle``."""
    out = []
    data = pdf.data
    for num, pos in sorted(pdf.offsets.items()):
        start = pos
        ends = [i for i in (data.find(b"stream", start), data.find(b"endobj", start)) if i >= 0]
        if ends and data.find(needle, start, min(ends)) >= 0:
            out.append(num)
    return out


def _tag_subsets(pdf: _Pdf) -> None:
    """Copy the descriptor's ``ABCDEF+Name`` onto the Type0 and CIDFont dictionaries that name ``Name``."""
    for type0 in _objects_with(pdf, b"/DescendantFonts"):
        m = re.search(rb"/DescendantFonts\s*\[\s*" + _REF + rb"\s*\]", pdf.obj(type0))
        if m is None:
            continue
        cid = int(m.group(1))
        try:
            cid_body = pdf.obj(cid)
            desc = re.search(rb"/FontDescriptor\s+" + _REF, cid_body)
            if desc is None:
                continue
            name = re.search(rb"/FontName\s*/([A-Z]{6}\+[^\s/<>\[\]()]+)", pdf.obj(int(desc.group(1))))
            if name is None:
                continue
            tagged = name.group(1)
            plain = tagged[7:]
            for num in (type0, cid):
                body = pdf.obj(num)
                new = re.sub(rb"/BaseFont\s*/" + re.escape(plain) + rb"(?=[\s/>])", b"/BaseFont /" + tagged, body)
                if new != body:
                    pdf.replace(num, new)
        except PdfFixupError:
            continue


# -- entry points -----------------------------------------------------------------------------------------------
def finish_pdf(path: str | Path, *, outline: Sequence[OutlineItem] = (), links: Sequence[LinkArea] = (),
               unicode_fix: UnicodeFix | None = None) -> int:
    """Append the outline, links and font fixes to the PDF at ``path``. Returns the number of ToUnicode
    mappings corrected."""
    path = Path(path)
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise PdfFixupError("not a PDF file")
    pdf = _Pdf(data)
    pages = pdf.pages()
    outlines = _add_outline(pdf, outline, pages) if outline else None
    _set_catalog(pdf, outlines)
    if links:
        _add_links(pdf, links, pages)
    changed = _fix_fonts(pdf, unicode_fix)
    with path.open("ab") as fh:
        fh.write(pdf.write())
    return changed


def page_count(path: str | Path) -> int:
    """Number of pages of a PDF written by QPdfWriter (and finished here)."""
    return len(_Pdf(Path(path).read_bytes()).pages())
