"""Intervals of real numbers with open or closed ends: what a quantity means.

Every quantity, in an article or in a fact, is read as an interval ``[low, high]`` in one
unit (spec section 4). Two quantities are consistent when their intervals overlap once
both are in the same unit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """``low``..``high`` (``-inf``/``inf`` where unbounded); ``*_open`` excludes that end."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("an interval bound cannot be NaN")
        if self.low > self.high:
            raise ValueError(f"empty interval: low {self.low} > high {self.high}")

    @classmethod
    def point(cls, value: float) -> Interval:
        """The exact value ``[value, value]``."""
        return cls(value, value)

    @property
    def is_point(self) -> bool:
        """True when the interval is one exact value."""
        return self.low == self.high

    def contains(self, value: float) -> bool:
        """True when ``value`` lies inside, honouring open ends."""
        above = value > self.low or (value == self.low and not self.low_open)
        below = value < self.high or (value == self.high and not self.high_open)
        return above and below

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals (the consistency test)."""
        lo, lo_open = max(
            (self.low, self.low_open), (other.low, other.low_open), key=lambda b: (b[0], b[1])
        )
        hi, hi_open = min(
            (self.high, self.high_open),
            (other.high, other.high_open),
            key=lambda b: (b[0], not b[1]),
        )
        if lo < hi:
            return True
        return lo == hi and not lo_open and not hi_open

    def widened(self, *, relative: float = 0.0, absolute: float = 0.0) -> Interval:
        """The interval stretched by ``relative`` of each bound's size plus ``absolute``.

        Unbounded ends stay unbounded; an open end stays open.
        """
        low = (
            self.low - abs(self.low) * relative - absolute if math.isfinite(self.low) else self.low
        )
        high = (
            self.high + abs(self.high) * relative + absolute
            if math.isfinite(self.high)
            else self.high
        )
        return Interval(low, high, self.low_open, self.high_open)

    def mapped(self, convert: Callable[[float], float]) -> Interval:
        """The interval with both finite bounds passed through an increasing ``convert``."""
        low = convert(self.low) if math.isfinite(self.low) else self.low
        high = convert(self.high) if math.isfinite(self.high) else self.high
        return Interval(low, high, self.low_open, self.high_open)


def format_number(value: float) -> str:
    """A number as a person writes it: ``58.9``, ``40,000``, ``0.25``, ``∞``."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    magnitude = abs(value)
    digits = 1 if magnitude >= 100 else 2 if magnitude >= 1 else 3
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


_GLUED_UNITS = frozenset({"%", "°C", "°F"})


def format_interval(interval: Interval, unit: str = "") -> str:
    """A readable interval: ``58.9–65.1 mi``, ``> 70%``, ``≥ 7``, ``62 mi``,
    ``≥ 2,000 and < 10,000``."""
    suffix = "" if not unit else unit if unit in _GLUED_UNITS else f" {unit}"
    lo, hi = interval.low, interval.high
    if interval.is_point:
        return f"{format_number(lo)}{suffix}"
    if math.isinf(hi):
        sign = ">" if interval.low_open else "≥"
        return f"{sign} {format_number(lo)}{suffix}"
    if (math.isinf(lo) or lo == 0) and not interval.low_open:
        sign = "<" if interval.high_open else "≤"
        return f"{sign} {format_number(hi)}{suffix}"
    if interval.low_open or interval.high_open:
        # Brackets inside a parenthesised report read badly; say the open ends in words.
        left = ">" if interval.low_open else "≥"
        right = "<" if interval.high_open else "≤"
        return f"{left} {format_number(lo)}{suffix} and {right} {format_number(hi)}{suffix}"
    return f"{format_number(lo)}–{format_number(hi)}{suffix}"
