"""Load and validate standards packs. Every problem names the file and line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casework.calendar import REGIONS
from casework.standards.model import (
    Condition,
    EventMatch,
    Kind,
    Op,
    Pack,
    Source,
    Standard,
    Trigger,
)
from casework.standards.timescale import Timescale, TimescaleError, Unit
from casework.standards.values import normalise
from casework.standards.vocabulary import Vocabulary, vocabulary
from casework.standards.yamlnodes import LineDict, LineList, YamlError, load_yaml

PACKS_DIR = Path(__file__).with_name("packs")

_PACK_KEYS = {"pack", "title", "version", "calendar", "description", "document", "standards"}
_STANDARD_KEYS = {
    "id",
    "title",
    "kind",
    "trigger",
    "anchor",
    "within",
    "before",
    "first",
    "second",
    "every",
    "met_by",
    "episode",
    "waived_by",
    "case_types",
    "checkable",
    "reason",
    "timescale",
    "source",
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class PackError(ValueError):
    """A pack that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def available_packs() -> list[str]:
    names = []
    for path in sorted(PACKS_DIR.iterdir()):
        if path.suffix == ".yaml" or (path.is_dir() and (path / "pack.yaml").exists()):
            names.append(path.stem if path.is_file() else path.name)
    return names


def pack_path(name_or_path: str) -> Path:
    """A bundled pack by name, or a pack file or folder by path."""
    path = Path(name_or_path)
    if path.exists():
        return path
    for candidate in (PACKS_DIR / f"{name_or_path}.yaml", PACKS_DIR / name_or_path):
        if candidate.exists():
            return candidate
    known = ", ".join(available_packs())
    raise PackError([Problem(name_or_path, 0, f"no such pack; bundled packs are: {known}")])


def load_pack(name_or_path: str) -> Pack:
    path = pack_path(name_or_path)
    files = [path] if path.is_file() else [path / "pack.yaml", *_section_files(path)]
    return _Reader(vocabulary()).read(path, files)


def check_file(path: Path) -> tuple[Standard, ...]:
    """Validate a pack (file or folder) or one section file of a pack folder."""
    if path.is_dir():
        return load_pack(str(path)).standards
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise PackError([Problem(exc.path, exc.line, exc.message)]) from None
    except OSError as exc:
        raise PackError([Problem(str(path), 0, f"cannot read the file: {exc.strerror}")]) from None
    if isinstance(doc, LineDict) and "pack" not in doc and "standards" in doc:
        return _Reader(vocabulary()).read(path, [path], section_only=True).standards
    return load_pack(str(path)).standards


def read_event_match(
    value: Any, *, file: str, line: int, label: str, key: str
) -> tuple[EventMatch | None, list[Problem]]:
    """Read an event match (`cp_visit`, a list, or `{event: ..., where: ...}`) the way
    packs do, for other kinds of rule file that name events; with its problems."""
    reader = _Reader(vocabulary())
    reader.file = file
    found = reader._match(value, line, label, key)
    return found, reader.problems


def _section_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != "pack.yaml")


class _Reader:
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.problems: list[Problem] = []
        self.file = ""

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def read(self, path: Path, files: list[Path], *, section_only: bool = False) -> Pack:
        header: LineDict | None = None
        standards: list[Standard] = []
        for index, file in enumerate(files):
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
                self.fail(1, "a pack file must be a mapping with 'standards:'")
                continue
            if index == 0 and section_only:
                header = LineDict(pack=path.stem, title=path.stem, version="")
                header.key_lines = {}
                self._check_keys(doc, {"standards", "document"}, "a section file")
            elif index == 0:
                header = doc
                self._check_keys(doc, _PACK_KEYS, "the pack")
                for key in ("pack", "title", "version"):
                    if key not in doc:
                        self.fail(doc.line, f"the pack needs '{key}:'")
            else:
                extra = set(doc) - {"standards", "document"}
                for key in sorted(extra):
                    self.fail(doc.line_of(key), f"unknown key '{key}' in a section file")
            document = str(doc.get("document", header.get("document", "") if header else ""))
            entries = doc.get("standards", [])
            if not isinstance(entries, LineList):
                self.fail(doc.line_of("standards"), "'standards:' must be a list")
                continue
            for entry in entries:
                standard = self._standard(entry, document)
                if standard is not None:
                    standards.append(standard)
        self.file = str(files[0])
        seen: dict[str, Standard] = {}
        for standard in standards:
            if standard.id in seen:
                first = seen[standard.id]
                self.problems.append(
                    Problem(
                        standard.file,
                        standard.line,
                        f"standard id '{standard.id}' is used twice "
                        f"(first at {first.file}:{first.line})",
                    )
                )
            seen[standard.id] = standard
        calendar = "england-and-wales"
        if header is not None and "calendar" in header:
            calendar = str(header["calendar"])
            if calendar not in REGIONS:
                known = ", ".join(REGIONS)
                self.fail(header.line_of("calendar"), f"unknown calendar {calendar!r}; use {known}")
        if self.problems:
            raise PackError(self.problems)
        assert header is not None
        return Pack(
            name=str(header["pack"]),
            title=str(header["title"]),
            version=str(header["version"]),
            calendar=calendar,
            description=str(header.get("description", "")).strip(),
            standards=tuple(standards),
            path=str(path),
        )

    def _check_keys(self, doc: LineDict, allowed: set[str], what: str) -> None:
        for key in doc:
            if key not in allowed:
                self.fail(doc.line_of(key), f"unknown key '{key}' in {what}")

    def _standard(self, raw: Any, document: str) -> Standard | None:
        if not isinstance(raw, LineDict):
            self.fail(getattr(raw, "line", 0), "each standard must be a mapping")
            return None
        before = len(self.problems)
        sid = raw.get("id")
        label = f"standard '{sid}'" if sid else "a standard"
        if not isinstance(sid, str) or not sid:
            self.fail(raw.line, "a standard needs an 'id:'")
            sid = ""
        self._check_keys(raw, _STANDARD_KEYS, label)
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            self.fail(raw.line, f"{label} needs a 'title:'")
        checkable = raw.get("checkable", True)
        if not isinstance(checkable, bool):
            self.fail(raw.line_of("checkable"), f"{label}: 'checkable' must be true or false")
            checkable = True
        reason = str(raw.get("reason", "")).strip()
        if not checkable and not reason:
            self.fail(raw.line, f"{label} is not checkable, so it needs a 'reason:'")
        source = self._source(raw, label, document)

        kind_text = raw.get("kind")
        kind: Kind | None = None
        try:
            kind = Kind(str(kind_text))
        except ValueError:
            if checkable or kind_text is not None:
                known = ", ".join(k.value for k in Kind)
                self.fail(raw.line_of("kind"), f"{label}: 'kind' must be one of {known}")

        trigger = Trigger()
        intervals: tuple[Timescale, ...] = ()
        met_by: EventMatch | None = None
        waived_by: EventMatch | None = None
        episode: str | None = None
        if checkable and kind is not None:
            trigger_key = "anchor" if kind is Kind.RECURRING else "trigger"
            wrong = "trigger" if trigger_key == "anchor" else "anchor"
            if wrong in raw:
                self.fail(raw.line_of(wrong), f"{label}: a {kind} standard has '{trigger_key}:'")
            if trigger_key not in raw:
                self.fail(raw.line, f"{label} needs '{trigger_key}:'")
            else:
                trigger = self._trigger(raw, trigger_key, label)
            intervals = self._intervals(raw, kind, label)
            if kind is Kind.RECORDING:
                if "met_by" in raw:
                    self.fail(
                        raw.line_of("met_by"),
                        f"{label}: a recording standard is met when the event is written up; "
                        "remove 'met_by:'",
                    )
                if trigger.birthday is not None:
                    self.fail(raw.line_of("trigger"), f"{label}: recording needs event triggers")
            elif "met_by" not in raw:
                self.fail(raw.line, f"{label} needs 'met_by:'")
            else:
                met_by = self._match(raw["met_by"], raw.line_of("met_by"), label, "met_by")
            if "waived_by" in raw:
                waived_by = self._match(
                    raw["waived_by"], raw.line_of("waived_by"), label, "waived_by"
                )
                if kind is not Kind.ONE_OFF:
                    self.fail(raw.line_of("waived_by"), f"{label}: only one-off standards waive")
        if "episode" in raw:
            episode = str(raw["episode"])
            if episode not in self.vocab.episodes:
                known = ", ".join(self.vocab.episodes)
                self.fail(raw.line_of("episode"), f"{label}: unknown episode {episode!r}: {known}")
        case_types = raw.get("case_types", [])
        if not isinstance(case_types, list):
            self.fail(raw.line_of("case_types"), f"{label}: 'case_types' must be a list")
            case_types = []
        for case_type in case_types:
            if case_type not in self.vocab.episodes:
                self.fail(raw.line_of("case_types"), f"{label}: unknown case type {case_type!r}")
        if len(self.problems) > before:
            return None
        assert kind is not None or not checkable
        return Standard(
            id=sid,
            title=" ".join(str(title).split()),
            kind=kind if kind is not None else Kind.ONE_OFF,
            source=source,
            trigger=trigger,
            intervals=intervals,
            met_by=met_by,
            episode=episode,
            waived_by=waived_by,
            case_types=tuple(str(c) for c in case_types),
            checkable=checkable,
            reason=reason,
            line=raw.line,
            file=self.file,
        )

    def _source(self, raw: LineDict, label: str, document: str) -> Source:
        src = raw.get("source")
        if not isinstance(src, LineDict):
            self.fail(raw.line_of("source"), f"{label} needs 'source:' with its section")
            return Source(document=document, section="")
        self._check_keys(src, {"document", "section", "number", "quote"}, f"{label} source")
        section = str(src.get("section", "")).strip()
        if not section:
            self.fail(src.line, f"{label}: its source needs 'section:'")
        doc = str(src.get("document", document)).strip()
        if not doc:
            self.fail(src.line, f"{label}: its source needs 'document:' (or one for the file)")
        number = src.get("number", "")
        return Source(
            document=doc,
            section=section,
            number="" if number is None else str(number),
            quote=" ".join(str(src.get("quote", "")).split()),
        )

    def _trigger(self, raw: LineDict, key: str, label: str) -> Trigger:
        value = raw[key]
        line = raw.line_of(key)
        if isinstance(value, LineDict) and "birthday" in value:
            age = value["birthday"]
            if set(value) != {"birthday"}:
                self.fail(line, f"{label}: a birthday {key} takes only 'birthday: AGE'")
            if not isinstance(age, int) or isinstance(age, bool) or not 0 < age < 120:
                self.fail(line, f"{label}: 'birthday' must be an age in years, such as 14")
                return Trigger()
            return Trigger(birthday=age)
        return Trigger(match=self._match(value, line, label, key))

    def _match(self, value: Any, line: int, label: str, key: str) -> EventMatch | None:
        where: tuple[Condition, ...] = ()
        if isinstance(value, LineDict):
            for extra in set(value) - {"event", "where"}:
                self.fail(value.line_of(extra), f"{label}: unknown key '{extra}' in '{key}'")
            events_raw = value.get("event")
            if "where" in value:
                where = self._where(value["where"], value.line_of("where"), label)
            line = value.line
        else:
            events_raw = value
        raw_list = [events_raw] if isinstance(events_raw, str) else events_raw
        if not isinstance(raw_list, list) or not raw_list:
            self.fail(line, f"{label}: '{key}' must name one or more events")
            return None
        events = [str(e) for e in raw_list if isinstance(e, str)]
        if len(events) != len(raw_list):
            self.fail(line, f"{label}: '{key}' must name one or more events")
            return None
        for event in events:
            if event not in self.vocab.events:
                self.fail(line, f"{label}: '{key}' names unknown event {event!r}")
        for condition in where:
            for event in events:
                known = self.vocab.events.get(event)
                if known is not None and condition.detail not in known.details:
                    self.fail(
                        line,
                        f"{label}: event {event!r} has no detail {condition.detail!r}; "
                        f"its details are: {', '.join(known.details) or 'none'}",
                    )
        return EventMatch(events=tuple(events), where=where)

    def _where(self, value: Any, line: int, label: str) -> tuple[Condition, ...]:
        if not isinstance(value, LineDict):
            self.fail(line, f"{label}: 'where' must map detail names to values")
            return ()
        out = []
        for detail, test in value.items():
            dline = value.line_of(detail)
            if isinstance(test, LineDict):
                if set(test) == {"not"}:
                    values = test["not"] if isinstance(test["not"], list) else [test["not"]]
                    out.append(Condition(detail, Op.NOT_IN, tuple(normalise(v) for v in values)))
                elif set(test) == {"present"} and isinstance(test["present"], bool):
                    out.append(Condition(detail, Op.PRESENT if test["present"] else Op.ABSENT))
                else:
                    self.fail(dline, f"{label}: use 'not: VALUE' or 'present: true' for {detail}")
            elif isinstance(test, list):
                out.append(Condition(detail, Op.IN, tuple(normalise(v) for v in test)))
            else:
                out.append(Condition(detail, Op.EQUALS, (normalise(test),)))
        return tuple(out)

    def _intervals(self, raw: LineDict, kind: Kind, label: str) -> tuple[Timescale, ...]:
        if kind is Kind.RECURRING:
            keys = ["first", "second", "every"]
            for key in ("within", "before"):
                if key in raw:
                    self.fail(raw.line_of(key), f"{label}: a recurring standard uses 'every:'")
            if "every" not in raw:
                self.fail(raw.line, f"{label} needs 'every:'")
                return ()
            if "second" in raw and "first" not in raw:
                self.fail(raw.line_of("second"), f"{label}: 'second' needs 'first'")
        else:
            key = "before" if kind is Kind.BEFORE else "within"
            keys = [key]
            for other in ("within", "before", "first", "second", "every"):
                if other != key and other in raw:
                    self.fail(raw.line_of(other), f"{label}: a {kind} standard uses '{key}:'")
            if key not in raw:
                self.fail(raw.line, f"{label} needs '{key}:'")
                return ()
        out = []
        for key in keys:
            if key not in raw:
                continue
            try:
                timescale = Timescale.parse(str(raw[key]))
            except TimescaleError as exc:
                self.fail(raw.line_of(key), f"{label}: {exc}")
                continue
            if timescale.amount < 0 or (timescale.amount == 0 and kind is Kind.RECURRING):
                self.fail(raw.line_of(key), f"{label}: '{key}' must be a positive timescale")
            if timescale.unit is Unit.HOURS and kind is Kind.RECURRING:
                self.fail(raw.line_of(key), f"{label}: recurring timescales cannot be in hours")
            out.append(timescale)
        return tuple(out)
