"""Quantities in clean report text: a number, its unit as written and the qualifiers glued to it.

``scan_quantities(text)`` finds every "number + unit" expression of a sentence (``2009.5亿元``, ``6%以上``,
``1.5万余名``, ``两千万元``, ``提高0.5个百分点``) and leaves out what only looks like one: years (``2021年``),
ordinals (``第3``), codes (``5G``, ``PM2.5``, ``T3A``), ratios (``0.5:36.2:63.3``), durations (``连续5年``) and
modifiers that qualify a noun rather than state a figure (``10亿元以上项目``, ``3岁以下婴幼儿``).

Values stay in the unit as written: ``1.3万亿元`` is value 1.3, unit ``万亿元`` (``scale()`` converts when needed).
Chinese numerals are converted with ``cn2an.cn2an(token, "smart")`` on the captured token only (lazy import).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Base units, longest first so that the alternation prefers 个百分点 over 个, 平方公里 over 公里.
BASE_UNITS = (
    "微克/立方米", "毫克/立方米", "个百分点", "百分点", "平方公里", "平方米", "立方米", "公里", "千米", "公顷", "亩", "米",
    "美元", "元", "人次", "架次", "车次", "千瓦时", "千瓦", "兆瓦", "标箱", "吨", "千克",
    "辆", "户", "家", "个", "项", "件", "所", "座", "条", "张", "台", "套", "名", "人", "位", "批", "场", "处",
    "栋", "间", "株", "艘", "列", "次", "倍", "天", "年", "岁", "小时", "%", "‰",
)
PER_SUFFIX = r"(?:/(?:人|年|平方米|吨|户))?"
MAGNITUDES = ("万亿", "千万", "百万", "十万", "万", "亿", "千(?![瓦米克])")
# Units Chinese numerals may carry (a bare 三个 / 十五条 / 十年 is a name or a phrase, not a figure).
_CN_UNIT_OK = {"元", "美元", "人", "名", "户", "家", "亩", "公里", "平方米", "平方公里", "公顷", "吨", "辆", "人次",
               "倍", "个百分点", "百分点", "%"}
_CN_SINGLE_OK = {"倍", "个百分点", "百分点"}  # 两倍, 三个百分点

PRE_QUALIFIERS = {
    "突破": "突破", "超过": "超过", "超": "超过", "逾": "超过", "高于": "超过", "近": "近", "接近": "近",
    "将近": "近", "约": "约", "迈上": "突破", "跨上": "突破", "站上": "突破", "迈过": "突破",
    "不低于": "以上", "不少于": "以上", "不超过": "以内", "低于": "以内",
}
POST_QUALIFIERS = {"左右": "左右", "上下": "左右", "以上": "以上", "以内": "以内", "之内": "以内", "以下": "以下"}
APPROXIMATE = frozenset({"近", "约", "突破", "超过", "余", "以上", "以下", "以内", "左右"})

_UNIT_ALT = "|".join(re.escape(u) for u in BASE_UNITS)
_MAG_ALT = "|".join(MAGNITUDES)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"

QUANTITY_RE = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?"
    r"|(?<![" + _CN_DIGITS + r"])[" + _CN_DIGITS + r"]+(?:点[" + _CN_DIGITS + r"]+)?)"
    r"(?P<mag>" + _MAG_ALT + r")?"
    r"(?P<approx>余|多)?"
    r"(?P<mag2>" + _MAG_ALT + r")?"
    r"(?P<unit>(?:" + _UNIT_ALT + r")" + PER_SUFFIX + r")?"
    r"(?P<post>左右|上下|以上|以内|之内|以下)?"
)
PERCENT_WORD_RE = re.compile(r"百分之(?P<num>[" + _CN_DIGITS + r"]+(?:点[" + _CN_DIGITS + r"]+)?)")
_PRE_RE = re.compile(r"(?:" + "|".join(sorted(PRE_QUALIFIERS, key=len, reverse=True)) + r")$")
_YEAR_NUM_RE = re.compile(r"^(?:19|20)\d\d$")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# after a modifier quantity comes a noun: 以上项目 / 以下婴幼儿; after a figure comes punctuation or a verb
_MODIFIER_NEXT_RE = re.compile(r"[\u3400-\u9fff]")
_NOT_MODIFIER_NEXT = set("的，。；：、）)”")


_RANGE_LOW_RE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|个百分点)?[-—–～~至到]")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int            # offsets into the scanned text (the number .. the last unit/qualifier character)
    end: int
    value: float
    unit: str             # as written, magnitude included: 亿元, 万人, %, 个百分点
    qualifier: str        # 左右 / 以上 / 以内 / 以下 / 突破 / 超过 / 近 / 约 / 余 or ""
    pre_start: int        # start of a pre-qualifier (突破, 超过, 近 …) or == start
    raw: str


def scale(unit: str) -> float:
    """Multiplier from a written unit to its base (亿元 → 1e8, 万人 → 1e4, % → 1)."""
    factor = 1.0
    for mag, f in (("万亿", 1e12), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("亿", 1e8),
                   ("千", 1e3)):
        if unit.startswith(mag) and unit not in ("千米", "千瓦", "千瓦时", "千克"):
            return f
    return factor


def parse_chinese_number(token: str) -> float | None:
    """A captured Chinese numeral token (两千, 一万二, 三点五) → number, via cn2an on the token only."""
    try:
        import cn2an  # lazy: 0.1 s to import, and most reports write figures in Arabic digits
    except ImportError:  # pragma: no cover - cn2an is a locked dependency
        return None
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _is_cn(num: str) -> bool:
    return not num[0].isdigit()


def _split_cn_magnitude(num: str, mag: str) -> tuple[str, str]:
    """两千万 → (两千, 万): a trailing 万/亿 of a Chinese token belongs to the written unit, as for Arabic figures."""
    if mag:
        return num, mag
    for m in ("万亿", "亿", "万"):
        if num.endswith(m) and len(num) > len(m):
            return num[: -len(m)], m
    return num, ""


def _accept_cn(num: str, mag: str, unit: str) -> bool:
    base = unit
    if mag:
        return num[0] in "一二两三四五六七八九十" and base in _CN_UNIT_OK
    if len(num) == 1:
        return num in "一二两三四五六七八九十" and (base in _CN_SINGLE_OK or unit in _CN_SINGLE_OK)
    return num[0] in "一二两三四五六七八九十" and any(c in num for c in "十百千万亿") and (base in _CN_UNIT_OK)


def scan_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` (normally one sentence), in order."""
    out: list[Quantity] = []
    n = len(text)
    for m in QUANTITY_RE.finditer(text):
        num, mag, approx, mag2, unit, post = m.group("num", "mag", "approx", "mag2", "unit", "post")
        mag = (mag or "") + (mag2 or "")
        if not unit and not mag:
            continue
        s, e = m.span()
        prev = text[s - 1] if s else " "
        nxt = text[e] if e < n else " "
        if prev.isascii() and (prev.isalnum() or prev in "._-+") and not _is_range_dash(text, s):
            continue  # 5G, PM2.5, T3A, 1+7 … (an ASCII letter/digit glued before the number)
        if prev == "第" or prev in ":∶" or nxt in ":∶":
            continue  # ordinals, ratios 1.6:51:47.4
        if nxt.isascii() and nxt.isalpha():
            continue  # 4A级 …
        cn = _is_cn(num)
        if cn:
            num, mag = _split_cn_magnitude(num, mag or "")
            if not unit or not _accept_cn(num, mag, unit):
                continue
            if prev in "“\"" or nxt in "”\"" or text[max(0, s - 2):s] in ("连续", "近年"):
                continue
            value = parse_chinese_number(num)
            if value is None:
                continue
        else:
            value = float(num.replace(",", ""))
        unit = unit or ""
        if unit == "台" and nxt == "阶":
            unit, e = "", e - 1  # 迈上2000亿台阶
            nxt = "台"
        written_unit = (mag or "") + unit
        if unit == "年" and not mag and (_YEAR_NUM_RE.match(num) or text[max(0, s - 2):s] == "连续"):
            continue  # a year (2021年) or a duration (连续5年)
        if unit in ("次", "年", "届") and text[max(0, s - 2):s] == "连续":
            continue
        if nxt == "级" or (not unit and nxt in "级强"):
            continue  # 百亿级项目, 500强
        if post in ("以上", "以下") and _MODIFIER_NEXT_RE.match(nxt) and nxt not in _NOT_MODIFIER_NEXT:
            continue  # 10亿元以上项目, 3岁以下婴幼儿: a class of things, not a figure
        if not unit and mag and _CJK_RE.match(nxt) and nxt not in "的元":
            # a bare magnitude (2000亿) counts only before punctuation / 台阶 etc.; 1.5万余名 has a unit
            if nxt not in "台规":
                continue
        qualifier = POST_QUALIFIERS.get(post or "", "")
        if approx and not qualifier:
            qualifier = "余"
        pre = _PRE_RE.search(text, max(0, s - 3), s)
        pre_start = s
        if pre is not None and pre.end() == s:
            pre_start = pre.start()
            if not qualifier:
                qualifier = PRE_QUALIFIERS[pre.group()]
        out.append(Quantity(s, e, value, written_unit, qualifier, pre_start, text[s:e]))
    out.extend(_range_lows(text, out))
    for m in PERCENT_WORD_RE.finditer(text):
        value = parse_chinese_number(m.group("num"))
        if value is not None:
            out.append(Quantity(m.start(), m.end(), value, "%", "", m.start(), m.group()))
    if len(out) > 1:
        out.sort(key=lambda q: q.start)
    return out


def _is_range_dash(text: str, s: int) -> bool:
    """6-7%: a hyphen between two numbers of a range (not 1+7, not T3)."""
    return s >= 2 and text[s - 1] == "-" and (text[s - 2].isdigit() or text[s - 2] == "%")


def _range_lows(text: str, found: list[Quantity]) -> list[Quantity]:
    """增长6-7% / 6%～7% / 5至8个百分点: the low end of a range takes the unit of the high end."""
    lows: list[Quantity] = []
    for q in found:
        if q.pre_start != q.start or not q.raw[0].isdigit():
            continue
        m = _RANGE_LOW_RE.search(text, max(0, q.start - 12), q.start)
        if m is None or m.end() != q.start:
            continue
        if m.group("unit") and m.group("unit") != q.unit:
            continue
        s = m.start()
        if s and (text[s - 1].isdigit() or text[s - 1] in ".%"):
            continue
        if any(o.start <= s < o.end for o in found):
            continue
        end = s + len(m.group("num")) + len(m.group("unit") or "")
        lows.append(Quantity(s, end, float(m.group("num")), q.unit, "", s, text[s:end]))
    return lows


def format_value(value: float) -> str:
    """2009.5 → '2009.5', 3155.0 → '3155' (the value as a report writes it)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(round(value, 6))
