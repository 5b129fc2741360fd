"""Figures of one sentence: every quantity tied to its subject, measure and qualifier (no period / kind yet).

The sentence is cut into clauses at ，；：(a parenthesis is a clause of its own, skipped by the clause around
it). In a clause, figures separated only by 、/和 (or nothing, as in a damaged ``7.9%9%``) form a *group* that
shares the words in front of the first one. A group's subject is
  * the subject phrase of its lead, split into a list when it names several things (汽车、电子产业 …), or
  * when the lead names nothing (全年实现…, 、增长…, 分别增长…), the subject(s) introduced last in the sentence —
    so "地区生产总值在一季度…下降10.5%的情况下…全年实现1533.16亿元、增长3.9%" gives GDP both annual figures, or
  * the noun written right after the figure when the lead is only an action or a list of examples
    (新建改扩建125个村社便民服务中心, 洛碛、石船等7个中心场镇).
Values are matched to subjects in order (分别), one value to every subject (均), or all values to one subject.
"城乡…分别达到A、B" expands to 城镇… / 农村…; "城镇和农村常住居民人均可支配收入" shares its head noun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.indicators.dictionary import IndicatorDictionary
from viewer.core.indicators.lead import (Lead, analyze_lead, carried_prefix, ends_with_action, flow_prefix,
                                         is_alternative_basis, is_connector, split_subjects)
from viewer.core.indicators.numbers import Quantity, scan_quantities

_CLAUSE_CUT = frozenset("，；：,;:")
_OPEN, _CLOSE = frozenset("（("), frozenset("）)")
_PAREN_SPAN_RE = re.compile(r"[（(][^（()）]*[）)]")
_FLAT_RE = re.compile(r"(?:(?:与|和|同)(?:上年|去年|上一年)|同比|比上年|较上年)?(?:基本|总体)?(?<!保)持平(?![稳衡])")
_URBAN_RURAL = ("城镇", "农村")
_HEAD_SPLIT_MAX = 4  # a list item this short (城镇, 汽摩) may borrow the head noun of the last item
_NOUN_STOP = frozenset("，。；：、（）,;:()！？!?\"的和及与")
_FOLLOW_MAX = 12
_PREDICATE_RE = re.compile(  # where the noun after a figure ends (searched from its 1st character)
    r"增长|增加|下降|减少|提高|提升|达到|实现|完成|同比|分别|突破|超过|有序|有力|顺利|加快|全面|基本|建成|开工|"
    r"投用|投产|落地|签约|入驻|获评|入选|成功|参与|设立|成立|实行|进入|实施|推进|纳入|通过|获得|累计|高于|低于|"
    r"快于|慢于|位居|居全|排名|创历史|创新高|列全|名列|领跑|保持|稳居"
)
_PREDICATE_LATE_RE = re.compile(r"[占均共达从由在较比为是]")  # one-character predicates, from the 2nd character


@dataclass(slots=True)
class Subject:
    written: str            # as written in the text
    name: str               # canonical name, or the written phrase when the dictionary does not know it
    known: bool


@dataclass(slots=True)
class Figure:
    start: int              # absolute offsets of the figure (number .. unit / qualifier) in the report text
    end: int
    value: float
    unit: str
    qualifier: str
    subject: str
    indicator: str
    known: bool
    measure: str            # level / growth / share / multiple / change / contribution
    lead: Lead = field(repr=False)
    in_paren: bool = False
    alt_basis: bool = False  # a parenthesised restatement on another basis (扣除…因素增长6%)
    flow: bool = False       # counts additions (新增…, 引进…)


@dataclass(slots=True)
class _Group:
    lead: Lead
    quantities: list[Quantity]
    between: str        # the lead text as written
    noun: str           # the noun after the figure when the figure comes first (else "")


@dataclass(slots=True)
class _SentenceState:
    introduced: list[Subject] = field(default_factory=list)  # subjects named so far, in order
    flow: str = ""        # 新增 … carried to the next list item
    action: str = ""      # 新建改扩建 … carried to the next number-first figure
    last_measure: tuple[str, str, bool] | None = None  # unit, measure, negative of the last group


def clauses(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, in_parentheses) of the clauses of a sentence, in order of their start.

    Outside parentheses a clause runs over any parenthesis inside it (社区卫生服务中心（镇卫生院）17个 is one clause);
    the text inside a parenthesis forms clauses of its own.
    """
    out: list[tuple[int, int, bool]] = []
    depth = 0
    outer_start = 0
    inner_start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                inner_start = i + 1
            depth += 1
        elif ch in _CLOSE and depth > 0:
            depth -= 1
            if depth == 0 and i > inner_start:
                out.append((inner_start, i, True))
        elif ch in _CLAUSE_CUT:
            if depth == 0:
                if i > outer_start:
                    out.append((outer_start, i, False))
                outer_start = i + 1
            else:
                if i > inner_start:
                    out.append((inner_start, i, True))
                inner_start = i + 1
    if outer_start < len(text):
        out.append((outer_start, len(text), False))
    out.sort(key=lambda c: c[0])
    return out


def _paren_spans(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    if "（" not in text[cs:ce] and "(" not in text[cs:ce]:
        return []
    return [m.span() for m in _PAREN_SPAN_RE.finditer(text, cs, ce)]


class SentenceExtractor:
    """Extracts the figures of sentences with one dictionary."""

    def __init__(self, dictionary: IndicatorDictionary) -> None:
        self.dic = dictionary

    # --- subjects -------------------------------------------------------------------------------------
    def _subject(self, written: str) -> Subject:
        name = self.dic.resolve(written)
        return Subject(written, name or written, name is not None)

    def _subjects_for(self, lead: Lead, n: int, prev_flow: str) -> list[Subject]:
        items = split_subjects(lead.subject, n, lead.each)
        if prev_flow and not flow_prefix(items[0]) and not ends_with_action(items[0][:2]):
            items[0] = prev_flow + items[0]  # 新增科技型企业200家、国家高新技术企业100家 → 新增国家高新技术企业
        subjects = [self._subject(it) for it in items]
        # 城镇和农村常住居民人均可支配收入 → the short items borrow the head noun of the last one
        if len(subjects) > 1 and subjects[-1].known:
            last = items[-1]
            for i, it in enumerate(items[:-1]):
                if subjects[i].known or len(it) > _HEAD_SPLIT_MAX:
                    continue
                for cut in range(1, min(_HEAD_SPLIT_MAX, len(last) - 1) + 1):
                    cand = self._subject(it + last[cut:])
                    if cand.known:
                        subjects[i] = cand
                        break
        # 城乡X分别达到 A、B → 城镇X, 农村X
        if n == 2 and len(subjects) == 1 and items[0].startswith("城乡"):
            pair = [self._subject(p + items[0][2:]) for p in _URBAN_RURAL]
            if all(s.known for s in pair) or lead.respectively:
                subjects = pair
        return subjects

    @staticmethod
    def _noun_after(text: str, end: int) -> str:
        """The noun right after a figure (125个|村社便民服务中心), up to punctuation or a predicate."""
        out: list[str] = []
        for ch in text[end:end + _FOLLOW_MAX]:
            if ch in _NOUN_STOP or ch.isdigit():
                break
            out.append(ch)
        noun = "".join(out)
        cuts = [m.start() for m in (_PREDICATE_RE.search(noun), _PREDICATE_LATE_RE.search(noun, 1)) if m]
        noun = noun[: min(cuts)] if cuts else noun
        return noun.strip("“”") if noun.count("“") == noun.count("”") else noun.strip("“”") + "”"

    # --- one sentence ---------------------------------------------------------------------------------
    def extract(self, text: str, base: int) -> list[Figure]:
        """The figures of sentence ``text`` (which starts at offset ``base`` of the report text)."""
        quantities = scan_quantities(text)
        flats = list(_FLAT_RE.finditer(text)) if "持平" in text else []
        if not quantities and not flats:
            return []
        state = _SentenceState()
        figures: list[Figure] = []
        for cs, ce, in_paren in clauses(text):
            parens = [] if in_paren else _paren_spans(text, cs, ce)

            def inside(i: int) -> bool:
                return cs <= i < ce and not any(a <= i < b for a, b in parens)

            qs = [q for q in quantities if inside(q.start)]
            qs += [Quantity(m.end() - 2, m.end(), 0.0, "%", "持平", m.start(), m.group()) for m in flats
                   if inside(m.start())]
            if qs:
                qs.sort(key=lambda q: q.start)
                for group in self._groups(text, cs, qs):
                    figures.extend(self._group_figures(text, group, state, base, in_paren))
        return figures

    def _groups(self, text: str, cs: int, qs: list[Quantity]) -> list[_Group]:
        """Cut a clause's figures into groups that share one lead (A、B / A和B / A-B / a damaged AB)."""
        groups: list[_Group] = []
        pos = cs
        prev_noun = ""
        for q in qs:
            between = _PAREN_SPAN_RE.sub("", text[pos:q.pre_start])
            if prev_noun and between.startswith(prev_noun):
                between = between[len(prev_noun):]  # 125个村社便民服务中心和197个… : the noun was the first's
            noun = self._noun_after(text, q.end) if q.qualifier != "持平" else ""
            if groups and not groups[-1].noun and is_connector(between) and q.qualifier != "持平":
                groups[-1].quantities.append(q)
                prev_noun = ""
            else:
                lead = analyze_lead(between)
                first = bool(noun) and (not lead.subject or ends_with_action(lead.subject))
                groups.append(_Group(lead, [q], between, noun if first else ""))
                prev_noun = noun if first else ""
            pos = q.end
        return groups

    def _group_figures(self, text: str, group: _Group, state: _SentenceState, base: int,
                       in_paren: bool) -> list[Figure]:
        lead, qs = group.lead, group.quantities
        n = len(qs)
        last = state.last_measure
        if (not lead.subject and not lead.explicit_measure and last is not None and qs[0].unit == last[0]
                and qs[0].qualifier != "持平"):
            lead.measure, lead.negative = last[1], last[2]  # 增长6%，力争7%: same unit, same measure
        alt = False
        if lead.subject and in_paren and is_alternative_basis(lead.subject):
            lead.subject, alt = "", True
        if group.noun and n == 1:
            # number first: the figure counts the noun written after it
            if lead.subject.endswith("等"):
                action = ""  # 洛碛、石船等7个中心场镇: the list only gives examples
            else:
                action = lead.subject or (state.action if lead.connector_only else "")
            subjects = [self._subject(action + group.noun)]
            state.introduced.extend(subjects)
            state.action, state.flow = action, ""
        elif lead.subject:
            countable = not qs[0].unit.endswith("元") and qs[0].unit not in ("%", "个百分点")
            flow_in = state.flow if group.between.lstrip().startswith("、") and countable else ""
            subjects = self._subjects_for(lead, n, flow_in)
            state.introduced.extend(subjects)
            state.flow = carried_prefix(subjects[0].written) if subjects else ""
            state.action = ""
        elif state.introduced:
            known = state.introduced
            subjects = known[-n:] if (n > 1 and len(known) >= n) else known[-1:]
            if lead.total or lead.to_level:  # 新增X 20家、达到64家 / 新增X 3.9万户，总量突破19万户: the stock
                subjects = [self._without_flow(s) for s in subjects]
        else:
            subjects = [Subject("", "", False)]
        shared = qs[0].qualifier if qs[0].pre_start < qs[0].start else ""
        out: list[Figure] = []
        for q, subj in self._assign(qs, subjects, lead):
            fig = self._figure(q, subj, lead, base, in_paren, alt)
            if shared and not fig.qualifier:
                fig.qualifier = shared  # 超过50亿美元和20亿美元: the word before a list qualifies each value
            out.append(fig)
        state.last_measure = (qs[-1].unit, lead.measure, lead.negative)
        return out

    def _without_flow(self, subject: Subject) -> Subject:
        prefix = flow_prefix(subject.written)
        return self._subject(subject.written[len(prefix):]) if prefix else subject

    @staticmethod
    def _assign(group: list[Quantity], subjects: list[Subject], lead: Lead):
        n, m = len(group), len(subjects)
        if m == n:
            return list(zip(group, subjects))
        if m == 1:
            return [(q, subjects[0]) for q in group]
        if n == 1:
            if lead.each:
                return [(group[0], s) for s in subjects]
            return [(group[0], subjects[-1])]
        pairs = list(zip(group, subjects))
        pairs += [(q, subjects[-1]) for q in group[m:]]
        return pairs

    def _figure(self, q: Quantity, subj: Subject, lead: Lead, base: int, in_paren: bool, alt: bool) -> Figure:
        dic = self.dic
        measure = lead.measure
        name, known = subj.name, subj.known
        if q.qualifier == "持平":
            measure = "growth"
        elif lead.share:
            full = dic.resolve(lead.subject_full) if lead.subject_full and lead.subject else None
            if full is not None and dic.is_ratio(full):
                name, known, measure = full, True, "level"
            else:
                base_name = dic.resolve(lead.share_base) if lead.share_base else None
                ratio = dic.share(subj.name if subj.known else None, base_name)
                if ratio is not None:
                    name, known, measure = ratio, True, "level"
        if measure == "growth" and q.unit not in dic.growth_units and q.qualifier != "持平":
            measure = "change"
        elif measure == "multiple" and q.unit != "倍":
            measure = "level"
        elif measure == "level" and lead.flow:
            measure = "change"
        if known and dic.is_ratio(name) and measure == "share":
            measure = "level"
        if known and not dic.unit_fits(name, q.unit, measure):
            name, known = subj.written, False
        value = q.value
        if lead.negative and measure in ("growth", "change", "gap"):
            value = -value
        if lead.contribution and measure == "growth":
            measure = "contribution"
        return Figure(start=base + q.start, end=base + q.end, value=value, unit=q.unit, qualifier=q.qualifier,
                      subject=subj.written, indicator=name or subj.written, known=known, measure=measure,
                      lead=lead, in_paren=in_paren, alt_basis=alt,
                      flow=bool(flow_prefix(subj.written)) or lead.flow)
