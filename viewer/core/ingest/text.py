"""Decode the bytes of a plain-text report: BOM, UTF-8, UTF-16/32, then Chinese legacy encodings.

Never returns mojibake silently: every guess (other than a BOM or strict UTF-8) is checked to be mostly
CJK / ASCII / punctuation before it is accepted; otherwise :class:`DecodeError` is raised.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from viewer.core.errors import DecodeError, UnsupportedFormat

# (bom, python codec, reported encoding). UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

_SAMPLE = 1 << 16  # bytes / chars looked at by the statistical checks

# magic numbers of common binary formats, for a precise "not text" message
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (.docx/.xlsx/.zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls/.wps)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
)

# C0 controls other than \t \n \v \f \r, ESC and SUB (old DOS files), DEL and the C1 controls
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27)) + b"\x7f"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x9f]")

# characters a Chinese (or plain ASCII) text is made of
_GOOD = re.compile(
    r"[\t\n\r\x0b\x0c\x20-\x7e\u00a0-\u00bf\u00d7\u00f7\u0391-\u03c9\u2000-\u27bf\u2e80-\u2fdf"
    r"\u3000-\u30ff\u3100-\u312f\u3190-\u31ef\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Latin letters with accents: a decoded non-Chinese text (cp1252 ...) may have a few
_LATIN = re.compile(r"[\u00c0-\u024f]")


def binary_kind(data: bytes) -> str:
    """A short description of a known binary format by its magic number ("" when unknown)."""
    for magic, what in _MAGIC:
        if data.startswith(magic) and what:
            return what
    return ""


def _binary_error(data: bytes, path: str | Path | None) -> UnsupportedFormat:
    what = binary_kind(data)
    reason = f"looks like a binary file ({what}), not text" if what else "looks like a binary file, not text"
    return UnsupportedFormat(path, reason)


def _wide_candidates(data: bytes) -> list[str]:
    """BOM-less UTF-16/32 codecs to try, most likely first, judged by where the NUL bytes sit.

    ASCII characters (newlines, digits) put a NUL on one side of each code unit; a few CJK characters
    (U+4E00, U+5000 ...) put one on the other side, so the test is "clearly more on one side".
    """
    sample = data[:_SAMPLE]
    n = len(sample)
    if n < 4:
        return []
    out: list[str] = []
    if len(data) % 4 == 0:  # UTF-32: 2 of 4 bytes NUL for every BMP character
        quads = [sample[i::4].count(0) for i in range(4)]
        q = n // 4
        if quads[2] >= 0.9 * q and quads[3] >= 0.9 * q:
            out.append("utf-32-le")
        elif quads[0] >= 0.9 * q and quads[1] >= 0.9 * q:
            out.append("utf-32-be")
    nul_even = sample[0::2].count(0)
    nul_odd = sample[1::2].count(0)
    if nul_odd >= 3 * nul_even:
        out.append("utf-16-le")
    elif nul_even >= 3 * nul_odd:
        out.append("utf-16-be")
    return out


def _sample_text(text: str) -> str:
    """Beginning, middle and end of a long text: enough for the statistics, bounded in time."""
    if len(text) <= 3 * _SAMPLE:
        return text
    mid = len(text) // 2
    return text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]


def _too_many_controls(text: str) -> bool:
    sample = _sample_text(text)
    return len(_CONTROL_CHARS.findall(sample)) > max(8, len(sample) // 200)


def plausibility(text: str) -> float:
    """Share (0..1) of characters in the sample that belong to CJK / ASCII / punctuation."""
    sample = _sample_text(text)
    if not sample:
        return 1.0
    return len(_GOOD.findall(sample)) / len(sample)


def is_plausible(text: str) -> bool:
    sample = _sample_text(text)
    if not sample or _too_many_controls(sample):
        return False
    good = len(_GOOD.findall(sample))
    latin = len(_LATIN.findall(sample))
    return (good + min(latin, len(sample) // 5)) >= 0.97 * len(sample)


def _common_share(text: str, encoding: str) -> float:
    """Share of Han characters that are in the "frequent" block of ``encoding``.

    GB2312 level 1 (lead byte B0-D7) holds the 3755 most used simplified characters, Big5 level 1 (A440-C67E)
    the 5401 most used traditional ones. Real text scores > 0.9 in its own encoding; the same bytes decoded
    with the other encoding land on rare characters and score much lower.
    """
    hans = _CJK.findall(_sample_text(text))[:20000]
    if not hans:
        return 0.0
    common = 0
    for ch in hans:
        try:
            b = ch.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if encoding == "gb18030":
            common += 0xB0 <= b[0] <= 0xD7
        else:
            common += (0xA4, 0x40) <= (b[0], b[1]) <= (0xC6, 0x7E)
    return common / len(hans)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _head_decode(data: bytes, codec: str) -> str | None:
    """Strictly decode the first ``4 * _SAMPLE`` bytes (a multibyte sequence cut at the end is not an error)."""
    head = data[: 4 * _SAMPLE]
    try:
        return codecs.getincrementaldecoder(codec)().decode(head, final=len(head) == len(data))
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a handful of broken bytes (a damaged download): decode, with U+FFFD for the bad bytes.

    Text in another encoding read as UTF-8 breaks at nearly every non-ASCII character; accept only when
    there is enough text to judge and at most 1 in 1000 non-ASCII characters is broken.
    """

    def acceptable(chunk: bytes, text: str) -> bool:
        non_ascii_chars = len(chunk.translate(None, bytes(range(128)))) / 3
        bad = text.count("\ufffd") - chunk.count(b"\xef\xbf\xbd")
        return non_ascii_chars >= 200 and bad <= max(1.0, non_ascii_chars / 1000)

    head = data[: 4 * _SAMPLE]
    if not acceptable(head, head.decode("utf-8", errors="replace")):
        return None
    text = data.decode("utf-8", errors="replace")
    return text if acceptable(data, text) else None


def _chinese_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 (superset of GBK/GB2312) or Big5, whichever decodes and reads as real text.

    The candidates are judged on the first 256 KB; only the winner decodes the whole file.
    """
    candidates: list[tuple[float, str, str]] = []
    for codec, name in (("gb18030", "gb18030"), ("big5hkscs", "big5")):
        head = _head_decode(data, codec)
        if head is not None and is_plausible(head):
            candidates.append((_common_share(head, name), name, codec))
    # a tie (short texts) goes to GB18030: these are mainland reports
    candidates.sort(key=lambda c: (c[0] + (0.05 if c[1] == "gb18030" else 0.0)), reverse=True)
    for score, name, codec in candidates:
        if score < 0.5:
            break
        text = _try(data, codec)
        if text is not None and is_plausible(text):
            return text, name
    return None


def _charset_normalizer(data: bytes, isolation: list[str] | None) -> str | None:
    from charset_normalizer import from_bytes

    kwargs = {"cp_isolation": isolation} if isolation else {}
    best = from_bytes(data[: 4 * _SAMPLE], **kwargs).best()
    if best is None:
        return None
    enc = best.encoding.lower().replace("_", "-")
    if enc in ("gbk", "gb2312", "gb18030", "cp936", "hz"):
        return "gb18030"
    if enc in ("big5", "big5hkscs", "cp950"):
        return "big5"
    return enc


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode a text file's bytes. Returns ``(text, encoding)``; newlines become ``\\n``, a BOM is dropped.

    Order: BOM; strict UTF-8; BOM-less UTF-16/32 (when the NUL bytes say so); GB18030 / Big5 (checked for
    plausibility and character frequency); UTF-8 with a few damaged bytes; any other encoding
    charset-normalizer finds, if the result is plausible text. Raises :class:`UnsupportedFormat` for binary
    data and :class:`DecodeError` when no encoding gives readable text.
    """
    text: str | None = None
    encoding = ""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _try(data, codec)
            if text is None and codec == "utf-16" and len(data) % 2:
                text = _try(data[:-1], codec)  # a truncated last byte
            if text is None:
                label = "UTF-8" if name == "utf-8-sig" else name.upper()
                raise DecodeError(path, f"starts with a {label} byte-order mark but is not valid {label}")
            encoding = name
            break
    if text is None and b"\0" in data:
        for codec in _wide_candidates(data):
            wide = _try(data[: len(data) - len(data) % 2], codec)  # tolerate a truncated last byte
            if wide is not None and is_plausible(wide):
                text, encoding = wide, codec
                break
        else:
            raise _binary_error(data, path)
    if text is None:
        sample = data[:_SAMPLE]
        if sum(sample.count(b) for b in _CONTROL_BYTES) > max(8, len(sample) // 200):
            raise _binary_error(data, path)
        text = _try(data, "utf-8")
        encoding = "utf-8"
        if text is None:
            mostly = _mostly_utf8(data)
            found = (mostly, "utf-8") if mostly is not None else _chinese_legacy(data)
            if found is None:
                enc = _charset_normalizer(data, None)
                other = _try(data, enc) if enc else None
                if other is not None and is_plausible(other):
                    found = (other, enc or "")
            if found is None:
                if binary_kind(data):
                    raise _binary_error(data, path)
                raise DecodeError(
                    path,
                    "cannot tell the text encoding (tried UTF-8, UTF-16, GB18030 and Big5); save it as UTF-8",
                )
            text, encoding = found
    if _too_many_controls(text):
        raise _binary_error(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalize_newlines(text), encoding
