"""The challenge stages and dip-audit triggers (rules.yaml), checked when they are loaded.

Plain Python: a wrong key, a missing citation or a timescale that cannot be counted stops
the load with a message naming the file and the entry, not a failure on some later page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from casework.calendar import calendar_for
from casework.standards.timescale import Timescale, TimescaleError, Unit
from casework.standards.vocabulary import vocabulary

RULES = Path(__file__).with_name("rules.yaml")
HOLDERS = ("team_manager", "service_manager", "head_of_service")
TIMESCALE_SOURCES = ("seed", "council")
DIP_AUDIT_KEYS = ("chronology_not_updated", "missed_visit", "core_group_lapsed")


class RulesError(ValueError):
    """Rules that cannot be used, with every problem found."""


@dataclass(frozen=True)
class Citation:
    document: str
    section: str
    quote: str


@dataclass(frozen=True)
class Stage:
    number: int  # from 1
    key: str
    title: str
    holder: str  # the role that holds the stage (one of HOLDERS)
    respond_within: Timescale
    timescale_source: str  # "seed" or "council" (seed 004 gives no number of days)
    source: Citation


@dataclass(frozen=True)
class DipAuditRule:
    key: str
    title: str
    source: Citation
    conferences: tuple[str, ...] = ()  # chronology: the conference events
    updated_by: tuple[str, ...] = ()  # chronology: the events that update it
    within_months: int = 0  # chronology: how long before the conference
    overdue_met_by: tuple[str, ...] = ()  # visits, core groups: standards met by these


@dataclass(frozen=True)
class Rules:
    document: str
    calendar: str
    stages: tuple[Stage, ...]
    dip_audits: dict[str, DipAuditRule]

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    @property
    def last(self) -> int:
        return len(self.stages)

    def due(self, stage: Stage, start: dt.date) -> dt.date:
        """When a response to a stage opened on `start` is due."""
        t = stage.respond_within
        if t.unit is Unit.WORKING_DAYS:
            return calendar_for(self.calendar).add(start, t.amount)
        return start + dt.timedelta(days=t.amount if t.unit is Unit.DAYS else 7 * t.amount)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path.name}: {where}: {message}")

    def text(self, raw: dict[str, Any], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str | int) or not str(value).strip():
            self.fail(where, f"'{key}' is required")
            return ""
        return " ".join(str(value).split())

    def events(self, raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(where, f"'{key}' must be a list of event names")
            return ()
        known = vocabulary().events
        for name in value:
            if name not in known:
                self.fail(where, f"'{name}' is not an event in the vocabulary")
        return tuple(value)

    def citation(self, raw: dict[str, Any], document: str, where: str) -> Citation:
        source = raw.get("source")
        if not isinstance(source, dict):
            self.fail(where, "'source' (section and quote from the document) is required")
            return Citation(document, "", "")
        return Citation(
            document, self.text(source, "section", where), self.text(source, "quote", where)
        )

    def stage(self, number: int, raw: Any, document: str) -> Stage | None:
        where = f"stage {number}"
        if not isinstance(raw, dict):
            self.fail(where, "must be a mapping")
            return None
        allowed = {"key", "title", "holder", "respond_within", "timescale_source", "source"}
        for extra in sorted(set(raw) - allowed):
            self.fail(where, f"unknown key '{extra}'")
        holder = self.text(raw, "holder", where)
        if holder and holder not in HOLDERS:
            self.fail(where, f"holder '{holder}' must be one of {', '.join(HOLDERS)}")
        origin = self.text(raw, "timescale_source", where)
        if origin and origin not in TIMESCALE_SOURCES:
            self.fail(where, f"timescale_source must be one of {', '.join(TIMESCALE_SOURCES)}")
        within = Timescale(0, Unit.DAYS)
        try:
            within = Timescale.parse(self.text(raw, "respond_within", where))
        except TimescaleError as exc:
            self.fail(where, str(exc))
        if within.unit not in (Unit.WORKING_DAYS, Unit.DAYS, Unit.WEEKS) or within.amount < 1:
            self.fail(where, "respond_within must be a positive number of days or weeks")
        return Stage(
            number=number,
            key=self.text(raw, "key", where),
            title=self.text(raw, "title", where),
            holder=holder,
            respond_within=within,
            timescale_source=origin,
            source=self.citation(raw, document, where),
        )

    def dip_audit(self, raw: Any, document: str) -> DipAuditRule | None:
        if not isinstance(raw, dict):
            self.fail("dip_audits", "each entry must be a mapping")
            return None
        key = self.text(raw, "key", "dip audit")
        where = f"dip audit '{key}'"
        if key and key not in DIP_AUDIT_KEYS:
            self.fail(where, f"key must be one of {', '.join(DIP_AUDIT_KEYS)}")
        months = raw.get("within_months", 0)
        if not isinstance(months, int) or months < 0:
            self.fail(where, "within_months must be a whole number of months")
            months = 0
        rule = DipAuditRule(
            key=key,
            title=self.text(raw, "title", where),
            source=self.citation(raw, document, where),
            conferences=self.events(raw, "conferences", where),
            updated_by=self.events(raw, "updated_by", where),
            within_months=months,
            overdue_met_by=self.events(raw, "overdue_met_by", where),
        )
        if key == "chronology_not_updated" and not (
            rule.conferences and rule.updated_by and rule.within_months
        ):
            self.fail(where, "needs conferences, updated_by and within_months")
        if key in ("missed_visit", "core_group_lapsed") and not rule.overdue_met_by:
            self.fail(where, "needs overdue_met_by")
        return rule


def parse_rules(text: str, path: Path = RULES) -> Rules:
    reader = _Reader(path)
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise RulesError(f"{path.name}: the file must be a mapping")
    document = reader.text(doc, "document", "top level")
    calendar = reader.text(doc, "calendar", "top level")
    raw_stages = doc.get("stages")
    if not isinstance(raw_stages, list) or not raw_stages:
        reader.fail("top level", "'stages' must list at least one stage")
        raw_stages = []
    stages = [reader.stage(n, raw, document) for n, raw in enumerate(raw_stages, start=1)]
    found = [s for s in stages if s is not None]
    keys = [s.key for s in found]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        reader.fail("stages", f"stage '{key}' appears twice")
    raw_dips = doc.get("dip_audits")
    if not isinstance(raw_dips, list):
        reader.fail("top level", "'dip_audits' must be a list")
        raw_dips = []
    dips = [d for d in (reader.dip_audit(raw, document) for raw in raw_dips) if d is not None]
    missing = set(DIP_AUDIT_KEYS) - {d.key for d in dips}
    for key in sorted(missing):
        reader.fail("dip_audits", f"'{key}' is missing")
    if reader.problems:
        raise RulesError("\n".join(reader.problems))
    return Rules(document, calendar, tuple(found), {d.key: d for d in dips})


@cache
def rules() -> Rules:
    """The bundled rules, read once."""
    return parse_rules(RULES.read_text(encoding="utf-8"), RULES)
