"""``python main.py phrases FILE... [--csv OUT] [--edits-csv OUT] [--top N]``: policy phrasing over time.

Text output (stdout): per district with two years or more, the phrases new in its latest year and those
dropped from it (most frequent first, boilerplate left out), then the classified edits (intensity, qualifier,
number) between consecutive reports of a district. ``--csv OUT`` writes the whole phrase lifecycle instead
(one row per phrase, see ``viewer/core/phrases/tables.py``), ``--edits-csv OUT`` the classified edits; both
UTF-8 with a BOM, written to a temporary file next to OUT and moved into place (atomic).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "phrases"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="policy phrasing over time: phrase lifecycle and classified edits",
                       description="When each policy phrase (提法) appears and disappears, and how the wording "
                                   "of aligned sentences was strengthened, softened or re-numbered.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report files (any order: grouped by district, "
                                                           "ordered by year)")
    p.add_argument("--csv", metavar="OUT", help="write the phrase lifecycle as CSV to OUT instead of printing")
    p.add_argument("--edits-csv", metavar="OUT", help="write the classified edits as CSV to OUT")
    p.add_argument("--top", type=int, default=20, metavar="N", help="phrases listed per district (default 20)")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    from viewer.core.loader import load_reports
    from viewer.core.phrases import phrase_lifecycle
    from viewer.core.phrases.tables import csv_text, lifecycle_table
    from viewer.core.tokenize import Tokenizer

    reports = load_reports(args.files)  # a folder: its report files; ReportError: cli.py prints one line, exits 2
    reports.sort(key=lambda r: (r.meta.district, r.meta.year or 0, r.name))  # the app's column order
    tokenizer = Tokenizer()
    life = phrase_lifecycle(reports, tokenizer)
    edits = _edits(reports, tokenizer) if args.edits_csv or not args.csv else []
    if args.csv and not _write(args.csv, csv_text(*lifecycle_table(life))):
        return 2
    if args.edits_csv:
        from viewer.core.phrases.tables import edits_table

        if not _write(args.edits_csv, csv_text(*edits_table(edits, reports))):
            return 2
    if not args.csv and not args.edits_csv:
        sys.stdout.write("\n".join(text_lines(life, edits, reports, args.top)) + "\n")
    return 0


def _edits(reports, tokenizer) -> list:
    if len(reports) < 2:
        return []
    from viewer.core.comparison import compare_reports
    from viewer.core.phrases import classify_edits

    return classify_edits(compare_reports(reports, tokenizer))


def _write(path: str, text: str) -> bool:
    from viewer.core.atomic import write_text_atomic

    try:
        write_text_atomic(Path(path), text)
    except OSError as exc:
        print(f"error: {path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def text_lines(life, edits, reports, top: int) -> list[str]:
    from viewer.core.phrases import ALL_DISTRICTS

    refs = life.reports
    lines = ["reports:"] + [f"  {r.label}  {r.name}" for r in refs]
    lines.append(f"phrases: {len(life.phrases)} ({sum(p.boilerplate for p in life.phrases)} boilerplate)")
    for g in life.groups:
        if g.name == ALL_DISTRICTS or len(g.stages) < 2:
            continue
        years = " → ".join(str(refs[s[0]].year or refs[s[0]].name) for s in g.stages)
        latest = g.latest[0]
        new, dropped = life.new_in(g.name), life.dropped_in(g.name)
        lines += ["", f"{g.name}: {years}",
                  f"  only in {refs[latest].year or refs[latest].name} ({len(new)}): "
                  + "、".join(f"{p.text}({sum(p.counts[i] for i in g.latest)})" for p in new[:top]),
                  f"  dropped ({len(dropped)}): "
                  + "、".join(f"{p.text}({_years(p, g, refs)})" for p in dropped[:top])]
    if edits:
        lines += ["", f"classified edits ({len(edits)}):"]
        for e in edits:
            ra, rb = reports[e.a], reports[e.b]
            what = f"{e.indicator}: " if e.indicator else ""
            lines.append(f"  {ra.meta.district}{ra.meta.year or ''}→{rb.meta.year or rb.name}  row {e.row_id:<7} "
                         f"{e.kind} {e.direction or '-'}  {what}{e.before or '∅'} → {e.after or '∅'}")
    return lines


def _years(p, g, refs) -> str:
    """The years of the group the phrase stands in."""
    return ",".join(str(refs[i].year or refs[i].name) for i in g.reports if p.counts[i])
