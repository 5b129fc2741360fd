"""N reports -> aligned rows: which part of one report answers which part of another.

Top sections pair by role; below them, subsections, ——lead paragraphs and paragraphs pair by content (TF-IDF
over jieba words, plus heading similarity) with an order-preserving dynamic programme that allows gaps, then a
pass that pairs blocks moved out of order, then a pass that finds paragraphs moved to another subsection.
Reports join one at a time in the order given: each report's pieces are matched against the rows built so far,
each row represented by its latest cell (year on year: 2024 is compared with 2022, or with 2021 where 2022 has
a gap), and "in order" is judged against that report's order.

Every section and paragraph of every report sits in exactly one row. Rows form a tree (top sections, their
subsections and leads, paragraphs) that the UI shows as an outline; each row has one cell per report (None for
a gap). User overrides pin a pair of cells by stable keys and survive re-alignment.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from viewer.core.alignment import (
    CONTENT,
    MOVED,
    OVERRIDE,
    REASONS,
    ROLE,
    TITLE,
    UNMATCHED,
    Alignment,
    Cell,
    Link,
    Override,
    Row,
)
from viewer.core.model import Paragraph, Report, Section
from viewer.core.similarity import (
    TermWeights,
    Vector,
    cosine,
    index_terms,
    monotonic_pairs,
    relative_scores,
    shape_similarity,
    title_similarity,
)
from viewer.core.tokenize import TokenizedText, Tokenizer, is_content

__all__ = [
    "CONTENT", "MOVED", "OVERRIDE", "REASONS", "ROLE", "TITLE", "UNMATCHED",
    "AlignConfig", "Alignment", "Cell", "Link", "Override", "Row",
    "align_reports", "build_units", "section_label",
]

_PARAGRAPH_ROLES = ("targets", "problems", "delivery", "delivery_date", "speaker")


@dataclass(frozen=True, slots=True)
class AlignConfig:
    min_score: float = 0.12        # absolute similarity below which two pieces never pair
    min_relative: float = 0.60     # score / geometric mean of the row's and column's best scores
    moved_score: float = 0.15      # out-of-order pairs need more evidence ...
    moved_relative: float = 0.90   # ... and must be (nearly) each other's best match
    stray_score: float = 0.25      # paragraphs moved to another subsection (compared without context)
    title_weight: float = 0.20     # share of heading similarity in the score of two sections
    title_reason: float = 0.75     # heading similarity from which the reason is "title"
    shape_penalty: float = 0.70    # factor for pairing a paragraph with a section that has parts of its own


# -- units: the pieces of one report, as a tree --------------------------------------------------------------
@dataclass(eq=False, slots=True)
class _Unit:
    report: int
    key: str
    kind: str
    node: Section | Paragraph
    start: int
    end: int
    title: str                          # heading text for sections ("" for paragraphs)
    role: str | None
    label: str
    children: list[_Unit]
    parent: _Unit | None = None
    vector: Vector | None = None

    def cell(self) -> Cell:
        own = (self.start, self.end)
        if self.children:  # the heading (a run-in heading is also part of the first paragraph)
            own = (self.node.title_start, self.node.title_end)
        return Cell(self.report, self.key, self.kind, self.label, self.role, self.start, self.end, *own,
                    node=self.node)


def section_label(s: Section) -> str:
    """Number and heading as printed: "三、2022年重点工作", "（一）…", "——…"; "[closing]" without either."""
    return s.label or f"[{s.role}]"


def _paragraph_label(p: Paragraph) -> str:
    return p.text[:24] + ("…" if len(p.text) > 24 else "")


def build_units(report: Report, index: int) -> list[_Unit]:
    """The report's top sections as unit trees: a section's parts are its paragraphs and subsections in text
    order. A section that is one paragraph with a run-in heading (a ——lead, "（一）…。" run in) is one leaf."""
    used: set[str] = set()

    def unique(key: str) -> str:
        k, n = key, 1
        while k in used:
            n += 1
            k = f"{key}#{n}"
        used.add(k)
        return k

    def section(s: Section, parent: _Unit | None) -> _Unit:
        name = section_label(s)
        key = unique(f"{parent.key}/{name}" if parent else name)
        unit = _Unit(index, key, "section", s, s.start, s.end, s.title, s.role, name, [], parent)
        run_in = len(s.paragraphs) == 1 and bool(s.title) and s.paragraphs[0].start <= s.title_start
        if s.children or not run_in:
            parts = [
                _Unit(index, unique(f"{key}/¶{n}"), "paragraph", p, p.start, p.end, "", p.role,
                      _paragraph_label(p), [], unit)
                for n, p in enumerate(s.paragraphs, 1)
            ]
            parts += [section(c, unit) for c in s.children]
            unit.children = sorted(parts, key=lambda u: u.start)
        return unit

    return [section(s, None) for s in report.sections]


def _iter_units(units: Sequence[_Unit]) -> Iterator[_Unit]:
    for u in units:
        yield u
        yield from _iter_units(u.children)


# -- the builder ---------------------------------------------------------------------------------------------
@dataclass(eq=False, slots=True)
class _BRow:
    cells: list[_Unit | None]
    links: list[Link | None]
    children: list[_BRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pin:
    report: int                 # the partner's report
    key: str | None             # the partner's key (None: no counterpart in that report)
    override: Override


class _Aligner:
    def __init__(self, reports: Sequence[Report], tokens: Sequence[TokenizedText], config: AlignConfig,
                 overrides: Sequence[Override]) -> None:
        self.n = len(reports)
        self.config = config
        self.check: Callable[[], None] = _nothing           # raises Cancelled to stop (see align_reports)
        self.progress: Callable[[int, int], None] = _nothing  # (top rows filled, top rows)
        self.tokens = tokens
        self.texts = [r.text for r in reports]
        self.term_of = [_TERM_ARRAYS.get(t) for t in tokens]  # per token: its index term, or None
        self.trees = [build_units(r, i) for i, r in enumerate(reports)]
        self.by_key = [{u.key: u for u in _iter_units(tree)} for tree in self.trees]
        leaves = [u for tree in self.trees for u in _iter_units(tree) if not u.children]
        self.weights = TermWeights(self._terms(u) for u in leaves)
        self.pins: dict[tuple[int, str], list[_Pin]] = {}
        self.unapplied: list[Override] = []
        self.pending: dict[tuple[int, str], tuple[_Unit, _Pin]] = {}
        self._resolve(reports, overrides)

    # overrides ---------------------------------------------------------------------------------------------
    def _resolve(self, reports: Sequence[Report], overrides: Sequence[Override]) -> None:
        def index_of(ref: str) -> int | None:
            return next((i for i, r in enumerate(reports) if ref in (r.name, r.path, r.content_hash)), None)

        def unit_key(r: int | None, key: str | None) -> str | None:
            if r is None or key is None:
                return None
            if key in self.by_key[r]:
                return key
            # "…/¶1" of a one-paragraph section with a run-in heading: the section is that paragraph
            head, _, tail = key.rpartition("/")
            opened = tail == "¶1" and head in self.by_key[r] and not self.by_key[r][head].children
            return head if opened else None

        for o in overrides:
            a, b = index_of(o.report_a), index_of(o.report_b)
            ka, kb = unit_key(a, o.section_key_a), unit_key(b, o.section_key_b)
            if a is None or b is None or a == b or ka is None or (o.section_key_b is not None and kb is None):
                self.unapplied.append(o)
                continue
            self.pins.setdefault((a, ka), []).append(_Pin(b, kb, o))
            if kb is not None:
                self.pins.setdefault((b, kb), []).append(_Pin(a, ka, o))

    def _drop(self, o: Override) -> None:
        for key, pins in list(self.pins.items()):
            self.pins[key] = [p for p in pins if p.override is not o]
        self.unapplied.append(o)

    def applied(self, overrides: Sequence[Override]) -> tuple[Override, ...]:
        return tuple(o for o in overrides if all(o is not u for u in self.unapplied))

    # similarity --------------------------------------------------------------------------------------------
    def _terms(self, u: _Unit) -> list[str]:
        tt = self.tokens[u.report]
        i, j = tt.index_range(u.start, u.end)
        if i < j and tt.starts[i] < u.start:
            i += 1  # a token cut by the span's edge is not a word of the piece
        if i < j and tt.ends[j - 1] > u.end:
            j -= 1
        return [w for w in self.term_of[u.report][i:j] if w is not None]

    def _vector(self, u: _Unit) -> Vector:
        if u.vector is None:
            u.vector = self.weights.vector(self._terms(u))
        return u.vector

    def similarity(self, a: _Unit, b: _Unit, top: bool) -> tuple[float, str]:
        """Score in [0, 1] and reason for pairing ``a`` with ``b``."""
        cfg = self.config
        if top and (a.role != "other" or b.role != "other"):
            return (1.0, ROLE) if a.role == b.role else (0.0, ROLE)
        if a.role in _PARAGRAPH_ROLES and a.role == b.role:
            return max(0.9, cosine(self._vector(a), self._vector(b))), ROLE
        va, vb = self._vector(a), self._vector(b)
        if va and vb:
            score, reason = cosine(va, vb), CONTENT
        else:  # no index terms on a side (a date, a number): compare the written shape
            score, reason = shape_similarity(self.texts[a.report][a.start:a.end],
                                             self.texts[b.report][b.start:b.end]), CONTENT
        if a.title and b.title:
            t = title_similarity(a.title, b.title)
            score = (1 - cfg.title_weight) * score + cfg.title_weight * t
            if t >= cfg.title_reason:
                score, reason = max(score, t), TITLE
        if not _compatible(a, b):
            score *= cfg.shape_penalty
        return score, reason

    def _row_similarity(self, row: _BRow, u: _Unit, top: bool) -> tuple[float, str]:
        """Similarity to the row's latest cell before ``u``'s report: reports are compared with their
        predecessor (year on year), or with an earlier one where the predecessor has a gap."""
        latest = next((c for c in reversed(row.cells[:u.report]) if c is not None), None)
        return self.similarity(latest, u, top) if latest is not None else (0.0, CONTENT)

    @staticmethod
    def _sequence(rows: list[_BRow], r: int) -> list[int]:
        """Row indices in the order of the latest earlier report that has cells here (rows without a cell
        of that report keep their place after the row before them), so that "in order" and "moved" are
        judged against that report, not against the row order the first report set."""
        q = max((i for row in rows for i, c in enumerate(row.cells[:r]) if c is not None), default=None)
        if q is None:
            return list(range(len(rows)))
        keys = []
        last = -1
        for k, row in enumerate(rows):
            c = row.cells[q]
            if c is not None:
                last = c.start
                keys.append((last, 0, k))
            else:
                keys.append((last, 1, k))
        return [k for *_, k in sorted(keys)]

    # one level ---------------------------------------------------------------------------------------------
    def merge(self, rows: list[_BRow], r: int, units: list[_Unit], top: bool) -> list[_BRow]:
        """Add report ``r``'s ``units`` (in their order) to ``rows``, which hold cells of earlier reports."""
        self.check()
        cfg = self.config
        if not rows:
            return [self._new_row(u) for u in units]
        sims = [[self._row_similarity(row, u, top) for u in units] for row in rows]
        score = [[s for s, _ in line] for line in sims]
        rel = relative_scores(score)
        closed_rows = {k for k, row in enumerate(rows) if self._closed(row, r)}
        forbidden: set[tuple[int, int]] = set()
        pinned: dict[int, int] = {}  # unit index -> row index
        for m, u in enumerate(units):
            for pin in self.pins.get((r, u.key), ()):
                if pin.report > r:
                    continue  # applied when that report joins
                if pin.key is None:
                    forbidden |= {(k, m) for k, row in enumerate(rows) if row.cells[pin.report] is not None}
                    continue
                k = next((k for k, row in enumerate(rows)
                          if (c := row.cells[pin.report]) is not None and c.key == pin.key), None)
                if k is not None and k not in pinned.values():
                    pinned[m] = k
                elif top:
                    self._drop(pin.override)  # a top section pinned below the top: not supported
                else:
                    self.pending[(r, u.key)] = (u, pin)
        skip = set(pinned) | {m for m, u in enumerate(units) if (r, u.key) in self.pending}
        taken = set(pinned.values())

        def allowed(k: int, m: int, min_score: float, min_rel: float) -> bool:
            return (score[k][m] >= min_score and rel[k][m] >= min_rel and k not in closed_rows
                    and k not in taken and m not in skip and (k, m) not in forbidden)

        seq = self._sequence(rows, r)
        gain = [[rel[k][m] - cfg.min_relative if allowed(k, m, cfg.min_score, cfg.min_relative) else 0.0
                 for m in range(len(units))] for k in seq]
        matched = {m: seq[i] for i, m in monotonic_pairs(gain)}
        links = {m: Link(score[k][m], rel[k][m], sims[k][m][1]) for m, k in matched.items()}
        links.update({m: Link(score[k][m], rel[k][m], OVERRIDE) for m, k in pinned.items()})
        # moved blocks: out-of-order pairs that are (nearly) each other's best match
        taken |= set(matched.values())
        free_units = [m for m in range(len(units)) if m not in matched]
        candidates = sorted(
            ((rel[k][m], score[k][m], k, m) for k in range(len(rows)) for m in free_units
             if allowed(k, m, cfg.moved_score, cfg.moved_relative) and _same_shape(rows[k], units[m])),
            key=lambda t: (-t[0], -t[1], t[2], t[3]))
        moved: dict[int, int] = {}
        for rv, sv, k, m in candidates:
            if m not in moved and k not in moved.values():
                moved[m] = k
                links[m] = Link(sv, rv, MOVED)
        placed = {**matched, **pinned, **moved}
        for m, k in placed.items():
            rows[k].cells[r], rows[k].links[r] = units[m], links[m]
        # the rest get rows of their own, just before the row of the next piece placed in order
        anchors = sorted((m, k) for m, k in matched.items())
        inserts: dict[int, list[_BRow]] = {}
        for m, u in enumerate(units):
            if m not in placed and m not in skip:
                before = next((k for mm, k in anchors if mm > m), len(rows))
                inserts.setdefault(before, []).append(self._new_row(u))
        out: list[_BRow] = []
        for k, row in enumerate(rows):
            out += inserts.get(k, [])
            out.append(row)
        return out + inserts.get(len(rows), [])

    def _closed(self, row: _BRow, r: int) -> bool:
        """A cell of the row has "no counterpart in report r" (a user override)."""
        return any(p.report == r and p.key is None
                   for q, c in enumerate(row.cells) if c is not None for p in self.pins.get((q, c.key), ()))

    def _new_row(self, u: _Unit) -> _BRow:
        row = _BRow([None] * self.n, [None] * self.n)
        row.cells[u.report] = u
        return row

    def build(self, parts: Sequence[Sequence[_Unit]], top: bool) -> list[_BRow]:
        """Rows for each report's ``parts`` (in the order of the reports), with their subtrees."""
        rows: list[_BRow] = []
        for r, units in enumerate(parts):
            if units:
                rows = self.merge(rows, r, list(units), top)
        for k, row in enumerate(rows):
            self.fill(row)
            if top:
                self.progress(k + 1, len(rows))
        return rows

    def fill(self, row: _BRow) -> None:
        if any(c is not None and c.children for c in row.cells):
            for c in row.cells:  # a one-paragraph section facing sections with parts: open it up
                if c is not None and not c.children and isinstance(c.node, Section) and c.node.paragraphs:
                    p = c.node.paragraphs[0]
                    c.children = [_Unit(c.report, f"{c.key}/¶1", "paragraph", p, p.start, p.end, "", p.role,
                                        _paragraph_label(p), [], c)]
        row.children = self.build([c.children if c is not None else () for c in row.cells], top=False)

    # passes over the whole tree ----------------------------------------------------------------------------
    def place_pending(self, top_rows: list[_BRow]) -> None:
        """Overrides whose partner sits under another parent: move the piece into its partner's row. An
        override that cannot be placed (partner not in any row, or a row holding the piece's own ancestor) is
        dropped and the piece goes back under its own parent."""
        done: set[tuple[int, str]] = set()
        while self.pending:
            (r, key), (unit, pin) = next(iter(self.pending.items()))
            del self.pending[(r, key)]
            found = _find_row(top_rows, pin.report, pin.key)
            ancestors = set()
            a = unit.parent
            while a is not None:
                ancestors.add(id(a))
                a = a.parent
            if (r, key) in done or found is None or any(id(c) in ancestors for c in found[1].cells if c):
                self._drop(pin.override)
                if unit.parent is not None and (home := _find_row(top_rows, r, unit.parent.key)) is not None:
                    self.fill(home[1])
                continue
            done.add((r, key))
            siblings, row = found
            if row.cells[r] is not None:  # the override displaces the cell that was there
                displaced = self._new_row(row.cells[r])
                self.fill(displaced)
                siblings.insert(siblings.index(row) + 1, displaced)
            s, _ = self.similarity(row.cells[pin.report], unit, top=False)
            row.cells[r], row.links[r] = unit, Link(s, 1.0, OVERRIDE)
            self.fill(row)

    def find_strays(self, top_rows: list[_BRow]) -> None:
        """Paragraphs left alone under one subsection that answer a paragraph left alone under another
        subsection of the same top section (e.g. a subsection folded into another the next year)."""
        cfg = self.config
        for top in top_rows:
            for r in range(1, self.n):
                self.check()
                leaves = list(_leaf_rows(top.children))
                alone = [(sib, row) for sib, row in leaves if row.cells[r] is not None
                         and sum(c is not None for c in row.cells) == 1
                         and (r, row.cells[r].key) not in self.pins]
                open_rows = [row for _, row in leaves if row.cells[r] is None
                             and any(c is not None for c in row.cells[:r]) and not self._closed(row, r)]
                if not alone or not open_rows:
                    continue
                score = [[self._row_similarity(row, a_row.cells[r], False)[0] for _, a_row in alone]
                         for row in open_rows]
                rel = relative_scores(score)
                candidates = sorted(
                    ((rel[k][m], score[k][m], k, m) for k in range(len(open_rows)) for m in range(len(alone))
                     if score[k][m] >= cfg.stray_score and rel[k][m] >= cfg.moved_relative),
                    key=lambda t: (-t[0], -t[1], t[2], t[3]))
                used_k: set[int] = set()
                used_m: set[int] = set()
                for rv, sv, k, m in candidates:
                    if k in used_k or m in used_m:
                        continue
                    used_k.add(k)
                    used_m.add(m)
                    siblings, a_row = alone[m]
                    open_rows[k].cells[r], open_rows[k].links[r] = a_row.cells[r], Link(sv, rv, MOVED)
                    siblings.remove(a_row)

    def freeze(self, rows: list[_BRow], level: int = 1) -> tuple[Row, ...]:
        return tuple(
            Row(level, tuple(c.cell() if c is not None else None for c in row.cells), tuple(row.links),
                self.freeze(row.children, level + 1))
            for row in rows
        )


def _term_array(tokens: TokenizedText) -> tuple[str | None, ...]:
    keep = set(index_terms(w for w in set(tokens.words) if len(w) > 1 and is_content(w)))
    return tuple(w if w in keep else None for w in tokens.words)


class _TermArrays:
    """Each text's term array, worked out once: a function of its tokens alone, kept (like the tokens, which the
    tokenizer serves as the same object for the same text) for the last ``size`` texts, by identity."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[int, tuple[TokenizedText, tuple[str | None, ...]]] = OrderedDict()

    def get(self, tokens: TokenizedText) -> tuple[str | None, ...]:
        key = id(tokens)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] is tokens:
                self._items.move_to_end(key)
                return hit[1]
        terms = _term_array(tokens)
        with self._lock:
            self._items[key] = (tokens, terms)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return terms


_TERM_ARRAYS = _TermArrays()


def _compatible(a: _Unit, b: _Unit) -> bool:
    """A paragraph does not answer a section that has parts of its own (a one-paragraph section does)."""
    return a.kind == b.kind or not (a.children or b.children)


def _same_shape(row: _BRow, u: _Unit) -> bool:
    return all(_compatible(c, u) for c in row.cells if c is not None)


def _find_row(rows: list[_BRow], report: int, key: str | None) -> tuple[list[_BRow], _BRow] | None:
    for row in rows:
        c = row.cells[report]
        if c is not None and c.key == key:
            return rows, row
        found = _find_row(row.children, report, key)
        if found is not None:
            return found
    return None


def _leaf_rows(rows: list[_BRow]) -> Iterator[tuple[list[_BRow], _BRow]]:
    for row in rows:
        if row.children:
            yield from _leaf_rows(row.children)
        else:
            yield rows, row


def _nothing(*_args) -> None:
    return None


def align_reports(
    reports: Sequence[Report],
    tokenizer: Tokenizer,
    overrides: Sequence[Override] = (),
    config: AlignConfig | None = None,
    *,
    check: Callable[[], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Alignment:
    """Align two or more reports. Rows follow the first report's order; pieces of later reports that have
    no counterpart get rows of their own where they fall in their own report's order.

    ``check()`` is called often (before each merge of a report's parts, and per report in the last pass): it
    raises :class:`~viewer.core.errors.Cancelled` to stop the work. ``progress(done, total)`` follows the top
    rows whose subtrees are aligned."""
    if len(reports) < 2:
        raise ValueError("alignment needs at least two reports")
    tokens = [tokenizer.tokenize(r.text) for r in reports]
    aligner = _Aligner(reports, tokens, config or AlignConfig(), overrides)
    aligner.check = check or _nothing
    aligner.progress = progress or _nothing
    top_rows = aligner.build(aligner.trees, top=True)
    aligner.place_pending(top_rows)
    aligner.find_strays(top_rows)
    return Alignment(tuple(reports), aligner.freeze(top_rows), aligner.applied(overrides),
                     tuple(aligner.unapplied))
