"""Time of the phrase analyses over the bundled samples (warm, best of N), against a baseline measured in the
same run: tokenising the same texts from scratch (the tokenizer's cache cleared), the floor of any analysis
that reads the reports word by word.

Stages: ``phrase_lifecycle`` over all five samples, warm (reports loaded, tokens cached, word classes loaded) —
goal under 1 s — and cold in this process (its first call: jieba's word classes are read, about 0.3 s); then on
the Yubei series (2021, 2022, 2024), with its comparison made once: ``classify_edits`` and ``change_matrix``.
    .venv/bin/python bench/bench_phrases.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.comparison import compare_reports  # noqa: E402
from viewer.core.loader import load_report  # noqa: E402
from viewer.core.paths import sample_files  # noqa: E402
from viewer.core.phrases import change_matrix, classify_edits, phrase_lifecycle  # noqa: E402
from viewer.core.tokenize import Tokenizer  # noqa: E402

GOAL_S = 1.0


def best_of(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    reports = [load_report(f) for f in sample_files()]
    chars = sum(len(r.text) for r in reports)
    tokenizer = Tokenizer()
    tokenizer.warm_up()
    print(f"{len(reports)} samples, {chars:,} characters of clean text; tokenizer backend {tokenizer.backend}")

    def tokenise() -> None:
        tokenizer.clear_cache()
        for r in reports:
            tokenizer.tokenize(r.text)

    base, _ = best_of(tokenise, args.repeat)                      # leaves every text in the cache
    t = time.perf_counter()
    life = phrase_lifecycle(reports, tokenizer)                   # first call: word classes read here
    cold = time.perf_counter() - t
    warm, warm_med = best_of(lambda: phrase_lifecycle(reports, tokenizer), args.repeat)

    yubei = sorted((r for r in reports if r.meta.district == "渝北区"), key=lambda r: r.meta.year or 0)
    comparison = compare_reports(yubei, tokenizer)
    edits = classify_edits(comparison)                            # warm-up (indicator dictionary, figures)
    edit_t, _ = best_of(lambda: classify_edits(comparison), args.repeat)
    matrix = change_matrix(comparison, tokenizer)
    matrix_t, _ = best_of(lambda: change_matrix(comparison, tokenizer), args.repeat)

    new, dropped = len(life.new_in("渝北区")), len(life.dropped_in("渝北区"))
    print(f"lifecycle: {len(life.phrases)} phrases ({sum(p.boilerplate for p in life.phrases)} boilerplate); "
          f"Yubei: {new} only in 2024, {dropped} dropped after 2021/2022")
    print(f"Yubei series: {len(edits)} classified edits, matrix {len(matrix.rows)} sections × "
          f"{len(matrix.columns)} report pairs")
    print(f"{'stage':<48}{'best ms':>10}{'x baseline':>12}")
    for name, v in [("baseline: tokenise the 5 samples (cache cleared)", base),
                    ("phrase_lifecycle, 5 samples, cold (1st call)", cold),
                    ("phrase_lifecycle, 5 samples, warm", warm),
                    ("classify_edits, Yubei 2021/2022/2024", edit_t),
                    ("change_matrix, Yubei 2021/2022/2024", matrix_t)]:
        print(f"{name:<48}{v * 1000:>10.1f}{v / base:>12.2f}")
    verdict = "OK" if warm < GOAL_S else "SLOW"
    print(f"lifecycle over {len(reports)} samples warm: {warm * 1000:.1f} ms best, {warm_med * 1000:.1f} ms median "
          f"(goal < {GOAL_S * 1000:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
