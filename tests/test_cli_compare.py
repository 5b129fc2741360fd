"""``python main.py compare``: text and JSON output on real reports, and the errors a user can make."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import build_parser, main as cli_main
from viewer.core.loader import load_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
Y22, Y24 = SAMPLES / "yubei-2022.txt", SAMPLES / "yubei-2024.txt"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}  # jieba's cache: not in the user's home
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "compare", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=120, env=env)


@pytest.fixture(scope="module")
def json_result(tmp_path_factory) -> tuple[dict, Path, subprocess.CompletedProcess]:
    tmp = tmp_path_factory.mktemp("compare")
    out = tmp / "out" / "result.json"
    out.parent.mkdir()
    proc = run(tmp, str(Y22), str(Y24), "--json", str(out))
    return json.loads(out.read_text(encoding="utf-8")), out, proc


def test_json_output(json_result):
    data, out, proc = json_result
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""                                   # JSON goes to the file only
    assert [p.name for p in out.parent.iterdir()] == ["result.json"]  # no temp file left behind
    assert [r["name"] for r in data["reports"]] == ["yubei-2022.txt", "yubei-2024.txt"]
    assert {"id", "parent", "level", "score", "reason", "cells", "diffs"} <= set(data["rows"][0])
    texts = [load_report(Y22).text, load_report(Y24).text]
    plan = {row["cells"][0]["title"]: row for row in data["rows"]
            if row["level"] == 2 and row["cells"][0] and row["cells"][0]["key"].startswith("三、2022年重点工作/（")}
    nine = plan["（九）以安全稳定为底线，建设更高水平的平安渝北"]
    assert nine["cells"][1] is None and nine["reason"] == "unmatched"
    four = plan["（四）以改革开放为关键，增强发展动力活力"]
    assert four["cells"][1]["title"].startswith("（一）坚定不移强改革") and four["reason"] == "moved"


def test_json_diff_ops_rebuild_both_pieces(json_result):
    data, _, _ = json_result
    a, b = load_report(Y22).text, load_report(Y24).text
    diffs = [d for row in data["rows"] for d in row["diffs"]]
    assert len(diffs) > 100
    for d in diffs:
        (a0, a1), (b0, b1) = d["a_span"], d["b_span"]
        rebuilt_a = "".join(a[op["a"][0]:op["a"][1]] for op in d["ops"])
        rebuilt_b = "".join(b[op["b"][0]:op["b"][1]] for op in d["ops"])
        assert rebuilt_a == a[a0:a1] and rebuilt_b == b[b0:b1]
        for op in d["ops"]:
            if op["kind"] == "equal":
                assert a[op["a"][0]:op["a"][1]] == b[op["b"][0]:op["b"][1]]
        assert 0.0 <= d["equal_share"] <= 1.0
    assert data["pairs"][0]["rows"] == len(diffs)


def test_text_output(tmp_path):
    proc = run(tmp_path, str(Y22), str(Y24))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("reports:\n  [1] yubei-2022.txt  渝北区 2022")
    assert "（一）以创新驱动为引领，提升科技创新能力" in out and "moved" in out
    assert "[1]→[2] equal" in out and "=" in out


def test_parser_registers_compare():
    args = build_parser().parse_args(["compare", "a.txt", "b.txt", "--json", "o.json"])
    assert args.files == ["a.txt", "b.txt"] and args.json == "o.json" and callable(args.func)


def test_one_file_is_not_enough(capsys):
    with pytest.raises(SystemExit) as exc:
        cli_main(["compare", str(Y22)])
    assert exc.value.code != 0 and "at least two" in str(exc.value.code)


def test_a_missing_file_is_one_error_line(tmp_path, capsys):
    assert cli_main(["compare", str(Y22), str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "missing.txt" in err[0]
