"""Phrase lifecycle: when each formulation (提法) appears, recurs and disappears across reports.

Salient phrases are

* the policy terms of the jieba user dictionary (``resources/jieba_user_dict.txt``), counted as substrings of
  the report text (``常态化疫情防控`` also counts as ``疫情防控``), and
* recurring runs of words (two to ``max_words`` tokens, occurring twice or more over all reports) shaped like a
  noun phrase: no verb, adverb, pronoun, preposition, numeral or punctuation inside, a nominal word last (word
  classes from jieba's dictionary; a word jieba does not know is a name and counts as nominal). A run is kept
  only when it is *maximal*: no longer kept run contains it as often (``智能网联新能源汽车`` stays,
  ``网联新能源`` goes). Runs with Arabic digits, counted Chinese numerals (八个, 第一) or a stop-word on their own
  are noise and left out.

Only the report proper counts: the notice in front, the title block and the glossary are skipped. Reports are
grouped by district (a ``Group`` per district, years in order) and all together (``ALL_DISTRICTS``, by year).
In a group, a phrase is ``new`` when it stands only in the group's latest year (and the group has earlier
years) and ``dropped`` when it stood in an earlier year but not in the latest. A phrase is ``boilerplate``
when it carries no change: found in every report (two or more), a political formula (``recurring
.FORMULA_MARKERS``), or only in ceremonial parts (government self-building, closing).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from viewer.core.keywords import _CN_NUMBER_RE, STOP_WORDS
from viewer.core.model import Report
from viewer.core.phrases.lexicon import ADJECTIVE, NOMINAL, VERBAL_NOUN, WordTags, load_lexicon, load_word_tags
from viewer.core.recurring import FORMULA_MARKERS
from viewer.core.tokenize import Tokenizer, UserWord, default_user_dict, is_content, read_user_dict

ALL_DISTRICTS = ""                       # name of the group holding every report
TERM, NGRAM = "term", "ngram"
SKIPPED_ROLES = frozenset({"notice", "preamble", "glossary"})
CEREMONIAL_ROLES = frozenset({"self_building", "closing"})
NEW, DROPPED, CARRIED, ABSENT = "new", "dropped", "carried", "absent"

# word classes in a phrase: breaks it / may stand inside / may end it / nominal verb (may end it, not open it)
_SPLIT, _INNER, _HEAD, _VERBAL = 0, 1, 2, 3
_DIGIT = re.compile(r"[0-9０-９]")
_CN_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿几]+$")


@dataclass(frozen=True, slots=True)
class ReportRef:
    index: int                  # position in the ``reports`` given
    name: str
    district: str
    year: int | None

    @property
    def label(self) -> str:
        return f"{self.district}{self.year or ''}" or self.name


@dataclass(frozen=True, slots=True)
class Group:
    name: str                                   # a district, or ALL_DISTRICTS
    reports: tuple[int, ...]                    # report indices, oldest first
    stages: tuple[tuple[int, ...], ...]         # the same reports by year (one per year for a district)

    @property
    def latest(self) -> tuple[int, ...]:
        return self.stages[-1] if self.stages else ()


@dataclass(frozen=True, slots=True)
class PhraseStatus:
    """One phrase in one group."""

    present: tuple[int, ...]    # the group's reports that hold the phrase, oldest first
    first_seen: int | None      # report index (None: not in the group)
    last_seen: int | None
    new: bool                   # only in the group's latest year, and the group has earlier years
    dropped: bool               # in an earlier year of the group, not in its latest

    @property
    def state(self) -> str:
        if not self.present:
            return ABSENT
        return NEW if self.new else DROPPED if self.dropped else CARRIED


@dataclass(frozen=True, slots=True)
class PhraseLife:
    text: str
    source: str                         # TERM (user dictionary) or NGRAM (recurring words)
    counts: tuple[int, ...]             # occurrences per report (``Lifecycle.reports`` order)
    first_offsets: tuple[int, ...]      # per report: offset of the first occurrence in its text, -1 if absent
    boilerplate: bool
    statuses: tuple[PhraseStatus, ...]  # per group (``Lifecycle.groups`` order)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def present(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.counts) if c)


@dataclass(frozen=True, slots=True)
class Lifecycle:
    reports: tuple[ReportRef, ...]
    groups: tuple[Group, ...]           # one per district (by name), then ALL_DISTRICTS
    phrases: tuple[PhraseLife, ...]     # most frequent first, then by text

    def group_index(self, name: str) -> int:
        for i, g in enumerate(self.groups):
            if g.name == name:
                return i
        raise KeyError(f"no group {name!r}")

    def group(self, name: str) -> Group:
        return self.groups[self.group_index(name)]

    def new_in(self, group: str, *, boilerplate: bool = False) -> list[PhraseLife]:
        """Phrases only in the group's latest year, most frequent there first."""
        g = self.group_index(group)
        latest = self.groups[g].latest
        found = [p for p in self.phrases if p.statuses[g].new and (boilerplate or not p.boilerplate)]
        return sorted(found, key=lambda p: (-sum(p.counts[i] for i in latest), -len(p.text), p.text))

    def dropped_in(self, group: str, *, boilerplate: bool = False) -> list[PhraseLife]:
        """Phrases of the group's earlier years missing from its latest, most frequent before first."""
        g = self.group_index(group)
        found = [p for p in self.phrases if p.statuses[g].dropped and (boilerplate or not p.boilerplate)]
        return sorted(found, key=lambda p: (-sum(p.counts[i] for i in p.statuses[g].present), -len(p.text),
                                            p.text))


# -- reports, groups -----------------------------------------------------------------------------------------
def _groups(refs: Sequence[ReportRef]) -> tuple[Group, ...]:
    def group(name: str, members: list[ReportRef]) -> Group:
        ordered = sorted(members, key=lambda r: (r.year is None, r.year or 0, r.index))
        stages: dict[object, list[int]] = {}
        for r in ordered:
            stages.setdefault(r.year if r.year is not None else ("#", r.index), []).append(r.index)
        return Group(name, tuple(r.index for r in ordered), tuple(tuple(s) for s in stages.values()))

    by_district: dict[str, list[ReportRef]] = defaultdict(list)
    for r in refs:
        by_district[r.district or r.name].append(r)
    out = [group(d, by_district[d]) for d in sorted(by_district)]
    out.append(group(ALL_DISTRICTS, list(refs)))
    return tuple(out)


class _GroupFacts:
    """What a phrase's status in one group needs, worked out once per group."""

    __slots__ = ("reports", "latest", "has_earlier")

    def __init__(self, group: Group) -> None:
        self.reports = group.reports
        self.latest = frozenset(group.latest)
        self.has_earlier = len(group.stages) > 1

    def status(self, counts: Sequence[int]) -> PhraseStatus:
        present = tuple(i for i in self.reports if counts[i])
        if not present:
            return _NOWHERE
        in_latest = not self.latest.isdisjoint(present)
        earlier = any(i not in self.latest for i in present)
        return PhraseStatus(present, present[0], present[-1], self.has_earlier and in_latest and not earlier,
                            self.has_earlier and earlier and not in_latest)


_NOWHERE = PhraseStatus((), None, None, False, False)


# -- text of each report that counts ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Part:
    start: int
    end: int
    ceremonial: bool


def _parts(report: Report) -> list[_Part]:
    return [_Part(s.start, s.end, s.role in CEREMONIAL_ROLES)
            for s in sorted(report.sections, key=lambda s: s.start) if s.role not in SKIPPED_ROLES]


class _CountedText:
    """The counted parts of one report joined (body apart from ceremonial parts) for fast substring counts."""

    _SEP = "\x00"

    def __init__(self, report: Report) -> None:
        self.text = report.text
        self.parts = _parts(report)
        body = self._SEP.join(report.text[p.start:p.end] for p in self.parts if not p.ceremonial)
        self.ceremonial = self._SEP.join(report.text[p.start:p.end] for p in self.parts if p.ceremonial)
        self.all = body + self._SEP + self.ceremonial

    def count(self, phrase: str) -> tuple[int, int]:
        """Non-overlapping occurrences in the body and in the ceremonial parts."""
        total = self.all.count(phrase)
        if not total:
            return 0, 0
        ceremonial = self.ceremonial.count(phrase) if self.ceremonial else 0
        return total - ceremonial, ceremonial

    def first(self, phrase: str) -> int:
        """Offset of the first occurrence in the report text (-1 when none)."""
        for p in self.parts:  # in text order
            pos = self.text.find(phrase, p.start, p.end)
            if pos >= 0:
                return pos
        return -1


# -- recurring noun-phrase runs -----------------------------------------------------------------------------
class _Classes:
    """Per distinct word: does it break a phrase, may it stand inside one, or may it end one."""

    def __init__(self, tags: WordTags, terms: set[str], modifiers: set[str]) -> None:
        self.tags, self.terms, self.modifiers = tags, terms, modifiers
        self.memo: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        c = self.memo.get(word)
        if c is None:
            c = self.memo[word] = self._classify(word)
        return c

    def of(self, words: Sequence[str]) -> list[int]:
        get = self.memo.get
        return [c if (c := get(w)) is not None else self(w) for w in words]

    def _classify(self, word: str) -> int:
        if word in self.terms:
            return _HEAD
        if (not is_content(word) or _DIGIT.search(word) or _CN_NUMBER_RE.match(word) or _CN_NUMERAL.match(word)
                or word in self.modifiers):
            return _SPLIT
        cat = self.tags.category(word)
        if cat == NOMINAL:
            return _HEAD if len(word) >= 2 else _INNER
        if cat == VERBAL_NOUN:
            return _VERBAL
        if cat == ADJECTIVE:
            return _INNER
        return _SPLIT


@lru_cache(maxsize=4)
def _classes_for(tags: WordTags, terms: frozenset[str], modifiers: frozenset[str]) -> _Classes:
    """One classifier per word knowledge, its memo kept from one call to the next."""
    return _Classes(tags, set(terms), set(modifiers))


_Run = tuple[int, bool, list[str], list[int], list[int]]   # report, ceremonial, words, classes, start offsets


def _runs(reports: Sequence[Report], tokenizer: Tokenizer, classes: _Classes) -> list[_Run]:
    """Runs of words that may form a phrase, cut at every word that may not stand in one."""
    out: list[_Run] = []
    for i, report in enumerate(reports):
        tt = tokenizer.tokenize(report.text)
        words, starts = tt.words, tt.starts
        for part in _parts(report):
            a, b = tt.index_range(part.start, part.end)
            kinds = classes.of(words[a:b])
            kinds.append(_SPLIT)
            run = -1
            for k, c in enumerate(kinds):
                if c == _SPLIT:
                    if run >= 0 and k - run >= 2:
                        out.append((i, part.ceremonial, list(words[a + run:a + k]), kinds[run:k],
                                    list(starts[a + run:a + k])))
                    run = -1
                elif run < 0:
                    run = k
    return out


def _mine(runs: list[_Run], max_words: int, min_count: int) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Every n-gram (2..max_words words) of the runs that occurs ``min_count`` times or more: gram ->
    occurrences ``(run, position)``. Apriori: a gram is extended only while it recurs."""
    level: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for r, run in enumerate(runs):
        words = run[2]
        for p in range(len(words) - 1):
            level[(words[p], words[p + 1])].append((r, p))
    found: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    n = 2
    while True:
        level = {g: occ for g, occ in level.items() if len(occ) >= min_count}
        found.update(level)
        if n >= max_words or not level:
            return found
        nxt: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for g, occ in level.items():
            for r, p in occ:
                words = runs[r][2]
                if p + n < len(words):
                    nxt[g + (words[p + n],)].append((r, p))
        level, n = nxt, n + 1


def _phrase_shaped(g: tuple[str, ...], occ: list[tuple[int, int]], runs: list[_Run], min_chars: int,
                   max_chars: int) -> bool:
    """A noun phrase: a nominal word last; not opened by a one-character word or a verbal noun (建设…, 培育…;
    a noun in -化 may open one: 现代化新重庆); complete on the right at least once (a run that always goes on,
    市级绿色…, is a modifier cut from its noun) and on the left at least once (one always preceded by a noun
    or an adjective, 重庆建设 in 新重庆建设, is the tail of a longer name)."""
    r, p = occ[0]
    kinds = runs[r][3]
    n = len(g)
    if kinds[p + n - 1] not in (_HEAD, _VERBAL) or len(g[0]) < 2:
        return False
    if kinds[p] == _VERBAL and not g[0].endswith("化"):
        return False
    if not min_chars <= sum(map(len, g)) <= max_chars or _generic(g):
        return False
    right = left = False
    for r, p in occ:
        kinds = runs[r][3]
        right = right or p + n == len(kinds)
        left = left or p == 0 or kinds[p - 1] == _VERBAL
        if right and left:
            return True
    return False


def _maximal(grams: dict[tuple[str, ...], list], dominance: float) -> list[tuple[str, ...]]:
    """Grams not mostly inside a longer gram: one that stands inside a longer kept gram in ``dominance`` of
    its occurrences or more is a piece of that phrase (重庆建设 of 新重庆建设) and goes."""
    best_super: dict[tuple[str, ...], int] = {}
    for g, occ in grams.items():
        n = len(g)
        for i in range(n):
            for j in range(i + 2, n + 1):
                if (i, j) != (0, n):
                    sub = g[i:j]
                    if sub in grams and best_super.get(sub, 0) < len(occ):
                        best_super[sub] = len(occ)
    return [g for g, occ in grams.items() if best_super.get(g, 0) < dominance * len(occ)]


def _generic(words: Sequence[str]) -> bool:
    return all(w in STOP_WORDS for w in words)


# -- the lifecycle -----------------------------------------------------------------------------------------
def policy_terms(path=None) -> list[str]:
    """The user dictionary's words (the policy terms), in file order."""
    words: list[UserWord] = read_user_dict(path or default_user_dict())
    return list(dict.fromkeys(w.word for w in words))


def phrase_lifecycle(reports: Sequence[Report], tokenizer: Tokenizer, *, terms: Sequence[str] | None = None,
                     max_words: int = 6, min_chars: int = 4, max_chars: int = 24, min_count: int = 2,
                     dominance: float = 0.75, tags: WordTags | None = None) -> Lifecycle:
    """The lifecycle of the salient phrases of ``reports`` (any order; groups sort them by year)."""
    if not reports:
        raise ValueError("no reports")
    refs = tuple(ReportRef(i, r.name, r.meta.district, r.meta.year) for i, r in enumerate(reports))
    groups = _groups(refs)
    term_list = policy_terms() if terms is None else list(dict.fromkeys(terms))
    classes = _classes_for(tags or load_word_tags(), frozenset(term_list), frozenset(load_lexicon().levels))
    n = len(reports)

    texts = [_CountedText(r) for r in reports]
    found: dict[str, str] = {t: TERM for t in term_list}
    runs = _runs(reports, tokenizer, classes)
    grams = {g: occ for g, occ in _mine(runs, max_words, min_count).items()
             if _phrase_shaped(g, occ, runs, min_chars, max_chars)}
    for g in _maximal(grams, dominance):
        found.setdefault("".join(g), NGRAM)
    rows: dict[str, tuple[str, list[int], list[int], bool]] = {}
    for text, source in found.items():
        counts, offsets, ceremonial_only = [0] * n, [-1] * n, True
        for i, t in enumerate(texts):
            body, ceremonial = t.count(text)
            if body or ceremonial:
                counts[i] = body + ceremonial
                offsets[i] = t.first(text)
                ceremonial_only &= not body
        if any(counts):
            rows[text] = (source, counts, offsets, ceremonial_only)

    facts = [_GroupFacts(g) for g in groups]
    out = []
    for text, (source, counts, offsets, ceremonial_only) in rows.items():
        boilerplate = (n >= 2 and all(counts)) or ceremonial_only or any(m in text for m in FORMULA_MARKERS)
        out.append(PhraseLife(text, source, tuple(counts), tuple(offsets), boilerplate,
                              tuple(f.status(counts) for f in facts)))
    out.sort(key=lambda p: (-p.total, p.text))
    return Lifecycle(refs, groups, tuple(out))
