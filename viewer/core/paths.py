"""One place that resolves resource paths, in the source tree and in a frozen (PyInstaller) build."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def sample_files() -> list[Path]:
    return sorted(samples_dir().glob("*.txt"))
