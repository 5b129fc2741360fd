#!/usr/bin/env python3
"""Build the one-folder app with PyInstaller, then smoke-test the built executable headless.

    python3 packaging/build.py              # build dist/report-compare/ and smoke-test it
    python3 packaging/build.py --no-build   # only smoke-test an existing dist/report-compare/
    python3 packaging/build.py --no-smoke   # only build

PyInstaller is pinned in pyproject.toml's ``packaging`` dependency group, which ``uv sync --frozen`` (tests, CI)
leaves out. The build gets its own environment, build/venv-packaging (the locked runtime deps + that group), so
it never adds to or removes from the developers' .venv.

The smoke test runs the bundle from a scratch folder with a scratch cache and QT_QPA_PLATFORM=offscreen: the
app starts on its bundled samples (and, offscreen, saves its window to a PNG and quits), the CLI runs
``outline``, ``indicators``, ``compare`` and ``export-pdf`` on bundled samples, and a bad file must give one
``error:`` line and exit 2. It prints the bundle's size and start times. Exit code 0 only if all of it passed.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "report_compare.spec"
BUILD = ROOT / "build"
BUILD_ENV = BUILD / "venv-packaging"
ICONS = BUILD / "icons"
DIST = ROOT / "dist"
NAME = "report-compare"
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def env_python() -> Path:
    return BUILD_ENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_build_env() -> Path:
    """build/venv-packaging: the locked runtime dependencies plus the packaging group (PyInstaller)."""
    sys.path.insert(0, str(ROOT))
    import dev  # the project's set-up script: finds or installs uv

    uv = dev.ensure_uv()
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(BUILD_ENV))
    log(f"syncing {BUILD_ENV.relative_to(ROOT)} (runtime deps + packaging group)")
    subprocess.run([uv, "sync", "--frozen", "--quiet", "--no-default-groups", "--group", "packaging"],
                   cwd=ROOT, env=env, check=True)
    return env_python()


def make_icons(python: Path) -> None:
    args = [str(python), str(ROOT / "packaging" / "make_icon.py"), "--png", str(ICONS / f"{NAME}.png")]
    if WINDOWS:
        args += ["--ico", str(ICONS / f"{NAME}.ico")]
    if MACOS:
        args += ["--icns", str(ICONS / f"{NAME}.icns")]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def build(python: Path) -> float:
    make_icons(python)
    log("running PyInstaller (a few minutes)")
    t0 = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller")],
        cwd=ROOT, check=True, env=dict(os.environ, RC_ICON_DIR=str(ICONS)),
    )
    add_desktop_files()
    return time.perf_counter() - t0


def add_desktop_files() -> None:
    """Linux: the .desktop file and the icon next to the executable (README.md says where to install them)."""
    if WINDOWS or MACOS:
        return
    shutil.copyfile(ROOT / "packaging" / f"{NAME}.desktop", bundle_dir() / f"{NAME}.desktop")
    shutil.copyfile(ROOT / "resources" / "icon.svg", bundle_dir() / f"{NAME}.svg")
    shutil.copyfile(ROOT / "resources" / "icon.png", bundle_dir() / f"{NAME}.png")


# ------------------------------------------------------------------------------------------------ smoke test


def bundle_dir() -> Path:
    return DIST / NAME


def executable(cli: bool = False) -> Path:
    name = f"{NAME}-cli" if cli and (WINDOWS or MACOS) else NAME
    return bundle_dir() / (f"{name}.exe" if WINDOWS else name)


def bundle_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class Smoke:
    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.failures: list[str] = []
        # a clean environment: no source tree on the path, a scratch cache, no display
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
        self.env.update(QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(scratch / "cache"),
                        HOME=str(scratch / "home"), LANG=os.environ.get("LANG", "C.UTF-8"))
        (scratch / "home").mkdir()

    def run(self, *args: str, timeout: float = 300, command: list[str] | None = None,
            env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float]:
        t0 = time.perf_counter()
        proc = subprocess.run([*(command or [str(executable(cli=True))]), *args], cwd=self.scratch,
                              env=env or self.env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=timeout)
        return proc, time.perf_counter() - t0

    def source_start_times(self) -> tuple[float, float] | None:
        """The same start from the source tree (.venv), cold and warm, as a baseline measured in this run."""
        python = ROOT / ".venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")
        if not python.exists():
            return None
        env = dict(self.env, XDG_CACHE_HOME=str(self.scratch / "cache-source"))
        times = []
        for _ in range(2):
            proc, seconds = self.run(command=[str(python), str(ROOT / "main.py")], env=env)
            if proc.returncode != 0 or "5 reports loaded" not in proc.stdout:
                return None
            times.append(seconds)
        return times[0], times[1]

    def check(self, ok: bool, what: str, proc: subprocess.CompletedProcess | None = None) -> bool:
        log(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            detail = "" if proc is None else f" (exit {proc.returncode}; stderr: {proc.stderr.strip()[-1500:]})"
            self.failures.append(what + detail)
            if proc is not None:
                print(proc.stdout[-2000:], proc.stderr[-3000:], sep="\n", file=sys.stderr)
        return ok


def real_display_check(s: Smoke) -> tuple[bool, str] | None:
    """With Xvfb installed (Linux): the bundle starts on a real X display through its xcb plugin and stays up
    (it only quits by itself offscreen). None when there is no Xvfb to try with."""
    xvfb = shutil.which("Xvfb")
    if not xvfb or WINDOWS or MACOS:
        return None
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        env = {k: v for k, v in s.env.items() if k != "QT_QPA_PLATFORM"}
        env["DISPLAY"] = display
        app = subprocess.Popen([str(executable(cli=True))], cwd=s.scratch, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        try:
            app.wait(timeout=15)
            up = False  # it exited: the platform plugin did not load, or it crashed
        except subprocess.TimeoutExpired:
            up = True
        finally:
            app.terminate()
            _, err = app.communicate(timeout=30)
        return up, err.strip()[-500:]
    finally:
        server.terminate()
        server.wait(timeout=30)


def smoke_test() -> int:
    exe = executable()
    if not exe.exists() or not executable(cli=True).exists():
        log(f"no bundle at {exe}; build it first")
        return 1
    size = bundle_size(bundle_dir())
    samples = sorted((bundle_dir() / "_internal" / "resources" / "samples").glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="rc-smoke-") as tmp:
        s = Smoke(Path(tmp))
        s.check(len(samples) == 5, f"bundle carries the 5 sample reports ({len(samples)} found)")
        if len(samples) < 2:
            return 1
        a, b = str(samples[0]), str(samples[1])

        proc, t_help = s.run("--help")
        s.check(proc.returncode == 0 and "export-pdf" in proc.stdout, "CLI --help lists the subcommands", proc)

        # GUI, offscreen, cold (empty cache): loads the bundled samples, saves its window, quits. Run through the
        # console executable (on Windows/macOS the windowed one has no stdout to report on; same code inside)
        proc, t_cold = s.run()
        png = Path(tmp) / "report-compare-window.png"
        s.check(proc.returncode == 0 and "5 reports loaded" in proc.stdout and "could not read" not in proc.stdout,
                f"app starts offscreen and loads the 5 bundled samples: {proc.stdout.strip()[:200]!r}", proc)
        s.check(png.exists() and png.stat().st_size > 20_000, "app saved its window as a PNG", proc)
        if png.exists():
            kept = BUILD / "smoke-window.png"
            shutil.copyfile(png, kept)
            log(f"window screenshot kept at {kept.relative_to(ROOT)}")
        proc, t_warm = s.run()
        s.check(proc.returncode == 0 and "5 reports loaded" in proc.stdout, "app starts again (warm cache)", proc)

        proc, _ = s.run("outline", a)
        s.check(proc.returncode == 0 and "plan_year" in proc.stdout, "CLI outline", proc)
        proc, _ = s.run("indicators", a, b, "--csv", "ind.csv")
        csv = Path(tmp) / "ind.csv"
        s.check(proc.returncode == 0 and csv.exists() and csv.read_text(encoding="utf-8").count("\n") > 50,
                "CLI indicators writes a CSV", proc)
        proc, _ = s.run("compare", a, b, "--json", "cmp.json")
        cmp = Path(tmp) / "cmp.json"
        s.check(proc.returncode == 0 and cmp.exists() and cmp.stat().st_size > 10_000, "CLI compare writes JSON", proc)
        proc, t_pdf = s.run("export-pdf", a, b, "-o", "out.pdf")
        pdf = Path(tmp) / "out.pdf"
        s.check(proc.returncode == 0 and pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
                and pdf.stat().st_size > 20_000, f"CLI export-pdf writes a PDF: {proc.stdout.strip()!r}", proc)
        if pdf.exists():
            shutil.copyfile(pdf, BUILD / "smoke-export.pdf")

        shown = real_display_check(s)
        if shown is None:
            log("skip real X display check (no Xvfb)")
        else:
            s.check(shown[0], f"app runs on a real X display (xcb plugin, Xvfb) {shown[1]!r}")

        source = s.source_start_times()

        bad = Path(tmp) / "garbage.txt"
        bad.write_bytes(bytes(range(256)) * 64)
        proc, _ = s.run("outline", str(bad))
        lines = proc.stderr.strip().splitlines()
        s.check(proc.returncode == 2 and len(lines) == 1 and lines[0].startswith(f"error: {bad}: "),
                f"a bad file gives one error line and exit 2: {proc.stderr.strip()!r}", proc)

    print()
    print(f"bundle:        {bundle_dir().relative_to(ROOT)}  ({platform.system()} {platform.machine()})")
    print(f"bundle size:   {size / 1e6:.1f} MB in {sum(1 for p in bundle_dir().rglob('*') if p.is_file())} files")
    print(f"start (CLI --help):                  {t_help:.2f} s")
    print(f"start to 5 samples loaded (cold):    {t_cold:.2f} s")
    print(f"start to 5 samples loaded (warm):    {t_warm:.2f} s")
    if source:
        print(f"same from the source tree (.venv):   {source[0]:.2f} s cold, {source[1]:.2f} s warm "
              f"(bundle/source: {t_cold / source[0]:.2f}, {t_warm / source[1]:.2f})")
    print(f"export-pdf of two samples:           {t_pdf:.2f} s")
    if s.failures:
        print(f"\nSMOKE TEST FAILED ({len(s.failures)}):", *s.failures, sep="\n  ")
        return 1
    print("\nsmoke test passed")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="smoke-test the existing bundle only")
    parser.add_argument("--no-smoke", action="store_true", help="build only")
    args = parser.parse_args(argv)
    if not args.no_build:
        python = ensure_build_env()
        seconds = build(python)
        log(f"built {bundle_dir().relative_to(ROOT)} in {seconds:.0f} s")
    if args.no_smoke:
        return 0
    return smoke_test()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
