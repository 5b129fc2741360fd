"""Policy phrasing over time: phrase lifecycle, classified edits, change-intensity matrix — on the Yubei series
(2021, 2022, 2024) of the real corpus, on all five samples, and on small composed reports."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_diff import sample, shared_tokenizer
from viewer.core.align import Override
from viewer.core.comparison import compare_reports
from viewer.core.diff import DELETE, EQUAL, INSERT, MOVED
from viewer.core.loader import report_from_text
from viewer.core.phrases import (ALL_DISTRICTS, DOWN, FIRMER, INTENSITY, NGRAM, NUMBER, QUALIFIER, SOFTER,
                                 STRONGER, TERM, UP, WEAKER, change_matrix, classify_edits, phrase_lifecycle,
                                 policy_terms)
from viewer.core.phrases.lifecycle import SKIPPED_ROLES
from viewer.core.tokenize import is_content

YUBEI = ("yubei-2021", "yubei-2022", "yubei-2024")
ALL = (*YUBEI, "dadukou-2022", "jiulongpo-2021")


@pytest.fixture(scope="module")
def tk():
    return shared_tokenizer()


@pytest.fixture(scope="module")
def yubei():
    return [sample(n) for n in YUBEI]


@pytest.fixture(scope="module")
def life(yubei, tk):
    return phrase_lifecycle(yubei, tk)


@pytest.fixture(scope="module")
def life_all(tk):
    return phrase_lifecycle([sample(n) for n in ALL], tk)


@pytest.fixture(scope="module")
def comparison(yubei, tk):
    return compare_reports(yubei, tk)


@pytest.fixture(scope="module")
def edits(comparison):
    return classify_edits(comparison)


def counted_text(report) -> list[str]:
    """The parts of a report the lifecycle counts in (independent of the module's own joining)."""
    return [report.text[s.start:s.end] for s in report.sections if s.role not in SKIPPED_ROLES]


# -- lifecycle: groups ------------------------------------------------------------------------------------
def test_groups_order_reports_by_year_per_district_and_across(life_all):
    refs = life_all.reports
    names = [g.name for g in life_all.groups]
    assert names[-1] == ALL_DISTRICTS and set(names[:-1]) == {"渝北区", "大渡口区", "九龙坡区"}
    yubei = life_all.group("渝北区")
    assert [refs[i].year for i in yubei.reports] == [2021, 2022, 2024]
    assert [len(s) for s in yubei.stages] == [1, 1, 1]
    every = life_all.group(ALL_DISTRICTS)
    years = [refs[i].year for i in every.reports]
    assert years == sorted(years) and len(every.reports) == 5
    assert [refs[i].year for i in every.latest] == [2024]
    assert len(every.stages) == len(set(years))  # the 2021 (and 2022) reports of two districts share a stage


# -- lifecycle: what a phrase's numbers mean ---------------------------------------------------------------
def test_counts_offsets_and_statuses_agree_with_the_texts(life_all):
    reports = [sample(n) for n in ALL]
    parts = [counted_text(r) for r in reports]
    for p in life_all.phrases:
        for i, r in enumerate(reports):
            assert p.counts[i] == sum(t.count(p.text) for t in parts[i]), (p.text, r.name)
            off = p.first_offsets[i]
            if p.counts[i]:
                assert r.text[off:off + len(p.text)] == p.text
            else:
                assert off == -1
        for g, status in zip(life_all.groups, p.statuses):
            present = [i for i in g.reports if p.counts[i]]
            assert list(status.present) == present
            latest = set(g.latest)
            if status.new:
                assert present and set(present) <= latest and len(g.stages) > 1
            if status.dropped:
                assert present and not latest & set(present)
            assert not (status.new and status.dropped)
            if present:
                assert (status.first_seen, status.last_seen) == (present[0], present[-1])


def test_noise_is_filtered(life_all, tk):
    terms = set(policy_terms())
    for p in life_all.phrases:
        assert p.total >= 1
        assert p.source == TERM and p.text in terms or p.source == NGRAM
        if p.source == NGRAM:
            assert p.total >= 2, p.text                         # recurring
            assert len(p.text) >= 4, p.text                      # no single characters or fragments of two
            assert not re.search(r"\d", p.text), p.text         # no figures or years
            words = tk.words(p.text)
            assert all(is_content(w) for w in words), p.text
            assert len(words[0]) >= 2, p.text                    # never opened by 的, 和, 在, 新 ...


def test_user_dictionary_terms_are_all_considered(life_all):
    reports = [sample(n) for n in ALL]
    found = {p.text for p in life_all.phrases if p.source == TERM}
    for term in policy_terms():
        in_text = any(term in t for r in reports for t in counted_text(r))
        assert (term in found) is in_text, term


# -- lifecycle on the Yubei series: born in 2024, dropped after 2021/2022 ---------------------------------
def test_yubei_phrases_only_in_2024(life, yubei):
    new = life.new_in("渝北区")
    texts = [p.text for p in new]
    assert len(new) >= 15
    later = counted_text(yubei[2])
    for p in new:
        assert p.counts[0] == p.counts[1] == 0 < p.counts[2]
        assert not p.boilerplate
        assert any(p.text in t for t in later)
        assert not any(p.text in t for r in yubei[:2] for t in counted_text(r))
    # real new formulations of 2024 (checked by reading the texts: none of them stands in 2021 or 2022)
    for phrase in ("新质生产力", "现代化新重庆", "西部陆海新通道", "和美乡村", "数字化转型"):
        assert phrase in texts, phrase
    counts = [sum(p.counts) for p in new]
    assert counts == sorted(counts, reverse=True)  # most frequent first


def test_yubei_phrases_dropped_after_2021_or_2022(life, yubei):
    dropped = life.dropped_in("渝北区")
    texts = [p.text for p in dropped]
    assert len(dropped) >= 15
    for p in dropped:
        assert p.counts[2] == 0 < p.counts[0] + p.counts[1]
        assert not any(p.text in t for t in counted_text(yubei[2]))
    # the 13th five-year plan, the "one area two groups" layout, the airport "air gateway" and the 2022 slogan
    for phrase in ("十三五", "一区两群", "空中门户", "标杆城区", "两江国际商务中心"):
        assert phrase in texts, phrase
    status = {p.text: p.statuses[life.group_index("渝北区")] for p in life.phrases}
    assert status["标杆城区"].present == (1,)            # only 2022
    assert status["十三五"].last_seen == 0               # only 2021
    assert status["疫情防控"].state == "carried"         # still named in 2024 (the transition)


def test_boilerplate_is_phrasing_found_everywhere_or_a_formula(life_all):
    n = len(life_all.reports)
    for p in life_all.phrases:
        if all(p.counts):
            assert p.boilerplate, p.text
    formula = [p for p in life_all.phrases if "习近平" in p.text]
    assert formula and all(p.boilerplate for p in formula)
    assert any(not p.boilerplate for p in life_all.phrases if len(p.present) < n)


def test_empty_input_is_an_error(tk):
    with pytest.raises(ValueError):
        phrase_lifecycle([], tk)


# -- lifecycle on composed reports: a property -------------------------------------------------------------
TERMS = ("新质生产力", "城市更新", "数字经济", "乡村振兴", "营商环境", "低空经济", "和美乡村", "碳达峰")


def composed(name: str, district: str, year: int, plan: list[str]):
    text = (f"重庆市{district}人民政府工作报告\n——{year}年1月10日在重庆市{district}第一届人民代表大会第一次会议上\n"
            f"各位代表：\n一、{year - 1}年工作回顾\n过去一年，全区经济运行稳中向好，各项事业取得新进展。\n"
            f"二、{year}年重点工作\n" + "\n".join(plan) + "\n各位代表！让我们团结奋斗。\n")
    return report_from_text(text, name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sets(st.sampled_from(TERMS)), second=st.sets(st.sampled_from(TERMS)))
def test_terms_new_and_dropped_follow_set_difference(tk, first, second):
    def plan(terms):
        return [f"大力推进{t}，取得新成效。" for t in sorted(terms)] or ["全面做好各项工作。"]

    reports = [composed("a.txt", "渝北区", 2023, plan(first)), composed("b.txt", "渝北区", 2024, plan(second))]
    got = phrase_lifecycle(reports, tk, terms=TERMS)
    assert {p.text for p in got.new_in("渝北区", boilerplate=True) if p.source == TERM} == second - first
    assert {p.text for p in got.dropped_in("渝北区", boilerplate=True) if p.source == TERM} == first - second


# -- classified edits: the targets sentences of the Yubei series ------------------------------------------
def targets_row(comparison) -> str:
    return next(rid for rid, row in comparison.alignment.walk()
                if any(c is not None and c.role == "targets" for c in row.cells))


def test_targets_sentence_changes_2021_to_2022(comparison, edits):
    row = targets_row(comparison)
    got = {(e.indicator, e.kind): (e.old, e.new, e.direction) for e in edits if e.row_id == row and e.a == 0}
    # 全区生产总值增长6%以上 → 6.5%左右; 规上工业总产值增长7% → 10%左右; 社会消费品零售总额增长5%以上 → 7%;
    # 一般公共预算收入增长3% → 5%; 城乡常住居民人均可支配收入 9% and 固定资产投资 持平 unchanged
    assert got == {
        ("地区生产总值", NUMBER): ("6%", "6.5%", UP),
        ("地区生产总值", QUALIFIER): ("以上", "左右", SOFTER),
        ("规上工业总产值", NUMBER): ("7%", "10%", UP),
        ("规上工业总产值", QUALIFIER): ("", "左右", SOFTER),
        ("社会消费品零售总额", NUMBER): ("5%", "7%", UP),
        ("社会消费品零售总额", QUALIFIER): ("以上", "", SOFTER),
        ("一般公共预算收入", NUMBER): ("3%", "5%", UP),
    }


def test_targets_sentence_changes_2022_to_2024(comparison, edits):
    row = targets_row(comparison)
    got = {(e.indicator, e.kind): (e.old, e.new, e.direction) for e in edits if e.row_id == row and e.a == 1}
    # 6.5%左右 → 7%左右 (the qualifier stays); 固定资产投资与上年持平 → 增长5%; 社零 7% → 8%; 一般公共预算收入
    # 5% → 7%; 规上工业总产值 10%左右 → 规上工业增加值 12.5% is another indicator: no number change
    assert got == {
        ("地区生产总值", NUMBER): ("6.5%", "7%", UP),
        ("固定资产投资", NUMBER): ("持平", "5%", UP),
        ("社会消费品零售总额", NUMBER): ("7%", "8%", UP),
        ("一般公共预算收入", NUMBER): ("5%", "7%", UP),
    }


def test_edit_spans_point_at_what_they_say(comparison, edits):
    reports = comparison.alignment.reports
    assert edits
    rows = {rid for rid, _ in comparison.alignment.walk()}
    for e in edits:
        assert e.row_id in rows and e.b == e.a + 1
        assert reports[e.a].meta.district == reports[e.b].meta.district
        ta, tb = reports[e.a].text, reports[e.b].text
        assert e.sentence_a[0] <= e.a_span[0] <= e.a_span[1] <= e.sentence_a[1]
        assert e.sentence_b[0] <= e.b_span[0] <= e.b_span[1] <= e.sentence_b[1]
        if e.kind in (NUMBER, QUALIFIER):
            assert ta[e.a_span[0]:e.a_span[1]] == e.before and tb[e.b_span[0]:e.b_span[1]] == e.after
            assert e.indicator


# -- classified edits on composed sentence pairs ------------------------------------------------------------
FIX1 = "坚持创新驱动发展，加快建设西部科学城核心区，培育壮大高新技术企业和科技型企业。"
FIX2 = "深化放管服改革，持续优化营商环境，支持民营经济健康发展。"
GOAL = "今年经济社会发展主要预期目标是："


def edits_between(tk, before: str, after: str, district_b: str = "渝北区"):
    a = composed("a.txt", "渝北区", 2023, [FIX1, before, FIX2])
    b = composed("b.txt", district_b, 2024, [FIX1, after, FIX2])
    return [(e.kind, e.direction, e.old, e.new) for e in classify_edits(compare_reports([a, b], tk))]


@pytest.mark.parametrize("before, after, expected", [
    # intensity: a modifier added, raised, lowered, removed before the same verb
    ("推进城市更新，完善城市功能。", "加快推进城市更新，完善城市功能。", (INTENSITY, STRONGER, "", "加快")),
    ("加快推进城市更新，完善城市功能。", "全面推进城市更新，完善城市功能。", (INTENSITY, STRONGER, "加快", "全面")),
    ("全面推进城市更新，完善城市功能。", "稳步推进城市更新，完善城市功能。", (INTENSITY, WEAKER, "全面", "稳步")),
    ("力争建成轨道交通四号线，完善城市功能。", "确保建成轨道交通四号线，完善城市功能。",
     (INTENSITY, STRONGER, "力争", "确保")),
    ("着力提升城市品质，完善城市功能。", "提升城市品质，完善城市功能。", (INTENSITY, WEAKER, "着力", "")),
    ("积极稳妥推进乡村振兴，完善城市功能。", "全力推进乡村振兴，完善城市功能。",
     (INTENSITY, STRONGER, "积极稳妥", "全力")),
    # qualifiers on a figure: post-qualifiers, a commitment before it, a ceiling
    (GOAL + "地区生产总值增长6%左右，一般公共预算收入增长5%。", GOAL + "地区生产总值增长6%以上，一般公共预算收入增长5%。",
     (QUALIFIER, FIRMER, "左右", "以上")),
    (GOAL + "地区生产总值力争增长8%，一般公共预算收入增长5%。", GOAL + "地区生产总值确保增长8%，一般公共预算收入增长5%。",
     (QUALIFIER, FIRMER, "力争", "确保")),
    (GOAL + "地区生产总值增长6%，居民消费价格涨幅控制在3%左右。", GOAL + "地区生产总值增长6%，居民消费价格涨幅控制在3%以内。",
     (QUALIFIER, "", "左右", "以内")),
    # numbers on the same indicator, magnitudes converted
    (GOAL + "地区生产总值达到1.2万亿元，一般公共预算收入增长5%。", GOAL + "地区生产总值达到1.3万亿元，一般公共预算收入增长5%。",
     (NUMBER, UP, "1.2万亿元", "1.3万亿元")),
    ("全年实现地区生产总值5000亿元，一般公共预算收入增长5%。", "全年实现地区生产总值0.6万亿元，一般公共预算收入增长5%。",
     (NUMBER, UP, "5000亿元", "0.6万亿元")),
    # a decline that grows is up, as written; from growth to decline is down
    (GOAL + "单位地区生产总值能耗下降3%，一般公共预算收入增长5%。", GOAL + "单位地区生产总值能耗下降3.5%，一般公共预算收入增长5%。",
     (NUMBER, UP, "-3%", "-3.5%")),
    (GOAL + "单位地区生产总值能耗下降3.5%，一般公共预算收入增长5%。", GOAL + "单位地区生产总值能耗下降3%，一般公共预算收入增长5%。",
     (NUMBER, DOWN, "-3.5%", "-3%")),
    (GOAL + "规上工业总产值增长2%，一般公共预算收入增长5%。", GOAL + "规上工业总产值下降1%，一般公共预算收入增长5%。",
     (NUMBER, DOWN, "2%", "-1%")),
])
def test_each_edit_kind(tk, before, after, expected):
    assert edits_between(tk, before, after) == [expected]


def test_number_and_qualifier_of_one_figure_are_two_edits(tk):
    got = edits_between(tk, GOAL + "地区生产总值增长7%以上，城镇新增就业3万人以上。",
                        GOAL + "地区生产总值增长6.5%左右，城镇新增就业3万人以上。")
    assert got == [(NUMBER, DOWN, "7%", "6.5%"), (QUALIFIER, SOFTER, "以上", "左右")]


@pytest.mark.parametrize("before, after, expected", [
    # the sentences around the phrase are rewritten (too little shared to pair them): the phrase still counts
    ("今年我们将统筹发展和安全，着力提升城市品质，打造宜居宜业之城。",
     "面对新形势新任务，全区上下要保持定力，持续提升城市品质，让群众生活更加美好。",
     [(INTENSITY, WEAKER, "着力", "持续")]),
    ("围绕产业链部署创新链，形成多点支撑的产业格局，新培育规上企业一百家。",
     "坚持制造业立区不动摇，加快形成多点支撑的产业格局，打造先进制造业集群。",
     [(INTENSITY, STRONGER, "", "加快")]),
    # the phrase written twice on one side with different modifiers: no single reading, no edit
    ("着力提升城市品质，打造宜居宜业之城。持续提升城市品质，建设公园城市。",
     "面对新形势新任务，全区上下要保持定力，全面提升城市品质，让群众生活更加美好。", []),
    # the same modifiers on both sides: nothing changed
    ("今年我们将统筹发展和安全，持续提升城市品质，打造宜居宜业之城。",
     "面对新形势新任务，全区上下要保持定力，持续提升城市品质，让群众生活更加美好。", []),
])
def test_intensity_of_a_verb_phrase_in_rewritten_sentences(tk, before, after, expected):
    assert edits_between(tk, before, after) == expected


@pytest.mark.parametrize("before, after", [
    # a synonym, not a change of intensity
    ("推进城市更新，完善城市功能。", "推动城市更新，完善城市功能。"),
    # the same number on another indicator (总产值 → 增加值) is no number change
    (GOAL + "规上工业总产值增长10%，一般公共预算收入增长5%。", GOAL + "规上工业增加值增长10%，一般公共预算收入增长5%。"),
    # two modifiers of one level
    ("加快推进城市更新，完善城市功能。", "加速推进城市更新，完善城市功能。"),
    # a sentence rewritten through and through is not an aligned pair
    ("全面推进城市更新，完善城市功能。", "稳步实施老旧小区改造，新建停车位一千个。"),
])
def test_no_classified_edit(tk, before, after):
    assert edits_between(tk, before, after) == []


def test_reports_of_two_districts_are_not_compared_for_edits(tk):
    assert edits_between(tk, "推进城市更新，完善城市功能。", "加快推进城市更新，完善城市功能。", "江北区") == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=st.integers(10, 120), y=st.integers(10, 120))
def test_number_direction_property(tk, x, y):
    got = edits_between(tk, GOAL + f"地区生产总值增长{x / 10:g}%，一般公共预算收入增长5%。",
                        GOAL + f"地区生产总值增长{y / 10:g}%，一般公共预算收入增长5%。")
    if x == y:
        assert got == []
    else:
        assert got == [(NUMBER, UP if y > x else DOWN, f"{x / 10:g}%", f"{y / 10:g}%")]


# -- the change-intensity matrix is the alignment's diff, summed -------------------------------------------
def words(tk, text: str, start: int, end: int) -> int:
    return sum(1 for t in tk.tokenize(text).span(start, end) if is_content(t.text)) if end > start else 0


def expected_cell(comparison, tk, row_id: str, a: int):
    reports = comparison.alignment.reports
    ta, tb = reports[a].text, reports[a + 1].text
    diffs = [d for rid, _ in comparison.alignment.walk() if rid == row_id or rid.startswith(row_id + ".")
             for d in comparison.row_diffs(rid) if d.a == a]
    if not diffs:
        return None
    counts = {EQUAL: 0, INSERT: 0, DELETE: 0, MOVED: 0}
    for d in diffs:
        for op in d.diff.ops:
            counts[op.kind] += (words(tk, tb, op.b_start, op.b_end) if op.kind in (EQUAL, INSERT, MOVED) else 0) \
                + (words(tk, ta, op.a_start, op.a_end) if op.kind in (DELETE, MOVED) else 0)
    return counts[EQUAL], counts[INSERT], counts[DELETE], counts[MOVED]


def check_matrix(comparison, tk, matrix) -> None:
    for mr, line in zip(matrix.rows, matrix.cells):
        for col, cell in zip(matrix.columns, line):
            want = expected_cell(comparison, tk, mr.row_id, col.a)
            got = None if cell is None else (cell.equal, cell.inserted, cell.deleted, cell.moved)
            assert got == want, (mr.row_id, col.a)
            if cell is not None:
                assert 0.0 <= cell.share <= 1.0
                assert cell.share == pytest.approx((cell.inserted + cell.deleted) / cell.total if cell.total else 0)


def test_matrix_cells_are_the_diff_op_word_counts(comparison, tk):
    matrix = change_matrix(comparison, tk)
    assert [(c.a, c.b) for c in matrix.columns] == [(0, 1), (1, 2)]
    assert [c.label for c in matrix.columns] == ["渝北区2022", "渝北区2024"]
    top = [r.row_id for r in matrix.rows if r.level == 1]
    assert top == [rid for rid, row in comparison.alignment.walk() if row.level == 1]
    assert all(r.level <= 2 for r in matrix.rows)
    check_matrix(comparison, tk, matrix)
    # a section of 2021 with nothing of 2022 in its rows is deleted through and through
    shares = matrix.shares()
    walked = list(comparison.alignment.walk())
    seen = 0
    for i, mr in enumerate(matrix.rows):
        subtree = [row for rid, row in walked if rid == mr.row_id or rid.startswith(mr.row_id + ".")]
        if all(row.cells[1] is None for row in subtree) and subtree[0].cells[0] is not None:
            assert shares[i][0] == 1.0 and shares[i][1] is None or subtree[0].cells[2] is not None
            seen += 1
    assert seen


def test_an_override_that_changes_a_pairing_changes_the_matrix(yubei, comparison, tk):
    before = change_matrix(comparison, tk)
    # the subsection of 2022 the alignment pairs with one of 2024 sharing most words: the user says it has no
    # counterpart in 2024
    paired = [(rid, row) for rid, row in comparison.alignment.walk()
              if row.level == 2 and all(c is not None and c.kind == "section" for c in row.cells[1:])]
    rid, row = max(paired, key=lambda p: before.cells[before.row_index(p[0])][1].equal)
    key = row.cells[1].key
    old = before.cells[before.row_index(rid)][1]
    assert old.equal > 0
    override = Override(yubei[1].name, key, yubei[2].name, None)
    changed = compare_reports(yubei, tk, [override])
    assert changed.alignment.overrides == (override,)
    after = change_matrix(changed, tk)
    check_matrix(changed, tk, after)
    new_rid, _ = changed.alignment.find(1, key)
    cell = after.cells[after.row_index(new_rid)][1]
    assert cell != old and cell.deleted > 0
    # the section's own piece now faces nothing: its heading is deleted (paragraphs may still pair below it)
    own = [op.kind for d in changed.row_diffs(new_rid) if d.a == 1 for op in d.diff.ops]
    assert own and set(own) <= {DELETE, MOVED}
    assert after.shares() != before.shares()
    # the 2024 piece left that row (standing alone, or paired with another piece of 2022)
    moved = changed.alignment.find(2, row.cells[2].key)
    assert moved is not None and moved[0] != new_rid
    assert moved[1].cells[1] is None or moved[1].cells[1].key != key
