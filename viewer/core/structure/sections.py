"""The section tree: 一、 / （一） / 1. / （1） / Markdown headings / ——lead paragraphs.

Numbering, not Markdown depth, decides the level of a numbered heading; a heading is accepted only where its
number continues the sequence of its siblings (so a list "一、…二、…" inside a section is not taken for top sections).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.model import Paragraph, Section
from viewer.core.structure.meta import _YEAR_MONTH
from viewer.core.structure.roles import is_glossary_title, top_role
from viewer.core.structure.text import cn_small_int

_CNN = "[一二三四五六七八九十]{1,3}"
# heading kinds, outermost first (a report uses some of them; levels follow the kinds it nests)
MD, PART, CN1, CN2, AR1, AR2, LEAD = 0, 1, 2, 3, 4, 5, 6
NUMBERED = (PART, CN1, CN2, AR1, AR2)
PART_LINE = -1  # md_depth value of an unnumbered line that names a part of the report: a heading of kind PART
_INTRO = 99     # the stack kind of untitled body text before the first heading: any heading closes it
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (PART, re.compile(rf"^第({_CNN})部分[、:：.．]?\s*")),   # 第一部分　2024年工作回顾
    (CN1, re.compile(rf"^({_CNN})[、.．]\s*")),
    (CN2, re.compile(rf"^[（(]({_CNN})[)）]\s*")),
    (AR1, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*")),
    (AR2, re.compile(r"^[（(](\d{1,2})[)）]\s*")),
]
PART_RE = _PATTERNS[0][1]
_LEAD_RE = re.compile(rf"^——(?!\s*{_YEAR_MONTH})")   # not the delivery line (——2025年1月10日在…)
_ADDRESS_RE = re.compile(r"^各位代表[！!，,]")
_RUN_IN_END = "。！？"
MAX_STANDALONE = 48


@dataclass
class Heading:
    kind: int           # NUMBERED kinds, MD = unnumbered Markdown heading, LEAD = ——lead paragraph
    value: int          # number as int (0 when unnumbered)
    number: str         # as displayed: 一 / （一） / 1. / （1） / ——
    title: str
    title_start: int
    title_end: int
    body_start: int     # where body text starts (run-in headings: inside the paragraph)
    standalone: bool


def _title_split(p: Paragraph, start: int) -> tuple[int, int, int, bool]:
    """For heading text starting at ``start`` (paragraph-relative): title end, body start, standalone?"""
    rest = p.text[start:]
    if len(rest) <= MAX_STANDALONE and not any(c in rest[:-1] for c in _RUN_IN_END):
        end = len(rest.rstrip("。：:"))
        return start + end, len(p.text), True
    cut = min((rest.find(c) for c in _RUN_IN_END if c in rest), default=-1)
    if cut < 0 or cut > 80:
        return -1, -1, False
    return start + cut, start + cut + 1, False


def parse_heading(p: Paragraph, md_depth: int) -> Heading | None:
    text = p.text
    for kind, pat in _PATTERNS:
        m = pat.match(text)
        if not m:
            continue
        raw = m.group(1)
        value = cn_small_int(raw)
        if value is None:
            return None
        t_end, b_start, standalone = _title_split(p, m.end())
        if t_end < 0:
            return None
        if kind in (PART, CN1) and not standalone and not md_depth:
            # a top heading runs into its body only in a Markdown/Word heading; else it is a list item
            return None
        number = {PART: f"第{raw}部分", CN1: raw, CN2: f"（{raw}）", AR1: f"{raw}.", AR2: f"（{raw}）"}[kind]
        return Heading(kind, value, number, text[m.end():t_end].strip(), p.start + m.end(), p.start + t_end,
                       p.start + b_start, standalone)
    if md_depth and len(text) <= 60:
        return Heading(MD, 0, "", text.strip(), p.start, p.end, p.end, True)
    if is_glossary_title(text):
        return Heading(MD, 0, "", re.sub(r"\s+", "", text), p.start, p.end, p.end, True)
    if _LEAD_RE.match(text):
        t_end, b_start, standalone = _title_split(p, 2)
        if t_end < 0:
            t_end, b_start = min(len(text), 2 + 40), 2 + 40
        return Heading(LEAD, 0, "——", text[2:t_end].strip(), p.start + 2, p.start + t_end, p.start + b_start,
                       standalone)
    return None


def _new_section(h: Heading, level: int, p: Paragraph, role: str) -> Section:
    return Section(level=level, number=h.number, title=h.title, role=role, start=p.start, end=p.end,
                   title_start=h.title_start, title_end=h.title_end, body_start=h.body_start)


def build_tree(paragraphs: list[Paragraph], md_depth: dict[int, int], report_year: int | None) -> list[Section]:
    """Sections over ``paragraphs`` (the body: front matter, closing and glossary already taken out)."""
    tops: list[Section] = []
    stack: list[tuple[int, Section]] = []   # (kind, section), kinds strictly increasing
    last_child_value: dict[int, int] = {}   # id(parent or 0) + kind -> last value seen

    def key(kind: int) -> tuple[int, int]:
        parent = next((s for k, s in reversed(stack) if k < kind), None)
        return (id(parent) if parent else 0, kind)

    for p in paragraphs:
        h = parse_heading(p, md_depth.get(p.start, 0))
        accepted = False
        if h is not None and h.kind in NUMBERED:
            k = key(h.kind)
            expected = last_child_value.get(k, 0) + 1
            if h.value == expected or (h.value == 1 and h.kind > CN1):
                accepted = True
        elif h is not None and h.kind == MD:
            accepted = True
        if accepted and h is not None and h.kind in (MD, *NUMBERED):
            kind = h.kind if h.kind != MD else PART if md_depth.get(p.start) == PART_LINE else CN1
            last_child_value[key(kind)] = h.value
            while stack and stack[-1][0] >= kind:
                stack.pop()
            level = len(stack) + 1
            role = top_role(h.title, report_year) if level == 1 else "other"
            if h.kind == MD and is_glossary_title(h.title):
                role = "glossary"
            sec = _new_section(h, level, p, role)
            if not h.standalone:
                sec.paragraphs.append(p)
            (stack[-1][1].children if stack else tops).append(sec)
            stack.append((kind, sec))
            for _, s in stack:
                s.end = max(s.end, p.end)
            continue
        if h is not None and h.kind == LEAD and stack:
            parent = stack[-1][1]
            lead = _new_section(h, parent.level + 1, p, "other")
            lead.paragraphs.append(p)
            parent.children.append(lead)
            for _, s in stack:
                s.end = max(s.end, p.end)
            continue
        if len(stack) > 1 and _ADDRESS_RE.match(p.text):
            # 各位代表！ addresses the whole assembly: it closes any subsection and belongs to the top section
            del stack[1:]
        if stack:
            stack[-1][1].paragraphs.append(p)
            for _, s in stack:
                s.end = max(s.end, p.end)
        else:
            # body text before any heading: an unnumbered section of its own, closed by the first heading
            tops.append(Section(level=1, number="", title="", role="other", start=p.start, end=p.end,
                                title_start=p.start, title_end=p.start, body_start=p.start, paragraphs=[p]))
            stack.append((_INTRO, tops[-1]))
    return tops
