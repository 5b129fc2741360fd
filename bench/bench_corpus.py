"""Corpus-scale check: 100 reports loaded cold (empty disk cache) and cached, time and peak memory, and one
pair of them aligned and compared.

The corpus is the five samples re-used under generated names, districts and years (every year in the text
shifted, the district renamed, one sentence varied), so all 100 files have different bytes.

Each phase runs in a fresh process (a "start"), so its time and peak memory (ru_maxrss: the whole process,
interpreter and libraries included) are its own:

* baseline   — ``load_report`` on every file, no cache (what loading cost before the cache; the ratios' base)
* cold       — through ``ReportCache`` with an empty cache folder (parse + hash + write the entries)
* cached     — the same, the next start: every file a cache hit
* ui-cold / ui-cached — the real window (offscreen) loading all 100 with the worker thread, to "loaded"
* compare    — the 100 loaded from the cache, then two of them aligned and diffed (``compare_reports``)

plus Python-heap peaks (tracemalloc) for cold and cached, and what caching tokens would save.

    .venv/bin/python bench/bench_corpus.py [--n 100] [--repeat 2]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DISTRICTS = ("渝北", "大渡口", "九龙坡")
_YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?=年|-|/|\.|〕)")


def make_corpus(n: int, folder: Path) -> list[Path]:
    """``n`` distinct report files from the samples: names ``<district>-<year>-<k>.txt``."""
    from viewer.core.paths import sample_files

    samples = [(*p.stem.split("-")[:2], p.read_text(encoding="utf-8")) for p in sample_files()]
    out = []
    for i in range(n):
        stem, year, text = samples[i % len(samples)]
        shift = i // len(samples) + 1
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        tag = chr(0x4E00 + 0x100 + shift)  # a made-up district per round: its reports are a year series
        for d in DISTRICTS:
            text = text.replace(d, f"{d}{tag}")
        # one sentence varied a little: the first 。 of the body gains a clause
        cut = text.find("。", len(text) // 3)
        if cut > 0:
            text = text[:cut] + f"，第{i + 1}次修订" + text[cut:]
        p = folder / f"{stem}{tag}-{int(year) + shift}-{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


# -- child phases --------------------------------------------------------------------------------------------
def _rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 1024 / 1024


def child(phase: str, corpus: Path, cache_dir: Path, trace: bool) -> dict:
    files = sorted(corpus.glob("*.txt"))
    if trace:
        import tracemalloc

        tracemalloc.start()
    result: dict = {"phase": phase, "files": len(files)}
    if phase in ("baseline", "cold", "cached", "compare"):
        from viewer.core.cache import ReportCache
        from viewer.core.loader import load_report

        cache = ReportCache(cache_dir, max_bytes=2 * 1024 ** 3)
        t, c = time.perf_counter(), time.process_time()
        if phase == "baseline":
            reports = [load_report(p) for p in files]
        else:
            reports = [cache.load(p) for p in files]
        result["load_s"], result["cpu_s"] = time.perf_counter() - t, time.process_time() - c
        result["hits"], result["misses"] = cache.stats.hits, cache.stats.misses
        result["chars"] = sum(len(r.text) for r in reports)
        if phase == "compare":
            from viewer.core.comparison import compare_reports
            from viewer.core.tokenize import Tokenizer

            tok = Tokenizer()
            t = time.perf_counter()
            tok.warm_up()
            result["tokenizer_start_s"] = time.perf_counter() - t
            # a realistic pair: one made-up district, its 2022- and 2024-based reports (same round)
            last_round = max(r.name.split("-")[0] for r in reports if r.name.startswith("yubei"))
            pair = sorted((r for r in reports if r.name.split("-")[0] == last_round),
                          key=lambda r: r.meta.year or 0)[-2:]
            t = time.perf_counter()
            comp = compare_reports(pair, tok)
            result["compare_s"] = time.perf_counter() - t
            result["compare_rows"] = sum(1 for _ in comp.alignment.walk())
            result["pair"] = [r.name for r in pair]
            # would a disk cache of tokens pay? tokenising every report vs unpickling their tokens
            import pickle

            t = time.perf_counter()
            toks = [tok.tokenize(r.text) for r in reports]
            result["tokenize_all_s"] = time.perf_counter() - t
            blob = pickle.dumps(toks, protocol=pickle.HIGHEST_PROTOCOL)
            t = time.perf_counter()
            pickle.loads(blob)
            result["unpickle_tokens_s"] = time.perf_counter() - t
            result["tokens_mb"] = len(blob) / 1e6
        result["cache_mb"] = cache.size() / 1e6
    else:  # the window, offscreen
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["REPORT_COMPARE_CACHE_DIR"] = str(cache_dir)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        from viewer.ui.main_window import MainWindow

        with tempfile.TemporaryDirectory() as tmp:
            w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
            w.resize(1600, 1000)
            w.show()
            app.processEvents()
            t, c = time.perf_counter(), time.process_time()
            w.load_files(files)
            while w.is_loading():
                app.processEvents()
                time.sleep(0.002)
            result["load_s"], result["cpu_s"] = time.perf_counter() - t, time.process_time() - c
            result["loaded"] = len(w.reports)
            result["errors"] = list(w.errors)
            result["rss_loaded_mb"] = _rss_mb()
            if phase == "ui-idle":  # the worst case: the user ticks every loaded report, the window aligns all
                for row in range(w.library_model.rowCount()):
                    w.library_model.set_checked(row, True)
                while w.is_busy() and time.perf_counter() - t < 600:
                    app.processEvents()
                    time.sleep(0.005)
                result["idle_s"] = time.perf_counter() - t
                result["columns"] = w.compare.model.columnCount()
    if trace:
        import tracemalloc

        result["py_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    result["rss_mb"] = _rss_mb()
    if phase.startswith("ui"):  # leave now: do not wait for the window's background work at exit
        print(json.dumps(result, ensure_ascii=False), flush=True)
        os._exit(0)
    return result


def run_child(phase: str, corpus: Path, cache_dir: Path, trace: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--child", phase, "--corpus", str(corpus), "--cache", str(cache_dir)]
    if trace:
        cmd.append("--trace")
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    wall = time.perf_counter() - t
    line = next((ln for ln in reversed(out.stdout.splitlines()) if ln.startswith("{")), None)
    if out.returncode != 0 or line is None:
        raise SystemExit(f"phase {phase} failed:\n{out.stderr[-3000:]}")
    result = json.loads(line)
    result["process_s"] = wall
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each timed phase (best is shown)")
    ap.add_argument("--child")
    ap.add_argument("--corpus")
    ap.add_argument("--cache")
    ap.add_argument("--trace", action="store_true")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, Path(args.corpus), Path(args.cache), args.trace),
                         ensure_ascii=False), flush=True)
        return

    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files = make_corpus(args.n, corpus)
        from viewer.core.workspace import file_digest

        assert len({file_digest(p)[0] for p in files}) == len(files), "generated files are not all distinct"
        size_mb = sum(p.stat().st_size for p in files) / 1e6
        print(f"{len(files)} reports, {size_mb:.1f} MB of text (the 5 samples under generated names/years)")

        def fresh_cache(name: str) -> Path:
            d = Path(tmp) / name
            shutil.rmtree(d, ignore_errors=True)
            return d

        runs: dict[str, list[dict]] = {k: [] for k in ("baseline", "cold", "cached", "ui-cold", "ui-cached")}
        for _ in range(args.repeat):
            runs["baseline"].append(run_child("baseline", corpus, fresh_cache("unused")))
            d = fresh_cache("cache")
            runs["cold"].append(run_child("cold", corpus, d))
            runs["cached"].append(run_child("cached", corpus, d))
            d = fresh_cache("ui-cache")
            runs["ui-cold"].append(run_child("ui-cold", corpus, d))
            runs["ui-cached"].append(run_child("ui-cached", corpus, d))
        best = {k: min(v, key=lambda r: r["cpu_s"]) for k, v in runs.items()}
        assert best["cold"]["misses"] == len(files) and best["cached"]["hits"] == len(files)
        for k in ("ui-cold", "ui-cached"):
            assert best[k]["loaded"] == len(files), best[k]["errors"]
        traced_cold = run_child("cold", corpus, fresh_cache("traced"), trace=True)
        traced_cached = run_child("cached", corpus, Path(tmp) / "traced", trace=True)
        comp = run_child("compare", corpus, Path(tmp) / "cache")
        idle = run_child("ui-idle", corpus, Path(tmp) / "ui-cache")

        base = best["baseline"]["cpu_s"]
        print(f"\nbest of {args.repeat} runs by CPU time (wall time depends on other work on the machine)")
        print(f"{'phase (fresh process each)':<34}{'CPU s':>7}{'x base':>8}{'wall s':>8}{'process s':>11}"
              f"{'max RSS MB':>12}")
        for key, label in (("baseline", "baseline: load_report, no cache"), ("cold", "cold: empty cache"),
                           ("cached", "cached: second start"), ("ui-cold", "window, cold cache"),
                           ("ui-cached", "window, cached")):
            r = best[key]
            print(f"{label:<34}{r['cpu_s']:>7.2f}{r['cpu_s'] / base:>8.2f}{r['load_s']:>8.2f}"
                  f"{r['process_s']:>11.2f}{r['rss_mb']:>12.0f}")
        print(f"cached vs cold (CPU): {best['cold']['cpu_s'] / best['cached']['cpu_s']:.1f}x faster "
              f"(window: {best['ui-cold']['cpu_s'] / best['ui-cached']['cpu_s']:.1f}x); "
              f"cache folder {best['cached']['cache_mb']:.0f} MB for {len(files)} reports")
        print(f"Python heap peak (tracemalloc), all {len(files)} held: "
              f"cold {traced_cold['py_peak_mb']:.0f} MB, cached {traced_cached['py_peak_mb']:.0f} MB")
        print(f"compare {comp['pair'][0]} vs {comp['pair'][1]}: {comp['compare_s']:.2f} s "
              f"({comp['compare_rows']} rows; tokenizer start {comp['tokenizer_start_s']:.2f} s, "
              f"{comp['compare_s'] / best['baseline']['load_s']:.2f}x the baseline load of all {len(files)})")
        print(f"tokens: tokenising all {len(files)} takes {comp['tokenize_all_s']:.2f} s, unpickling them "
              f"{comp['unpickle_tokens_s']:.2f} s ({comp['tokens_mb']:.0f} MB) — "
              f"{comp['tokenize_all_s'] / max(comp['unpickle_tokens_s'], 1e-9):.1f}x")
        print(f"window until idle, cached: {idle['idle_s']:.1f} s — all {idle['loaded']} loaded reports "
              f"ticked by hand, so it aligns {idle['columns']} columns (max RSS {idle['rss_mb']:.0f} MB)")
        phases = [(k, r["rss_mb"]) for k, rs in runs.items() for r in rs]
        phases.append((f"window aligning all {len(files)}", idle["rss_mb"]))
        phases += [("compare (+ all 100 tokenised and pickled)", comp["rss_mb"]),
                   ("cold under tracemalloc", traced_cold["rss_mb"])]
        name, peak = max(phases, key=lambda kv: kv[1])
        print(f"peak memory of any phase (max RSS): {peak:.0f} MB in {name} — goal <= 1536 MB: "
              f"{'met' if peak <= 1536 else 'MISSED'}")


if __name__ == "__main__":
    main()
