"""Keyword trends: how often chosen terms occur in each report, and the top new terms of a report.

    from viewer.core.keywords import term_frequency, frequency_frame, top_new_terms
    rows = term_frequency(reports, ["数字经济", "新质生产力"])     # list[TermCount]
    df = frequency_frame(rows)                                     # pandas DataFrame, FREQUENCY_COLUMNS
    terms = top_new_terms(reports, tokenizer, limit=8)              # list[NewTerm], best first

A term's count is the number of non-overlapping occurrences in ``Report.text`` (substring count: a term jieba
would split is still found); ``per_10k`` is the count per 10,000 characters of clean text, so long and short
reports compare. A *new term* of a report is a word of its jieba tokens (``viewer.core.tokenize.Tokenizer``) that
does not occur anywhere in the text of the previous report of the same district (the latest earlier year),
ranked by its count; stop-words, everyday vocabulary (``GENERAL_WORD_FREQ``), single characters, punctuation and
numbers (``2035年``, ``5.5%``, ``三个``) never count. Nothing here imports Qt; pandas is imported only by ``frequency_frame``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, fields
from typing import Iterable, Sequence

from viewer.core.model import Report
from viewer.core.tokenize import NUMBER_UNIT_RE, Tokenizer, is_content

PER_CHARS = 10_000
MIN_NEW_TERM_COUNT = 2
# Everyday vocabulary is not a policy term: a word jieba's dictionary counts more often than this (of ~60 million
# words; 始终 5358, 方向 8151, 才能 1847) is left out of new terms; policy terms (数字经济 4, 保交楼 —) stay.
GENERAL_WORD_FREQ = 1000

# Function words and report boilerplate: never a "new term" even when a report happens to use them first.
STOP_WORDS = frozenset("""
的 了 和 与 及 以及 等 在 是 为 对 把 将 要 以 从 向 由 于 并 也 都 而 或 更 再 又 还 已 就 被 其 之 此 该 各 每
我们 你们 他们 我 你 他 它 这 那 这些 那些 这个 那个 这样 那样 一个 一些 一批 一年 一是 二是 三是 四是 五是 六是
今年 去年 明年 上年 全年 当年 今后 目前 当前 近年 近年来 同时 其中 进一步 不断 持续 加快 加强 推进 推动 坚持 实现
完成 开展 实施 深化 提升 提高 强化 促进 积极 全面 大力 着力 努力 切实 有效 重点 重要 主要 工作 发展 建设
各位 代表 同志 区委 政府 区政府 全区 全市 我区 我市 以上 以下 左右 以内 之一 方面 领域 问题 情况 任务 目标
""".split())
_CN_NUMBER_RE = re.compile(r"^[零〇一二两三四五六七八九十百千万亿几数多余第]+[个年项条次种批名家位件户所座天月日号成倍]?$")
_DIGIT_RE = re.compile(r"^[\d.．,，%％‰+\-~～—/:：]+$")
_SPLIT_RE = re.compile(r"[\s,，、;；/|]+")


@dataclass(frozen=True, slots=True)
class TermCount:
    report: str
    district: str
    year: int | None
    term: str
    count: int
    per_10k: float
    chars: int            # length of the report's clean text


FREQUENCY_COLUMNS = tuple(f.name for f in fields(TermCount))


@dataclass(frozen=True, slots=True)
class NewTerm:
    term: str
    count: int            # occurrences in ``report``
    report: str
    district: str
    year: int | None
    previous: str         # the report it is new against
    first: int            # offset of its first occurrence in ``report``


def parse_terms(text: str) -> list[str]:
    """Terms typed by a user: separated by spaces, commas (, ，), 、 or semicolons; duplicates dropped."""
    out: list[str] = []
    for t in _SPLIT_RE.split(text.strip()):
        if t and t not in out:
            out.append(t)
    return out


def count_term(text: str, term: str) -> int:
    return text.count(term) if term else 0


def term_frequency(reports: Iterable[Report], terms: Sequence[str]) -> list[TermCount]:
    """One ``TermCount`` per (report, term), reports in the order given, terms in the order given."""
    out: list[TermCount] = []
    for r in reports:
        n = len(r.text)
        for term in terms:
            c = count_term(r.text, term)
            out.append(TermCount(report=r.name, district=r.meta.district, year=r.meta.year, term=term, count=c,
                                 per_10k=round(c * PER_CHARS / n, 3) if n else 0.0, chars=n))
    return out


def frequency_frame(rows: Iterable[TermCount]):
    """A pandas DataFrame with ``FREQUENCY_COLUMNS`` (pandas imported here)."""
    import pandas as pd

    df = pd.DataFrame.from_records([asdict(r) for r in rows], columns=list(FREQUENCY_COLUMNS))
    df["year"] = df["year"].astype("Int64")
    df["count"] = df["count"].astype(int)
    df["per_10k"] = df["per_10k"].astype(float)
    return df


def is_candidate(word: str) -> bool:
    """Whether a token may be a keyword: two characters or more, not punctuation, a stop-word or a number."""
    if len(word) < 2 or not is_content(word) or word in STOP_WORDS:
        return False
    if _DIGIT_RE.match(word) or NUMBER_UNIT_RE.fullmatch(word) or _CN_NUMBER_RE.match(word):
        return False
    return True


def previous_report(report: Report, reports: Iterable[Report]) -> Report | None:
    """The same district's report of the latest year before ``report``'s (None for the first one)."""
    year = report.meta.year
    if year is None:
        return None
    earlier = [r for r in reports if r is not report and r.meta.district == report.meta.district
               and r.meta.year is not None and r.meta.year < year]
    return max(earlier, key=lambda r: (r.meta.year, r.name)) if earlier else None


def general_frequency(tokenizer: Tokenizer, word: str) -> int:
    """How often jieba's general dictionary counts ``word`` (0 when it does not know it)."""
    freq = getattr(tokenizer, "frequency", None)
    if callable(freq):
        return int(freq(word) or 0)
    return int(tokenizer._engine().FREQ.get(word) or 0)  # noqa: SLF001 - Tokenizer has no public accessor yet


def new_terms(report: Report, previous: Report, tokenizer: Tokenizer, *, limit: int = 20,
              min_count: int = MIN_NEW_TERM_COUNT) -> list[NewTerm]:
    """Words of ``report`` absent from ``previous``'s text, most frequent first (ties: first occurrence)."""
    tokens = tokenizer.tokenize(report.text)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for word, start, _end in tokens:
        if word in first:
            counts[word] += 1
            continue
        if (not is_candidate(word) or word in previous.text
                or general_frequency(tokenizer, word) > GENERAL_WORD_FREQ):
            continue
        counts[word] += 1
        first[word] = start
    ranked = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], first[w]))
    return [NewTerm(term=w, count=counts[w], report=report.name, district=report.meta.district,
                    year=report.meta.year, previous=previous.name, first=first[w]) for w in ranked[:limit]]


def all_new_terms(reports: Sequence[Report], tokenizer: Tokenizer, *, limit: int = 20,
                  min_count: int = MIN_NEW_TERM_COUNT) -> list[NewTerm]:
    """``new_terms`` of every report that has a previous report of its district among ``reports``."""
    out: list[NewTerm] = []
    for r in reports:
        prev = previous_report(r, reports)
        if prev is not None:
            out.extend(new_terms(r, prev, tokenizer, limit=limit, min_count=min_count))
    return out


def top_new_terms(reports: Sequence[Report], tokenizer: Tokenizer, *, limit: int = 8,
                  min_count: int = MIN_NEW_TERM_COUNT) -> list[NewTerm]:
    """The ``limit`` strongest new terms over all ``reports``: each report's new terms ranked by count, taken in
    turn across reports (round robin), so one long report does not fill the list; a term appears once."""
    per_report = [new_terms(r, prev, tokenizer, limit=limit, min_count=min_count)
                  for r in reports if (prev := previous_report(r, reports)) is not None]
    out: list[NewTerm] = []
    seen: set[str] = set()
    for rank in range(max((len(p) for p in per_report), default=0)):
        for terms in per_report:
            if rank < len(terms) and terms[rank].term not in seen:
                seen.add(terms[rank].term)
                out.append(terms[rank])
                if len(out) >= limit:
                    return out
    return out
