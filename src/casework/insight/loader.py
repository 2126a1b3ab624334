"""Load and validate indicator definitions. Every problem names the file and line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from casework.insight.model import Direction, Indicator, Kind, Measure, Source, Test
from casework.standards.loader import Problem, read_event_match
from casework.standards.model import EventMatch
from casework.standards.timescale import Timescale, TimescaleError
from casework.standards.vocabulary import vocabulary
from casework.standards.yamlnodes import LineDict, LineList, YamlError, load_yaml

INDICATORS_DIR = Path(__file__).with_name("indicators")
STATUSES = ("met", "late", "overdue")

_KEYS = {
    "id",
    "title",
    "definition",
    "numerator",
    "denominator",
    "direction",
    "measure",
    "source",
}
_SOURCE_KEYS = {"document", "year", "section", "note"}
# The measure keys each kind takes (besides 'kind'), and those it must have.
_MEASURE_KEYS: dict[Kind, tuple[set[str], set[str]]] = {
    Kind.COUNT: ({"event"}, {"event"}),
    Kind.TIMELINESS: ({"event", "from", "within"}, {"event", "from", "within"}),
    Kind.REPEAT: ({"event", "within"}, {"event"}),
    Kind.DURATION: ({"start", "end", "at_least"}, {"start", "end", "at_least"}),
    Kind.SERVICE: ({"event", "services", "provided"}, {"event", "services", "provided"}),
    Kind.COMPLIANCE: ({"standard", "count"}, set()),
    Kind.SNAPSHOT: ({"in", "for", "ages", "has", "lacks", "latest", "times", "within"}, {"in"}),
}


class IndicatorError(ValueError):
    """Indicator definitions that cannot be used, with every problem found in them."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def load_indicators(path: Path | str | None = None) -> tuple[Indicator, ...]:
    """The indicators in a YAML file, or in every YAML file of a folder (by default the
    bundled ones), in file order. Raises IndicatorError listing every problem."""
    where = Path(path) if path is not None else INDICATORS_DIR
    files = sorted(where.glob("*.yaml")) if where.is_dir() else [where]
    reader = _IndicatorReader()
    indicators: list[Indicator] = []
    for file in files:
        indicators += reader.read_file(file)
    seen: dict[str, Indicator] = {}
    for indicator in indicators:
        first = seen.setdefault(indicator.id, indicator)
        if first is not indicator:
            reader.problems.append(
                Problem(
                    indicator.file,
                    indicator.line,
                    f"indicator id '{indicator.id}' is used twice "
                    f"(first at {first.file}:{first.line})",
                )
            )
    if reader.problems:
        raise IndicatorError(reader.problems)
    return tuple(indicators)


class _IndicatorReader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.file = ""

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def read_file(self, path: Path) -> list[Indicator]:
        self.file = str(path)
        try:
            doc = load_yaml(path)
        except YamlError as exc:
            self.problems.append(Problem(exc.path, exc.line, exc.message))
            return []
        except OSError as exc:
            self.fail(0, f"cannot read the file: {exc.strerror}")
            return []
        if not isinstance(doc, LineDict) or "indicators" not in doc:
            self.fail(
                getattr(doc, "line", 1), "an indicators file must be a mapping with 'indicators:'"
            )
            return []
        for key in doc:
            if key != "indicators":
                self.fail(doc.line_of(key), f"unknown key '{key}' in an indicators file")
        entries = doc["indicators"]
        if not isinstance(entries, LineList):
            self.fail(doc.line_of("indicators"), "'indicators:' must be a list")
            return []
        out = []
        for entry, line in zip(entries, entries.item_lines, strict=True):
            indicator = self.indicator(entry, line)
            if indicator is not None:
                out.append(indicator)
        return out

    def text(self, raw: LineDict, key: str, label: str, *, required: bool = True) -> str:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(raw.line, f"{label} needs '{key}:'")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(raw.line_of(key), f"{label}: '{key}' must be text")
            return ""
        return " ".join(value.split())

    def indicator(self, raw: Any, line: int) -> Indicator | None:
        if not isinstance(raw, LineDict):
            self.fail(line, "each indicator must be a mapping")
            return None
        before = len(self.problems)
        iid = raw.get("id")
        if not isinstance(iid, str) or not iid.strip():
            self.fail(raw.line, "an indicator needs an 'id:'")
            iid = ""
        label = f"indicator '{iid}'" if iid else "an indicator"
        for key in raw:
            if key not in _KEYS:
                self.fail(raw.line_of(key), f"unknown key '{key}' in {label}")
        title = self.text(raw, "title", label)
        definition = self.text(raw, "definition", label)
        numerator = self.text(raw, "numerator", label)
        direction = Direction.HIGHER
        try:
            direction = Direction(str(raw.get("direction")))
        except ValueError:
            self.fail(
                raw.line_of("direction"),
                f"{label}: 'direction' must be higher or lower (which is better)",
            )
        source = self.source(raw, label)
        measure = self.measure(raw, label)
        denominator = self.text(raw, "denominator", label, required=False)
        if measure is not None:
            if measure.kind is Kind.COUNT and "denominator" in raw:
                self.fail(raw.line_of("denominator"), f"{label}: a count has no 'denominator:'")
            elif measure.kind is not Kind.COUNT and not denominator:
                self.fail(raw.line, f"{label} needs 'denominator:'")
        if len(self.problems) > before or measure is None or source is None:
            return None
        return Indicator(
            id=iid,
            title=title,
            definition=definition,
            numerator=numerator,
            denominator=denominator,
            direction=direction,
            measure=measure,
            source=source,
            file=self.file,
            line=raw.line,
        )

    def source(self, raw: LineDict, label: str) -> Source | None:
        src = raw.get("source")
        if not isinstance(src, LineDict):
            self.fail(raw.line_of("source"), f"{label} needs 'source:' with document and year")
            return None
        for key in src:
            if key not in _SOURCE_KEYS:
                self.fail(src.line_of(key), f"unknown key '{key}' in {label} source")
        document = self.text(src, "document", f"{label} source")
        year = src.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1989 <= year <= 2100:
            self.fail(src.line_of("year"), f"{label}: its source needs 'year:', such as 2023")
            year = 0
        return Source(
            document=document,
            year=year,
            section=self.text(src, "section", f"{label} source", required=False),
            note=self.text(src, "note", f"{label} source", required=False),
        )

    def measure(self, raw: LineDict, label: str) -> Measure | None:
        value = raw.get("measure")
        if not isinstance(value, LineDict):
            self.fail(raw.line_of("measure"), f"{label} needs 'measure:' with its 'kind:'")
            return None
        try:
            kind = Kind(str(value.get("kind")))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            self.fail(
                value.line_of("kind"), f"{label}: the measure's 'kind' must be one of {known}"
            )
            return None
        allowed, required = _MEASURE_KEYS[kind]
        for key in value:
            if key != "kind" and key not in allowed:
                self.fail(value.line_of(key), f"{label}: a {kind} measure does not take '{key}'")
        for key in sorted(required - set(value)):
            self.fail(value.line, f"{label}: a {kind} measure needs '{key}:'")
        if required - set(value):
            return None
        provided = value.get("provided", True)
        if not isinstance(provided, bool):
            self.fail(value.line_of("provided"), f"{label}: 'provided' must be true or false")
            provided = True
        count = value.get("count", ["met"])
        count = [count] if isinstance(count, str) else count
        if not isinstance(count, list) or not count or any(c not in STATUSES for c in count):
            self.fail(
                value.line_of("count"),
                f"{label}: 'count' must list statuses from {', '.join(STATUSES)}",
            )
            count = ["met"]
        standard = value.get("standard", "")
        if not isinstance(standard, str):
            self.fail(value.line_of("standard"), f"{label}: 'standard' must be a standard's id")
            standard = ""
        if kind is Kind.SNAPSHOT:
            return self.snapshot(value, label)
        return Measure(
            kind=kind,
            event=self.match(value, "event" if kind is not Kind.DURATION else "end", label),
            start=self.match(value, "from" if kind is Kind.TIMELINESS else "start", label),
            within=self.timescale(value, "within", label),
            at_least=self.timescale(value, "at_least", label),
            services=self.match(value, "services", label),
            provided=provided,
            standard=standard,
            count=tuple(count),
        )

    def snapshot(self, value: LineDict, label: str) -> Measure | None:
        episode = value.get("in")
        if episode not in vocabulary().episodes:
            known = ", ".join(sorted(vocabulary().episodes))
            self.fail(value.line_of("in"), f"{label}: 'in' must be an episode: one of {known}")
            return None
        tests = [t for t in Test if t.value in value]
        if len(tests) != 1:
            self.fail(value.line, f"{label}: a snapshot needs one of 'has', 'lacks' or 'latest'")
            return None
        test = tests[0]
        times = value.get("times", 1)
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            self.fail(value.line_of("times"), f"{label}: 'times' must be a whole number from 1")
            times = 1
        if "times" in value and test is not Test.HAS:
            self.fail(value.line_of("times"), f"{label}: 'times' goes with 'has'")
        ages: tuple[int, int] | None = None
        if "ages" in value:
            words = str(value["ages"]).split()
            if len(words) == 3 and words[1] == "to" and all(w.isdigit() for w in words[::2]):
                ages = (int(words[0]), int(words[2]))
            if ages is None or ages[0] > ages[1]:
                self.fail(value.line_of("ages"), f"{label}: 'ages' must read like '19 to 21'")
                ages = None
        return Measure(
            kind=Kind.SNAPSHOT,
            event=self.match(value, test.value, label),
            within=self.timescale(value, "within", label),
            episode=str(episode),
            in_for=self.timescale(value, "for", label),
            ages=ages,
            test=test,
            times=times,
        )

    def match(self, value: LineDict, key: str, label: str) -> EventMatch | None:
        if key not in value:
            return None
        found, problems = read_event_match(
            value[key], file=self.file, line=value.line_of(key), label=label, key=key
        )
        self.problems += problems
        return found

    def timescale(self, value: LineDict, key: str, label: str) -> Timescale | None:
        if key not in value:
            return None
        try:
            timescale = Timescale.parse(str(value[key]))
        except TimescaleError as exc:
            self.fail(value.line_of(key), f"{label}: {exc}")
            return None
        if timescale.unit.value == "hours" or timescale.amount <= 0:
            self.fail(
                value.line_of(key),
                f"{label}: '{key}' must be a positive number of working days, days, weeks or "
                "months",
            )
            return None
        return timescale
