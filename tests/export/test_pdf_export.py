"""PDF export of real comparisons: opened with pypdf and rendered with pdftoppm, not trusted on its word."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from viewer.core.comparison import compare_reports
from viewer.core.loader import load_report
from viewer.core.tokenize import Tokenizer
from viewer.export import pdf_font
from viewer.export.pdf import ExportCancelled, ExportError, FontMissing, export_comparison_pdf, find_cjk_font
from viewer.ui.compare_model import STYLES
from viewer.ui.labels import section_label

from tests.conftest import CORPUS


def _compare(*names: str):
    reports = [load_report(CORPUS / f"{n}.txt") for n in names]
    return compare_reports(reports, Tokenizer())


@pytest.fixture(scope="module")
def pair(qapp):  # qapp first: a QApplication, so widget tests after this module still work
    return _compare("yubei-2022", "yubei-2024")


@pytest.fixture(scope="module")
def pair_pdf(pair, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "yubei.pdf"
    calls: list[tuple[int, int]] = []
    assert export_comparison_pdf(pair, out, progress=lambda d, t: calls.append((d, t))) == out
    return out, calls


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def outline_titles(reader: PdfReader) -> list[str]:
    out: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)
    walk(reader.outline)
    return out


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont -> whether its program is embedded, over all pages (Type0 fonts through their descendant)."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            desc_font = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            desc = desc_font.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_pdf_opens_and_holds_both_reports_section_titles(pair, pair_pdf):
    out, _calls = pair_pdf
    reader = PdfReader(out)
    text = squash("".join(page.extract_text() for page in reader.pages))
    for report in pair.alignment.reports:
        titles = [section_label(s) for s in report.sections if s.title]
        titles += [section_label(c) for s in report.sections for c in s.children if c.title and c.number != "——"]
        assert len(titles) > 10
        missing = [t for t in titles if squash(t) not in text]
        assert not missing, f"{report.name}: section titles not in the PDF text: {missing}"
    # a sentence from the body of each report, as text (searchable, copyable), not only headings
    for report in pair.alignment.reports:
        para = report.sections[2].children[1].paragraphs[0] if report.sections[2].children else None
        sample = report.text[para.start:para.start + 30] if para else report.text[1000:1030]
        assert squash(sample) in text


def test_pdf_has_embedded_cjk_font_and_sane_pages(pair, pair_pdf):
    out, _ = pair_pdf
    reader = PdfReader(out)
    family = squash(find_cjk_font())
    fonts = embedded_fonts(reader)
    cjk = {name: emb for name, emb in fonts.items() if family.casefold() in name.replace("-", "").casefold()
           or "CJK" in name or "Han" in name}
    assert cjk and all(cjk.values()), fonts
    assert all(fonts.values()), f"every font embedded: {fonts}"
    # pdffonts agrees: every font is embedded (emb column "yes")
    if shutil.which("pdffonts"):
        lines = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert lines and all(line.split()[-5] == "yes" for line in lines), lines
    chars = sum(len(r.text) for r in pair.alignment.reports)
    n = len(reader.pages)
    assert 3 + chars / 4000 <= n <= 3 + chars / 600, (n, chars)   # title, contents, then body pages
    box = reader.pages[0].mediabox
    assert float(box.width) < float(box.height)          # two reports: A4 portrait
    assert abs(float(box.width) - 595) < 2


def test_outline_title_page_header_and_page_numbers(pair, pair_pdf):
    out, calls = pair_pdf
    reader = PdfReader(out)
    titles = outline_titles(reader)
    a, b = pair.alignment.reports
    for s in a.sections:
        if s.title:
            assert any(t.startswith(section_label(s)) for t in titles), section_label(s)
    # the moved year-plan section is a bookmark naming both headings
    assert any("↔" in t and "（一）以创新驱动为引领" in t and "（四）" in t for t in titles)
    first = squash(reader.pages[0].extract_text())
    for word in ("渝北区2022", "渝北区2024", "yubei-2022.txt", "yubei-2024.txt"):
        assert word in first
    n = len(reader.pages)
    for i in (0, n // 2, n - 1):
        assert f"第{i + 1}页/共{n}页" in squash(reader.pages[i].extract_text())
    body = squash(reader.pages[n // 2].extract_text())
    assert "渝北区2022" in body and "渝北区2024" in body        # running header names the columns
    # progress went forward to the end
    assert calls and calls[-1][0] == calls[-1][1] and [d for d, _ in calls] == sorted(d for d, _ in calls)


def _pixels_like(png: Path, rgb: tuple[int, int, int], tol: int = 6) -> int:
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    count = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = img.pixelColor(x, y)
            if abs(c.red() - rgb[0]) <= tol and abs(c.green() - rgb[1]) <= tol and abs(c.blue() - rgb[2]) <= tol:
                count += 1
    return count


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_highlight_kinds_option_changes_what_is_drawn(pair, pair_pdf, tmp_path):
    out, _ = pair_pdf
    plain = tmp_path / "plain.pdf"
    export_comparison_pdf(pair, plain, kinds=())
    assert len(PdfReader(plain).pages) == len(PdfReader(out).pages)
    green = tuple(int(STYLES["insert"][0][i:i + 2], 16) for i in (1, 3, 5))
    red = tuple(int(STYLES["delete"][0][i:i + 2], 16) for i in (1, 3, 5))
    page = len(PdfReader(out).pages) // 2
    for pdf, stem in ((out, "hl"), (plain, "plain")):
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), str(pdf),
                        str(tmp_path / stem)], check=True)
    hl, pl = (next(tmp_path.glob(f"{stem}-*.png")) for stem in ("hl", "plain"))
    assert _pixels_like(hl, green) + _pixels_like(hl, red) > 300
    assert _pixels_like(pl, green) + _pixels_like(pl, red) < 20


def test_three_reports_landscape(qapp, tmp_path):
    comp = _compare("yubei-2021", "yubei-2022", "yubei-2024")
    out = tmp_path / "three.pdf"
    export_comparison_pdf(comp, out)
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "渝北区2021→渝北区2022" in squash(reader.pages[0].extract_text())
    # the scorecard (2021 targets vs 2022 results) on the title page(s), its heading on the page of its table
    page = next(squash(p.extract_text()) for p in reader.pages[:3] if "目标与实际" in p.extract_text())
    assert "地区生产总值" in page.split("目标与实际", 1)[1]


def test_heading_at_the_foot_of_a_page_moves_to_the_next(qapp):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from viewer.export.pdf_paint import keep_headings_with_next

    def doc_with(at: float) -> QTextDocument:
        """Ten paragraphs, a heading and its table, on pages sized so the heading starts at ``at`` of page 1."""
        doc = QTextDocument()
        doc.setHtml("".join(f"<p>第{i}段</p>" for i in range(10)) + "<h2>目标与实际</h2><table><tr><td>甲</td></tr></table>")
        block = doc.findBlock(doc.toPlainText().index("目标与实际"))
        doc.setPageSize(QSizeF(400, doc.documentLayout().blockBoundingRect(block).top() / at))
        return doc

    def page_of_heading(doc: QTextDocument) -> int:
        block = doc.findBlock(doc.toPlainText().index("目标与实际"))
        return int(doc.documentLayout().blockBoundingRect(block).top() // doc.pageSize().height())

    near_foot, early = doc_with(0.86), doc_with(0.5)
    assert page_of_heading(near_foot) == 0 and page_of_heading(early) == 0
    assert keep_headings_with_next(near_foot, near_foot.pageSize().height()) == 1
    assert keep_headings_with_next(early, early.pageSize().height()) == 0
    assert page_of_heading(near_foot) == 1 and page_of_heading(early) == 0


def test_failures_leave_no_file(pair, tmp_path):
    missing_dir = tmp_path / "nowhere" / "out.pdf"
    with pytest.raises(ExportError) as exc:
        export_comparison_pdf(pair, missing_dir)
    assert str(missing_dir) in str(exc.value) and not missing_dir.parent.exists()
    with pytest.raises(ExportError):
        export_comparison_pdf(pair, tmp_path)          # a folder, not a file
    # a cancel half-way leaves the old file as it was and no temporary file
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old contents")
    seen = []
    with pytest.raises(ExportCancelled):
        export_comparison_pdf(pair, out, progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) > 3)
    assert out.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf"]
    # an error raised in the middle of the work (here by the progress callback) also cleans up
    with pytest.raises(ZeroDivisionError):
        export_comparison_pdf(pair, tmp_path / "new.pdf", progress=lambda d, t: 1 / 0 if d > 5 else None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf"]


def test_read_only_folder_is_a_clear_error(pair, tmp_path):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        with pytest.raises(ExportError) as exc:
            export_comparison_pdf(pair, folder / "out.pdf")
        assert "cannot write" in str(exc.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_no_cjk_font_is_a_clear_error_not_a_broken_pdf(pair, tmp_path, monkeypatch):
    # the machine's font list is the environment, not the code under test: pretend it has no Chinese font
    monkeypatch.setattr(pdf_font, "available_families", lambda: ["DejaVu Sans"])
    monkeypatch.setattr(pdf_font, "add_bundled_fonts", lambda folder=None: [])
    out = tmp_path / "x.pdf"
    with pytest.raises(FontMissing) as exc:
        export_comparison_pdf(pair, out)
    assert "fonts-noto-cjk" in str(exc.value)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unknown_kind_rejected(pair, tmp_path):
    with pytest.raises(ValueError):
        export_comparison_pdf(pair, tmp_path / "x.pdf", kinds={"bold"})


def test_every_pdf_string_has_english():
    import importlib.util
    import json
    import xml.etree.ElementTree as ET

    from viewer.core.paths import resources_dir

    spec = importlib.util.spec_from_file_location("i18n_tool", Path(__file__).resolve().parents[2] / "packaging" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    strings = tool.export_strings()
    assert len(strings) > 30 and "目录" in strings and "达成" in strings
    english = json.loads((resources_dir() / "i18n" / "en.json").read_text(encoding="utf-8"))
    assert [s for s in strings if s not in english] == []
    shipped = {m.findtext("source") for c in ET.parse(resources_dir() / "i18n" / "report_compare_en.ts").getroot()
               if c.findtext("name") == tool.PDF_CONTEXT for m in c.iter("message")}
    assert set(strings) <= shipped, "run packaging/i18n.py to refresh the shipped .ts/.qm"


def test_phrase_appendix_from_the_same_comparison(qapp, tmp_path):
    from viewer.core.phrases import change_matrix, classify_edits

    comp = _compare("yubei-2021", "yubei-2022")
    tok = Tokenizer()
    out, bare = tmp_path / "with.pdf", tmp_path / "without.pdf"
    export_comparison_pdf(comp, out, tokenizer=tok)
    export_comparison_pdf(comp, bare, phrases=False)
    reader, plain = PdfReader(out), PdfReader(bare)
    extra = len(reader.pages) - len(plain.pages)
    assert 1 <= extra <= 12
    appendix = squash("".join(p.extract_text() for p in reader.pages[-extra:]))
    assert "附录：提法变化" in appendix and "附录" not in squash(plain.pages[-1].extract_text())
    assert "附录：提法变化" in outline_titles(reader) and "附录：提法变化" not in outline_titles(plain)
    # what the appendix lists is what the core computes on this comparison
    edits = classify_edits(comp)
    assert edits
    for e in edits[:10]:
        assert squash(e.before) in appendix and squash(e.after) in appendix
    matrix = change_matrix(comp, tok)
    top = next(i for i, r in enumerate(matrix.rows) if r.level == 1 and matrix.cells[i][0] is not None)
    assert f"{matrix.cells[top][0].share:.0%}" in appendix
    assert "只见于渝北区2022的提法" in appendix and "渝北区2022中不再出现的提法" in appendix
