"""Kind and period of a figure, from where it stands in the report and the words around it.

A report delivered in year Y reviews Y-1 and sets Y's targets. By section (top role):
  review           → actual, period Y-1; a paragraph about the whole term (过去五年 / 五年来 / "十三五"时期 …)
                     is in *term* scope: growth without 年均 is growth over the term (cumulative), additions
                     (新增 …) and work done (改造…) sum over the term (cumulative); levels are end-of-term values
  targets paragraph (主要预期目标) and plan_year → target, period Y
  plan_multi_year  → plan_target, period = 到20XX年 (nearest before the figure, or earlier in the paragraph),
                     else the section's horizon: end of the "十X五" plan it names, or Y+4 for 今后五年 / 未来五年
  other sections   → actual before the first plan section, target after it
An explicit year in the sentence (2020年，… / 到2026年 …) overrides the period, and the kind follows from it.
Then: 年均 → average_growth (average for a level), 累计 → cumulative, 较2015年增长 (a base year before Y-2) →
cumulative, 由X提高到Y → X is a ``baseline`` (period = its year if written, else empty), 一季度 / 1-11月 →
``partial``. Kinds: actual, target, plan_target, average_growth, average (年均 of a level), cumulative,
baseline, partial.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.indicators.extract import Figure
from viewer.core.model import Paragraph, Report, Section

_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_PLAN_NAME_RE = re.compile(r"十([一二三四五六七八九])五")
_PLAN_NUM = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_FIVE_YEARS_RE = re.compile(r"今后五年|未来五年|今后5年|未来5年|新一届政府任期")
_YEAR_MARK_RE = re.compile(
    r"(?P<to>到|至|截至|截止)?(?P<y>(?:19|20)\d\d|[二][〇零][一二三四五六七八九〇零]{2})年(?P<after>底|末|前|以来)?"
)
_NOT_PERIOD_BEFORE = set("较比由从是为与同和自") | set("—–-~")
_TERM_RE = re.compile(r"过去五年|五年来|这五年|五年间|五年中|经过五年|本届政府以来|十[一二三四五六七八九]五")
_YEAR_RE = re.compile(r"^(?:刚刚过去的|过去的|回顾)?(?:(?P<y>\d{4})年|过去一年|一年来|今年以来)")
_MULTI_YEAR_CLAUSE_RE = re.compile(r"(?:^|[，。；：])(?:过去五年|五年来|这五年|五年间|“?十[一二三四五六七八九]五”?(?:期间|时期))[，、]")
_PARTIAL_CLAUSE_RE = re.compile(
    r"(?:^|[，。；：])(?:今年|去年|全年)?(?P<p>\d{1,2}[-—–~至]\d{1,2}月份?|前[三两二3]季度|上半年|[一1]季度|前\d{1,2}个月)[，,]"
)
_ACTION_START_RE = re.compile(
    r"(?:新建|改建|扩建|改扩建|建成(?!区)|完成|实施|打造|培育|开展|举办|组织|发放|改造|整治|创建|认定|解决|化解|"
    r"处置|办理|签约|培训|救助|开工|新开工|竣工|栽植|种植|修复|打通|关停|淘汰|引进|招引|争取|开通|建立|设立|成立|"
    r"接待|帮扶|资助|减免|征收|出让|盘活|消除|拆除|新认定|新培育)"
)
_MAX_TARGET_LINES = 15
_TARGETS_END_RE = re.compile(r"上述目标|为此|重点抓好|重点做好|以下工作|几个方面")
_HAS_FIGURE_RE = re.compile(r"\d|持平")
_LEAD_NOISE_RE = re.compile(r"^(?:各位代表[！!，,]?|——|—|一是|二是|三是|四是|五是|六是)")


def plan_end_year(text: str) -> int | None:
    """The last year of the five-year plan named in ``text`` ("十四五" → 2025)."""
    m = _PLAN_NAME_RE.search(text)
    if m is None:
        return None
    return 1955 + 5 * (10 + _PLAN_NUM[m.group(1)])


def _year_of(token: str) -> int:
    return int(token.translate(_CN_YEAR_DIGITS))


@dataclass(slots=True)
class ParaContext:
    role: str                   # top section role, or "targets" for the 主要预期目标 paragraph
    scope: str = "year"         # review only: "term" or "year"
    horizon: int | None = None  # plan_multi_year: the default target year
    before_plan: bool = True    # the paragraph's top section comes before the first plan section


class ReportClassifier:
    """Walks the paragraphs once, keeping the review scope and plan horizons, and classifies figures."""

    def __init__(self, report: Report, year: int) -> None:
        self.report = report
        self.year = year
        plans = [s.start for s in report.sections if s.role in ("plan_year", "plan_multi_year")]
        self._plan_start = min(plans, default=len(report.text))
        self._scope = "year"
        self._horizons: dict[int, int] = {}
        self._target_starts = self._targets_paragraphs(report)

    @staticmethod
    def _targets_paragraphs(report: Report) -> set[int]:
        """Starts of the 主要预期目标 paragraph and, when it ends with a colon, of the lines listing them."""
        t = report.targets
        if t is None:
            return set()
        starts = {t.start}
        if t.text.rstrip().endswith(("：", ":")):
            after = [p for p in report.paragraphs if p.start > t.start]
            for p in after[:_MAX_TARGET_LINES]:
                if len(p.text) > 120 or _TARGETS_END_RE.search(p.text) or not _HAS_FIGURE_RE.search(p.text):
                    break
                starts.add(p.start)
        return starts

    # --- paragraph context ----------------------------------------------------------------------------
    def paragraph_context(self, para: Paragraph, top: Section | None) -> ParaContext:
        role = top.role if top is not None else "other"
        if para.start in self._target_starts:
            return ParaContext("targets", before_plan=False)
        ctx = ParaContext(role, before_plan=(top.start if top is not None else para.start) < self._plan_start)
        if role == "review":
            self._scope = self._review_scope(para.text, self._scope)
            ctx.scope = self._scope
        elif role == "plan_multi_year" and top is not None:
            ctx.horizon = self._section_horizon(top)
        return ctx

    def _review_scope(self, text: str, current: str) -> str:
        head = text
        for _ in range(2):  # 各位代表！—— …
            head = _LEAD_NOISE_RE.sub("", head, count=1)
        first = head.split("。", 1)[0][:60]
        for m in _TERM_RE.finditer(first):
            end = plan_end_year(m.group())
            if end is None or end == self.year - 1:
                return "term"
        m = _YEAR_RE.match(head)
        if m is not None and (m.group("y") is None or int(m.group("y")) == self.year - 1):
            return "year"
        return current

    def _section_horizon(self, top: Section) -> int:
        cached = self._horizons.get(top.start)
        if cached is not None:
            return cached
        text = self.report.text
        title = top.title
        body = text[top.body_start:min(top.end, top.body_start + 3000)]
        horizon = plan_end_year(title)
        if horizon is None and _FIVE_YEARS_RE.search(title):
            horizon = self.year + 4
        if horizon is None:
            m = re.search(r"到(\d{4})年", body)
            if m is not None and int(m.group(1)) > self.year:
                horizon = int(m.group(1))
        if horizon is None:
            end = plan_end_year(body)
            horizon = end if end is not None and end >= self.year else None
        if horizon is None:
            horizon = self.year + 4
        self._horizons[top.start] = horizon
        return horizon

    # --- one figure ------------------------------------------------------------------------------------
    def year_marker(self, text: str, pos: int) -> tuple[int | None, bool]:
        """The nearest year named before ``pos`` in ``text`` that dates a figure: (year, is_horizon)."""
        found: tuple[int | None, bool] = (None, False)
        for m in _YEAR_MARK_RE.finditer(text, 0, pos):
            s = m.start()
            prev = text[s - 1] if s else ""
            if not m.group("to") and prev in _NOT_PERIOD_BEFORE:
                continue
            tail = text[m.end():m.end() + 3]
            if m.group("after") == "以来" or tail.startswith(("的基础", "基础", "的水平", "同期")):
                continue
            y = _year_of(m.group("y"))
            horizon = bool(m.group("to")) and m.group("to") in ("到", "至") and y >= self.year
            horizon = horizon or (m.group("after") == "前" and y >= self.year)
            found = (y, horizon)
        return found

    def classify(self, fig: Figure, ctx: ParaContext, sentence: str, pos: int,
                 para_horizon: int | None) -> tuple[str, int | None]:
        Y = self.year
        role = ctx.role
        if role == "targets" or role == "plan_year":
            kind, period = "target", Y
        elif role == "plan_multi_year":
            kind, period = "plan_target", para_horizon or ctx.horizon or Y + 4
        elif role == "review":
            kind, period = "actual", Y - 1
        elif role == "self_building" or not ctx.before_plan:
            kind, period = "target", Y
        else:
            kind, period = "actual", Y - 1
        marker, _ = self.year_marker(sentence, pos)
        term = role == "review" and ctx.scope == "term"
        if marker is not None:
            period = marker
            kind = "actual" if marker < Y else ("target" if marker == Y else "plan_target")
            term = False
        lead = fig.lead
        if marker is None and role == "review" and self._names_the_term(sentence, pos):
            # 五年来，全区完成固定资产投资4200亿元: an amount done over the term, unless it is a level reached
            term = True
            if fig.measure == "level" and lead.done and not lead.to_level and not lead.average:
                return "cumulative", period
        if lead.baseline:
            return "baseline", lead.baseline_year
        if lead.partial or _PARTIAL_CLAUSE_RE.search(sentence, 0, pos):
            return "partial", period  # 一季度下降… / "1-11月，…": a part of the year
        if lead.average:
            return ("average_growth" if fig.measure in ("growth", "change") else "average"), period
        if lead.cumulative:
            return "cumulative", period
        if fig.measure in ("growth", "multiple", "contribution"):
            since = lead.base_year
            if lead.base_term or (since is not None and period is not None and since < period - 1):
                return "cumulative", period
            if (term or lead.multi_year) and fig.measure == "growth" and not lead.yoy:
                return "cumulative", period  # growth over the term (五年增长45%), not over a year
        summed = lead.multi_year or (fig.flow and (term or kind == "plan_target"))
        if fig.measure in ("level", "change") and summed:
            return "cumulative", period  # additions over the term (新增城镇就业18万人), 五年完成投资…
        if term and fig.measure == "level" and not lead.to_level and _ACTION_START_RE.match(fig.subject):
            return "cumulative", period  # 改造棚户区164万平方米 over the term: work done, summed
        return kind, period

    def _names_the_term(self, sentence: str, pos: int) -> bool:
        """A clause like 五年来， / "十三五"期间， before ``pos`` (the reviewed term, not the next plan)."""
        for m in _MULTI_YEAR_CLAUSE_RE.finditer(sentence, 0, pos):
            end = plan_end_year(m.group())
            if end is None or end == self.year - 1:
                return True
        return False

    def horizon_in(self, text: str) -> int | None:
        """The last target year (到2026年 / 2030年前 / 展望2035年) named in ``text``, for the following sentences."""
        last = None
        for m in _YEAR_MARK_RE.finditer(text):
            y = _year_of(m.group("y"))
            if y <= self.year:
                continue
            vision = text[max(0, m.start() - 2):m.start()] == "展望"
            if m.group("to") in ("到", "至") or m.group("after") == "前" or vision:
                last = y
        return last
