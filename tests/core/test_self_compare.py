"""A report compared with an identical copy of itself is the one case where the right answer is known for every
row: each piece pairs with itself, every diff is all equal, nothing moves. Run on every sample, including their
short pieces with no policy terms at all (date lines, document numbers), which content similarity cannot see."""
from __future__ import annotations

import dataclasses

import pytest

from tests.core.test_diff import sample, shared_tokenizer
from viewer.core.comparison import compare_reports
from viewer.core.diff import EQUAL
from viewer.core.similarity import shape_similarity

SAMPLES = ("yubei-2021", "yubei-2022", "yubei-2024", "dadukou-2022", "jiulongpo-2021")


@pytest.mark.parametrize("name", SAMPLES)
def test_a_report_against_its_copy_pairs_every_piece_with_itself(name):
    report = sample(name)
    copy = dataclasses.replace(report, path=report.path + ".copy")
    comparison = compare_reports([report, copy], shared_tokenizer())
    rows = list(comparison.alignment.walk())
    assert rows
    for row_id, row in rows:
        a, b = row.cells
        assert a is not None and b is not None, (row_id, a or b)
        assert (a.key, a.start, a.end) == (b.key, b.start, b.end)
    for d in comparison.diffs:
        assert all(op.kind == EQUAL for op in d.diff.ops), d.row_id


@pytest.mark.parametrize("a, b, expected", [
    ("2022年1月25日", "2024年2月3日", 1.0),          # the same shape: a signing date
    ("二〇二二年一月", "二〇二四年二月", 1.0),
    ("渝北府发〔2022〕1号", "渝北府发〔2024〕1号", 1.0),
    ("2024年2月3日", "2024年2月3日", 1.0),
])
def test_shape_similarity_same_shape(a, b, expected):
    assert shape_similarity(a, b) == pytest.approx(expected)


def test_shape_similarity_tells_shapes_apart():
    assert shape_similarity("2024年2月3日", "（此件公开发布）") == 0.0
    assert shape_similarity("2024年2月3日", "2021319") == 0.0
    assert shape_similarity("2024年2月3日", "2024年度") < 0.5


def _convert(kind: str, path, tmp_path):
    from tests.helpers.make_files import make_docx, make_html, make_pdf

    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out = tmp_path / f"{path.stem}.{kind}"
    if kind == "gb18030.txt":
        out.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
        return out
    return {"docx": make_docx, "html": make_html, "pdf": make_pdf}[kind](lines, out)


@pytest.mark.parametrize("kind", ["gb18030.txt", "docx", "html", "pdf"])
@pytest.mark.parametrize("name", ["yubei-2024", "jiulongpo-2021"])
def test_a_report_against_its_conversion_to_another_format(name, kind, tmp_path):
    """The same report saved as another format: every row paired, (nearly) all text equal, nothing moved.
    PDF text comes back through a layout (lines rejoined, a few glyphs mapped by the generator's font)."""
    from tests.conftest import SAMPLES
    from tests.helpers.make_files import cjk_font_family
    from viewer.core.loader import load_report

    if kind == "pdf" and cjk_font_family() is None:
        pytest.skip("no CJK font to make a PDF with")
    path = next(p for p in SAMPLES if p.stem == name)
    report, other = load_report(path), load_report(_convert(kind, path, tmp_path))
    comparison = compare_reports([report, other], shared_tokenizer())
    rows = list(comparison.alignment.walk())
    unpaired = [rid for rid, row in rows if None in row.cells]
    assert len(unpaired) <= (2 if kind == "pdf" else 0), unpaired
    equal = sum(op.a_end - op.a_start for d in comparison.diffs for op in d.diff.ops if op.kind == EQUAL)
    assert equal / len(report.text) >= (0.98 if kind == "pdf" else 0.995)
    assert not any(op.kind == "moved" for d in comparison.diffs for op in d.diff.ops)
