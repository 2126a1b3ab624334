"""The child population each group is compared with: a data file naming its source and
year, e.g. the 2021 Census children aged 0 to 17 by ethnic group for the council.

The bundled file describes the demo council. A council points the setting
`CASEWORK_EQUALITY_BASELINE` at its own file (same shape; see
docs/guide/equality-monitoring.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

BUNDLED = Path(__file__).parent / "baselines" / "demo-council.yaml"
CHARACTERISTICS = ("ethnic_group", "ethnicity", "sex", "age_band", "disability")


class BaselineError(ValueError):
    pass


@dataclass(frozen=True)
class Baseline:
    area: str
    source: str
    year: int
    note: str
    populations: dict[str, dict[str, int]]  # characteristic -> group -> children

    def population(self, characteristic: str) -> dict[str, int]:
        return self.populations.get(characteristic, {})

    @property
    def total(self) -> int:
        return sum(next(iter(self.populations.values())).values())


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file; every error names the file and the field."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BaselineError(f"{path}: cannot be read ({exc})") from exc
    if not isinstance(raw, dict):
        raise BaselineError(f"{path}: expected a mapping at the top")
    for key in ("area", "source", "year", "populations"):
        if key not in raw:
            raise BaselineError(f"{path}: missing {key!r}")
    if not isinstance(raw["year"], int):
        raise BaselineError(f"{path}: 'year' must be a whole number")
    populations: dict[str, dict[str, int]] = {}
    pops = raw["populations"]
    if not isinstance(pops, dict) or not pops:
        raise BaselineError(f"{path}: 'populations' must map characteristics to groups")
    for characteristic, groups in pops.items():
        if characteristic not in CHARACTERISTICS:
            raise BaselineError(
                f"{path}: populations.{characteristic} is not one of {', '.join(CHARACTERISTICS)}"
            )
        if not isinstance(groups, dict) or not groups:
            raise BaselineError(f"{path}: populations.{characteristic} must list groups")
        for group, n in groups.items():
            if not isinstance(n, int) or n < 0:
                raise BaselineError(
                    f"{path}: populations.{characteristic}.{group} must be a count of children"
                )
        populations[characteristic] = {str(g): int(n) for g, n in groups.items()}
    totals = {c: sum(g.values()) for c, g in populations.items()}
    if len(set(totals.values())) > 1:
        shown = ", ".join(f"{c} {t:,}" for c, t in totals.items())
        raise BaselineError(f"{path}: each characteristic must add up to the same total ({shown})")
    return Baseline(
        area=str(raw["area"]),
        source=str(raw["source"]),
        year=raw["year"],
        note=str(raw.get("note", "")),
        populations=populations,
    )


@cache
def _cached(path: str) -> Baseline:
    return load_baseline(Path(path))


def current_baseline() -> Baseline:
    from django.conf import settings

    return _cached(str(getattr(settings, "CASEWORK_EQUALITY_BASELINE", "") or BUNDLED))
