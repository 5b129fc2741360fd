"""``python main.py outline`` on real files (bad files through every command: tests/robustness/test_matrix.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "yubei-2022.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def test_outline_table():
    out = run("outline", str(SAMPLE))
    assert out.returncode == 0, out.stderr
    assert "渝北区" in out.stdout and "第十九届人民代表大会第一次会议" in out.stdout
    assert "plan_year" in out.stdout and "以创新驱动为引领，提升科技创新能力" in out.stdout


def test_outline_json():
    out = run("outline", str(SAMPLE), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["meta"]["year"] == 2022 and data["meta"]["doc_number"] == "渝北府发〔2022〕1号"
    numbered = [s for s in data["sections"] if s["number"]]
    assert [s["role"] for s in numbered] == ["review", "plan_multi_year", "plan_year", "self_building"]
    assert all({"level", "number", "title", "role", "start", "end", "children"} <= set(s) for s in numbered)
    assert "主要预期目标" in data["targets"]["text"]
