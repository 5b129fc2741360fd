"""Recurring phrasing across reports: what carries over, what is new, what was dropped, what is boilerplate.

Each report's words (punctuation skipped, paragraphs kept apart) are cut into shingles of ``n`` words; a
shingle is present in every report that contains it. A word is shared with every report that contains a
shingle covering it, and runs of words shared with the same reports merge into maximal spans: the phrases. For
report ``i`` with predecessor ``i - 1`` (reports are taken in the order given, e.g. by year):

* ``recurring``: also in the previous report (for the first report: in any other report);
* ``new``: not in the previous report (for the first report: in no other); ``reports`` tells whether it stood
  in an earlier one;
* ``dropped``: phrases of the previous report that are not in this one (offsets into the previous report).

A phrase found in two reports or more is ``boilerplate`` when it is formula rather than substance: it has no
figures, at least ``min_chars`` characters, and it is shared across districts, or carries a political formula
(习近平…, 新发展理念, 各位代表…), or stands in a ceremonial part (notice, preamble, self-building, closing), or
is a long run (``long_chars`` or more) of general vocabulary only: no name jieba had to guess (a project, a
place, a company). Substantive recurring phrases (a project carried on, a target restated with its figure) are
the rest. These are heuristics: see ``FORMULA_MARKERS`` and ``CEREMONIAL_ROLES``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from viewer.core.model import Report
from viewer.core.tokenize import Token, TokenizedText, Tokenizer, is_content

RECURRING, NEW, DROPPED = "recurring", "new", "dropped"

FORMULA_MARKERS = (
    "习近平", "党中央", "二十大", "十九大", "二十届", "十九届", "新时代", "新发展理念", "新发展格局", "高质量发展",
    "稳中求进", "以人民为中心", "两个确立", "两个维护", "四个意识", "四个自信", "中国特色社会主义", "共同富裕",
    "中国式现代化", "全面从严治党", "初心使命", "不忘初心", "伟大旗帜", "各位代表", "市委", "区委", "县委",
    "获得感", "幸福感", "安全感", "人民至上", "五位一体", "四个全面", "政治判断力", "对党绝对忠诚", "崇高的敬意",
    "衷心的感谢", "统筹发展和安全", "统筹发展与安全", "民主党派", "社会各界人士",
)
CEREMONIAL_ROLES = ("notice", "preamble", "self_building", "closing")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_NON_CONTENT = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Phrase:
    report: int                 # the report the offsets point into
    start: int
    end: int
    text: str
    kind: str                   # recurring | new | dropped
    reports: tuple[int, ...]    # every loaded report the phrase appears in
    boilerplate: bool


@dataclass(frozen=True, slots=True)
class PhraseTable:
    names: tuple[str, ...]
    phrases: tuple[tuple[Phrase, ...], ...]   # per report: its recurring and new phrases, in text order
    dropped: tuple[tuple[Phrase, ...], ...]   # per report: the previous report's phrases missing from it

    def of_kind(self, report: int, kind: str, *, boilerplate: bool | None = None) -> list[Phrase]:
        pool = self.dropped[report] if kind == DROPPED else self.phrases[report]
        return [p for p in pool if p.kind == kind and (boilerplate is None or p.boilerplate == boilerplate)]

    def summary(self, report: int) -> dict[str, int]:
        """Characters of the report's text in each class (and dropped from the previous report)."""
        def chars(ps: Sequence[Phrase]) -> int:
            return sum(len(_NON_CONTENT.sub("", p.text)) for p in ps)

        return {
            "recurring": chars(self.of_kind(report, RECURRING)),
            "recurring_boilerplate": chars(self.of_kind(report, RECURRING, boilerplate=True)),
            "new": chars(self.of_kind(report, NEW)),
            "dropped": chars(self.dropped[report]),
        }


def _segments(tokens: TokenizedText) -> list[list[Token]]:
    """Content words, split at paragraph breaks."""
    segments: list[list[Token]] = [[]]
    for t in tokens:
        if "\n" in t.text:
            if segments[-1]:
                segments.append([])
        elif is_content(t.text):
            segments[-1].append(t)
    return [s for s in segments if s]


def _shingles(seg: list[Token], n: int) -> list[tuple[tuple[str, ...], int, int]]:
    """``(words, first, last)`` token positions; a paragraph shorter than ``n`` words is one shingle."""
    words = [t.text for t in seg]
    if len(seg) >= n:
        return [(tuple(words[p:p + n]), p, p + n - 1) for p in range(len(seg) - n + 1)]
    return [(tuple(words), 0, len(seg) - 1)] if sum(map(len, words)) >= 4 else []


def find_phrases(reports: Sequence[Report], tokenizer: Tokenizer, *, n: int = 4, min_chars: int = 6,
                 long_chars: int = 20) -> PhraseTable:
    """Recurring, new and dropped phrases of each report (in the order given), shingles of ``n`` words."""
    if not reports:
        raise ValueError("no reports")
    tokens = [tokenizer.tokenize(r.text) for r in reports]
    segments = [_segments(t) for t in tokens]
    presence: dict[tuple[str, ...], int] = {}
    for i, segs in enumerate(segments):
        bit = 1 << i
        for seg in segs:
            for words, _, _ in _shingles(seg, n):
                presence[words] = presence.get(words, 0) | bit
    districts = [r.meta.district for r in reports]
    spans = [_spans(i, segs, presence, n) for i, segs in enumerate(segments)]

    def classify(i: int, start: int, end: int, mask: int, kind: str | None = None) -> Phrase:
        present = tuple(j for j in range(len(reports)) if mask >> j & 1)
        prev = i - 1
        if kind is None:
            shared = mask & ~(1 << i) if prev < 0 else mask & (1 << prev)
            kind = RECURRING if shared else NEW
        text = reports[i].text[start:end]
        boilerplate = len(present) >= 2 and _is_boilerplate(
            text, len({districts[j] for j in present if districts[j]}) >= 2,
            _top_role(reports[i], start) in CEREMONIAL_ROLES, min_chars, long_chars,
            lambda: _general(tokens[i], start, end, tokenizer))
        return Phrase(i, start, end, text, kind, present, boilerplate)

    phrases = tuple(tuple(classify(i, s, e, m) for s, e, m in spans[i]) for i in range(len(reports)))
    dropped = tuple(
        tuple(classify(i - 1, s, e, m, DROPPED) for s, e, m in spans[i - 1] if not m >> i & 1) if i else ()
        for i in range(len(reports))
    )
    return PhraseTable(tuple(r.name for r in reports), phrases, dropped)


def _spans(i: int, segs: list[list[Token]], presence: dict[tuple[str, ...], int],
           n: int) -> list[tuple[int, int, int]]:
    """Maximal runs of words shared with the same reports: ``(start, end, mask)``."""
    out: list[tuple[int, int, int]] = []
    own = 1 << i
    for seg in segs:
        masks = [own] * len(seg)
        for words, first, last in _shingles(seg, n):
            m = presence[words]
            for p in range(first, last + 1):
                masks[p] |= m
        run_start = 0
        for p in range(1, len(seg) + 1):
            if p == len(seg) or masks[p] != masks[run_start]:
                out.append((seg[run_start].start, seg[p - 1].end, masks[run_start]))
                run_start = p
    return out


def _top_role(report: Report, offset: int) -> str | None:
    return next((s.role for s in report.sections if s.start <= offset < s.end), None)


def _general(tokens: TokenizedText, start: int, end: int, tokenizer: Tokenizer) -> bool:
    """Every word of the span is general vocabulary: in jieba's dictionary, no Latin letters."""
    return all(tokenizer.is_known(w) and not _LATIN.search(w)
               for w in tokens.span_words(start, end) if len(w) > 1)


def _is_boilerplate(text: str, cross_district: bool, ceremonial: bool, min_chars: int, long_chars: int,
                    general: Callable[[], bool]) -> bool:
    words = _NON_CONTENT.sub("", text)
    if len(words) < min_chars or _DIGIT.search(words):
        return False
    return (cross_district or ceremonial or any(m in words for m in FORMULA_MARKERS)
            or len(words) >= long_chars and general())
