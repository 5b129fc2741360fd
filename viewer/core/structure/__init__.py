"""Clean text -> structured ``Report``: front matter and metadata, section tree with roles, closing, glossary."""
from __future__ import annotations

import hashlib
import re

from viewer.core.ingest.clean import CleanText
from viewer.core.model import Paragraph, Report, Section
from viewer.core.structure.meta import _NOTICE_WORDS_RE, extract_meta, find_front
from viewer.core.structure.roles import find_problems, find_targets, is_glossary_title, refine_other_roles, top_role
from viewer.core.structure.sections import CN1, MD, PART, PART_LINE, PART_RE, build_tree, parse_heading
from viewer.core.structure.text import split_paragraphs

__all__ = ["build_report"]

_CLOSING_RE = re.compile(r"^各位代表[！!，,]|^让我们")
_L1_RE = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
CLOSING_WINDOW = 4


def _plain_section(paras: list[Paragraph], role: str, title: str, title_para: Paragraph | None = None) -> Section:
    """An unnumbered top section; ``title_para`` is the paragraph that names it, if the text has one."""
    first, last = paras[0], paras[-1]
    ts, te = (title_para.start, title_para.end) if title_para is not None else (first.start, first.start)
    body = [p for p in paras if p is not title_para]  # a standalone heading is not a body paragraph
    return Section(level=1, number="", title=title, role=role, start=first.start, end=last.end,
                   title_start=ts, title_end=te, body_start=body[0].start if body else last.end, paragraphs=body)


def _body_start(paras: list[Paragraph], after: int, md_depth: dict[int, int]) -> int:
    """Index of the first paragraph of the report body: the first top heading (一、) after the front matter."""
    for i in range(after, len(paras)):
        h = parse_heading(paras[i], md_depth.get(paras[i].start, 0))
        if h is not None and h.kind in (PART, CN1) and h.value == 1:
            return i
    # no numbered top heading: the body starts after the salutation (各位代表：) or right after the front
    for i in range(after, min(after + 6, len(paras))):
        if paras[i].text.startswith("各位代表") and len(paras[i].text) <= 8:
            return i + 1
    return after


def _is_top_heading(p: Paragraph, md_depth: dict[int, int]) -> bool:
    h = parse_heading(p, md_depth.get(p.start, 0))
    return h is not None and (h.kind in (PART, CN1) or (h.kind == MD and md_depth.get(p.start, 0) > 0))


#: the roles an unnumbered heading line may announce (a line naming one of them is a part of the report)
_TOP_LINE_ROLES = frozenset({"review", "plan_multi_year", "plan_year", "self_building"})
_TOP_LINE_MAX = 30
_ADDRESS_MAX = 120  # the opening address of the speech (现在，我代表…) is no longer than this


def _unnumbered_tops(paras: list[Paragraph], md_depth: dict[int, int], year: int | None) -> dict[int, int]:
    """Short standalone lines without a number that name a part of a work report (2024年工作回顾, 2025年工作安排,
    加强政府自身建设) are its top headings when there are at least two and the first comes before any numbered or
    styled top heading (those then nest below them, as under 第一部分): paragraph start -> ``PART_LINE``."""
    found = {}
    for p in paras:
        if not found and _is_top_heading(p, md_depth):
            return {}  # a numbered report: its own headings name the parts
        t = p.text.strip().rstrip("：:")
        if (len(t) <= _TOP_LINE_MAX and not any(c in t for c in "。！？，,；;") and md_depth.get(p.start, 0) == 0
                and parse_heading(p, 0) is None and top_role(t, year) in _TOP_LINE_ROLES):
            found[p.start] = PART_LINE
    return found if len(found) >= 2 else {}


def _glossary_start(paras: list[Paragraph], start: int) -> int:
    for i in range(start, len(paras)):
        if is_glossary_title(paras[i].text):
            return i
    return len(paras)


def _closing_start(paras: list[Paragraph], start: int, end: int) -> int:
    """The closing appeal: the last few paragraphs of the body, from one that opens with 各位代表！/让我们."""
    lo = max(start + 1, end - CLOSING_WINDOW)
    for i in range(lo, end):
        if _CLOSING_RE.match(paras[i].text) and not any(_L1_RE.match(paras[j].text) or PART_RE.match(paras[j].text)
                                                         for j in range(i, end)):
            # the appeal must be the tail: no heading of any kind after it
            if all(parse_heading(paras[j], 0) is None for j in range(i, end)):
                return i
    return end


def build_report(clean: CleanText, *, path: str = "", fmt: str = "txt", encoding: str | None = None,
                 source_text: str = "") -> Report:
    text = clean.text
    paras = split_paragraphs(text)
    front = find_front(paras)
    meta = extract_meta(paras, front)
    sections: list[Section] = []

    front_end = max(i for i in (front.title_idx, front.delivery_idx, front.speaker_idx, front.date_idx, -1)
                    if i is not None) + 1
    # paragraphs before the title: the notice that printed the report (印发…的通知) or leftover page furniture
    if front.title_idx:
        notice = paras[: front.title_idx]
        role = "notice" if any(_NOTICE_WORDS_RE.search(p.text) for p in notice) else "other"
        named = next((p for p in notice if "通知" in p.text and len(p.text) <= 60), None) if role == "notice" else None
        sections.append(_plain_section(notice, role, named.text if named else "", named))
    body_from = _body_start(paras, front_end, clean.md_depth)
    gloss_from = _glossary_start(paras, body_from)
    close_from = _closing_start(paras, body_from, gloss_from)
    md_depth = clean.md_depth
    tops = _unnumbered_tops(paras[front_end:close_from], md_depth, meta.year)
    if tops:
        md_depth = {**md_depth, **tops}
        first = next(i for i in range(front_end, close_from) if paras[i].start in tops)
        if first < body_from or all(len(p.text) <= _ADDRESS_MAX for p in paras[body_from:first]):
            # the first part line starts the body (现在，我代表…请予审议。 before it is the preamble's)
            body_from = first
            gloss_from = _glossary_start(paras, body_from)
            close_from = _closing_start(paras, body_from, gloss_from)
    pre_from = front.title_idx or 0
    if body_from > pre_from:
        title_para = paras[front.title_idx] if front.title_idx is not None else None
        sections.append(_plain_section(paras[pre_from:body_from], "preamble",
                                       title_para.text if title_para else "", title_para))
    body = build_tree(paras[body_from:close_from], md_depth, meta.year)
    refine_other_roles(body, text)
    sections.extend(body)
    if close_from < gloss_from:
        tail = paras[close_from:gloss_from]
        sections.append(_plain_section(tail, "closing", ""))
    if gloss_from < len(paras):
        sections.append(_plain_section(paras[gloss_from:], "glossary", paras[gloss_from].text, paras[gloss_from]))

    for idx, role in ((front.delivery_idx, "delivery"), (front.date_idx, "delivery_date"),
                      (front.speaker_idx, "speaker")):
        if idx is not None and idx != front.title_idx:
            paras[idx].role = role  # front-matter lines pair by what they are, whatever their words
    body_paras = [p for s in sections for p in _walk_paragraphs(s)]
    body_paras.sort(key=lambda p: p.start)

    report = Report(path=path, format=fmt, encoding=encoding, text=text, offsets=list(clean.offsets),
                    source_text=source_text, meta=meta, sections=sections, paragraphs=body_paras,
                    content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
    report.targets = find_targets(body_paras, report.section_at, meta.year)
    if report.targets is not None:
        report.targets.role = "targets"
    report.problems = find_problems(body_paras, report.section_at)
    if report.problems is not None:
        report.problems.role = "problems"
    return report


def _walk_paragraphs(s: Section):
    yield from s.paragraphs
    for c in s.children:
        yield from _walk_paragraphs(c)
