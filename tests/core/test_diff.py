"""Tokens and token diffs: number+unit tokens, policy terms, op invariants, C++ = Python, moves, rebuilds."""
from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS
from viewer.core import diff as diff_module
from viewer.core.align import align_reports
from viewer.core.diff import (
    DELETE,
    EQUAL,
    INSERT,
    MOVED,
    DiffOp,
    TokenCodec,
    TokenDiff,
    diff_spans,
    diff_texts,
    encode_tokens,
    find_moves,
    raw_diff,
)
from viewer.core.loader import load_report
from viewer.core.model import Report
from viewer.core.tokenize import Tokenizer


@functools.lru_cache(maxsize=1)
def shared_tokenizer() -> Tokenizer:
    """One jieba for the whole test session (it takes about a second to start); the other test modules of
    compare import this. Its prefix-dictionary cache lives in a temp folder, never in the user's home."""
    tokenizer = Tokenizer(cache_dir=Path(tempfile.gettempdir()) / "report-compare-tests")
    tokenizer.warm_up()
    return tokenizer


@functools.lru_cache(maxsize=None)
def sample(name: str) -> Report:
    return load_report(CORPUS / f"{name}.txt")


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return shared_tokenizer()


def check(d: TokenDiff, a: str, b: str) -> None:
    """What every diff keeps: ops inside both texts, contiguous, covering both pieces, rebuilding them."""
    for op in d.ops:
        assert 0 <= op.a_start <= op.a_end <= len(a) and 0 <= op.b_start <= op.b_end <= len(b)
        if op.kind == EQUAL:
            assert a[op.a_start:op.a_end] == b[op.b_start:op.b_end]
    assert d.apply(a, b) == b[d.b_start:d.b_end]
    assert d.revert(a, b) == a[d.a_start:d.a_end]


# -- tokens --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, token", [
    # number + unit expressions stay whole
    ("全区生产总值增长5.5%左右。", "5.5%左右"),
    ("金融机构存贷款余额超过1.2万亿元", "1.2万亿元"),
    ("培育市级以上企业300余家", "300余家"),
    ("接待游客20.4 万人次", "20.4 万人次"),
    ("新增城镇就业5万人以上", "5万人以上"),
    ("占比提高2.3个百分点", "2.3个百分点"),
    ("到2035年基本实现", "2035年"),
    # policy terms from the user dictionary stay whole
    ("加快培育新质生产力", "新质生产力"),
    ("推动成渝地区双城经济圈建设", "成渝地区双城经济圈"),
    ("持续优化营商环境", "营商环境"),
    ("全面推进乡村振兴", "乡村振兴"),
])
def test_tokens_keep_units_whole(tokenizer, text, token):
    words = tokenizer.words(text)
    assert token in words, words


@pytest.mark.parametrize("text, token", [
    # a figure inside a name is not a number expression: jieba keeps the name whole
    ("PM2.5年均浓度", "PM2.5"),
    ("新建5G基站500个", "5G"),
    ("江北国际机场T3B航站楼", "T3B"),
    ("建成110KV变电站", "110KV"),  # ... while a unit in capitals still belongs to its number
])
def test_numbers_inside_names_are_left_to_jieba(tokenizer, text, token):
    assert token in tokenizer.words(text)


def test_tokens_cover_the_text_and_are_cached(tokenizer):
    text = sample("yubei-2024").text
    tokens = tokenizer.tokenize(text)
    assert "".join(tokens.words) == text
    assert all(e == s2 for e, s2 in zip(tokens.ends, tokens.starts[1:])) and tokens.starts[0] == 0
    assert tokenizer.tokenize(text) is tokens  # tokenised once per text


def test_span_clips_edge_tokens(tokenizer):
    tokens = tokenizer.tokenize("推动高质量发展，建设营商环境")
    parts = tokens.span(3, 10)
    assert "".join(t.text for t in parts) == "质量发展，建设"
    assert parts[0].start == 3 and parts[-1].end == 10
    assert tokens.span_parts(3, 10) == ([t.text for t in parts], [t.end for t in parts])


# -- ops -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, spans, move_id", [
    ("equal", (0, 2, 0, 3), None),     # equal runs have the same length on both sides
    ("equal", (0, 0, 0, 0), None),     # ... and are not empty
    ("delete", (0, 2, 0, 1), None),    # a delete has text only in a
    ("insert", (0, 1, 0, 2), None),    # an insert has text only in b
    ("moved", (0, 2, 0, 2), 1),        # a moved op has text on one side only
    ("moved", (0, 2, 0, 0), None),     # ... and a move id
    ("delete", (0, 2, 0, 0), 3),       # only moved ops have a move id
    ("replace", (0, 1, 0, 1), None),   # unknown kind
    ("delete", (2, 1, 0, 0), None),    # backwards span
])
def test_bad_ops_are_refused(kind, spans, move_id):
    with pytest.raises(ValueError):
        DiffOp(kind, *spans, move_id=move_id)


def test_ops_must_be_contiguous_and_cover_both_pieces():
    ok = (DiffOp(EQUAL, 0, 2, 0, 2), DiffOp(DELETE, 2, 3, 2, 2), DiffOp(INSERT, 3, 3, 2, 4))
    TokenDiff(0, 3, 0, 4, ok)
    with pytest.raises(ValueError):
        TokenDiff(0, 3, 0, 4, ok[:2])           # does not reach the end of b
    with pytest.raises(ValueError):
        TokenDiff(0, 3, 0, 4, (ok[0], ok[2]))   # a gap in a


# -- diffs ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b, changes", [
    # a changed target: the whole number expressions are replaced, the words around them stay equal
    ("全区生产总值增长6%以上，", "全区生产总值增长7%左右，", [("delete", "6%以上"), ("insert", "7%左右")]),
    # a policy term replaced as a unit
    ("推动制造业发展。", "推动制造业高质量发展。", [("delete", "发展"), ("insert", "高质量发展")]),
    # pure insertion and pure deletion
    ("", "加快建设。", [("insert", "加快建设。")]),
    ("加快建设。", "", [("delete", "加快建设。")]),
    # identical texts: one equal run
    ("各位代表：", "各位代表：", []),
])
def test_token_diff_cases(tokenizer, a, b, changes):
    d = diff_texts(a, b, tokenizer)
    check(d, a, b)
    got = [(op.kind, a[op.a_start:op.a_end] or b[op.b_start:op.b_end]) for op in d.ops if op.kind != EQUAL]
    assert got == changes


def test_short_equal_runs_between_changes_are_kept(tokenizer):
    # a one-word equal run between two changes survives semantic cleanup when the changes are small
    a, b = "增长6%，达到8%", "增长7%，达到9%"
    d = diff_texts(a, b, tokenizer)
    assert [a[op.a_start:op.a_end] for op in d.ops if op.kind == EQUAL] == ["增长", "，达到"]


def test_moved_sentence_is_marked_on_both_sides(tokenizer):
    a = "加快建设川渝高竹新区。全区生产总值增长7%左右，规上工业增加值增长12.5%。推动数字经济发展。"
    b = "全区生产总值增长7%左右，规上工业增加值增长12.5%。推动数字经济发展。加快建设川渝高竹新区。"
    [d] = find_moves([diff_texts(a, b, tokenizer)], a, b)
    check(d, a, b)
    moved = [op for op in d.ops if op.kind == MOVED]
    assert [op.move_id for op in moved] == [1, 1]
    assert [a[op.a_start:op.a_end] or b[op.b_start:op.b_end] for op in moved] == ["加快建设川渝高竹新区。"] * 2
    assert not any(op.kind in (DELETE, INSERT) for op in d.ops)


def test_moves_across_pieces(tokenizer):
    # a sentence leaves one paragraph and turns up, slightly reworded, in another
    a = "第一段说产业。支持企业开展核心技术联合攻关，加快科技成果转化。\n第二段说民生。"
    b = "第一段说产业。\n第二段说民生。支持企业开展核心技术联合攻关，加速科技成果转化。"
    ta, tb = tokenizer.tokenize(a), tokenizer.tokenize(b)
    cut_a, cut_b = a.index("\n"), b.index("\n")
    diffs = [diff_spans(ta, (0, cut_a), tb, (0, cut_b)), diff_spans(ta, (cut_a, len(a)), tb, (cut_b, len(b)))]
    marked = find_moves(diffs, a, b)
    for d in marked:
        check(d, a, b)
    ids = [[op.move_id for op in d.ops if op.kind == MOVED] for d in marked]
    assert ids == [[1], [1]]


def test_same_result_every_time(tokenizer):
    a, b = sample("yubei-2022").text[12265:12803], sample("yubei-2024").text[11616:12549]
    assert diff_texts(a, b, tokenizer) == diff_texts(a, b, tokenizer)


def test_long_pieces_are_diffed_clause_by_clause(tokenizer, monkeypatch):
    # the size bound: beyond MAX_TOKENS a piece's units are clauses; the result still rebuilds both texts
    monkeypatch.setattr(diff_module, "MAX_TOKENS", 20)
    a = sample("yubei-2022").text[12286:12803]
    assert "新培育科技型企业200家" in a
    b = a.replace("新培育科技型企业200家", "新培育科技型企业300家")
    d = diff_texts(a, b, tokenizer)
    check(d, a, b)
    [deleted] = [a[op.a_start:op.a_end] for op in d.ops if op.kind == DELETE]
    assert "200家" in deleted and deleted.endswith("。") and len(deleted) > 20  # the whole sentence


def test_codes_are_supplementary_private_use():
    words = [f"w{i}" for i in range(70_000)]  # more than one Private Use Area holds
    enc, _ = encode_tokens(words, [])
    assert len(set(enc)) == 70_000
    assert all(0xF0000 <= ord(c) <= 0xFFFFD or 0x100000 <= ord(c) <= 0x10FFFD for c in enc)


def test_codec_slices_match_fresh_encoding(tokenizer):
    text = sample("yubei-2022").text
    tt = tokenizer.tokenize(text)
    codec = TokenCodec()
    for start, end in [(0, 300), (12265, 12803), (12270, 12290), (5, 6)]:
        enc, ends = codec.span(tt, start, end)
        words, ends2 = tt.span_parts(start, end)
        assert len(enc) == len(words) and list(ends) == ends2


# -- the C++ engine gives the same operations as the reference implementation --------------------------------
@pytest.mark.parametrize("a_name, b_name", [
    ("yubei-2022", "yubei-2024"),     # consecutive years
    ("dadukou-2022", "yubei-2022"),   # two districts
])
def test_fast_engine_equals_python_engine_on_aligned_pieces(tokenizer, a_name, b_name):
    a, b = sample(a_name), sample(b_name)
    alignment = align_reports([a, b], tokenizer)
    ta, tb = tokenizer.tokenize(a.text), tokenizer.tokenize(b.text)
    pairs = 0
    for _, row in alignment.walk():
        ca, cb = row.cells
        if ca is None or cb is None:
            continue
        enc_a, enc_b = encode_tokens(ta.span_parts(ca.own_start, ca.own_end)[0],
                                     tb.span_parts(cb.own_start, cb.own_end)[0])
        assert raw_diff(enc_a, enc_b, "fast") == raw_diff(enc_a, enc_b, "python"), row.cells
        pairs += 1
    assert pairs > 40


# -- properties ----------------------------------------------------------------------------------------------
_ALPHABET = "推动发展建设加快产业创新城市乡村生态民生改革开放的和，。；：、“”（）\n 0123456789.%亿元万个年"
texts = st.text(alphabet=_ALPHABET, max_size=120)


@settings(max_examples=150, deadline=None)
@given(a=texts, b=texts)
def test_diff_rebuilds_both_texts(a, b):
    tokenizer = shared_tokenizer()
    for engine in ("fast", "python"):
        check(diff_texts(a, b, tokenizer, engine), a, b)


@settings(max_examples=100, deadline=None)
@given(a=texts, b=texts, data=st.data())
def test_span_diffs_stay_inside_their_spans(a, b, data):
    tokenizer = shared_tokenizer()
    a_span = tuple(sorted(data.draw(st.tuples(st.integers(0, len(a)), st.integers(0, len(a))))))
    b_span = tuple(sorted(data.draw(st.tuples(st.integers(0, len(b)), st.integers(0, len(b))))))
    ta, tb = tokenizer.tokenize(a), tokenizer.tokenize(b)
    d = diff_spans(ta, a_span, tb, b_span, codec=TokenCodec())
    check(d, a, b)
    for op in d.ops:
        assert a_span[0] <= op.a_start <= op.a_end <= a_span[1]
        assert b_span[0] <= op.b_start <= op.b_end <= b_span[1]
    [moved] = find_moves([d], a, b, min_chars=2)
    check(moved, a, b)
