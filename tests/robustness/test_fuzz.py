"""Fuzz ingest + structure + indicators: whatever bytes arrive, ``load_report`` returns a consistent Report or
raises a typed ReportError naming the file; ``extract_indicators`` then never fails and keeps its offsets.

Inputs are built from report-like pieces (clauses of the real samples, headings, numbers with units and
qualifiers, years, page furniture, HTML bits, punctuation, odd whitespace, random characters), encoded in a
random encoding, sometimes damaged (truncated, random bytes spliced in), written under a random extension.
A second test damages real .docx / .pdf / .html files.

Budget: the default profile runs a fixed, derandomised set (so CI is stable) in about 20 s; for a long random
hunt set ``RC_FUZZ_EXAMPLES`` (e.g. ``RC_FUZZ_EXAMPLES=20000 pytest tests/robustness/test_fuzz.py -s``).
The count of inputs run, and what became of them, is printed at the end of each test.
"""
from __future__ import annotations

import io
import itertools
import os
import random
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.bad_inputs import SAMPLES, sample_text
from viewer.core.errors import ReportError
from viewer.core.indicators import extract_indicators
from viewer.core.loader import load_report
from viewer.core.model import Report

LONG = int(os.environ.get("RC_FUZZ_EXAMPLES", "0"))
TEXT_EXAMPLES = LONG or 2000
CONTAINER_EXAMPLES = max(LONG // 10, 150) if LONG else 150
settings.register_profile(
    "robustness", deadline=None, derandomize=not LONG, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
BASE = settings.get_profile("robustness")

# ------------------------------------------------------------------------------------------------ pieces

_CLAUSES = sorted({c for f in sorted(SAMPLES.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()
                   for c in re.findall(r"[^，。；：！？]*[，。；：！？]?", line) if c.strip()})
_HEADINGS = ["一、", "二、", "十一、", "（一）", "(二)", "（十二）", "1.", "2．", "3、", "（4）", "(5)", "①", "⑳",
             "第一章", "第二部分", "第十条", "# ", "## ", "#### ", "——", "一是", "二是", "名 词 解 释", "附件"]
_UNITS = ["%", "％", "亿元", "万元", "元", "万人", "人", "个百分点", "平方公里", "公里", "倍", "‰", "万吨",
          "吨标准煤", "家", "个", "项", "万平方米", "亩", "户", "千瓦时", "万人次", "元/人", "美元", "m²", ""]
_QUALIFIERS = ["左右", "以上", "以内", "增长", "下降", "同比增长", "年均增长", "达到", "突破", "力争", "预计",
               "目标", "完成", "比上年", "控制在", "不低于", "累计", "占", "分别"]
_CN_NUMERALS = ["两千", "三点五", "一百二十万", "十", "零点八", "五百", "一千零一", "两", "半", "九成", "亿"]
_FURNITURE = ["― 2 ―", "- 3 -", "第 4 页", "第4页 共20页", "2/20", "发布时间：2022-01-01", "来源：区政府办",
              "首页 > 政务公开", "【打印】【关闭】", "---", "***", "此件公开发布", "渝北府发〔2022〕1号"]
_HTML = ["<p>", "</p>", "<div class='content' id='zoom'>", "</div>", "<br>", "<br/>", "<h2>", "</h2>",
         "<script>var a='各位代表';</script>", "<script>", "</script>", "<style>p{}</style>", "<!--", "-->",
         "&nbsp;", "&#x4e2d;", "&#20013;", "&amp;", "&bogus;", "<![CDATA[", "]]>", "<table><tr><td>",
         "</td></tr></table>", "<meta charset='gbk'>", "<meta charset='utf-16'>", "<?xml version='1.0'?>",
         "<html><body>", "</body></html>", "<img src='data:image/png;base64,iVBORw0KGgo='>", "<a href='/'>首页</a>",
         "<nav>", "</nav>", "<span style='display:none'>", "</span>", "<!DOCTYPE html>"]
_PUNCTUATION = list("，。、；：？！“”‘’（）《》〈〉【】—…·,.;:!?()[]{}<>/\\|-_=+*&^%$#@~`'\"")
_SPACE = ["\n", "\r\n", "\r", "\n\n", "\u3000\u3000", "\t", " ", "\x0c", "\u2028", "\x85", "\u00a0", "\u200b",
          "\ufeff", "\x00", "\x1b", "\ufffd"]
# mostly what reports come in; the rest go through charset-normalizer (slow), so they are fewer
_ENCODINGS = ["utf-8"] * 6 + ["gb18030"] * 3 + ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk",
              "big5", "cp1252", "latin-1", "shift_jis", "euc-kr", "koi8-r", "utf-7"]
_EXTENSIONS = [".txt", ".txt", ".md", ".html", ".htm", "", ".dat", ".TXT", ".docx", ".pdf", ".doc", ".xhtml"]


_PIECES = [_CLAUSES, _CLAUSES, _CLAUSES, _HEADINGS, _FURNITURE, _HTML, _PUNCTUATION, _SPACE]


def _number(rng: random.Random) -> str:
    kind = rng.randrange(8)
    if kind == 0:
        digits = str(rng.randint(-10**13, 10**13))
    elif kind == 1:
        digits = repr(rng.choice([rng.uniform(-1e6, 1e6), float("nan"), float("inf"), 1e300, 5e-324]))
    elif kind == 2:
        digits = f"{rng.uniform(0, 1000):.{rng.randrange(4)}f}"
    elif kind == 3:
        digits = f"{rng.randrange(10**9):,}"
    elif kind == 4:  # full-width digits
        digits = str(rng.randrange(1000)).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    elif kind == 5:
        digits = rng.choice(_CN_NUMERALS)
    elif kind == 6:
        digits = f"{rng.randrange(100)}{rng.choice('-—~～至')}{rng.randrange(100)}"
    else:
        digits = ":".join(f"{rng.uniform(0, 100):.1f}" for _ in range(rng.randrange(2, 4)))
    return (rng.choice(["", "", "约", "超", "近", *_QUALIFIERS]) + digits + rng.choice(_UNITS)
            + rng.choice(["", "", "", "", *_QUALIFIERS]))


def _text(rng: random.Random, pieces: int, odd: str) -> str:
    """Report-like text: ``pieces`` fragments picked by ``rng``; ``odd`` (random characters from hypothesis)
    is scattered in."""
    out: list[str] = []
    for _ in range(pieces):
        roll = rng.random()
        if roll < 0.2:
            out.append(_number(rng))
        elif roll < 0.25:
            out.append(rng.choice(["到2025年", "“十四五”", "2021—2025年", "今后五年", "去年", "今年",
                                   f"{rng.randint(1900, 2100)}年", "2022年主要预期目标是："]))
        elif roll < 0.3 and odd:
            at = rng.randrange(len(odd))
            out.append(odd[at : at + rng.randrange(1, 8)])
        else:
            group = rng.choice(_PIECES)
            piece = rng.choice(group)
            if group is _HEADINGS:
                piece = "\n" + piece + rng.choice(_CLAUSES) + "\n"
            elif group is _FURNITURE:
                piece = "\n" + piece + "\n"
            out.append(piece)
    return "".join(out)


@st.composite
def documents(draw) -> tuple[str, bytes]:
    """(extension, bytes). Hypothesis draws the shape (seed, length, encoding, damage, extension, odd
    characters); the fragments are picked with a seeded ``random.Random`` (one draw instead of hundreds, so
    thousands of inputs fit the time budget)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    text = _text(rng, draw(st.integers(0, 160)), draw(st.text(max_size=24)))
    encoding = draw(st.sampled_from(_ENCODINGS))
    data = text.encode(encoding, errors=draw(st.sampled_from(["replace", "ignore", "xmlcharrefreplace"])))
    damage = draw(st.sampled_from(["none"] * 6 + ["truncate", "splice", "prefix"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
    elif damage == "prefix":
        data = draw(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                     b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x89PNG\r\n\x1a\n"])) + data
    return draw(st.sampled_from(_EXTENSIONS)), data


# ------------------------------------------------------------------------------------------------ checks


def check_report(report: Report) -> None:
    """Invariants of a loaded report (they hold on every real sample)."""
    text = report.text
    assert isinstance(text, str) and text.strip()
    assert len(report.offsets) == len(text) + 1
    assert all(a <= b for a, b in zip(report.offsets, report.offsets[1:]))
    assert report.offsets[-1] <= len(report.source_text)
    for p in report.paragraphs:
        assert p.text == text[p.start : p.end]
        for s in p.sentences:
            assert s.text == text[s.start : s.end]
            assert p.start <= s.start <= s.end <= p.end
    for s in report.walk():
        assert 0 <= s.start <= s.title_start <= s.title_end <= s.end <= len(text)
        for c in s.children:
            assert s.start <= c.start and c.end <= s.end


def check_indicators(report: Report) -> int:
    rows = extract_indicators(report)
    for row in rows:
        assert 0 <= row.start <= row.end <= len(report.text)
        assert row.sentence in report.text
    return len(rows)


class Tally:
    def __init__(self, name: str) -> None:
        self.name = name
        self.outcomes: Counter[str] = Counter()
        self.rows = 0

    def report(self, capsys) -> None:
        total = sum(self.outcomes.values())
        detail = ", ".join(f"{k} {v}" for k, v in self.outcomes.most_common())
        with capsys.disabled():
            print(f"\n[fuzz] {self.name}: {total} inputs ({detail}); {self.rows} indicator rows")


def load_and_check(path: Path, tally: Tally) -> None:
    try:
        report = load_report(path)
    except ReportError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message, message
        assert exc.reason.strip(), message
        tally.outcomes[type(exc).__name__] += 1
        return
    check_report(report)
    tally.rows += check_indicators(report)
    tally.outcomes["loaded"] += 1


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_names = itertools.count()


def test_fuzz_text_inputs(folder, capsys):
    tally = Tally("text-like files")

    @settings(BASE, max_examples=TEXT_EXAMPLES)
    @given(doc=documents())
    def run(doc: tuple[str, bytes]) -> None:
        ext, data = doc
        path = folder / f"input{next(_names)}{ext}"
        path.write_bytes(data)
        try:
            load_and_check(path, tally)
        finally:
            path.unlink()

    run()
    tally.report(capsys)
    assert sum(tally.outcomes.values()) >= TEXT_EXAMPLES
    assert tally.outcomes["loaded"] > TEXT_EXAMPLES // 4 and len(tally.outcomes) >= 4  # both paths exercised


# ------------------------------------------------------------------------------------------------ containers


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, bytes]:
    """Small real files of each container kind, to damage."""
    from tests.helpers.make_files import cjk_font_family, make_docx, make_html, make_pdf

    folder = tmp_path_factory.mktemp("seeds")
    text = "\n".join(sample_text("yubei-2024").splitlines()[:30])
    out = {
        ".docx": make_docx(text, folder / "s.docx").read_bytes(),
        ".html": make_html(text, folder / "s.html").read_bytes(),
    }
    if cjk_font_family() is not None:
        out[".pdf"] = make_pdf(text[:200], folder / "s.pdf").read_bytes()  # small: pdfminer is slow
    return out


def _rezip(data: bytes, draw) -> bytes:
    """A .docx whose entries survive but one part's bytes are damaged (the zip itself stays valid)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in src.infolist()]
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            part = src.read(name)
            if name == victim and part:
                at = draw(st.integers(0, len(part) - 1))
                part = part[:at] + draw(st.binary(max_size=32)) + part[at + draw(st.integers(0, 64)):]
            dst.writestr(name, part)
    return out.getvalue()


@st.composite
def damaged(draw, seeds: dict[str, bytes]) -> tuple[str, bytes]:
    # PDFs cost most to parse: fewer of them
    ext = draw(st.sampled_from([e for e in [".docx"] * 4 + [".html"] * 4 + [".pdf"] * 2 if e in seeds]))
    data = seeds[ext]
    how = draw(st.sampled_from(["flip", "cut", "splice", "part"] if ext == ".docx" else ["flip", "cut", "splice"]))
    if how == "part":
        return ext, _rezip(data, draw)
    if how == "cut":
        return ext, data[: draw(st.integers(0, len(data)))]
    if how == "splice":
        at = draw(st.integers(0, len(data)))
        return ext, data[:at] + draw(st.binary(max_size=256)) + data[at + draw(st.integers(0, 256)):]
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        i = draw(st.integers(0, len(buf) - 1))
        buf[i] = draw(st.integers(0, 255))
    return ext, bytes(buf)


def test_fuzz_damaged_containers(folder, seeds, capsys):
    tally = Tally("damaged docx/html/pdf")

    @settings(BASE, max_examples=CONTAINER_EXAMPLES)
    @given(doc=damaged(seeds))
    def run(doc: tuple[str, bytes]) -> None:
        ext, data = doc
        path = folder / f"damaged{next(_names)}{ext}"
        path.write_bytes(data)
        try:
            load_and_check(path, tally)
        finally:
            path.unlink()

    run()
    tally.report(capsys)
    assert sum(tally.outcomes.values()) >= CONTAINER_EXAMPLES
