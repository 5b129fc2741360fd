"""The indicator dictionary (``resources/indicators.json``): canonical names, synonyms, unit families, ratios.

``IndicatorDictionary.resolve(phrase)`` maps a subject phrase as written to a canonical name, or None:
  * the whole phrase is a synonym once scope words are stripped (全区生产总值, 全社会固定资产投资), or
  * the phrase ends with a synonym and what precedes it is a verb or scope word (实现地区生产总值, 拉动规上工业总产值)
    — never a modifier that changes the meaning (人均…, 单位…能耗, 新增…, 民间…), or
  * the synonym is followed only by an adverbial (地区生产总值在全市率先…) or a noise word (科技型企业总量).
``share(subject, base)`` names the ratio defined as subject over base (研发经费投入 / 地区生产总值 → 研发经费投入强度).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from viewer.core.paths import resources_dir

_YEAR_RE = re.compile(r"^\d{4}年")
NOISE_SUFFIXES = ("总量", "总数", "总额", "总规模", "规模", "数量", "数")
# what may follow an indicator name inside a lead without making it a different noun (an adverbial or a verb)
ADVERBIAL_START_RE = re.compile(
    r"^(?:在|于|较|比|同比|由|从|继续|持续|连续|稳步|首次|率先|仍|也|已|逐|再|均|分别|年均|累计|当年|全年|保持|稳定|"
    r"实现|完成|达|增|提|降|减|下降|回落|突破|超|占|翻|是|为|居|位|迈|跃|总量|规模|预计|力争|要|将|与|同|又|到|至|"
    r"五年|[两三四五六七八九十]年)"
)


def dictionary_path() -> Path:
    return resources_dir() / "indicators.json"


@dataclass(slots=True)
class IndicatorDictionary:
    canonical: dict[str, str]                       # synonym (and canonical name) -> canonical name
    families: dict[str, str]                        # canonical -> unit family
    family_units: dict[str, frozenset[str]]         # family -> units a level figure may carry
    growth_units: frozenset[str]
    shares: dict[tuple[str, str | None], str]       # (amount, base or None) -> ratio indicator
    scope_prefixes: tuple[str, ...]
    boundary_words: tuple[str, ...]
    _synonym_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    _scope_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    _boundary_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]

    @classmethod
    def from_data(cls, data: dict) -> IndicatorDictionary:
        canonical: dict[str, str] = {}
        families: dict[str, str] = {}
        shares: dict[tuple[str, str | None], str] = {}
        for entry in data["indicators"]:
            name = entry["name"]
            families[name] = entry.get("family", "")
            for syn in (name, *entry.get("synonyms", ())):
                canonical.setdefault(syn, name)
            if "share_of" in entry:
                amount, base = entry["share_of"]
                shares[(amount, base)] = name
                shares.setdefault((amount, None), name)
        family_units = {k: frozenset(v) for k, v in data.get("unit_families", {}).items()}
        d = cls(canonical=canonical, families=families, family_units=family_units,
                growth_units=frozenset(data.get("growth_units", ("%", "个百分点", "倍"))), shares=shares,
                scope_prefixes=tuple(sorted(data.get("scope_prefixes", ()), key=len, reverse=True)),
                boundary_words=tuple(sorted(data.get("boundary_words", ()), key=len, reverse=True)))
        alternation = "|".join(re.escape(s) for s in sorted(canonical, key=len, reverse=True))
        d._synonym_re = re.compile(f"(?:{alternation})")
        scopes = "|".join(map(re.escape, d.scope_prefixes)) or r"\b\B"
        d._scope_re = re.compile(f"^(?:{scopes})")
        ends = (*d.boundary_words, *d.scope_prefixes)
        d._boundary_re = re.compile("(?:" + "|".join(map(re.escape, ends)) + r"|[、，；：（）“”\s])$")
        return d

    # --- lookups ------------------------------------------------------------------------------------------
    def strip_scope(self, phrase: str) -> str:
        while True:
            m = self._scope_re.match(phrase)
            if not m or m.end() == len(phrase):
                return phrase
            phrase = phrase[m.end():]

    def resolve(self, phrase: str) -> str | None:
        """Canonical name of the indicator ``phrase`` names, or None when it names something else."""
        phrase = phrase.strip()
        if not phrase:
            return None
        hit = self.canonical.get(phrase)
        if hit is not None:
            return hit
        core = self.strip_scope(phrase)
        hit = self.canonical.get(core)
        if hit is not None:
            return hit
        best: str | None = None
        for m in self._synonym_re.finditer(core):
            rest = core[m.end():]
            if rest and rest not in NOISE_SUFFIXES and not ADVERBIAL_START_RE.match(rest):
                continue
            before = core[: m.start()]
            if before and not self._only_verbs_and_scope(before):
                continue  # 人均… / 民间… / 临空经济示范区实现…: another subject, not this indicator
            best = self.canonical[m.group()]
            if not rest or rest in NOISE_SUFFIXES:
                return best
        return best

    def _only_verbs_and_scope(self, before: str) -> bool:
        """Whether the words before an indicator name are only verbs and scope words (全区实现, 支撑带动)."""
        rest = before
        for _ in range(8):
            m = self._boundary_re.search(rest)
            if m is None or m.start() == m.end():
                break
            rest = rest[: m.start()]
        rest = _YEAR_RE.sub("", self.strip_scope(rest) if rest else rest)
        return not rest or rest in self.scope_prefixes

    def family_of(self, name: str) -> str:
        return self.families.get(name, "")

    def unit_fits(self, name: str, unit: str, measure: str) -> bool:
        """Whether a figure in ``unit`` can be a ``measure`` of ``name`` (a guard against wrong subjects)."""
        if measure in ("growth", "average_growth"):
            return unit in self.growth_units
        if measure == "share":
            return unit in ("%", "‰")
        fam = self.families.get(name, "")
        allowed = self.family_units.get(fam)
        if not allowed:
            return True
        return unit in allowed

    def share(self, amount: str | None, base: str | None) -> str | None:
        if amount is None:
            return None
        return self.shares.get((amount, base)) or (self.shares.get((amount, None)) if base is None else None)

    def is_ratio(self, name: str) -> bool:
        return self.families.get(name) == "ratio"


@lru_cache(maxsize=4)
def load_dictionary(path: str | None = None) -> IndicatorDictionary:
    """The dictionary at ``path`` (default: the bundled resources/indicators.json), parsed once per path."""
    p = Path(path) if path else dictionary_path()
    return IndicatorDictionary.from_data(json.loads(p.read_text(encoding="utf-8")))
