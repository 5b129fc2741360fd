"""Compare (alignment + token diff of aligned pieces) against character-level baselines, on the same report
pairs in one run: time, number of diff segments (ops, equal ones included), mean equal-run length in chars.

    .venv/bin/python bench/bench_compare.py [--repeat N] [--python-whole]

Rows per pair (equal %: share of both texts' characters in equal runs):
  compare (warm)         align + token diff of every aligned row; jieba initialised, texts already tokenised
                         (the app tokenises each text once, at load, by content hash)
  compare (+tokenise)    the same, tokenising both texts first
  difflib char, whole    difflib.SequenceMatcher(None, a, b, autojunk=False) on the whole clean texts
  difflib char, autojunk the same with difflib's default autojunk (frequent characters such as ，的 are junk)
  dmp char, whole (C++)  fast-diff-match-patch on the whole texts, characters, no time limit, semantic cleanup
  dmp char, pieces (Py)  pure-Python diff-match-patch, characters, on the same aligned pieces as compare
  difflib char, pieces   difflib on the same aligned pieces
--python-whole adds pure-Python diff-match-patch on the whole texts (minutes per pair).
Then: five reports end to end (load + tokenise + compare) with jieba initialised, and warm.
"""
from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.comparison import Comparison, compare_reports  # noqa: E402
from viewer.core.loader import load_report  # noqa: E402
from viewer.core.paths import samples_dir  # noqa: E402
from viewer.core.tokenize import Tokenizer  # noqa: E402

PAIRS = [("yubei-2021", "yubei-2022"), ("yubei-2022", "yubei-2024"), ("dadukou-2022", "yubei-2022")]
FIVE = ["yubei-2021", "yubei-2022", "yubei-2024", "dadukou-2022", "jiulongpo-2021"]

Runs = list[int]  # lengths of equal runs
Result = tuple[int, Runs]  # (segments, equal run lengths)


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def ours_stats(c: Comparison) -> Result:
    ops = [op for d in c.diffs for op in d.diff.ops]
    return len(ops), [op.a_end - op.a_start for op in ops if op.kind == "equal"]


def difflib_stats(pairs: list[tuple[str, str]], autojunk: bool) -> Result:
    segs, runs = 0, []
    for a, b in pairs:
        ops = difflib.SequenceMatcher(None, a, b, autojunk=autojunk).get_opcodes()
        segs += len(ops)
        runs += [i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal"]
    return segs, runs


def fast_dmp_stats(pairs: list[tuple[str, str]]) -> Result:
    import fast_diff_match_patch

    segs, runs = 0, []
    for a, b in pairs:
        ops = fast_diff_match_patch.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic",
                                         counts_only=True)
        segs += len(ops)
        runs += [n for op, n in ops if op == "="]
    return segs, runs


def py_dmp_stats(pairs: list[tuple[str, str]]) -> Result:
    import diff_match_patch

    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0
    segs, runs = 0, []
    for a, b in pairs:
        diffs = dmp.diff_main(a, b, False)
        dmp.diff_cleanupSemantic(diffs)
        segs += len(diffs)
        runs += [len(t) for op, t in diffs if op == 0]
    return segs, runs


def piece_pairs(c: Comparison) -> list[tuple[str, str]]:
    ra, rb = c.alignment.reports
    return [(ra.text[d.diff.a_start:d.diff.a_end], rb.text[d.diff.b_start:d.diff.b_end]) for d in c.diffs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (pure-Python dmp: one run)")
    ap.add_argument("--python-whole", action="store_true")
    args = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="bench-compare-")
    t = time.perf_counter()
    tokenizer = Tokenizer(cache_dir=cache)
    tokenizer.warm_up()
    print(f"jieba initialised in {time.perf_counter() - t:.2f} s (first run: builds its cache)")
    reports = {n: load_report(samples_dir() / f"{n}.txt") for n in FIVE}

    header = (f"{'pair / method':<28}{'time ms':>9}{'x difflib':>11}{'segments':>10}{'mean equal run':>16}"
              f"{'equal %':>9}")
    for a_name, b_name in PAIRS:
        a, b = reports[a_name], reports[b_name]
        print(f"\n{a_name} vs {b_name} ({len(a.text):,} + {len(b.text):,} characters)")
        print(header)
        rows: list[tuple[str, float, Result]] = []

        t_warm, comp = best(lambda: compare_reports([a, b], tokenizer), args.repeat)
        rows.append(("compare (warm)", t_warm, ours_stats(comp)))
        t_cold, _ = best(lambda: (tokenizer.clear_cache(), compare_reports([a, b], tokenizer)), args.repeat)
        rows.append(("compare (+tokenise)", t_cold, ours_stats(comp)))
        whole = [(a.text, b.text)]
        t_dl, res = best(lambda: difflib_stats(whole, False), args.repeat)
        rows.append(("difflib char, whole", t_dl, res))
        t, res = best(lambda: difflib_stats(whole, True), args.repeat)
        rows.append(("difflib char, autojunk", t, res))
        t, res = best(lambda: fast_dmp_stats(whole), args.repeat)
        rows.append(("dmp char, whole (C++)", t, res))
        if args.python_whole:
            t, res = best(lambda: py_dmp_stats(whole), 1)
            rows.append(("dmp char, whole (Python)", t, res))
        pieces = piece_pairs(comp)
        t, res = best(lambda: py_dmp_stats(pieces), 1)
        rows.append(("dmp char, pieces (Python)", t, res))
        t, res = best(lambda: difflib_stats(pieces, False), args.repeat)
        rows.append(("difflib char, pieces", t, res))
        total = len(a.text) + len(b.text)
        for name, t, (segs, runs) in rows:
            mean = statistics.mean(runs) if runs else 0.0
            share = 200 * sum(runs) / total
            print(f"{name:<28}{t * 1000:>9.1f}{t_dl / t:>11.1f}{segs:>10}{mean:>16.1f}{share:>9.1f}")

    print("\nfive reports end to end (" + ", ".join(FIVE) + ")")
    paths = [samples_dir() / f"{n}.txt" for n in FIVE]

    def end_to_end() -> Comparison:
        tokenizer.clear_cache()  # jieba stays initialised, as in a running app
        return compare_reports([load_report(p) for p in paths], tokenizer)

    t_e2e, c5 = best(end_to_end, args.repeat)
    five = [reports[n] for n in FIVE]
    compare_reports(five, tokenizer)
    t_warm5, c5 = best(lambda: compare_reports(five, tokenizer), args.repeat)
    segs, runs = ours_stats(c5)
    print(f"  load + tokenise + compare: {t_e2e * 1000:.0f} ms; compare warm: {t_warm5 * 1000:.0f} ms; "
          f"{sum(1 for _ in c5.alignment.walk())} rows, {segs} segments, mean equal run "
          f"{statistics.mean(runs) if runs else 0:.1f} characters")


if __name__ == "__main__":
    main()
