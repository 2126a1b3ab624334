"""`casework standards list|check|packs`: read and validate standards packs."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from casework.cli.common import Subparsers, pack_or_none
from casework.standards import PackError, Standard, available_packs, check_file, vocabulary

LIST_COLUMNS = (
    "id",
    "title",
    "source",
    "checkable",
    "kind",
    "trigger",
    "timescale",
    "met_by",
    "ends",
    "reason",
    "quote",
)


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser("standards", help="list and check standards packs")
    inner = p.add_subparsers(dest="standards_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="list a pack's standards")
    listing.add_argument("--pack", required=True)
    listing.add_argument("--format", choices=["text", "csv", "json"], default="text")
    listing.set_defaults(handler=run_list)

    check = inner.add_parser("check", help="validate a pack file, folder or section file")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=run_check)

    packs = inner.add_parser("packs", help="list the bundled packs")
    packs.set_defaults(handler=run_packs)

    events = inner.add_parser("events", help="print the event vocabulary as Markdown")
    events.set_defaults(handler=run_events)


def describe_row(s: Standard) -> dict[str, str]:
    if s.trigger.birthday is not None:
        trigger = f"birthday {s.trigger.birthday}"
    elif s.trigger.match is not None:
        trigger = " or ".join(s.trigger.match.events)
        if s.trigger.match.where:
            trigger += " where " + "; ".join(c.describe() for c in s.trigger.match.where)
    else:
        trigger = ""
    met_by = ""
    if s.met_by is not None:
        met_by = " or ".join(s.met_by.events)
        if s.met_by.where:
            met_by += " where " + "; ".join(c.describe() for c in s.met_by.where)
    elif s.kind == "recording" and s.checkable:
        met_by = "recorded"
    ends = vocabulary().episodes[s.episode].ends if s.episode else ""
    if len(s.intervals) > 1:
        labels = ["first", "second"][: len(s.intervals) - 1]
        timescale = ", ".join(f"{lab} {t}" for lab, t in zip(labels, s.intervals, strict=False))
        timescale += f", then every {s.intervals[-1]}"
    elif s.intervals:
        timescale = ("every " if s.kind == "recurring" else "") + str(s.intervals[0])
    else:
        timescale = ""
    return {
        "id": s.id,
        "title": s.title,
        "source": s.source.cite(),
        "checkable": "yes" if s.checkable else "no",
        "kind": str(s.kind) if s.checkable else "",
        "trigger": trigger,
        "timescale": timescale,
        "met_by": met_by,
        "ends": ends,
        "reason": s.reason,
        "quote": s.source.quote,
    }


def run_list(args: argparse.Namespace) -> int:
    pack = pack_or_none(args.pack)
    if pack is None:
        return 2
    rows = [describe_row(s) for s in pack.standards]
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=LIST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif args.format == "json":
        print(json.dumps(rows, indent=1))
    else:
        checkable = sum(s.checkable for s in pack.standards)
        print(f"{pack.title} ({pack.name}, version {pack.version})")
        print(f"{len(pack.standards)} standards, {checkable} checkable from recorded facts\n")
        for row in rows:
            flag = "" if row["checkable"] == "yes" else "  [not checkable]"
            print(f"{row['id']:<32} {row['title']}{flag}")
            print(f"{'':<32} {row['source']}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        standards = check_file(args.file)
    except PackError as exc:
        print(str(exc), file=sys.stderr)
        n = len(exc.problems)
        print(f"{args.file}: {n} problem{'s' if n != 1 else ''}", file=sys.stderr)
        return 1
    checkable = sum(s.checkable for s in standards)
    print(f"{args.file}: ok, {len(standards)} standards ({checkable} checkable)")
    return 0


def run_packs(args: argparse.Namespace) -> int:
    for name in available_packs():
        pack = pack_or_none(name)
        if pack is not None:
            print(f"{name:<20} {len(pack.standards):>4} standards  {pack.title}")
    return 0


def run_events(args: argparse.Namespace) -> int:
    from casework.standards.vocabulary_doc import markdown

    sys.stdout.write(markdown())
    return 0
