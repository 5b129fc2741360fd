"""What the PyInstaller bundle carries besides Python code: the app's resources/ (explicitly, file kind by file
kind) and the data files of the libraries that read them at run time.

Used by ``report_compare.spec``; ``tests/test_packaging.py`` checks that every file in resources/ is either
bundled here or left out on purpose (EXCLUDED), so a new resource cannot silently go missing from the app.
Stdlib only (the spec runs it inside PyInstaller; the test imports it by path: this folder is not a package,
its name would shadow the ``packaging`` library).
"""
from __future__ import annotations

import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"

#: patterns (relative to resources/, ``/``-separated) of the files the app reads at run time
INCLUDED: tuple[str, ...] = (
    "samples/*.txt",          # the five sample reports the app opens with no arguments
    "samples/README.md",      # where the samples come from (licence / source notes)
    "*.json",                 # dictionaries and lexicons read by core (indicators.json ...); not i18n/*.json
    "jieba_user_dict.txt",    # policy terms for the tokenizer (viewer/core/tokenize.py)
    "style.qss",              # the app's stylesheet (viewer/ui/app.py)
    "i18n/*.qm",              # compiled translations (viewer/ui/i18n.py)
    "icon.svg",               # window icon
    "icon.png",
    "fonts/*.ttf",            # a bundled CJK font for PDF export, if one is ever shipped (viewer/export/pdf_font.py)
    "fonts/*.otf",
    "fonts/*.ttc",
    "fonts/*.otc",
    "fonts/*.txt",            # its licence
)

#: patterns left out on purpose: sources of generated files, not read by the app
EXCLUDED: tuple[str, ...] = (
    "i18n/*.ts",              # translation sources; the app loads the compiled .qm
    "i18n/*.json",            # English strings that packaging/i18n.py compiles into the .ts/.qm
)

#: Python packages whose data files are read at run time (PyInstaller's collect_data_files), with the patterns
#: (relative to the package) of data files the app never reads
PACKAGE_DATA: dict[str, tuple[str, ...]] = {
    # dict.txt (the main dictionary); not the POS tagger, keyword extraction or the paddle model
    "jieba": ("lac_small/**", "posseg/**", "analyse/**"),
    "pdfminer": (),   # CMaps for CJK fonts in PDFs (pdfminer/cmap/*.pickle.gz)
    "docx": (),       # python-docx's default template and part templates
    "pyqtgraph": (),  # icons, colormaps
}


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
                  and "__pycache__" not in p.parts)


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(rel, pat) for pat in patterns)


def included_resources(root: Path = RESOURCES) -> list[str]:
    """resources/ files (relative paths) that go into the bundle."""
    return [rel for rel in _files(root) if _matches(rel, INCLUDED) and not _matches(rel, EXCLUDED)]


def uncovered_resources(root: Path = RESOURCES) -> list[str]:
    """resources/ files that are neither bundled nor excluded on purpose (should be empty)."""
    return [rel for rel in _files(root) if not _matches(rel, INCLUDED) and not _matches(rel, EXCLUDED)]


def resource_datas(root: Path = RESOURCES) -> list[tuple[str, str]]:
    """PyInstaller ``datas`` entries: (source file, folder inside the bundle)."""
    return [(str(root / rel), str(Path("resources", rel).parent)) for rel in included_resources(root)]
