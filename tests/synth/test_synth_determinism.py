"""A synthetic council is reproducible from its arguments, and only from them."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casework.synth import DEFAULT_END, generate, write_council

FILES = ("events.csv", "children.csv", "workers.csv", "teams.csv", "council.json")


def test_the_same_seed_gives_identical_events_and_byte_identical_files(tmp_path: Path) -> None:
    first = generate(400, seed=7)
    second = generate(400, seed=7)
    assert first.events == second.events
    assert first.children == second.children
    assert first.workers == second.workers
    write_council(first, tmp_path / "a")
    write_council(second, tmp_path / "b")
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_another_process_with_other_hash_seeds_writes_the_same_files(tmp_path: Path) -> None:
    write_council(generate(300, seed=3), tmp_path / "here")
    code = (
        "import sys; from casework.synth import generate, write_council; "
        "write_council(generate(300, seed=3), sys.argv[1])"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "there")], check=True, env=env)
    for name in FILES:
        here = (tmp_path / "here" / name).read_bytes()
        assert here == (tmp_path / "there" / name).read_bytes(), name


def test_a_different_seed_gives_different_events() -> None:
    first = generate(300, seed=1)
    second = generate(300, seed=2)
    assert first.events != second.events
    assert [c.name for c in first.children] != [c.name for c in second.children]


def test_the_end_date_is_a_fixed_day_unless_given() -> None:
    default = generate(200)
    assert default.end == DEFAULT_END
    assert max(e.occurred for e in default.events) <= DEFAULT_END
    end = dt.date(2023, 9, 30)
    earlier = generate(200, end=end)
    assert earlier.end == end
    assert max(e.occurred for e in earlier.events) <= end
    assert earlier.start == end - dt.timedelta(days=round(3 * 365.25) - 1)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="children"):
        generate(0)
    with pytest.raises(ValueError, match="years"):
        generate(10, years=0)
