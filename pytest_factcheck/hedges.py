"""Hedges: the words around a number that widen it into an interval.

``HEDGES`` maps each hedge as written to its class; :func:`interval` turns a value (or a
range) and a hedge class into the interval it means. Also the rule that makes ``over``
before a duration a span of time rather than a bound (see docs/quantities.md, Hedges).
"""

from __future__ import annotations

import math
import re

from . import units as u
from .intervals import Interval
from .textscan import SPACE, wordset

INF = math.inf

#: Hedge as written (lower-case, single spaces) -> how it turns a value into an interval.
HEDGES: dict[str, str] = {
    **dict.fromkeys(
        [
            "about",
            "around",
            "approximately",
            "approx.",
            "roughly",
            "some",
            "an estimated",
            "estimated",
            "circa",
            "or so",
            "-odd",
            "give or take",
            "an approximate",
            "near",
            "~",
            "≈",
        ],
        "approx",
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just shy of", "not quite"], "nearly"),
    **dict.fromkeys(
        [
            "at least",
            "no fewer than",
            "no less than",
            "not less than",
            "not fewer than",
            "a minimum of",
            "or more",
            "or above",
            "+",
            "-plus",
            "or higher",
            "or greater",
            "or over",
            "no lower than",
            "no smaller than",
            "no shorter than",
            "no younger than",
            "at minimum",
            "≥",
            ">=",
            "greater than or equal to",
            "more than or equal to",
            "at least or equal to",
            "equal to or greater than",
            "equal to or more than",
            "bigger or equal than",
            "larger or equal than",
            "greater or equal than",
            "higher or equal than",
        ],
        "at_least",
    ),
    **dict.fromkeys(
        [
            "more than",
            "over",
            "upwards of",
            "upward of",
            "above",
            "in excess of",
            "greater than",
            "well over",
            "just over",
            "exceeding",
            "exceeds",
            "exceed",
            "exceeded",
            "surpassing",
            "surpass",
            "surpasses",
            "surpassed",
            "north of",
            "higher than",
            "larger than",
            "bigger than",
            "longer than",
            "older than",
            ">",
        ],
        "more",
    ),
    **dict.fromkeys(
        [
            "at most",
            "up to",
            "no more than",
            "not more than",
            "as many as",
            "as much as",
            "a maximum of",
            "or fewer",
            "or less",
            "or lower",
            "or below",
            "or under",
            "within",
            "limited to",
            "capped at",
            "no higher than",
            "no greater than",
            "no bigger than",
            "no larger than",
            "no longer than",
            "no hotter than",
            "no heavier than",
            "no older than",
            "≤",
            "<=",
            "less than or equal to",
            "fewer than or equal to",
            "equal to or less than",
            "equal to or fewer than",
            "smaller or equal than",
            "less or equal than",
            "lower or equal than",
        ],
        "at_most",
    ),
    **dict.fromkeys(
        [
            "less than",
            "fewer than",
            "under",
            "below",
            "just under",
            "well under",
            "well below",
            "sub-",
            "<",
            "lower than",
            "smaller than",
            "shorter than",
            "younger than",
        ],
        "less",
    ),
}

PREFIX_HEDGES = [
    h for h in HEDGES if h[0].isalpha() and not h.startswith("or ") and not h.endswith("-")
]
#: Hedges written as a symbol or a prefix, glued to the number or not: ``>10``, ``≤ 5``,
#: ``~40``, ``sub-$300``.
SYMBOL_HEDGE_BEFORE = re.compile(r"(?:(?<![\w])(?i:sub)-|(?:<=|>=|[<>≤≥~≈]))[ \t]?$")

# A hedge ending right where the number (or its currency symbol) begins.
HEDGE_BEFORE = re.compile(
    rf"(?i:\b(?:({u.trie_pattern(PREFIX_HEDGES)})"
    rf"|(?:just|only|a{SPACE}+mere|merely){SPACE}+({u.trie_pattern(PREFIX_HEDGES)})){SPACE}+)$"
)

POSTFIX_HEDGE = re.compile(
    rf"(?:{SPACE}+(?i:(or{SPACE}+(?:more|so|fewer|less|above|below|higher|lower|greater|over|under)))\b"
    r"|(\+|-plus\b|-odd\b))"
)


def norm(hedge: str) -> str:
    return " ".join(hedge.lower().split())


# The last word of every prefix hedge: the hedge regex runs only after one of these.
HEDGE_LAST = frozenset(h.split()[-1].rstrip(".") for h in PREFIX_HEDGES)


def interval(
    lo: float, hi: float, cls: str | None, approx: float, unit: str, vague: bool = False
) -> Interval:
    """The interval a (possibly ranged) value means under a hedge class."""
    # An upper bound says nothing of the lower end: "up to 40 mph", "under $5" are
    # unbounded below (JSON ``low: null``), like the temperatures they always were.
    floor = -INF
    if cls == "more":
        return Interval(lo, INF, low_open=True)
    if cls == "at_least":
        return Interval(lo, INF)
    if cls == "at_most":
        return Interval(floor, hi, high_open=vague)
    if cls == "less":
        return Interval(floor, hi, high_open=True)
    if vague:
        return Interval(lo, hi, high_open=True)
    if cls == "approx":
        return Interval(lo - abs(lo) * approx, hi + abs(hi) * approx)
    if cls == "nearly":
        return Interval(lo - abs(lo) * approx, hi)
    return Interval(lo, hi)


#: Units and count nouns that make ``over N ...`` a span of time.
DURATION_UNITS = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"]
)

SPAN_NOUNS = wordset("season stage lap night weekend term session round quarter")

#: Words right before ``over`` that make ``over N years`` a bound ("more than").
COMPARE_BEFORE = wordset(
    """for in of after within than from since to by and or is are was were be been being
    lasted last lasts lasting took take takes taking spent spend spends spending waited
    wait waits waiting served serve serves serving lived worked stayed remained ran run
    runs running aged jailed sentenced imprisoned"""
)

SPAN_NOT_AFTER = re.compile(
    rf"{SPACE}+(?i:ago|old|late|later|earlier|long|of|before|after|since|in{SPACE}+prison)\b"
)
