"""Rates, disproportionality ratios and their 95% confidence intervals. Plain Python.

Ratio of rates (risk ratio) with the Katz log method: for a children of a group's n and
b children of the comparison's m,

    RR = (a / n) / (b / m),  SE(ln RR) = sqrt(1/a - 1/n + 1/b - 1/m),
    95% CI = exp(ln RR +/- 1.96 SE).

Proportions (for timeliness) use the Wilson score interval, which behaves at 0% and 100%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float

    def excludes(self, value: float) -> bool:
        """True when the whole interval lies on one side of `value` (1 for a ratio)."""
        return self.high < value or self.low > value


def rate_ratio(a: int, n: int, b: int, m: int, z: float = Z95) -> Interval | None:
    """The ratio of a/n to b/m with its Katz log interval; None when it is undefined
    (no children counted on either side, or an empty population)."""
    if not (0 < a <= n and 0 < b <= m):
        return None
    ratio = (a / n) / (b / m)
    se = math.sqrt(1 / a - 1 / n + 1 / b - 1 / m)
    log = math.log(ratio)
    return Interval(ratio, math.exp(log - z * se), math.exp(log + z * se))


def wilson(k: int, n: int, z: float = Z95) -> Interval | None:
    """The proportion k/n with its Wilson score interval; None when n is 0."""
    if n <= 0 or not 0 <= k <= n:
        return None
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return Interval(p, low, high)


def per_10k(count: int, population: int) -> float | None:
    return None if population <= 0 else count * 10_000 / population
