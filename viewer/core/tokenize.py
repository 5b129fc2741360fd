"""Chinese word tokens with offsets: a pre-pass of our own rules, then jieba on the Chinese, policy terms.

``Tokenizer`` segments with one of two backends: ``"rjieba"`` (jieba-rs, the Rust port: ~0.3 s to start in
a new process, 2–3M characters/s) or ``"jieba"`` (the Python original, the reference: ~1 s to start even
with its prefix-dictionary cache, ~0.35M characters/s); ``bench/bench_tokenize.py`` measures both.
``"auto"`` (the default) takes rjieba when it is installed. Both give the same tokens, because

* the pre-pass tokenises everything the two implementations treat differently: number+unit expressions
  (``5.5%左右``, ``1.2万亿元``), dates (``2021-03-24``), Latin/digit compounds (``PM2.5``, ``COVID-19``),
  and every other character that is neither a Chinese character (U+4E00–U+9FD5, jieba's range) nor an
  ASCII letter or digit (punctuation, spaces, rare CJK from other blocks, supplementary-plane characters:
  one token each, ``\r\n`` together);
* a backend only ever segments runs of Chinese characters and ASCII letters/digits, where jieba and
  jieba-rs run the same algorithm (DAG + HMM) on the same dictionary;
* both load the same user dictionary with the same frequencies: jieba's own (``suggest_freq`` for a word
  listed without one), resolved once by jieba and cached in the app cache folder; and jieba-rs's dictionary
  total is padded to jieba's (jieba counts a duplicate dictionary line and a re-added word twice, jieba-rs
  once).

Each distinct text is tokenised once (cached by content hash). Build one ``Tokenizer`` per process and pass it
around. Every token carries its span in the text; the tokens of a text are contiguous and cover it exactly.
"""
from __future__ import annotations

import bisect
import hashlib
import importlib.util
import json
import logging
import os
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from viewer.core.atomic import write_text_atomic
from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

USER_DICT_NAME = "jieba_user_dict.txt"
BACKENDS = ("auto", "rjieba", "jieba")
_JIEBA_CACHE_NAME = "jieba.cache"
_RESOLVED_FORMAT = 1
# A word no text can reach (the backends only see Chinese and ASCII): carries the dictionary-total padding.
_TOTAL_PAD = "\U000F0000"

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
# Dates are one token: 2021-03-24, 2021/3/24, 2021.03.24 (the same separator twice).
_DATE = r"(?<![A-Za-z0-9.])\d{4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,2}(?![A-Za-z0-9]|[-/.:_][A-Za-z0-9])"
# A chain of ASCII letters/digits joined by - . / : _ with a letter in it is one token: PM2.5, COVID-19,
# T3A-2, www.gov.cn. A chain of digits only is numbers and signs (5.5-6.5% -> 5.5 / - / 6.5%). Possessive
# and anchored at the chain's start, so a long chain costs linear time.
_ASCII_COMPOUND = (
    r"(?<![A-Za-z0-9])(?<![A-Za-z0-9][-./:_])"       # the start of a chain
    r"(?=[A-Za-z0-9]*+[-./:_][A-Za-z0-9])"            # with a joint
    r"(?:[0-9]++[-./:_](?=[A-Za-z0-9]))*+"            # digit groups, then the first group with a letter
    r"[0-9]*+[A-Za-z][A-Za-z0-9]*+(?:[-./:_][A-Za-z0-9]++)*+"
)
# (The leading lookahead lets the regex engine skip Chinese text fast: 4x quicker, same matches.)
PREPASS_RE = re.compile(rf"(?=[\dA-Za-z])(?:{_ASCII_COMPOUND}|{_DATE}|{NUMBER_UNIT_RE.pattern})")
# Between pre-pass tokens: runs a backend segments, else one character (``\r\n`` together, as jieba does).
_GAP_RE = re.compile(r"([\u4E00-\u9FD5A-Za-z0-9]+)|\r\n|.", re.DOTALL)
# jieba's user-dictionary line: "word [freq] [tag]" (jieba.re_userdict).
_USER_LINE_RE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")

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


def rjieba_available() -> bool:
    return importlib.util.find_spec("rjieba") is not None


# -- user dictionary -----------------------------------------------------------------------------------------
class UserWord(NamedTuple):
    word: str
    freq: int | None
    tag: str | None


def read_user_dict(path: str | os.PathLike[str]) -> list[UserWord]:
    """The entries of a jieba user dictionary, parsed exactly as ``jieba.Tokenizer.load_userdict`` does."""
    out: list[UserWord] = []
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.strip().decode("utf-8").lstrip("\ufeff")
            if line:
                word, freq, tag = _USER_LINE_RE.match(line).groups()  # type: ignore[union-attr]
                out.append(UserWord(word, int(freq) if freq else None, tag.strip() if tag else None))
    return out


def _jieba_dict_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is not None and spec.origin:
        return Path(spec.origin).parent / "dict.txt"
    import jieba  # a frozen build without file origins

    return Path(jieba.__file__).parent / "dict.txt"


def _resolved_key(words_bytes: bytes) -> str:
    """Names the cached resolution: format, jieba's version and dictionary size, the user words."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        jieba_version = version("jieba")
    except PackageNotFoundError:  # a frozen build without package metadata
        jieba_version = "?"
    h = hashlib.blake2b(digest_size=12)
    for part in (str(_RESOLVED_FORMAT), jieba_version, str(_jieba_dict_path().stat().st_size)):
        h.update(part.encode() + b"\0")
    h.update(words_bytes)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class ResolvedUserDict:
    """User words with the frequencies jieba gives them, and what to add to jieba-rs's dictionary total to
    make it jieba's."""

    words: tuple[tuple[str, int, str | None], ...]
    total_pad: int

    @classmethod
    def by_jieba(cls, engine, words: list[UserWord]) -> ResolvedUserDict:
        """Add ``words`` to a freshly initialised ``jieba.Tokenizer`` and record what it did."""
        rust_total = sum(engine.FREQ.values())  # jieba-rs: each word once (jieba: each line, 'B超' twice)
        out = []
        for w in words:
            prev = engine.FREQ.get(w.word, 0)
            engine.add_word(w.word, w.freq, w.tag)  # jieba's own suggest_freq when freq is None
            freq = engine.FREQ[w.word]
            out.append((w.word, freq, w.tag))
            if freq:
                rust_total += freq - prev  # jieba-rs replaces a word's count in its total; jieba adds to it
        return cls(tuple(out), engine.total - rust_total)

    def to_json(self) -> str:
        return json.dumps({"format": _RESOLVED_FORMAT, "words": self.words, "total_pad": self.total_pad},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, words: list[UserWord]) -> ResolvedUserDict | None:
        try:
            data = json.loads(text)
            resolved = tuple((str(w), int(f), None if t is None else str(t)) for w, f, t in data["words"])
            if data["format"] != _RESOLVED_FORMAT or [r[0] for r in resolved] != [w.word for w in words]:
                return None
            return cls(resolved, int(data["total_pad"]))
        except (ValueError, KeyError, TypeError):
            return None


# -- backends ------------------------------------------------------------------------------------------------
class Backend(Protocol):
    name: str

    def cut(self, runs: str) -> list[str]: ...  # words of "\n"-separated runs of Chinese / ASCII alnum
    def is_known(self, word: str) -> bool: ...
    def frequency(self, word: str) -> int: ...


class JiebaBackend:
    """Python jieba (the reference)."""

    name = "jieba"

    def __init__(self, engine, hmm: bool) -> None:
        self.engine, self._hmm = engine, hmm

    def cut(self, runs: str) -> list[str]:
        return list(self.engine.cut(runs, HMM=self._hmm))

    def is_known(self, word: str) -> bool:
        return bool(self.engine.FREQ.get(word))

    def frequency(self, word: str) -> int:
        return int(self.engine.FREQ.get(word) or 0)


class RJiebaBackend:
    """jieba-rs through rjieba. ``cut`` takes ``&self`` and releases the GIL, and the dictionary is never
    changed once built, so worker threads segment concurrently without a lock."""

    name = "rjieba"

    def __init__(self, engine, hmm: bool, user_freq: dict[str, int]) -> None:
        self.engine, self._hmm, self._user_freq = engine, hmm, user_freq
        self._freq: dict[str, int] | None = None
        self._freq_lock = threading.Lock()

    def cut(self, runs: str) -> list[str]:
        return self.engine.cut(runs, self._hmm)

    def is_known(self, word: str) -> bool:
        if word in self._user_freq:
            return self._user_freq[word] > 0
        return word != _TOTAL_PAD and self.engine.has_word(word)

    def frequency(self, word: str) -> int:
        """jieba's count of ``word`` (rjieba cannot tell): read from jieba's dictionary file on first use."""
        if word in self._user_freq:
            return self._user_freq[word]
        if not self.is_known(word):
            return 0
        with self._freq_lock:
            if self._freq is None:
                self._freq = self._load_frequencies()
        return self._freq.get(word, 0)

    @staticmethod
    def _load_frequencies() -> dict[str, int]:
        freq: dict[str, int] = {}
        with open(_jieba_dict_path(), encoding="utf-8") as fh:
            for line in fh:
                word, f = line.split(" ", 2)[:2]
                freq[word] = int(f)
        return freq


class Tokenizer:
    """Word segmentation with offsets: the pre-pass, then jieba or jieba-rs on the Chinese, policy terms,
    and a per-text cache.

    ``backend``: ``"auto"`` (rjieba when installed, else jieba), ``"rjieba"`` or ``"jieba"``. The backend
    starts lazily, on the first ``tokenize`` (or ``warm_up``), so building this object is cheap. Thread-safe:
    the UI tokenises from worker threads.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike[str] | None = None,
        user_dict: str | os.PathLike[str] | None = None,
        *,
        hmm: bool = True,
        max_cached_texts: int = 64,
        backend: str = "auto",
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown tokenizer backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        self._cache_dir = Path(cache_dir) if cache_dir is not None else app_cache_dir()
        self._user_dict = Path(user_dict) if user_dict is not None else default_user_dict()
        self._hmm = hmm
        self._max_cached = max_cached_texts
        self._auto = backend == "auto"
        self._backend_name = ("rjieba" if rjieba_available() else "jieba") if self._auto else backend
        self._backend: Backend | None = None
        self._init_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, TokenizedText] = OrderedDict()

    @property
    def backend(self) -> str:
        """The backend in use, "rjieba" or "jieba" ("auto" turns to jieba if rjieba fails to load)."""
        return self._backend_name

    # -- backends --------------------------------------------------------------------------------------------
    def _engine(self) -> Backend:
        if self._backend is not None:
            return self._backend
        with self._init_lock:
            if self._backend is None:
                self._backend = self._build_backend()
        return self._backend

    def _build_backend(self) -> Backend:
        if self._backend_name == "rjieba":
            try:
                return self._build_rjieba()
            except ImportError as exc:
                if not self._auto:
                    raise
                log.warning("rjieba cannot be loaded (%s); using jieba", exc)
                self._backend_name = "jieba"
        return JiebaBackend(self._build_jieba(self._user_words()), self._hmm)

    def _user_words(self) -> list[UserWord]:
        if self._user_dict.is_file():
            return read_user_dict(self._user_dict)
        log.warning("jieba user dictionary not found: %s", self._user_dict)
        return []

    def _build_jieba(self, words: list[UserWord]):
        import jieba

        engine = jieba.Tokenizer()
        engine.tmp_dir = str(self._writable_cache_dir())
        engine.cache_file = _JIEBA_CACHE_NAME
        jieba_log = logging.getLogger("jieba")
        old_level = jieba_log.level
        jieba_log.setLevel(logging.WARNING)  # jieba logs "Building prefix dict..." at DEBUG to stderr
        try:
            engine.initialize()
        finally:
            jieba_log.setLevel(old_level)
        for w in words:  # what load_userdict does, line by line
            engine.add_word(w.word, w.freq, w.tag)
        return engine

    def _build_rjieba(self) -> RJiebaBackend:
        import rjieba  # its import also builds rjieba's own module-level instance (~0.15 s), unused here

        engine = rjieba.Jieba()
        resolved = self._resolved_user_dict()
        user_freq: dict[str, int] = {}
        if resolved is None:  # jieba is not installed: jieba-rs's own suggest_freq (may differ by one)
            for w in self._user_words():
                user_freq[w.word] = engine.add_word(w.word, w.freq, w.tag)
        else:
            for word, freq, tag in resolved.words:
                user_freq[word] = freq
                if freq:
                    engine.add_word(word, freq, tag)
                else:
                    log.warning("user word %r has frequency 0 (force split): not supported by rjieba", word)
            if resolved.total_pad:
                engine.add_word(_TOTAL_PAD, resolved.total_pad, None)
        return RJiebaBackend(engine, self._hmm, user_freq)

    def _resolved_user_dict(self) -> ResolvedUserDict | None:
        """The user dictionary as jieba resolves it: from the cache folder, else worked out by jieba."""
        words = self._user_words()
        if importlib.util.find_spec("jieba") is None:
            log.warning("jieba is not installed: rjieba resolves the user dictionary itself")
            return None
        key = _resolved_key("\n".join(f"{w.word} {w.freq} {w.tag}" for w in words).encode("utf-8"))
        folder = self._writable_cache_dir()
        path = folder / f"rjieba_userdict.{key}.json"
        try:
            cached = ResolvedUserDict.from_json(path.read_text(encoding="utf-8"), words)
            if cached is not None:
                return cached
        except OSError:
            pass
        resolved = ResolvedUserDict.by_jieba(self._build_jieba([]), words)
        try:
            write_text_atomic(path, resolved.to_json())
        except OSError as exc:
            log.info("cannot cache the resolved user dictionary in %s: %s", folder, exc)
        return resolved

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
        """Start the backend now (e.g. in a worker at start-up) rather than on the first ``tokenize``."""
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
        return self._engine().is_known(word)

    def frequency(self, word: str) -> int:
        """jieba's dictionary count of ``word`` (of ~60 million), 0 when unknown; user words as resolved.
        With rjieba the first call reads jieba's dictionary file (~0.3 s)."""
        return self._engine().frequency(word)

    def clear_cache(self) -> None:
        """Forget the tokenised texts (the backend stays initialised)."""
        with self._cache_lock:
            self._cache.clear()

    def words(self, text: str) -> list[str]:
        return list(self.tokenize(text).words)

    def _tokenize_uncached(self, text: str) -> TokenizedText:
        # Pre-pass tokens and single characters are ours; runs of Chinese / ASCII letters+digits go to the
        # backend in one call, joined by "\n" (a token of its own in jieba and jieba-rs: runs never merge).
        items: list[tuple[str | None, int, int]] = []  # (word, start, end), word None for a backend run
        runs: list[str] = []

        def add_gap(start: int, end: int) -> None:
            for g in _GAP_RE.finditer(text, start, end):
                run = g.group(1)
                if run is not None:
                    runs.append(run)
                items.append((None if run is not None else g.group(), g.start(), g.end()))

        pos = 0
        for m in PREPASS_RE.finditer(text):
            if m.start() > pos:
                add_gap(pos, m.start())
            items.append((m.group(), m.start(), m.end()))
            pos = m.end()
        if pos < len(text):
            add_gap(pos, len(text))

        backend_words = iter(self._engine().cut("\n".join(runs)) if runs else ())
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for word, start, end in items:
            if word is not None:
                words.append(word)
                starts.append(start)
                ends.append(end)
                continue
            pos = start
            while pos < end:
                word = next(backend_words)
                words.append(word)
                starts.append(pos)
                pos += len(word)
                ends.append(pos)
            if pos != end or next(backend_words, "\n") != "\n":
                raise RuntimeError(f"the {self._backend_name} backend did not keep to {text[start:end]!r}")
        return TokenizedText(text, tuple(words), tuple(starts), tuple(ends))
