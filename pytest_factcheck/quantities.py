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

How it works, stage by stage (each a module of its own):

1. tokens and numbers — :mod:`.reading` finds where a number may start with one
   precompiled regex and tells years, dates, times, codes and names from amounts
   (:mod:`.nonquantities`); :mod:`.numbers` reads the number (digits, words, scales);
   :mod:`.textscan` has the small scans they share.
2. the unit vocabulary — :mod:`.units` (the curated table, lookup, pint) over
   :mod:`.unit_vocabulary` (generated from CLDR and pint by
   ``scripts/generate_unit_vocabulary.py``); :mod:`.unitscan` finds a unit after a number.
3. hedges, comparators and changes — :mod:`.context` (what stands before a number),
   :mod:`.hedges` (hedge words and their intervals), :mod:`.changes` (rises and falls,
   ``from X to Y``).
4. assembly into intervals — :mod:`.assembly` (unit, range, count noun, hedge after the
   number), :mod:`.ranges`, :mod:`.countnouns`; this module turns the items into
   :class:`Quantity` values.

Text between numbers is never looked at in Python, which keeps extraction fast.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import units as u
from .changes import mark_changes
from .compounds import finish_items, join_compounds
from .errors import QuantityError
from .hedges import HEDGES
from .intervals import Interval
from .items import Item, Options
from .reading import CANDIDATE, read_at

__all__ = ["HEDGES", "Quantity", "QuantityError", "extract", "parse_value"]


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
    change: str | None = None  # "up" or "down": the direction a change word gives this figure
    role: str | None = None  # "before", "after" or "delta" in "from X to Y", "by X to Y", "rose X"

    @property
    def low(self) -> float | None:
        """The lower bound, ``None`` when unbounded."""
        return None if self.interval.low == float("-inf") else self.interval.low

    @property
    def high(self) -> float | None:
        """The upper bound, ``None`` when unbounded."""
        return None if self.interval.high == float("inf") else self.interval.high


# A bug in reading one candidate must not lose the rest of the article, so extract() skips
# that candidate. The test suite sets this to False so that such bugs raise and are seen.
SKIP_READER_ERRORS = True


def extract(
    text: str, *, approx: float = 0.10, units: Mapping[str, str] | None = None
) -> list[Quantity]:
    """Every quantity in ``text``, sorted by ``start``.

    Years, dates, times of day, ordinals, list markers and numbers inside names come back
    with ``kind`` other than ``"quantity"``. A parenthetical restatement has ``restates``
    set to the index of the quantity it restates. ``units`` adds surface forms (surface ->
    pint expression) to the table; a bad expression there is ignored here (the fact loader
    reports it through :func:`parse_value` / :func:`units.check_unit_expression`).
    Never raises.
    """
    try:
        extra = _usable_units(units)
    except Exception:
        if not SKIP_READER_ERRORS:
            raise
        extra = None
    opts = Options(approx=approx, extra=extra)
    items: list[Item] = []
    pos = 0
    floor = 0
    search = CANDIDATE.search
    n = len(text)
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        try:
            found = read_at(text, m.start(), floor, opts)
        except Exception:  # a reader bug must never lose the article
            if not SKIP_READER_ERRORS:
                raise
            found = None
        if not found:
            pos = m.end()
            continue
        items.extend(found)
        floor = max(found[-1].end, m.end())
        pos = floor
    try:
        items = join_compounds(text, items)
        mark_changes(text, items)
        finish_items(text, items)
    except Exception:
        if not SKIP_READER_ERRORS:
            raise
    return _to_quantities(text, items)


def _usable_units(units: Mapping[str, str] | None) -> Mapping[str, str] | None:
    if not units:
        return None
    good: dict[str, str] = {}
    for surface, expr in units.items():
        if not isinstance(surface, str) or not isinstance(expr, str) or not surface.strip():
            continue
        try:
            u.check_unit_expression(expr)
        except Exception:
            continue
        good[surface.strip()] = expr
    return good or None


def _to_quantity(text: str, item: Item, restates: int | None = None) -> Quantity:
    return Quantity(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        interval=item.interval,
        unit=item.unit,
        noun=item.noun,
        kind=item.kind,
        hedge=item.hedge,
        restates=restates,
        change=item.change,
        role=item.role,
    )


def _to_quantities(text: str, items: list[Item]) -> list[Quantity]:
    return [
        _to_quantity(text, it, i - 1 if it.restates_previous and i > 0 else None)
        for i, it in enumerate(items)
    ]


def parse_value(
    text: str, *, approx: float = 0.10, units: Mapping[str, str] | None = None
) -> Quantity:
    """The one quantity that is the whole of ``text`` (a fact's ``value`` or ``tolerance``).

    Surrounding whitespace is allowed. A count noun may be preceded by modifiers
    (``300 military advisers``: noun ``adviser``). Raises :class:`QuantityError` when
    there is no number, the text reads as a year/date/ordinal, a word after the number is
    a misspelt unit ("did you mean"), or anything else is left over.
    """
    if not isinstance(text, str):
        raise QuantityError(f"expected text for a quantity, got {type(text).__name__}")
    extra = dict(units) if units else None
    if extra:
        for expr in extra.values():
            u.check_unit_expression(expr)
    stripped = text.strip()
    if not stripped:
        raise QuantityError("empty value: expected a quantity such as '90 mi' or '4 towns'")
    change = _CHANGE_PREFIX.match(text)
    if change is None:
        return _parse_whole(text, approx, extra)
    # "up 8%", "fell by 2 points", "+8%": a change, read as its delta; the prefix is blanked
    # so that offsets stay.
    direction = "up" if change.group("up") or change.group("plus") else "down"
    delta = _parse_whole(" " * change.end() + text[change.end() :], approx, extra)
    signed = change.group("plus") or change.group("minus")
    if signed and delta.unit not in (u.PERCENT, u.PERCENTAGE_POINT):
        return _parse_whole(text, approx, extra)  # "-3 degC" is a level
    return dataclasses.replace(delta, change=direction, role="delta")


def _parse_whole(text: str, approx: float, extra: dict[str, str] | None) -> Quantity:
    """:func:`parse_value` once any change prefix is dealt with."""
    stripped = text.strip()
    opts = Options(approx=approx, extra=extra, strict=True)
    lead = len(text) - len(text.lstrip())
    m = CANDIDATE.search(text, lead)
    if m is None:
        raise QuantityError(f"no number in {stripped!r}: expected e.g. '90 mi', '40,000'")
    found = read_at(text, m.start(), lead, opts)
    if not found:
        raise QuantityError(f"cannot read {stripped!r} as a quantity")
    first = found[0]
    if first.kind != "quantity":
        article = "an" if first.kind[0] in "aeiou" else "a"
        raise QuantityError(f"{stripped!r} reads as {article} {first.kind}, not a quantity")
    if first.start != lead:
        raise QuantityError(
            f"unexpected text before the number in {stripped!r}: {text[lead : first.start]!r}"
        )
    end = lead + len(stripped)
    item = first
    if item.noun is not None:
        last = text[item.start : item.end].split()[-1]
        near = u.near_unit(last, extra)
        if near is not None:
            raise QuantityError(f"unknown unit {last!r} (did you mean {near!r}?)")
    if item.end < end:
        item = _strict_noun(text, item, end, extra)
    if item.end < end and item.unit != u.DIMENSIONLESS and _PER_ITEM.fullmatch(text, item.end, end):
        # "$1.42 per share", "30 cents a share": an amount for each of something that is no
        # unit; articles' "$1.24 a share" reads as the amount, so the fact value does too.
        item.end = end
    if item.end < end:
        rest = text[item.end : end].strip()
        raise QuantityError(f"unexpected text after the quantity in {stripped!r}: {rest!r}")
    return _to_quantity(text, item)


_PER_ITEM = re.compile(r"\s+(?i:per|a|an|each)\s+[A-Za-z][A-Za-z'’-]*\s*")
# A fact value's change prefix: "up 8%", "fell by 2 points", "+8%", "−0.4 points".
_CHANGE_PREFIX = re.compile(
    r"\s*(?:(?i:(?P<up>up|rose|grew|increased|gained|climbed)"
    r"|(?P<down>down|fell|dropped|declined|decreased|lost))(?i:\s+by)?\s+(?!to\b)(?=\S)"
    r"|(?P<plus>\+)(?=[\d.])|(?P<minus>[-−])(?=[\d.]))"
)


def _strict_noun(text: str, item: Item, end: int, extra: Mapping[str, str] | None) -> Item:
    """In a fact value, the words after a bare count: modifiers and a head noun."""
    rest = text[item.end : end]
    words = rest.split()
    for w in words:
        near = u.near_unit(w, extra)
        if near is not None and item.unit == u.DIMENSIONLESS:
            raise QuantityError(f"unknown unit {w!r} (did you mean {near!r}?)")
    if item.unit != u.DIMENSIONLESS or item.noun is not None:
        return item
    if not words or len(words) > 4 or not all(re.fullmatch(r"[A-Za-z][\w'’.-]*", w) for w in words):
        if words and item.unit == u.DIMENSIONLESS:
            near = u.near_unit(words[0], extra) or _close_unit(words[0], extra)
            if near:
                raise QuantityError(f"unknown unit {words[0]!r} (did you mean {near!r}?)")
        return item
    item.noun = u.fold_noun(words[-1])
    item.end = end
    return item


def _close_unit(word: str, extra: Mapping[str, str] | None) -> str | None:
    found = difflib.get_close_matches(word, u.all_surfaces(extra), n=1, cutoff=0.75)
    return found[0] if found else None


# -- the reader --------------------------------------------------------------------------
