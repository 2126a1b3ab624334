"""Small helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, TypeAlias
from zoneinfo import ZoneInfo

from casework.standards import Pack, PackError, load_pack

LONDON = ZoneInfo("Europe/London")

if TYPE_CHECKING:
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


def today() -> dt.date:
    """Today's date in England (the date a practitioner would write)."""
    return dt.datetime.now(tz=LONDON).date()


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-06-30") from None


def fail(message: str, code: int = 2) -> int:
    print(f"casework: {message}", file=sys.stderr)
    return code


def pack_or_none(name: str) -> Pack | None:
    """Load a pack, printing its problems (file:line: what) on failure."""
    try:
        return load_pack(name)
    except PackError as exc:
        print(f"casework: the pack {name!r} cannot be used:", file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return None
