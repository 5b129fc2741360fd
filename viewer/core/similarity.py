"""Content similarity of text pieces: TF-IDF over jieba words, title similarity, and the monotonic pairing.

Pure functions over plain data, used by ``viewer.core.align``. Scores are in ``[0, 1]``.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, Sequence

Vector = dict[str, float]

_DIGIT = re.compile(r"\d")
_NOT_WORD = re.compile(r"[\W_]+")


def index_terms(words: Iterable[str]) -> list[str]:
    """The words that say what a piece is about: two characters or more, no figures (they change yearly)."""
    return [w for w in words if len(w) > 1 and not _DIGIT.search(w)]


class TermWeights:
    """Inverse document frequencies learnt from a collection of documents (each a list of terms)."""

    def __init__(self, documents: Iterable[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            df.update(set(doc))
            n += 1
        self._n = n
        self._idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._unseen = math.log(1 + n) + 1.0

    def vector(self, terms: Sequence[str]) -> Vector:
        """Sublinear TF-IDF, L2-normalised (empty for no terms)."""
        idf, unseen, tf = self._idf, self._unseen, _TF
        vec = {t: (tf[c] if c < _TF_SIZE else 1.0 + math.log(c)) * idf.get(t, unseen)
               for t, c in Counter(terms).items()}
        norm = math.sqrt(sum([x * x for x in vec.values()]))
        return {t: x / norm for t, x in vec.items()} if norm else {}


_TF_SIZE = 256
_TF = [0.0] + [1.0 + math.log(c) for c in range(1, _TF_SIZE)]  # sublinear term frequency 1 + ln(count)


def cosine(u: Vector, v: Vector) -> float:
    if len(u) > len(v):
        u, v = v, u
    # terms missing from v would add exact zeros: skipping them leaves the sum (and its order) unchanged
    return max(0.0, min(1.0, sum([x * v[t] for t, x in u.items() if t in v])))


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> tuple[Counter[str], int]:
    """Character bigrams of ``text`` (punctuation dropped) and their number; headings recur in every pairing,
    so they are cached (read-only: callers never change the counter)."""
    chars = _NOT_WORD.sub("", text)
    grams = Counter(chars[i:i + 2] for i in range(len(chars) - 1)) if len(chars) > 1 else Counter(chars)
    return grams, sum(grams.values())


def title_similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: robust for short headings, where word splits differ."""
    (ga, na), (gb, nb) = _bigrams(a), _bigrams(b)
    total = na + nb
    return 2.0 * sum((ga & gb).values()) / total if total else 0.0


_NUMERAL = re.compile(r"[0-9０-９〇零一二三四五六七八九十百]+")


def shape_similarity(a: str, b: str) -> float:
    """For pieces with no index terms (a date line, a document number, a bare figure): the Dice similarity of
    their character bigrams with every run of numerals written as one placeholder, so "2022年1月25日" and
    "2024年2月3日" are the same shape (1.0) and a text is always 1.0 against itself."""
    return title_similarity(_NUMERAL.sub("0", a), _NUMERAL.sub("0", b))


def relative_scores(scores: Sequence[Sequence[float]]) -> list[list[float]]:
    """Each score divided by the geometric mean of its row's and column's best: 1.0 for a mutual best match.

    Absolute similarities between sections of the same genre have a high floor (shared vocabulary); how a pair
    compares with the alternatives on both sides says more about whether it is the counterpart.
    """
    if not scores or not scores[0]:
        return [list(row) for row in scores]
    row_best = [max(row) for row in scores]
    col_best = [max(col) for col in zip(*scores)]
    out = []
    for i, row in enumerate(scores):
        out.append([
            s / math.sqrt(row_best[i] * col_best[j]) if s > 0 and row_best[i] > 0 and col_best[j] > 0 else 0.0
            for j, s in enumerate(row)
        ])
    return out


def monotonic_pairs(gain: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The order-preserving set of pairs ``(i, j)`` with the largest total gain; pairs with gain <= 0 are
    never taken and gaps cost nothing (Needleman-Wunsch with free gaps). Ties prefer gaps, so the result is
    deterministic. O(len(gain) * len(gain[0])).
    """
    m = len(gain)
    n = len(gain[0]) if m else 0
    if not m or not n:
        return []
    best = [[0.0] * (n + 1) for _ in range(m + 1)]  # best[i][j]: best total for gain[i:][j:]
    for i in range(m - 1, -1, -1):
        row, below, g = best[i], best[i + 1], gain[i]
        for j in range(n - 1, -1, -1):
            skip = below[j] if below[j] >= row[j + 1] else row[j + 1]
            take = g[j] + below[j + 1] if g[j] > 0 else -1.0
            row[j] = take if take > skip + 1e-12 else skip
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < m and j < n:
        skip = max(best[i + 1][j], best[i][j + 1])
        if gain[i][j] > 0 and gain[i][j] + best[i + 1][j + 1] > skip + 1e-12:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
