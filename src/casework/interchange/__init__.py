"""Interchange: the statutory returns councils already produce, read and converted to events.

`convert(kind, path)` reads an Annex A (`annex-a`), a CIN census (`cin-census`) or an
SSDA903 return (`ssda903`) and gives a `Conversion`: the events, the source of each (file,
sheet and row), the children found and the error report. A value that cannot be read goes
into the report and never stops the rest; a file that cannot be read at all raises
`ReadFailure`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from casework.interchange import annex_a, cin_census, ssda903
from casework.interchange.builder import Conversion
from casework.interchange.errors import ErrorRow, Why, write_errors
from casework.interchange.tables import ReadFailure

KINDS: dict[str, Callable[[Path], Conversion]] = {
    "annex-a": annex_a.convert,
    "cin-census": cin_census.convert,
    "ssda903": ssda903.convert,
}


def convert(kind: str, path: Path | str) -> Conversion:
    """Convert one return. Raises ValueError for an unknown kind, ReadFailure when the file
    cannot be read at all."""
    try:
        reader = KINDS[kind]
    except KeyError:
        raise ValueError(
            f"unknown kind of return {kind!r}: use one of {', '.join(KINDS)}"
        ) from None
    return reader(Path(path))


__all__ = [
    "KINDS",
    "Conversion",
    "ErrorRow",
    "ReadFailure",
    "Why",
    "convert",
    "write_errors",
]
