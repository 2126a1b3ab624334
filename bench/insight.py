"""Benchmark the indicators on a synthetic council in SQLite (or DATABASE_URL).

Builds the council into a fresh database (or reuses one with --workdir), evaluates it,
then times:

- the full refresh: every indicator for every period and cut, stored (`refresh_indicators`),
  target under 10 seconds for 15,000 children;
- the management information pages with Django's test client, signed in as a head of
  service: the overview for each period kind, each headline indicator's page, compliance
  by standard, and the weekly team report for every team; target under 500 ms at p95;
- the children behind a figure (read from the lists the refresh stores), for every headline
  indicator by month, overall and for one team; target under 200 ms at p95.

Elapsed times and processor times are both printed: on a shared machine the elapsed time
includes waiting for the processor.

    python bench/insight.py                        # 15,000 children over 3 years
    python bench/insight.py --children 2000        # the demo's size, quicker
    python bench/insight.py --workdir /tmp/cw      # keep (and reuse) the database
    python bench/insight.py --check                # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import os
import platform
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
    parser.add_argument("--workdir", type=Path, default=None, help="keep the database here")
    parser.add_argument("--refreshes", type=int, default=3, help="refresh runs (median)")
    parser.add_argument("--check", action="store_true", help="fail if a target is missed")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="casework-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["CASEWORK_VAR"] = str(workdir)
    os.environ["CASEWORK_DEBUG"] = "0"  # no query log kept in memory
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.site.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils.http import urlencode

    from casework.accounts.models import User
    from casework.accounts.roles import Role
    from casework.insight import PeriodKind
    from casework.performance import catalogue
    from casework.performance.models import IndicatorFigure
    from casework.performance.refresh import refresh_indicators
    from casework.records.evaluation import reevaluate_everyone, today
    from casework.records.loader import load_council
    from casework.records.models import Event, Obligation, Person, Team
    from casework.synth import generate

    settings.ALLOWED_HOSTS = ["*"]
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{connection.vendor}, {os.cpu_count()} cores"
    )
    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        start = time.perf_counter()
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
        print(f"evaluated {count:,} obligations in {time.perf_counter() - start:.1f} s")
    print(
        f"council: {Person.objects.count():,} people, {Event.objects.count():,} events, "
        f"{Obligation.objects.count():,} obligations\n"
    )

    runs = []
    for _ in range(args.refreshes):
        record, timings = refresh_indicators()
        runs.append((record.seconds, timings))
        print(
            f"refresh: {record.figures:,} figures in {record.seconds:.2f} s (reading "
            f"{timings.read:.2f} s, working out {timings.compute:.2f} s, writing "
            f"{timings.write:.2f} s; processor time {timings.cpu:.2f} s)"
        )
    refresh_seconds = statistics.median(r[0] for r in runs)
    refresh_cpu = statistics.median(r[1].cpu for r in runs)
    print(
        f"refresh median: {refresh_seconds:.2f} s elapsed, {refresh_cpu:.2f} s processor time "
        f"(target under 10 s)\n"
    )

    head = User.objects.filter(role=Role.HEAD_OF_SERVICE).first()
    if head is None:
        head = User.objects.create(username="bench-head", role=Role.HEAD_OF_SERVICE)
    client = Client()
    client.force_login(head)
    urls = [reverse("performance:overview") + f"?period={k.value}" for k in PeriodKind]
    for indicator in catalogue.headline():
        urls.append(reverse("performance:indicator", args=[indicator.id]))
        urls.append(reverse("performance:indicator", args=[indicator.id]) + "?period=quarter")
    urls.append(reverse("performance:standards"))
    for team in Team.objects.order_by("pk"):
        urls.append(reverse("performance:team_report") + f"?team={team.pk}")
    page_times: list[float] = []
    page_cpu: list[float] = []
    for url in urls:
        response = client.get(url)  # warm
        assert response.status_code == 200, (url, response.status_code)
        for _ in range(3):
            cpu = time.process_time()
            page_times += timed(lambda url=url: client.get(url), 1)  # type: ignore[misc]
            page_cpu.append(time.process_time() - cpu)
    p50, p95, worst = percentiles(page_times)
    c50, c95, cworst = percentiles(page_cpu)
    print(f"{'pages':<32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    print(f"{'indicator pages':<32} {len(page_times):>5} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f}")
    print(f"{'  (processor time)':<32} {len(page_cpu):>5} {c50:>8.1f} {c95:>8.1f} {cworst:>8.1f}")
    drill_urls = []
    for indicator in catalogue.headline():
        row = (
            IndicatorFigure.objects.filter(indicator=indicator.id, period_kind="month")
            .order_by("-start")
            .first()
        )
        if row is None:
            continue
        base = reverse("performance:children", args=[indicator.id])
        drill_urls.append(f"{base}?period=month&at={row.period_key}")
        teams = sorted(row.cuts.get("team", {}))
        if teams:
            drill_urls.append(
                f"{base}?"
                + urlencode(
                    {"period": "month", "at": row.period_key, "cut": "team", "group": teams[0]}
                )
            )
    drill: list[float] = []
    drill_cpu: list[float] = []
    for url in drill_urls:
        response = client.get(url)  # warm
        assert response.status_code == 200, (url, response.status_code)
        for _ in range(3):
            cpu = time.process_time()
            drill += timed(lambda url=url: client.get(url), 1)  # type: ignore[misc]
            drill_cpu.append(time.process_time() - cpu)
    d50, d95, dworst = percentiles(drill)
    e50, e95, eworst = percentiles(drill_cpu)
    print(
        f"{'children behind a figure':<32} {len(drill):>5} {d50:>8.1f} {d95:>8.1f} {dworst:>8.1f}"
    )
    print(f"{'  (processor time)':<32} {len(drill_cpu):>5} {e50:>8.1f} {e95:>8.1f} {eworst:>8.1f}")
    ok = refresh_seconds < 10 and p95 < 500 and d95 < 200
    print(
        f"\ntargets {'met' if ok else 'MISSED'}: refresh under 10 s, pages under 500 ms at p95, "
        "children behind a figure under 200 ms at p95"
    )
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
