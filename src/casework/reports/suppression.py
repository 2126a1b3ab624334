"""The small-number rule for anything that leaves the building (councillors' figures,
downloads, PDF and Excel), in one place.

Primary suppression: a count from 1 to 4 is shown as "fewer than 5". Zero is shown:
it identifies no one.

Secondary suppression: where counts are published beside their total, a hidden count
could be worked out by subtraction (one hidden count is the total less the rest; two
hidden counts of 1 and 5 add up to 6, and 6 can only be 1 + 5, since "withheld" counts are
at least 5). So in every group that adds up to a shown total, the smallest shown non-zero
counts are withheld too until no hidden count can be pinned to one value; if that cannot
be done, the total is hidden instead. Rates, ratios and
intervals derived from a hidden count are hidden with it (a rate and its population give
the count back). docs/guide/reports.md explains the rule to readers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

SMALL = 5
HIDDEN = f"fewer than {SMALL}"
WITHHELD = "withheld"  # a count hidden only so that a small one cannot be worked out

K = TypeVar("K")


def is_small(n: int) -> bool:
    return 0 < n < SMALL


def shown(n: int, suppress: bool = True) -> str:
    """One count as printed: "fewer than 5" for 1 to 4 when suppressing."""
    if suppress and is_small(n):
        return HIDDEN
    return f"{n:,}"


def cell(n: int, suppress: bool = True) -> str | int:
    """As `shown`, but an int when shown so spreadsheets can add it up."""
    return HIDDEN if suppress and is_small(n) else n


@dataclass(frozen=True)
class Suppressed:
    """The counts of one group as they may be published, and which were hidden."""

    cells: dict[object, str | int]
    total: str | int
    hidden: frozenset[object]

    def is_hidden(self, key: object) -> bool:
        return key in self.hidden


def _bounds(primary: bool, total: int) -> tuple[int, int]:
    """What a reader knows of a hidden count: 1 to 4, or 5 up to the total."""
    return (1, SMALL - 1) if primary else (SMALL, max(SMALL, total))


def _recoverable(hidden: dict[object, int], primary: set[object], total: int) -> bool:
    """True if the shown total pins any hidden count to one value. The hidden counts add
    up to a known sum, so each lies between that sum less the others' largest values and
    that sum less their smallest."""
    if not hidden:
        return False
    known = sum(hidden.values())
    bounds = {k: _bounds(k in primary, total) for k in hidden}
    low_all = sum(lo for lo, _ in bounds.values())
    high_all = sum(hi for _, hi in bounds.values())
    for lo, hi in bounds.values():
        least = max(lo, known - (high_all - hi))
        most = min(hi, known - (low_all - lo))
        if least >= most:
            return True
    return False


def suppress_group(counts: Mapping[K, int], total: int | None = None) -> Suppressed:
    """Apply the primary and secondary rule to counts that add up to `total` (their sum
    when not given). The result never lets a hidden count be worked out from the others
    and the total: while one could be, the next smallest shown count is withheld too, and
    when none is left the total is hidden."""
    total = sum(counts.values()) if total is None else total
    primary: set[object] = {k for k, n in counts.items() if is_small(n)}
    hidden: dict[object, int] = {k: n for k, n in counts.items() if k in primary}
    candidates = sorted(
        ((n, str(k), k) for k, n in counts.items() if k not in primary and n > 0),
        key=lambda t: (t[0], t[1]),
    )
    total_hidden = is_small(total)
    while not total_hidden and _recoverable(hidden, primary, total):
        if candidates:
            n, _, k = candidates.pop(0)
            hidden[k] = n
        else:
            total_hidden = True
    cells: dict[object, str | int] = {}
    for k, n in counts.items():
        if k in primary:
            cells[k] = HIDDEN
        elif k in hidden:
            cells[k] = WITHHELD
        else:
            cells[k] = n
    shown_total: str | int = (HIDDEN if is_small(total) else WITHHELD) if total_hidden else total
    return Suppressed(cells, shown_total, frozenset(hidden))


def suppress_rows(rows: Sequence[tuple[str, int]]) -> list[tuple[str, str | int]]:
    """(label, count) rows published with a total: as `suppress_group`, keeping order."""
    result = suppress_group(dict(rows))
    return [(label, result.cells[label]) for label, _ in rows]


def shown_group(counts: Sequence[int], total: int, suppress: bool = True) -> tuple[list[str], str]:
    """Counts that add up to `total`, and the total, as printed: with the primary and
    secondary rule when suppressing, plain numbers otherwise."""
    if not suppress:
        return [f"{n:,}" for n in counts], f"{total:,}"
    result = suppress_group(dict(enumerate(counts)), total)

    def text(v: str | int) -> str:
        return f"{v:,}" if isinstance(v, int) else v

    return [text(result.cells[i]) for i in range(len(counts))], text(result.total)
