"""``python main.py export-pdf A B [C ...] -o OUT.pdf [--kinds insert,delete,moved]``: the aligned comparison
as a PDF to print (title page, table of contents, aligned columns with highlights, bookmarks, page numbers,
an appendix on policy phrasing).

Runs headless (``QT_QPA_PLATFORM=offscreen`` unless a platform is set). Prints the output path and the page
count. A report that cannot be read stops with one line (exit 2); so does an unwritable output path or a missing
Chinese font.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

NAME = "export-pdf"
DEFAULT_KINDS = "insert,delete,moved"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="export the aligned comparison of two or more reports as a PDF",
                       description="Align reports and write the comparison as a PDF for printing.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report files, in column order (e.g. by year)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--kinds", default=DEFAULT_KINDS,
                   help="highlight kinds to draw, comma-separated: insert, delete, moved, equal "
                        f"(default {DEFAULT_KINDS}; '' for none)")
    p.add_argument("--title", help="title for the title page and the running header")
    p.add_argument("--no-scorecard", action="store_true", help="leave the target-vs-actual scorecard out")
    p.add_argument("--no-phrases", action="store_true",
                   help="leave out the appendix on policy phrasing (change matrix, classified edits, new/dropped phrases)")
    p.set_defaults(func=handler, parser=p)


def parse_kinds(text: str) -> frozenset[str]:
    from viewer.core.highlights import KINDS

    kinds = frozenset(k.strip() for k in text.split(",") if k.strip())
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown highlight kind(s): {', '.join(sorted(unknown))} (use {', '.join(KINDS)})")
    return kinds


def handler(args: argparse.Namespace) -> int:
    parser = args.parser
    from viewer.core.loader import expand_paths

    files, _notes = expand_paths(args.files)   # a folder stands for its report files
    if len(files) < 2:
        parser.error(f"needs at least two report files, got {len(files)}")
    try:
        kinds = parse_kinds(args.kinds)
    except ValueError as exc:
        parser.error(str(exc))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: no window is ever shown

    from viewer.core.comparison import compare_reports
    from viewer.core.loader import load_report
    from viewer.core.tokenize import Tokenizer
    from viewer.export.pdf import ExportError, FontMissing, export_comparison_pdf, page_count

    reports = [load_report(f) for f in files]  # ReportError propagates: cli.py prints one line, exits 2
    tokenizer = Tokenizer()
    comparison = compare_reports(reports, tokenizer)
    started = time.perf_counter()
    try:
        out = export_comparison_pdf(comparison, args.output, kinds=kinds, title=args.title,
                                    scorecard=not args.no_scorecard, phrases=not args.no_phrases,
                                    tokenizer=tokenizer)
    except (ExportError, FontMissing) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{out}  ({page_count(out)} pages, {time.perf_counter() - started:.1f} s)")
    return 0
