"""Align N reports and diff every aligned row: the one call the CLI, the benchmark and the UI make.

For each pair of neighbouring reports (1-2, 2-3, ...) every row with a cell on either side gets a token diff
of the two cells' own text (a section's heading when its parts have rows of their own, else the whole piece).
A cell facing a gap is diffed against an empty span placed after the previous piece of the other report, so
deleted and inserted pieces take part in move detection like any other change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from viewer.core.align import AlignConfig, Alignment, Override, align_reports
from viewer.core.diff import Engine, TokenCodec, TokenDiff, diff_spans, find_moves
from viewer.core.errors import Cancelled
from viewer.core.model import Report
from viewer.core.tokenize import Tokenizer

#: ``progress(done, PROGRESS_TOTAL)`` of :func:`compare_reports`; the stages' shares of it (rough shares of the
#: time on the samples: tokenising when the cache is cold, aligning, then the diffs).
PROGRESS_TOTAL = 100
_TOKENISE, _ALIGN = 20, 50


@dataclass(frozen=True, slots=True)
class PairDiff:
    row_id: str
    a: int              # report indices (b == a + 1)
    b: int
    diff: TokenDiff


@dataclass(frozen=True, slots=True)
class Comparison:
    alignment: Alignment
    diffs: tuple[PairDiff, ...]     # in row order, then report pair
    _by_row: dict[str, list[PairDiff]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_row: dict[str, list[PairDiff]] = {}
        for d in self.diffs:
            by_row.setdefault(d.row_id, []).append(d)
        object.__setattr__(self, "_by_row", by_row)

    def row_diffs(self, row_id: str) -> list[PairDiff]:
        return list(self._by_row.get(row_id, ()))

    def pair_diffs(self, a: int) -> list[PairDiff]:
        """All diffs between report ``a`` and report ``a + 1``, in row order."""
        return [d for d in self.diffs if d.a == a]


def compare_reports(
    reports: Sequence[Report],
    tokenizer: Tokenizer,
    overrides: Sequence[Override] = (),
    config: AlignConfig | None = None,
    engine: Engine = "fast",
    *,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Comparison:
    """Align ``reports`` and diff every aligned row of each neighbouring pair.

    ``cancel()`` is polled all along (between merges of the alignment, between rows of the diffs); when it
    returns true the work stops with :class:`~viewer.core.errors.Cancelled`. ``progress(done, PROGRESS_TOTAL)``
    is called as the stages advance (tokenising, aligning the top rows, diffing each pair), never backwards."""
    state = {"last": -1}

    def report(done: float) -> None:
        step = min(PROGRESS_TOTAL, int(done))
        if progress is not None and step > state["last"]:
            state["last"] = step
            progress(step, PROGRESS_TOTAL)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled("comparison cancelled")

    n = len(reports)
    for i, r in enumerate(reports):  # the tokenizer caches: align_reports below finds them ready
        check()
        tokenizer.tokenize(r.text)
        report(_TOKENISE * (i + 1) / n)
    alignment = align_reports(reports, tokenizer, overrides, config, check=check,
                              progress=lambda k, total: report(_TOKENISE + _ALIGN * k / max(total, 1)))
    tokens = [tokenizer.tokenize(r.text) for r in reports]
    rows = list(alignment.walk())
    codec = TokenCodec()
    out: list[PairDiff] = []
    for a in range(n - 1):
        b = a + 1
        pos = [0, 0]  # where an absent piece would stand: after the previous piece of that report
        pair: list[PairDiff] = []
        for k, (row_id, row) in enumerate(rows):
            if k % 16 == 0:
                check()
                report(_TOKENISE + _ALIGN + (PROGRESS_TOTAL - _TOKENISE - _ALIGN) * (a + k / len(rows)) / (n - 1))
            ca, cb = row.cells[a], row.cells[b]
            if ca is None and cb is None:
                continue
            a_span = (ca.own_start, ca.own_end) if ca is not None else (pos[0], pos[0])
            b_span = (cb.own_start, cb.own_end) if cb is not None else (pos[1], pos[1])
            pos = [max(pos[0], a_span[1]), max(pos[1], b_span[1])]
            diff = diff_spans(tokens[a], a_span, tokens[b], b_span, engine, codec)
            pair.append(PairDiff(row_id, a, b, diff))
        moved = find_moves([p.diff for p in pair], reports[a].text, reports[b].text)
        out += [PairDiff(p.row_id, p.a, p.b, d) for p, d in zip(pair, moved)]
    order = {row_id: i for i, (row_id, _) in enumerate(rows)}
    out.sort(key=lambda d: (order[d.row_id], d.a))
    report(PROGRESS_TOTAL)
    return Comparison(alignment, tuple(out))
