"""compare_reports reports its progress and stops when asked: the app shows the one and uses the other to
drop a comparison that a newer request superseded (ticking reports in quick succession, 100 columns)."""
from __future__ import annotations

import pytest

from tests.core.test_diff import sample, shared_tokenizer
from viewer.core.comparison import PROGRESS_TOTAL, compare_reports
from viewer.core.errors import Cancelled

NAMES = ("yubei-2021", "yubei-2022", "yubei-2024", "dadukou-2022")


def _summary(comparison) -> list:
    return [(d.row_id, d.a, d.diff.ops) for d in comparison.diffs]


def test_progress_rises_to_the_total_and_changes_nothing():
    reports = [sample(n) for n in NAMES]
    seen: list[tuple[int, int]] = []
    with_progress = compare_reports(reports, shared_tokenizer(), progress=lambda d, t: seen.append((d, t)),
                                    cancel=lambda: False)
    plain = compare_reports(reports, shared_tokenizer())
    assert _summary(with_progress) == _summary(plain)
    done = [d for d, _ in seen]
    assert all(t == PROGRESS_TOTAL for _, t in seen)
    assert done == sorted(set(done)) and done[-1] == PROGRESS_TOTAL   # rising, each step once, ends full
    assert len(done) >= 20                                             # it moves in many steps, not 0 then 100
    assert any(40 < d < 70 for d in done) and any(75 < d < 100 for d in done)  # aligning and diffing both report


@pytest.mark.parametrize("polls_before_cancel", [1, 5, 40, 120])
def test_cancel_stops_the_work_at_any_stage(polls_before_cancel):
    reports = [sample(n) for n in NAMES]
    polls = []
    progress: list[int] = []

    def cancel() -> bool:
        polls.append(1)
        return len(polls) > polls_before_cancel

    with pytest.raises(Cancelled):
        compare_reports(reports, shared_tokenizer(), cancel=cancel, progress=lambda d, t: progress.append(d))
    assert len(polls) == polls_before_cancel + 1        # no poll after the one that said stop
    assert not progress or progress[-1] < PROGRESS_TOTAL


def test_cancel_is_polled_often_enough():
    # a 5-report comparison polls many times, so a superseded one stops within a small part of its work
    reports = [sample(n) for n in (*NAMES, "jiulongpo-2021")]
    polls = []
    compare_reports(reports, shared_tokenizer(), cancel=lambda: bool(polls.append(1)))
    assert len(polls) >= 50
