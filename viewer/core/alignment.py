"""Alignment results: rows of cells, one cell per report, each row with a score and a reason; user overrides.

Small immutable value objects (no algorithm here; ``viewer.core.align`` builds them). Every span is a
half-open range of offsets into the report's clean text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from viewer.core.model import Paragraph, Report, Section

ROLE, TITLE, CONTENT, OVERRIDE, MOVED = "role", "title", "content", "override", "moved"
UNMATCHED = "unmatched"
REASONS = (ROLE, TITLE, CONTENT, OVERRIDE, MOVED, UNMATCHED)


@dataclass(frozen=True, slots=True)
class Override:
    """The user's word: ``section_key_a`` of ``report_a`` answers ``section_key_b`` of ``report_b``
    (``None``: it has no counterpart there). Reports are named by file name, path or content hash."""

    report_a: str
    section_key_a: str
    report_b: str
    section_key_b: str | None

    def to_dict(self) -> dict:
        return {"report_a": self.report_a, "section_key_a": self.section_key_a,
                "report_b": self.report_b, "section_key_b": self.section_key_b}

    @classmethod
    def from_dict(cls, d: dict) -> Override:
        return cls(str(d["report_a"]), str(d["section_key_a"]), str(d["report_b"]),
                   None if d.get("section_key_b") is None else str(d["section_key_b"]))


@dataclass(frozen=True, slots=True)
class Cell:
    """One report's piece in a row: a section or a paragraph, with its spans in ``report.text``."""

    report: int                 # index into Alignment.reports
    key: str                    # stable: number path + title ("三、2022年重点工作/（一）…"), paragraphs "…/¶2"
    kind: str                   # "section" | "paragraph"
    label: str                  # heading with its number, or the paragraph's opening words
    role: str | None            # section role, or the paragraph's role (targets / problems)
    start: int
    end: int
    own_start: int              # the cell's own text: a section's heading when it has parts, else all of it
    own_end: int
    node: Section | Paragraph = field(compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Link:
    """How a cell joined its row: similarity to the row's best-matching cell, that relative to the
    alternatives, and why."""

    score: float
    relative: float
    reason: str


@dataclass(frozen=True, slots=True)
class Row:
    level: int                          # 1 = top sections, 2 = their parts, 3 = paragraphs of parts, ...
    cells: tuple[Cell | None, ...]      # one per report
    links: tuple[Link | None, ...]      # None for the row's first cell and for gaps
    children: tuple[Row, ...] = ()

    @property
    def present(self) -> list[int]:
        return [i for i, c in enumerate(self.cells) if c is not None]

    @property
    def score(self) -> float:
        """The weakest link (0.0 for a row with a single cell)."""
        links = [link for link in self.links if link is not None]
        return min(link.score for link in links) if links else 0.0

    @property
    def reason(self) -> str:
        links = [link for link in self.links if link is not None]
        if not links:
            return UNMATCHED
        for reason in (OVERRIDE, MOVED):
            if any(link.reason == reason for link in links):
                return reason
        return min(links, key=lambda link: link.score).reason


@dataclass(frozen=True, slots=True)
class Alignment:
    reports: tuple[Report, ...]
    rows: tuple[Row, ...]                       # top rows; children below
    overrides: tuple[Override, ...] = ()
    unapplied: tuple[Override, ...] = ()        # overrides naming a report or key that does not exist

    def walk(self) -> Iterator[tuple[str, Row]]:
        """Depth-first ``(row_id, row)``; row ids are index paths, "3" and "3.2"."""
        def rec(rows: Sequence[Row], prefix: str) -> Iterator[tuple[str, Row]]:
            for i, row in enumerate(rows, 1):
                rid = f"{prefix}{i}"
                yield rid, row
                yield from rec(row.children, rid + ".")
        return rec(self.rows, "")

    def find(self, report: int, key: str) -> tuple[str, Row] | None:
        return next(((rid, row) for rid, row in self.walk()
                     if (c := row.cells[report]) is not None and c.key == key), None)
