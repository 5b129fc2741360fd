"""The core data model: a clean, structured, offset-preserving ``Report``.

Every span is a half-open ``[start, end)`` range of character offsets into ``Report.text`` (the clean text).
``Report.source_offset(i)`` maps a clean offset back to the text as read from the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

ROLES = (
    "notice",           # 印发通知 in front of the report
    "preamble",         # title, delivery line, speaker, 各位代表
    "review",           # 工作回顾
    "plan_multi_year",  # 十四五 / 今后五年 goals
    "plan_year",        # this year's work plan
    "targets",          # 主要预期目标 (a paragraph role, or a section whose title says so)
    "problems",         # 困难和问题 (a paragraph role)
    "self_building",    # 政府自身建设
    "closing",          # 各位代表！... closing appeal
    "glossary",         # 名词解释
    "other",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    role: str | None = None  # "targets" / "problems", or a front-matter line: "delivery", "delivery_date", "speaker"


@dataclass(slots=True)
class Section:
    level: int            # 1 = top (一、), 2 = （一）, 3 = 1., 4 = （1）
    number: str           # 一 / （一） / 1. / "" for unnumbered (e.g. 名词解释)
    title: str            # heading text without the number (for run-in headings: up to the first 。)
    role: str
    start: int            # heading start
    end: int              # end of the last paragraph in the section (children included)
    title_start: int
    title_end: int
    body_start: int
    children: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)  # paragraphs directly in this section

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        yield from self.paragraphs
        for child in self.children:
            yield from child.all_paragraphs()

    @property
    def label(self) -> str:
        """Number and heading as printed: 一、标题 / （一）标题 / 1.标题 / 第一部分　标题 / ——标题."""
        number = self.number
        if not number:
            return self.title
        if number.endswith("部分"):
            sep = "\u3000"
        elif number[-1] in "一二三四五六七八九十":
            sep = "、"
        else:
            sep = ""
        return f"{number}{sep}{self.title}"

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "number": self.number,
            "title": self.title,
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(slots=True)
class Meta:
    district: str = ""
    year: int | None = None        # year the report was delivered
    title: str = ""
    date: str = ""                 # ISO date the report was delivered (YYYY-MM-DD)
    speaker: str = ""
    office: str = ""               # e.g. 区长
    session: str = ""              # e.g. 第十九届人民代表大会第四次会议
    doc_number: str = ""           # e.g. 渝北府发〔2024〕1号

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class Report:
    path: str
    format: str
    encoding: str | None
    text: str                       # clean text (analysis form)
    offsets: list[int]              # offsets[i] = index in source_text of clean char i; len == len(text)+1
    source_text: str                # text as read from the file (after decoding / extraction)
    meta: Meta
    sections: list[Section]         # top-level sections in order (tree below)
    paragraphs: list[Paragraph]     # every paragraph in order (body text, headings excluded)
    content_hash: str
    targets: Paragraph | None = None
    problems: Paragraph | None = None

    @property
    def name(self) -> str:
        from pathlib import Path

        return Path(self.path).name if self.path else self.meta.title

    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def source_offset(self, clean_offset: int) -> int:
        return self.offsets[max(0, min(clean_offset, len(self.offsets) - 1))]

    def section_at(self, offset: int) -> Section | None:
        """The deepest section whose span contains ``offset``."""
        found: Section | None = None
        level = self.sections
        while True:
            nxt = next((s for s in level if s.start <= offset < s.end), None)
            if nxt is None:
                return found
            found, level = nxt, nxt.children

    def top_roles(self) -> list[str]:
        return [s.role for s in self.sections]
