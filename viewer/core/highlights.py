"""What to highlight in each column of a comparison: spans of one report's text with a kind and a counterpart.

Column ``k`` is read against its neighbours: text new since column ``k-1`` is ``insert``, text gone by column
``k+1`` is ``delete``, text moved (deleted here, inserted elsewhere) is ``moved``, text found unchanged in the
neighbour is ``equal`` (recurring phrasing). Every mark names its counterpart span in the neighbour when there is
one, so hovering a highlight can show it. Pure Python; the UI only renders these.
"""
from __future__ import annotations

from dataclasses import dataclass

from viewer.core.comparison import Comparison
from viewer.core.diff import DELETE, EQUAL, INSERT, MOVED

KINDS = ("insert", "delete", "moved", "equal")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str                                   # insert | delete | moved | equal
    other: int | None = None                    # the neighbour report the mark is relative to
    counterpart: tuple[int, int] | None = None  # span in ``other``'s text, when the text stands there


def column_marks(comparison: Comparison, k: int) -> list[Mark]:
    """Marks over report ``k``'s text, sorted by start. Spans of different kinds may overlap (a middle column's
    text can be new since the left neighbour and gone by the right one)."""
    n = len(comparison.alignment.reports)
    marks: list[Mark] = []
    # halves of moves: move_id -> span on each side, per pair
    for pair_a in (k - 1, k):
        if pair_a < 0 or pair_a + 1 >= n:
            continue
        diffs = comparison.pair_diffs(pair_a)
        side_b = pair_a + 1 == k            # column k is the pair's b side
        other = pair_a if side_b else pair_a + 1
        move_a: dict[int, tuple[int, int]] = {}
        move_b: dict[int, tuple[int, int]] = {}
        for d in diffs:
            for op in d.diff.ops:
                if op.kind == MOVED and op.move_id is not None:
                    if op.a_end > op.a_start:
                        move_a[op.move_id] = (op.a_start, op.a_end)
                    else:
                        move_b[op.move_id] = (op.b_start, op.b_end)
        for d in diffs:
            for op in d.diff.ops:
                s, e = (op.b_start, op.b_end) if side_b else (op.a_start, op.a_end)
                if e <= s:
                    continue
                if op.kind == EQUAL:
                    # the left pair already marks equal text of a middle column; do not mark it twice
                    if side_b or k == 0:
                        cs, ce = (op.a_start, op.a_end) if side_b else (op.b_start, op.b_end)
                        marks.append(Mark(s, e, "equal", other, (cs, ce)))
                elif op.kind == INSERT and side_b:
                    marks.append(Mark(s, e, "insert", other))
                elif op.kind == DELETE and not side_b:
                    marks.append(Mark(s, e, "delete", other))
                elif op.kind == MOVED:
                    cp = (move_a if side_b else move_b).get(op.move_id)  # type: ignore[arg-type]
                    marks.append(Mark(s, e, "moved", other, cp))
    marks.sort(key=lambda m: (m.start, m.end))
    return marks


def changed_rows(comparison: Comparison) -> set[str]:
    """Row ids whose diffs hold anything but equal text."""
    return {d.row_id for d in comparison.diffs if any(op.kind != EQUAL for op in d.diff.ops)}


def change_counts(comparison: Comparison) -> dict[str, int]:
    """Characters per kind over all neighbouring pairs (for summaries)."""
    counts = {k: 0 for k in KINDS}
    for d in comparison.diffs:
        for op in d.diff.ops:
            if op.kind == EQUAL:
                counts["equal"] += op.a_end - op.a_start
            elif op.kind == INSERT:
                counts["insert"] += op.b_end - op.b_start
            elif op.kind == DELETE:
                counts["delete"] += op.a_end - op.a_start
            else:
                counts["moved"] += (op.a_end - op.a_start) + (op.b_end - op.b_start)
    return counts
