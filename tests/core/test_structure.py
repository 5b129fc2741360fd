"""Structure of the five real samples: metadata, top sections and roles, targets and problems paragraphs."""
from __future__ import annotations

import re

import pytest

from tests.conftest import CORPUS
from viewer.core.ingest.clean import clean_text
from viewer.core.model import Report
from viewer.core.structure import build_report

NUMBERED_ROLES = {
    # file: roles of the numbered top sections (一、二、…) in order
    "yubei-2021.txt": ["review", "plan_multi_year", "plan_year"],
    "yubei-2022.txt": ["review", "plan_multi_year", "plan_year", "self_building"],
    "yubei-2024.txt": ["review", "plan_year", "self_building"],
    "dadukou-2022.txt": ["review", "plan_multi_year", "plan_year", "self_building"],
    "jiulongpo-2021.txt": ["review", "plan_multi_year", "plan_year", "self_building"],
}
META = {
    "yubei-2021.txt": dict(district="渝北区", year=2021, date="2021-03-10", speaker="谭庆", office="区长",
                           session="第十八届人民代表大会第五次会议", doc_number="渝北府发〔2021〕1号",
                           title="重庆市渝北区人民政府工作报告"),
    "yubei-2022.txt": dict(district="渝北区", year=2022, date="2022-01-08", speaker="廖红军", office="区长",
                           session="第十九届人民代表大会第一次会议", doc_number="渝北府发〔2022〕1号",
                           title="重庆市渝北区人民政府工作报告"),
    "yubei-2024.txt": dict(district="渝北区", year=2024, date="2024-01-26", speaker="廖红军", office="区长",
                           session="第十九届人民代表大会第四次会议", doc_number="渝北府发〔2024〕1号",
                           title="重庆市渝北区人民政府工作报告"),
    "dadukou-2022.txt": dict(district="大渡口区", year=2022, date="2022-01-09", speaker="张国智", office="区长",
                             session="第十四届人民代表大会第一次会议", doc_number="",
                             title="重庆市大渡口区人民政府工作报告"),
    "jiulongpo-2021.txt": dict(district="九龙坡区", year=2021, date="2021-02-01", speaker="刘小强", office="区长",
                               session="第十八届人民代表大会第五次会议", doc_number="",
                               title="2021年重庆市九龙坡区人民政府工作报告"),
}


def _report(name: str) -> Report:
    src = (CORPUS / name).read_text(encoding="utf-8")
    return build_report(clean_text(src), path=name, source_text=src)


@pytest.fixture(scope="module", params=sorted(META))
def named_report(request) -> tuple[str, Report]:
    return request.param, _report(request.param)


def test_meta(named_report):
    name, r = named_report
    assert r.meta.to_dict() == META[name]


def test_numbered_top_sections_and_roles(named_report):
    name, r = named_report
    numbered = [s for s in r.sections if s.number]
    assert [s.role for s in numbered] == NUMBERED_ROLES[name]
    assert [s.number for s in numbered] == list("一二三四")[: len(numbered)]


def test_every_report_has_preamble_and_closing(named_report):
    _, r = named_report
    roles = r.top_roles()
    assert roles.count("preamble") == 1 and roles.index("preamble") < roles.index("review")
    assert "closing" in roles
    closing = next(s for s in r.sections if s.role == "closing")
    assert closing.paragraphs[0].text.startswith(("各位代表", "让我们"))


def test_sections_tile_the_text_in_order(named_report):
    _, r = named_report
    spans = [(s.start, s.end) for s in r.sections]
    assert spans == sorted(spans)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 < s2
    for s in r.walk():
        assert 0 <= s.start <= s.title_start <= s.title_end <= s.end <= len(r.text)
        for c in s.children:
            assert s.start <= c.start and c.end <= s.end
        assert r.text[s.title_start:s.title_end].strip() == s.title


def test_yubei_2021_has_three_top_sections_and_no_four():
    r = _report("yubei-2021.txt")
    assert [s.number for s in r.sections if s.number] == ["一", "二", "三"]
    assert r.sections[0].role == "notice"
    assert "关于印发" in r.sections[0].title


def test_jiulongpo_markdown_depth_does_not_deepen_the_tree():
    r = _report("jiulongpo-2021.txt")
    tops = [s for s in r.sections if s.number]
    # "## 一、" "### 三、" "#### 四、" are all top sections because the numbering says so
    assert [s.number for s in tops] == ["一", "二", "三", "四"]
    assert all(s.level == 1 for s in tops)
    assert max(s.level for s in r.walk() if s.number != "——") == 2
    plan = tops[2]
    assert [c.number for c in plan.children] == [f"（{n}）" for n in "一二三四五六七八"]


def test_dadukou_glossary_is_its_own_section():
    r = _report("dadukou-2022.txt")
    gloss = r.sections[-1]
    assert gloss.role == "glossary" and gloss.title == "名词解释"
    self_building = next(s for s in r.sections if s.role == "self_building")
    assert self_building.end < gloss.start
    assert "名词解释" not in r.text[self_building.start:self_building.end]
    assert len(gloss.paragraphs) >= 5


def test_yubei_2024_review_leads_and_subsections():
    r = _report("yubei-2024.txt")
    review = next(s for s in r.sections if s.role == "review")
    leads = [c for c in review.children if c.number == "——"]
    subs = [c for c in review.children if c.number.startswith("（")]
    assert len(leads) >= 3
    assert [c.number for c in subs] == [f"（{n}）" for n in "一二三四五六"]
    assert subs[0].title == "扎实推进产业质效稳步提升"


def test_year_plan_subsections_of_yubei_2022():
    r = _report("yubei-2022.txt")
    plan = next(s for s in r.sections if s.role == "plan_year")
    assert len(plan.children) == 9
    assert plan.children[0].title == "以创新驱动为引领，提升科技创新能力"


@pytest.mark.parametrize("name", sorted(META))
def test_targets_paragraph_found_in_year_plan(name):
    r = _report(name)
    assert r.targets is not None
    assert "预期目标" in r.targets.text and "%" in r.targets.text
    sec = r.section_at(r.targets.start)
    top = next(s for s in r.sections if s.start <= sec.start < s.end + 1)
    assert top.role == "plan_year"


@pytest.mark.parametrize("name", sorted(META))
def test_problems_paragraph_found(name):
    r = _report(name)
    assert r.problems is not None
    assert any(w in r.problems.text for w in ("问题", "不足", "挑战"))
    top = next(s for s in r.sections if s.start <= r.problems.start < s.end)
    assert top.role == "review"


def test_paragraphs_and_sentences_keep_offsets(named_report):
    _, r = named_report
    assert r.paragraphs
    for p in r.paragraphs:
        assert r.text[p.start:p.end] == p.text
        for s in p.sentences:
            assert r.text[s.start:s.end] == s.text
            assert p.start <= s.start < s.end <= p.end


def test_shuffled_sections_keep_titles_and_roles():
    """Sections in another order (a report restructured) still get their roles from their own titles."""
    src = (CORPUS / "yubei-2022.txt").read_text(encoding="utf-8")
    r = build_report(clean_text(src))
    tops = [s for s in r.sections if s.number]
    # swap the bodies of 二 and 三, renumbering the headings so numbering stays sequential
    two, three = tops[1], tops[2]
    t = r.text
    b2 = t[two.start:two.end].replace("二、", "三、", 1)
    b3 = t[three.start:three.end].replace("三、", "二、", 1)
    swapped = t[:two.start] + b3 + "\n" + b2 + t[three.end:]
    r2 = build_report(clean_text(swapped))
    assert [s.role for s in r2.sections if s.number] == ["review", "plan_year", "plan_multi_year", "self_building"]


PARTS_REPORT = """某某市人民政府工作报告
——2025年1月10日在某某市第十六届人民代表大会第四次会议上
市长　张三
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
第一部分　2024年工作回顾
过去一年，全市经济运行稳中有进。地区生产总值增长5.8%。
一、产业升级步伐加快
新增规上工业企业120家。
二、改革开放持续深化
进出口总额增长6%。
第二部分　2025年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
一、加快建设现代化产业体系
（一）推进制造业高质量发展。全力推进新型工业化。
（二）做强现代服务业。
二、深化改革扩大开放
稳步推进要素市场化改革。
第三部分　加强政府自身建设
坚持依法行政，自觉接受人大监督。
各位代表！让我们团结奋斗，再创新辉煌！
"""


@pytest.mark.parametrize("sep", ["\u3000", " ", "：", ""])
def test_part_headings_are_the_top_level(sep):
    """第一部分 / 第二部分 … (city reports often use them) are the top sections; 一、 and （一） nest below."""
    r = build_report(clean_text(PARTS_REPORT.replace("部分\u3000", "部分" + sep)))
    tops = [s for s in r.sections if s.number]
    assert [(s.number, s.title, s.role) for s in tops] == [
        ("第一部分", "2024年工作回顾", "review"), ("第二部分", "2025年工作安排", "plan_year"),
        ("第三部分", "加强政府自身建设", "self_building")]
    assert [c.label for c in tops[1].children] == ["一、加快建设现代化产业体系", "二、深化改革扩大开放"]
    assert [c.label for c in tops[1].children[0].children] == ["（一）推进制造业高质量发展", "（二）做强现代服务业"]
    assert tops[0].label == "第一部分\u30002024年工作回顾"
    assert r.sections[-1].role == "closing" and r.targets is not None


def _unnumbered(parts_report: str) -> str:
    return re.sub(r"^第[一二三]部分\u3000", "", parts_report, flags=re.M)


def test_unnumbered_part_lines_are_top_sections():
    """No numbers at all: short standalone lines that name a part of a work report are its top headings, and
    the opening address before the first one stays in the preamble."""
    r = build_report(clean_text(_unnumbered(PARTS_REPORT)))
    assert [(s.title, s.role) for s in r.sections] == [
        ("某某市人民政府工作报告", "preamble"), ("2024年工作回顾", "review"), ("2025年工作安排", "plan_year"),
        ("加强政府自身建设", "self_building"), ("", "closing")]
    assert [c.label for c in r.sections[2].children] == ["一、加快建设现代化产业体系", "二、深化改革扩大开放"]
    assert r.sections[0].end > r.text.index("请予审议")


def _no_numbered_lines(text: str) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^\n]*\n", "", text, flags=re.M)


def test_text_before_the_first_heading_does_not_swallow_the_headings():
    """Long body text before the first part line (so not the opening address) is a section of its own, and
    the first heading closes it: the parts stay top sections."""
    text = _no_numbered_lines(_unnumbered(PARTS_REPORT)).replace(
        "2024年工作回顾\n", "2024年，全市上下团结奋斗，经济社会发展取得新成效，" * 5 + "。\n2024年工作回顾\n", 1)
    r = build_report(clean_text(text))
    assert [s.role for s in r.sections] == ["preamble", "other", "review", "plan_year", "self_building", "closing"]
    assert all(s.level == 1 for s in r.sections)


@pytest.mark.parametrize("keep", [1, 0])
def test_without_two_part_lines_the_body_stays_one_section(keep):
    text = _no_numbered_lines(_unnumbered(PARTS_REPORT))
    for line in ["2024年工作回顾", "2025年工作安排", "加强政府自身建设"][keep:]:
        text = text.replace(line + "\n", "")
    r = build_report(clean_text(text))
    assert [s.role for s in r.sections] == ["preamble", "other", "closing"]
    assert r.targets is not None


def test_a_numbered_report_ignores_unnumbered_lines_that_name_parts():
    """Where 一、 headings name the parts, a later standalone line such as 2025年工作安排 is just a line."""
    text = PARTS_REPORT.replace("第一部分\u3000", "一、").replace("第二部分\u3000", "二、").replace(
        "第三部分\u3000", "三、")
    text = re.sub(r"^([一二])、(加快建设|产业升级|改革开放|深化改革)", r"\1.\2", text, flags=re.M)
    text = text.replace("进出口总额增长6%。\n", "进出口总额增长6%。\n2025年工作安排要点\n")
    r = build_report(clean_text(text))
    assert [(s.number, s.role) for s in r.sections if s.number] == [
        ("一", "review"), ("二", "plan_year"), ("三", "self_building")]


@pytest.mark.parametrize("written, date", [
    ("二〇二五年一月十日", "2025-01-10"),
    ("二○二五年二月二十三日", "2025-02-23"),
    ("2025年1月10日", "2025-01-10"),
])
def test_delivery_date_in_chinese_numerals(written, date):
    r = build_report(clean_text(PARTS_REPORT.replace("2025年1月10日", written)))
    assert (r.meta.year, r.meta.date, r.meta.speaker, r.meta.office) == (int(date[:4]), date, "张三", "市长")
    assert r.meta.session == "第十六届人民代表大会第四次会议"
    assert [s.role for s in r.sections][0] == "preamble"
    assert not any(s.number == "——" for s in r.walk())   # the delivery line is no ——lead paragraph


@pytest.mark.parametrize("front", [
    "——2025年1月10日在某某市第十六届人民代表大会第四次会议上\n市长　张三\n",
    "（2025年1月10日在某某市第十六届人民代表大会第四次会议上）\n某某市人民政府市长　张三\n",
    "——在某某市第十六届人民代表大会第四次会议上\n2025年1月10日\n市长　张三\n",
    "2025年1月10日\n——在某某市第十六届人民代表大会第四次会议上\n市长　张三\n",
    "(2025年1月10日在某某市第十六届人民代表大会第四次会议上)\n市长 张三\n",
])
def test_delivery_line_forms(front):
    """The delivery line written in the forms reports use: dash or brackets, the date inside or on its own."""
    text = PARTS_REPORT.replace("——2025年1月10日在某某市第十六届人民代表大会第四次会议上\n市长　张三\n", front)
    r = build_report(clean_text(text))
    m = r.meta
    assert (m.district, m.year, m.date, m.speaker, m.office) == ("某某市", 2025, "2025-01-10", "张三", "市长")
    assert m.session == "第十六届人民代表大会第四次会议"
    assert [s.role for s in r.sections] == ["preamble", "review", "plan_year", "self_building", "closing"]
