"""`casework evaluate`: events + pack + as-of date -> obligations (CSV or JSON)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from casework.cli.common import Subparsers, fail, iso_date, pack_or_none, today
from casework.engine import Event, ObligationTable, evaluate
from casework.engine.events_io import InputError, read_events
from casework.standards import Kind, Pack


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser(
        "evaluate",
        help="work out every obligation, its due date and status",
        description="Evaluate a history of events against a standards pack as of a date.",
    )
    p.add_argument(
        "--pack",
        default=None,
        help="a bundled pack name or a pack file or folder (default with a return: national)",
    )
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--events", type=Path, help="events CSV (see docs/cli.md)")
    source.add_argument("--annex-a", type=Path, metavar="FILE", help="an Annex A (.xlsx or .csv)")
    source.add_argument("--cin-census", type=Path, metavar="FILE", help="a CIN census (.xml)")
    source.add_argument("--ssda903", type=Path, metavar="DIR", help="an SSDA903 return")
    p.add_argument(
        "--all-standards",
        action="store_true",
        help="with a return: also evaluate standards the return holds no evidence for",
    )
    p.add_argument(
        "--errors",
        type=Path,
        default=None,
        metavar="ERRORS.csv",
        help="with a return: write the report of values that could not be read",
    )
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


RETURNS = {"annex_a": "annex-a", "cin_census": "cin-census", "ssda903": "ssda903"}


def run(args: argparse.Namespace) -> int:
    kind = next((k for attr, k in RETURNS.items() if getattr(args, attr) is not None), None)
    if args.pack is None and kind is None:
        return fail("give --pack with --events (for example --pack wokingham-2020)")
    pack = pack_or_none(args.pack or "national")
    if pack is None:
        return 2
    if args.standard:
        unknown = [s for s in args.standard if s not in {x.id for x in pack.standards}]
        if unknown:
            return fail(f"the pack {pack.name!r} has no standard {unknown[0]!r}")
    if kind is not None:
        loaded = _from_return(kind, getattr(args, kind.replace("-", "_")), args.errors)
        if loaded is None:
            return 1
        events = loaded
    else:
        try:
            events = read_events(args.events)
        except InputError as exc:
            print(f"casework: cannot read the events:\n{exc}", file=sys.stderr)
            return 1
    as_of = args.as_of or today()
    wanted = args.standard
    if kind is not None and wanted is None and not args.all_standards:
        wanted = _evidenced(pack, events)
    result = evaluate(events, pack, as_of, standards=wanted)
    if args.out is None:
        _write(result, sys.stdout, args.format)
    else:
        with args.out.open("w", newline="", encoding="utf-8") as handle:
            _write(result, handle, args.format)
        counts = ", ".join(f"{n} {s}" for s, n in result.counts().items())
        print(f"{len(result)} obligations ({counts}) written to {args.out}", file=sys.stderr)
    return 0


def _write(result: ObligationTable, handle: TextIO, fmt: str) -> None:
    if fmt == "json":
        result.write_json(handle)
    else:
        result.write_csv(handle)


def _from_return(kind: str, path: Path, errors: Path | None) -> list[Event] | None:
    """The events in a statutory return, with its error report summarised (or written)."""
    from casework.interchange import ReadFailure, convert, write_errors

    try:
        conversion = convert(kind, path)
    except ReadFailure as exc:
        fail(f"cannot read {exc.path}: {exc.why}", 1)
        return None
    counts = conversion.counts
    print(
        f"{path}: {counts['children']} children, {counts['events']} events, "
        f"{counts['errors']} values could not be used",
        file=sys.stderr,
    )
    if errors is not None:
        write_errors(errors, conversion.errors)
        print(f"  error report written to {errors}", file=sys.stderr)
    elif counts["errors"]:
        print("  (give --errors FILE to see them)", file=sys.stderr)
    return list(conversion.events)


def _evidenced(pack: Pack, events: list[Event]) -> list[str]:
    """Standards a return can show as met: those whose qualifying events it contains.

    A return carries only some facts (SSDA903 has no visits, for example); a standard met
    by something it never records would show every child as overdue, which says nothing.
    """
    present = {e.event for e in events}
    keep, skipped = [], []
    for standard in pack.checkable:
        met = standard.met_by.events if standard.met_by is not None else ()
        if standard.kind is Kind.RECORDING or any(e in present for e in met):
            keep.append(standard.id)
        else:
            skipped.append(standard.id)
    if skipped:
        print(
            f"  {len(skipped)} standards left out: the return records nothing that meets them"
            f" ({', '.join(skipped[:6])}{', ...' if len(skipped) > 6 else ''});"
            " --all-standards includes them",
            file=sys.stderr,
        )
    return keep
