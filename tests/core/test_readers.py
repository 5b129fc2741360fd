"""viewer.core.ingest.readers: every format, every encoding, and bad input fails with a clear, typed error."""
from __future__ import annotations

import base64
import difflib
import os
import re
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.make_files import (
    cjk_font_family,
    make_docx,
    make_html,
    make_pdf,
    make_scanned_pdf,
)
from viewer.core.errors import (
    CorruptFile,
    EmptyDocument,
    FileTooLarge,
    NoTextLayer,
    ReportError,
    UnsupportedFormat,
)
from viewer.core.ingest.readers import RawText, read_raw
from viewer.core.ingest.text import decode_bytes

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "resources" / "samples"
SAMPLES = sorted(SAMPLE_DIR.glob("*.txt"))
MB = 1_000_000


def sample_text(name: str = "yubei-2022") -> str:
    return (SAMPLE_DIR / f"{name}.txt").read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    """Non-blank lines, stripped, without Markdown heading markers."""
    return [re.sub(r"^#+\s*", "", ln.strip()) for ln in text.splitlines() if ln.strip()]


def html_lines(text: str) -> list[str]:
    """What the HTML reader makes of a report's lines: whitespace runs collapsed, blank lines gone."""
    return [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def best_match(needle: str, lines: list[str]) -> float:
    return max(similarity(needle, ln) for ln in lines)


# =============================================================================================== text


def test_samples_are_present():
    assert len(SAMPLES) >= 5


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_utf8_sample_reads_as_is(sample: Path):
    raw = read_raw(sample)
    assert isinstance(raw, RawText)
    assert raw.format == "txt"
    assert raw.encoding == "utf-8"
    expected = sample.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    assert raw.text == expected


ENCODINGS = [
    # (python codec used to write, encoding reported)
    ("gb18030", "gb18030"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),  # with BOM
    ("utf-16-le", "utf-16-le"),  # without BOM
    ("utf-16-be", "utf-16-be"),
    ("utf-32", "utf-32"),
]


@pytest.mark.parametrize("codec,reported", ENCODINGS, ids=[e[0] for e in ENCODINGS])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_reencoded_sample_reads_like_utf8(tmp_path: Path, sample: Path, codec: str, reported: str):
    reference = read_raw(sample).text
    target = tmp_path / sample.name
    target.write_bytes(sample.read_text(encoding="utf-8").encode(codec))
    raw = read_raw(target)
    assert raw.encoding == reported
    assert raw.text == reference
    assert not raw.text.startswith("\ufeff")


def test_gbk_snippet_reads_as_gb18030(tmp_path: Path):
    snippet = "".join(ch for ch in sample_text("yubei-2021")[:4000] if _gbk_ok(ch))
    path = tmp_path / "gbk.txt"
    path.write_bytes(snippet.encode("gbk"))
    raw = read_raw(path)
    assert raw.encoding == "gb18030"
    assert raw.text == snippet.replace("\r\n", "\n")


def _gbk_ok(ch: str) -> bool:
    try:
        ch.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


def test_big5_traditional_text(tmp_path: Path):
    text = "各位代表：\n現在，我代表區人民政府，向大會報告工作，請予審議，並請各位政協委員和其他列席人員提出意見。\n" * 5
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    raw = read_raw(path)
    assert raw.encoding == "big5"
    assert raw.text == text


def test_newlines_normalised_and_bom_dropped(tmp_path: Path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeff第一段。\r\n第二段。\r第三段。\n".encode("utf-8"))
    raw = read_raw(path)
    assert raw.text == "第一段。\n第二段。\n第三段。\n"
    assert raw.encoding == "utf-8-sig"


def test_text_is_kept_as_is(tmp_path: Path):
    body = "  各位代表：\t\n\n\u3000\u3000现在，我代表区人民政府向大会报告工作。  \n― 2 ―\n"
    path = tmp_path / "asis.txt"
    path.write_text(body, encoding="utf-8")
    assert read_raw(path).text == body


def test_a_few_damaged_bytes_in_utf8_do_not_cause_mojibake(tmp_path: Path):
    data = bytearray(sample_text("yubei-2021").encode("utf-8"))
    data[5001] = 0xFF
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    raw = read_raw(path)
    assert raw.encoding == "utf-8"
    assert similarity(raw.text[:3000], sample_text("yubei-2021")[:3000]) > 0.99


@pytest.mark.parametrize("ext,fmt", [(".md", "md"), (".TXT", "txt"), (".text", "txt"), (".Md", "md")])
def test_text_extensions(tmp_path: Path, ext: str, fmt: str):
    path = tmp_path / f"report{ext}"
    path.write_text("# 标题\n正文。\n", encoding="utf-8")
    raw = read_raw(path)
    assert raw.format == fmt
    assert raw.text == "# 标题\n正文。\n"


def test_reading_a_txt_is_fast():
    sample = max(SAMPLES, key=lambda p: p.stat().st_size)
    read_raw(sample)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        read_raw(sample)
        times.append(time.perf_counter() - t0)
    assert min(times) < 0.05, times


def test_reading_a_gb18030_txt_is_fast(tmp_path: Path):
    path = tmp_path / "gb.txt"
    path.write_bytes(sample_text("jiulongpo-2021").encode("gb18030"))
    t0 = time.perf_counter()
    assert read_raw(path).encoding == "gb18030"
    assert time.perf_counter() - t0 < 0.5


_HANZI = sorted({ch for ch in sample_text("yubei-2022") if "\u4e00" <= ch <= "\u9fff"})
_ALPHABET = st.sampled_from(_HANZI + list("，。、；：“”（）0123456789%\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(_ALPHABET, min_size=200, max_size=2000), codec=st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"]))
def test_decode_round_trip(text: str, codec: str):
    decoded, _ = decode_bytes(text.encode(codec))
    assert decoded == text


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=3000))
def test_decode_arbitrary_bytes_returns_text_or_a_report_error(data: bytes):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except ReportError as exc:
        assert str(exc).startswith("x.txt: ")
    else:
        assert isinstance(text, str) and encoding


# =============================================================================================== sniffing


def test_unknown_extension_with_text_content(tmp_path: Path):
    path = tmp_path / "report.dat"
    path.write_bytes(sample_text().encode("gb18030"))
    raw = read_raw(path)
    assert (raw.format, raw.encoding) == ("txt", "gb18030")


def test_unknown_extension_with_html_content(tmp_path: Path):
    path = make_html("各位代表：\n现在，我代表区人民政府向大会报告工作。", tmp_path / "page.asp")
    raw = read_raw(path)
    assert raw.format == "html"
    assert raw.text == "各位代表：\n现在，我代表区人民政府向大会报告工作。"


def test_unknown_extension_with_docx_content(tmp_path: Path):
    path = make_docx(["# 标题", "正文。"], tmp_path / "report.bin")
    raw = read_raw(path)
    assert raw.format == "docx"
    assert raw.text == "# 标题\n正文。"


def test_unknown_extension_with_pdf_content_goes_to_the_pdf_reader(tmp_path: Path):
    path = make_scanned_pdf(tmp_path / "scan.dat")
    with pytest.raises(NoTextLayer):
        read_raw(path)


def test_docx_content_named_txt_is_read_as_docx(tmp_path: Path):
    path = tmp_path / "report.txt"
    make_docx(["正文。"], tmp_path / "real.docx").rename(path)
    assert read_raw(path).format == "docx"


def test_unknown_extension_with_binary_content(tmp_path: Path):
    path = tmp_path / "blob.xyz"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(UnsupportedFormat) as err:
        read_raw(path)
    assert "blob.xyz" in str(err.value)


def test_old_doc_is_unsupported_with_advice(tmp_path: Path):
    path = tmp_path / "report.DOC"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    with pytest.raises(UnsupportedFormat) as err:
        read_raw(path)
    assert "save it as .docx" in str(err.value)
    assert "report.DOC" in str(err.value)


def test_doc_that_is_really_a_web_page_is_read(tmp_path: Path):
    path = make_html("各位代表：\n现在，我代表区人民政府向大会报告工作。", tmp_path / "report.doc")
    raw = read_raw(path)
    assert raw.format == "html"
    assert "各位代表：" in raw.text


def test_doc_saved_as_docx_is_unsupported(tmp_path: Path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    with pytest.raises(UnsupportedFormat) as err:
        read_raw(path)
    assert ".doc" in err.value.reason


@pytest.mark.parametrize("name", ["scan.png", "report.xlsx", "report.wps", "report.ofd"])
def test_known_unsupported_extensions(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(UnsupportedFormat) as err:
        read_raw(path)
    assert name in str(err.value)


# =============================================================================================== docx


def test_docx_order_headings_and_table(tmp_path: Path):
    lines = [
        "# 重庆市渝北区人民政府工作报告",
        "各位代表：",
        "## 一、过去一年工作回顾",
        "过去一年，我们坚持稳中求进。",
        "| 指标 | 2021年 |",
        "| 地区生产总值 | 2235.6亿元 |",
        "### （一）着力稳定经济增长",
        "表格之后的段落。",
    ]
    raw = read_raw(make_docx(lines, tmp_path / "r.docx"))
    assert raw.format == "docx"
    assert raw.encoding is None
    assert raw.text.split("\n") == [
        "# 重庆市渝北区人民政府工作报告",
        "各位代表：",
        "## 一、过去一年工作回顾",
        "过去一年，我们坚持稳中求进。",
        "指标",
        "2021年",
        "地区生产总值",
        "2235.6亿元",
        "### （一）着力稳定经济增长",
        "表格之后的段落。",
    ]


def test_docx_whole_sample_round_trip(tmp_path: Path):
    text = sample_text("jiulongpo-2021")  # has Markdown headings of several depths
    raw = read_raw(make_docx(text, tmp_path / "j.docx"))
    assert raw.text.split("\n") == [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_docx_chinese_heading_style_outline_level_and_numbering(tmp_path: Path):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("过去一年工作回顾", style="标题 2")
    para = document.add_paragraph("大纲级别为三的段落")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "2")
    para._p.get_or_add_pPr().append(outline)
    document.add_paragraph("第一项", style="List Number")
    document.add_paragraph("第二项", style="List Number")
    document.add_paragraph("软换行\n之后")
    path = tmp_path / "styles.docx"
    document.save(str(path))
    assert read_raw(path).text.split("\n") == [
        "## 过去一年工作回顾",
        "### 大纲级别为三的段落",
        "1.第一项",
        "2.第二项",
        "软换行",
        "之后",
    ]


def test_docx_reading_is_fast(tmp_path: Path):
    path = make_docx(sample_text("jiulongpo-2021"), tmp_path / "j.docx")
    t0 = time.perf_counter()
    read_raw(path)
    assert time.perf_counter() - t0 < 1.0


def test_docx_that_is_not_a_zip(tmp_path: Path):
    path = tmp_path / "fake.docx"
    path.write_text("这不是一个Word文档", encoding="utf-8")
    with pytest.raises(CorruptFile):
        read_raw(path)


def test_zip_without_document_xml(tmp_path: Path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(CorruptFile) as err:
        read_raw(path)
    assert "word/document.xml" in str(err.value)


# =============================================================================================== pdf

needs_cjk_font = pytest.mark.skipif(
    cjk_font_family() is None,
    reason="no CJK font installed (apt-get install fonts-noto-cjk); PDFs of Chinese text cannot be made",
)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> tuple[str, RawText, float]:
    """A whole sample printed to PDF and read back once: (source text, result, seconds to read)."""
    if cjk_font_family() is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    text = sample_text("yubei-2022")
    path = make_pdf(text, tmp_path_factory.mktemp("pdf") / "yubei-2022.pdf")
    t0 = time.perf_counter()
    raw = read_raw(path)
    return text, raw, time.perf_counter() - t0


def _body_lines(text: str) -> list[str]:
    """Output lines without page-number footers."""
    return [ln for ln in text.split("\n") if not re.fullmatch(r"\d{1,3}", ln)]


@needs_cjk_font
def test_pdf_whole_sample(sample_pdf):
    text, raw, elapsed = sample_pdf
    assert raw.format == "pdf" and raw.encoding is None
    got = _body_lines(raw.text)
    want = paragraphs(text)
    assert abs(len(got) - len(want)) <= max(2, len(want) // 30), (len(got), len(want))
    assert similarity("".join(got), "".join(want)) > 0.99
    # the longest paragraph spans many lines and comes back as one line
    longest = max(want, key=len)
    assert len(longest) > 500
    assert best_match(longest, got) > 0.98
    assert elapsed < 6.0, f"reading the PDF took {elapsed:.1f} s"


@needs_cjk_font
def test_pdf_repairs_radical_code_points(sample_pdf):
    raw = sample_pdf[1]
    assert "人民政府" in raw.text
    assert not re.search(r"[\u2e80-\u2fdf]", raw.text)  # Kangxi / CJK radicals supplement
    assert "(cid:" not in raw.text


@needs_cjk_font
def test_pdf_page_numbers_are_own_lines(sample_pdf):
    lines = sample_pdf[1].text.split("\n")
    numbers = [ln for ln in lines if re.fullmatch(r"\d{1,3}", ln)]
    assert numbers[:3] == ["1", "2", "3"]


@needs_cjk_font
def test_pdf_paragraph_across_page_break_is_joined(tmp_path: Path):
    long_para = max(paragraphs(sample_text("yubei-2022")), key=len)
    text = "\n".join(["一、测试标题", long_para * 4, "各位代表！后一段。"])
    raw = read_raw(make_pdf(text, tmp_path / "long.pdf"))
    lines = raw.text.split("\n")
    assert "1" in lines  # the footer of page 1, on its own line ...
    got = [ln for ln in lines if not re.fullmatch(r"\d{1,3}", ln)]
    assert len(got) == 3, [ln[:20] for ln in got]  # ... and the paragraph spanning the pages is whole
    assert similarity(got[1], long_para * 4) > 0.98
    assert lines.index("1") > lines.index(got[1])  # the footer follows the paragraph it interrupted


@needs_cjk_font
@pytest.mark.parametrize(
    "layout",
    [{"indent": False}, {"justify": False}, {"blank_lines": True, "indent": False}, {"font_size": 10.5}],
    ids=["no-indent", "ragged-right", "blank-lines", "small-font"],
)
def test_pdf_layouts(tmp_path: Path, layout: dict):
    text = sample_text("dadukou-2022")
    raw = read_raw(make_pdf(text, tmp_path / "d.pdf", **layout))
    got, want = _body_lines(raw.text), paragraphs(text)
    assert abs(len(got) - len(want)) <= max(3, len(want) // 15), (len(got), len(want))
    assert best_match(max(want, key=len), got) > 0.98


@needs_cjk_font
def test_pdf_latin_words_keep_spaces_across_lines(tmp_path: Path):
    words = "The government work report reviews the past year and sets the targets for this year"
    raw = read_raw(make_pdf("前言。" + (" " + words) * 8, tmp_path / "latin.pdf"))
    assert "year and sets" in raw.text.replace("\n", " ")
    assert "yearand" not in raw.text and "reviewsthe" not in raw.text


def test_pdf_without_header(tmp_path: Path):
    path = tmp_path / "nohead.pdf"
    path.write_text("这不是PDF", encoding="utf-8")
    with pytest.raises(CorruptFile):
        read_raw(path)


@needs_cjk_font
def test_password_protected_pdf(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    plain = make_pdf("各位代表：\n现在，我代表区人民政府向大会报告工作。", tmp_path / "plain.pdf")
    for name, user_password in (("locked.pdf", "secret"), ("owner-only.pdf", "")):
        writer = pypdf.PdfWriter(clone_from=str(plain))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
        with open(tmp_path / name, "wb") as fh:
            writer.write(fh)
    with pytest.raises(CorruptFile) as err:
        read_raw(tmp_path / "locked.pdf")
    assert "password" in str(err.value)
    assert "各位代表：" in read_raw(tmp_path / "owner-only.pdf").text


# =============================================================================================== html

CHROME_STRINGS = ["首页", "政务公开", "当前位置", "统计代码", "主办", "网站标识码", "相关文章", "分享到", "页面注释",
                  "发布时间", "无障碍", "font-family"]


def test_html_saved_page_main_text_only(tmp_path: Path):
    text = sample_text("jiulongpo-2021")
    raw = read_raw(make_html(text, tmp_path / "page.html"))
    assert raw.format == "html" and raw.encoding == "utf-8"
    assert raw.text.split("\n") == html_lines(text)
    for junk in CHROME_STRINGS:
        if junk not in text:
            assert junk not in raw.text, junk


def test_html_gb2312_meta_charset(tmp_path: Path):
    text = "".join(ch for ch in sample_text("yubei-2022") if _gbk_ok(ch))
    path = make_html(text, tmp_path / "gb.htm", encoding="gb18030")
    path.write_bytes(path.read_bytes().replace(b'charset="gb18030"', b'charset="gb2312"'))
    raw = read_raw(path)
    assert raw.encoding == "gb18030"
    assert raw.text.split("\n") == html_lines(text)


def test_html_wrong_meta_charset_falls_back(tmp_path: Path):
    path = make_html("各位代表：\n现在，我代表区人民政府向大会报告工作。", tmp_path / "lying.html")
    path.write_bytes(path.read_bytes().replace(b'charset="utf-8"', b'charset="gbk"'))
    raw = read_raw(path)
    assert raw.encoding == "utf-8"
    assert raw.text == "各位代表：\n现在，我代表区人民政府向大会报告工作。"


def test_html_huge_inline_image_still_works(tmp_path: Path):
    image = base64.b64encode(os.urandom(18_750_000)).decode("ascii")  # 25 MB of base64
    text = sample_text("yubei-2024")
    extra = f'<img src="data:image/png;base64,{image}">' + "<script>var x='" + "中" * 200_000 + "';</script>"
    path = make_html(text, tmp_path / "big.html", extra_body=extra)
    assert 25 * MB < path.stat().st_size < 30 * MB
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        raw = read_raw(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 3.0
    assert peak < 120 * MB
    assert raw.text.split("\n") == html_lines(text)


def test_html_content_inside_aspnet_form_and_br_lines(tmp_path: Path):
    page = (
        '<html><head><meta charset="utf-8"></head><body><form id="form1">'
        '<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>'
        '<table><tr><td class="sidebar"><a href="/x">栏目一</a><br><a href="/y">栏目二</a></td>'
        '<td><div id="zoom">各位代表：<br>现在，我代表区人民政府<b>向大会</b>报告工作。<br>'
        '<h2>一、过去一年工作回顾</h2>过去一年，全区经济运行稳中有进。</div></td></tr></table>'
        "<footer>版权所有</footer></form></body></html>"
    )
    path = tmp_path / "form.html"
    path.write_text(page, encoding="utf-8")
    assert read_raw(path).text.split("\n") == [
        "各位代表：",
        "现在，我代表区人民政府向大会报告工作。",
        "## 一、过去一年工作回顾",
        "过去一年，全区经济运行稳中有进。",
    ]


def test_html_nested_editor_divs_and_pre(tmp_path: Path):
    page = (
        "<html><body><div class='wrap'><h1 class='title'>站点名称</h1>"
        "<div class='article'><div class='TRS_Editor'><div class='Custom_UnionStyle'>"
        "<p>第一段，   包含   空白。</p><p>&nbsp;&nbsp;&nbsp;第二段。</p><pre>第一行\n第二行</pre>"
        "</div></div></div></div></body></html>"
    )
    path = tmp_path / "nested.htm"
    path.write_text(page, encoding="utf-8")
    assert read_raw(path).text.split("\n") == ["第一段， 包含 空白。", "第二段。", "第一行", "第二行"]


def test_html_unclosed_script_does_not_hang(tmp_path: Path):
    path = tmp_path / "unclosed.html"
    path.write_text("<html><body><p>各位代表：</p><script>" + "<script>" * 200_000, encoding="utf-8")
    t0 = time.perf_counter()
    assert read_raw(path).text == "各位代表："
    assert time.perf_counter() - t0 < 2.0


def test_html_without_main_text(tmp_path: Path):
    path = tmp_path / "nothing.html"
    path.write_text("<html><head><title>标题</title><script>var a='中文';</script></head><body>"
                    "<nav><a href='/'>首页</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(EmptyDocument) as err:
        read_raw(path)
    assert "nothing.html" in str(err.value)


# =============================================================================================== bad input


@pytest.mark.parametrize("name", ["empty.txt", "empty.docx", "empty.pdf", "empty.html", "empty.md"])
def test_empty_file(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument) as err:
        read_raw(path)
    assert str(err.value) == f"{path}: file is empty"


@pytest.mark.parametrize("content", [b"   \n\n\t  \r\n", "\u3000\u3000\n".encode("utf-8"), b"\xef\xbb\xbf\n"])
def test_whitespace_only_text(tmp_path: Path, content: bytes):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocument) as err:
        read_raw(path)
    assert "blank.txt" in str(err.value)


@pytest.mark.parametrize("name,size,limit", [("big.txt", 50, 20), ("big.md", 21, 20), ("big.html", 31, 30),
                                              ("big.pdf", 101, 100), ("big.docx", 101, 100)])
def test_too_large_is_refused_before_reading(tmp_path: Path, name: str, size: int, limit: int):
    path = tmp_path / name
    with open(path, "wb") as fh:  # sparse: no disk, no time
        fh.truncate(size * MB)
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(FileTooLarge) as err:
            read_raw(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - t0 < 0.5
    assert peak < 1 * MB  # nothing was read (the test's bound is 100 MB; the reader needs far less)
    assert f"file is {size:.1f} MB; the limit for" in str(err.value)
    assert f"is {limit} MB" in str(err.value)
    assert name in str(err.value)
