from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" if (SHARED / "corpus").is_dir() else ROOT / "resources" / "samples"
SAMPLES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session", autouse=True)
def _private_app_folders(tmp_path_factory) -> None:
    """Keep the parsed-report cache and the autosave/session files of the whole run out of the user's home."""
    os.environ.setdefault("REPORT_COMPARE_CACHE_DIR", str(tmp_path_factory.mktemp("parsed-cache")))
    os.environ.setdefault("REPORT_COMPARE_DATA_DIR", str(tmp_path_factory.mktemp("app-data")))


QT_FIXTURES = {"qtbot", "qapp"}


@pytest.fixture(autouse=True)
def _qt_worker_hygiene(request):
    """For tests that drive Qt: cyclic garbage is collected on the GUI thread only (as the app does, see
    viewer/ui/gc_guard.py), and the test's background jobs finish before the next test starts."""
    if not QT_FIXTURES & set(request.fixturenames):
        yield
        return
    import gc

    from PySide6.QtCore import QThreadPool

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        QThreadPool.globalInstance().waitForDone(60_000)
        gc.collect()
        gc.enable()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    assert SAMPLES, f"no sample reports found in {CORPUS}"
    return SAMPLES
