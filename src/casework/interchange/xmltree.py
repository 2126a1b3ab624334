"""A small XML tree with line numbers, read safely.

Entity declarations (and so entity expansion attacks) are refused and no external
resource is ever fetched. A document that breaks off part way keeps every element read
before the break, and the break is reported with its line.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from casework.interchange.errors import Problems, Why
from casework.interchange.tables import Cell, ReadFailure, Record


@dataclass
class Node:
    tag: str  # without any namespace
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""
    stray: list[tuple[int, str]] = field(default_factory=list)  # text between child elements
    closed: bool = False

    @property
    def key(self) -> str:
        return self.tag.lower()

    def find_all(self, tag: str) -> list[Node]:
        key = tag.lower()
        return [c for c in self.children if c.key == key]

    def find(self, tag: str) -> Node | None:
        key = tag.lower()
        return next((c for c in self.children if c.key == key), None)

    def iter(self) -> list[Node]:
        out: list[Node] = []
        stack = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


class _Refused(Exception):
    pass


_DECL = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def _text_of(data: bytes, file: str, problems: Problems) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    declared = _DECL.match(data[:200])
    if declared:
        name = declared[1].decode("ascii").lower()
        if name not in ("utf-8", "utf8"):
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        problems.add(file, "", 0, "", "", Why.NOT_UTF8)
        return data.decode("cp1252", errors="replace")


_DECL_TEXT = re.compile(r"^(\s*)<\?xml[^>]*\?>")


def parse(path: Path, problems: Problems) -> Node:
    """The root element. Raises ReadFailure when no element can be read at all."""
    file = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadFailure(path, f"cannot be read ({exc.strerror or exc})") from None
    text = _text_of(data, file, problems)
    # The text is given to the parser as UTF-8 whatever the declaration said.
    text = _DECL_TEXT.sub(r"\1", text, count=1).replace("\x00", "")
    parser = expat.ParserCreate(encoding="utf-8")
    root: list[Node] = []
    stack: list[Node] = []

    def start(name: str, _attrs: dict[str, str]) -> None:
        node = Node(name.rsplit("}", 1)[-1].rsplit(":", 1)[-1], parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        elif root:
            raise _Refused("more than one root element")
        else:
            root.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        node = stack.pop()
        node.closed = True
        node.text = node.text.strip()
        if node.children:
            stray = node.text
            node.text = ""
            if stray:
                node.stray.append((node.line, stray))

    def chars(data: str) -> None:
        if not stack:
            return
        node = stack[-1]
        if node.children and data.strip():
            node.stray.append((parser.CurrentLineNumber, " ".join(data.split())))
        elif not node.children:
            node.text += data

    def refuse(*_args: object) -> None:
        raise _Refused("entity declarations are not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as exc:
        if not root:
            raise ReadFailure(path, f"is not XML ({expat.errors.messages[exc.code]})") from None
        problems.add(file, "", exc.lineno, "", "", Why.READING_STOPPED)
    except _Refused as exc:
        if not root:
            raise ReadFailure(path, f"cannot be read safely: {exc}") from None
        problems.add(file, "", parser.CurrentLineNumber, "", "", Why.READING_STOPPED)
    except RecursionError:
        raise ReadFailure(path, "is nested too deeply to read") from None
    if not root:
        raise ReadFailure(path, "has no XML elements")
    # Elements left open by a broken-off document keep what was read of them.
    for node in stack:
        node.text = node.text.strip()
        if node.children and node.text:
            node.stray.append((node.line, node.text))
            node.text = ""
    return root[0]


def leaf_record(
    node: Node,
    file: str,
    sheet: str,
    problems: Problems,
    known: Mapping[str, str],
    *,
    containers: Collection[str] = (),
    extra: Mapping[str, Cell] | None = None,
) -> Record:
    """A record of an element's leaf children. `known` maps lower-case tags to field names;
    other leaves (and child elements not in `containers`) and stray text are reported."""
    cells: dict[str, Cell] = dict(extra or {})
    for line, text in node.stray:
        problems.add(file, sheet, line, node.tag, text, Why.STRAY_TEXT)
    wanted = {c.lower() for c in containers}
    for child in node.children:
        if child.key in wanted:
            continue
        name = known.get(child.key)
        if name is None or child.children:
            problems.add(file, sheet, child.line, child.tag, child.text, Why.UNKNOWN_ELEMENT)
            continue
        if name in cells and name not in (extra or {}):
            problems.add(file, sheet, child.line, child.tag, child.text, Why.DUPLICATE_ELEMENT)
            continue
        cells[name] = Cell(child.tag, child.text, child.line)
    return Record(file, sheet, node.line, cells, problems)
