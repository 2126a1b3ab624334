"""Load and validate the eligibility rules. Every problem names the file and line."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from casework.eligibility.model import (
    CareLeaverRules,
    Condition,
    Criterion,
    Decision,
    DecisionKind,
    Fact,
    FactType,
    Option,
    RuleBook,
    StatuteRule,
    Test,
)
from casework.standards.loader import Problem
from casework.standards.model import Source
from casework.standards.yamlnodes import LineDict, LineList, YamlError, load_yaml

RULES_DIR = Path(__file__).with_name("rules")

THRESHOLDS = (
    "weeks_looked_after",
    "counted_from_age",
    "leaving_care_age",
    "adult_age",
    "support_until_age",
    "extended_support_until_age",
    "short_break_max_days",
    "short_breaks_max_days_a_year",
    "home_months",
)
CARE_LEAVER_RULES = (
    "eligible",
    "short-breaks",
    "relevant",
    "relevant-detained",
    "home-six-months",
    "home-breakdown",
    "former-relevant",
    "former-relevant-extended",
    "qualifying",
    "age",
    "not-a-care-leaver",
)

_FILE_KEYS = {"document", "decision", "care_leaver"}
_DECISION_KEYS = {
    "id",
    "title",
    "kind",
    "source",
    "facts",
    "requires",
    "criteria",
    "at_least",
    "outcomes",
    "options",
}
_CRITERION_KEYS = {"id", "title", "when", "source", "only_with_another"}


class RulesError(ValueError):
    """Rules that cannot be used, with every problem found in them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@cache
def rules() -> RuleBook:
    """The bundled rules, loaded once."""
    return load_rules(RULES_DIR)


def load_rules(folder: Path) -> RuleBook:
    return _Reader().read(sorted(folder.glob("*.yaml")))


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.file = ""

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def read(self, files: list[Path]) -> RuleBook:
        decisions: dict[str, Decision] = {}
        care_leaver: CareLeaverRules | None = None
        care_leaver_at = ""
        for file in files:
            self.file = str(file)
            try:
                doc = load_yaml(file)
            except YamlError as exc:
                self.problems.append(Problem(exc.path, exc.line, exc.message))
                continue
            except OSError as exc:
                self.fail(0, f"cannot read the file: {exc.strerror}")
                continue
            if not isinstance(doc, LineDict):
                self.fail(1, "a rules file must be a mapping with 'decision:' or 'care_leaver:'")
                continue
            self._check_keys(doc, _FILE_KEYS, "a rules file")
            document = str(doc.get("document", "")).strip()
            if ("decision" in doc) == ("care_leaver" in doc):
                self.fail(doc.line, "a rules file needs one of 'decision:' or 'care_leaver:'")
                continue
            if "decision" in doc:
                decision = self._decision(doc["decision"], doc.line_of("decision"), document)
                if decision is None:
                    continue
                if decision.id in decisions:
                    first = decisions[decision.id]
                    self.fail(
                        decision.line,
                        f"decision id '{decision.id}' is used twice "
                        f"(first at {first.file}:{first.line})",
                    )
                decisions[decision.id] = decision
            else:
                if care_leaver is not None:
                    self.fail(
                        doc.line_of("care_leaver"),
                        f"'care_leaver:' is given twice (first in {care_leaver_at})",
                    )
                care_leaver = self._care_leaver(
                    doc["care_leaver"], doc.line_of("care_leaver"), document
                )
                care_leaver_at = self.file
        if care_leaver is None and not self.problems:
            self.file = str(files[0].parent) if files else ""
            self.fail(0, "no rules file has 'care_leaver:'")
        if self.problems:
            raise RulesError(self.problems)
        assert care_leaver is not None
        return RuleBook(decisions=decisions, care_leaver=care_leaver)

    def _check_keys(self, doc: LineDict, allowed: set[str], what: str) -> None:
        for key in doc:
            if key not in allowed:
                self.fail(doc.line_of(key), f"unknown key '{key}' in {what}")

    def _text(self, raw: LineDict, key: str, label: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(raw.line_of(key), f"{label} needs '{key}:' (text)")
            return ""
        return " ".join(value.split())

    def _source(self, raw: Any, line: int, label: str, document: str, section: str = "") -> Source:
        if not isinstance(raw, LineDict):
            self.fail(line, f"{label} needs 'source:' with its section")
            return Source(document=document, section=section)
        self._check_keys(raw, {"document", "section", "number", "quote"}, f"{label} source")
        section = " ".join(str(raw.get("section", section)).split())
        doc = str(raw.get("document", document)).strip()
        if not section:
            self.fail(raw.line, f"{label}: its source needs 'section:'")
        if not doc:
            self.fail(raw.line, f"{label}: its source needs 'document:' (or one for the file)")
        number = raw.get("number", "")
        return Source(
            document=doc,
            section=section,
            number="" if number is None else str(number),
            quote=" ".join(str(raw.get("quote", "")).split()),
        )

    # --- decisions ------------------------------------------------------------------

    def _decision(self, raw: Any, line: int, document: str) -> Decision | None:
        if not isinstance(raw, LineDict):
            self.fail(line, "'decision:' must be a mapping")
            return None
        before = len(self.problems)
        did = raw.get("id")
        label = f"decision '{did}'" if isinstance(did, str) and did else "a decision"
        if not isinstance(did, str) or not did:
            self.fail(raw.line, "a decision needs an 'id:'")
            did = ""
        self._check_keys(raw, _DECISION_KEYS, label)
        title = self._text(raw, "title", label)
        source = self._source(raw.get("source"), raw.line_of("source"), label, document)
        kind: DecisionKind | None = None
        try:
            kind = DecisionKind(str(raw.get("kind")))
        except ValueError:
            known = ", ".join(k.value for k in DecisionKind)
            self.fail(raw.line_of("kind"), f"{label}: 'kind' must be one of {known}")
        facts = self._facts(raw, label)
        requires: tuple[Criterion, ...] = ()
        criteria: tuple[Criterion, ...] = ()
        options: tuple[Option, ...] = ()
        at_least = 0
        met, not_met = "eligible", "not eligible"
        if kind is DecisionKind.COUNT:
            for key in ("options",):
                if key in raw:
                    self.fail(raw.line_of(key), f"{label}: a count decision has no '{key}:'")
            requires = self._criteria(raw, "requires", label, facts, source, required=False)
            criteria = self._criteria(raw, "criteria", label, facts, source, required=True)
            at_least = self._at_least(raw, label, len(criteria))
            met, not_met = self._outcomes(raw, label)
        elif kind is DecisionKind.CHOOSE:
            for key in ("requires", "criteria", "at_least", "outcomes"):
                if key in raw:
                    self.fail(raw.line_of(key), f"{label}: a choose decision has no '{key}:'")
            options = self._options(raw, label, facts, source)
        if len(self.problems) > before or kind is None:
            return None
        return Decision(
            id=did,
            title=title,
            kind=kind,
            source=source,
            facts=facts,
            requires=requires,
            criteria=criteria,
            at_least=at_least,
            met_outcome=met,
            not_met_outcome=not_met,
            options=options,
            file=self.file,
            line=raw.line,
        )

    def _facts(self, raw: LineDict, label: str) -> dict[str, Fact]:
        value = raw.get("facts")
        if not isinstance(value, LineDict) or not value:
            self.fail(raw.line_of("facts"), f"{label} needs 'facts:' naming the facts it reads")
            return {}
        out: dict[str, Fact] = {}
        for name, spec in value.items():
            fline = value.line_of(name)
            if not isinstance(spec, LineDict):
                self.fail(fline, f"{label}: fact '{name}' must be a mapping with 'type:'")
                continue
            self._check_keys(spec, {"type", "values", "title"}, f"{label} fact '{name}'")
            try:
                ftype = FactType(str(spec.get("type")))
            except ValueError:
                known = ", ".join(t.value for t in FactType)
                self.fail(fline, f"{label}: fact '{name}' has type one of {known}")
                continue
            values: tuple[str, ...] = ()
            if ftype is FactType.CHOICE:
                raw_values = spec.get("values")
                if not isinstance(raw_values, list) or not raw_values:
                    self.fail(fline, f"{label}: choice fact '{name}' needs 'values:'")
                    continue
                values = tuple(str(v) for v in raw_values)
            elif "values" in spec:
                self.fail(spec.line_of("values"), f"{label}: only a choice fact has 'values:'")
            title = " ".join(str(spec.get("title", name.replace("_", " "))).split())
            out[name] = Fact(name=name, type=ftype, title=title, values=values)
        return out

    def _criteria(
        self,
        raw: LineDict,
        key: str,
        label: str,
        facts: dict[str, Fact],
        source: Source,
        *,
        required: bool,
    ) -> tuple[Criterion, ...]:
        if key not in raw:
            if required:
                self.fail(raw.line, f"{label} needs '{key}:'")
            return ()
        value = raw[key]
        if not isinstance(value, LineList) or not value:
            self.fail(raw.line_of(key), f"{label}: '{key}:' must be a list of criteria")
            return ()
        out: list[Criterion] = []
        seen: set[str] = set()
        for entry in value:
            if not isinstance(entry, LineDict):
                self.fail(value.line, f"{label}: each entry in '{key}:' must be a mapping")
                continue
            cid = entry.get("id")
            clabel = f"{label} criterion '{cid}'" if cid else f"{label}: a criterion"
            if not isinstance(cid, str) or not cid:
                self.fail(entry.line, f"{clabel} needs an 'id:'")
                cid = ""
            elif cid in seen:
                self.fail(entry.line, f"{label}: criterion id '{cid}' is used twice")
            seen.add(cid)
            self._check_keys(entry, _CRITERION_KEYS, clabel)
            title = self._text(entry, "title", clabel)
            when = self._when(entry, clabel, facts)
            csource = source
            if "source" in entry:
                csource = self._source(
                    entry["source"],
                    entry.line_of("source"),
                    clabel,
                    source.document,
                    source.section,
                )
            only = entry.get("only_with_another", False)
            if not isinstance(only, bool):
                self.fail(entry.line_of("only_with_another"), f"{clabel}: use true or false")
                only = False
            out.append(Criterion(cid, title, when, csource, only, entry.line))
        return tuple(out)

    def _at_least(self, raw: LineDict, label: str, count: int) -> int:
        value = raw.get("at_least")
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(
                raw.line_of("at_least"), f"{label} needs 'at_least:' (a whole number, 1 or more)"
            )
            return 0
        if count and value > count:
            self.fail(
                raw.line_of("at_least"),
                f"{label}: 'at_least: {value}' is more than its {count} criteria",
            )
        return value

    def _outcomes(self, raw: LineDict, label: str) -> tuple[str, str]:
        value = raw.get("outcomes")
        if value is None:
            return "eligible", "not eligible"
        if not isinstance(value, LineDict) or set(value) != {"met", "not_met"}:
            self.fail(raw.line_of("outcomes"), f"{label}: 'outcomes:' needs 'met:' and 'not_met:'")
            return "eligible", "not eligible"
        return str(value["met"]), str(value["not_met"])

    def _options(
        self, raw: LineDict, label: str, facts: dict[str, Fact], source: Source
    ) -> tuple[Option, ...]:
        value = raw.get("options")
        if not isinstance(value, LineList) or not value:
            self.fail(raw.line_of("options"), f"{label} needs 'options:' (a list)")
            return ()
        out = []
        for entry in value:
            if not isinstance(entry, LineDict):
                self.fail(value.line, f"{label}: each option must be a mapping")
                continue
            self._check_keys(entry, {"outcome", "when", "source"}, f"{label} option")
            outcome = self._text(entry, "outcome", f"{label}: an option")
            when = self._when(entry, f"{label} option '{outcome}'", facts)
            osource = source
            if "source" in entry:
                osource = self._source(
                    entry["source"],
                    entry.line_of("source"),
                    f"{label} option",
                    source.document,
                    source.section,
                )
            out.append(Option(outcome, when, osource, entry.line))
        return tuple(out)

    def _when(self, entry: LineDict, label: str, facts: dict[str, Fact]) -> tuple[Condition, ...]:
        if "when" not in entry:
            self.fail(entry.line, f"{label} needs 'when:'")
            return ()
        value = entry["when"]
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            line = getattr(item, "line", entry.line_of("when"))
            condition = self._condition(item, line, label, facts)
            if condition is not None:
                out.append(condition)
        if not items:
            self.fail(entry.line_of("when"), f"{label}: 'when:' is empty")
        return tuple(out)

    def _condition(
        self, item: Any, line: int, label: str, facts: dict[str, Fact]
    ) -> Condition | None:
        if not isinstance(item, LineDict) or "fact" not in item:
            self.fail(line, f"{label}: a condition is '{{fact: NAME, is: VALUE}}'")
            return None
        tests = [k for k in item if k != "fact"]
        if len(tests) != 1 or tests[0] not in {t.value for t in Test}:
            known = ", ".join(t.value for t in Test)
            self.fail(line, f"{label}: a condition takes 'fact:' and one test of {known}")
            return None
        name = str(item["fact"])
        fact = facts.get(name)
        if fact is None:
            known = ", ".join(facts) or "none"
            self.fail(line, f"{label}: unknown fact '{name}'; the decision's facts are: {known}")
            return None
        test = Test(tests[0])
        raw_value = item[tests[0]]
        if test is Test.IN:
            if not isinstance(raw_value, list) or not raw_value:
                self.fail(line, f"{label}: 'in:' needs a list of values")
                return None
            raw_values = list(raw_value)
        else:
            raw_values = [raw_value]
        values: list[str | bool | float] = []
        for v in raw_values:
            checked = self._value(v, test, fact, line, label)
            if checked is None:
                return None
            values.append(checked)
        return Condition(fact=name, test=test, values=tuple(values))

    def _value(
        self, value: Any, test: Test, fact: Fact, line: int, label: str
    ) -> str | bool | float | None:
        if test in (Test.BELOW, Test.AT_LEAST):
            if fact.type is not FactType.NUMBER:
                self.fail(
                    line, f"{label}: '{test}' needs a number fact; '{fact.name}' is {fact.type}"
                )
                return None
            if not isinstance(value, int | float) or isinstance(value, bool):
                self.fail(line, f"{label}: '{test}' needs a number")
                return None
            return float(value)
        if fact.type is FactType.YES_NO:
            if not isinstance(value, bool):
                self.fail(line, f"{label}: '{fact.name}' is yes or no; use true or false")
                return None
            return value
        if fact.type is FactType.NUMBER:
            self.fail(line, f"{label}: compare the number '{fact.name}' with 'below' or 'at_least'")
            return None
        text = str(value)
        if text not in fact.values:
            known = ", ".join(fact.values)
            self.fail(
                line, f"{label}: '{fact.name}' has no value {text!r}; its values are: {known}"
            )
            return None
        return text

    # --- care leavers ----------------------------------------------------------------

    def _care_leaver(self, raw: Any, line: int, document: str) -> CareLeaverRules | None:
        label = "'care_leaver:'"
        if not isinstance(raw, LineDict):
            self.fail(line, f"{label} must be a mapping with 'thresholds:' and 'rules:'")
            return None
        self._check_keys(raw, {"thresholds", "rules"}, label)
        thresholds: dict[str, int] = {}
        values = raw.get("thresholds")
        if not isinstance(values, LineDict):
            self.fail(raw.line_of("thresholds"), f"{label} needs 'thresholds:'")
        else:
            for key, value in values.items():
                if key not in THRESHOLDS:
                    self.fail(values.line_of(key), f"unknown threshold '{key}'")
                elif not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    self.fail(values.line_of(key), f"threshold '{key}' must be a whole number")
                else:
                    thresholds[key] = value
            for key in THRESHOLDS:
                if key not in values:
                    self.fail(values.line, f"{label} needs the threshold '{key}'")
        found: dict[str, StatuteRule] = {}
        entries = raw.get("rules")
        if not isinstance(entries, LineList):
            self.fail(raw.line_of("rules"), f"{label} needs 'rules:' (a list)")
            return None
        for entry in entries:
            if not isinstance(entry, LineDict):
                self.fail(entries.line, "each care-leaver rule must be a mapping")
                continue
            rid = entry.get("id")
            rlabel = f"care-leaver rule '{rid}'"
            self._check_keys(entry, {"id", "title", "source"}, rlabel)
            if rid not in CARE_LEAVER_RULES:
                known = ", ".join(CARE_LEAVER_RULES)
                self.fail(entry.line, f"unknown care-leaver rule {rid!r}; the rules are: {known}")
                continue
            if rid in found:
                self.fail(entry.line, f"care-leaver rule '{rid}' is given twice")
            title = self._text(entry, "title", rlabel)
            source = self._source(entry.get("source"), entry.line_of("source"), rlabel, document)
            found[str(rid)] = StatuteRule(str(rid), title, source)
        for rid in CARE_LEAVER_RULES:
            if rid not in found:
                self.fail(entries.line, f"{label} is missing the rule '{rid}'")
        return CareLeaverRules(thresholds=thresholds, rules=found)
