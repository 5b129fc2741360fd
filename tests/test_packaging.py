"""packaging/: what the PyInstaller bundle carries, the frozen-path branch, the optional dependency group, the
.desktop file and the icon. (The bundle itself is built and smoke-tested by packaging/build.py, never here.)"""
from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from viewer.core import paths

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _bundle_data():
    # by path: the folder is not a package (its name would shadow the ``packaging`` library)
    spec = importlib.util.spec_from_file_location("bundle_data", PACKAGING / "bundle_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_data = _bundle_data()


def test_every_resource_file_is_bundled_or_excluded_on_purpose():
    uncovered = bundle_data.uncovered_resources()
    assert uncovered == [], (
        f"resources/ files the bundle would miss: {uncovered}; add a pattern to INCLUDED (read at run time) or "
        "EXCLUDED (source of a generated file) in packaging/bundle_data.py"
    )


def test_bundled_resources_keep_their_place_under_resources(tmp_path):
    # a resources/ tree of every kind, the way the spec sees it: source file -> folder inside the bundle
    for rel in ("samples/a.txt", "samples/README.md", "indicators.json", "i18n/x_en.qm", "i18n/x_en.ts",
                "i18n/en.json", "style.qss", "jieba_user_dict.txt", "fonts/f.otf", "notes.docx"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    datas = dict(bundle_data.resource_datas(tmp_path))
    assert datas == {
        str(tmp_path / "samples/a.txt"): "resources/samples",
        str(tmp_path / "samples/README.md"): "resources/samples",
        str(tmp_path / "indicators.json"): "resources",
        str(tmp_path / "i18n/x_en.qm"): "resources/i18n",
        str(tmp_path / "style.qss"): "resources",
        str(tmp_path / "jieba_user_dict.txt"): "resources",
        str(tmp_path / "fonts/f.otf"): "resources/fonts",
    }
    assert bundle_data.uncovered_resources(tmp_path) == ["notes.docx"]


def test_files_the_code_reads_from_resources_are_bundled():
    included = set(bundle_data.included_resources())
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "viewer").rglob("*.py"))
    named = set(re.findall(r"resources/([\w./-]+\.\w+)", source))
    named |= set(re.findall(r'resources_dir\(\)\s*/\s*"([\w.-]+\.\w+)"', source))
    named = {n for n in named if (ROOT / "resources" / n).is_file()}
    assert len(named) >= 5, named
    assert named <= included, named - included
    # and what the resolvers return at run time
    from viewer.core.indicators.dictionary import dictionary_path
    from viewer.core.tokenize import default_user_dict

    for resolved in (default_user_dict(), dictionary_path(), *paths.sample_files()):
        assert resolved.relative_to(paths.resources_dir()).as_posix() in included
    assert "i18n/report_compare_en.qm" in included and "style.qss" in included
    assert len([r for r in included if r.startswith("samples/") and r.endswith(".txt")]) == 5


def test_frozen_build_resolves_resources_inside_the_bundle(monkeypatch, tmp_path):
    assert paths.resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    (tmp_path / "resources" / "samples").mkdir(parents=True)
    (tmp_path / "resources" / "samples" / "a.txt").write_text("x", encoding="utf-8")
    assert paths.sample_files() == [tmp_path / "resources" / "samples" / "a.txt"]


def test_spec_is_python_and_takes_its_data_list_from_bundle_data():
    text = (PACKAGING / "report_compare.spec").read_text(encoding="utf-8")
    compile(text, "report_compare.spec", "exec")
    assert "bundle_data.resource_datas(" in text and "bundle_data.PACKAGE_DATA" in text
    assert 'collect_submodules("viewer")' in text  # viewer.commands.* are imported by name
    assert set(bundle_data.PACKAGE_DATA) >= {"jieba", "pdfminer"}
    for package in bundle_data.PACKAGE_DATA:
        assert importlib.util.find_spec(package) is not None, package


def test_pyinstaller_is_pinned_in_an_optional_group_only():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = project["dependency-groups"]
    pins = [d for d in groups["packaging"] if d.lower().startswith("pyinstaller")]
    assert len(pins) == 1 and re.fullmatch(r"pyinstaller==[\d.]+", pins[0], re.I), pins
    elsewhere = project["project"]["dependencies"] + [d for g, ds in groups.items() if g != "packaging" for d in ds]
    assert not [d for d in elsewhere if d.lower().startswith("pyinstaller")]
    assert "packaging" not in project.get("tool", {}).get("uv", {}).get("default-groups", ["dev"])
    version = pins[0].split("==")[1]
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    assert f'name = "pyinstaller"\nversion = "{version}"' in lock


def test_desktop_file():
    path = PACKAGING / "report-compare.desktop"
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] and entry["Name[zh_CN]"] == "报告对照"
    assert entry["Exec"].split()[0] == "report-compare" and "%F" in entry["Exec"]
    assert entry["Icon"] == "report-compare" and entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and entry["MimeType"].endswith(";")
    assert "application/pdf" in entry["MimeType"].split(";")
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert out.returncode == 0 and not out.stdout.strip(), out.stdout


def test_icon_png_is_the_render_of_the_svg():
    from PySide6.QtGui import QImage

    from tests.helpers.make_files import qt_app

    qt_app()
    spec = importlib.util.spec_from_file_location("make_icon", PACKAGING / "make_icon.py")
    make_icon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icon)
    committed = QImage(str(ROOT / "resources" / "icon.png")).convertToFormat(QImage.Format.Format_ARGB32)
    rendered = make_icon.render(256).convertToFormat(QImage.Format.Format_ARGB32)
    assert committed.size() == rendered.size() and committed.width() == 256
    a, b = committed.constBits().tobytes(), rendered.constBits().tobytes()
    differing = sum(1 for x, y in zip(a[::7], b[::7]) if abs(x - y) > 8)
    assert differing < len(a[::7]) // 100, "resources/icon.png is stale: run packaging/make_icon.py"
    # not blank: the sheets, their lines and the highlight are drawn
    colours = {committed.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4)}
    assert len(colours) > 20
