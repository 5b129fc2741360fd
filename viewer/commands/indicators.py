"""``python main.py indicators FILE... [--csv OUT] [--primary]``: every figure of the reports as UTF-8 CSV.

Columns: report, district, report_year, indicator, period, kind, measure, value, unit, qualifier, sentence,
start, end, subject, primary, section (see viewer/core/indicators/table.py). Without ``--csv`` the table goes
to stdout; with it, it is written to a temporary file next to OUT and moved into place (atomic).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.core.atomic import write_text_atomic

NAME = "indicators"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="extract every figure (indicator, period, kind, value, unit) as CSV",
                       description="Extract the figures of one or more reports as a CSV table.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report files")
    p.add_argument("--csv", metavar="OUT", help="write the CSV to OUT (atomically) instead of stdout")
    p.add_argument("--primary", action="store_true", help="only the headline row of each indicator key")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    from viewer.core.indicators import frame_to_csv_text, indicators_frame
    from viewer.core.loader import load_reports

    reports = load_reports(args.files)  # a folder: its report files; ReportError: cli.py prints one line, exits 2
    df = indicators_frame(reports)
    if args.primary:
        df = df[df["primary"]]
    text = frame_to_csv_text(df)
    if args.csv:
        write_text_atomic(Path(args.csv), text)
    else:
        sys.stdout.write(text)
    return 0


