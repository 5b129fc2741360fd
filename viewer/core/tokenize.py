"""Chinese word tokens with offsets: jieba plus a number+unit pre-pass and a user dictionary of policy terms.

``Tokenizer`` owns its own ``jieba.Tokenizer`` (never the module-level one), keeps jieba's prefix-dictionary
cache in an app cache folder, keeps jieba quiet while it initialises, and tokenises each distinct text once
(cached by content hash). Build one per process and pass it around: initialising jieba takes about a second.

Every token carries its span in the text; the tokens of a text are contiguous and cover it exactly.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import os
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

USER_DICT_NAME = "jieba_user_dict.txt"
_JIEBA_CACHE_NAME = "jieba.cache"

# Number + unit expressions stay one token: "5.5%左右", "1.2万亿元", "300余家", "20.4 万人次", "2035年".
_UNITS = (
    "个百分点", "百分点", "%", "％", "‰", "倍", "元/人", "元/平方米", "亿美元", "美元", "亿元", "万元", "元",
    "平方公里", "平方米", "立方米", "公里", "千米", "米", "公顷", "亩", "万吨", "吨", "千瓦时", "千瓦", "兆瓦",
    "千伏", "KV", "kV", "kv", "辆", "台", "架", "套", "座", "条", "项", "件", "个", "家", "所", "户", "人次",
    "人", "名", "位", "张", "床", "场", "次", "批", "类", "种", "处", "栋", "间", "份", "天", "小时", "周岁",
    "岁", "年", "月", "日", "微克/立方米",
)
_MAGNITUDES = ("万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千", "百")
_QUALIFIERS = ("左右", "以上", "以下", "以内")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUMBER_UNIT_RE = re.compile(
    r"(?<![A-Za-z0-9.])"                      # not the tail of PM2.5 or a version number
    r"\d++(?:[.．]\d++)?(?:,\d{3}(?!\d))*"    # 12 / 5.5 / 1,000 (possessive: never a shorter number)
    r"(?:[ \t\u3000]?(?:" + _alternation(_MAGNITUDES) + r"))?"
    r"(?:余|多)?"
    r"(?:[ \t\u3000]?(?:" + _alternation(_UNITS) + r"))?"
    r"(?:" + _alternation(_QUALIFIERS) + r")?"
    r"(?![A-Za-z])"                           # not the head of 5G, 3D or T3B
)

_PUNCT_OR_SPACE = re.compile(r"^[\W_]+$")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def is_content(word: str) -> bool:
    """A word that carries meaning (not punctuation or whitespace)."""
    return not _PUNCT_OR_SPACE.match(word)


@dataclass(frozen=True, slots=True, eq=False)
class TokenizedText:
    """The tokens of one text: parallel tuples ``words``, ``starts``, ``ends`` covering ``text`` exactly."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Token]:
        return (Token(w, s, e) for w, s, e in zip(self.words, self.starts, self.ends))

    def index_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``[i, j)`` of the tokens that overlap ``[start, end)``."""
        i = bisect.bisect_right(self.ends, start)
        if end <= start:
            return i, i
        j = bisect.bisect_left(self.starts, end)
        return i, max(i, j)

    def span(self, start: int, end: int) -> list[Token]:
        """Tokens of ``text[start:end]``, the first and last clipped to the span, so they cover it exactly."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside a text of {len(self.text)} characters")
        i, j = self.index_range(start, end)
        out: list[Token] = []
        for k in range(i, j):
            s, e = max(self.starts[k], start), min(self.ends[k], end)
            if s < e:
                whole = (s, e) == (self.starts[k], self.ends[k])
                out.append(Token(self.words[k] if whole else self.text[s:e], s, e))
        return out

    def span_parts(self, start: int, end: int) -> tuple[list[str], list[int]]:
        """Like ``span`` as two lists, the words and their end offsets (the fast path for diffing)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside a text of {len(self.text)} characters")
        i, j = self.index_range(start, end)
        if i >= j:
            return [], []
        words = list(self.words[i:j])
        ends = list(self.ends[i:j])
        if self.starts[i] < start:
            words[0] = self.text[start:ends[0]]
        if ends[-1] > end:
            words[-1] = self.text[max(start, self.starts[j - 1]):end]
            ends[-1] = end
        return words, ends

    def span_words(self, start: int, end: int) -> list[str]:
        """Content words fully inside ``[start, end)`` (no punctuation, no clipped edges): for similarity."""
        i, j = self.index_range(start, end)
        return [
            self.words[k] for k in range(i, j)
            if self.starts[k] >= start and self.ends[k] <= end and is_content(self.words[k])
        ]


def app_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/report-compare`` (default ``~/.cache/report-compare``); not created here."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "report-compare"


def default_user_dict() -> Path:
    return resources_dir() / USER_DICT_NAME


class Tokenizer:
    """jieba word segmentation with offsets, a number+unit pre-pass, policy terms, and a per-text cache.

    jieba is initialised lazily, on the first ``tokenize`` (about 1 s), so building this object is cheap.
    Thread-safe: the UI may tokenise from worker threads.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike[str] | None = None,
        user_dict: str | os.PathLike[str] | None = None,
        *,
        hmm: bool = True,
        max_cached_texts: int = 64,
    ) -> None:
        self._cache_dir = Path(cache_dir) if cache_dir is not None else app_cache_dir()
        self._user_dict = Path(user_dict) if user_dict is not None else default_user_dict()
        self._hmm = hmm
        self._max_cached = max_cached_texts
        self._jieba = None
        self._init_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, TokenizedText] = OrderedDict()

    # -- jieba -----------------------------------------------------------------------------------------------
    def _engine(self):
        if self._jieba is not None:
            return self._jieba
        with self._init_lock:
            if self._jieba is None:
                self._jieba = self._build_engine()
        return self._jieba

    def _build_engine(self):
        import jieba

        engine = jieba.Tokenizer()
        engine.tmp_dir = str(self._writable_cache_dir())
        engine.cache_file = _JIEBA_CACHE_NAME
        jieba_log = logging.getLogger("jieba")
        old_level = jieba_log.level
        jieba_log.setLevel(logging.WARNING)  # jieba logs "Building prefix dict..." at DEBUG to stderr
        try:
            engine.initialize()
            if self._user_dict.is_file():
                engine.load_userdict(str(self._user_dict))
            else:
                log.warning("jieba user dictionary not found: %s", self._user_dict)
        finally:
            jieba_log.setLevel(old_level)
        return engine

    def _writable_cache_dir(self) -> Path:
        try:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            if os.access(self._cache_dir, os.W_OK):
                return self._cache_dir
        except OSError:
            pass
        fallback = Path(tempfile.gettempdir()) / "report-compare"
        fallback.mkdir(parents=True, exist_ok=True)
        log.info("cache folder %s is not writable; using %s", self._cache_dir, fallback)
        return fallback

    def warm_up(self) -> None:
        """Initialise jieba now (e.g. in a worker at start-up) rather than on the first ``tokenize``."""
        self._engine()

    # -- tokenising ------------------------------------------------------------------------------------------
    def tokenize(self, text: str) -> TokenizedText:
        """Tokens of ``text``; a text already seen (same content) is served from the cache."""
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        result = self._tokenize_uncached(text)
        with self._cache_lock:
            self._cache[key] = result
            while len(self._cache) > self._max_cached:
                self._cache.popitem(last=False)
        return result

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is in jieba's dictionary (or the user dictionary): general vocabulary, not a name
        that jieba had to guess."""
        return bool(self._engine().FREQ.get(word))

    def clear_cache(self) -> None:
        """Forget the tokenised texts (jieba stays initialised)."""
        with self._cache_lock:
            self._cache.clear()

    def words(self, text: str) -> list[str]:
        return list(self.tokenize(text).words)

    def _tokenize_uncached(self, text: str) -> TokenizedText:
        engine = self._engine()
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []

        def add_segment(segment: str, offset: int) -> None:
            if not segment:
                return
            for word, s, e in engine.tokenize(segment, HMM=self._hmm):
                words.append(word)
                starts.append(offset + s)
                ends.append(offset + e)

        pos = 0
        for m in NUMBER_UNIT_RE.finditer(text):
            add_segment(text[pos:m.start()], pos)
            words.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
            pos = m.end()
        add_segment(text[pos:], pos)
        return TokenizedText(text, tuple(words), tuple(starts), tuple(ends))
