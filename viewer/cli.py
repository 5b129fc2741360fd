"""Headless subcommands over the core: ``outline`` (more to come: indicators, compare, export-pdf)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from viewer.core.errors import ReportError
from viewer.core.model import Report, Section

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def _load(path: str) -> Report:
    from viewer.core.loader import load_report

    return load_report(path)


def _outline_lines(report: Report) -> list[str]:
    m = report.meta
    lines = [
        f"file:       {report.path}  ({report.format}{', ' + report.encoding if report.encoding else ''})",
        f"title:      {m.title}",
        f"district:   {m.district}",
        f"year:       {m.year if m.year is not None else ''}",
        f"date:       {m.date}",
        f"speaker:    {m.speaker} ({m.office})" if m.speaker else "speaker:",
        f"session:    {m.session}",
        f"doc number: {m.doc_number}",
        f"targets:    {_span(report.targets)}",
        f"problems:   {_span(report.problems)}",
        "",
        f"{'level':<5} {'number':<6} {'role':<16} {'start':>6} {'end':>6}  title",
    ]

    def emit(s: Section) -> None:
        indent = "  " * (s.level - 1)
        lines.append(f"{s.level:<5} {s.number:<6} {s.role:<16} {s.start:>6} {s.end:>6}  {indent}{s.title}")
        for c in s.children:
            emit(c)

    for s in report.sections:
        emit(s)
    return lines


def _span(p) -> str:
    return f"{p.start}-{p.end}  {p.text[:40]}…" if p is not None else "(not found)"


def outline_json(report: Report) -> dict:
    def para(p):
        return None if p is None else {"start": p.start, "end": p.end, "text": p.text}

    return {
        "path": report.path,
        "format": report.format,
        "encoding": report.encoding,
        "content_hash": report.content_hash,
        "meta": report.meta.to_dict(),
        "targets": para(report.targets),
        "problems": para(report.problems),
        "sections": [s.to_dict() for s in report.sections],
    }


def cmd_outline(args: argparse.Namespace) -> int:
    report = _load(args.file)
    if args.json:
        json.dump(outline_json(report), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(_outline_lines(report)) + "\n")
    return 0


def _register_outline(sub) -> None:
    p = sub.add_parser("outline", help="print metadata and the section tree of a report")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_outline)


# Each subcommand module under viewer/commands/ has ``NAME`` and ``register(subparsers)``; its handler
# (set with ``set_defaults(func=...)``) returns an exit code and raises ReportError for bad input.
COMMAND_MODULES = ("viewer.commands.indicators", "viewer.commands.compare", "viewer.commands.export_pdf",
                   "viewer.commands.phrases")
COMMANDS = ("outline", "indicators", "compare", "export-pdf", "phrases")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(prog="main.py", description="Report Compare (报告对照)")
    sub = parser.add_subparsers(dest="command", required=True)
    _register_outline(sub)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def quiet_library_logging() -> None:
    """Libraries log warnings (pdfminer on every oddity of a damaged PDF); with no handler configured Python
    prints them to stderr, which would break the one ``error:`` line contract. They go nowhere unless
    ``RC_LOG=warning`` (or info, debug) asks for them."""
    import logging
    import os

    root = logging.getLogger()
    if root.handlers:
        return
    level = os.environ.get("RC_LOG", "").upper()
    if level in ("DEBUG", "INFO", "WARNING", "ERROR"):
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    else:
        root.addHandler(logging.NullHandler())


def main(argv: Sequence[str]) -> int:
    quiet_library_logging()
    parser = build_parser()
    args = parser.parse_args(list(argv))
    try:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    try:
        return args.func(args)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(f"error: {getattr(args, 'file', '')}: out of memory while reading the file", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - one clear line, never a traceback
        print(f"error: {getattr(args, 'file', '')}: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
