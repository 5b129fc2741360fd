"""App benchmarks (offscreen):

1. cold start: from process start to the window shown with the five samples loaded and fully aligned (every
   row laid out), best of ``--runs``; baseline in the same run: a process that only starts Python, imports
   PySide6 and shows an empty window. Measured twice: with the environment as it is (with
   PYTHONDONTWRITEBYTECODE=1 and no .pyc files every import compiles its source, every start), and with
   compiled bytecode, as an installed app or a PyInstaller bundle has it (PYTHONPYCACHEPREFIX in a temporary
   folder, filled by one untimed start);
2. UI-thread stalls while loading 20 reports (the samples under generated districts/years) and aligning the
   two most recent: the longest gap between 5 ms timer ticks on the UI thread; ``--runs`` fresh processes.

The load average is printed with each figure: on a shared machine, compare figures taken at similar load.

    .venv/bin/python bench/bench_app.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHILD_APP = r"""
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QSettings, QTimer
app = QApplication([])
from viewer.ui.main_window import MainWindow
from viewer.core.paths import sample_files
w = MainWindow(QSettings({ini!r}, QSettings.Format.IniFormat)); w.compare.warm_up_in_background()
w.resize(1600, 1000); w.show()
w.load_files(sample_files())
def check():
    if w.is_busy():
        QTimer.singleShot(5, check); return
    print("READY", w.compare.model.columnCount(), w.compare.model.rowCount(), time.time() - float(sys.argv[1]),
          flush=True)
    app.quit()
QTimer.singleShot(0, check)
app.exec()
"""
CHILD_BASE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); w = QMainWindow(); w.resize(1600, 1000); w.show(); app.processEvents()
print("READY", time.time() - float(sys.argv[1]), flush=True)
"""


CHILD_STALLS = r"""
import sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
import bench_app
with tempfile.TemporaryDirectory() as tmp:
    stall, total, n = bench_app.ui_stalls(bench_app.variants(20, Path(tmp)))
print("STALL", stall, total, n, flush=True)
"""


def time_child(code: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Seconds from starting the process to its READY line (not to its exit: at exit Qt's thread pool waits for
    background work started once the window was ready, e.g. the indicator tabs' recomputation)."""
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, repr(start)], capture_output=True, text=True, cwd=ROOT,
                         timeout=300, env=env)
    exited = time.time() - start
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith(("READY", "STALL"))), "")
    if line.startswith("READY"):
        *rest, ready = line.split()
        return float(ready), " ".join(rest) + f" (exit {exited:.2f} s)"
    return exited, line or out.stderr[-300:]


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def bytecode_env(folder: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = folder
    return env


def variants(n: int, folder: Path) -> list[Path]:
    """n distinct reports: the samples with the district renamed and the years shifted."""
    from viewer.core.paths import sample_files

    samples = [p.read_text(encoding="utf-8") for p in sample_files()]
    out = []
    for i in range(n):
        text = samples[i % len(samples)]
        shift = i // len(samples) + 1
        for y in range(2026, 2014, -1):
            text = text.replace(f"{y}年", f"{y + shift}年")
        for d in ("渝北", "大渡口", "九龙坡"):
            text = text.replace(d, f"{d}{chr(0x4e00 + i)}")
        p = folder / f"r{i:02d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def ui_stalls(paths: list[Path]) -> tuple[float, float, int]:
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        w.resize(1600, 1000)
        w.show()
        w.compare.tokenizer().tokenize("预热分词器")  # jieba's one-off init is not a UI stall
        for _ in range(20):  # the window's first paint (font loading) happens once at start-up, not per load
            app.processEvents()
            time.sleep(0.01)
        gaps: list[float] = []
        self_times: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            self_times.append(now)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        t = time.perf_counter()
        w.load_files(paths)
        # compare the last two only: a 20-column table is not what a reader does
        def choose() -> None:
            if w.is_loading():
                QTimer.singleShot(20, choose)
                return
            m = w.library_model
            for row in range(m.rowCount()):  # (only the first few arrivals are ticked by the library itself)
                m._checked[row] = row >= m.rowCount() - 2
            m.checked_changed.emit()
        QTimer.singleShot(20, choose)
        while True:
            app.processEvents()
            if not w.is_busy() and w.compare.model.columnCount() == 2:
                break
            if time.perf_counter() - t > 120:
                raise RuntimeError(f"not done after 120 s: {w.compare.model.columnCount()} columns, busy {w.is_busy()}")
            time.sleep(0.001)
        total = time.perf_counter() - t
        timer.stop()
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        if os.environ.get("BENCH_DEBUG"):
            print("worst gap ends at", self_times[worst], "ms; top gaps:", sorted(gaps)[-5:])
        return max(gaps), total, w.library_model.rowCount()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3, help="cold starts and stall runs per configuration")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ini = str(Path(tmp) / "s.ini")
        app_code = CHILD_APP.format(root=str(ROOT), ini=ini)
        configs = [("as is", dict(os.environ))]
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            configs.append(("bytecode", bytecode_env(str(Path(tmp) / "pycache"))))
        for name, env in configs:
            time_child(CHILD_BASE, env)  # untimed: fills the bytecode cache (and the OS file cache)
            time_child(app_code, env)
            base = min(time_child(CHILD_BASE, env)[0] for _ in range(2))
            runs = []
            for _ in range(args.runs):
                seconds, line = time_child(app_code, env)
                if line.startswith("READY"):
                    runs.append((seconds, line, load()))
                else:
                    print(f"[{name}] cold start failed:", line)
            print(f"[{name}] baseline: python + PySide6 + empty window   {base:6.2f} s")
            if runs:
                best = min(runs)
                print(f"[{name}] cold start to 5 samples aligned           {best[0]:6.2f} s  ({best[0] / base:.1f}x "
                      f"baseline)  runs {' '.join(f'{r[0]:.2f}' for r in runs)}  [{best[1]}]  {best[2]}")
            stalls = []
            for _ in range(args.runs):
                _, line = time_child(CHILD_STALLS.format(root=str(ROOT), bench=str(ROOT / "bench")), env)
                parts = line.split()
                if parts[:1] == ["STALL"]:
                    stalls.append((float(parts[1]), float(parts[2]), int(parts[3]), load()))
                else:
                    print(f"[{name}] stall run failed:", line)
            for stall, total, n, ld in stalls:
                print(f"[{name}] load {n} reports + align 2: {total:.2f} s; longest UI-thread stall {stall:.0f} ms"
                      f"  {ld}")
            if stalls:
                values = [st[0] for st in stalls]
                print(f"[{name}] longest UI-thread stall: min {min(values):.0f} ms, median "
                      f"{statistics.median(values):.0f} ms over {len(values)} runs")


if __name__ == "__main__":
    main()
