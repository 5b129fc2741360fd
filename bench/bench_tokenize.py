"""Tokenizer backends side by side, in one run: rjieba (jieba-rs) against jieba (the Python reference).

    .venv/bin/python bench/bench_tokenize.py [--repeat N]

Figures per backend (best of N; ratio = jieba / rjieba):
  start (new process)     python -c: import viewer.core.tokenize, Tokenizer(backend=...).warm_up(); the
                          interpreter's own start-up is measured apart and subtracted (caches warm: jieba's
                          prefix dictionary, the resolved user dictionary)
  start (in process)      Tokenizer(backend=...).warm_up() again in this process (libraries already imported)
  tokenise five           the five sample reports, per-text cache cleared, one thread
  tokenise five, 4 threads the same texts on 4 threads at once (rjieba releases the GIL while it segments)
  compare five            viewer.core.comparison.compare_reports of the five reports, tokeniser warm, its
                          cache cleared (so tokenising is included), reports already loaded
  compare five, cold      the same plus starting the backend (in process)
Then: whether both backends give the same tokens on the five, and rjieba's first start in an empty cache
folder (jieba resolves the user dictionary once, ~1 s, then it is cached).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.comparison import compare_reports
from viewer.core.loader import load_report
from viewer.core.paths import sample_files
from viewer.core.tokenize import Tokenizer

BACKENDS = ("rjieba", "jieba")
CACHE = Path(tempfile.gettempdir()) / "report-compare-bench"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def process_seconds(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - t


def start_in_new_process(backend: str, repeat: int) -> float:
    base = min(process_seconds("pass") for _ in range(repeat))
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from viewer.core.tokenize import Tokenizer; "
            f"Tokenizer(cache_dir={str(CACHE)!r}, backend={backend!r}).warm_up()")
    process_seconds(code)  # fills the caches
    return min(process_seconds(code) for _ in range(repeat)) - base


def measure(backend: str, reports: list, repeat: int) -> tuple[dict[str, float], list[tuple[str, ...]]]:
    texts = [r.text for r in reports]
    f: dict[str, float] = {}
    f["start (new process)"] = start_in_new_process(backend, repeat)
    f["start (in process)"] = best(lambda: Tokenizer(cache_dir=CACHE, backend=backend).warm_up(), repeat)
    tokenizer = Tokenizer(cache_dir=CACHE, backend=backend)
    tokenizer.warm_up()

    def tokenise_all() -> None:
        tokenizer.clear_cache()
        for t in texts:
            tokenizer.tokenize(t)

    def tokenise_threads() -> None:
        tokenizer.clear_cache()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(tokenizer.tokenize, texts))

    def compare() -> None:
        tokenizer.clear_cache()
        compare_reports(reports, tokenizer)

    f["tokenise five"] = best(tokenise_all, repeat)
    f["tokenise five, 4 threads"] = best(tokenise_threads, repeat)
    f["compare five"] = best(compare, repeat)
    f["compare five, cold"] = best(
        lambda: compare_reports(reports, Tokenizer(cache_dir=CACHE, backend=backend)), repeat)
    tokenizer.clear_cache()
    return f, [tokenizer.tokenize(t).words for t in texts]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = ap.parse_args()
    reports = [load_report(p) for p in sample_files()]
    chars = sum(len(r.text) for r in reports)
    print(f"five reports: {', '.join(r.name for r in reports)} ({chars:,} characters)\n")

    figures: dict[str, dict[str, float]] = {}
    tokens: dict[str, list[tuple[str, ...]]] = {}
    for backend in BACKENDS:
        figures[backend], tokens[backend] = measure(backend, reports, args.repeat)

    print(f"{'':<28}{'rjieba s':>10}{'jieba s':>10}{'ratio':>8}")
    for name in figures["rjieba"]:
        r, j = figures["rjieba"][name], figures["jieba"][name]
        print(f"{name:<28}{r:>10.3f}{j:>10.3f}{j / r:>8.1f}")
    for backend in BACKENDS:
        rate = chars / figures[backend]["tokenise five"]
        print(f"{backend} tokenises {rate / 1000:,.0f}k characters/s (one thread)")

    same = [a == b for a, b in zip(tokens["rjieba"], tokens["jieba"])]
    counts = ", ".join(str(len(w)) for w in tokens["rjieba"])
    print(f"\nsame tokens on {sum(same)} of {len(same)} reports ({counts} tokens)")

    with tempfile.TemporaryDirectory() as empty:
        t = time.perf_counter()
        Tokenizer(cache_dir=empty, backend="rjieba").warm_up()
        print(f"rjieba first start in an empty cache folder: {time.perf_counter() - t:.2f} s "
              "(jieba builds its prefix-dictionary cache and resolves the user dictionary, once)")


if __name__ == "__main__":
    main()
