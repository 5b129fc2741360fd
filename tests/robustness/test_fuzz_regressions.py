"""Inputs the fuzzer (test_fuzz.py) found that broke a loader, shrunk by hand, kept as fixed cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.loader import load_report

# a control character (ESC, form feed, NUL after a BOM ...) in a page's text, then an element the reader drops
# (<img>, <script>): lxml refused to move the dropped element's tail text next to the control character
# ("All strings must be XML compatible"), a ValueError out of load_report
CONTROL_CHARACTER_PAGES = [
    "今年是中国共产党成立100周年。\x1b“十四五”开局<img>近１１４万平方米。",  # as found
    "<div>各位代表：现在我代表区人民政府\x1b<img>向大会报告工作。</div>",
    "<div>各位代表：现在\x1f我代表区人民政府<img>向大会报告工作。</div>",
    "<div>各位代表：现在\x0c我代表区人民政府<img>向大会报告工作。</div>",
    # no error, but the control character ended up in the report's text
    "<div><p>各位代表：</p>现在我代表\x1b区人民政府<script>x</script>向大会报告工作。</div>",
    "<div>各位代表：现在\x08我代表区人民政府<!-- c -->向大会报告工作。</div>",
]


@pytest.mark.parametrize("page", CONTROL_CHARACTER_PAGES)
def test_control_characters_in_html_text(tmp_path: Path, page: str):
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    report = load_report(path)  # the page has a report's words: it loads
    assert "向大会报告工作" in report.text or "开局" in report.text
    assert not any(ch in report.text for ch in "\x00\x08\x0b\x0c\x1b\x1f"), repr(report.text)
