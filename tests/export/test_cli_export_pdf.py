"""``python main.py export-pdf A B [C…] -o OUT.pdf`` as a user runs it (a real process, headless)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export-pdf", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=180, env=env)


def test_export_three_reports(tmp_path):
    out = tmp_path / "out" / "cmp.pdf"
    out.parent.mkdir()
    files = [str(SAMPLES / f"{n}.txt") for n in ("dadukou-2022", "yubei-2022", "jiulongpo-2021")]
    proc = run(tmp_path, *files, "-o", str(out), "--kinds", "insert,delete", "--title", "三区对照")
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout and "pages" in proc.stdout
    assert [p.name for p in out.parent.iterdir()] == ["cmp.pdf"]
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert f"({pages} pages" in proc.stdout
    first = reader.pages[0].extract_text()
    assert "三区对照" in first and "大渡口区" in first and "九龙坡区" in first
    assert reader.metadata.title == "三区对照"


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "x.pdf"
    proc = run(tmp_path, str(SAMPLES / "yubei-2022.txt"), str(empty), "-o", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "empty.txt" in lines[0], proc.stderr
    assert not out.exists()
    # unwritable destination: a folder that does not exist
    dest = tmp_path / "no" / "such" / "x.pdf"
    proc = run(tmp_path, str(SAMPLES / "yubei-2022.txt"), str(SAMPLES / "yubei-2024.txt"), "-o", str(dest))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(dest) in lines[0] and "Traceback" not in proc.stderr
    assert not (tmp_path / "no").exists()


def test_usage_errors(tmp_path):
    proc = run(tmp_path, str(SAMPLES / "yubei-2022.txt"), "-o", str(tmp_path / "x.pdf"))
    assert proc.returncode == 2 and "at least two" in proc.stderr
    proc = run(tmp_path, str(SAMPLES / "yubei-2022.txt"), str(SAMPLES / "yubei-2024.txt"), "-o",
               str(tmp_path / "x.pdf"), "--kinds", "insert,bold")
    assert proc.returncode == 2 and "bold" in proc.stderr
    assert not (tmp_path / "x.pdf").exists()
