"""Changes: the words that make a figure a rise or a fall, and ``from X to Y`` as two values.

A quantity governed by a change word carries its direction (``change``: ``"up"`` or
``"down"``) and its part in the change (``role``):

- ``revenue rose 8% to $12.4bn``: ``8%`` is the ``delta``, ``$12.4bn`` the value ``after``,
  both ``up``;
- ``delays fell from 16 to 14 minutes``: ``16`` is ``before``, ``14 minutes`` ``after``, both
  ``down`` (``from X to Y`` after a change word is two values, never a range);
- ``the toll had risen by four to 27``: ``four`` ``delta``, ``27`` ``after``;
- ``up 8%``, ``down 1.3%``: a ``delta`` (also in a fact's ``value``: ``value: up 8%``);
- ``narrowed to 14.2 per cent from 15.1 per cent``: ``after``, then ``before``.

A change word counts within the four words before the quantity, and never across a number
or punctuation. A verb that gives no direction (``changed``, ``moved``) takes it from the
two values of ``from X to Y`` when both are there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import textscan as ts
from .items import Item

UP = ts.wordset(
    """rose rise rises rising risen increased increase increases increasing climbed climb
    climbs climbing jumped jump jumps jumping grew grow grows growing surged surge surges
    surging soared soar soars soaring edged widened widen widens accelerated raised raise
    raises raising boosted boost boosts lifted lift lifts gained gain gains gaining
    rallied rally rallies advanced advance advances added adds hiked hike hikes expanded
    expand expands improved improve improves doubled tripled up higher extended extend
    extends lengthened recovered recovers rebounded rebounds spiked spikes"""
)
DOWN = ts.wordset(
    """fell fall falls falling fallen decreased decrease decreases decreasing dropped drop
    drops dropping slipped slip slips slid slide slides plunged plunge plunges plunging
    plummeted plummet plummets tumbled tumble tumbles eased ease eases narrowed narrow
    narrows slowed slow slows cut cuts cutting lowered lower lowers shrank shrink shrinks
    shrunk declined decline declines declining lost lose loses losing shed sheds sank sink
    sinks sunk slumped slump slumps dipped dip dips reduced reduce reduces trimmed trim
    slashed slash halved worsened down weakened shortened retreated retreats contracted
    crashed"""
)
# "up"/"down" after these verbs is part of the verb, no change: "the unit makes up nearly
# 30% of sales", "broke down 40% of the cases", "ended up with 12 seats".
_PHRASAL = ts.wordset(
    """make makes made making take takes took taking set sets end ends ended ending sum
    sums summed add adds added adding break breaks broke broken shut shuts close closes
    closed write writes wrote turn turns turned pick picks picked build builds built sign
    signs signed line lines lined"""
)
NEUTRAL = ts.wordset("went go goes moved move moves changed change changes adjusted revised")
CHANGE_VERBS = UP | DOWN | NEUTRAL

#: Words that may stand between a change word and its figure.
_BETWEEN = ts.wordset("by to from of about around some nearly almost just a an")
_ROLE_WORD = {"by": "delta", "to": "after", "from": "before"}
_LINK = re.compile(rf"{ts.SPACE}+(to|from){ts.SPACE}+$")


def change_verb_before(text: str, x: int) -> bool:
    """A verb of change within the four words before ``x`` ("raised the age from")."""
    return _change_word_before(text, x, 0)[0] is not None


def _change_word_before(text: str, x: int, floor: int) -> tuple[str | None, str | None]:
    """(change word, the preposition right before ``x``) within four words, or (None, ...)."""
    role_word = None
    for i in range(4):
        word, x = ts.word_before(text, x, max(floor, x - 30))
        low = word.lower()
        if i == 0 and low in _ROLE_WORD:
            role_word = low
        if low in CHANGE_VERBS:
            if (
                low in ("up", "down")
                and ts.word_before(text, x, max(floor, x - 30))[0].lower() in _PHRASAL
            ):
                return None, role_word
            return low, role_word
        if not low or not low.isalpha():
            return None, role_word  # punctuation, a number or the start of the line
    return None, role_word


def direction(word: str) -> str | None:
    return "up" if word in UP else "down" if word in DOWN else None


def mark_changes(text: str, items: Sequence[Item]) -> None:
    """Set ``change`` and ``role`` on the quantities that a change word governs."""
    prev: Item | None = None
    for item in items:
        if item.kind != "quantity":
            continue
        link = _LINK.search(text, max(0, item.start - 8), item.start)
        if (
            prev is not None
            and prev.change is not None
            and link is not None
            and link.start() == prev.end
        ):
            # "rose 8% to $12.4bn", "fell from 16 to 14", "to 14.2% from 15.1%"
            item.role = "after" if link.group(1) == "to" else "before"
            item.change = prev.change
            _share_unit(prev, item)
            if prev.role == "before" and item.role == "after" and prev.change == "?":
                item.change = prev.change = _by_values(prev, item)
            prev = item
            continue
        if item.restates_previous and prev is not None:
            item.change, item.role = prev.change, prev.role  # "rose 5 miles (8 km)"
            continue
        floor = prev.end if prev is not None else 0
        word, role_word = _change_word_before(text, item.start, floor)
        if word is not None:
            item.change = direction(word) or "?"
            item.role = _ROLE_WORD.get(role_word or "by", "delta")
        prev = item
    for item in items:
        if item.change == "?":
            item.change = None


def _share_unit(a: Item, b: Item) -> None:
    """``fell from 16 to 14 minutes``: the unit written once is both values' unit."""
    if {a.role, b.role} != {"before", "after"}:
        return
    bare = [x for x in (a, b) if x.unit == "dimensionless" and x.noun is None]
    unit = [x for x in (a, b) if x.unit != "dimensionless" or x.noun is not None]
    if len(bare) == 1 and len(unit) == 1:
        bare[0].unit, bare[0].noun = unit[0].unit, unit[0].noun


def _by_values(before: Item, after: Item) -> str | None:
    if before.unit != after.unit and after.unit != "dimensionless":
        return None
    a, b = before.interval.low, after.interval.low
    return "up" if b > a else "down" if b < a else None
