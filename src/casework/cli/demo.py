"""`casework demo`: evaluate the bundled example history and say what is due and late."""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter, defaultdict

from casework.cli.common import Subparsers, pack_or_none
from casework.engine import Obligation, Status, evaluate_events, explain
from casework.engine.events_io import read_events
from casework.examples import EXAMPLE_AS_OF, EXAMPLE_EVENTS


def add_commands(sub: Subparsers) -> None:
    p = sub.add_parser("demo", help="show what is due and late in the bundled example")
    p.add_argument("--pack", default="wokingham-2020")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    pack = pack_or_none(args.pack)
    if pack is None:
        return 2
    as_of = dt.date.fromisoformat(EXAMPLE_AS_OF)
    events = read_events(EXAMPLE_EVENTS)
    obligations = evaluate_events(events, pack, as_of)
    by_child: dict[str, list[Obligation]] = defaultdict(list)
    for o in obligations:
        by_child[o.child_id].append(o)
    counts = Counter(o.status for o in obligations)
    print(f"{pack.title}: {len(pack.standards)} standards ({len(pack.checkable)} checkable)")
    print(f"Example history: {len(events)} events for {len(by_child)} children, as of {as_of}")
    print(", ".join(f"{counts[s]} {s}" for s in Status), "\n")
    soon = as_of + dt.timedelta(days=14)
    for child, items in by_child.items():
        overdue = [o for o in items if o.status is Status.OVERDUE]
        due_soon = [o for o in items if o.status is Status.OPEN and o.due <= soon]
        late = [o for o in items if o.status is Status.LATE]
        print(
            f"Child {child}: {len(overdue)} overdue, {len(due_soon)} due in the next"
            f" 14 days, {len(late)} done late"
        )
        for label, group in (("OVERDUE", overdue), ("DUE SOON", due_soon)):
            for o in sorted(group, key=lambda o: o.due):
                standard = pack.get(o.standard)
                print(f"  {label:<9} {standard.title}")
                print(f"  {'':<9} {explain(o, standard)}")
        print()
    print(
        "Run `casework evaluate --pack wokingham-2020 --events FILE.csv --as-of DATE`"
        " on your own events."
    )
    return 0
