"""The disk cache of parsed reports: a cached load equals a fresh one, a changed file misses, damaged or
outdated entries are replaced, the folder stays under its size limit, and errors are load_report's own."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.make_files import make_docx, make_html
from viewer.core import cache as cache_mod
from viewer.core.cache import SCHEMA, ReportCache, load_cached
from viewer.core.errors import EmptyDocument, ReportError, UnsupportedFormat
from viewer.core.loader import load_report


@pytest.fixture
def cache(tmp_path) -> ReportCache:
    return ReportCache(tmp_path / "cache")


@pytest.fixture
def reports(tmp_path, sample_paths) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return [Path(shutil.copy(p, folder / p.name)) for p in sample_paths]


def _no_parsing(monkeypatch) -> None:
    """From here on, a load that is not served by the cache fails loudly."""
    def refuse(path):
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(cache_mod, "load_report", refuse)


def test_cached_load_equals_fresh_load_for_every_sample(cache, reports, monkeypatch):
    fresh = [load_report(p) for p in reports]
    first = [cache.load(p) for p in reports]
    assert first == fresh
    assert cache.stats.misses == len(reports) and cache.stats.stored == len(reports)
    _no_parsing(monkeypatch)
    again = [cache.load(p) for p in reports]
    assert again == fresh and cache.stats.hits == len(reports)
    # the object graph is the same shape: a paragraph is one object in report.paragraphs and in its section
    for r in again:
        in_sections = {id(p) for s in r.walk() for p in s.paragraphs}
        assert all(id(p) in in_sections for p in r.paragraphs)
        assert r.targets is None or any(r.targets is p for p in r.paragraphs)
    # a fresh cache object on the same folder (the next start of the app) is served from disk too
    second_start = ReportCache(cache.directory)
    assert [second_start.load(p) for p in reports] == fresh
    assert second_start.stats.hits == len(reports) and second_start.stats.misses == 0


def test_other_formats_are_cached_too(cache, tmp_path, sample_paths, monkeypatch):
    text = sample_paths[0].read_text(encoding="utf-8")
    files = [make_docx(text, tmp_path / "r.docx"), make_html(text, tmp_path / "r.html")]
    fresh = [load_report(p) for p in files]
    assert [cache.load(p) for p in files] == fresh
    _no_parsing(monkeypatch)
    got = [cache.load(p) for p in files]
    assert got == fresh and [r.format for r in got] == ["docx", "html"]


def test_same_bytes_elsewhere_hit_and_keep_their_own_path(cache, reports, tmp_path, monkeypatch):
    cache.load(reports[0])
    other = tmp_path / "copy" / "renamed.txt"
    other.parent.mkdir()
    shutil.copy(reports[0], other)
    _no_parsing(monkeypatch)
    got = cache.load(other)
    assert got.path == str(other) and got.name == "renamed.txt"
    monkeypatch.undo()
    assert got == load_report(other)


def test_a_changed_file_misses_and_gives_the_new_content(cache, reports):
    path = reports[1]
    before = cache.load(path)
    text = path.read_text(encoding="utf-8")
    # an edit that keeps the size: one character swapped for another of the same UTF-8 length
    i = text.index("。")
    path.write_text(text[:i] + "，" + text[i + 1:], encoding="utf-8")
    after = cache.load(path)
    assert cache.stats.misses == 2 and cache.stats.hits == 0
    assert after == load_report(path) and after.text != before.text
    assert cache.load(path) == after and cache.stats.hits == 1


def test_the_extension_is_part_of_the_key(cache, reports, tmp_path):
    md = tmp_path / "same.md"
    shutil.copy(reports[4], md)
    cache.load(reports[4])
    got = cache.load(md)
    assert cache.stats.hits == 0 and got.format == load_report(md).format == "md"


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                 # truncated (a crash mid-copy, a full disk)
    lambda b: b"",                              # empty
    lambda b: b"garbage" * 100,                 # not an entry at all
    lambda b: b[:-40] + b"\x00" * 40,           # a corrupted tail
])
def test_a_damaged_entry_is_a_miss_and_is_replaced(cache, reports, damage):
    good = cache.load(reports[0])
    entry = next(cache.directory.rglob("*.report"))
    entry.write_bytes(damage(entry.read_bytes()))
    assert cache.load(reports[0]) == good
    assert cache.stats.dropped == 1 and cache.stats.hits == 0 and cache.stats.stored == 2
    assert cache.load(reports[0]) == good and cache.stats.hits == 1  # the replacement is good


def test_entries_of_other_code_or_schema_are_ignored_and_replaced(cache, reports, monkeypatch):
    cache.load(reports[0])
    entry = next(cache.directory.rglob("*.report"))
    old = entry.read_bytes()
    assert f'"schema":{SCHEMA}'.encode() in old[:200]
    monkeypatch.setattr(cache_mod, "_code_version", "0123456789abcdef")  # the parser changed since
    assert cache.load(reports[0]) == load_report(reports[0])
    assert cache.stats.hits == 0 and cache.stats.dropped == 1
    assert b"0123456789abcdef" in entry.read_bytes()[:200]
    monkeypatch.setattr(cache_mod, "SCHEMA", SCHEMA + 1)
    cache.load(reports[0])
    assert cache.stats.hits == 0 and cache.stats.dropped == 2


def test_code_version_follows_the_parser_source(tmp_path):
    v = cache_mod.code_version()
    assert len(v) == 16 and v == cache_mod.code_version()


def test_size_bound_holds_over_many_writes(tmp_path, reports):
    probe = ReportCache(tmp_path / "probe")
    probe.load(reports[0])
    one = probe.size()
    small = ReportCache(tmp_path / "small", max_bytes=int(one * 2.5))
    for p in reports:
        small.load(p)
        assert small.size() <= small.max_bytes
    assert small.stats.stored == 5 and small.stats.pruned >= 3
    assert 1 <= len(small.entries()) <= 2


def _key_of(cache: ReportCache, path: Path) -> str:
    from viewer.core.workspace import file_digest

    return cache.key(file_digest(path)[0], path.suffix)


def test_lru_keeps_the_entry_just_used(tmp_path, reports):
    probe = ReportCache(tmp_path / "probe")
    for p in reports[:3]:
        probe.load(p)
    c = ReportCache(tmp_path / "lru", max_bytes=int(probe.size() * 1.05))  # room for three entries
    for p, t in zip(reports[:3], (10, 20, 30)):
        c.load(p)
        os.utime(c.entry_path(_key_of(c, p)), (t, t))
    c.load(reports[0])                               # a hit: reports[0] becomes the most recently used
    assert c.stats.hits == 1
    c.load(reports[3])                               # over the limit: the least recently used go
    assert c.stats.pruned >= 1 and c.size() <= c.max_bytes
    assert c.entry_path(_key_of(c, reports[0])).exists()
    assert not c.entry_path(_key_of(c, reports[1])).exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, error", [
    (lambda d: d / "missing.txt", ReportError),
    (lambda d: _write(d / "empty.txt", b""), EmptyDocument),
    (lambda d: _write(d / "scan.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100), UnsupportedFormat),
    (lambda d: _write(d / "binary.txt", bytes(range(256)) * 64), ReportError),
    (lambda d: d, ReportError),                                         # a folder
])
def test_bad_files_raise_load_reports_own_errors_and_cache_nothing(cache, tmp_path, make, error):
    path = make(tmp_path)
    with pytest.raises(error) as got:
        cache.load(path)
    with pytest.raises(type(got.value)) as plain:
        load_report(path)
    assert str(got.value) == str(plain.value)
    assert cache.stats.stored == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions (not root)")
def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path, reports):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        c = ReportCache(folder)
        assert c.load(reports[0]) == load_report(reports[0]) and c.stats.stored == 0
    finally:
        folder.chmod(0o700)


def test_an_unwritable_cache_path_only_means_no_cache(tmp_path, reports):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    c = ReportCache(blocker / "cache")
    assert c.load(reports[0]) == load_report(reports[0]) and c.stats.stored == 0


def test_load_cached_without_a_cache_is_load_report(reports, monkeypatch):
    assert load_cached(reports[0], None) == load_report(reports[0])
    monkeypatch.setenv(cache_mod.ENV_OFF, "1")
    assert ReportCache.from_environment() is None
    monkeypatch.setenv(cache_mod.ENV_OFF, "0")
    monkeypatch.setenv(cache_mod.ENV_DIR, str(reports[0].parent / "envcache"))
    assert ReportCache.from_environment().directory == reports[0].parent / "envcache"
