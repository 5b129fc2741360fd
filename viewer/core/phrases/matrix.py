"""Change-intensity matrix: for each aligned section and each report, the share of its words that changed
against the previous report — computed from the comparison's own diff ops, never from the text again.

Rows are the alignment's top rows and, down to ``depth``, the rows of subsections (a row whose first cell is a
section); a row's cell sums the ops of every ``PairDiff`` of the row and of the rows below it. Columns are the
comparison's report pairs (report ``b`` against ``b - 1``). Words are the content tokens (no punctuation or
spaces) of each op's spans: ``equal`` ops count on both sides, ``delete`` in a, ``insert`` in b, ``moved`` on
its side. The share of changed words is

    (inserted + deleted) / (2 * equal + inserted + deleted + moved)

so moved text (the same words placed elsewhere) dilutes but does not count as change; ``None`` where neither
report has a piece in the row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from viewer.core.comparison import Comparison, PairDiff
from viewer.core.diff import DELETE, EQUAL, INSERT, MOVED
from viewer.core.tokenize import TokenizedText, Tokenizer, is_content


@dataclass(frozen=True, slots=True)
class MatrixCell:
    equal: int          # words kept (counted once per side)
    inserted: int
    deleted: int
    moved: int

    @property
    def total(self) -> int:
        return 2 * self.equal + self.inserted + self.deleted + self.moved

    @property
    def share(self) -> float:
        """Share of the two pieces' words that changed (0.0 for two empty pieces)."""
        return (self.inserted + self.deleted) / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class MatrixRow:
    row_id: str         # ``Alignment.walk`` id ("5", "5.3")
    level: int
    label: str          # number and heading of the row's first piece ("[closing]" for an untitled one)
    role: str | None    # the first piece's section role
    labels: tuple[str | None, ...] = ()     # each report's piece in the row (None: a gap)
    roles: tuple[str | None, ...] = ()

    def label_for(self, reports: Sequence[int]) -> tuple[str, str | None]:
        """The label and role of the first of ``reports`` with a piece in the row (else the row's own)."""
        for i in reports:
            if i < len(self.labels) and self.labels[i] is not None:
                return self.labels[i], self.roles[i]
        return self.label, self.role


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    a: int              # report indices (b == a + 1)
    b: int
    label: str          # the later report ("渝北区2022")
    against: str        # the earlier one
    same_district: bool


@dataclass(frozen=True, slots=True)
class ChangeMatrix:
    rows: tuple[MatrixRow, ...]
    columns: tuple[MatrixColumn, ...]
    cells: tuple[tuple[MatrixCell | None, ...], ...]    # [row][column]

    def shares(self) -> list[list[float | None]]:
        return [[c.share if c is not None else None for c in line] for line in self.cells]

    def row_index(self, row_id: str) -> int:
        return next(i for i, r in enumerate(self.rows) if r.row_id == row_id)


class _WordCounter:
    """Content tokens of any span of one text: a prefix sum over the tokens."""

    def __init__(self, tokens: TokenizedText) -> None:
        self.tokens = tokens
        prefix = [0]
        for w in tokens.words:
            prefix.append(prefix[-1] + (1 if is_content(w) else 0))
        self.prefix = prefix

    def __call__(self, start: int, end: int) -> int:
        if end <= start:
            return 0
        i, j = self.tokens.index_range(start, end)
        return self.prefix[j] - self.prefix[i]


def _report_label(r) -> str:
    return f"{r.meta.district}{r.meta.year or ''}" or r.name


def cell_of(diffs: Sequence[PairDiff], count_a: _WordCounter, count_b: _WordCounter) -> MatrixCell | None:
    """Sum the op word counts of ``diffs`` (one report pair); None when there are none."""
    if not diffs:
        return None
    eq = ins = dele = mov = 0
    for d in diffs:
        for op in d.diff.ops:
            if op.kind == EQUAL:
                eq += count_b(op.b_start, op.b_end)
            elif op.kind == INSERT:
                ins += count_b(op.b_start, op.b_end)
            elif op.kind == DELETE:
                dele += count_a(op.a_start, op.a_end)
            elif op.kind == MOVED:
                mov += count_a(op.a_start, op.a_end) + count_b(op.b_start, op.b_end)
    return MatrixCell(eq, ins, dele, mov)


def change_matrix(comparison: Comparison, tokenizer: Tokenizer | None = None, *, depth: int = 2) -> ChangeMatrix:
    """Section × report-pair share of changed words (see the module docstring). ``tokenizer``: the one the
    comparison was made with (its cache makes this cheap); a new one when not given."""
    if tokenizer is None:
        tokenizer = Tokenizer()
    alignment = comparison.alignment
    reports = alignment.reports
    counters = [_WordCounter(tokenizer.tokenize(r.text)) for r in reports]
    columns = tuple(
        MatrixColumn(a, a + 1, _report_label(reports[a + 1]), _report_label(reports[a]),
                     reports[a].meta.district == reports[a + 1].meta.district)
        for a in range(len(reports) - 1))
    walked = list(alignment.walk())
    rows: list[MatrixRow] = []
    for rid, row in walked:
        first = next((c for c in row.cells if c is not None), None)
        if first is None or row.level > depth or (row.level > 1 and first.kind != "section"):
            continue
        rows.append(MatrixRow(rid, row.level, first.label, first.role,
                              tuple(c.label if c is not None else None for c in row.cells),
                              tuple(c.role if c is not None else None for c in row.cells)))
    cells = []
    for mr in rows:
        prefix = mr.row_id + "."
        subtree = [rid for rid, _ in walked if rid == mr.row_id or rid.startswith(prefix)]
        line = []
        for col in columns:
            diffs = [d for rid in subtree for d in comparison.row_diffs(rid) if d.a == col.a]
            line.append(cell_of(diffs, counters[col.a], counters[col.b]))
        cells.append(tuple(line))
    return ChangeMatrix(tuple(rows), columns, tuple(cells))
