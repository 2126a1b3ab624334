"""`casework evaluate`: events + pack + as-of date -> obligations (CSV or JSON)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from casework.cli.common import Subparsers, fail, iso_date, pack_or_none, today
from casework.engine import ObligationTable, evaluate
from casework.engine.events_io import InputError, read_events


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser(
        "evaluate",
        help="work out every obligation, its due date and status",
        description="Evaluate a history of events against a standards pack as of a date.",
    )
    p.add_argument("--pack", required=True, help="a bundled pack name or a pack file/folder")
    p.add_argument("--events", type=Path, required=True, help="events CSV (see docs/cli.md)")
    p.add_argument("--as-of", type=iso_date, default=None, help="date (default: today)")
    p.add_argument("--out", type=Path, default=None, help="output file (default: stdout)")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument(
        "--standard",
        action="append",
        default=None,
        metavar="ID",
        help="only this standard (repeatable)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    pack = pack_or_none(args.pack)
    if pack is None:
        return 2
    if args.standard:
        unknown = [s for s in args.standard if s not in {x.id for x in pack.standards}]
        if unknown:
            return fail(f"the pack {pack.name!r} has no standard {unknown[0]!r}")
    try:
        events = read_events(args.events)
    except InputError as exc:
        print(f"casework: cannot read the events:\n{exc}", file=sys.stderr)
        return 1
    as_of = args.as_of or today()
    result = evaluate(events, pack, as_of, standards=args.standard)
    if args.out is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out"
            _write(result, out, args.format)
            sys.stdout.write(out.read_text(encoding="utf-8"))
    else:
        _write(result, args.out, args.format)
        counts = ", ".join(f"{n} {s}" for s, n in result.counts().items())
        print(f"{len(result)} obligations ({counts}) written to {args.out}", file=sys.stderr)
    return 0


def _write(result: ObligationTable, path: Path, fmt: str) -> None:
    if fmt == "json":
        result.write_json(path)
    else:
        result.write_csv(path)
