"""Aligning real reports: top sections by role, the year-plan pairing, districts, invariants, overrides."""
from __future__ import annotations

import functools
from collections import Counter

import pytest

from tests.core.test_diff import sample, shared_tokenizer
from viewer.core.align import (
    MOVED,
    OVERRIDE,
    REASONS,
    UNMATCHED,
    Alignment,
    Override,
    align_reports,
    build_units,
)
from viewer.core.loader import report_from_text


@pytest.fixture(scope="session")
def tokenizer():
    return shared_tokenizer()


@functools.lru_cache(maxsize=None)
def aligned(*names: str) -> Alignment:
    return align_reports([sample(n) for n in names], shared_tokenizer())


def top_row(al: Alignment, role: str):
    rows = [row for row in al.rows if any(c is not None and c.role == role for c in row.cells)]
    assert len(rows) == 1, f"{role}: {len(rows)} rows"
    return rows[0]


def number(cell) -> str | None:
    return getattr(cell.node, "number", None) if cell is not None else None


# -- top sections by role ------------------------------------------------------------------------------------
@pytest.mark.parametrize("names", [
    ("yubei-2021", "yubei-2022", "yubei-2024"),     # three years of one district
    ("yubei-2022", "yubei-2024"),                    # two years
    ("dadukou-2022", "yubei-2022"),                  # two districts, same year
    ("yubei-2021", "yubei-2022", "yubei-2024", "dadukou-2022", "jiulongpo-2021"),  # all five
])
def test_every_top_section_aligns_with_its_counterpart_by_role(names):
    al = aligned(*names)
    reports = al.reports
    roles = {s.role for r in reports for s in r.sections}
    for role in roles:
        row = top_row(al, role)
        for i, r in enumerate(reports):
            mine = [s for s in r.sections if s.role == role]
            cell = row.cells[i]
            assert (cell.node if cell else None) is (mine[0] if mine else None), (role, r.name)
        if len(row.present) > 1 and role != "other":
            assert row.reason == "role" and row.score == 1.0


def test_cross_district_review_plans_and_self_building_align():
    al = aligned("dadukou-2022", "yubei-2022")
    for role in ("review", "plan_multi_year", "plan_year", "self_building"):
        assert len(top_row(al, role).present) == 2
    assert top_row(al, "glossary").present == [0]  # only 大渡口 has 名词解释
    plan = top_row(al, "plan_year")
    pairs = {(number(a), number(b)) for a, b in (row.cells for row in plan.children) if a and b}
    # 工业↔制造业, 服务业↔服务业, 改革开放↔改革开放, 城乡↔城市, 生态↔绿色低碳, 民生↔民生, 平安↔安全稳定
    expected = {("（二）", "（二）"), ("（三）", "（三）"), ("（四）", "（四）"), ("（五）", "（五）"),
                ("（六）", "（七）"), ("（七）", "（八）"), ("（八）", "（九）")}
    assert expected <= pairs


# -- the year plans: 2022 (一)…(九) against 2024 (一)…(八) -------------------------------------------------------
YEAR_PLAN_2022_2024 = [
    # 2022 subsection, 2024 counterpart, reason
    ("（一）", "（四）", MOVED),      # 创新驱动/科技创新 -> 强教育、抓创新 (moved down)
    ("（二）", "（二）", "content"),  # 制造业 -> 调结构、转方式，产业能级
    ("（三）", "（三）", "content"),  # 现代服务业 (集聚区, 消费) -> 稳投资、促消费
    ("（四）", "（一）", MOVED),      # 改革开放 -> 强改革、扩开放 (moved to the front)
    ("（五）", "（五）", "content"),  # 城市更新 -> 宜居公园城市
    ("（六）", "（六）", "content"),  # 乡村振兴 -> 巴渝和美乡村
    ("（七）", "（七）", "content"),  # 绿色低碳 -> 美丽渝北
    ("（八）", "（八）", "content"),  # 民生 -> 惠民生、增福祉
    ("（九）", None, UNMATCHED),     # 安全稳定: folded into 2024 (八) 幸福平安渝北, no subsection of its own
]


@pytest.mark.parametrize("names, a, b", [
    (("yubei-2022", "yubei-2024"), 0, 1),
    (("yubei-2021", "yubei-2022", "yubei-2024"), 1, 2),  # the same pairing inside a three-year alignment
])
def test_year_plan_pairing(names, a, b):
    plan = top_row(aligned(*names), "plan_year")
    got = {}
    for row in plan.children:
        ca, cb = row.cells[a], row.cells[b]
        if ca is not None and ca.kind == "section":
            link = row.links[b]
            got[ca.node.number] = (number(cb), link.reason if link else UNMATCHED)
    assert got == {n22: (n24, reason) for n22, n24, reason in YEAR_PLAN_2022_2024}


def test_folded_subsection_paragraphs_find_their_new_home():
    # 2022 (九)'s paragraph on social stability sits, marked moved, beside 2024 (八)'s paragraph on safety
    plan = top_row(aligned("yubei-2022", "yubei-2024"), "plan_year")
    nine = next(row for row in plan.children if number(row.cells[0]) == "（九）")
    moved = [row.cells for row in nine.children if row.cells[1] is not None]
    assert all(row.links[1].reason == MOVED for row in nine.children if row.cells[1] is not None)
    assert any("安全" in b.node.text[:12] for _, b in moved), [b.label for _, b in moved]


# -- invariants ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("names", [
    ("yubei-2022", "yubei-2024"),
    ("yubei-2021", "yubei-2022", "yubei-2024", "dadukou-2022", "jiulongpo-2021"),
])
def test_every_piece_sits_in_exactly_one_row(names):
    al = aligned(*names)
    seen = Counter()
    for _, row in al.walk():
        assert len(row.cells) == len(names) and len(row.links) == len(names)
        assert row.present, "empty row"
        assert row.reason in REASONS and 0.0 <= row.score <= 1.0
        if len(row.present) == 1:
            assert row.reason == UNMATCHED and row.score == 0.0
        for i, c in enumerate(row.cells):
            if c is None:
                assert row.links[i] is None
                continue
            assert c.report == i
            text = al.reports[i].text
            assert 0 <= c.start <= c.own_start <= c.own_end <= c.end <= len(text)
            seen[(i, c.key)] += 1
    expected = Counter()
    for i, r in enumerate(al.reports):
        def walk(units):
            for u in units:
                expected[(i, u.key)] += 1
                walk(u.children)
        walk(build_units(r, i))
    assert max(seen.values()) == 1
    assert not set(expected) - set(seen), "pieces left out of the alignment"
    # the only extra keys: a one-paragraph section opened into its paragraph (…/¶1) facing sections with parts
    for i, key in set(seen) - set(expected):
        assert key.endswith("/¶1") and (i, key[:-3]) in expected


def test_alignment_is_deterministic(tokenizer):
    reports = [sample("yubei-2021"), sample("yubei-2022"), sample("yubei-2024")]
    first = align_reports(reports, tokenizer)
    second = align_reports(reports, tokenizer)
    assert [(rid, row.cells, row.links) for rid, row in first.walk()] == \
           [(rid, row.cells, row.links) for rid, row in second.walk()]


def test_needs_two_reports(tokenizer):
    with pytest.raises(ValueError):
        align_reports([sample("yubei-2022")], tokenizer)


# -- overrides -----------------------------------------------------------------------------------------------
PLAN_22 = "三、2022年重点工作"
PLAN_24 = "二、2024年重点工作"
NINE_22 = f"{PLAN_22}/（九）以安全稳定为底线，建设更高水平的平安渝北"
EIGHT_22 = f"{PLAN_22}/（八）以人民需求为根本，着力保障和改善民生"
EIGHT_24 = f"{PLAN_24}/（八）坚定不移惠民生、增福祉，打造幸福平安渝北"
FOUR_22 = f"{PLAN_22}/（四）以改革开放为关键，增强发展动力活力"
INDUSTRY_MULTI_22 = "二、今后五年发展的目标任务/（一）全面构建现代产业体系"
TWO_24 = f"{PLAN_24}/（二）坚定不移调结构、转方式，全力提升产业能级"


def test_keys_are_stable_and_readable():
    al = aligned("yubei-2022", "yubei-2024")
    assert al.find(0, NINE_22) is not None and al.find(1, EIGHT_24) is not None
    assert al.find(0, f"{NINE_22}/¶1") is not None
    o = Override("yubei-2022.txt", NINE_22, "yubei-2024.txt", None)
    assert Override.from_dict(o.to_dict()) == o


@pytest.mark.parametrize("override, a_key, b_key", [
    # pin (九) to (八) of 2024: (八) leaves 2022 (八)
    (Override("yubei-2022.txt", NINE_22, "yubei-2024.txt", EIGHT_24), NINE_22, EIGHT_24),
    # the reverse direction names the same pair
    (Override("yubei-2024.txt", EIGHT_24, "yubei-2022.txt", NINE_22), NINE_22, EIGHT_24),
    # across parents: a five-year goal answered by a subsection of this year's plan
    (Override("yubei-2022.txt", INDUSTRY_MULTI_22, "yubei-2024.txt", TWO_24), INDUSTRY_MULTI_22, TWO_24),
])
def test_override_pins_a_pair_and_survives_realignment(tokenizer, override, a_key, b_key):
    reports = [sample("yubei-2022"), sample("yubei-2024")]
    for _ in range(2):  # re-running the alignment with the same overrides gives the same pairing
        al = align_reports(reports, tokenizer, [override])
        assert al.overrides == (override,) and al.unapplied == ()
        rid, row = al.find(0, a_key)
        assert row.cells[1] is not None and row.cells[1].key == b_key
        assert row.reason == OVERRIDE
        keys = Counter((i, c.key) for _, r in al.walk() for i, c in enumerate(r.cells) if c is not None)
        assert max(keys.values()) == 1
    assert sum(1 for _ in al.walk()) > 100


def test_override_to_no_counterpart(tokenizer):
    reports = [sample("yubei-2022"), sample("yubei-2024")]
    al = align_reports(reports, tokenizer, [Override("yubei-2022.txt", FOUR_22, "yubei-2024.txt", None)])
    _, row = al.find(0, FOUR_22)
    assert row.cells[1] is None
    assert align_reports(reports, tokenizer).find(0, FOUR_22)[1].cells[1] is not None  # without it: (一)


@pytest.mark.parametrize("override", [
    Override("yubei-2022.txt", "no such section", "yubei-2024.txt", EIGHT_24),   # unknown key
    Override("yubei-2022.txt", NINE_22, "missing.txt", EIGHT_24),               # unknown report
    Override("yubei-2022.txt", NINE_22, "yubei-2022.txt", EIGHT_22),            # same report
])
def test_bad_overrides_are_reported_not_applied(tokenizer, override):
    al = align_reports([sample("yubei-2022"), sample("yubei-2024")], tokenizer, [override])
    assert al.unapplied == (override,) and al.overrides == ()


# -- small synthetic reports ---------------------------------------------------------------------------------
def _report(name: str, parts: list[tuple[str, str]]) -> object:
    body = "\n".join(f"（{n}）{title}\n{text}" for n, title, text in
                     [(num, t, x) for num, (t, x) in zip("一二三四五", parts)])
    return report_from_text(f"重庆市某区人民政府工作报告\n各位代表：\n一、2023年工作回顾\n回顾。\n二、2024年重点工作\n{body}\n",
                            name)


def test_reordered_subsections_are_paired_as_moved(tokenizer):
    industry = ("发展先进制造业", "推动汽车产业、电子信息产业集群发展，建设智能工厂和数字化车间，培育专精特新企业。")
    farms = ("推进乡村振兴", "建设高标准农田，发展特色农业和农产品加工，推进农村人居环境整治和乡村旅游。")
    school = ("办好人民满意的教育", "新建中小学和幼儿园，推进集团化办学，提高教师队伍素质，落实双减政策。")
    health = ("提升医疗卫生水平", "建设区域医疗中心，推进家庭医生签约服务，完善公共卫生应急体系和医共体。")
    a = _report("a.txt", [industry, farms, school, health])
    b = _report("b.txt", [health, farms, school, industry])
    al = align_reports([a, b], tokenizer)
    plan = top_row(al, "plan_year")
    pairs = {(row.cells[0].node.title, row.cells[1].node.title, row.reason)
             for row in plan.children if all(c is not None and c.kind == "section" for c in row.cells)}
    assert {(t, t) for t, _ in (industry, farms, school, health)} == {(x, y) for x, y, _ in pairs}
    assert sum(reason == MOVED for *_, reason in pairs) >= 1


def test_front_matter_lines_pair_by_what_they_are(tokenizer):
    """The delivery line and the speaker line pair across reports whatever their words (two districts, the
    date inside the delivery line in one and on its own line in the other)."""
    from tests.core.test_structure import PARTS_REPORT

    one = report_from_text(PARTS_REPORT, "one.txt")
    two = report_from_text(PARTS_REPORT.replace(
        "——2025年1月10日在某某市第十六届人民代表大会第四次会议上\n市长　张三\n",
        "——在另一县第九届人民代表大会第三次会议上\n2025年1月12日\n另一县人民政府县长　李四\n"), "two.txt")
    assert [p.role for p in one.paragraphs[:3]] == ["delivery", "speaker", None]
    assert [p.role for p in two.paragraphs[:4]] == ["delivery", "delivery_date", "speaker", None]
    al = align_reports([one, two], tokenizer)
    pairs = {(r.cells[0].node.role, r.cells[1].node.role) for _, r in al.walk()
             if all(c is not None and c.kind == "paragraph" for c in r.cells)}
    assert ("delivery", "delivery") in pairs and ("speaker", "speaker") in pairs
