"""Benchmark Annex A export and conversion on a synthetic council (SQLite, or DATABASE_URL).

Loads the council into a fresh database, exports its Annex A (all eleven lists, the whole
history up to the council's last day, not only Ofsted's twelve months), then converts the
workbook back to events. Target: under 10 seconds each way. For comparison, it also writes
the same workbook the straightforward way (every event, openpyxl's own writer). Then it
exports the CIN census for the collection year ending on the council's last day and
converts it back (measured, no target).

    python bench/interchange.py                    # 15,000 children over 3 years
    python bench/interchange.py --children 2000    # quicker
    python bench/interchange.py --check            # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

TARGET = 10.0
T = TypeVar("T")


@dataclass(frozen=True)
class Took:
    wall: float  # seconds on the clock
    cpu: float  # seconds of this process's processor time: less sensitive to other work

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s processor time)"


def timed(work: Callable[[], T]) -> tuple[Took, T]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return Took(time.perf_counter() - wall, time.process_time() - cpu), result


def reference_export(path: Path, as_of: dt.date) -> None:
    """Annex A written the straightforward way, as the export first was: every event of
    every person, and openpyxl's own write-only workbook."""
    from openpyxl import Workbook

    from casework.interchange.annex_a import LISTS
    from casework.records.imports.annex_a import TITLES, headers
    from casework.records.imports.facts import people_with_events
    from casework.records.imports.lists import ROWS

    people = people_with_events(as_of)
    book = Workbook(write_only=True)
    for number in range(1, 12):
        sheet: Any = book.create_sheet(TITLES[number])
        sheet.append(headers(number))
        for person in people.values():
            if person.facts.adult == (number == 11):
                for row in ROWS[number](person.facts, person.events, False):
                    sheet.append([row.get(name) for name in LISTS[number]])
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--children", type=int, default=15_000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="fail if a target is missed")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="casework-bench-"))
    os.environ["CASEWORK_VAR"] = str(workdir)
    os.environ["CASEWORK_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.site.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from casework.interchange import convert
    from casework.records.evaluation import today
    from casework.records.imports.annex_a import export_annex_a
    from casework.records.imports.cin_census import export_cin_census
    from casework.records.loader import load_council
    from casework.synth import generate

    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{connection.vendor}, {os.cpu_count()} cores"
    )
    call_command("migrate", verbosity=0)
    as_of = today()
    council = generate(children=args.children, years=args.years, seed=args.seed, end=as_of)
    load_council(council)
    print(f"council: {len(council.children):,} children, {len(council.events):,} events")
    del council  # as in `casework export`, which runs in a process of its own
    gc.collect()
    print(f"load average before timing: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")

    out = workdir / "Annex_A.xlsx"
    exported, written = timed(lambda: export_annex_a(out, as_of, window=False))
    print(f"export:  {sum(written.values()):,} rows in {exported} ({out.stat().st_size:,} bytes)")
    print("         " + ", ".join(f"list {n}: {count:,}" for n, count in written.items()))

    reference = workdir / "Annex_A_reference.xlsx"
    before, _ = timed(lambda: reference_export(reference, as_of))
    print(f"         the straightforward way (every event, openpyxl's writer): {before}")

    converted, conversion = timed(lambda: convert("annex-a", out))
    print(
        f"convert: {len(conversion.events):,} events, {len(conversion.children):,} children, "
        f"{len(conversion.errors):,} error rows in {converted}"
    )

    census = workdir / "CIN_Census.xml"
    took, elements = timed(lambda: export_cin_census(census, as_of))
    print(
        f"census:  {elements['Child']:,} children, {elements['CINdetails']:,} episodes in "
        f"{took} ({census.stat().st_size:,} bytes)"
    )
    took, back = timed(lambda: convert("cin-census", census))
    print(
        f"         converted back: {len(back.events):,} events, {len(back.errors):,} error rows "
        f"in {took}"
    )
    missed = [
        name for name, t in (("export", exported), ("convert", converted)) if t.wall >= TARGET
    ]
    print(
        f"target under {TARGET:.0f} s each way: "
        + (f"missed ({', '.join(missed)})" if missed else "met")
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
