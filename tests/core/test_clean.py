"""Cleaning: chrome, footers, page breaks, split paragraphs, punctuation — with an exact offset map."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES
from viewer.core.ingest.clean import clean_text

NORMALISED = {"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"}


def _check_offsets(src: str, clean) -> None:
    assert len(clean.offsets) == len(clean.text) + 1
    prev = -1
    for i, ch in enumerate(clean.text):
        j = clean.offsets[i]
        assert 0 <= j <= len(src)
        assert j >= prev, "offsets go forward"
        prev = j
        if ch == "\n":
            continue
        s = src[j]
        assert s == ch or NORMALISED.get(ch) == s or s.translate({0xFF05: "%"}) == ch or (
            ord(s) - 0xFEE0 == ord(ch)) or ch in ":." or (s in "\u3000\u00a0\u2002\u2003\n" and ch == " "), (i, ch, s)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_offsets_map_back(path):
    src = path.read_text(encoding="utf-8")
    c = clean_text(src)
    _check_offsets(src, c)


# -- web chrome and page furniture (each line is dropped) ---------------------------------------------------
@pytest.mark.parametrize("line", [
    "您当前的位置:首页>政务公开>政府工作报告",
    "当前位置：首页 > 信息公开",
    "扫一扫在手机打开当前页",
    "主办:重庆市渝北区人民政府办公室 地址:重庆市渝北区义学路32号",
    "网站标识码:5001120002 ICP备案号:渝ICP备08001718号 渝公网安备 50011202500481号",
    "渝北区政府网",
    "【打印本页】 【关闭窗口】",
    "日期:2021-03-24", "发布时间：2022年1月25日 10:30",
    "― 2 ―", "- 3 -", "— 14 —", "第3页", "第 3 页 共 12 页", "3/12", "---", "***",
])
def test_furniture_lines_removed(line):
    src = f"正文第一段。\n{line}\n正文第二段。"
    assert clean_text(src).text == "正文第一段。\n正文第二段。"


def test_paragraph_split_by_page_break_is_joined():
    src = "我们要坚持稳中求进工作总基调，确保稳住经济运行在合理区\n\n---\n\n间的基本盘，确保开好局。\n二、下一段"
    assert clean_text(src).text == "我们要坚持稳中求进工作总基调，确保稳住经济运行在合理区间的基本盘，确保开好局。\n二、下一段"


def test_page_footer_between_pages_joins_split_paragraph():
    src = "城市更新全面推进，完成老旧小区改造项目24个，补齐城乡基础设施和公共服务\n― 2 ―\n短板。\n"
    assert clean_text(src).text == "城市更新全面推进，完成老旧小区改造项目24个，补齐城乡基础设施和公共服务短板。"


def test_break_after_full_sentence_keeps_paragraphs_apart():
    src = "第一段写完了。\n---\n第二段另起。"
    assert clean_text(src).text == "第一段写完了。\n第二段另起。"


def test_heading_after_break_not_joined():
    src = "前文没有句号的长段落长段落长段落长段落长段落长段落长段落长段落长段落长段落\n---\n（三）新的小节"
    assert clean_text(src).text.split("\n")[1] == "（三）新的小节"


def test_lost_marker_long_paragraph_joined_but_short_heading_not():
    heading = "一、过去五年及2021年工作回顾"
    body = "过去五年是极不平凡的五年，我们坚持以人民为中心，扎实推进各项工作，经济总量持续扩大，外贸进出口总额"
    src = f"{heading}\n{body}\n\n实现较快增长。\n"
    assert clean_text(src).text == f"{heading}\n{body}实现较快增长。"


@pytest.mark.parametrize("src, expected", [
    ("(一)科学精准做好疫情防控", "（一）科学精准做好疫情防控"),
    ("各位代表:现在,我代表区人民政府;请予审议!", "各位代表：现在，我代表区人民政府；请予审议！"),
    ("地区生产总值1,234亿元,三次产业结构0.5:36.2:63.3", "地区生产总值1,234亿元，三次产业结构0.5:36.2:63.3"),
    ("增长２０.４％，ＧＤＰ", "增长20.4%，GDP"),
    ("三次产业结构调整为0.5∶36.2∶63.3", "三次产业结构调整为0.5:36.2:63.3"),
    ("接待游客 20.4 万人次，建党 100 周年", "接待游客20.4万人次，建党100周年"),
    ("名 词 解 释", "名词解释"),
    ("Made in China 2025 计划", "Made in China 2025计划"),
])
def test_normalisation(src, expected):
    assert clean_text(src).text == expected


def test_markdown_heading_marks_kept_aside():
    c = clean_text("# 2021年某区人民政府工作报告\n\n## 一、工作回顾\n正文。")
    assert c.text == "2021年某区人民政府工作报告\n一、工作回顾\n正文。"
    assert c.md_depth == {0: 1, c.text.index("一、"): 2}


_pieces = st.sampled_from([
    "经济", "增长", "6.5%", "，", ",", "。", "(一)", "（二）", "\n", "\n\n", "---", "― 2 ―", " ", "  ", "\u3000",
    "扫一扫在手机打开当前页", "第3页", "ＧＤＰ", "１２３", "我们要坚持稳中求进工作总基调确保稳住经济运行在合理区间内的基本盘",
    "#", "## ", "名 词 解 释", ":", "(", ")", "\ufffd", "abc", "各位代表！", "**", "__", "*",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_property_offsets_always_valid(src):
    c = clean_text(src)
    _check_offsets(src, c)
    assert "\n\n" not in c.text


def test_delivery_line_broken_in_two_is_joined():
    src = "某区人民政府工作报告\n\n——2022年1月9日在某区第十四届人民代表大会\n\n第一次会议上\n\n某区人民政府区长  张三"
    lines = clean_text(src).text.split("\n")
    assert lines[1] == "——2022年1月9日在某区第十四届人民代表大会第一次会议上"
    assert lines[2].startswith("某区人民政府区长")


def test_heading_at_page_end_is_not_joined_to_next_page():
    src = "上一段写完了。\n三、2021年工作安排\n7\n今年是实施“十四五”规划的开局之年。"
    assert clean_text(src).text == "上一段写完了。\n三、2021年工作安排\n今年是实施“十四五”规划的开局之年。"


@pytest.mark.parametrize("src, expected", [
    # a line set wholly in bold: the marks go (a converted web page or Markdown), the heading is found
    ("**一、2024年工作回顾**\n过去一年。", "一、2024年工作回顾\n过去一年。"),
    ("## **二、2025年工作安排**\n今年。", "二、2025年工作安排\n今年。"),
    ("__三、加强政府自身建设__\n坚持依法行政。", "三、加强政府自身建设\n坚持依法行政。"),
    # inline bold marks in pairs go too; a lone or odd mark is text
    ("**一是**加快发展，**二是**深化改革。", "一是加快发展，二是深化改革。"),
    ("乘号**只有一个。", "乘号**只有一个。"),
])
def test_bold_marks_are_not_text(src, expected):
    c = clean_text(src)
    assert c.text == expected
    _check_offsets(src, c)


def _paginate(text: str, header: str, every: int = 6, footer: bool = True) -> str:
    """Break ``text`` into pages the way a PDF export does: long lines cut in the middle, a page number and the
    running header between the halves."""
    out, page = [], 2
    for i, line in enumerate(text.split("\n")):
        if i > 12 and i % every == 0 and len(line) > 100:   # halves longer than a heading
            k = len(line) // 2
            while line[k - 1] in "。！？；：":   # a cut right after a sentence is a paragraph end (kept apart)
                k += 1
            out += [line[:k], *([f"— {page} —", ""] if footer else []), header, line[k:]]
            page += 1
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("footer", [True, False])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_running_header_is_page_furniture(path, footer):
    src = path.read_text(encoding="utf-8")
    title = next(ln.strip() for ln in src.split("\n") if ln.strip().endswith("工作报告"))
    paged = _paginate(src, title, footer=footer)
    assert paged.count(title) >= 4
    c = clean_text(paged)
    assert c.text == clean_text(src).text          # halves rejoined, headers and page numbers gone
    assert c.text.count(title) == clean_text(src).text.count(title)
    _check_offsets(paged, c)


def test_a_line_recurring_at_paragraph_ends_is_kept():
    """A short line that recurs where paragraphs end (not cutting one) is the report's own text."""
    src = "\n".join(["各位代表", "我们要坚持稳中求进工作总基调。", "各位代表", "我们要统筹发展和安全。", "各位代表",
                     "让我们团结奋斗。"])
    assert clean_text(src).text.count("各位代表") == 3


@pytest.mark.parametrize("first, second, joined", [
    ("引进亿元以上项目9", "0个，其中10亿元以上项目23个。", "引进亿元以上项目90个，其中10亿元以上项目23个。"),   # a number
    ("the growth of GDP and", "exports in the region.", "the growth of GDP and exports in the region."),  # words
])
def test_a_line_cut_by_a_page_break_joins(first, second, joined):
    lead = "创新招商引资工作机制，全面落实内陆开放高地建设行动计划，"
    c = clean_text(f"{lead}{first}\n— 3 —\n{second}")
    assert c.text == lead + joined
