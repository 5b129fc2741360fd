"""The indicator engine on the five real samples: the hand-checked gold table, counts, offsets, the CLI."""
from __future__ import annotations

import csv
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, SHARED
from viewer.core.indicators import Row, extract_indicators
from viewer.core.loader import load_report

GOLD = SHARED / "gold" / "indicators.csv"
# Figures extracted per sample when these tests were written (all of them, known and unknown subjects).
# Rules may improve; a drift beyond ±20% means something broke (or a rule changed a lot: look, then update).
FIGURE_COUNTS = {
    "dadukou-2022.txt": 147,
    "jiulongpo-2021.txt": 284,
    "yubei-2021.txt": 366,
    "yubei-2022.txt": 320,
    "yubei-2024.txt": 269,
}


@lru_cache(maxsize=None)
def _rows(name: str) -> tuple[Row, ...]:
    return tuple(extract_indicators(load_report(CORPUS / name)))


def _gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.skipif(not GOLD.is_file(), reason="gold table not present")
def test_gold_recall_and_no_wrong_headline():
    gold = _gold()
    found, wrong, missing = 0, [], []
    for g in gold:
        key = (g["report"], g["indicator"], int(g["period"]), g["kind"], g["measure"])
        cands = [r for r in _rows(g["report"]) if r.key == key]
        value = float(g["value"])
        if any(r.value == value and r.unit == g["unit"] for r in cands):
            found += 1
        else:
            missing.append((key, g["value"], g["unit"]))
        primary = [r for r in cands if r.primary]
        assert len(primary) <= 1, key
        if primary and (primary[0].value != value or primary[0].unit != g["unit"]):
            wrong.append((key, g["value"], primary[0].value, primary[0].unit))
    recall = found / len(gold)
    print(f"gold recall {found}/{len(gold)} = {recall:.3f}, wrong headline values: {len(wrong)}")
    assert recall >= 0.95, missing
    assert not wrong


@pytest.mark.skipif(not GOLD.is_file(), reason="gold table not present")
def test_gold_qualifiers():
    for g in _gold():
        key = (g["report"], g["indicator"], int(g["period"]), g["kind"], g["measure"])
        primary = [r for r in _rows(g["report"]) if r.key == key and r.primary]
        if primary:
            assert primary[0].qualifier == g["qualifier"], (key, primary[0].qualifier, g["qualifier"])


@pytest.mark.parametrize("name, expected", sorted(FIGURE_COUNTS.items()))
def test_figure_count_per_sample(name, expected):
    rows = _rows(name)
    print(f"{name}: {len(rows)} figures, {sum(r.primary for r in rows)} headline rows")
    assert 0.8 * expected <= len(rows) <= 1.2 * expected


@pytest.mark.parametrize("name", sorted(FIGURE_COUNTS))
def test_rows_are_consistent(name):
    report = load_report(CORPUS / name)
    rows = _rows(name)
    year = report.meta.year
    keys: dict[tuple, int] = {}
    for r in rows:
        span = report.text[r.start:r.end]
        assert span and (span[0].isdigit() or span[0] in "零一二两三四五六七八九十百" or span == "持平"), span
        assert span in r.sentence and r.report == name and r.report_year == year
        assert r.kind in {"actual", "target", "plan_target", "average_growth", "average", "cumulative",
                          "baseline", "partial"}
        assert r.measure in {"level", "growth", "share", "multiple", "change", "contribution", "gap"}
        assert r.period is None or year - 6 <= r.period <= year + 15
        if r.section == "targets":
            assert r.kind in ("target", "plan_target")
        keys[r.key] = keys.get(r.key, 0) + r.primary
    assert all(n == 1 for n in keys.values())


def test_notice_and_glossary_give_no_figures():
    report = load_report(CORPUS / "dadukou-2022.txt")
    glossary = [s for s in report.sections if s.role == "glossary"]
    assert glossary
    assert not [r for r in _rows("dadukou-2022.txt") if r.start >= glossary[0].start]


# --- CLI ----------------------------------------------------------------------------------------------------
def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=180)


def test_cli_csv_to_stdout():
    out = _run("indicators", str(CORPUS / "yubei-2024.txt"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("report,district,report_year,indicator,period,kind,measure,value,unit,"
                               "qualifier,sentence,start,end")
    assert any(",地区生产总值,2023,actual,level,2442.6,亿元," in line for line in lines)
    assert len(lines) - 1 == len(_rows("yubei-2024.txt"))


def test_cli_csv_file_is_written_atomically(tmp_path):
    dest = tmp_path / "out.csv"
    dest.write_text("old content", encoding="utf-8")
    files = [str(CORPUS / "yubei-2022.txt"), str(CORPUS / "dadukou-2022.txt")]
    out = _run("indicators", *files, "--csv", str(dest))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    with dest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["report"] for r in rows} == {"yubei-2022.txt", "dadukou-2022.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left behind


def test_cli_bad_file_one_error_line(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    out = _run("indicators", str(CORPUS / "yubei-2024.txt"), str(bad))
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "broken.docx" in lines[0]


def test_import_is_light():
    code = ("import sys; import viewer.core.indicators as m; "
            "bad=[n for n in ('pandas','cn2an','PySide6') if n in sys.modules]; print(bad); assert not bad")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_dictionary_is_data_in_resources():
    from viewer.core.indicators.dictionary import dictionary_path

    assert dictionary_path() == Path(ROOT / "resources" / "indicators.json")
