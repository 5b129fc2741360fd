"""Workspaces (.rcw): round trip on the real samples, versioning and migration, typed errors naming the file,
finding moved report files again, atomic saves."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from viewer.core import atomic, workspace as ws
from viewer.core.alignment import Override
from viewer.core.workspace import (
    InvalidWorkspace, MissingField, NewerVersion, NotJson, UnsupportedVersion, ViewState, WorkspaceUnreadable,
    WrongFormat, build_workspace, load_workspace, resolve_reports, save_workspace,
)


@pytest.fixture
def reports_dir(tmp_path, sample_paths) -> Path:
    """Copies of the real reports in a project folder: <tmp>/project/reports/*.txt."""
    folder = tmp_path / "project" / "reports"
    folder.mkdir(parents=True)
    for p in sample_paths:
        shutil.copy(p, folder / p.name)
    return folder


def _workspace(folder: Path) -> ws.Workspace:
    files = sorted(folder.glob("*.txt"))
    checked = [(f, i != 1) for i, f in enumerate(files)]       # all but the second ticked
    columns = [f for f, c in checked if c][::-1]               # some order that is not the file order
    overrides = [
        Override(str(files[0]), "三、2022年重点工作", str(files[2]), "二、今后五年发展的目标任务"),
        Override(files[3].name, "一、过去一年工作回顾/（二）", str(files[4]), None),  # named by file name
        Override("/elsewhere/not-open.txt", "一、x", str(files[0]), None),       # names no open report
    ]
    view = ViewState(kinds=("insert", "delete"), tab=1, tab_title="对照", row_id="3.2")
    return build_workspace(checked, columns, overrides, view)


def test_round_trip_keeps_everything(reports_dir, tmp_path):
    w = _workspace(reports_dir)
    target = tmp_path / "project" / "mine.rcw"
    save_workspace(w, target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "report-compare-workspace" and doc["version"] == ws.VERSION
    names = sorted(p.name for p in reports_dir.glob("*"))
    assert [r["relative"] for r in doc["reports"]] == [f"reports/{n}" for n in names]
    back = load_workspace(target)
    assert back.reports == tuple(ws.replace(e, relative=f"reports/{e.name}") for e in w.reports)
    assert back.columns == w.columns and len(back.columns) == 4
    # the override naming a report that is not open is dropped
    assert back.overrides == w.overrides and len(back.overrides) == 2
    assert back.view == w.view
    # every report carries the hash and size of its bytes
    for e in back.reports:
        data = Path(e.path).read_bytes()
        assert e.size == len(data) and e.sha256 == ws.hashlib.sha256(data).hexdigest()
    assert [e.checked for e in back.reports] == [True, False, True, True, True]


def test_overrides_map_back_to_the_paths_the_reports_load_from(reports_dir, tmp_path):
    w = _workspace(reports_dir)
    files = sorted(reports_dir.glob("*.txt"))
    moved = {e.id: tmp_path / "new" / e.name for e in w.reports}
    got = w.overrides_for(moved)
    assert got[0] == Override(str(moved["r1"]), "三、2022年重点工作", str(moved["r3"]), "二、今后五年发展的目标任务")
    assert got[1].report_a == str(moved["r4"]) and got[1].section_key_b is None
    # a report left out (skipped by the user) drops the overrides that name it
    assert len(w.overrides_for({k: v for k, v in moved.items() if k != "r3"})) == 1
    assert files  # the fixture really made files


def test_unreadable_report_is_saved_with_empty_hash_and_reported_missing(tmp_path):
    w = build_workspace([(tmp_path / "gone.txt", True)])
    assert w.reports[0].sha256 == "" and w.reports[0].size == 0
    save_workspace(w, tmp_path / "w.rcw")
    res = resolve_reports(load_workspace(tmp_path / "w.rcw"), tmp_path / "w.rcw")
    assert res.found == () and [e.name for e in res.missing] == ["gone.txt"]


# -- errors: each names the file and the reason --------------------------------------------------------------
def _write(tmp_path: Path, content: str | bytes, name: str = "bad.rcw") -> Path:
    p = tmp_path / name
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


def _valid_doc(**changes) -> dict:
    doc = {"format": ws.FORMAT, "version": ws.VERSION,
           "reports": [{"id": "r1", "path": "/x/a.txt", "relative": "a.txt", "sha256": "00", "size": 3,
                        "checked": True}],
           "columns": ["r1"], "overrides": [], "view": {}}
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not ...}


@pytest.mark.parametrize("content, error, words", [
    # not JSON at all
    ("this is not json", NotJson, "not valid JSON"),
    (b"\xff\xfe\x00binary", NotJson, "not UTF-8"),
    ("", NotJson, "not valid JSON"),
    # JSON, but not ours
    ("[1, 2, 3]", WrongFormat, "not a Report Compare workspace"),
    (json.dumps({"format": "something-else", "version": 1}), WrongFormat, "not a Report Compare workspace"),
    # versions
    (json.dumps(_valid_doc(version=ws.VERSION + 1)), NewerVersion, "newer than this app supports"),
    (json.dumps(_valid_doc(version=0)), UnsupportedVersion, "not a positive whole number"),
    (json.dumps(_valid_doc(version="1")), UnsupportedVersion, "not a positive whole number"),
    (json.dumps(_valid_doc(version=...)), MissingField, "'version' is missing"),
    # missing or mistyped fields
    (json.dumps(_valid_doc(reports=...)), MissingField, "'reports' is missing"),
    (json.dumps(_valid_doc(columns=...)), MissingField, "'columns' is missing"),
    (json.dumps(_valid_doc(overrides=...)), MissingField, "'overrides' is missing"),
    (json.dumps(_valid_doc(reports=[{"id": "r1", "path": "/a.txt", "size": 1}])), MissingField,
     "'reports[0].sha256' is missing"),
    (json.dumps(_valid_doc(reports=[{"id": "r1", "path": 5, "sha256": "", "size": 1}])), InvalidWorkspace,
     "'reports[0].path' has the wrong type"),
    (json.dumps(_valid_doc(columns=["r9"])), InvalidWorkspace, "names no report"),
    (json.dumps(_valid_doc(overrides=[{"report_a": "r1", "section_key_a": "一", "report_b": "r1"}])),
     MissingField, "section_key_b"),
    (json.dumps(_valid_doc(overrides=[{"report_a": "r1", "section_key_a": "一", "report_b": "r7",
                                       "section_key_b": None}])), InvalidWorkspace, "names no report"),
    (json.dumps(_valid_doc(view=[1])), InvalidWorkspace, "'view' is not an object"),
])
def test_bad_files_give_typed_errors_naming_the_file(tmp_path, content, error, words):
    path = _write(tmp_path, content)
    with pytest.raises(error) as info:
        load_workspace(path)
    assert isinstance(info.value, ws.WorkspaceError)
    assert str(info.value).startswith(f"{path}: ") and words in str(info.value)
    assert info.value.path == str(path)


def test_unreadable_paths(tmp_path):
    with pytest.raises(WorkspaceUnreadable, match="file not found"):
        load_workspace(tmp_path / "nope.rcw")
    with pytest.raises(WorkspaceUnreadable, match="folder"):
        load_workspace(tmp_path)
    if os.name == "posix" and os.geteuid() != 0:
        p = _write(tmp_path, json.dumps(_valid_doc()), "locked.rcw")
        p.chmod(0)
        try:
            with pytest.raises(WorkspaceUnreadable, match="permission denied"):
                load_workspace(p)
        finally:
            p.chmod(0o644)


def test_a_minimal_valid_file_loads(tmp_path):
    w = load_workspace(_write(tmp_path, json.dumps(_valid_doc())))
    assert [e.id for e in w.reports] == ["r1"] and w.view == ViewState()


# -- versioning ----------------------------------------------------------------------------------------------
def test_migration_hook_upgrades_old_documents_step_by_step(tmp_path):
    """A future version 3 that renamed "columns" to "order" (v2) and then back with a new field (v3)."""
    def v1_to_v2(d: dict) -> dict:
        d["order"] = d.pop("columns")
        d["version"] = 2
        return d

    def v2_to_v3(d: dict) -> dict:
        d["columns"] = d.pop("order")
        d["note"] = "upgraded"
        d["version"] = 3
        return d

    doc = _valid_doc()
    out = ws.migrate(doc, "x.rcw", {1: v1_to_v2, 2: v2_to_v3}, target=3)
    assert out["version"] == 3 and out["columns"] == ["r1"] and out["note"] == "upgraded"
    assert doc["version"] == 1 and "order" not in doc  # the input is not changed
    with pytest.raises(UnsupportedVersion, match="too old"):
        ws.migrate(doc, "x.rcw", {2: v2_to_v3}, target=3)
    with pytest.raises(UnsupportedVersion, match="did not give version 2"):
        ws.migrate(doc, "x.rcw", {1: lambda d: d}, target=2)


def test_registered_migration_is_used_by_load(tmp_path, monkeypatch):
    """load_workspace runs the registry: pretend this build is version 2 and can upgrade version 1."""
    monkeypatch.setattr(ws, "VERSION", 2)

    def v1_to_v2(d: dict) -> dict:
        return {**d, "version": 2, "view": {**d.get("view", {}), "tab": 0}}

    monkeypatch.setitem(ws.MIGRATIONS, 1, v1_to_v2)
    w = load_workspace(_write(tmp_path, json.dumps(_valid_doc(version=1))))
    assert w.view.tab == 0


# -- moved files ---------------------------------------------------------------------------------------------
def test_reports_found_in_place(reports_dir, tmp_path):
    target = tmp_path / "project" / "w.rcw"
    save_workspace(_workspace(reports_dir), target)
    res = resolve_reports(load_workspace(target), target)
    assert res.missing == () and {loc.how for loc in res.found} == {ws.ABSOLUTE}
    assert all(loc.verified for loc in res.found)


def test_project_folder_moved_as_a_whole_uses_relative_paths(reports_dir, tmp_path):
    save_workspace(_workspace(reports_dir), tmp_path / "project" / "w.rcw")
    moved = tmp_path / "elsewhere" / "renamed-project"
    moved.parent.mkdir()
    shutil.move(tmp_path / "project", moved)
    res = resolve_reports(load_workspace(moved / "w.rcw"), moved / "w.rcw")
    assert res.missing == ()
    assert {loc.how for loc in res.found} == {ws.RELATIVE}
    assert all(loc.path.parent == moved / "reports" and loc.verified for loc in res.found)


def test_files_beside_the_workspace_are_found_and_the_rest_reported_missing(reports_dir, tmp_path,
                                                                           sample_paths):
    w = _workspace(reports_dir)
    save_workspace(w, tmp_path / "project" / "w.rcw")
    shutil.move(tmp_path / "project" / "w.rcw", tmp_path / "w.rcw")
    files = sorted(reports_dir.glob("*.txt"))
    shutil.move(files[0], tmp_path / files[0].name)       # beside the workspace now
    files[1].unlink()                                      # gone
    res = resolve_reports(load_workspace(tmp_path / "w.rcw"), tmp_path / "w.rcw")
    # relative path "project/reports/x" from tmp_path no longer matches the stored "reports/x"; the absolute
    # paths still hold for the three untouched files
    hows = {loc.entry.name: loc.how for loc in res.found}
    assert hows[files[0].name] == ws.BESIDE
    assert all(hows[f.name] == ws.ABSOLUTE for f in files[2:])
    assert [e.name for e in res.missing] == [files[1].name]
    # the missing entry carries what is needed to verify a relocated copy
    lost = res.missing[0]
    copy = tmp_path / "found-it.txt"
    shutil.copy(next(p for p in sample_paths if p.name == files[1].name), copy)
    assert ws.verify(lost, copy)
    assert not ws.verify(lost, tmp_path / files[0].name)


def test_a_matching_copy_wins_over_an_edited_file_and_an_edited_file_is_flagged(reports_dir, tmp_path,
                                                                                  sample_paths):
    w = _workspace(reports_dir)
    target = tmp_path / "project" / "w.rcw"
    save_workspace(w, target)
    edited = sorted(reports_dir.glob("*.txt"))[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    res = resolve_reports(load_workspace(target), target)
    changed = [loc.entry.name for loc in res.changed]
    assert changed == [edited.name]
    # a pristine copy beside the workspace is preferred to the edited file
    shutil.copy(next(p for p in sample_paths if p.name == edited.name), target.parent / edited.name)
    res = resolve_reports(load_workspace(target), target)
    loc = next(loc for loc in res.found if loc.entry.name == edited.name)
    assert loc.how == ws.BESIDE and loc.verified and res.changed == ()


# -- atomic writes -------------------------------------------------------------------------------------------
def test_failing_write_leaves_the_old_workspace_intact(reports_dir, tmp_path, monkeypatch):
    target = tmp_path / "project" / "w.rcw"
    save_workspace(_workspace(reports_dir), target)
    before = target.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_workspace(build_workspace([(sorted(reports_dir.glob("*.txt"))[0], True)]), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["reports", "w.rcw"]  # no stray temp file
    assert len(load_workspace(target).reports) == 5
