"""Reading quantities out of text: numbers, units, count nouns and hedges, as intervals.

INTERFACE (fixed; other modules rely on it):

    extract(text, *, approx=0.10, units=None) -> list[Quantity]
        Every quantity in ``text``, sorted by ``start``. Non-numeric readings (years, dates,
        times of day, ordinals, numbers inside names) are included with ``kind`` set to
        something other than ``"quantity"`` so callers can skip them. Never raises.
    parse_value(text, *, approx=0.10, units=None) -> Quantity
        Exactly one quantity (kind ``"quantity"``) covering the whole of ``text``, as
        written in a fact's ``value`` or ``tolerance``. Raises QuantityError with a
        readable message (and "did you mean" for near unit spellings) otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from .intervals import Interval


@dataclass(frozen=True)
class Quantity:
    """One quantity as written: where it is, what interval it means, in which unit."""

    start: int  # character offsets into the text given to extract()
    end: int
    text: str  # text[start:end], the whole phrase including hedge and unit
    interval: Interval  # in ``unit``
    unit: str  # pint unit name; "dimensionless" for bare numbers and counts
    noun: str | None = None  # count noun, folded to lower-case singular ("town", "person")
    kind: str = "quantity"  # "quantity", or "year", "date", "time", "ordinal", "identifier", ...
    hedge: str | None = None  # the hedge as written, lower-cased ("about", "more than")
    restates: int | None = None  # index (in the same extract() list) of the quantity restated

    @property
    def low(self) -> float | None:
        """The lower bound, ``None`` when unbounded."""
        return None if self.interval.low == float("-inf") else self.interval.low

    @property
    def high(self) -> float | None:
        """The upper bound, ``None`` when unbounded."""
        return None if self.interval.high == float("inf") else self.interval.high
