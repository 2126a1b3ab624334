"""python -m casework.synth --children 2000 --years 3 --seed 1 --out var/synth"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence

from casework.synth.generate import DEFAULT_END, generate
from casework.synth.output import write_council
from casework.synth.summary import figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m casework.synth", description="Write a synthetic council as CSV files."
    )
    parser.add_argument("--children", type=int, default=2000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--end", type=dt.date.fromisoformat, default=DEFAULT_END, help="ISO date (2025-03-31)"
    )
    parser.add_argument("--out", default="var/synth", help="folder for the CSV files")
    parser.add_argument("--figures", action="store_true", help="print headline figures")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        council = generate(args.children, args.years, args.seed, args.end)
    except ValueError as exc:
        print(f"casework.synth: {exc}", file=sys.stderr)
        return 2
    took = time.perf_counter() - started
    paths = write_council(council, args.out)
    print(
        f"{council.name}: {len(council.children):,} children, {len(council.workers):,} workers"
        f" in {len(council.teams)} teams, {len(council.events):,} events"
        f" from {council.start} to {council.end} (generated in {took:.1f} s)"
    )
    print(f"written to {paths['events.csv'].parent}")
    if args.figures:
        for figure in figures(council):
            england = f" (England {figure.england:g})" if figure.england is not None else ""
            print(f"  {figure.name}: {figure.value:g}{england}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
