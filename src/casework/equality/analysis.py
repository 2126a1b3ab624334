"""Equality monitoring, computed: for each stage of the service and each characteristic,
how many children of each group used it, their rate per 10,000 children of that group in
the baseline population, and the ratio of that rate to the rate of the rest of the
population with its 95% interval (Katz log method). Timeliness: assessments completed
within 45 working days, by group, with Wilson intervals and the ratio to the rest.

Plain Python: `Child` rows and the sets of children at each stage come from
`casework.equality.data` (the database) or from a test."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from casework.equality.baseline import Baseline
from casework.equality.groups import CHARACTERISTIC_TITLES, NOT_RECORDED, group_of
from casework.equality.stats import Interval, per_10k, rate_ratio, wilson

COMPARISON = "the rest of the child population (every other group with a recorded value)"


@dataclass(frozen=True)
class Stage:
    key: str
    title: str


STAGES: tuple[Stage, ...] = (
    Stage("contact", "Contact"),
    Stage("referral", "Referral"),
    Stage("assessment", "Assessment"),
    Stage("child_in_need", "Child in need plan"),
    Stage("child_protection", "Child protection plan"),
    Stage("child_in_care", "In care"),
)


@dataclass(frozen=True)
class Child:
    id: int
    ethnicity: str
    sex: str
    born: dt.date | None
    disability: str


@dataclass(frozen=True)
class GroupRow:
    group: str
    children: int
    population: int | None  # None: not in the baseline (e.g. not recorded)
    rate: float | None  # per 10,000 children of the group
    ratio: Interval | None  # against the rest of the population


@dataclass(frozen=True)
class StageTable:
    stage: Stage
    characteristic: str
    rows: tuple[GroupRow, ...]
    total: int

    @property
    def title(self) -> str:
        return f"{self.stage.title}: by {CHARACTERISTIC_TITLES[self.characteristic].lower()}"


@dataclass(frozen=True)
class TimelinessRow:
    group: str
    completed: int
    in_time: int
    share: Interval | None  # the proportion in time with its Wilson interval
    ratio: Interval | None  # share in time against the rest


@dataclass(frozen=True)
class Timeliness:
    characteristic: str
    rows: tuple[TimelinessRow, ...]
    completed: int
    in_time: int


@dataclass(frozen=True)
class Assessment:
    child: int
    working_days: int  # from the start of the assessment to its completion


@dataclass(frozen=True)
class Monitoring:
    start: dt.date
    end: dt.date
    baseline: Baseline
    characteristic: str
    stages: tuple[StageTable, ...]
    timeliness: Timeliness
    limit_days: int = 45


def _groups(
    children: Mapping[int, Child], ids: set[int], characteristic: str, on: dt.date
) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i in ids:
        c = children.get(i)
        if c is None:
            continue
        counts[
            group_of(
                characteristic,
                code=c.ethnicity,
                sex_code=c.sex,
                born=c.born,
                disability_text=c.disability,
                on=on,
            )
        ] += 1
    return counts


def stage_table(
    stage: Stage, characteristic: str, counts: Counter[str], population: Mapping[str, int]
) -> StageTable:
    """Rates and ratios for one stage. Groups come from the baseline (in its order), then
    any group found only among the children (shown without a rate)."""
    recorded_children = sum(n for g, n in counts.items() if g in population)
    recorded_population = sum(population.values())
    rows: list[GroupRow] = []
    for group, pop in population.items():
        a = counts.get(group, 0)
        rows.append(
            GroupRow(
                group=group,
                children=a,
                population=pop,
                rate=per_10k(a, pop),
                ratio=rate_ratio(a, pop, recorded_children - a, recorded_population - pop),
            )
        )
    for group in sorted(g for g in counts if g not in population):
        rows.append(GroupRow(group, counts[group], None, None, None))
    return StageTable(stage, characteristic, tuple(rows), sum(counts.values()))


def timeliness(
    characteristic: str,
    children: Mapping[int, Child],
    assessments: Sequence[Assessment],
    on: dt.date,
    limit: int = 45,
    order: Sequence[str] = (),
) -> Timeliness:
    done: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    for a in assessments:
        c = children.get(a.child)
        if c is None:
            continue
        g = group_of(
            characteristic,
            code=c.ethnicity,
            sex_code=c.sex,
            born=c.born,
            disability_text=c.disability,
            on=on,
        )
        done[g] += 1
        ok[g] += a.working_days <= limit
    known = [g for g in order if g in done] + sorted(g for g in done if g not in order)
    total_done = sum(n for g, n in done.items() if g != NOT_RECORDED)
    total_ok = sum(n for g, n in ok.items() if g != NOT_RECORDED)
    rows = tuple(
        TimelinessRow(
            group=g,
            completed=done[g],
            in_time=ok[g],
            share=wilson(ok[g], done[g]),
            ratio=None
            if g == NOT_RECORDED
            else rate_ratio(ok[g], done[g], total_ok - ok[g], total_done - done[g]),
        )
        for g in known
    )
    return Timeliness(characteristic, rows, sum(done.values()), sum(ok.values()))


def monitor(
    children: Mapping[int, Child],
    at_stage: Mapping[str, set[int]],
    assessments: Sequence[Assessment],
    baseline: Baseline,
    characteristic: str,
    start: dt.date,
    end: dt.date,
) -> Monitoring:
    population = baseline.population(characteristic)
    tables = tuple(
        stage_table(
            s,
            characteristic,
            _groups(children, at_stage.get(s.key, set()), characteristic, end),
            population,
        )
        for s in STAGES
    )
    return Monitoring(
        start=start,
        end=end,
        baseline=baseline,
        characteristic=characteristic,
        stages=tables,
        timeliness=timeliness(characteristic, children, assessments, end, order=list(population)),
    )
