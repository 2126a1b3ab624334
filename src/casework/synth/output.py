"""Write a synthetic council as CSV files (and a small JSON description)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from casework.engine.events_io import write_events
from casework.synth.model import Council

CHILD_COLUMNS = (
    "id",
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "first_language",
    "interpreter_needed",
    "disability",
    "uasc",
    "address",
    "postcode",
    "gp",
    "school",
    "status",
    "legal_status",
    "team",
    "worker",
    "unallocated_reason",
    "contact_arrangement",
)
WORKER_COLUMNS = ("id", "given_name", "family_name", "role", "title", "team", "manager")
TEAM_COLUMNS = ("id", "name", "kind", "service")


def write_council(council: Council, folder: Path | str) -> dict[str, Path]:
    """Write events.csv (the `casework evaluate` events format), children.csv,
    workers.csv, teams.csv and council.json into `folder` (created if missing).
    Returns the paths written, by name."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        name: out / name
        for name in ("events.csv", "children.csv", "workers.csv", "teams.csv", "council.json")
    }
    write_events(paths["events.csv"], council.events)
    _write_rows(
        paths["children.csv"],
        CHILD_COLUMNS,
        (
            [
                c.id,
                c.given_name,
                c.family_name,
                c.date_of_birth.isoformat(),
                c.sex,
                c.ethnicity,
                c.first_language,
                _yes_no(c.interpreter_needed),
                c.disability,
                _yes_no(c.uasc),
                c.address,
                c.postcode,
                c.gp,
                c.school,
                c.status,
                c.legal_status,
                c.team,
                c.worker,
                c.unallocated_reason,
                c.contact_arrangement,
            ]
            for c in council.children
        ),
    )
    _write_rows(
        paths["workers.csv"],
        WORKER_COLUMNS,
        (
            [w.id, w.given_name, w.family_name, w.role, w.title, w.team, w.manager]
            for w in council.workers
        ),
    )
    _write_rows(
        paths["teams.csv"],
        TEAM_COLUMNS,
        ([t.id, t.name, t.kind, t.service] for t in council.teams),
    )
    description = {
        "name": council.name,
        "seed": council.seed,
        "start": council.start.isoformat(),
        "end": council.end.isoformat(),
        "population": council.population,
        "children": len(council.children),
        "workers": len(council.workers),
        "teams": len(council.teams),
        "events": len(council.events),
    }
    paths["council.json"].write_text(json.dumps(description, indent=2) + "\n", encoding="utf-8")
    return paths


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
