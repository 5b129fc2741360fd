"""Report metadata (district, year, title, date, speaker, session, document number) from the front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.model import Meta, Paragraph
from viewer.core.structure.text import cn_small_int

_CN = "\u4e00-\u9fff"
TITLE_RE = re.compile(r"政府工作报告|工作报告$")
_NOTICE_WORDS_RE = re.compile(r"关于印发|的通知|印发给你们|此件公开发布|府发|府办发")
_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_DAY = "[一二三四五六七八九十]{1,3}"
# ——2025年1月10日在… / ——二〇二五年一月十日在… (formal documents write dates in Chinese numerals too)
_DATE = rf"(\d{{4}}|{_CN_YEAR})\s*年\s*(\d{{1,2}}|{_CN_DAY})\s*月\s*(\d{{1,2}}|{_CN_DAY})\s*日"
DELIVERY_RE = re.compile(rf"^(?:——|[（(])\s*{_DATE}")            # ——2025年1月10日在… / （2025年1月10日在…）
_PLACE_ONLY_RE = re.compile(r"^(?:——|[（(])\s*在.{2,40}(?:会议|大会)上?[)）]?$")  # ——在…会议上 (the date apart)
_DATE_LINE_RE = re.compile(rf"^[（(]?\s*{_DATE}\s*[)）]?$")       # 2025年1月10日, on its own line
_YEAR_MONTH = rf"(?:\d{{4}}|{_CN_YEAR})\s*年\s*(?:\d{{1,2}}|{_CN_DAY})\s*月"  # the start of a date
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def date_number(token: str) -> int | None:
    """A year, month or day as written: 2025 / 二〇二五 / 10 / 十 / 二十三."""
    if len(token) == 4 and all(c in _CN_DIGIT for c in token):
        return int("".join(str(_CN_DIGIT[c]) for c in token))
    return cn_small_int(token)
_SESSION_RE = re.compile(
    r"第[一二三四五六七八九十]{1,3}届人民代表大会(?:常务委员会)?(?:第[一二三四五六七八九十]{1,3}次(?:全体)?会议)?"
)
_DOCNO_RE = re.compile(
    rf"([{_CN}]{{1,10}}(?:发|函|字|办))\s*[〔\[［(（【]\s*(\d{{4}})\s*[〕\]］)）】]?\s*(\d{{1,4}})\s*号?"
)
_OFFICE_RE = re.compile(r"(代理?(?:区|县|市|州|旗|省)长|(?:区|县|市|州|旗|省)长|主席)")
_UNIT_RE = re.compile(rf"[{_CN}]+?(?:特别行政区|自治区|自治州|自治县|自治旗|新区|省|市|区|县|旗|盟|州)")
_YEAR_TITLE_RE = re.compile(r"(\d{4})\s*年")


@dataclass
class FrontMatter:
    title_idx: int | None
    delivery_idx: int | None
    speaker_idx: int | None
    date_idx: int | None = None     # a line holding only the delivery date, when the delivery line has none


def find_front(paragraphs: list[Paragraph], limit: int = 60) -> FrontMatter:
    """Locate the report title, the delivery line (——日期在…会议上) and the speaker line."""
    title_idx = delivery_idx = speaker_idx = date_idx = None
    n = min(len(paragraphs), limit)

    def is_delivery(j: int) -> bool:
        t = paragraphs[j].text.strip()
        return bool(DELIVERY_RE.match(t) or _PLACE_ONLY_RE.match(t))

    for i in range(n):
        t = paragraphs[i].text.strip()
        if len(t) <= 60 and TITLE_RE.search(t) and not _NOTICE_WORDS_RE.search(t):
            title_idx = i
            # the delivery line follows within a few paragraphs
            for j in range(i + 1, min(i + 4, len(paragraphs))):
                if is_delivery(j):
                    delivery_idx = j
                    break
            if delivery_idx is not None:
                break
    if delivery_idx is None:
        for i in range(n):
            if is_delivery(i):
                delivery_idx = i
                break
    if delivery_idx is not None:
        if not DELIVERY_RE.match(paragraphs[delivery_idx].text.strip()):
            # ——在…会议上 with the date on a line of its own just before or after it
            date_idx = next((j for j in (delivery_idx + 1, delivery_idx - 1)
                             if 0 <= j < len(paragraphs) and j != title_idx
                             and _DATE_LINE_RE.match(paragraphs[j].text.strip())), None)
        after = max(delivery_idx, date_idx if date_idx is not None else -1)
        for j in range(after + 1, min(after + 4, len(paragraphs))):
            t = paragraphs[j].text
            if len(t) <= 50 and _OFFICE_RE.search(t):
                speaker_idx = j
                break
    return FrontMatter(title_idx, delivery_idx, speaker_idx, date_idx)


def district_of(name: str) -> str:
    """The lowest administrative unit named in e.g. 重庆市渝北区人民政府 → 渝北区."""
    name = re.sub(r"^\s*\d{4}\s*年(?:度)?", "", name)
    name = name.split("人民政府")[0]
    units = _UNIT_RE.findall(name)
    return units[-1] if units else ""


def extract_meta(paragraphs: list[Paragraph], front: FrontMatter) -> Meta:
    meta = Meta()
    head_text = "\n".join(p.text for p in paragraphs[: (front.speaker_idx or front.delivery_idx or 10) + 3])
    if front.title_idx is not None:
        meta.title = re.sub(r"\s+", "", paragraphs[front.title_idx].text)
        meta.district = district_of(meta.title)
    if front.delivery_idx is not None:
        line = paragraphs[front.delivery_idx].text  # a line broken in two was joined by the cleaner
        m = DELIVERY_RE.match(line.strip())
        if m is None and front.date_idx is not None:
            m = _DATE_LINE_RE.match(paragraphs[front.date_idx].text.strip())
        if m:
            y, mo, d = (date_number(g) for g in m.groups())
            if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
                meta.year = y
                meta.date = f"{y:04d}-{mo:02d}-{d:02d}"
        s = _SESSION_RE.search(re.sub(r"\s+", "", line))
        if s:
            meta.session = s.group()
        if not meta.district:
            meta.district = district_of(line.split("在", 1)[-1].split("第")[0] + "人民政府")
    if not meta.session:
        s = _SESSION_RE.search(re.sub(r"\s+", "", head_text))
        if s:
            meta.session = s.group()
    if front.speaker_idx is not None:
        line = paragraphs[front.speaker_idx].text
        m = _OFFICE_RE.search(line)
        if m:
            meta.office = m.group(1)
            meta.speaker = re.sub(r"[\s\u3000]+", "", line[m.end():])
            if not meta.district:
                meta.district = district_of(line[: m.start()])
    scan = "\n".join(p.text for p in paragraphs[: (front.title_idx or 0) + 1]) or head_text
    m = _DOCNO_RE.search(scan)
    if m:
        meta.doc_number = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    if meta.year is None:
        for src in (meta.title, head_text):
            m = _YEAR_TITLE_RE.search(src or "")
            if m:
                meta.year = int(m.group(1))
                break
    return meta
