"""Nothing the app does opens a network connection, even on reports that point at remote resources.

no_network_job.py runs in a fresh interpreter with an audit hook and patched socket functions that refuse and
record every attempt, and goes through loading (txt, saved web page with remote scripts / images / DTD, .docx
with an external entity and an external image, PDF), compare, indicators, phrases, PDF export, the CLI and the
window. Where ``strace`` is installed the job also runs under it, so a connection from C code (Qt, lxml,
libxml2) would show too: no ``socket()`` call at all is allowed.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

JOB = Path(__file__).with_name("no_network_job.py")


def _run(tmp_path: Path, *extra: str, strace: Path | None = None) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    cmd = [sys.executable, str(JOB), str(tmp_path), *extra]
    if strace is not None:
        cmd = ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=socket,connect,sendto,bind", "-o",
               str(strace), *cmd]
    proc = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _strace_works() -> bool:
    """strace is installed and may trace here (a container without ptrace rights refuses it)."""
    if not shutil.which("strace"):
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-o", os.devnull, sys.executable, "-c", "pass"],
                           capture_output=True, timeout=60)
    return probe.returncode == 0


def test_the_guards_catch_a_connection_attempt(tmp_path):
    result = _run(tmp_path, "--probe")
    assert result["done"]["caught"] == ["create_connection", "raw socket connect", "urlopen"]
    assert [a[0] for a in result["attempts"]] == ["socket.create_connection", "socket.connect", "urllib.Request"]


@pytest.mark.slow
def test_load_compare_indicators_export_and_window_never_touch_the_network(tmp_path):
    trace = tmp_path / "strace.log" if _strace_works() else None
    result = _run(tmp_path, strace=trace)
    assert result["attempts"] == [], result["attempts"]
    done = result["done"]
    # the work really happened
    assert {"txt", "html", "docx"} <= set(done["formats"]) and done["reports"] >= 7
    assert done["aligned_rows"] > 20 and done["indicator_rows"] > 500 and done["pdf_pages"] > 5
    assert done["cli_indicators_exit"] == 0 and done["cli_csv_lines"] > 100
    assert done["app_exit"] == 0 and done["window_png"] > 50_000
    assert done["qtnetwork_loaded"] is False
    if trace is not None:
        calls = [ln for ln in trace.read_text(encoding="utf-8").splitlines()
                 if any(f" {name}(" in ln for name in ("socket", "connect", "sendto", "bind"))]
        assert calls == [], calls[:10]
