"""Build realistic .docx / .pdf / .html test inputs from plain report text.

Conventions shared by all builders (so a whole sample report converts as-is):

* the input is the report text (a ``str``) or its lines; blank lines are dropped, other lines are paragraphs;
* a line starting with ``#``..``######`` + space is a heading of that level;
* for :func:`make_docx`, consecutive lines starting with ``|`` form a table (``| a | b |`` = one row).

PDFs are printed with Qt (``QTextDocument`` on a ``QPdfWriter``, A4) and need a CJK font: call
:func:`cjk_font_family` (``None`` = no CJK font installed, skip the test). Qt runs offscreen.
"""
from __future__ import annotations

import html as _html
import os
import re
import zipfile
from pathlib import Path
from typing import Iterable

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")

_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "SimSun",
    "Microsoft YaHei",
    "PingFang SC",
)


def _paragraphs(text: str | Iterable[str]) -> list[str]:
    lines = text.splitlines() if isinstance(text, str) else [ln for t in text for ln in str(t).splitlines()]
    return [ln.strip() for ln in lines if ln.strip()]


def _heading(line: str) -> tuple[int, str] | None:
    m = _HEADING.match(line)
    return (len(m.group(1)), m.group(2).strip()) if m else None


# --------------------------------------------------------------------------------------------- Qt setup


def qt_app():
    """The running Qt application (a ``QApplication`` so widget tests can share it), created offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        try:
            from PySide6.QtWidgets import QApplication

            app = QApplication([])
        except ImportError:  # pragma: no cover - PySide6-Essentials ships QtWidgets
            app = QGuiApplication([])
    return app


def cjk_font_family() -> str | None:
    """A font family able to render Simplified Chinese, or ``None`` if none is installed."""
    qt_app()
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families()
    for name in _CJK_FAMILIES:
        if name in families:
            return name
    for name in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(name):
            return name
    return None


# --------------------------------------------------------------------------------------------- docx


def make_docx(text_lines: str | Iterable[str], path: str | Path) -> Path:
    """Write a .docx: ``#`` lines become "Heading N" paragraphs, ``|`` rows a table, other lines "Normal"."""
    import docx

    path = Path(path)
    document = docx.Document()
    lines = _paragraphs(text_lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
                i += 1
            ncols = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=ncols)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        head = _heading(line)
        if head:
            document.add_heading(head[1], level=head[0])
        else:
            document.add_paragraph(line)
        i += 1
    document.save(str(path))
    return path


def make_zip_bomb_docx(path: str | Path, uncompressed_mb: int = 300) -> Path:
    """A .docx-shaped zip whose word/document.xml inflates to ``uncompressed_mb`` MB of zeros (streamed)."""
    path = Path(path)
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as out:
            for _ in range(uncompressed_mb):
                out.write(chunk)
    return path


# --------------------------------------------------------------------------------------------- pdf


def make_pdf(
    text: str | Iterable[str],
    path: str | Path,
    *,
    font_size: float = 12.0,
    indent: bool = True,
    justify: bool = True,
    blank_lines: bool = False,
    font_family: str | None = None,
) -> Path:
    """Print the text to an A4 PDF the way a report is laid out (Qt, needs a CJK font; see module doc).

    Each non-blank line is a paragraph with a 2-character first-line indent (``indent``), justified
    (``justify``), with no blank line between paragraphs unless ``blank_lines``. Headings (``#``) are bold,
    larger and not indented. Qt wraps long paragraphs across lines and pages and prints a page number at the
    foot of each page.
    """
    qt_app()
    from PySide6.QtCore import QMarginsF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPdfWriter,
        QTextBlockFormat,
        QTextCharFormat,
        QTextCursor,
        QTextDocument,
    )

    family = font_family or cjk_font_family()
    if family is None:
        raise RuntimeError("no CJK font installed (install fonts-noto-cjk)")
    path = Path(path)
    writer = QPdfWriter(str(path))
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    writer.setPageLayout(QPageLayout(a4, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(path.stem)
    writer.setCreator("report-compare tests")
    dpi = writer.resolution()

    doc = QTextDocument()
    base = QFont(family)
    base.setPointSizeF(font_size)
    doc.setDefaultFont(base)
    cursor = QTextCursor(doc)
    first = True
    for line in _paragraphs(text):
        head = _heading(line)
        block = QTextBlockFormat()
        char = QTextCharFormat()
        char.setFont(base)
        if head:
            level, line = head
            char.setFontWeight(QFont.Weight.Bold)
            char.setFontPointSize(font_size + max(0, 5 - level) * 2)
            block.setTopMargin(font_size * 0.8 * dpi / 72)
            block.setBottomMargin(font_size * 0.4 * dpi / 72)
        else:
            if indent:
                # layout units are the writer's device pixels: two full-width characters
                block.setTextIndent(2 * font_size * dpi / 72)
            if justify:
                block.setAlignment(Qt.AlignmentFlag.AlignJustify)
        if first:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(char)
            first = False
        else:
            if blank_lines:
                cursor.insertBlock(QTextBlockFormat(), char)
            cursor.insertBlock(block, char)
        cursor.insertText(line, char)
    doc.print_(writer)
    del writer  # flushes and closes the file
    return path


def make_scanned_pdf(path: str | Path, text: str = "重庆市人民政府工作报告（扫描件）") -> Path:
    """A PDF holding only an image of text (like a scan): no text layer at all."""
    qt_app()
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

    path = Path(path)
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)  # A4 at 150 dpi
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    font = QFont(cjk_font_family() or "Sans")
    font.setPixelSize(40)
    painter.setFont(font)
    painter.drawText(QRect(100, 100, 1040, 400), Qt.TextFlag.TextWordWrap, text)
    for y in range(600, 1600, 60):  # "lines of text" as grey bars
        painter.fillRect(100, y, 1000, 24, QColor(60, 60, 60))
    painter.end()

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.drawImage(0, 0, image)
    writer.newPage()
    painter.drawImage(0, 0, image)
    painter.end()
    del writer
    return path


# --------------------------------------------------------------------------------------------- html

_CHROME_TOP = """<div class="top-bar"><a href="/">重庆市渝北区人民政府</a> | <a href="/en">English</a> | 无障碍浏览</div>
<nav class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjyb">走进渝北</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>
 &gt; <a href="/zfgzbg">政府工作报告</a></div>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script");
hm.src = "https://example.invalid/hm.js?abc"; document.title = "统计代码中的中文不应出现在正文里"; })();</script>
<style>.content p { text-indent: 2em; } body { font-family: "微软雅黑"; }</style>
<div class="info">发布时间：2022-01-25 来源：区政府办公室 字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</div>
"""

_CHROME_BOTTOM = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<aside class="related"><h3>相关文章</h3><ul><li><a href="/a">关于印发2021年政府工作报告的通知</a></li>
<li><a href="/b">2020年区政府工作报告解读</a></li></ul></aside>
<footer><p>主办：重庆市渝北区人民政府办公室 承办：渝北区大数据应用发展管理局</p>
<p>网站标识码：5001120001 渝ICP备12345678号 渝公网安备 50011202500001号</p></footer>
<!-- 页面注释：不应出现在正文里 -->
"""


def make_html(
    text: str | Iterable[str],
    path: str | Path,
    with_chrome: bool = True,
    *,
    encoding: str = "utf-8",
    title: str = "政府工作报告",
    extra_head: str = "",
    extra_body: str = "",
) -> Path:
    """A saved-web-page-like HTML file: the report as ``<p>``/``<hN>`` in ``<div class="content">``.

    ``with_chrome`` adds a nav bar, breadcrumbs, a script, a style, a sidebar, share links and a footer around
    it. ``encoding`` is both the bytes' encoding and the ``<meta charset>`` declared.
    """
    path = Path(path)
    body: list[str] = []
    for line in _paragraphs(text):
        head = _heading(line)
        if head:
            body.append(f"<h{head[0]}>{_html.escape(head[1])}</h{head[0]}>")
        else:
            body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{_html.escape(line)}</p>')
    content = '<div class="content" id="zoom">\n' + "\n".join(body) + "\n</div>"
    page = (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
        f'<meta charset="{encoding}">\n<title>{_html.escape(title)}</title>\n{extra_head}</head>\n<body>\n'
        + (_CHROME_TOP if with_chrome else "")
        + f'<div class="main-wrap"><div class="article">\n{content}\n</div></div>\n'
        + (_CHROME_BOTTOM if with_chrome else "")
        + extra_body
        + "\n</body>\n</html>\n"
    )
    path.write_bytes(page.encode(encoding))
    return path
