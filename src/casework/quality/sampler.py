"""Drawing a sample of cases, reproducibly: the same pool and the same seed always give the
same cases in the same order. Plain Python, no Django.

The pool is sorted by case id first, so the order in which the database returns it does
not matter. Stratified samples share the places out between the strata in proportion to
their size (largest remainders first, ties to the stratum named first), so every stratum
large enough for a place gets one, and draw within each stratum from the same generator.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    id: int
    stratum: str = ""


@dataclass(frozen=True)
class Drawn:
    id: int
    stratum: str


def new_seed() -> int:
    """A seed to record with the sample (fits a signed 63-bit column)."""
    return random.SystemRandom().randrange(1, 2**62)


def allocate(sizes: Sequence[tuple[str, int]], places: int) -> dict[str, int]:
    """Share `places` between strata in proportion to their sizes, never giving a stratum
    more places than it has cases."""
    total = sum(n for _, n in sizes)
    places = min(places, total)
    if places <= 0:
        return {name: 0 for name, _ in sizes}
    shares = {name: places * n / total for name, n in sizes}
    given = {name: min(n, int(shares[name])) for name, n in sizes}
    left = places - sum(given.values())
    order = sorted(
        (name for name, _ in sizes),
        key=lambda name: (-(shares[name] - int(shares[name])), name),
    )
    capacity = dict(sizes)
    while left > 0:
        for name in order:
            if left and given[name] < capacity[name]:
                given[name] += 1
                left -= 1
    return given


def draw(
    pool: Iterable[Candidate], size: int, seed: int, *, stratified: bool = False
) -> list[Drawn]:
    """`size` cases from the pool (all of them if it is smaller), chosen by `seed`."""
    cases = sorted({(c.id, c.stratum) for c in pool})
    rng = random.Random(seed)
    if size <= 0 or not cases:
        return []
    if not stratified:
        return [Drawn(i, s) for i, s in rng.sample(cases, min(size, len(cases)))]
    strata: dict[str, list[tuple[int, str]]] = {}
    for case in cases:
        strata.setdefault(case[1], []).append(case)
    names = sorted(strata)
    places = allocate([(name, len(strata[name])) for name in names], size)
    drawn: list[Drawn] = []
    for name in names:
        drawn += [Drawn(i, name) for i, _ in rng.sample(strata[name], places[name])]
    return drawn
