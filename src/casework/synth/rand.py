"""A fast, reproducible stream of random draws for per-child simulation.

Drawing one number at a time from a NumPy Generator costs about a microsecond; the
simulation needs millions. `Stream` draws blocks of uniforms and normals from the
Generator and hands them out from Python lists, so the sequence depends only on the seed
and the order of the calls.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Generic, TypeVar

import numpy as np

T = TypeVar("T")

BLOCK = 1 << 16


class Weighted(Generic[T]):
    """Values with relative weights, for `Stream.pick_weighted`."""

    __slots__ = ("cumulative", "total", "values")

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values: tuple[T, ...] = tuple(v for v, _ in pairs)
        running = 0.0
        cumulative: list[float] = []
        for _, weight in pairs:
            running += weight
            cumulative.append(running)
        self.cumulative = cumulative
        self.total = running

    @classmethod
    def of(cls, weights: dict[T, float]) -> Weighted[T]:
        return cls(list(weights.items()))


class Stream:
    __slots__ = ("_i", "_j", "_normals", "_rng", "_uniforms")

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._uniforms: list[float] = []
        self._normals: list[float] = []
        self._i = 0
        self._j = 0

    def u(self) -> float:
        """A uniform draw in [0, 1)."""
        i = self._i
        if i >= len(self._uniforms):
            self._uniforms = self._rng.random(BLOCK).tolist()
            i = 0
        self._i = i + 1
        return self._uniforms[i]

    def normal(self) -> float:
        j = self._j
        if j >= len(self._normals):
            self._normals = self._rng.standard_normal(BLOCK).tolist()
            j = 0
        self._j = j + 1
        return self._normals[j]

    def chance(self, p: float) -> bool:
        return self.u() < p

    def between(self, low: int, high: int) -> int:
        """A whole number from low to high inclusive."""
        return low + int(self.u() * (high - low + 1))

    def pick(self, values: Sequence[T]) -> T:
        return values[int(self.u() * len(values))]

    def pick_weighted(self, table: Weighted[T]) -> T:
        i = bisect.bisect_right(table.cumulative, self.u() * table.total)
        return table.values[min(i, len(table.values) - 1)]

    def exponential(self, mean: float) -> float:
        return -math.log(1.0 - self.u()) * mean

    def lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(sigma * self.normal())

    def triangular(self, low: float, high: float, mode: float) -> float:
        u = self.u()
        cut = (mode - low) / (high - low) if high > low else 0.5
        if u < cut:
            return low + math.sqrt(u * (high - low) * (mode - low))
        return high - math.sqrt((1 - u) * (high - low) * (high - mode))
