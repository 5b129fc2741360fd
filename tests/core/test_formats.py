"""The same report as GB18030 text, .docx, text-layer .pdf and a saved .html page gives the same structure."""
from __future__ import annotations

import pytest

from tests.conftest import SAMPLES
from tests.helpers.make_files import cjk_font_family, make_docx, make_html, make_pdf
from viewer.core.loader import load_report
from viewer.core.model import Report


def _outline(r: Report) -> list[tuple]:
    """Titles and roles of numbered sections down to level 2, plus the unnumbered top sections' roles."""
    out = []
    for s in r.sections:
        out.append((s.level, s.number, s.title if s.number else "", s.role))
        out += [(c.level, c.number, c.title, c.role) for c in s.children if c.number and c.number != "——"]
    return out


def _lines(path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.fixture(scope="module")
def txt_reports() -> dict[str, Report]:
    return {p.name: load_report(p) for p in SAMPLES}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_gb18030_text(path, tmp_path, txt_reports):
    out = tmp_path / path.name
    out.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    r = load_report(out)
    assert r.encoding == "gb18030"
    ref = txt_reports[path.name]
    assert r.text == ref.text
    assert _outline(r) == _outline(ref)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_utf16_and_bom_text(path, tmp_path, txt_reports):
    text = path.read_text(encoding="utf-8")
    for enc, data in (("utf-16", text.encode("utf-16")), ("utf-8-sig", text.encode("utf-8-sig"))):
        out = tmp_path / f"{enc}-{path.name}"
        out.write_bytes(data)
        r = load_report(out)
        assert r.text == txt_reports[path.name].text, enc


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_docx(path, tmp_path, txt_reports):
    r = load_report(make_docx(_lines(path), tmp_path / (path.stem + ".docx")))
    ref = txt_reports[path.name]
    assert r.format == "docx"
    assert r.meta == ref.meta
    assert _outline(r) == _outline(ref)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_html(path, tmp_path, txt_reports):
    r = load_report(make_html(_lines(path), tmp_path / (path.stem + ".html")))
    ref = txt_reports[path.name]
    assert r.format == "html"
    assert "统计代码" not in r.text and "相关文章" not in r.text and "ICP" not in r.text
    assert r.meta == ref.meta
    assert _outline(r) == _outline(ref)


needs_font = pytest.mark.skipif(cjk_font_family() is None, reason="no CJK font installed (fonts-noto-cjk)")


@needs_font
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_pdf(path, tmp_path, txt_reports):
    r = load_report(make_pdf(_lines(path), tmp_path / (path.stem + ".pdf")))
    ref = txt_reports[path.name]
    assert r.format == "pdf"
    assert r.meta.district == ref.meta.district and r.meta.year == ref.meta.year
    assert r.meta.date == ref.meta.date and r.meta.session == ref.meta.session
    assert _outline(r) == _outline(ref)
    # paragraphs wrapped over lines and pages come back whole: about as many paragraphs as the text file
    assert abs(len(r.paragraphs) - len(ref.paragraphs)) <= max(3, len(ref.paragraphs) // 20)
