"""The document model every printed report is built from: a title and a list of blocks
(headings, paragraphs, tables and SVG charts). Renderers turn one document into PDF or
Excel, so a report is written once and both downloads say the same thing.

Cells are already strings or numbers: suppression and formatting happen before a value
reaches a document, so what is printed is exactly what was checked."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

Cell = str | int | float


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 for a section, 2 for a subsection


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """A table with a caption, a header row and body rows; `notes` print under it."""

    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: str = ""

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(
                    f"table {self.caption!r}: a row has {len(row)} cells, "
                    f"the header has {len(self.header)}"
                )


@dataclass(frozen=True)
class Chart:
    """An SVG chart with its data: the PDF draws the SVG and prints the table under it;
    Excel has no SVG, so it gets the table only."""

    title: str
    svg: str
    table: Table
    description: str = ""


Block = Heading | Paragraph | Table | Chart


@dataclass
class Document:
    title: str
    subtitle: str = ""
    produced: date | None = None
    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> Document:
        self.blocks.append(Heading(text, level))
        return self

    def paragraph(self, text: str) -> Document:
        self.blocks.append(Paragraph(text))
        return self

    def table(
        self,
        caption: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        notes: str = "",
    ) -> Document:
        self.blocks.append(Table(caption, list(header), [list(r) for r in rows], notes))
        return self

    def chart(self, title: str, svg: str, table: Table, description: str = "") -> Document:
        self.blocks.append(Chart(title, svg, table, description))
        return self

    def texts(self) -> Iterator[str]:
        """Every piece of text in the document, for checks such as "no child is named"."""
        yield self.title
        yield self.subtitle
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                yield block.text
                continue
            table = block.table if isinstance(block, Chart) else block
            if isinstance(block, Chart):
                yield block.title
                yield block.description
                yield block.svg
            yield table.caption
            yield table.notes
            yield from table.header
            for row in table.rows:
                yield from (str(c) for c in row)
