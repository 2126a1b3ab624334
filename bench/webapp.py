"""Benchmark the web app on a synthetic council in SQLite (or DATABASE_URL).

Builds the council into a fresh database, evaluates it, then times with Django's test
client, signed in as real users:

- per-child re-evaluation (what saving an event does), target under 50 ms at p95;
- recording a visit through the form, the whole request;
- My work for the busiest workers and Team workload for every team (with and without
  filters), target under 300 ms at p95.

    python bench/webapp.py                    # 15,000 children over 3 years
    python bench/webapp.py --children 2000    # the demo's size, quicker
    python bench/webapp.py --check            # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def percentiles(times: list[float]) -> tuple[float, float, float]:
    """(p50, p95, max) in milliseconds."""
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return statistics.median(ms), p95, ms[-1]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=15_000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=200, help="children re-evaluated")
    parser.add_argument("--check", action="store_true", help="fail if a target is missed")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="casework-bench-"))
    os.environ["CASEWORK_VAR"] = str(workdir)
    os.environ["CASEWORK_DEBUG"] = "0"  # no query log kept in memory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.site.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from casework.accounts.models import User
    from casework.accounts.roles import Role
    from casework.records.evaluation import reevaluate, reevaluate_everyone, today
    from casework.records.loader import load_council
    from casework.records.models import Person, Team
    from casework.synth import generate

    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{connection.vendor}, {os.cpu_count()} cores"
    )
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    # The demo's data: with the paperwork around meetings and reviews recorded.
    council = generate(
        children=args.children, years=args.years, seed=args.seed, end=today(), paperwork=True
    )
    print(
        f"generated {len(council.children):,} children, {len(council.events):,} events "
        f"in {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    load_council(council)
    print(f"loaded in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    count = reevaluate_everyone()
    print(f"evaluated {count:,} obligations in {time.perf_counter() - start:.1f} s\n")

    results: list[tuple[str, list[float], float]] = []
    rng = random.Random(args.seed)
    open_ids = list(Person.objects.filter(is_open=True).values_list("pk", flat=True))
    sample = Person.objects.filter(pk__in=rng.sample(open_ids, min(args.sample, len(open_ids))))
    per_child = [timed(lambda p=p: reevaluate(p), 1)[0] for p in sample]  # type: ignore[misc]
    results.append(("re-evaluate one child", per_child, 50))

    client = Client()
    workers = list(
        User.objects.filter(role=Role.SOCIAL_WORKER, caseload__is_open=True)
        .distinct()
        .order_by("pk")[:20]
    )
    my_work: list[float] = []
    for worker in workers:
        client.force_login(worker)
        client.get(reverse("work:my_work"))  # warm
        my_work += timed(lambda: client.get(reverse("work:my_work")), 3)
    results.append(("My work", my_work, 300))

    team_times: list[float] = []
    filtered: list[float] = []
    url = reverse("work:team")
    for team in Team.objects.all():
        manager = User.objects.filter(team=team, role=Role.TEAM_MANAGER).first()
        if manager is None or not team.people.exists():
            continue
        client.force_login(manager)
        client.get(url)
        team_times += timed(lambda: client.get(url), 3)
        filtered += timed(lambda: client.get(url, {"status": "red"}), 2)
        filtered += timed(lambda: client.get(url, {"standard": "cp-visit", "status": "amber"}), 2)
    results.append(("Team workload", team_times, 300))
    results.append(("Team workload, filtered", filtered, 300))

    recorder = next((w for w in workers if w.caseload.filter(is_open=True).exists()), None)
    if recorder is not None:
        client.force_login(recorder)
        child = recorder.caseload.filter(is_open=True).first()
        assert child is not None
        new_event = reverse("records:event_new", args=[child.public_id])
        day = today()
        form = {
            "type": "case_note",
            "occurred_day": day.day,
            "occurred_month": day.month,
            "occurred_year": day.year,
            "worker": recorder.pk,
            "note": "Benchmark note",
        }
        recording = timed(lambda: client.post(new_event, form), 20)
        results.append(("record an event (whole request)", recording, 300))
        results.append(
            (
                "child record page",
                timed(lambda: client.get(reverse("records:record", args=[child.public_id])), 20),
                300,
            )
        )

    missed = False
    print(f"{'':<34}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'target':>10}")
    for name, times, target in results:
        p50, p95, top = percentiles(times)
        ok = p95 < target
        missed |= not ok
        print(
            f"{name:<34}{len(times):>6}{p50:>10.1f}{p95:>10.1f}{top:>10.1f}"
            f"{'<' + str(target):>10} {'ok' if ok else 'MISSED'}"
        )
    print(f"\ndatabase left in {workdir}")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
