"""Classified edits inside aligned sentences: beyond insert / delete, what kind of change a reader sees.

Works on a ``Comparison`` (``viewer.core.comparison``): for each pair of neighbouring reports of the same
district, each aligned row's token diff is mapped to sentences. Two sentences are *aligned* when they are each
other's best partner by the text the diff keeps equal between them (at least ``min_shared`` of the shorter
one). A *hunk* is a run of deleted / inserted words between two equal runs (moved text is no edit). Inside an
aligned pair of sentences:

* ``number``: a figure of the same indicator (and measure) changed its value: 7% → 6.5%, 持平 → 增长5%
  (figures and their indicators from ``viewer.core.indicators``; the k-th figure of an indicator in one
  sentence answers the k-th in the other), direction ``up`` / ``down`` of the figure as written (two declines
  compare their sizes: 下降3% → 下降3.5% is up; 增长2% → 下降1% is down);
* ``qualifier``: the words that qualify that figure changed: a post-qualifier (左右, 以上, 以内, ...) or a
  commitment standing before it in its clause (力争, 确保); direction ``firmer`` / ``softer`` on the floor scale
  of the intensity lexicon (确保 / 以上 > an exact figure > 左右 > 力争), "" when a ceiling (以内) is involved;
* ``intensity``: a hunk whose words on both sides are only intensity modifiers (plus the same rest), standing
  before a verb: 推进 → 加快推进 → 全面推进, 力争 → 确保, 着力 → 稳步; direction ``stronger`` / ``weaker`` by
  the lexicon's levels (``resources/intensity_lexicon.json``).

A hunk that touches a figure whose number or qualifier changed belongs to that figure, never to intensity.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from viewer.core.comparison import Comparison
from viewer.core.diff import DELETE, EQUAL, INSERT, DiffOp
from viewer.core.indicators.dictionary import IndicatorDictionary, load_dictionary
from viewer.core.indicators.extract import Figure, SentenceExtractor
from viewer.core.indicators.numbers import PRE_QUALIFIERS, format_value, scale
from viewer.core.model import Report
from viewer.core.phrases.lexicon import VERB, VERBAL_NOUN, IntensityLexicon, WordTags, load_lexicon, load_word_tags

INTENSITY, QUALIFIER, NUMBER = "intensity", "qualifier", "number"
EDIT_KINDS = (INTENSITY, QUALIFIER, NUMBER)
STRONGER, WEAKER, UP, DOWN, FIRMER, SOFTER = "stronger", "weaker", "up", "down", "firmer", "softer"
# one colour per kind (background of the changed words, list markers); the UI and the PDF use these
KIND_COLOURS = {INTENSITY: "#d9c2f0", QUALIFIER: "#ffd59e", NUMBER: "#a8d8f0"}

_CLAUSE_CUT = "，；：,;:。！？"
_OBJECT_CHARS = 4                               # a verb phrase's key: the verb and this many characters after it
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_MAGNITUDES = ("万亿", "千万", "百万", "十万", "亿", "万", "千")


@dataclass(frozen=True, slots=True)
class Edit:
    kind: str                   # INTENSITY | QUALIFIER | NUMBER
    direction: str              # stronger / weaker, up / down, firmer / softer ("" when not comparable)
    row_id: str                 # the aligned row (``Alignment.walk`` ids, as in the comparison view)
    a: int                      # earlier report (index into ``comparison.alignment.reports``)
    b: int                      # later report (a + 1)
    a_span: tuple[int, int]     # the changed words in a's text (empty at the place of an insertion)
    b_span: tuple[int, int]
    before: str                 # as written: "推进", "6%以上", "力争…增长8%"
    after: str                  # "加快推进", "6.5%左右"
    old: str                    # what changed: modifiers ("" / "加快"), qualifier ("以上"), value ("6%")
    new: str
    sentence_a: tuple[int, int]
    sentence_b: tuple[int, int]
    indicator: str = ""         # qualifier and number edits: the figure's indicator

    def sentence_texts(self, reports: Sequence[Report]) -> tuple[str, str]:
        return (reports[self.a].text[self.sentence_a[0]:self.sentence_a[1]],
                reports[self.b].text[self.sentence_b[0]:self.sentence_b[1]])


# -- sentences ----------------------------------------------------------------------------------------------
class _Sentences:
    """A report's sentences (paragraph sentences, and headings that are not run into a paragraph), sorted."""

    def __init__(self, report: Report) -> None:
        spans = [(s.start, s.end) for p in report.paragraphs for s in p.sentences]
        covered = sorted(spans)
        starts = [s for s, _ in covered]
        for sec in report.walk():
            s, e = sec.start, max(sec.title_end, sec.start)
            k = bisect.bisect_right(starts, s) - 1
            overlaps = (k >= 0 and covered[k][1] > s) or (k + 1 < len(covered) and covered[k + 1][0] < e)
            if e > s and not overlaps:
                spans.append((s, e))
        self.spans = sorted(set(spans))
        self.starts = [s for s, _ in self.spans]

    def at(self, pos: int) -> int:
        """Index of the sentence holding offset ``pos`` (-1 between sentences)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.spans[k][1] else -1

    def next_start(self, pos: int) -> int | None:
        k = bisect.bisect_right(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else None


def _equal_overlaps(ops: Sequence[DiffOp], sa: _Sentences, sb: _Sentences) -> dict[tuple[int, int], int]:
    """Characters the diff keeps equal between sentence i of a and sentence j of b."""
    out: dict[tuple[int, int], int] = defaultdict(int)
    for op in ops:
        if op.kind != EQUAL:
            continue
        k, n = 0, op.a_end - op.a_start
        while k < n:
            pa, pb = op.a_start + k, op.b_start + k
            i, j = sa.at(pa), sb.at(pb)
            if i < 0 or j < 0:  # between sentences on one side: skip to the next sentence start
                nxt = [x - p for x, p, idx, s in ((sa.next_start(pa), pa, i, sa), (sb.next_start(pb), pb, j, sb))
                       if idx < 0 and x is not None]
                k += max(1, min(nxt)) if nxt else n
                continue
            step = min(sa.spans[i][1] - pa, sb.spans[j][1] - pb, n - k)
            out[(i, j)] += step
            k += step
    return out


def _pair_sentences(overlaps: dict[tuple[int, int], int], sa: _Sentences, sb: _Sentences,
                    min_shared: float) -> dict[int, int]:
    """Mutually best sentence pairs sharing enough equal text: a-index -> b-index."""
    best_a: dict[int, tuple[int, int]] = {}
    best_b: dict[int, tuple[int, int]] = {}
    for (i, j), c in overlaps.items():
        if c > best_a.get(i, (0, -1))[0]:
            best_a[i] = (c, j)
        if c > best_b.get(j, (0, -1))[0]:
            best_b[j] = (c, i)
    out = {}
    for i, (c, j) in best_a.items():
        if best_b.get(j, (0, -1))[1] != i:
            continue
        shorter = min(sa.spans[i][1] - sa.spans[i][0], sb.spans[j][1] - sb.spans[j][0])
        if c >= max(4, min_shared * shorter):
            out[i] = j
    return out


def _touches(span: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two spans overlap, an empty span (an insertion point) counting as the character after it."""
    s, e = span[0], max(span[1], span[0] + 1)
    return s < other[1] and other[0] < e


def _hunks(ops: Sequence[DiffOp]) -> list[tuple[int, int, int, int]]:
    """Runs of deleted / inserted words between equal (or moved) runs: (a_start, a_end, b_start, b_end)."""
    out = []
    cur: list[DiffOp] = []
    for op in list(ops) + [None]:
        if op is not None and op.kind in (DELETE, INSERT):
            cur.append(op)
            continue
        if cur:
            out.append((cur[0].a_start, cur[-1].a_end, cur[0].b_start, cur[-1].b_end))
            cur = []
    return out


# -- figures ----------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Fig:
    fig: Figure
    zone: tuple[int, int]       # commitment / pre-qualifier .. end of the figure (report offsets)
    commitment: str
    qualifier: str              # post-qualifier or pre-qualifier as the extractor read it ("" exact)


def _figures(report: Report, span: tuple[int, int], extractor: SentenceExtractor,
             lexicon: IntensityLexicon) -> list[_Fig]:
    s, e = span
    text = report.text[s:e]
    out = []
    for f in extractor.extract(text, s):
        if f.in_paren:
            continue
        rel = f.start - s
        clause = max(text.rfind(c, 0, rel) for c in _CLAUSE_CUT) + 1
        before = text[clause:rel]
        commitment, c_pos = "", rel
        for word in lexicon.commitments:
            k = before.rfind(word)
            if k >= 0 and (not commitment or clause + k > c_pos):
                commitment, c_pos = word, clause + k
        zone_start = min(c_pos, rel)
        for pre in PRE_QUALIFIERS:
            if text.endswith(pre, 0, rel):
                zone_start = min(zone_start, rel - len(pre))
        qualifier = "" if f.qualifier in ("持平", "余") else f.qualifier
        out.append(_Fig(f, (s + zone_start, f.end), commitment, qualifier))
    return out


def _base_unit(unit: str) -> str:
    if scale(unit) != 1.0:
        for mag in _MAGNITUDES:
            if unit.startswith(mag):
                return unit[len(mag):]
    return unit


def _written(report: Report, f: _Fig) -> str:
    """The figure as written, with the words before it that qualify it (力争增长8%, 超过500亿元, 持平)."""
    return report.text[f.zone[0]:f.zone[1]]


def _value_text(f: Figure) -> str:
    return "持平" if f.qualifier == "持平" else f"{format_value(f.value)}{f.unit}"


def _qualifier_text(f: _Fig) -> str:
    return "…".join(q for q in (f.commitment, f.qualifier) if q)


def _firmness(f: _Fig, lexicon: IntensityLexicon) -> int | None:
    """Floor-scale firmness of the figure's qualifiers (the firmer of commitment and post-qualifier)."""
    ranks = [lexicon.qualifier_rank(q) for q in (f.commitment, f.qualifier) if q]
    if any(r is None for r in ranks):
        return None
    return max(ranks) if ranks else lexicon.qualifier_rank("")


# -- the classifier -----------------------------------------------------------------------------------------
class _Classifier:
    def __init__(self, comparison: Comparison, dictionary: IndicatorDictionary, lexicon: IntensityLexicon,
                 tags: WordTags, min_shared: float) -> None:
        self.reports = comparison.alignment.reports
        self.comparison = comparison
        self.extractor = SentenceExtractor(dictionary)
        self.lexicon, self.tags, self.min_shared = lexicon, tags, min_shared
        self.sentences = [_Sentences(r) for r in self.reports]
        self._figs: dict[tuple[int, int], list[_Fig]] = {}
        self._mod_lengths = sorted({len(w) for w in lexicon.levels}, reverse=True)

    def figs(self, report: int, sentence: int) -> list[_Fig]:
        key = (report, sentence)
        if key not in self._figs:
            self._figs[key] = _figures(self.reports[report], self.sentences[report].spans[sentence],
                                       self.extractor, self.lexicon)
        return self._figs[key]

    def run(self, same_district: bool) -> list[Edit]:
        out: list[Edit] = []
        for d in self.comparison.diffs:
            ra, rb = self.reports[d.a], self.reports[d.b]
            if same_district and ra.meta.district and rb.meta.district and ra.meta.district != rb.meta.district:
                continue
            found = self.pair_edits(d.row_id, d.a, d.b, d.diff.ops)
            found += self.phrase_intensity(d.row_id, d.a, d.b, (d.diff.a_start, d.diff.a_end),
                                           (d.diff.b_start, d.diff.b_end), found)
            out += found
        return out

    # -- the same verb phrase with other modifiers, anywhere in the two aligned pieces --------------------------
    def verb_phrases(self, report: int, span: tuple[int, int]) -> dict[str, list[tuple[int, int, int, str]]]:
        """``verb + object`` (the verb and the next ``_OBJECT_CHARS`` characters of its clause) -> occurrences
        (modifiers start, verb end, level, modifiers) in ``span`` of ``report``'s text."""
        text = self.reports[report].text
        start, end = span
        out: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
        verbs2, verbs3 = self.tags.verbs(2), self.tags.verbs(3)
        pos = start
        while pos < end - 1:
            verb = text[pos:pos + 2]
            if verb not in verbs2:
                verb = text[pos:pos + 3]
                if verb not in verbs3:
                    pos += 1
                    continue
            obj = text[pos + len(verb):pos + len(verb) + _OBJECT_CHARS]
            if pos + len(verb) + _OBJECT_CHARS <= end and _CJK_ONLY.match(obj):
                mods, m_start = self._modifiers_before(text, pos, start)
                out[verb + obj].append((m_start, pos + len(verb), self.lexicon.level(mods), "".join(mods)))
            pos += len(verb)
        return out

    def _modifiers_before(self, text: str, pos: int, floor: int) -> tuple[list[str], int]:
        mods: list[str] = []
        levels = self.lexicon.levels
        while True:
            k = pos
            while k > floor and text[k - 1] in self.lexicon.connectors and mods:
                k -= 1
            word = next((text[k - n:k] for n in self._mod_lengths if k - n >= floor and text[k - n:k] in levels),
                        None)
            if word is None:
                return mods, pos
            mods.insert(0, word)
            pos = k - len(word)

    def phrase_intensity(self, row_id: str, a: int, b: int, span_a: tuple[int, int], span_b: tuple[int, int],
                         found: list[Edit]) -> list[Edit]:
        """A verb phrase written once in each of two aligned pieces (推进城市更新 / 加快推进城市更新), each time
        with the same modifiers on its side but other ones than on the other side: an intensity edit, even where
        the sentences around it were rewritten too much to be paired."""
        pa, pb = self.verb_phrases(a, span_a), self.verb_phrases(b, span_b)
        done = [(e.a_span, e.b_span) for e in found if e.kind == INTENSITY]
        out: list[Edit] = []
        for key in pa.keys() & pb.keys():
            la, lb = {o[2] for o in pa[key]}, {o[2] for o in pb[key]}
            if len(la) != 1 or len(lb) != 1 or la == lb:
                continue
            (a0, a1, level_a, mods_a), (b0, b1, level_b, mods_b) = pa[key][0], pb[key][0]
            if any(_touches(sa_, (a0, a1)) or _touches(sb_, (b0, b1)) for sa_, sb_ in done):
                continue  # the sentence-level pass has it
            ta, tb = self.reports[a].text, self.reports[b].text
            sa, sb = self.sentences[a], self.sentences[b]
            i, j = sa.at(a0), sb.at(b0)
            out.append(Edit(INTENSITY, STRONGER if level_b > level_a else WEAKER, row_id, a, b, (a0, a1), (b0, b1),
                            ta[a0:a1], tb[b0:b1], mods_a, mods_b,
                            sa.spans[i] if i >= 0 else (a0, a1), sb.spans[j] if j >= 0 else (b0, b1)))
        out.sort(key=lambda e: e.b_span)
        return out

    def pair_edits(self, row_id: str, a: int, b: int, ops: Sequence[DiffOp]) -> list[Edit]:
        sa, sb = self.sentences[a], self.sentences[b]
        hunks = _hunks(ops)
        if not hunks:
            return []
        pairs = _pair_sentences(_equal_overlaps(ops, sa, sb), sa, sb, self.min_shared)
        back = {j: i for i, j in pairs.items()}
        by_pair: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
        for h in hunks:
            a0, a1, b0, b1 = h
            i = sa.at(a0) if a1 > a0 else -1
            j = sb.at(b0) if b1 > b0 else -1
            if i >= 0 and j < 0:
                j = pairs.get(i, -1)
            elif j >= 0 and i < 0:
                i = back.get(j, -1)
            if i >= 0 and pairs.get(i) == j:
                by_pair[(i, j)].append(h)
        out: list[Edit] = []
        for (i, j), hs in by_pair.items():
            out += self.sentence_edits(row_id, a, b, i, j, hs)
        return out

    def sentence_edits(self, row_id: str, a: int, b: int, i: int, j: int,
                       hunks: list[tuple[int, int, int, int]]) -> list[Edit]:
        span_a, span_b = self.sentences[a].spans[i], self.sentences[b].spans[j]
        ra, rb = self.reports[a], self.reports[b]
        out: list[Edit] = []
        consumed: set[int] = set()

        def touching(f: _Fig, side: str) -> set[int]:
            lo, hi = f.zone
            return {k for k, (a0, a1, b0, b1) in enumerate(hunks)
                    if (side == "a" and (a0 < hi and a1 > lo or a0 == a1 and lo < a0 < hi))
                    or (side == "b" and (b0 < hi and b1 > lo or b0 == b1 and lo < b0 < hi))}

        keyed_a: dict[tuple[str, str], list[_Fig]] = defaultdict(list)
        keyed_b: dict[tuple[str, str], list[_Fig]] = defaultdict(list)
        for f in self.figs(a, i):
            keyed_a[(f.fig.indicator, f.fig.measure)].append(f)
        for f in self.figs(b, j):
            keyed_b[(f.fig.indicator, f.fig.measure)].append(f)
        for key, fas in keyed_a.items():
            for fa, fb in zip(fas, keyed_b.get(key, ())):
                touched = touching(fa, "a") | touching(fb, "b")
                if not touched:
                    continue
                made = False
                common = dict(row_id=row_id, a=a, b=b, a_span=fa.zone, b_span=fb.zone,
                              before=_written(ra, fa), after=_written(rb, fb), sentence_a=span_a,
                              sentence_b=span_b, indicator=key[0])
                va, vb = fa.fig.value * scale(fa.fig.unit), fb.fig.value * scale(fb.fig.unit)
                if _base_unit(fa.fig.unit) == _base_unit(fb.fig.unit) and abs(va - vb) > 1e-9 * max(1, abs(va)):
                    # by the figure as written: two declines compare their sizes (下降3% → 下降3.5% is up)
                    up = abs(vb) > abs(va) if va < 0 and vb < 0 else vb > va
                    out.append(Edit(NUMBER, UP if up else DOWN, old=_value_text(fa.fig),
                                    new=_value_text(fb.fig), **common))
                    made = True
                qa, qb = _qualifier_text(fa), _qualifier_text(fb)
                if qa != qb:
                    ka, kb = _firmness(fa, self.lexicon), _firmness(fb, self.lexicon)
                    direction = "" if ka is None or kb is None or ka == kb else FIRMER if kb > ka else SOFTER
                    out.append(Edit(QUALIFIER, direction, old=qa, new=qb, **common))
                    made = True
                if made:
                    consumed |= touched
        for k, h in enumerate(hunks):
            if k not in consumed:
                e = self.intensity(row_id, a, b, h, span_a, span_b)
                if e is not None:
                    out.append(e)
        return out

    def intensity(self, row_id: str, a: int, b: int, h: tuple[int, int, int, int], span_a: tuple[int, int],
                  span_b: tuple[int, int]) -> Edit | None:
        a0, a1, b0, b1 = h
        ta, tb = self.reports[a].text, self.reports[b].text
        mods_a, rest_a = self.lexicon.split_modifiers(ta[a0:a1])
        mods_b, rest_b = self.lexicon.split_modifiers(tb[b0:b1])
        if rest_a != rest_b or not (mods_a or mods_b):
            return None
        la, lb = self.lexicon.level(mods_a), self.lexicon.level(mods_b)
        if la == lb:
            return None
        follow = rest_b + tb[b1:min(b1 + 4, span_b[1])]
        verb = self._leading_verb(follow)
        if verb is None:
            return None
        return Edit(INTENSITY, STRONGER if lb > la else WEAKER, row_id, a, b, (a0, a1), (b0, b1),
                    "".join(mods_a) + verb, "".join(mods_b) + verb, "".join(mods_a), "".join(mods_b),
                    span_a, span_b)

    def _leading_verb(self, text: str) -> str | None:
        """The verb (or verbal noun) ``text`` opens with, after any further modifiers: the word the modifiers
        qualify."""
        _mods, rest = self.lexicon.split_modifiers(text)
        for n in (4, 3, 2):
            word = rest[:n]
            if len(word) == n and self.tags.category(word) in (VERB, VERBAL_NOUN):
                return text[:len(text) - len(rest) + n]
        return None


def classify_edits(comparison: Comparison, *, same_district: bool = True, min_shared: float = 0.25,
                   dictionary: IndicatorDictionary | None = None, lexicon: IntensityLexicon | None = None,
                   tags: WordTags | None = None) -> list[Edit]:
    """Intensity, qualifier and number edits of every aligned sentence pair of ``comparison``, in row order,
    then report pair. ``same_district``: only pairs of reports of one district (year on year)."""
    return _Classifier(comparison, dictionary or load_dictionary(), lexicon or load_lexicon(),
                       tags or load_word_tags(), min_shared).run(same_district)


__all__ = ["DOWN", "EDIT_KINDS", "FIRMER", "INTENSITY", "KIND_COLOURS", "NUMBER", "QUALIFIER", "SOFTER",
           "STRONGER", "UP", "WEAKER", "Edit", "classify_edits"]

