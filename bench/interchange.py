"""Benchmark Annex A export and conversion on a synthetic council (SQLite, or DATABASE_URL).

Loads the council into a fresh database, exports its Annex A (all eleven lists, the whole
history up to the council's last day, not only Ofsted's twelve months), then converts the
workbook back to events. Target: under 10 seconds each way.

    python bench/interchange.py                    # 15,000 children over 3 years
    python bench/interchange.py --children 2000    # quicker
    python bench/interchange.py --check            # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

TARGET = 10.0


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

    out = workdir / "Annex_A.xlsx"
    start = time.perf_counter()
    written = export_annex_a(out, as_of, window=False)
    exported = time.perf_counter() - start
    print(
        f"export:  {sum(written.values()):,} rows in {exported:.2f} s "
        f"({out.stat().st_size:,} bytes)"
    )
    print("         " + ", ".join(f"list {n}: {count:,}" for n, count in written.items()))

    start = time.perf_counter()
    conversion = convert("annex-a", out)
    converted = time.perf_counter() - start
    print(
        f"convert: {len(conversion.events):,} events, {len(conversion.children):,} children, "
        f"{len(conversion.errors):,} error rows in {converted:.2f} s"
    )
    missed = [name for name, t in (("export", exported), ("convert", converted)) if t >= TARGET]
    print(
        f"target under {TARGET:.0f} s each way: "
        + (f"missed ({', '.join(missed)})" if missed else "met")
    )
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
