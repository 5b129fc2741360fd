"""``python main.py phrases``: text output, the lifecycle and edits CSVs (atomic, UTF-8 with BOM), bad input."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
YUBEI = [SAMPLES / f"yubei-{y}.txt" for y in (2024, 2021, 2022)]  # any order: sorted by year


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "phrases", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=180, env=env)


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # a BOM: spreadsheet programs read the Chinese right
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("phrases")
    out, edits = tmp / "out" / "life.csv", tmp / "out" / "edits.csv"
    out.parent.mkdir()
    proc = run(tmp, *map(str, YUBEI), "--csv", str(out), "--edits-csv", str(edits))
    return proc, out, edits


def test_lifecycle_csv(outputs):
    proc, out, _ = outputs
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert sorted(p.name for p in out.parent.iterdir()) == ["edits.csv", "life.csv"]  # no temp files left
    rows = read_csv(out)
    assert list(rows[0])[:7] == ["phrase", "source", "boilerplate", "total", "count:渝北区2021", "count:渝北区2022",
                                 "count:渝北区2024"]
    by = {r["phrase"]: r for r in rows}
    texts = [(SAMPLES / f"yubei-{y}.txt").read_text(encoding="utf-8") for y in (2021, 2022, 2024)]
    for phrase in ("新质生产力", "十三五", "疫情防控"):
        r = by[phrase]
        counts = [int(r[f"count:渝北区{y}"]) for y in (2021, 2022, 2024)]
        assert [c > 0 for c in counts] == [phrase in t for t in texts]
        assert int(r["total"]) == sum(counts)
    assert by["新质生产力"]["state:渝北区"] == "new" and by["新质生产力"]["first:渝北区"] == "2024"
    assert by["十三五"]["state:渝北区"] == "dropped" and by["十三五"]["last:渝北区"] == "2021"
    assert by["疫情防控"]["state:渝北区"] == "carried"


def test_edits_csv(outputs):
    _, _, edits = outputs
    rows = read_csv(edits)
    gdp = [r for r in rows if r["indicator"] == "地区生产总值" and r["from"] == "渝北区2021"]
    assert {(r["kind"], r["old"], r["new"]) for r in gdp} == {("number", "6%", "6.5%"), ("qualifier", "以上", "左右")}
    assert all("主要预期目标" in r["sentence_before"] for r in gdp)


def test_text_output(tmp_path):
    proc = run(tmp_path, *map(str, YUBEI), "--top", "5")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "渝北区: 2021 → 2022 → 2024" in out
    new_line = next(line for line in out.splitlines() if line.startswith("  only in 2024"))
    assert "现代化新重庆" in new_line and new_line.count("、") == 4  # --top 5
    assert "classified edits" in out and "qualifier softer  地区生产总值: 6%以上 → 6.5%左右" in out


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 40),
])
def test_bad_file_is_one_line_and_exit_2(tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    proc = run(tmp_path, str(YUBEI[0]), str(bad))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}: ")


def test_unwritable_csv_is_one_line_and_exit_2(tmp_path):
    proc = run(tmp_path, str(YUBEI[0]), "--csv", str(tmp_path / "no" / "such" / "dir" / "out.csv"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "cannot write" in lines[0]
