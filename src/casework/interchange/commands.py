"""`casework convert`: a statutory return to an events file and an error report.

    casework convert annex-a Annex_A.xlsx --out events.csv --errors errors.csv
    casework convert cin-census CIN_Census_2024.xml --out events.csv --errors errors.csv
    casework convert ssda903 ssda903/ --out events.csv --errors errors.csv

Exits 0 when the return was read, even if some values went into the error report, and 1
with a message naming the file when it cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from casework.cli.common import Subparsers, fail
from casework.engine.events_io import write_events
from casework.interchange import (
    KINDS,
    Conversion,
    ReadFailure,
    convert,
    db_commands,
    write_errors,
)

# Reasons listed in the summary on standard error; the report file has them all.
SUMMARY_REASONS = 8


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser(
        "convert",
        help="convert a statutory return (Annex A, CIN census, SSDA903) to events",
        description=(
            "Read an Annex A (.xlsx or .csv), a CIN census (.xml) or an SSDA903 return (a "
            "folder of CSV files, one CSV file, or .xml) and write its events in the events "
            "file format, with a source column naming the file, sheet and row of each. "
            "Values that cannot be read go into the error report."
        ),
    )
    p.add_argument("kind", choices=list(KINDS), help="which return the file is")
    p.add_argument("path", type=Path, metavar="FILE", help="the return (a folder for SSDA903)")
    p.add_argument("--out", type=Path, default=None, help="events CSV (default: standard output)")
    p.add_argument(
        "--errors",
        type=Path,
        default=None,
        metavar="ERRORS.csv",
        help="error report CSV: file, sheet, row, column, value, why (default: not written)",
    )
    p.set_defaults(handler=run)
    db_commands.add_commands(sub)


def run(args: argparse.Namespace) -> int:
    try:
        conversion = convert(args.kind, args.path)
    except ReadFailure as exc:
        return fail(f"cannot read {exc.path}: {exc.why}", 1)
    try:
        if args.out is None:
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "events.csv"
                write_events(out, conversion.events, sources=conversion.sources)
                sys.stdout.write(out.read_text(encoding="utf-8"))
        else:
            write_events(args.out, conversion.events, sources=conversion.sources)
        if args.errors is not None:
            write_errors(args.errors, conversion.errors)
    except OSError as exc:
        name = exc.filename or args.out or args.errors
        return fail(f"cannot write {name}: {exc.strerror or exc}", 1)
    print(summary(conversion, args.out, args.errors), file=sys.stderr)
    return 0


def summary(c: Conversion, out: Path | None, errors: Path | None) -> str:
    counts = c.counts
    people = _count(counts["children"], "child", "children")
    if counts["adopters"]:
        people += " and " + _count(counts["adopters"], "adopter", "adopters")
    lines = [
        f"{c.path}: {counts['rows']} rows read, {people}, {counts['events']} events, "
        f"{counts['errors']} error rows"
    ]
    kinds = ", ".join(f"{n} {k}" for k, n in c.events_by_type().items())
    if kinds:
        lines.append(f"  events: {kinds}")
    reasons = list(c.errors_by_reason().items())
    for why, n in reasons[:SUMMARY_REASONS]:
        lines.append(f"  {n} x {why}")
    if len(reasons) > SUMMARY_REASONS:
        lines.append(f"  ... and {len(reasons) - SUMMARY_REASONS} other reasons")
    if out is not None:
        lines.append(f"  events written to {out}")
    if errors is not None:
        lines.append(f"  error report written to {errors}")
    elif counts["errors"]:
        lines.append("  (give --errors FILE to write the error report)")
    return "\n".join(lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run `convert` on its own: `python -m casework.interchange.commands annex-a FILE`."""
    parser = argparse.ArgumentParser(prog="casework")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_commands(sub)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] != ["convert"]:
        arguments.insert(0, "convert")
    args = parser.parse_args(arguments)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
