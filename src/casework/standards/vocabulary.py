"""The event vocabulary (events, their details, and episodes), read from vocabulary.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")

DETAIL_TYPES = ("yes_no", "text", "choice", "date", "number")
# Columns every events file may have; a detail cannot share a name with one of them.
RESERVED = frozenset(
    {"child_id", "event", "occurred", "recorded", "episode_id", "worker", "source"}
)


@dataclass(frozen=True)
class Detail:
    name: str
    type: str
    values: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class EventType:
    name: str
    area: str
    title: str
    significant: bool
    details: dict[str, Detail]


@dataclass(frozen=True)
class EpisodeType:
    name: str
    title: str
    starts: str
    ends: str


@dataclass(frozen=True)
class Vocabulary:
    events: dict[str, EventType]
    episodes: dict[str, EpisodeType]

    def episode_starting_with(self, event: str) -> EpisodeType | None:
        for episode in self.episodes.values():
            if episode.starts == event:
                return episode
        return None


@cache
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    events: dict[str, EventType] = {}
    for name, spec in raw["events"].items():
        details = {
            detail_name: Detail(
                name=detail_name,
                type=detail["type"],
                values=tuple(str(v) for v in detail.get("values", ())),
                title=detail.get("title", ""),
            )
            for detail_name, detail in (spec.get("details") or {}).items()
        }
        for detail in details.values():
            if detail.name in RESERVED:
                raise ValueError(
                    f"{VOCABULARY_FILE}: {name}.{detail.name}: the name of an events-file column"
                )
            if detail.type not in DETAIL_TYPES:
                raise ValueError(f"{VOCABULARY_FILE}: {name}.{detail.name}: bad type {detail.type}")
        events[name] = EventType(
            name=name,
            area=spec["area"],
            title=spec["title"],
            significant=bool(spec.get("significant", False)),
            details=details,
        )
    episodes: dict[str, EpisodeType] = {}
    for name, spec in raw["episodes"].items():
        for key in ("starts", "ends"):
            if spec[key] not in events:
                raise ValueError(f"{VOCABULARY_FILE}: episode {name}: unknown event {spec[key]}")
        episodes[name] = EpisodeType(
            name=name, title=spec["title"], starts=spec["starts"], ends=spec["ends"]
        )
    return Vocabulary(events=events, episodes=episodes)
