"""Atomic writes leave either the old file or the complete new one, never a partial file or a stray temp."""
from __future__ import annotations

import os
import stat

import pytest

from viewer.core.atomic import atomic_path, write_text_atomic


def test_write_replaces_and_has_normal_mode(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failure_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half a pdf")
            raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_unwritable_folder_raises_and_writes_nothing(tmp_path):
    with pytest.raises(OSError):
        write_text_atomic(tmp_path / "missing-dir" / "out.csv", "x")
    assert list(tmp_path.iterdir()) == []
