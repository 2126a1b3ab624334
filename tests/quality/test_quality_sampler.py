"""The sampler: the same pool and seed always give the same cases, a sample never holds a
case twice or one outside the pool, and stratified samples share places fairly."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from casework.quality.sampler import Candidate, allocate, draw

pools = st.lists(
    st.tuples(st.integers(1, 10_000), st.sampled_from(["Hilltop", "Riverside", "Faraway", ""])),
    max_size=60,
    unique_by=lambda t: t[0],
).map(lambda rows: [Candidate(i, s) for i, s in rows])


@settings(max_examples=300, deadline=None)
@given(pools, st.integers(0, 80), st.integers(1, 2**62), st.booleans())
def test_the_same_seed_draws_the_same_cases_whatever_the_pool_order(
    pool: list[Candidate], size: int, seed: int, stratified: bool
) -> None:
    shuffled = list(pool)
    random.Random(seed).shuffle(shuffled)
    first = draw(pool, size, seed, stratified=stratified)
    assert draw(shuffled, size, seed, stratified=stratified) == first


@settings(max_examples=300, deadline=None)
@given(pools, st.integers(0, 80), st.integers(1, 2**62), st.booleans())
def test_a_sample_is_a_set_of_cases_from_the_pool_of_the_size_asked(
    pool: list[Candidate], size: int, seed: int, stratified: bool
) -> None:
    drawn = draw(pool, size, seed, stratified=stratified)
    ids = [d.id for d in drawn]
    assert len(ids) == len(set(ids))
    assert set(ids) <= {c.id for c in pool}
    assert len(drawn) == min(size, len(pool))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=6),
    st.integers(0, 120),
)
def test_places_are_shared_in_proportion_and_never_beyond_a_stratum(
    sizes: list[int], places: int
) -> None:
    strata = [(f"s{i}", n) for i, n in enumerate(sizes)]
    given_out = allocate(strata, places)
    total = sum(sizes)
    assert sum(given_out.values()) == min(places, total)
    for name, n in strata:
        assert 0 <= given_out[name] <= n
        if total and places <= total:
            # Largest remainders: never more than one place from the exact share.
            assert abs(given_out[name] - places * n / total) < 1 + 1e-9


def test_a_different_seed_usually_draws_different_cases() -> None:
    pool = [Candidate(i) for i in range(1, 201)]
    assert draw(pool, 6, 1) != draw(pool, 6, 2)


def test_every_stratum_with_a_fair_share_gets_a_place() -> None:
    pool = [Candidate(i, "big") for i in range(1, 91)] + [
        Candidate(i, "small") for i in range(91, 101)
    ]
    drawn = draw(pool, 10, 7, stratified=True)
    assert sorted(d.stratum for d in drawn) == ["big"] * 9 + ["small"]
