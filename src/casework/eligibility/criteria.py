"""Decide a service's criteria from a child's recorded facts, saying why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from casework.eligibility.loader import rules
from casework.eligibility.model import Condition, Decision, DecisionKind, Fact, FactType, Test
from casework.standards.model import Source

FactValue = bool | int | float | str


class FactError(ValueError):
    """A recorded fact of the wrong kind for the decision that reads it."""


@dataclass(frozen=True)
class Finding:
    """How one criterion stands: met, not met, or unknown (a fact it needs is not recorded)."""

    id: str
    title: str
    met: bool | None
    source: Source


@dataclass(frozen=True)
class Result:
    decision: str
    outcome: str  # "eligible", "not eligible", "tier 3 (diversion), priority 2", "undecided"
    met: bool | None  # None when the facts recorded are not enough to decide
    reason: str  # one sentence: "eligible: 3 of 5 criteria met: ..."
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()  # titles of facts the decision needs that are not recorded
    source: Source | None = None


def decide(decision_id: str, facts: Mapping[str, FactValue | None]) -> Result:
    """Decide one of the bundled decisions (see `rules().decisions`) from recorded facts.

    Facts the decision does not read are ignored; a fact recorded as None is not recorded.
    """
    known = rules().decisions
    if decision_id not in known:
        raise KeyError(f"no decision {decision_id!r}; the decisions are: {', '.join(known)}")
    return apply(known[decision_id], facts)


def apply(decision: Decision, facts: Mapping[str, FactValue | None]) -> Result:
    values = {name: _checked(fact, facts.get(name)) for name, fact in decision.facts.items()}
    if decision.kind is DecisionKind.CHOOSE:
        return _choose(decision, values)
    return _count(decision, values)


def _checked(fact: Fact, value: FactValue | None) -> FactValue | None:
    if value is None:
        return None
    if fact.type is FactType.YES_NO and not isinstance(value, bool):
        raise FactError(f"'{fact.name}' is yes or no (True or False), not {value!r}")
    if fact.type is FactType.NUMBER and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        raise FactError(f"'{fact.name}' is a number, not {value!r}")
    if fact.type is FactType.CHOICE and value not in fact.values:
        raise FactError(f"'{fact.name}' is one of {', '.join(fact.values)}, not {value!r}")
    return value


def _holds(
    conditions: tuple[Condition, ...], values: Mapping[str, FactValue | None]
) -> bool | None:
    """True if every condition holds, False if one fails, None if unknown."""
    unknown = False
    for condition in conditions:
        value = values.get(condition.fact)
        if value is None:
            unknown = True
            continue
        if condition.test in (Test.IS, Test.IN):
            ok = value in condition.values
        else:
            assert isinstance(value, int | float)
            limit = condition.values[0]
            assert isinstance(limit, float)
            ok = value < limit if condition.test is Test.BELOW else value >= limit
        if not ok:
            return False
    return None if unknown else True


def _missing(
    decision: Decision, values: Mapping[str, FactValue | None], conditions: list[Condition]
) -> tuple[str, ...]:
    names = dict.fromkeys(c.fact for c in conditions if values.get(c.fact) is None)
    return tuple(decision.facts[name].title.lower() for name in names)


def _count(decision: Decision, values: Mapping[str, FactValue | None]) -> Result:
    requirements = [
        Finding(r.id, r.title, _holds(r.when, values), r.source) for r in decision.requires
    ]
    failed = [r for r in requirements if r.met is False]
    all_conditions = [c for r in (*decision.requires, *decision.criteria) for c in r.when]
    missing = _missing(decision, values, all_conditions)
    findings = [Finding(c.id, c.title, _holds(c.when, values), c.source) for c in decision.criteria]
    plain = [f for f, c in zip(findings, decision.criteria, strict=True) if not c.only_with_another]
    if not any(f.met for f in plain):
        # a criterion that counts only with another does not count alone
        findings = [
            Finding(f.id, f.title, False if f.met and c.only_with_another else f.met, f.source)
            for f, c in zip(findings, decision.criteria, strict=True)
        ]
    met = [f for f in findings if f.met]
    unknown = [f for f in findings if f.met is None]
    total = len(findings)
    listed = "; ".join(f.title for f in met)
    counted = f"{len(met)} of {total} criteria met" if total > 1 else ""
    all_findings = (*requirements, *findings)

    def result(outcome: str, met: bool | None, reason: str) -> Result:
        return Result(decision.id, outcome, met, reason, all_findings, missing, decision.source)

    if failed:
        why = "; ".join(f"not {f.title}" for f in failed)
        return result(decision.not_met_outcome, False, f"{decision.not_met_outcome}: {why}")
    if len(met) >= decision.at_least and not any(r.met is None for r in requirements):
        summary = f"{counted}: {listed}" if counted else listed
        return result(decision.met_outcome, True, f"{decision.met_outcome}: {summary}")
    if len(met) + len(unknown) >= decision.at_least or any(r.met is None for r in requirements):
        return result(
            "undecided",
            None,
            f"undecided: {len(met)} of {total} criteria met, {decision.at_least} needed, "
            f"and not recorded: {', '.join(missing)}",
        )
    need = f"{decision.at_least} needed"
    shown = f": {listed}" if met else ""
    return result(
        decision.not_met_outcome,
        False,
        f"{decision.not_met_outcome}: {len(met)} of {total} criteria met ({need}){shown}",
    )


def _choose(decision: Decision, values: Mapping[str, FactValue | None]) -> Result:
    conditions = [c for o in decision.options for c in o.when]
    missing = _missing(decision, values, conditions)
    for option in decision.options:
        if _holds(option.when, values):
            why = " and ".join(_describe(decision, c, values) for c in option.when)
            return Result(
                decision=decision.id,
                outcome=option.outcome,
                met=True,
                reason=f"{option.outcome}: {why}",
                missing=missing,
                source=option.source,
            )
    return Result(
        decision=decision.id,
        outcome="undecided",
        met=None,
        reason=f"undecided: not recorded: {', '.join(missing)}"
        if missing
        else "undecided: no option matches the facts recorded",
        missing=missing,
        source=decision.source,
    )


def _describe(
    decision: Decision, condition: Condition, values: Mapping[str, FactValue | None]
) -> str:
    title = decision.facts[condition.fact].title
    title = title[0].lower() + title[1:]
    return f"{title} is {values.get(condition.fact)}"
