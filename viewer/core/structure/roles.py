"""Roles of sections and of the notable paragraphs (主要预期目标, 困难和问题), by general wording rules."""
from __future__ import annotations

import re

from viewer.core.model import Paragraph, Section

_REVIEW_RE = re.compile(r"回顾|总结|主要成就|工作成[绩效]|取得的成[绩就]|过去[一五]年")
_MULTI_RE = re.compile(
    r"[“\"]?十[一二三四五六七八九]五[”\"]?|今后五年|未来五年|五年(?:发展|奋斗|规划|目标)|远景目标|中长期|到\d{4}年|\d{4}[-—至]\d{4}年"
)
_YEAR_PLAN_RE = re.compile(r"(?:\d{4}年|今年|本年度?|明年)(?:的?(?:政府)?(?:工作|重点|主要|重大|目标|任务|安排))")
_PLAN_WORDS_RE = re.compile(r"工作安排|重点工作|工作任务|工作部署|主要任务")
_SELF_RE = re.compile(r"自身建设|政府建设|政府治理|建设人民满意|人民满意的?政府|法治政府|服务型政府|作风建设|履职能力|政府职能")
_GLOSSARY_RE = re.compile(r"^(?:附\s*[:：]?\s*)?(?:名\s*词\s*解\s*释|名\s*词\s*注\s*释|注\s*释|附\s*注|词\s*语\s*解\s*释)$")
_TARGET_RE = re.compile(r"(?:主要)?预期目标|主要目标(?:是|为)")
_PROBLEM_RE = re.compile(
    r"(?:困难|问题|挑战|不足|短板|差距|矛盾)(?:和|与|、)(?:问题|不足|挑战|困难|差距|短板|矛盾)"
    r"|(?:存在|面临)(?:的|着)?(?:一些|不少|诸多|许多)?(?:突出)?(?:困难|问题|不足)"
)
_PROBLEM_CONTEXT_RE = re.compile(r"清醒|看到|认识到|正视|存在|面临")


def is_glossary_title(text: str) -> bool:
    return len(text) <= 16 and bool(_GLOSSARY_RE.match(text.strip()))


def top_role(title: str, report_year: int | None) -> str:
    """Role of a numbered top section from its title."""
    years = [int(y) for y in re.findall(r"(\d{4})年", title)]
    if _REVIEW_RE.search(title):
        return "review"
    if _SELF_RE.search(title):
        return "self_building"
    if _MULTI_RE.search(title):
        # "2021年工作安排" mentions no multi-year words; "十四五时期主要目标任务" does
        return "plan_multi_year"
    if _YEAR_PLAN_RE.search(title) or _PLAN_WORDS_RE.search(title):
        if report_year and years and max(years) < report_year:
            return "review"
        return "plan_year"
    if "目标" in title and ("五年" in title or "时期" in title):
        return "plan_multi_year"
    if "预期目标" in title:
        return "targets"
    return "other"


def refine_other_roles(sections: list[Section], text: str) -> None:
    """Give a role to numbered top sections whose title said nothing, from their place and their content."""
    for i, sec in enumerate(sections):
        if sec.role != "other" or not sec.number:
            continue
        body = text[sec.body_start:sec.end]
        if "自身建设" in body[:400] or ("政府" in sec.title and i == len([s for s in sections if s.number]) - 1):
            sec.role = "self_building"
        elif _TARGET_RE.search(body[:2000]) and ("今年" in body[:2000]):
            sec.role = "plan_year"


def find_targets(paragraphs: list[Paragraph], section_of, report_year: int | None) -> Paragraph | None:
    """The paragraph stating this year's main expected targets (主要预期目标), wherever it sits."""
    best: tuple[float, Paragraph] | None = None
    for p in paragraphs:
        if not _TARGET_RE.search(p.text):
            continue
        score = 1.0 + min(p.text.count("%"), 8) * 0.5
        sec = section_of(p.start)
        role = sec.role if sec else ""
        if role == "plan_year":
            score += 3
        elif role == "plan_multi_year":
            score -= 3
        if "今年" in p.text or (report_year and f"{report_year}年" in p.text):
            score += 2
        future = [int(y) for y in re.findall(r"到(\d{4})年", p.text)]
        if report_year and any(y > report_year for y in future):
            score -= 3
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best and best[0] > 0 else None


def find_problems(paragraphs: list[Paragraph], section_of) -> Paragraph | None:
    """The paragraph that admits difficulties and problems (困难和问题)."""
    fallback: Paragraph | None = None
    for p in paragraphs:
        head = p.text[:160]
        if _PROBLEM_RE.search(head) and _PROBLEM_CONTEXT_RE.search(head):
            sec = section_of(p.start)
            if sec is None or sec.role in ("review", "plan_year", "other", "plan_multi_year"):
                return p
            fallback = fallback or p
    return fallback
