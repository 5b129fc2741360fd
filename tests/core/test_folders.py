"""A folder given where a file is expected (a drop, the CLI) stands for the report files in it."""
from __future__ import annotations

import shutil

import pytest

from tests.conftest import SAMPLES
from viewer.core.errors import ReportError
from viewer.core.ingest.readers import report_files_in
from viewer.core.loader import FULL_FOLDER, MAX_FOLDER_FILES, expand_paths, load_report, load_reports


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "reports"
    (root / "2024").mkdir(parents=True)
    shutil.copy(SAMPLES[0], root / SAMPLES[0].name)
    shutil.copy(SAMPLES[1], root / "2024" / SAMPLES[1].name)
    (root / "README.md").write_text("# what is in this folder\n", encoding="utf-8")
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "~$draft.docx").write_bytes(b"lock")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    return root


def test_report_files_of_a_folder_and_its_subfolders(folder):
    assert [p.relative_to(folder).as_posix() for p in report_files_in(folder)] == sorted(
        [SAMPLES[0].name, f"2024/{SAMPLES[1].name}"])


def test_expand_opens_folders_and_keeps_the_rest_in_place(folder, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    files, notes = expand_paths([SAMPLES[2], folder, empty, SAMPLES[3]])
    assert files == [SAMPLES[2], *report_files_in(folder), empty, SAMPLES[3]] and notes == []


def test_a_huge_folder_is_cut_with_a_note(tmp_path):
    for i in range(MAX_FOLDER_FILES + 5):
        (tmp_path / f"r{i:04d}.txt").write_text("x", encoding="utf-8")
    files, notes = expand_paths([tmp_path])
    assert len(files) == MAX_FOLDER_FILES and notes == [(tmp_path, FULL_FOLDER)]


def test_load_reports_reads_a_folder_and_names_an_empty_one(folder, tmp_path):
    reports = load_reports([folder])
    assert sorted(r.name for r in reports) == sorted([SAMPLES[0].name, SAMPLES[1].name])
    empty = tmp_path / "nothing"
    empty.mkdir()
    with pytest.raises(ReportError) as exc:
        load_reports([SAMPLES[0], empty])
    assert str(exc.value) == f"{empty}: is a folder with no report files (.txt .md .docx .pdf .html) in it"
    with pytest.raises(ReportError) as exc:      # load_report itself reads files only, and says what to do
        load_report(folder)
    assert "open the report files in it" in str(exc.value)
