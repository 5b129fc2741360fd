"""Time to extract the indicators of all bundled samples (warm, best of N), with a baseline and figure counts.

Baseline measured in the same run: the bare number + unit scan (``scan_quantities``) over every sentence, no
subject, measure, period or kind — the floor any extractor pays. Reports are loaded once beforehand (ingest
has its own bench); the dictionary is loaded and one warm-up pass is run before timing.
    .venv/bin/python bench/bench_indicators.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.indicators import extract_indicators, indicators_frame, load_dictionary  # noqa: E402
from viewer.core.indicators.numbers import scan_quantities  # noqa: E402
from viewer.core.loader import load_report  # noqa: E402
from viewer.core.paths import sample_files  # noqa: E402

GOAL_S = 0.5


def best_of(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    reports = [load_report(f) for f in sample_files()]
    chars = sum(len(r.text) for r in reports)
    load_dictionary()
    rows = [extract_indicators(r) for r in reports]  # warm-up (and lazy imports)
    print(f"{len(reports)} samples, {chars:,} characters of clean text")
    print(f"{'sample':<22}{'figures':>9}{'known':>8}{'primary':>9}")
    for r, rs in zip(reports, rows):
        known = sum(1 for x in rs if x.indicator in load_dictionary().families)
        print(f"{r.name:<22}{len(rs):>9}{known:>8}{sum(x.primary for x in rs):>9}")
    print(f"{'total':<22}{sum(len(rs) for rs in rows):>9}")

    def scan() -> None:
        for r in reports:
            for p in r.paragraphs:
                for s in p.sentences:
                    scan_quantities(s.text)

    base, _ = best_of(scan, args.repeat)
    full, med = best_of(lambda: [extract_indicators(r) for r in reports], args.repeat)
    frame, _ = best_of(lambda: indicators_frame(reports), max(1, args.repeat // 2))
    print(f"{'stage':<40}{'best ms':>10}{'x baseline':>12}")
    for name, t in [("baseline: number+unit scan only", base), ("extract_indicators (all samples)", full),
                    ("indicators_frame (+ DataFrame)", frame)]:
        print(f"{name:<40}{t * 1000:>10.1f}{t / base:>12.1f}")
    verdict = "OK" if full < GOAL_S else "SLOW"
    print(f"extraction over {len(reports)} samples: {full * 1000:.1f} ms best, {med * 1000:.1f} ms median "
          f"(goal < {GOAL_S * 1000:.0f} ms: {verdict}; {chars / full / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
