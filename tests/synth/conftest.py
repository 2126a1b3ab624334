"""Councils shared by the synthetic council tests (each is generated once per run)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from casework.engine.types import Event
from casework.synth import Council, generate


@pytest.fixture(scope="session")
def council() -> Council:
    return generate(2000)


@pytest.fixture(scope="session")
def large_council() -> Council:
    return generate(10_000)


@pytest.fixture(scope="session")
def by_child(council: Council) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in council.events:
        grouped[event.child_id].append(event)
    return dict(grouped)
