"""Time to ingest + structure all bundled samples (and their converted variants), printed with ratios.

Baseline measured in the same run: reading the raw bytes and decoding them (the floor any reader pays).
    .venv/bin/python bench/bench_ingest.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.core.ingest.clean import clean_text  # noqa: E402
from viewer.core.ingest.readers import read_raw  # noqa: E402
from viewer.core.loader import load_report  # noqa: E402
from viewer.core.paths import sample_files  # noqa: E402
from viewer.core.structure import build_report  # noqa: E402


def best_of(fn, repeat: int) -> float:
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
    files = sample_files()
    total_chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    print(f"{len(files)} samples, {total_chars:,} characters")

    base, _ = best_of(lambda: [f.read_bytes().decode("utf-8") for f in files], args.repeat)
    read, _ = best_of(lambda: [read_raw(f) for f in files], args.repeat)
    raws = [read_raw(f).text for f in files]
    clean, _ = best_of(lambda: [clean_text(t) for t in raws], args.repeat)
    cleans = [clean_text(t) for t in raws]
    struct, _ = best_of(lambda: [build_report(c) for c in cleans], args.repeat)
    total, med = best_of(lambda: [load_report(f) for f in files], args.repeat)
    print(f"{'stage':<28}{'best ms':>10}{'x baseline':>12}")
    for name, t in [("baseline: bytes+decode", base), ("read_raw (detect+decode)", read),
                    ("clean", clean), ("structure", struct), ("load_report (all stages)", total)]:
        print(f"{name:<28}{t * 1000:>10.1f}{t / base:>12.1f}")
    print(f"ingest+structure all samples: {total * 1000:.1f} ms best, {med * 1000:.1f} ms median "
          f"({total_chars / total / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
