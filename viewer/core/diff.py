"""Token diff of two aligned pieces: jieba tokens mapped to single characters, diff-match-patch with semantic
cleanup, ops mapped back to offsets in both texts; text deleted in one place and inserted in another is marked
moved.

diff-match-patch's lines-to-chars trick with words as the units: each distinct token becomes one code point in
the supplementary Private Use Areas (U+F0000 upward), never the low range, where
``diff_cleanupSemanticLossless`` scores newlines and spaces. Both engines run with no time limit (results
never depend on machine speed); the work is bounded by size instead: pieces longer than ``MAX_TOKENS`` are
diffed clause by clause.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass, replace
from typing import Iterable, Literal, Sequence

from viewer.core.tokenize import TokenizedText, Tokenizer

EQUAL, INSERT, DELETE, MOVED = "equal", "insert", "delete", "moved"
KINDS = (EQUAL, INSERT, DELETE, MOVED)
Engine = Literal["fast", "python"]

MAX_TOKENS = 20_000            # per side; beyond it, clauses are the units
_PUA_A, _PUA_B, _PUA_SIZE = 0xF0000, 0x100000, 65534
MAX_DISTINCT = 2 * _PUA_SIZE
_CLAUSE_END = frozenset("。；！？\n;!?")


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run: ``equal`` (same text on both sides), ``delete`` (only in a), ``insert`` (only in b), or
    ``moved`` (a delete or insert whose text stands elsewhere on the other side; ``move_id`` pairs halves)."""

    kind: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    move_id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown diff op kind {self.kind!r}")
        if not (0 <= self.a_start <= self.a_end and 0 <= self.b_start <= self.b_end):
            raise ValueError(f"bad spans in {self}")
        a_len, b_len = self.a_end - self.a_start, self.b_end - self.b_start
        if self.kind == EQUAL and (a_len != b_len or a_len == 0):
            raise ValueError(f"an equal op spans the same non-zero length on both sides: {self}")
        if self.kind == DELETE and (b_len or not a_len) or self.kind == INSERT and (a_len or not b_len):
            raise ValueError(f"a delete has text only in a, an insert only in b: {self}")
        if self.kind == MOVED and (bool(a_len) == bool(b_len)):
            raise ValueError(f"a moved op has text on exactly one side: {self}")
        if (self.move_id is not None) != (self.kind == MOVED):
            raise ValueError(f"move_id goes with moved ops only: {self}")

    @property
    def removes(self) -> bool:
        """Text only in a (deleted, or moved away)."""
        return self.a_end > self.a_start and self.kind != EQUAL

    @property
    def adds(self) -> bool:
        """Text only in b (inserted, or moved in)."""
        return self.b_end > self.b_start and self.kind != EQUAL


@dataclass(frozen=True, slots=True)
class TokenDiff:
    """The ops turning ``a_text[a_start:a_end]`` into ``b_text[b_start:b_end]``: contiguous, covering both."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    ops: tuple[DiffOp, ...]

    def __post_init__(self) -> None:
        a, b = self.a_start, self.b_start
        for op in self.ops:
            if op.a_start != a or op.b_start != b:
                raise ValueError(f"ops are not contiguous at a={a}, b={b}: {op}")
            a, b = op.a_end, op.b_end
        if (a, b) != (self.a_end, self.b_end):
            raise ValueError(f"ops end at a={a}, b={b}, not at the piece ends {self.a_end}, {self.b_end}")

    @property
    def equal_chars(self) -> int:
        return sum(op.a_end - op.a_start for op in self.ops if op.kind == EQUAL)

    @property
    def equal_share(self) -> float:
        """Share of the two pieces' characters that is unchanged (1.0 for two empty pieces)."""
        total = (self.a_end - self.a_start) + (self.b_end - self.b_start)
        return 2 * self.equal_chars / total if total else 1.0

    def apply(self, a_text: str, b_text: str) -> str:
        """Rebuild the b piece from a: equal runs copied from a, inserted and moved-in runs taken from b."""
        return "".join(a_text[op.a_start:op.a_end] if op.kind == EQUAL else b_text[op.b_start:op.b_end]
                       for op in self.ops)

    def revert(self, a_text: str, b_text: str) -> str:
        """Rebuild the a piece from b: equal runs copied from b, deleted and moved-away runs taken from a."""
        return "".join(b_text[op.b_start:op.b_end] if op.kind == EQUAL else a_text[op.a_start:op.a_end]
                       for op in self.ops)


# -- the engines ---------------------------------------------------------------------------------------------
def _code_point(i: int) -> str:
    return chr(_PUA_A + i) if i < _PUA_SIZE else chr(_PUA_B + i - _PUA_SIZE)


class TokenCodec:
    """One code point per distinct token, shared by all the texts of a comparison, so that a piece's encoding
    is a slice of its text's encoding. Code points come from the supplementary Private Use Areas."""

    def __init__(self) -> None:
        self._table: dict[str, str] = {}
        self._texts: dict[int, tuple[TokenizedText, str]] = {}

    def encode(self, words: Iterable[str]) -> str:
        table = self._table
        words = words if isinstance(words, (list, tuple)) else list(words)
        # new tokens get code points in order of first appearance (as if assigned one by one)
        fresh = [w for w in dict.fromkeys(words) if w not in table]
        room = MAX_DISTINCT - len(table)
        for w in fresh[:room]:
            table[w] = _code_point(len(table))
        if len(fresh) > room:
            raise ValueError("too many distinct tokens to encode")
        return "".join(map(table.__getitem__, words))

    def encoded_text(self, tt: TokenizedText) -> str:
        hit = self._texts.get(id(tt))
        if hit is None or hit[0] is not tt:
            hit = self._texts[id(tt)] = (tt, self.encode(tt.words))
        return hit[1]

    def span(self, tt: TokenizedText, start: int, end: int) -> tuple[str, Sequence[int]]:
        """The encoded tokens of ``tt.text[start:end]`` and their end offsets (edge tokens clipped)."""
        i, j = tt.index_range(start, end)
        if i < j and (tt.starts[i] < start or tt.ends[j - 1] > end):
            words, ends = tt.span_parts(start, end)
            return self.encode(words), ends
        return self.encoded_text(tt)[i:j], tt.ends[i:j]


def encode_tokens(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    """Each distinct token -> one supplementary private-use code point (shared by both sides)."""
    codec = TokenCodec()
    return codec.encode(a), codec.encode(b)


def raw_diff(a: str, b: str, engine: Engine = "fast") -> list[tuple[str, int]]:
    """diff-match-patch with no time limit and semantic cleanup: ``[(op, length)]``, op in ``= - +``.
    ``fast`` is the C++ implementation, ``python`` the reference; they give the same operations."""
    if engine == "fast":
        import fast_diff_match_patch

        return [(op, n) for op, n in fast_diff_match_patch.diff(
            a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)]
    if engine == "python":
        import diff_match_patch

        dmp = diff_match_patch.diff_match_patch()
        dmp.Diff_Timeout = 0
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)
        symbol = {dmp.DIFF_EQUAL: "=", dmp.DIFF_DELETE: "-", dmp.DIFF_INSERT: "+"}
        return [(symbol[op], len(text)) for op, text in diffs]
    raise ValueError(f"unknown diff engine {engine!r}")


def _clauses(words: Sequence[str], ends: Sequence[int]) -> tuple[list[str], list[int]]:
    """Tokens merged into clauses (up to and including 。；！？ or a newline): the units for very long pieces."""
    out_words: list[str] = []
    out_ends: list[int] = []
    buf: list[str] = []
    for i, w in enumerate(words):
        buf.append(w)
        if w and w[-1] in _CLAUSE_END or i == len(words) - 1:
            out_words.append("".join(buf))
            out_ends.append(ends[i])
            buf = []
    return out_words, out_ends


def diff_words(a_words: Sequence[str], a_ends: Sequence[int], b_words: Sequence[str], b_ends: Sequence[int],
               a_span: tuple[int, int], b_span: tuple[int, int], engine: Engine = "fast") -> TokenDiff:
    """Diff token sequences covering ``a_span`` and ``b_span`` exactly (``*_ends``: each token's end)."""
    if len(a_words) > MAX_TOKENS or len(b_words) > MAX_TOKENS:
        (a_words, a_ends), (b_words, b_ends) = _clauses(a_words, a_ends), _clauses(b_words, b_ends)
    enc_a, enc_b = encode_tokens(a_words, b_words)
    return diff_encoded(enc_a, a_ends, enc_b, b_ends, a_span, b_span, engine)


def diff_encoded(enc_a: str, a_ends: Sequence[int], enc_b: str, b_ends: Sequence[int],
                 a_span: tuple[int, int], b_span: tuple[int, int], engine: Engine = "fast") -> TokenDiff:
    """Diff two encoded token sequences (one code point per token) and map the ops back to offsets."""
    ops: list[DiffOp] = []
    ia = ib = 0
    pa, pb = a_span[0], b_span[0]
    for op, n in raw_diff(enc_a, enc_b, engine):
        if n == 0:
            continue
        if op == "=":
            ea, eb = a_ends[ia + n - 1], b_ends[ib + n - 1]
            ops.append(DiffOp(EQUAL, pa, ea, pb, eb))
            ia, ib, pa, pb = ia + n, ib + n, ea, eb
        elif op == "-":
            ea = a_ends[ia + n - 1]
            ops.append(DiffOp(DELETE, pa, ea, pb, pb))
            ia, pa = ia + n, ea
        else:
            eb = b_ends[ib + n - 1]
            ops.append(DiffOp(INSERT, pa, pa, pb, eb))
            ib, pb = ib + n, eb
    return TokenDiff(a_span[0], a_span[1], b_span[0], b_span[1], tuple(_merge(ops)))


def _merge(ops: Iterable[DiffOp]) -> list[DiffOp]:
    out: list[DiffOp] = []
    for op in ops:
        if out and out[-1].kind == op.kind and op.kind != MOVED:
            out[-1] = replace(out[-1], a_end=op.a_end, b_end=op.b_end)
        else:
            out.append(op)
    return out


def diff_spans(ta: TokenizedText, a_span: tuple[int, int], tb: TokenizedText, b_span: tuple[int, int],
               engine: Engine = "fast", codec: TokenCodec | None = None) -> TokenDiff:
    """Diff ``ta.text[a_span]`` against ``tb.text[b_span]`` word by word; offsets are into the whole texts.
    Pass one ``codec`` for all the pieces of a comparison to encode each text once."""
    i, j = ta.index_range(*a_span)
    k, m = tb.index_range(*b_span)
    if codec is not None and j - i <= MAX_TOKENS and m - k <= MAX_TOKENS:
        try:
            return diff_encoded(*codec.span(ta, *a_span), *codec.span(tb, *b_span), a_span, b_span, engine)
        except ValueError:  # the texts hold more distinct tokens than code points: encode the pieces alone
            pass
    return diff_words(*ta.span_parts(*a_span), *tb.span_parts(*b_span), a_span, b_span, engine)


def diff_texts(a: str, b: str, tokenizer: Tokenizer, engine: Engine = "fast") -> TokenDiff:
    """Diff two whole strings word by word (for small texts; for reports, diff aligned pieces)."""
    return diff_spans(tokenizer.tokenize(a), (0, len(a)), tokenizer.tokenize(b), (0, len(b)), engine)


# -- moves ---------------------------------------------------------------------------------------------------
_NON_CONTENT = re.compile(r"[\W_]+")
_SENTENCE = re.compile(r"[^。；！？\n]*[。；！？\n]?")


@dataclass(slots=True)
class _Chunk:
    diff: int
    op: int
    start: int
    end: int
    key: str


def _chunks(diffs: Sequence[TokenDiff], text: str, side: str, min_chars: int) -> list[_Chunk]:
    out: list[_Chunk] = []
    for d, diff in enumerate(diffs):
        for o, op in enumerate(diff.ops):
            if op.kind != (DELETE if side == "a" else INSERT):
                continue
            s, e = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
            for m in _SENTENCE.finditer(text, s, e):
                if m.end() > m.start():
                    key = _NON_CONTENT.sub("", m.group())
                    if len(key) >= min_chars:
                        out.append(_Chunk(d, o, m.start(), m.end(), key))
    return out


def find_moves(diffs: Sequence[TokenDiff], a_text: str, b_text: str, *, min_chars: int = 8,
               min_similarity: float = 0.85, max_visits: int = 200_000) -> list[TokenDiff]:
    """Mark as moved the sentences deleted in one place and inserted in another (in the same piece or in
    another piece of the same pair of reports): the same words once punctuation is ignored, or nearly the same
    (Dice similarity of character bigrams >= ``min_similarity``). Near matches are found through an index of
    bigrams (prefix filtering), longest sentences first, with at most ``max_visits`` candidates checked in
    all: the work is bounded by size."""
    dels = _chunks(diffs, a_text, "a", min_chars)
    adds = _chunks(diffs, b_text, "b", min_chars)
    pairs: list[tuple[_Chunk, _Chunk]] = []
    by_key: dict[str, list[int]] = {}
    for i, c in enumerate(adds):
        by_key.setdefault(c.key, []).append(i)
    used: set[int] = set()
    rest: list[_Chunk] = []
    for c in dels:
        j = next((j for j in by_key.get(c.key, ()) if j not in used), None)
        if j is None:
            rest.append(c)
        else:
            used.add(j)
            pairs.append((c, adds[j]))
    grams = [_bigram_set(c.key) for c in adds]
    sizes = [len(g) for g in grams]
    live = [j for j in range(len(adds)) if j not in used]
    # prefix filter: a set with Dice >= t against ``mine`` shares one of its ``len - ceil(t/(2-t) len) + 1``
    # rarest bigrams, so only those postings are visited; candidates are then checked exactly
    need = min_similarity / (2 - min_similarity)
    df = Counter(chain.from_iterable(grams[j] for j in live))  # in how many unmatched inserts a bigram is
    plans: list[tuple[_Chunk, frozenset[str], list[str]]] = []
    for c in sorted(rest, key=lambda c: (-len(c.key), c.start)):
        mine = _bigram_set(c.key)
        present = sorted(sorted(df.keys() & mine), key=df.__getitem__)  # rarest first
        # bigrams found in no candidate come first in the rare order and can match nothing
        take = len(mine) - math.ceil(need * len(mine)) + 1 - (len(mine) - len(present))
        if take > 0:
            plans.append((c, mine, present[:take]))
    wanted = set(chain.from_iterable(prefix for _, _, prefix in plans))
    index: dict[str, list[int]] = {x: [] for x in wanted}  # postings of the bigrams a prefix holds
    for j in live:
        for x in grams[j] & wanted:
            index[x].append(j)
    budget = max_visits
    for c, mine, prefix in plans:
        candidates = sorted(set().union(*[index[x] for x in prefix]).difference(used))
        budget -= len(candidates) + len(prefix)
        if budget < 0:
            break
        best, best_sim = None, min_similarity
        n_mine = len(mine)
        for j in candidates:
            n = sizes[j]
            if 2 * min(n_mine, n) / (n_mine + n) < best_sim:
                continue  # the sizes alone rule out a Dice score of best_sim
            sim = 2 * len(mine & grams[j]) / (n_mine + n)
            if sim >= best_sim and (best is None or sim > best_sim):
                best, best_sim = j, sim
        if best is not None:
            used.add(best)
            pairs.append((c, adds[best]))
    if not pairs:
        return list(diffs)
    cuts: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for move_id, (d, a) in enumerate(sorted(pairs, key=lambda p: (p[0].diff, p[0].start)), 1):
        cuts.setdefault((d.diff, d.op), []).append((d.start, d.end, move_id))
        cuts.setdefault((a.diff, a.op), []).append((a.start, a.end, move_id))
    out = []
    for i, diff in enumerate(diffs):
        ops: list[DiffOp] = []
        for o, op in enumerate(diff.ops):
            ops += _split(op, sorted(cuts.get((i, o), [])))
        out.append(replace(diff, ops=tuple(ops)))
    return out


def _bigram_set(key: str) -> frozenset[str]:
    return frozenset(map(str.__add__, key, key[1:]))


def _split(op: DiffOp, cuts: list[tuple[int, int, int]]) -> list[DiffOp]:
    """Cut moved sub-spans (sorted, non-overlapping, on the side that has text) out of a delete/insert op."""
    if not cuts:
        return [op]
    on_a = op.a_end > op.a_start
    lo, hi = (op.a_start, op.a_end) if on_a else (op.b_start, op.b_end)
    out: list[DiffOp] = []

    def piece(kind: str, s: int, e: int, move_id: int | None = None) -> None:
        if e > s:
            out.append(DiffOp(kind, s, e, op.b_start, op.b_start, move_id) if on_a
                       else DiffOp(kind, op.a_start, op.a_start, s, e, move_id))

    pos = lo
    for s, e, move_id in cuts:
        piece(op.kind, pos, s)
        piece(MOVED, s, e, move_id)
        pos = e
    piece(op.kind, pos, hi)
    return out
