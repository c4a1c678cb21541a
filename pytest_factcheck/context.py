"""What stands right before a number: a hedge, a currency symbol, a range word, a sign.

Stage 2 of the reader (after :mod:`.numbers` has found a number): looks back from the
number's first character and says where the quantity's text really starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import hedges as h
from . import textscan as ts
from . import units as u

_RANGE_BEFORE = re.compile(rf"(?i:\b(between|from){ts.SPACE}+)$")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(" + ts.alternation(u.CURRENCY_PREFIXES) + rf")){ts.SPACE}?$"
)
CURRENCY_AT = re.compile("(?:" + ts.alternation(u.CURRENCY_PREFIXES) + ")[ ]?")
_CURRENCY_LAST = frozenset(p[-1] for p in u.CURRENCY_PREFIXES)


_SYMBOL_LAST = frozenset("<>=≤≥~≈-")
_PLUS_OR = re.compile(r"(?i:plus[ \t]+or[ \t]+)$")


def currency_glued_before(text: str, s: int, floor: int) -> bool:
    """A currency code or symbol ends at ``s`` with letters in it (``EUR40m``, ``RM15``)."""
    return (
        s > floor
        and text[s - 1] in _CURRENCY_LAST
        and _CURRENCY_BEFORE.search(text, max(floor, s - 5), s) is not None
    )


_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,+])[-−+]|\b(?i:minus|negative)[ \t]+)$")


@dataclass
class Before:
    """What stands right before a number: hedge, currency, range word, minus sign."""

    start: int  # where the quantity's text starts
    hedge: str | None = None
    currency: str | None = None
    range_word: str | None = None
    range_start: int = 0
    negative: bool = False
    bare_start: int = 0  # where the number (with its sign and currency) starts


def context_before(text: str, s: int, floor: int) -> Before:
    x = s
    negative = False
    # Cheap character tests first: most numbers have neither a sign nor a currency.
    prev = text[s - 1] if s > floor else ""
    if prev in "-−+" or (
        prev == " " and text[max(floor, s - 9) : s].lower().endswith(("minus ", "negative "))
    ):
        m = _SIGN_BEFORE.search(text, max(floor, s - 10), x)
        if m and not _PLUS_OR.search(text, max(floor, m.start() - 9), m.start()):
            negative, x = m.group() != "+", m.start()  # not "plus or minus 3 points"
    currency = None
    if x > floor:
        c = text[x - 1]
        if c in _CURRENCY_LAST or (c == " " and x - 1 > floor and text[x - 2] in _CURRENCY_LAST):
            m = _CURRENCY_BEFORE.search(text, max(floor, x - 5), x)
            if m:
                currency, x = u.CURRENCY_PREFIXES[m.group(1)], m.start()
    before = Before(start=x, currency=currency, negative=negative, range_start=x, bare_start=x)
    if x > floor and (
        text[x - 1] in _SYMBOL_LAST or (x - 1 > floor and text[x - 2] in _SYMBOL_LAST)
    ):
        m = h.SYMBOL_HEDGE_BEFORE.search(text, max(floor, x - 5), x)
        if m:
            before.hedge = h.norm(m.group().strip()).lower()
            before.start = before.range_start = m.start()
            return before
    word = ts.word_before(text, x, floor)[0].lower().rstrip(".")
    if word in h.HEDGE_LAST:
        m = h.HEDGE_BEFORE.search(text, max(floor, x - 40), x)
        if m:
            before.hedge = h.norm(m.group(1) or m.group(2))
            before.start = before.range_start = m.start()
            return before
    if word in ("between", "from"):
        m = _RANGE_BEFORE.search(text, max(floor, x - 10), x)
        if m:
            before.range_word = m.group(1).lower()
            before.range_start = m.start()
    return before
