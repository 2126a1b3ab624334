"""England's published figures for the indicators, read from england.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ENGLAND_FILE = Path(__file__).with_name("england.yaml")


@dataclass(frozen=True)
class EnglandFigure:
    indicator: str
    year: int  # the reporting year: the year ending 31 March
    value: float  # a proportion, 0 to 1
    numerator: int | None
    denominator: int | None
    document: str
    table: str
    url: str
    note: str = ""

    @property
    def label(self) -> str:
        return f"England {self.year - 1} to {self.year % 100:02d}"


@cache
def england_figures(path: Path | None = None) -> dict[str, tuple[EnglandFigure, ...]]:
    """Each indicator's published figures for England, newest first."""
    raw = yaml.safe_load((path or ENGLAND_FILE).read_text(encoding="utf-8"))
    found: dict[str, list[EnglandFigure]] = {}
    for row in raw["figures"]:
        value = float(row["value"])
        if not 0 <= value <= 1:
            raise ValueError(f"{row['indicator']} {row['year']}: value must be 0 to 1")
        figure = EnglandFigure(
            indicator=str(row["indicator"]),
            year=int(row["year"]),
            value=value,
            numerator=row.get("numerator"),
            denominator=row.get("denominator"),
            document=" ".join(str(row["document"]).split()),
            table=" ".join(str(row["table"]).split()),
            url=str(row["url"]),
            note=" ".join(str(row.get("note", "")).split()),
        )
        found.setdefault(figure.indicator, []).append(figure)
    return {k: tuple(sorted(v, key=lambda f: -f.year)) for k, v in found.items()}


def latest_england(indicator: str) -> EnglandFigure | None:
    """The newest published figure for England, if there is one."""
    figures = england_figures().get(indicator, ())
    return figures[0] if figures else None
