"""Refresh the UI translations: extract tr() strings (pyside6-lupdate), fill English from
resources/i18n/en.json, compile .qm (pyside6-lrelease).

    .venv/bin/python packaging/i18n.py          # exits 1 if a UI string has no English translation
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "report_compare_en.ts"
QM = I18N / "report_compare_en.qm"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def extract(ts: Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "viewer" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)


PDF_CONTEXT = "PdfExport"   # viewer/export/*.py translate through t(text) == translate("PdfExport", text)


def export_strings() -> list[str]:
    """The literal arguments of ``t("…")`` calls in viewer/export/ (lupdate does not see through the helper)."""
    import ast

    found: dict[str, None] = {}
    for path in sorted((ROOT / "viewer" / "export").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "t_noop")
                    and len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    return list(found)


def add_context(ts: Path, name: str, strings: list[str]) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    for ctx in root.findall("context"):
        if ctx.findtext("name") == name:
            root.remove(ctx)
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = name
    for text in strings:
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def sources_in(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}


def fill(ts: Path, english: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation")
        if source in english:
            tr.text = english[source]
            tr.attrib.pop("type", None)
        else:
            tr.set("type", "unfinished")
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    english = json.loads((I18N / "en.json").read_text(encoding="utf-8"))
    extract(TS)
    add_context(TS, PDF_CONTEXT, export_strings())
    missing = fill(TS, english)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for s in missing:
        print(f"no English for: {s!r}")
    print(f"{QM.relative_to(ROOT)}: {len(sources_in(TS)) - len(missing)} strings translated, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
