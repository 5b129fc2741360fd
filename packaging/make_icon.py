"""Render the app icon (resources/icon.svg, hand-written) to the raster files the platforms want.

    .venv/bin/python packaging/make_icon.py                 # resources/icon.png (256 px), committed
    .venv/bin/python packaging/make_icon.py --ico OUT.ico   # Windows icon (16..256 px), for the spec
    .venv/bin/python packaging/make_icon.py --icns OUT.icns # macOS icon, for the spec

Qt renders the SVG (QtSvg) and writes ICO / ICNS through its own image plugins, so no Pillow is needed.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icon.svg"
PNG = ROOT / "resources" / "icon.png"


def render(size: int, svg: Path = SVG):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icon: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write(path: Path, size: int, fmt: str | None = None) -> Path:
    from viewer.core.atomic import atomic_path

    path.parent.mkdir(parents=True, exist_ok=True)
    image = render(size)
    with atomic_path(path) as tmp:
        if not image.save(str(tmp), fmt or path.suffix.lstrip(".").upper()):
            raise SystemExit(f"make_icon: Qt could not write {path} (no image plugin for {fmt or path.suffix}?)")
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", type=Path, default=PNG, help="PNG to write (default resources/icon.png)")
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - image plugins need an app
    print(write(args.png, args.size))
    if args.ico:
        print(write(args.ico, 256, "ICO"))
    if args.icns:
        print(write(args.icns, 512, "ICNS"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
