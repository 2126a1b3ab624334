"""How detail values compare: case and spacing ignored, yes/no spelt any usual way."""

from __future__ import annotations

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}


def normalise(value: object) -> str:
    """The comparable form of a detail value ('' when it is missing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = " ".join(str(value).split()).lower()
    if text in _TRUE:
        return "true"
    if text in _FALSE:
        return "false"
    return text
