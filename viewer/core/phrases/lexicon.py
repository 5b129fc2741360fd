"""Word knowledge the phrase analyses share: the intensity lexicon (``resources/intensity_lexicon.json``) and
jieba's part-of-speech tags (the third column of jieba's ``dict.txt``).

Both load once per process and are cached by path (``functools.lru_cache``, like the indicator dictionary).
Only the tags of non-nominal words are kept (verbs, adverbs, pronouns, numerals, adjectives, ...): a word jieba
knows and that is not among them is nominal; a word jieba does not know is a name it had to guess (a project, a
company, a place) and counts as nominal too.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

LEXICON_NAME = "intensity_lexicon.json"

VERB, FUNCTION, ADJECTIVE, NOMINAL, VERBAL_NOUN = "verb", "function", "adjective", "nominal", "verbal_noun"
_CATEGORY = {
    "vn": VERBAL_NOUN,                                  # 建设, 发展, 消费: a noun or a verb
    **dict.fromkeys(("v", "vg", "vd", "vi", "vq"), VERB),
    **dict.fromkeys(("d", "df", "dg", "r", "rr", "rg", "rz", "p", "c", "u", "uj", "ul", "uv", "ud", "uz", "ug",
                     "y", "e", "o", "k", "h", "f", "m", "mq", "mg", "q", "x", "t", "tg"), FUNCTION),
    **dict.fromkeys(("a", "ad", "ag", "z", "b"), ADJECTIVE),
}
_VERB_TAGS = frozenset(("v", "vg", "vd", "vi", "vq"))
_TAG_LINE = re.compile(r"^(\S+) \d+ (" + "|".join(sorted(_CATEGORY, key=len, reverse=True)) + r")$", re.M)


@dataclass(frozen=True, slots=True)
class IntensityLexicon:
    levels: dict[str, int]              # modifier -> level (-1 hedge .. 3 all-out; the plain verb is 0)
    commitments: frozenset[str]         # modifiers that qualify a figure when they stand before it
    connectors: frozenset[str]          # may stand between two modifiers
    floor_rank: dict[str, int]          # qualifier -> firmness on the floor scale ("" = an exact figure)
    ceilings: frozenset[str]            # qualifiers of the ceiling scale (以内, 以下, ...)

    @classmethod
    def from_data(cls, data: dict) -> IntensityLexicon:
        levels = {w: int(level) for level, words in data["modifiers"].items() for w in words}
        return cls(levels, frozenset(data["commitments"]), frozenset(data.get("connectors", ())),
                   {k: int(v) for k, v in data["qualifiers"]["floor"].items()},
                   frozenset(data["qualifiers"]["ceiling"]))

    @property
    def longest(self) -> int:
        return max(map(len, self.levels), default=0)

    def split_modifiers(self, text: str) -> tuple[list[str], str]:
        """Leading modifiers of ``text`` (longest match first, connectors between them skipped) and the rest."""
        found: list[str] = []
        pos = 0
        longest = self.longest
        while pos < len(text):
            word = next((text[pos:pos + n] for n in range(min(longest, len(text) - pos), 0, -1)
                         if text[pos:pos + n] in self.levels), None)
            if word is not None:
                found.append(word)
                pos += len(word)
            elif found and text[pos] in self.connectors:
                pos += 1
            else:
                break
        if found and pos < len(text) and text[pos - 1] in self.connectors:  # a trailing connector is the rest's
            pos -= 1
        return found, text[pos:]

    def level(self, modifiers: list[str]) -> int:
        """The strength of a run of modifiers: its strongest push, or its strongest hedge when it only hedges
        (积极稳妥 is 1; 稳步 is -1; none is 0)."""
        values = [self.levels[m] for m in modifiers]
        if not values:
            return 0
        top = max(values)
        return top if top > 0 else min(values)

    def qualifier_rank(self, qualifier: str) -> int | None:
        """Firmness of a qualifier on the floor scale; None for a ceiling or an unknown qualifier."""
        return self.floor_rank.get(qualifier)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> IntensityLexicon:
    p = Path(path) if path else resources_dir() / LEXICON_NAME
    return IntensityLexicon.from_data(json.loads(p.read_text(encoding="utf-8")))


class WordTags:
    """Coarse word classes from jieba's dictionary: ``category(word)`` is verb, verbal noun, function word,
    adjective or nominal."""

    def __init__(self, non_nominal: dict[str, str]) -> None:
        self._tags = non_nominal
        self._verbs: dict[int, frozenset[str]] = {}

    def category(self, word: str) -> str:
        tag = self._tags.get(word)
        return _CATEGORY[tag] if tag is not None else NOMINAL

    def is_verb(self, word: str) -> bool:
        return self._tags.get(word) in _VERB_TAGS

    def verbs(self, length: int) -> frozenset[str]:
        """The verbs of ``length`` characters (for scanning text position by position)."""
        if length not in self._verbs:
            self._verbs[length] = frozenset(w for w, t in self._tags.items() if len(w) == length and t in _VERB_TAGS)
        return self._verbs[length]

    def __len__(self) -> int:
        return len(self._tags)


@lru_cache(maxsize=2)
def load_word_tags(path: str | None = None) -> WordTags:
    """Tags of jieba's dictionary (about 0.3 s, once); no tags at all when jieba's dictionary is missing."""
    if path is None:
        from viewer.core.tokenize import _jieba_dict_path  # the one place that finds jieba's dict.txt

        try:
            path = str(_jieba_dict_path())
        except Exception as exc:  # noqa: BLE001 - jieba not installed: every word counts as nominal
            log.warning("jieba's dictionary not found (%s): phrases are not filtered by word class", exc)
            return WordTags({})
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("cannot read jieba's dictionary %s: %s", path, exc)
        return WordTags({})
    return WordTags(dict(_TAG_LINE.findall(text)))
