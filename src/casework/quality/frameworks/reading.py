"""What every framework loader shares: reading the YAML, the checks on keys, text,
lists, events, standards and sources, and collecting every problem with its file and line
into one `FrameworkError`. Events must be in the event vocabulary and standards (written
"pack/id") in a bundled standards pack."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from casework.standards.loader import PackError, Problem, available_packs, load_pack
from casework.standards.model import Source
from casework.standards.vocabulary import Vocabulary, vocabulary
from casework.standards.yamlnodes import LineDict, LineList, YamlError, load_yaml

FRAMEWORKS_DIR = Path(__file__).parent
SCALE_SOURCES = ("seed", "casework")

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

T = TypeVar("T")


class FrameworkError(ValueError):
    """A framework file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@cache
def _bundled_pack_ids(pack: str) -> frozenset[str] | None:
    """The standard ids of a bundled standards pack, or None if there is no such pack."""
    if pack not in available_packs():
        return None
    try:
        loaded = load_pack(pack)
    except PackError:
        return None
    return frozenset(s.id for s in loaded.standards)


class Reader:
    """Reads one file, collecting problems as it goes; `finish` raises them all at once.
    Each kind of file has a subclass that reads its own sections."""

    def __init__(self, path: Path, vocab: Vocabulary | None = None) -> None:
        self.path = path
        self.file = str(path)
        self.vocab = vocab if vocab is not None else vocabulary()
        self.problems: list[Problem] = []

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def finish(self, result: T | None) -> T:
        if self.problems or result is None:
            raise FrameworkError(self.problems)
        return result

    def document(self) -> LineDict | None:
        try:
            doc = load_yaml(self.path)
        except YamlError as exc:
            self.problems.append(Problem(exc.path, exc.line, exc.message))
            return None
        except OSError as exc:
            self.fail(0, f"cannot read the file: {exc.strerror}")
            return None
        if not isinstance(doc, LineDict):
            self.fail(1, "the file must be a mapping of keys to values")
            return None
        return doc

    def keys(self, raw: LineDict, allowed: set[str], what: str) -> None:
        for key in raw:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.fail(raw.line_of(key), f"unknown key '{key}' in {what}; use {known}")

    def text(self, raw: LineDict, key: str, what: str, *, required: bool = True) -> str:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(raw.line, f"{what} needs '{key}:'")
            return ""
        if isinstance(value, (LineDict, LineList, bool)):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be text")
            return ""
        cleaned = " ".join(str(value).split())
        if required and not cleaned:
            self.fail(raw.line_of(key), f"{what}: '{key}' is empty")
        return cleaned

    def flag(self, raw: LineDict, key: str, what: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be true or false")
            return False
        return value

    def texts(self, raw: LineDict, key: str, what: str, *, required: bool = False) -> list[str]:
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(raw.line, f"{what} needs '{key}:'")
            return []
        if not isinstance(value, LineList) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            self.fail(raw.line_of(key), f"{what}: '{key}' must be a list of text")
            return []
        if required and not value:
            self.fail(raw.line_of(key), f"{what}: '{key}' is empty")
        return [" ".join(v.split()) for v in value]

    def mapping(self, raw: LineDict, key: str, what: str) -> LineDict | None:
        value = raw.get(key)
        if not isinstance(value, LineDict):
            where = raw.line_of(key) if key in raw else raw.line
            self.fail(where, f"{what} needs '{key}:' as a mapping")
            return None
        return value

    def items(
        self, raw: LineDict, key: str, what: str, read: Callable[[LineDict], T | None]
    ) -> list[T]:
        value = raw.get(key)
        if not isinstance(value, LineList) or not value:
            where = raw.line_of(key) if key in raw else raw.line
            self.fail(where, f"{what} needs '{key}:' as a list with at least one entry")
            return []
        out: list[T] = []
        for index, entry in enumerate(value):
            if not isinstance(entry, LineDict):
                self.fail(value.item_lines[index], f"each entry of '{key}' must be a mapping")
                continue
            item = read(entry)
            if item is not None:
                out.append(item)
        return out

    def events(self, names: list[str], line: int, what: str) -> None:
        for name in names:
            if name not in self.vocab.events:
                self.fail(line, f"{what}: unknown event '{name}' (see standards/vocabulary.yaml)")

    def standards(self, refs: list[str], line: int, what: str) -> None:
        for ref in refs:
            pack, _, standard_id = ref.partition("/")
            if not pack or not standard_id:
                self.fail(line, f"{what}: write the standard '{ref}' as pack/id")
                continue
            ids = self._pack_ids(pack)
            if ids is None:
                self.fail(line, f"{what}: unknown standards pack '{pack}' in '{ref}'")
            elif standard_id not in ids:
                self.fail(line, f"{what}: pack '{pack}' has no standard '{standard_id}'")

    def _pack_ids(self, pack: str) -> frozenset[str] | None:
        return _bundled_pack_ids(pack)

    def source(self, raw: LineDict, what: str, document: str, section: str = "") -> Source:
        self.keys(raw, {"document", "section", "number", "quote"}, f"{what} source")
        section = self.text(raw, "section", what, required=False) or section
        if not section:
            self.fail(raw.line, f"{what}: its source needs 'section:'")
        number = self.text(raw, "number", what, required=False)
        quote = self.text(raw, "quote", what, required=False)
        return Source(
            document=self.text(raw, "document", what, required=False) or document,
            section=section,
            number=number,
            quote=quote,
        )

    def sources(self, raw: LineDict, what: str, document: str, section: str) -> tuple[Source, ...]:
        return tuple(
            self.items(raw, "sources", what, lambda s: self.source(s, what, document, section))
        )

    def name(self, raw: LineDict, key: str, what: str) -> str:
        value = self.text(raw, key, what)
        if value and not ID.match(value):
            self.fail(raw.line_of(key), f"{what}: '{value}' must be lower-case words joined by -")
        return value

    def scale_source(self, raw: LineDict, what: str) -> str:
        source = self.text(raw, "source", what)
        if source and source not in SCALE_SOURCES:
            self.fail(
                raw.line_of("source"),
                f"{what}: 'source' must be seed (the document gives it) or casework",
            )
        return source
