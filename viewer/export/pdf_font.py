"""The CJK font for PDF export: found with QFontDatabase (a font file in ``resources/fonts/`` is added first), and
the map that corrects Qt's ToUnicode entries for it (see ``pdf_fixup``).

Qt embeds the glyphs it draws as a TrueType subset, so the text in the PDF is real text in an embedded font.
Without a Chinese font Qt would draw tofu boxes, so ``find_cjk_font`` raises ``FontMissing`` instead.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont

from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

PREFERRED = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Serif CJK SC", "Source Han Serif SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "SimHei", "SimSun", "Droid Sans Fallback", "AR PL UMing CN",
)
PROBE = "政府工作报告增长发展"   # characters every candidate must draw with its own glyphs
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
LIGATURES = {"\u2e3a": "——", "\u2e3b": "———"}   # two-/three-em dash glyphs stand for runs of em dashes
_added: set[str] = set()


class FontMissing(Exception):
    """No font that draws Chinese text is installed (or shipped in resources/fonts/)."""

    def __init__(self, tried: Iterable[str] = ()) -> None:
        self.tried = list(tried)
        hint = ("install a Chinese font (Debian/Ubuntu: apt install fonts-noto-cjk; or fonts-wqy-microhei) "
                "or put a .ttf/.otf file in resources/fonts/")
        super().__init__(f"no Chinese (CJK) font found for the PDF: {hint}")


def add_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Register the font files in ``resources/fonts/`` (once per file); returns their family names."""
    folder = folder or resources_dir() / "fonts"
    families: list[str] = []
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in FONT_SUFFIXES or str(path) in _added:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        _added.add(str(path))
        if font_id < 0:
            log.warning("could not load font file %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def available_families() -> list[str]:
    """Installed families that declare Simplified Chinese (a seam for tests)."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def draws_chinese(family: str) -> bool:
    """The family resolves to itself (no silent substitution) and has glyphs for common characters."""
    font = QFont(family)
    if QFontInfo(font).family().casefold() != family.casefold():
        return False
    raw = QRawFont.fromFont(font)
    return raw.isValid() and all(raw.supportsCharacter(ch) for ch in PROBE)


def find_cjk_font(preferred: Iterable[str] = PREFERRED) -> str:
    """The family to draw Chinese with: a bundled font first, then the preferred installed ones, then any
    family that declares Simplified Chinese and draws it. Raises ``FontMissing`` when there is none."""
    bundled = add_bundled_fonts()
    families = available_families()
    present = {f.casefold(): f for f in families + bundled}
    order = bundled + [present[p.casefold()] for p in preferred if p.casefold() in present] + families
    tried: list[str] = []
    for family in dict.fromkeys(order):
        tried.append(family)
        if draws_chinese(family):
            return family
    raise FontMissing(tried)


class UnicodeFixer:
    """Corrects Qt's glyph -> character guesses: a character the document never drew is replaced by the drawn
    character that has the same glyph in ``family`` (⼯ U+2F2F -> 工, ⻓ U+2ED3 -> 长, tab -> space)."""

    def __init__(self, family: str, used: Iterable[str]) -> None:
        self.used = set(used)
        self.raw = QRawFont.fromFont(QFont(family))
        self._by_glyph: dict[int, str] = {}
        for ch in sorted(self.used, reverse=True):  # on a tie keep the lower code point, as Qt would
            glyphs = self.raw.glyphIndexesForString(ch)
            if len(glyphs) == 1 and glyphs[0]:
                self._by_glyph[glyphs[0]] = ch

    def __call__(self, text: str) -> str | None:
        if len(text) != 1 or text in self.used:
            return None
        if text in "\t\u00a0" and " " in self.used:  # Qt's engine draws these with the space glyph
            return " "
        if text in LIGATURES and LIGATURES[text][0] in self.used:
            return LIGATURES[text]
        glyphs = self.raw.glyphIndexesForString(text)
        if len(glyphs) != 1 or not glyphs[0]:
            return None
        return self._by_glyph.get(glyphs[0])
