"""Keyword trends: term counts per report (raw and per 10k characters) and top new terms against the previous
report of the same district."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.keywords import (
    FREQUENCY_COLUMNS, all_new_terms, count_term, frequency_frame, is_candidate, new_terms, parse_terms,
    previous_report, term_frequency, top_new_terms,
)
from viewer.core.loader import load_report
from viewer.core.model import Meta, Report
from viewer.core.paths import sample_files
from viewer.core.tokenize import Tokenizer


def report(name: str, district: str, year: int | None, text: str) -> Report:
    return Report(path=f"/x/{name}", format="txt", encoding="utf-8", text=text, offsets=list(range(len(text) + 1)),
                  source_text=text, meta=Meta(district=district, year=year), sections=[], paragraphs=[],
                  content_hash=name)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer(cache_dir=Path(tempfile.gettempdir()) / "report-compare-tests")


@pytest.fixture(scope="module")
def samples() -> list[Report]:
    return [load_report(p) for p in sample_files()]


@pytest.mark.parametrize(("typed", "terms"), [
    ("数字经济 高质量发展", ["数字经济", "高质量发展"]),
    ("数字经济，高质量发展、营商环境", ["数字经济", "高质量发展", "营商环境"]),
    ("  数字经济;数字经济 ", ["数字经济"]),
    ("", []),
])
def test_parse_terms(typed, terms):
    assert parse_terms(typed) == terms


@pytest.mark.parametrize(("word", "ok"), [
    # policy terms are candidates
    ("数字经济", True), ("保交楼", True), ("5G", True),
    # numbers, number + unit, Chinese numerals with a measure word
    ("2035年", False), ("5.5%", False), ("1.2万亿元", False), ("三个", False), ("12", False),
    # single characters, punctuation, stop-words
    ("区", False), ("，", False), ("我们", False), ("进一步", False),
])
def test_is_candidate(word, ok):
    assert is_candidate(word) is ok


def test_counts_and_density():
    a = report("a", "渝北区", 2021, "数字经济" * 3 + "。" * 9988)          # 10,000 characters
    b = report("b", "渝北区", 2022, "数字经济数字经济" + "。" * 4992)      # 5,000 characters
    rows = term_frequency([a, b], ["数字经济", "新质生产力"])
    got = {(r.report, r.term): (r.count, r.per_10k) for r in rows}
    assert got == {("a", "数字经济"): (3, 3.0), ("a", "新质生产力"): (0, 0.0),
                   ("b", "数字经济"): (2, 4.0), ("b", "新质生产力"): (0, 0.0)}
    df = frequency_frame(rows)
    assert list(df.columns) == list(FREQUENCY_COLUMNS) and len(df) == 4


@given(text=st.text(alphabet="数字经济发展。", max_size=200), term=st.sampled_from(["数字", "经济", "数字经济", "。"]))
def test_count_is_non_overlapping_occurrences(text, term):
    n = count_term(text, term)
    assert n * len(term) <= len(text)
    assert (n > 0) == (term in text)


def test_previous_report_is_the_latest_earlier_of_the_district():
    r21, r22, r24 = (report(f"y{y}", "渝北区", y, "") for y in (2021, 2022, 2024))
    other = report("d23", "大渡口区", 2023, "")
    reports = [r24, other, r21, r22]
    assert previous_report(r24, reports) is r22
    assert previous_report(r22, reports) is r21
    assert previous_report(r21, reports) is None
    assert previous_report(other, reports) is None


def test_new_terms_synthetic(tokenizer):
    old = report("old", "渝北区", 2021, "推动数字经济发展。推动数字经济发展。")
    new = report("new", "渝北区", 2022, "发展新质生产力，培育新质生产力，壮大新质生产力。推动数字经济发展。保交楼，保交楼。")
    terms = new_terms(new, old, tokenizer)
    words = [t.term for t in terms]
    assert "数字经济" not in words                    # in the previous report
    assert words and all(w not in old.text for w in words)
    assert terms[0].count >= terms[-1].count          # ranked by count
    assert all(t.previous == "old" and new.text[t.first:].startswith(t.term) for t in terms)


def test_new_terms_of_the_samples(tokenizer, samples):
    found = all_new_terms(samples, tokenizer, limit=15)
    by_report = {}
    for t in found:
        by_report.setdefault(t.report, []).append(t)
    # only districts with two years loaded have new terms: Yubei 2022 (vs 2021) and 2024 (vs 2022)
    assert set(by_report) == {"yubei-2022.txt", "yubei-2024.txt"}
    texts = {r.name: r.text for r in samples}
    for t in found:
        assert t.term not in texts[t.previous] and texts[t.report].count(t.term) >= t.count >= 2
        assert is_candidate(t.term)
    assert "先进制造业" in [t.term for t in by_report["yubei-2024.txt"]]
    top = top_new_terms(samples, tokenizer, limit=6)
    assert len(top) == 6 and {t.report for t in top} == {"yubei-2022.txt", "yubei-2024.txt"}
    assert len({t.term for t in top}) == 6
