"""A quantity being built: the reader's working record, its options, and non-quantities.

The reader's stages (:mod:`.reading`, :mod:`.assembly`, :mod:`.ranges`...) pass
:class:`Item` between them; :mod:`.quantities` turns the finished ones into ``Quantity``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import units as u
from .intervals import Interval


@dataclass
class Item:
    """A quantity being built, before it is placed in the extract() list."""

    start: int
    end: int
    interval: Interval
    unit: str = u.DIMENSIONLESS
    noun: str | None = None
    kind: str = "quantity"
    hedge: str | None = None
    restates_previous: bool = False
    change: str | None = None  # "up" or "down" (see changes.py)
    role: str | None = None  # "before", "after" or "delta"


@dataclass
class Options:
    approx: float
    extra: Mapping[str, str] | None
    strict: bool = False  # reading a fact value: no year/name/list-marker guesses


def other(kind: str, start: int, end: int, value: float) -> list[Item]:
    return [Item(start, end, Interval.point(value), kind=kind)]
