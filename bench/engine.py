"""Benchmark: evaluate a whole synthetic council against wokingham-2020.

Times the vectorised engine and the straightforward per-event Python evaluation
(`casework.engine.reference`) on the same history, in one run, checks that they give the
same obligations, and prints the ratio.

    python bench/engine.py                 # 10,000 children over 3 years
    python bench/engine.py --children 2000 # quicker
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

from casework.engine import EventTable, evaluate, reference
from casework.standards import load_pack
from casework.synth import generate

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=10_000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="engine runs (median reported)")
    parser.add_argument("--pack", default="wokingham-2020")
    args = parser.parse_args()

    pack = load_pack(args.pack)
    gen_time, council = timed(lambda: generate(args.children, args.years, seed=args.seed))
    events = council.events
    as_of = max(e.occurred for e in events)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}"
    )
    print(
        f"council: {len(council.children):,} children, {len(events):,} events"
        f" (generated in {gen_time:.1f} s), as of {as_of}"
    )
    print(f"pack: {pack.name}, {len(pack.checkable)} checkable standards")

    runs = []
    result = None
    for _ in range(args.repeat):
        build, table = timed(lambda: EventTable.from_events(events))
        run, result = timed(lambda t=table: evaluate(t, pack, as_of))  # type: ignore[misc]
        runs.append((build, run))
    assert result is not None
    build = statistics.median(b for b, _ in runs)
    run = statistics.median(r for _, r in runs)
    engine = build + run

    ref_time, expected = timed(lambda: reference.evaluate(events, pack, as_of))
    got = result.to_list()
    same = sorted(o.key() for o in got) == sorted(o.key() for o in expected) and sorted(
        got, key=lambda o: o.key()
    ) == sorted(expected, key=lambda o: o.key())

    print()
    print("| evaluation | seconds | obligations |")
    print("| --- | ---: | ---: |")
    print(f"| engine: load events into columns | {build:.2f} | |")
    print(f"| engine: evaluate | {run:.2f} | {len(result):,} |")
    print(f"| engine: total | {engine:.2f} | |")
    print(f"| per-event Python (reference) | {ref_time:.2f} | {len(expected):,} |")
    print()
    print(
        f"ratio: the engine is {ref_time / engine:.0f} times faster"
        f" ({ref_time / run:.0f} times counting evaluation alone)"
    )
    print(f"identical results: {'yes' if same else 'NO'}")
    counts = result.counts()
    print("statuses: " + ", ".join(f"{n:,} {s}" for s, n in counts.items()))
    print(f"date: {dt.date.today().isoformat()}")  # noqa: DTZ011 - a label, not a calculation
    if not same:
        raise SystemExit("the engine and the reference disagree")


if __name__ == "__main__":
    main()
