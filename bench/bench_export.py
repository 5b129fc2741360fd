"""Time to export compared reports as a PDF: the five samples side by side, and the two Yubei years.

Baseline measured in the same run: aligning and diffing the same reports (``compare_reports``, warm) — the work
the export starts from. The export figure covers the title page (with the scorecard, so indicator extraction),
layout of every cell, painting, and the final fix-up pass (bookmarks, links, ToUnicode). Best of N, offscreen.
    .venv/bin/python bench/bench_export.py [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer.core.comparison import compare_reports  # noqa: E402
from viewer.core.loader import load_report  # noqa: E402
from viewer.core.paths import sample_files  # noqa: E402
from viewer.core.tokenize import Tokenizer  # noqa: E402
from viewer.export.pdf import ensure_gui_app, export_comparison_pdf, page_count  # noqa: E402


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    ensure_gui_app()
    files = sample_files()
    by_name = {Path(f).stem: f for f in files}
    cases = {
        "five samples": [load_report(f) for f in files],
        "yubei 2022↔2024": [load_report(by_name["yubei-2022"]), load_report(by_name["yubei-2024"])],
    }
    tok = Tokenizer()
    compare_reports(cases["yubei 2022↔2024"], tok)  # warm the tokenizer
    print(f"load average: {os.getloadavg()[0]:.2f}")
    print(f"{'case':18} {'chars':>7} {'compare s':>10} {'export s':>9} {'pages':>6} {'ms/page':>8} {'export/compare':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, reports in cases.items():
            t_cmp, comparison = best(lambda r=reports: compare_reports(r, tok), args.repeat)
            out = Path(tmp) / "out.pdf"
            t_exp, _ = best(lambda c=comparison: export_comparison_pdf(c, out), args.repeat)
            pages = page_count(out)
            chars = sum(len(r.text) for r in reports)
            print(f"{name:18} {chars:7,} {t_cmp:10.3f} {t_exp:9.3f} {pages:6d} {1000 * t_exp / pages:8.1f} "
                  f"{t_exp / t_cmp:14.1f}×")
            size = out.stat().st_size
            print(f"{'':18} PDF size {size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
