"""The core never imports Qt or pyqtgraph (DESIGN rule 1), checked on the source and in a fresh interpreter."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")


def test_core_sources_import_no_qt():
    offenders = []
    for path in (ROOT / "viewer" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders, offenders


def test_loading_a_report_pulls_in_no_qt():
    code = (
        "import sys; from viewer.core.loader import load_report; "
        f"load_report({str(ROOT / 'resources' / 'samples' / 'yubei-2022.txt')!r}); "
        f"bad=[m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]; print(bad); assert not bad"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
