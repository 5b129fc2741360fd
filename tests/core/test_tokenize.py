"""Tokenizer backends: rjieba (jieba-rs) and jieba give the same tokens; exact offsets, policy terms, the
pre-pass, fallback to jieba, thread safety, and the user dictionary resolved as jieba resolves it."""
from __future__ import annotations

import math
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES
from tests.helpers.make_files import make_docx, make_html
from viewer.core import tokenize as tokenize_module
from viewer.core.loader import load_report
from viewer.core.tokenize import BACKENDS, ResolvedUserDict, TokenizedText, Tokenizer, read_user_dict

pytest.importorskip("rjieba")

CACHE = Path(tempfile.gettempdir()) / "report-compare-tests"
SUPPLEMENTARY = "𠀀𠀁增长5.5%左右"


@pytest.fixture(scope="module")
def rj() -> Tokenizer:
    return Tokenizer(cache_dir=CACHE, backend="rjieba")


@pytest.fixture(scope="module")
def jb() -> Tokenizer:
    tokenizer = Tokenizer(cache_dir=CACHE, backend="jieba")
    tokenizer.warm_up()
    return tokenizer


@pytest.fixture(scope="module")
def clean_texts() -> dict[str, str]:
    return {p.name: load_report(p).text for p in SAMPLES}


def assert_covers(tokens: TokenizedText, text: str) -> None:
    """Tokens are non-empty, contiguous, in order, cover ``text`` exactly, and each is its own span."""
    assert tokens.text == text and "".join(tokens.words) == text
    pos = 0
    for word, start, end in tokens:
        assert start == pos and end > start and text[start:end] == word
        pos = end
    assert pos == len(text)


def assert_same(rj: Tokenizer, jb: Tokenizer, text: str) -> None:
    a, b = rj.tokenize(text), jb.tokenize(text)
    assert_covers(a, text)
    assert_covers(b, text)
    if a.words != b.words:  # show the first difference, not two 10,000-token tuples
        k = next(i for i, (x, y) in enumerate(zip(a.words, b.words)) if x != y)
        pytest.fail(f"backends differ at token {k} (offset {a.starts[k]}): "
                    f"rjieba {a.words[k:k + 5]} / jieba {b.words[k:k + 5]}")
    assert (a.starts, a.ends) == (b.starts, b.ends)


# -- choosing a backend -------------------------------------------------------------------------------------
def test_auto_prefers_rjieba_and_names_are_checked():
    assert BACKENDS == ("auto", "rjieba", "jieba")
    assert Tokenizer(cache_dir=CACHE).backend == "rjieba"
    assert Tokenizer(cache_dir=CACHE, backend="jieba").backend == "jieba"
    with pytest.raises(ValueError, match="unknown tokenizer backend"):
        Tokenizer(backend="pkuseg")


def test_auto_falls_back_to_jieba_when_rjieba_is_missing(monkeypatch):
    monkeypatch.setattr(tokenize_module, "rjieba_available", lambda: False)
    tokenizer = Tokenizer(cache_dir=CACHE)
    assert tokenizer.backend == "jieba"
    assert "新质生产力" in tokenizer.words("加快培育新质生产力")


def test_auto_falls_back_to_jieba_when_rjieba_cannot_load(monkeypatch, caplog):
    tokenizer = Tokenizer(cache_dir=CACHE)  # rjieba is installed ...
    assert tokenizer.backend == "rjieba"
    monkeypatch.setitem(sys.modules, "rjieba", None)  # ... but import rjieba fails (a broken build)
    assert tokenizer.words("加快培育新质生产力")[-1] == "新质生产力"
    assert tokenizer.backend == "jieba" and "rjieba cannot be loaded" in caplog.text
    with pytest.raises(ImportError):
        Tokenizer(cache_dir=CACHE, backend="rjieba").warm_up()  # asked for by name: no silent fallback


# -- the two backends agree ---------------------------------------------------------------------------------
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_backends_agree_on_the_samples(rj, jb, clean_texts, path):
    assert_same(rj, jb, clean_texts[path.name])
    assert_same(rj, jb, path.read_text(encoding="utf-8"))  # raw: web chrome, dates, ICP numbers, <sub>


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_backends_agree_on_other_formats(rj, jb, path, tmp_path):
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    gb = tmp_path / path.name
    gb.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    docx = make_docx(lines, tmp_path / f"{path.stem}.docx")
    html = make_html(lines, tmp_path / f"{path.stem}.html")
    for made in (gb, docx, html):
        assert_same(rj, jb, load_report(made).text)


_FRAGMENTS = [t[i:i + n] for t in (p.read_text(encoding="utf-8") for p in SAMPLES[:2])
              for i in range(0, len(t) - 12, 97) for n in (3, 12)]
_ODD = ("0123456789abcXYZ.-%/:_+#&,，。、（）()“”·—\n\r\t \u3000％‰年月日万亿元个百分点左右以上余"
        "Ａ２é\ufffd𠀀𠀁㐀鿖\U0002A700")
_MIXED_WORDS = ["A股", "B超", "T恤", "AA制", "4S店", "5G", "PM2.5", "C++", "AT&T", "卡拉OK", "2021-03-24",
                "二〇三五年", "新质生产力", "双城经济圈", "稳中求进"]  # dictionary words with Latin, user words
_mixed = st.lists(st.one_of(
    st.sampled_from(_FRAGMENTS),                                                     # report text
    st.text(st.sampled_from(_ODD), max_size=6),                                       # digits, Latin, signs
    st.sampled_from(_MIXED_WORDS),
), max_size=12).map("".join)
_any_chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), max_size=8)


@settings(max_examples=400, deadline=None)
@given(text=_mixed)
def test_backends_agree_on_mixed_text(rj, jb, text):
    assert_same(rj, jb, text)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(_any_chinese, st.sampled_from(_FRAGMENTS), st.text(st.sampled_from(_ODD), max_size=6)),
                      max_size=10))
def test_backends_cover_any_chinese(rj, jb, parts):
    """Random runs of rare characters are out of the dictionary: both backends guess words with their HMM, and
    there they may group differently (seen: 丁井丁井丁丈 -> 丁井/丁井丁丈 vs 丁井丁井/丁丈). Real report text is
    compared token for token above and on the samples; here each backend must still cover the text exactly."""
    text = "".join(parts)
    for tok in (rj, jb):
        assert_covers(tok.tokenize(text), text)


@pytest.fixture(scope="module")
def no_hmm() -> tuple[Tokenizer, Tokenizer]:
    return (Tokenizer(cache_dir=CACHE, backend="rjieba", hmm=False),
            Tokenizer(cache_dir=CACHE, backend="jieba", hmm=False))


@settings(max_examples=100, deadline=None)
@given(text=_mixed)
def test_backends_agree_without_hmm(no_hmm, text):
    assert_same(*no_hmm, text)


# -- offsets -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_offsets_are_code_points_with_supplementary_characters(rj, jb, backend):
    tokenizer = rj if backend == "rjieba" else jb
    tokens = tokenizer.tokenize(SUPPLEMENTARY)
    assert_covers(tokens, SUPPLEMENTARY)
    assert list(tokens) == [("𠀀", 0, 1), ("𠀁", 1, 2), ("增长", 2, 4), ("5.5%左右", 4, 10)]
    text = "“𠀀”字在U+20000。渝北区𠀁新增5G基站1000个，PM2.5下降"
    assert_covers(tokenizer.tokenize(text), text)


def test_rjieba_itself_reports_code_point_offsets(rj):
    """The binding's own offsets (unused: ours come from word lengths) count code points, not bytes/UTF-16."""
    engine = rj._engine().engine
    assert engine.tokenize(SUPPLEMENTARY)[-2:] == [("5.5%", 4, 8), ("左右", 8, 10)]


# -- the pre-pass: what neither backend decides ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # number + unit expressions (as before)
    ("增长5.5%左右", ["增长", "5.5%左右"]),
    ("超过1.2万亿元", ["超过", "1.2万亿元"]),
    # dates are one token; digit ranges stay number / dash / number+unit
    ("日期:2021-03-24", ["日期", ":", "2021-03-24"]),
    ("2021/3/24印发", ["2021/3/24", "印发"]),
    ("增长5.5-6.5%", ["增长", "5.5", "-", "6.5%"]),
    ("2021-2025年", ["2021", "-", "2025年"]),
    # Latin/digit compounds with a letter are one token; a bare Latin/digit run is the backend's
    ("PM2.5浓度", ["PM2.5", "浓度"]),
    ("COVID-19疫情", ["COVID-19", "疫情"]),
    ("Z-b4", ["Z-b4"]),
    ("T3B航站楼", ["T3B", "航站楼"]),
    # any other character is a token of its own (jieba's rule), \r\n together
    ("a--b", ["a", "-", "-", "b"]),
    ("1+2+9+N", ["1", "+", "2", "+", "9", "+", "N"]),
    ("甲\r\n乙", ["甲", "\r\n", "乙"]),
    ("鿖㐀𠀀", ["鿖", "㐀", "𠀀"]),
    ("", []),
])
def test_prepass_tokens(rj, jb, text, expected):
    assert rj.words(text) == expected
    assert jb.words(text) == expected


@pytest.mark.parametrize("text", ["1-" * 20_000, "1." * 20_000, "a-" * 20_000 + "1", "PM2.5-" * 5_000])
def test_long_chains_are_tokenised_whole_and_fast(rj, text):
    """The pre-pass regex is linear on long Latin/digit chains (a quadratic one takes minutes here)."""
    assert_covers(rj.tokenize(text), text)


# -- the user dictionary -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, term", [
    ("加快培育新质生产力", "新质生产力"),
    ("共建双城经济圈", "双城经济圈"),
    ("推动成渝地区双城经济圈建设", "成渝地区双城经济圈"),
    ("持续优化营商环境", "营商环境"),
    ("坚持稳中求进工作总基调", "稳中求进"),
])
def test_policy_terms_are_single_tokens(rj, jb, text, term):
    assert term in rj.words(text)
    assert term in jb.words(text)


def test_user_words_get_jiebas_frequencies(rj, jb):
    """jieba-rs's own suggest_freq differs by one on some words (稳中求进 26 vs 27): jieba's numbers are used."""
    for w in read_user_dict(tokenize_module.default_user_dict()):
        jieba_freq = jb._engine().engine.FREQ[w.word]
        assert rj.frequency(w.word) == jb.frequency(w.word) == jieba_freq, w


def test_known_words_and_frequencies_agree(rj, jb, clean_texts):
    words = sorted(set(rj.tokenize(clean_texts[SAMPLES[0].name]).words))[:3000] + ["中华", "中华人", "\U000F0000"]
    assert [rj.is_known(w) for w in words] == [jb.is_known(w) for w in words]
    assert [rj.frequency(w) for w in words] == [jb.frequency(w) for w in words]


def test_rjieba_dictionary_total_is_jiebas(jb):
    """Probe jieba-rs's total T: with a word of count F, suggest_freq(word * 2) is
    int(exp(2 ln F - ln(T + F))) + 1."""
    engine = Tokenizer(cache_dir=CACHE, backend="rjieba")._engine().engine
    big, probe = 10**12, "\U000F0001"
    engine.add_word(probe, big, None)

    def expected(total: int) -> int:
        log_total = math.log(total + big)
        return int(math.exp(2 * (math.log(big) - log_total) + log_total)) + 1

    got, total = engine.suggest_freq(probe * 2), jb._engine().engine.total
    assert got == expected(total)
    assert got not in {expected(total + d) for d in (-3, -2, 2, 3)}  # the probe does tell totals apart


def test_resolved_user_dict_is_cached(tmp_path, monkeypatch):
    first = Tokenizer(cache_dir=tmp_path, backend="rjieba")
    first.warm_up()
    (cached,) = tmp_path.glob("rjieba_userdict.*.json")
    words = read_user_dict(tokenize_module.default_user_dict())
    assert ResolvedUserDict.from_json(cached.read_text(encoding="utf-8"), words) is not None

    def no_jieba(*_args, **_kwargs):
        raise AssertionError("jieba consulted although the resolution is cached")

    monkeypatch.setattr(ResolvedUserDict, "by_jieba", no_jieba)
    second = Tokenizer(cache_dir=tmp_path, backend="rjieba")
    assert second.words("加快培育新质生产力") == first.words("加快培育新质生产力")
    assert ResolvedUserDict.from_json("{not json", words) is None  # a damaged cache is recomputed


# -- threads -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_threads_tokenise_like_one_thread(rj, jb, backend, clean_texts):
    texts = list(clean_texts.values())[:4]
    expected = [(rj if backend == "rjieba" else jb).tokenize(t) for t in texts]
    shared = Tokenizer(cache_dir=CACHE, backend=backend)  # not warmed: the threads race to start it too
    results: list[TokenizedText | None] = [None] * len(texts)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(texts))

    def work(i: int) -> None:
        try:
            barrier.wait()
            for _ in range(3):
                shared.clear_cache()
                results[i] = shared.tokenize(texts[i])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for got, want in zip(results, expected):
        assert got is not None
        assert (got.words, got.starts, got.ends) == (want.words, want.starts, want.ends)
