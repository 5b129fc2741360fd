"""Recurring, new and dropped phrasing across reports, and boilerplate told apart from substance."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_diff import sample, shared_tokenizer
from viewer.core.loader import report_from_text
from viewer.core.recurring import DROPPED, NEW, RECURRING, PhraseTable, find_phrases

SLOGAN = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻新发展理念"
PROJECT = "加快建设川渝高竹新区，推动经济区与行政区适度分离改革"
OLD_ONLY = "实施铜锣峡地下储气库工程，建成中航油输油管道"
NEW_ONLY = "培育发展低空经济和人工智能产业，打造数字经济新高地"


def report(name: str, district: str, year: int, plan: list[str]) -> object:
    body = "。".join(plan) + "。"
    text = (f"重庆市{district}人民政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n{SLOGAN}，统筹发展和安全。\n"
            f"二、{year}年重点工作\n{body}\n各位代表！让我们团结奋斗。\n")
    return report_from_text(text, name)


@pytest.fixture(scope="module")
def table() -> PhraseTable:
    reports = [
        report("y1.txt", "渝北区", 2022, [PROJECT, OLD_ONLY, "全区生产总值增长6%以上"]),
        report("y2.txt", "渝北区", 2023, [PROJECT, NEW_ONLY, "全区生产总值增长7%左右"]),
    ]
    return find_phrases(reports, shared_tokenizer())


def texts(phrases) -> str:
    return "|".join(p.text for p in phrases)


# -- kinds ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("report, kind, fragment, present", [
    # carried over from the previous report
    (1, RECURRING, "加快建设川渝高竹新区", True),
    (1, RECURRING, "习近平新时代中国特色社会主义思想", True),
    # new this year: a new programme, and the changed figure
    (1, NEW, "培育发展低空经济和人工智能产业", True),
    (1, NEW, "7%左右", True),
    (1, NEW, "加快建设川渝高竹新区", False),
    # dropped since last year (offsets into last year's report)
    (1, DROPPED, "铜锣峡地下储气库", True),
    (1, DROPPED, "6%以上", True),
    (1, DROPPED, "川渝高竹新区", False),
    # the first report: "recurring" means found in another report, "new" found in no other
    (0, RECURRING, "川渝高竹新区", True),
    (0, NEW, "铜锣峡地下储气库", True),
])
def test_kinds(table, report, kind, fragment, present):
    assert (fragment in texts(table.of_kind(report, kind))) is present


def test_phrases_know_their_reports_and_offsets(table):
    for i, phrases in enumerate(table.phrases):
        previous_end = 0
        for p in phrases:
            assert p.report == i and p.start >= previous_end and p.end > p.start
            previous_end = p.end
            assert i in p.reports
            assert (p.kind == RECURRING) == (len(p.reports) > 1)
    for p in table.dropped[1]:
        assert p.report == 0 and p.reports == (0,) and p.kind == DROPPED
    assert table.dropped[0] == ()


def test_boilerplate_is_told_apart_from_substance(table):
    recurring = table.of_kind(1, RECURRING)
    slogan = [p for p in recurring if "习近平" in p.text]
    project = [p for p in recurring if "川渝高竹新区" in p.text]
    assert slogan and all(p.boilerplate for p in slogan)
    assert project and not any(p.boilerplate for p in project)  # a district's programme carried on: substance
    assert not any(p.boilerplate for p in table.of_kind(1, NEW))


def test_phrases_shared_across_districts_are_boilerplate():
    reports = [report("a.txt", "渝北区", 2022, [PROJECT, OLD_ONLY]), report("b.txt", "大渡口区", 2022, [PROJECT])]
    t = find_phrases(reports, shared_tokenizer())
    shared = [p for p in t.of_kind(1, RECURRING) if "川渝高竹新区" in p.text]
    assert shared and all(p.boilerplate and p.reports == (0, 1) for p in shared)


def test_three_reports_and_a_phrase_that_returns():
    reports = [
        report("a.txt", "渝北区", 2021, [PROJECT, OLD_ONLY]),
        report("b.txt", "渝北区", 2022, [PROJECT]),
        report("c.txt", "渝北区", 2023, [PROJECT, OLD_ONLY]),
    ]
    t = find_phrases(reports, shared_tokenizer())
    back = [p for p in t.of_kind(2, NEW) if "铜锣峡" in p.text]
    assert back and back[0].reports == (0, 2)  # new against 2022, but it stood in 2021
    assert "铜锣峡" in texts(t.of_kind(1, DROPPED))


# -- real reports --------------------------------------------------------------------------------------------
def test_yubei_years():
    t = find_phrases([sample("yubei-2022"), sample("yubei-2024")], shared_tokenizer())
    recurring = t.of_kind(1, RECURRING)
    assert any("习近平新时代中国特色社会主义思想" in p.text and p.boilerplate for p in recurring)
    substantive = [p for p in recurring if not p.boilerplate and len(p.text) >= 8]
    assert any("T3B" in p.text or "高竹新区" in p.text for p in substantive), texts(substantive)[:500]
    s = t.summary(1)
    assert s["new"] > s["recurring"] > s["recurring_boilerplate"] > 0 and s["dropped"] > 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="推动发展建设产业创新城市乡村民生改革，。\n0123456789%", max_size=80),
                min_size=2, max_size=3))
def test_phrases_stay_inside_their_text(bodies):
    reports = [report_from_text(f"重庆市渝北区人民政府工作报告\n{b}\n", f"r{i}.txt") for i, b in enumerate(bodies)]
    t = find_phrases(reports, shared_tokenizer())
    for i, r in enumerate(reports):
        for p in t.phrases[i]:
            assert 0 <= p.start < p.end <= len(r.text) and r.text[p.start:p.end] == p.text
        for p in t.dropped[i]:
            src = reports[i - 1].text
            assert 0 <= p.start < p.end <= len(src) and src[p.start:p.end] == p.text
