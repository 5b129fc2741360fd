#!/usr/bin/env python3
"""Set up and run Report Compare from a fresh checkout (stdlib only).

    python3 dev.py app [FILE ...]   install what is missing, then open the app (bundled samples if no file)
    python3 dev.py test [ARGS ...]  install what is missing, then run the test suite (pytest ARGS)

What it installs:
  * Python deps, exactly as locked in uv.lock, into .venv (with uv, itself installed from PyPI if absent).
  * On Debian/Ubuntu, when run as root (or with passwordless sudo), the system packages Qt and the tests need
    (see SYSTEM_PACKAGES). Otherwise it prints the apt-get command to run and stops.
"""
from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
UV_VERSION = "0.13.9"
# Qt 6 on Linux (xcb for a real screen, EGL/GL and fontconfig for offscreen too), a CJK font for PDFs,
# poppler for looking at exported PDFs in tests, strace for the no-network test's view of C code.
SYSTEM_PACKAGES = {
    "app": ["libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "libxkbcommon-x11-0",
            "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0",
            "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "fonts-noto-cjk"],
    "test": ["libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "fonts-noto-cjk",
             "poppler-utils", "strace"],
}


def log(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def run(cmd: list[str], **kw) -> None:
    subprocess.run(cmd, check=True, **kw)


def missing_debian_packages(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    out = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Status}\n", *names], capture_output=True, text=True)
    installed = {line.split()[0] for line in out.stdout.splitlines() if line.endswith("install ok installed")}
    return [n for n in names if n not in installed]


def ensure_system(kind: str) -> None:
    if platform.system() != "Linux":
        return
    missing = missing_debian_packages(SYSTEM_PACKAGES[kind])
    if not missing:
        return
    apt = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        prefix = ["sudo", "-n"]
    else:
        sys.exit(f"[dev] missing system packages: {' '.join(missing)}\n"
                 f"[dev] install them with:  sudo apt-get update && sudo {' '.join(apt)}")
    log(f"installing system packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*prefix, "apt-get", "update", "-q"], env=env)
    run([*prefix, *apt], env=env)


def ensure_uv() -> str:
    uv = shutil.which("uv")
    if uv:
        return uv
    tools = ROOT / ".tools"
    uv = tools / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    if not uv.exists():
        log(f"installing uv {UV_VERSION} into .tools/")
        run([sys.executable, "-m", "venv", str(tools)])
        pip = tools / ("Scripts/pip.exe" if os.name == "nt" else "bin/pip")
        run([str(pip), "install", "-q", f"uv=={UV_VERSION}"])
    return str(uv)


def ensure_venv() -> Path:
    uv = ensure_uv()
    run([uv, "sync", "--frozen", "--quiet"], cwd=ROOT)
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__)
        return 2
    kind, rest = argv[0], argv[1:]
    ensure_system(kind)
    python = ensure_venv()
    env = dict(os.environ)
    if kind == "test":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    if platform.system() == "Linux" and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        log("no display found: running offscreen (the window is saved as a PNG, see below)")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
