"""Run by test_no_network.py in a fresh interpreter (audit hooks cannot be removed once added).

Every way Python code reaches the network is refused and recorded: an audit hook on the socket / http / urllib
/ ftp / mail / browser events, and socket.socket.connect, create_connection and getaddrinfo replaced. Then
the app's whole path runs on reports that point at remote resources (a saved page with remote scripts,
stylesheets, images and DTD; a .docx with an external entity and an external image relationship): load every
format, compare, indicators, phrases, the PDF export, the CLI, and the window itself, offscreen.

    python tests/robustness/no_network_job.py WORKDIR           # the app's path
    python tests/robustness/no_network_job.py WORKDIR --probe   # only try to connect (proves the guards work)

prints one JSON line: what was attempted (must be nothing) and what was done (so the test knows it ran).
"""
from __future__ import annotations

import io
import json
import os
import socket
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ATTEMPTS: list[list[str]] = []
NETWORK_EVENTS = frozenset((
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto", "socket.sendmsg", "socket.bind",
    "http.client.connect", "urllib.Request", "ftplib.connect", "smtplib.connect", "poplib.connect",
    "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open",
))


class NetworkAttempt(RuntimeError):
    pass


def _audit(event: str, args: tuple) -> None:
    if event in NETWORK_EVENTS:
        ATTEMPTS.append([event, repr(args)[:200]])
        raise NetworkAttempt(event)


def _refuse(name: str):
    def refuse(*args, **kwargs):
        ATTEMPTS.append([name, repr(args)[:200]])
        raise NetworkAttempt(name)

    return refuse


sys.addaudithook(_audit)
socket.socket.connect = _refuse("socket.socket.connect")  # type: ignore[method-assign]
socket.socket.connect_ex = _refuse("socket.socket.connect_ex")  # type: ignore[method-assign]
socket.create_connection = _refuse("socket.create_connection")
socket.getaddrinfo = _refuse("socket.getaddrinfo")

REMOTE_HEAD = (
    '<link rel="stylesheet" href="https://example.invalid/site.css">'
    '<script src="http://example.invalid/analytics.js"></script>'
    '<link rel="preload" href="//example.invalid/font.woff2">'
)
REMOTE_BODY = (
    '<img src="http://example.invalid/banner.png"><iframe src="https://example.invalid/frame"></iframe>'
    '<object data="http://example.invalid/x.swf"></object><video src="https://example.invalid/v.mp4"></video>'
)
XHTML_DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')


def docx_with_remote_references(source: Path, out: Path) -> Path:
    """The .docx with an external entity in its body and an image linked from the web."""
    with zipfile.ZipFile(source) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    doc = parts["word/document.xml"]
    head, _, body = doc.partition(b"?>")
    parts["word/document.xml"] = (head + b'?><!DOCTYPE d [<!ENTITY remote SYSTEM "http://example.invalid/e.xml">]>'
                                  + body.replace(b"<w:t>", b"<w:t>&remote;", 1))
    rels = parts["word/_rels/document.xml.rels"]
    parts["word/_rels/document.xml.rels"] = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/image" Target="http://example.invalid/logo.png" TargetMode="External"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    out.write_bytes(buf.getvalue())
    return out


def main(workdir: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.helpers.make_files import cjk_font_family, make_docx, make_html, make_pdf
    from viewer.core.comparison import compare_reports
    from viewer.core.indicators import indicators_frame
    from viewer.core.loader import load_report
    from viewer.core.paths import sample_files
    from viewer.core.recurring import find_phrases
    from viewer.core.tokenize import Tokenizer

    samples = sample_files()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in samples}
    files = list(samples)
    page = make_html(texts["yubei-2024"], workdir / "yubei-2024.html", extra_head=REMOTE_HEAD,
                     extra_body=REMOTE_BODY)
    page.write_bytes(page.read_bytes().replace(b"<!DOCTYPE html>", XHTML_DOCTYPE.encode(), 1))
    files.append(page)
    plain_docx = make_docx(texts["jiulongpo-2021"], workdir / "plain.docx")
    files.append(docx_with_remote_references(plain_docx, workdir / "jiulongpo-2021.docx"))
    if cjk_font_family() is not None:
        files.append(make_pdf(texts["yubei-2021"][:6000], workdir / "yubei-2021.pdf"))

    reports = [load_report(f) for f in files]
    tokenizer = Tokenizer(cache_dir=workdir / "cache")
    by_name = {r.name: r for r in reports}
    series = [by_name[n] for n in ("yubei-2022.txt", "yubei-2024.html")]  # a text and a saved page
    comparison = compare_reports(series, tokenizer)
    frame = indicators_frame(reports)
    phrases = find_phrases(series, tokenizer)
    done = {"formats": sorted({r.format for r in reports}), "reports": len(reports),
            "aligned_rows": sum(1 for _ in comparison.alignment.walk()), "indicator_rows": len(frame),
            "phrase_table": type(phrases).__name__}

    from viewer.cli import main as cli_main
    from viewer.export.pdf import export_comparison_pdf, page_count

    pdf = export_comparison_pdf(comparison, workdir / "comparison.pdf", tokenizer=tokenizer)
    done["pdf_pages"] = page_count(pdf)
    csv = workdir / "indicators.csv"
    done["cli_indicators_exit"] = cli_main(["indicators", *map(str, files[-3:]), "--csv", str(csv)])
    done["cli_csv_lines"] = len(csv.read_text(encoding="utf-8").splitlines()) if csv.exists() else 0

    from viewer.ui.app import run_app

    os.chdir(workdir)  # offscreen, the app loads the files, saves its window here and quits
    done["app_exit"] = run_app([str(f) for f in files[-3:]])  # the page, the .docx, the PDF
    done["window_png"] = (workdir / "report-compare-window.png").stat().st_size
    done["qtnetwork_loaded"] = "PySide6.QtNetwork" in sys.modules
    return done


def probe() -> dict:
    """Try the ways out that the guards must catch; nothing leaves the machine (refused before any syscall)."""
    import _socket
    import urllib.request

    caught = []
    for name, attempt in (
        ("create_connection", lambda: socket.create_connection(("127.0.0.1", 9), timeout=1)),
        ("raw socket connect", lambda: _socket.socket().connect(("127.0.0.1", 9))),
        ("urlopen", lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)),
    ):
        try:
            attempt()
        except NetworkAttempt:
            caught.append(name)
        except Exception as exc:  # noqa: BLE001 - anything else means the guard did not stop it first
            caught.append(f"{name} NOT caught: {type(exc).__name__}")
    return {"caught": caught}


if __name__ == "__main__":
    result = {"attempts": ATTEMPTS}
    try:
        result["done"] = probe() if "--probe" in sys.argv else main(Path(sys.argv[1]))
    except NetworkAttempt as exc:  # the refusal surfaced: report it rather than a traceback
        result["failed_with"] = f"network attempt: {exc}"
    result["attempts"] = ATTEMPTS
    print(json.dumps(result, ensure_ascii=False))
