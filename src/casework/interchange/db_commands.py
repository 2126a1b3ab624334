"""`casework import` and `casework export`: statutory returns into and out of the web app's
database. The work is done in `casework.records.imports`; this is the command glue.

    casework import annex-a Annex_A.xlsx
    casework import ssda903 ssda903/
    casework export annex-a --as-of 2024-03-31 --out Annex_A.xlsx
    casework export ssda903 --as-of 2024-03-31 --out ssda903/
    casework export cin-census --as-of 2025-03-31 --out CIN_Census.xml
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from casework.cli.common import Subparsers, fail
from casework.interchange import KINDS, ReadFailure


def setup_django() -> None:
    """Django set up as `casework manage` does it (the same settings and database)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.site.settings")
    import django

    django.setup()


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser(
        "import",
        help="import a statutory return (Annex A, CIN census, SSDA903) into the database",
        description=(
            "Convert a return and import its children and events into the web app's "
            "database in one transaction, then re-evaluate the children touched. Importing "
            "the same file again changes nothing."
        ),
    )
    p.add_argument("kind", choices=list(KINDS), help="which return the file is")
    p.add_argument("path", type=Path, metavar="FILE", help="the return (a folder for SSDA903)")
    p.add_argument("--errors", type=Path, default=None, metavar="ERRORS.csv")
    p.set_defaults(handler=run_import)

    e = sub.add_parser(
        "export",
        help="export a return from the database (annex-a, cin-census, ssda903)",
        description=(
            "Write Ofsted's Annex A lists 1 to 11 (2024 columns) to FILE.xlsx, the CIN census "
            "(2025-26 shape) to FILE.xml, or the SSDA903 CSV files (header, episodes, "
            "reviews, missing) to the folder DIR, for the collection year ending on the date "
            "(Annex A: as it stands on the date), from the database."
        ),
    )
    e.add_argument("kind", choices=list(KINDS), help="which return to write")
    e.add_argument("--as-of", type=dt.date.fromisoformat, required=True, metavar="DATE")
    e.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FILE.xml|DIR")
    e.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    setup_django()
    from casework.interchange import write_errors
    from casework.records.imports.load import import_return

    try:
        result = import_return(args.kind, args.path)
    except ReadFailure as exc:
        return fail(f"cannot read {exc.path}: {exc.why}", 1)
    if args.errors is not None:
        try:
            write_errors(args.errors, result.conversion.errors)
        except OSError as exc:
            return fail(f"cannot write {args.errors}: {exc.strerror or exc}", 1)
    c = result.conversion
    print(
        f"{c.path}: {len(c.events)} events read, {len(c.errors)} error rows\n"
        f"  people: {result.people_added} added, {result.people_updated} updated\n"
        f"  events: {result.events_added} added, {result.events_updated} updated, "
        f"{result.events_unchanged} already imported\n"
        f"  {len(result.touched)} people re-evaluated",
        file=sys.stderr,
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    setup_django()
    from casework.records.imports.annex_a import export_annex_a
    from casework.records.imports.cin_census import export_cin_census
    from casework.records.imports.ssda903 import export_ssda903

    try:
        if args.kind == "ssda903":
            files = export_ssda903(args.out, args.as_of)
            rows = ", ".join(f"{name}.csv: {count}" for name, count in files.items())
        elif args.kind == "cin-census":
            elements = export_cin_census(args.out, args.as_of)
            rows = ", ".join(f"{count} {name}" for name, count in elements.items())
        else:
            lists = export_annex_a(args.out, args.as_of)
            rows = ", ".join(f"list {n}: {count}" for n, count in lists.items())
    except OSError as exc:
        return fail(f"cannot write {args.out}: {exc.strerror or exc}", 1)
    print(f"{args.out}: {rows}", file=sys.stderr)
    return 0
