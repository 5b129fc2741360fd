"""Paragraph and sentence splitting over clean text (offsets preserved), and Chinese numeral helpers."""
from __future__ import annotations

import re

from viewer.core.model import Paragraph, Sentence

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SENTENCE_RE = re.compile(r"[^。！？!?\n]*?(?:[。！？!?]+[”’」』）)]*|……[”’」』）)]*|$)")


def cn_small_int(s: str) -> int | None:
    """一..九十九 → int (heading numbers only; not a general numeral parser)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return _CN_DIGITS.get(s)
    return None


def split_sentences(text: str, base: int) -> list[Sentence]:
    out: list[Sentence] = []
    for m in _SENTENCE_RE.finditer(text):
        s, e = m.span()
        if e == s:
            continue
        # strip leading spaces
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append(Sentence(base + s, base + e, text[s:e]))
    return out


def split_paragraphs(text: str) -> list[Paragraph]:
    paras: list[Paragraph] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        if nl > pos:
            chunk = text[pos:nl]
            paras.append(Paragraph(pos, nl, chunk, split_sentences(chunk, pos)))
        pos = nl + 1
    return paras
