"""Every event uses the event vocabulary's names, and reads back through the CLI format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casework.engine.events_io import read_events
from casework.standards.vocabulary import vocabulary
from casework.synth import Council, generate, write_council


@pytest.mark.parametrize("paperwork", [False, True])
def test_every_event_type_and_detail_is_in_the_vocabulary(paperwork: bool) -> None:
    vocab = vocabulary()
    council = generate(1000, seed=11, paperwork=paperwork)
    problems: set[str] = set()
    for event in council.events:
        kind = vocab.events.get(event.event)
        if kind is None:
            problems.add(f"unknown event type {event.event}")
            continue
        for name, value in event.details.items():
            detail = kind.details.get(name)
            if detail is None:
                problems.add(f"{event.event} has no detail {name}")
            elif detail.type == "choice" and value not in detail.values:
                problems.add(f"{event.event}.{name}: {value!r} is not one of {detail.values}")
            elif detail.type == "yes_no" and value not in ("yes", "no"):
                problems.add(f"{event.event}.{name}: {value!r} is not yes or no")
            elif detail.type == "date":
                dt.date.fromisoformat(value)
            elif detail.type == "number":
                float(value)
    assert not problems, sorted(problems)


def test_episode_start_and_end_events_carry_an_episode_id(council: Council) -> None:
    vocab = vocabulary()
    bounds = {e.starts for e in vocab.episodes.values()} | {e.ends for e in vocab.episodes.values()}
    missing = {e.event for e in council.events if e.event in bounds and not e.episode_id}
    assert not missing


def test_the_events_file_reads_back_with_the_events_reader(
    council: Council, tmp_path: Path
) -> None:
    paths = write_council(council, tmp_path)
    events = read_events(paths["events.csv"])
    assert len(events) == len(council.events)
    for written, read in zip(council.events[:2000], events[:2000], strict=True):
        assert (read.child_id, read.event, read.occurred) == (
            written.child_id,
            written.event,
            written.occurred,
        )
        assert read.recorded == written.recorded
        assert read.worker == written.worker
        assert read.episode_id == written.episode_id
        assert dict(read.details) == dict(written.details)


def test_the_people_files_have_a_row_for_each_child_worker_and_team(
    council: Council, tmp_path: Path
) -> None:
    paths = write_council(council, tmp_path)
    lines = {name: path.read_text(encoding="utf-8").splitlines() for name, path in paths.items()}
    assert lines["children.csv"][0].startswith("id,given_name,family_name,date_of_birth")
    assert len(lines["children.csv"]) == len(council.children) + 1
    assert len(lines["workers.csv"]) == len(council.workers) + 1
    assert len(lines["teams.csv"]) == len(council.teams) + 1
