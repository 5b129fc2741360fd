"""The words in front of a figure ("lead"): what is measured, how, and about which subject.

A lead runs from the previous figure (or the start of the clause) to the figure itself, e.g.
``城乡常住居民人均可支配收入分别达到`` or ``、增长`` or ``全社会研发经费投入增长17%，占地区生产总值比重达``.
``analyze_lead`` peels verbs and adverbs off its right end (增长, 下降, 提高到, 年均, 分别, 较2015年 …), detects a
share construction (X占Y比重), a starting value (由X…), a sub-year period (一季度, 1-11月) and an explicit year, and
returns what is left as the subject phrase (possibly a list: 汽车、电子产业 / 城镇和农村…). An empty subject means
"the subject of the previous figure in the sentence" — the extractor carries it over.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PLAN = r"“?十[一二三四五六七八九]五”?(?:期间|时期|末)?"

# Tokens peeled off the right end of a lead, longest / most specific first. Each named group sets a flag.
_TAIL_RE = re.compile(
    r"(?:"
    r"(?P<base>(?:较|比|相比|与)(?:(?P<base_year>\d{4})年(?:同期|末|底)?|" + _PLAN + r"|上年(?:同期)?|去年(?:同期)?"
    r"|上一年|前一年)(?:相比)?)"
    r"|(?P<multiple>(?:是|为|相当于)(?:(?P<mult_year>\d{4})年|" + _PLAN + r"|上年)的?)"
    r"|(?P<from>(?:由|从)(?:(?P<from_year>\d{4})年(?:末|底)?的?)?)"
    r"|(?P<at>(?:在|于)?(?P<at_year>\d{4})年(?:末|底)?的?)"
    r"|(?P<to>(?:增长|增加|提高|提升|上升|下降|降低|减少|缩小|扩大|增|降|减|升|调整|拓展|扩|回落|回升|跃升|攀升|提|达|上涨)"
    r"(?:到|至)|增至|降至|升至|提至|达到|达|到|至)"
    r"|(?P<rate>增速|增幅|涨幅|增长率|年增速)"
    r"|(?P<neg>下降|减少|降低|回落|下滑|缩减|负增长|下跌|收窄|降幅|减|降)"
    r"|(?P<grow>增长|增加|提高|提升|上升|上涨|增|扩大|拉升|翻)"
    r"|(?P<flow>新增|净增|新建|新引进|引进)"
    r"|(?P<years>过去五年|五年来|这五年|五年间|五年|近[两三五]年|[两三四]年来)"
    r"|(?P<total>总数|总量|总规模|总计数)"
    r"|(?P<avg>年均|年平均|平均每年|(?:近?[两三五]年)?平均)"
    r"|(?P<cum>累计|共计|合计|总计|累积)"
    r"|(?P<resp>分别)"
    r"|(?P<each>均|都)"
    r"|(?P<yoy>同比|环比|同口径|可比口径|按可比价格?计算|按可比口径计算|按可比价|可比价)"
    r"|(?P<done>实现|完成|完成了|实现了)"
    r"|(?P<level>达|为|是|拥有|保持在|稳定在|控制在|维持在|确保在|保持|稳定|控制|维持|稳居|位居|突破|超过|超|逾|"
    r"迈上|迈过|跨越|站上|跃上|近|约|接近|将近|高于|低于|不低于|不少于|不超过|共有|预计|力争|争取|确保|首次|率先|"
    r"再|已|将|要|又|持续|继续|稳步|进一步|在全[市省区国县]|全年|当年|年内|全部|"
    r"多年来|一年来|"
    r"逐步|大幅|显著|明显|同步|仅|合计为|[了的，、]|和|及)"
    r")$"
)
_SHARE_RE = re.compile(r"(?:所?占(?!地(?!区)|用|领)(?P<base>[^占]*?)的?(?:比重|比例|份额|比)?|(?P<bare>比重|占比|比例))$")
_PARTIAL_RE = re.compile(
    r"在?(?P<p>第?[一二三四1-4]季度|上半年|下半年|前[三两二3]季度|\d{1,2}[-—–~至]\d{1,2}月(?:份)?|\d{1,2}月(?:份|底)?)"
)
_YEAR_START_RE = re.compile(r"^(?P<y>\d{4})年(?:[，,]|底|末|以来|全年|度)?")
_LEFT_RE = re.compile(
    r"^(?:(?P<cum>累计|共计|合计)|(?P<avg>年均)|(?P<contrib>拉动|带动)|(?P<sub>其中)|(?P<done>实现|完成)|全年|当年|年内|"
    r"力争|争取|确保|预计|计划|力求|(?P<years>过去五年|五年来|这五年|五年间)|过去一年|一年来|"
    r"全区|全市|全县|全社会|我区|本区|共|同时|此外|另外|并|还|以及|和|及|与|、|，)"
)
_CONNECTOR_RE = re.compile(r"^(?:[、和及与或—～~-]|以及)?$")
_FLOW_PREFIX_RE = re.compile(r"^(?:新增|新建|新引进|引进|新认定|新培育|净增|新开工|新开业|新登记|新发展|新获批|新入驻|招引)")
_COMPARE_RE = re.compile(r"^(?:增速|增幅)?(?:(?P<a>高于|低于|快于|慢于|领先|落后于?)[^，]{0,10}|比[^，]{0,10}?(?P<b>高|低|快|慢))$")
_CARRY_PREFIX_RE = re.compile(r"^(?:新增|净增|新引进|引进|新认定|新培育|新登记)")
_PAREN_ALT_RE = re.compile(r"^(?:扣除|剔除|不含|含|按|以|若|如|折合|可比价)")
_LIST_SPLIT_RE = re.compile(r"、")
_CONJ_SPLIT_RE = re.compile(r"、|和|及|与|以及")


@dataclass(slots=True)
class Lead:
    subject: str = ""              # subject phrase as written ("" = carry over the previous one)
    measure: str = "level"         # level / growth / share / multiple
    explicit_measure: bool = False  # a verb or construction said which measure (else a bare figure)
    negative: bool = False
    to_level: bool = False          # 提高到 / 增至 / 达到: the figure is a level reached
    average: bool = False           # 年均
    cumulative: bool = False        # 累计
    contribution: bool = False      # 拉动 X 增长 …: a contribution, not X's own growth
    respectively: bool = False      # 分别
    each: bool = False              # 均
    baseline: bool = False          # 由 X / 从 X: a starting value
    baseline_year: int | None = None
    base_year: int | None = None    # 较 2015 年增长 …
    base_term: bool = False         # 较"十二五"期间 …
    share_base: str | None = None   # Y in X占Y比重
    share: bool = False
    partial: str = ""               # 一季度 / 1-11月 …
    year: int | None = None         # an explicit year at the start of the lead (2021年实现 …)
    sub: bool = False               # 其中 …
    connector_only: bool = False    # the lead is just 、/和/nothing: the figure continues a list of values
    flow: bool = False              # …新增 / 引进 N: an increment
    total: bool = False             # …总量 / 总数: the stock (总量突破19万户 after 新增3.9万户)
    multi_year: bool = False        # 五年 / 五年来 …: a figure over several years
    yoy: bool = False               # 同比 / 比上年 / 较上年: growth over one year
    done: bool = False              # 完成 / 实现 …: an amount achieved (over the period the sentence names)
    share_text: str = ""            # the share words as written (占地区生产总值比重 / 占比 / 比例)
    subject_full: str = ""          # the subject with its share words (空气质量优良天数比例), to try first


def is_connector(text: str) -> bool:
    return bool(_CONNECTOR_RE.match(text.strip()))


def analyze_lead(text: str) -> Lead:
    lead = Lead()
    total_word = ""
    rest = text.strip()
    if is_connector(rest):
        lead.connector_only = True
        return lead
    m = _PARTIAL_RE.search(rest)
    if m is not None:
        lead.partial = m.group("p")
        rest = rest[: m.start()] + rest[m.end():]
    # peel verbs / adverbs / comparisons off the right end
    for _ in range(12):
        m = _TAIL_RE.search(rest)
        if m is None or m.end() != len(rest) or m.start() == m.end():
            break
        g = m.lastgroup
        if g == "base":
            lead.explicit_measure = True
            lead.yoy = lead.yoy or m.group("base_year") is None and "五" not in m.group("base")
            if m.group("base_year"):
                lead.base_year = int(m.group("base_year"))
            elif "五" in m.group("base"):
                lead.base_term = True
        elif g == "multiple":
            lead.measure, lead.explicit_measure = "multiple", True
            if m.group("mult_year"):
                lead.base_year = int(m.group("mult_year"))
        elif g == "from":
            lead.baseline = True
            if m.group("from_year"):
                lead.baseline_year = int(m.group("from_year"))
        elif g == "at":
            lead.year = int(m.group("at_year"))
        elif g == "to":
            if not lead.explicit_measure:
                lead.to_level, lead.explicit_measure = True, True
        elif g == "rate":
            if not lead.explicit_measure or lead.to_level:
                lead.measure, lead.explicit_measure, lead.to_level = "growth", True, False
        elif g == "neg":
            if not lead.explicit_measure:
                lead.measure, lead.negative, lead.explicit_measure = "growth", True, True
        elif g == "grow":
            if not lead.explicit_measure:
                lead.measure, lead.explicit_measure = "growth", True
        elif g == "flow":
            lead.flow = True
        elif g == "total":
            lead.total, total_word = True, m.group()
        elif g == "avg":
            lead.average = True
        elif g == "cum":
            lead.cumulative = True
        elif g == "resp":
            lead.respectively = True
        elif g == "done":
            lead.done = True
        elif g == "years":
            lead.multi_year = True
        elif g == "yoy":
            lead.yoy = True
        elif g == "each":
            lead.each = True
        rest = rest[: m.start()]
    # X占Y比重 / X占比 / X比重
    m = _SHARE_RE.search(rest)
    if m is not None:
        lead.share = True
        lead.share_text = m.group()
        lead.subject_full = _strip_left(rest)[0]
        if not (lead.explicit_measure and lead.measure == "growth"):
            lead.measure, lead.explicit_measure = "share", True
        base = m.group("base")
        lead.share_base = base.strip() if base and base.strip() else None
        rest = _strip_tail_noise(rest[: m.start()])
    # explicit year and left-hand verbs / scope words
    m = _YEAR_START_RE.match(rest)
    if m is not None:
        lead.year = int(m.group("y"))
        rest = rest[m.end():]
    rest, flags = _strip_left(rest)
    lead.cumulative |= "cum" in flags
    lead.average |= "avg" in flags
    lead.contribution |= "contrib" in flags
    lead.sub |= "sub" in flags
    lead.multi_year |= "years" in flags
    lead.done |= "done" in flags
    lead.subject = _strip_tail_noise(rest)
    m = _COMPARE_RE.match(lead.subject)
    if m is not None:  # 增长5.6%，高于全市0.4个百分点: a gap to a benchmark, about the same subject
        direction = m.group("a") or m.group("b")
        lead.subject, lead.measure, lead.explicit_measure = "", "gap", True
        lead.negative = direction[0] in "低慢落"
    if lead.total and lead.subject:
        lead.subject += total_word  # 经济总量 / 科技型企业总量: part of the name when a name is there
        lead.total = False
    return lead


def _strip_left(rest: str) -> tuple[str, set[str]]:
    flags: set[str] = set()
    for _ in range(6):
        m = _LEFT_RE.match(rest)
        if m is None or m.end() == 0:
            break
        if m.group("cum"):
            flags.add("cum")
        elif m.group("avg"):
            flags.add("avg")
        elif m.group("contrib") == "拉动":
            flags.add("contrib")
        elif m.group("sub"):
            flags.add("sub")
        elif m.group("years"):
            flags.add("years")
        elif m.group("done"):
            flags.add("done")
        rest = rest[m.end():]
    return _strip_tail_noise(rest), flags


def _strip_tail_noise(s: str) -> str:
    s = s.strip().lstrip("”’").rstrip("“‘")
    if s.startswith("“") and s.count("“") > s.count("”"):
        s = s[1:]
    while s and s[-1] in "的了、和及与，":
        s = s[:-1]
    while s and s[0] in "、和及与，的":
        s = s[1:]
    return s


def split_subjects(subject: str, count: int, each: bool = False) -> list[str]:
    """A subject phrase naming ``count`` things (汽车、电子产业 / 城镇和农村常住居民…) → its items, as written.

    One figure for a listed subject stays one subject (新增公办、普惠性民办幼儿园106所) unless 均 says "each".
    """
    if not subject:
        return []
    if count == 1 and not each:
        return [subject]
    items = [s for s in _LIST_SPLIT_RE.split(subject) if s]
    if (count > 1 and len(items) != count) or (each and len(items) == 1):
        alt = [s for s in _CONJ_SPLIT_RE.split(subject) if s]
        if len(alt) == count or (each and len(alt) > 1):
            items = alt
    return items


_ACTION_END_RE = re.compile(
    r"(?:新建|改建|扩建|改扩建|建成|建设|完成|实施|打造|培育|开展|举办|组织|动员|安排|帮助|引进|引育|招引|新增|发放|"
    r"改造|整治|创建|认定|推动|解决|化解|处置|办理|签约|吸引|争取|落实|支持|培训|救助|走访|派驻|选派|聘请|设立|"
    r"新设立|成立|开通|建立|提档升级|升级|打通|关停|淘汰|治理|修复|栽植|种植|新认证|认证|评定|获评|入选|接待|"
    r"服务|保障|资助|补贴|奖励|减免|投入|筹集|争取到|拨付|兑现|加快|推进|启动|提速建设|建设|开工建设|"
    r"为|对|向|给|帮|让|使|等)$"
)


def ends_with_action(subject: str) -> bool:
    """A lead that is only an action (新建改扩建 / 动员 / …等): the figure counts the noun written after it."""
    if subject.endswith("等"):
        return True
    return bool(_ACTION_END_RE.search(subject)) and len(subject) <= 12


def flow_prefix(subject: str) -> str:
    """新增 / 引进 … at the head of a subject: it counts additions."""
    m = _FLOW_PREFIX_RE.match(subject)
    return m.group() if m else ""


def carried_prefix(subject: str) -> str:
    """The part of a flow prefix that carries over to the next list item (新增A 2家、B 3家 → 新增B)."""
    m = _CARRY_PREFIX_RE.match(subject)
    return m.group() if m else ""


def is_alternative_basis(subject: str) -> bool:
    """A parenthesised restatement (扣除疫情影响因素 …): same subject, another basis."""
    return bool(_PAREN_ALT_RE.match(subject))
