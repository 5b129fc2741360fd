"""``python main.py compare A B [C ...] [--json OUT]``: the aligned rows of two or more reports, and diffs.

Text output (stdout): the reports, then one line per row (id, score, reason, each report's cell: heading or
opening words and span) with the share of equal text against the previous report, and under it the diff ops
(``=a0:a1/b0:b1`` equal, ``-a0:a1`` deleted, ``+b0:b1`` inserted, ``<a0:a1#k`` moved away, ``>b0:b1#k`` moved
in). ``--json OUT`` writes all of it as JSON instead (atomically).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "compare"


def register(sub) -> None:
    p = sub.add_parser(NAME, help="align two or more reports and diff the aligned pieces",
                       description="Align reports section by section and diff the aligned pieces.")
    p.add_argument("files", nargs="+", metavar="FILE", help="report files, in order (e.g. by year)")
    p.add_argument("--json", metavar="OUT", help="write the result as JSON to OUT instead of printing text")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    from viewer.core.comparison import compare_reports
    from viewer.core.loader import expand_paths, load_report
    from viewer.core.recurring import find_phrases
    from viewer.core.tokenize import Tokenizer

    files, _notes = expand_paths(args.files)   # a folder stands for its report files
    if len(files) < 2:
        raise SystemExit(f"main.py compare: error: needs at least two report files, got {len(files)}")
    reports = [load_report(f) for f in files]  # ReportError propagates: cli.py prints one line, exits 2
    tokenizer = Tokenizer()
    comparison = compare_reports(reports, tokenizer)
    phrases = find_phrases(reports, tokenizer)
    data = comparison_json(comparison, phrases)
    if args.json:
        from viewer.core.atomic import write_text_atomic  # temp file in the same folder + os.replace

        write_text_atomic(Path(args.json), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write("\n".join(text_lines(data)) + "\n")
    return 0


def comparison_json(comparison, phrases=None) -> dict:
    alignment = comparison.alignment
    reports = alignment.reports
    diffs: dict[str, list] = {}
    for d in comparison.diffs:
        a_text, b_text = reports[d.a].text, reports[d.b].text
        diffs.setdefault(d.row_id, []).append({
            "a": d.a, "b": d.b,
            "a_span": [d.diff.a_start, d.diff.a_end], "b_span": [d.diff.b_start, d.diff.b_end],
            "equal_share": round(d.diff.equal_share, 4),
            "ops": [_op_json(op, a_text, b_text) for op in d.diff.ops],
        })
    rows = []
    for row_id, row in alignment.walk():
        rows.append({
            "id": row_id,
            "parent": row_id.rpartition(".")[0] or None,
            "level": row.level,
            "score": round(row.score, 4),
            "reason": row.reason,
            "cells": [None if c is None else {
                "report": c.report, "key": c.key, "kind": c.kind, "title": c.label, "role": c.role,
                "span": [c.start, c.end], "own_span": [c.own_start, c.own_end],
                "link": None if link is None else {"score": round(link.score, 4), "reason": link.reason},
            } for c, link in zip(row.cells, row.links)],
            "diffs": diffs.get(row_id, []),
        })
    out = {
        "reports": [{"index": i, "name": r.name, "path": r.path, "district": r.meta.district,
                     "year": r.meta.year, "title": r.meta.title, "chars": len(r.text),
                     "content_hash": r.content_hash}
                    for i, r in enumerate(reports)],
        "rows": rows,
        "pairs": [_pair_summary(comparison, a) for a in range(len(reports) - 1)],
        "overrides": [o.to_dict() for o in alignment.overrides],
        "unapplied_overrides": [o.to_dict() for o in alignment.unapplied],
    }
    if phrases is not None:
        out["phrases"] = [{"report": i, **phrases.summary(i)} for i in range(len(reports))]
    return out


def _op_json(op, a_text: str, b_text: str) -> dict:
    d = {"kind": op.kind, "a": [op.a_start, op.a_end], "b": [op.b_start, op.b_end]}
    if op.kind != "equal":
        d["text"] = a_text[op.a_start:op.a_end] or b_text[op.b_start:op.b_end]
    if op.move_id is not None:
        d["move_id"] = op.move_id
    return d


def _pair_summary(comparison, a: int) -> dict:
    diffs = [d.diff for d in comparison.pair_diffs(a)]
    equal = sum(d.equal_chars for d in diffs)
    total = sum((d.a_end - d.a_start) + (d.b_end - d.b_start) for d in diffs)
    ops = [op for d in diffs for op in d.ops]
    return {"a": a, "b": a + 1, "rows": len(diffs), "ops": len(ops),
            "moved": len({op.move_id for op in ops if op.move_id is not None}),
            "equal_share": round(2 * equal / total, 4) if total else 1.0}


def text_lines(data: dict) -> list[str]:
    reports = data["reports"]
    lines = ["reports:"]
    for r in reports:
        year = r["year"] or ""
        lines.append(f"  [{r['index'] + 1}] {r['name']}  {r['district']} {year}  ({r['chars']} chars)")
    for p in data["pairs"]:
        lines.append(f"  [{p['a'] + 1}]→[{p['b'] + 1}]: {p['rows']} rows diffed, {p['ops']} ops, "
                     f"{p['moved']} moves, equal text {p['equal_share']:.1%}")
    for s in data.get("phrases", []):
        lines.append(f"  [{s['report'] + 1}] phrases (chars): recurring {s['recurring']} "
                     f"(boilerplate {s['recurring_boilerplate']}), new {s['new']}, dropped {s['dropped']}")
    lines += ["", "row        score reason     " + " | ".join(f"[{r['index'] + 1}]" for r in reports)]
    for row in data["rows"]:
        cells = " | ".join("—" if c is None else f"{_short(c['title'], 26)} {c['span'][0]}-{c['span'][1]}"
                           for c in row["cells"])
        indent = "  " * (row["level"] - 1)
        lines.append(f"{indent + row['id']:<10} {row['score']:.2f}  {row['reason']:<10} {cells}")
        for d in row["diffs"]:
            ops = " ".join(_op_text(op) for op in d["ops"])
            lines.append(f"{indent}    [{d['a'] + 1}]→[{d['b'] + 1}] equal {d['equal_share']:.0%}: {ops}")
    return lines


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _op_text(op: dict) -> str:
    (a0, a1), (b0, b1) = op["a"], op["b"]
    kind = op["kind"]
    if kind == "equal":
        return f"={a0}:{a1}/{b0}:{b1}"
    if kind == "delete":
        return f"-{a0}:{a1}"
    if kind == "insert":
        return f"+{b0}:{b1}"
    return f"<{a0}:{a1}#{op['move_id']}" if a1 > a0 else f">{b0}:{b1}#{op['move_id']}"
