"""Ranges and shares after a number: ``X to Y``, ``X-Y``, ``between X and Y``, ``one in five``."""

from __future__ import annotations

import re

from . import numbers as n
from . import textscan as ts
from . import units as u
from .changes import change_verb_before
from .context import CURRENCY_AT, Before
from .countnouns import NAME, count_noun
from .items import Options
from .unitscan import unit_here

_RATIO = re.compile(rf"{ts.SPACE}+(?i:in|out{ts.SPACE}+of){ts.SPACE}+(?=[\w])")


_RANGE_SEP = re.compile(
    rf"{ts.SPACE}*(?:(?P<dash>[–—]|(?<={ts.SPACE})-(?={ts.SPACE})){ts.SPACE}*|(?P<hyphen>-)"
    rf"|{ts.SPACE}+(?i:(?P<word>to|and|or|through)){ts.SPACE}+)"
)


SUSPENDED = re.compile(rf"-{ts.SPACE}+(?:to|and|or){ts.SPACE}")


def ratio(text: str, p: int, r: n.NumberReading, opts: Options) -> tuple[float, int] | None:
    """``one in five``, ``3 out of 4``: a share in percent, and where it ends."""
    m = _RATIO.match(text, p)
    if not m:
        return None
    r2 = n.read_number(text, m.end())
    if r2 is None or r2.kind != "cardinal" or not 0 < r.value < r2.value:
        return None
    # "killed 2 in 3 attacks", "5 in 2014", "3 in 10 days" are not shares: with "in",
    # only "one in N" and "N in 10/100/1000" are, and never before a unit.
    out_of = "out" in m.group().lower()
    if not out_of and r.value != 1 and r2.value not in (10, 100, 1000):
        return None
    if r2.plain and 1000 <= r2.value <= 2100:
        return None
    gap = ts.GAP.match(text, r2.end)
    if u.match_unit(text, gap.end() if gap else r2.end, opts.extra):
        return None
    return 100.0 * r.value / r2.value, r2.end


def range_after(
    text: str,
    p: int,
    r: n.NumberReading,
    lo: float,
    before: Before,
    unit: str | None,
    opts: Options,
) -> tuple[float, float, int, str | None, str] | None:
    """``X to Y``, ``X-Y``, ``between X and Y``...: (low, high, end, unit, how) or None."""
    if SUSPENDED.match(text, p):
        p += 1  # "16- to 24-year-olds": the unit is written once, on the second number
    m = _RANGE_SEP.match(text, p)
    if not m:
        return None
    word = (m.group("word") or "").lower()
    how = "dash" if m.group("dash") else "hyphen" if m.group("hyphen") else word
    if how == "and" and before.range_word != "between":
        return None
    if before.range_word == "between" and how not in ("and", "hyphen", "dash"):
        return None
    if how == "or" and before.range_word:
        return None
    if before.range_word == "from" and change_verb_before(text, before.range_start):
        return None  # "rose from 3.1% to 3.4%": two readings, not a range
    if how == "to" and not before.range_word and change_verb_before(text, before.start):
        return None  # "rose by four to 27", "jumped 8% to $12.4bn": a change and its result
    if how == "hyphen" and not (
        r.digits
        and (
            text[m.end() : m.end() + 1].isdigit()
            or (before.currency is not None and text[m.end() : m.end() + 1] in "$€£¥₹")
        )
    ):
        return None
    q = m.end()
    if before.currency:
        c = CURRENCY_AT.match(text, q)
        if c:
            q = c.end()
    if q >= len(text) or not (text[q].isdigit() or text[q].isalpha()):
        return None
    r2 = n.read_number(text, q, money=before.currency is not None)
    if r2 is None or r2.kind != "cardinal":
        return None
    hi = r2.value
    if r.scale == 1.0 and r2.scale > 1.0 and abs(lo) < 1000 and lo * r2.scale <= hi:
        lo = lo * r2.scale
    e = r2.end
    unit2 = None
    if not before.currency:
        found = unit_here(text, e, opts, attached=r2.digits)
        if found:
            unit2, e = found
    if unit is not None and unit2 is not None and unit != unit2:
        return None
    if unit is not None and unit2 is None and before.currency is None:
        return None  # "up 35% to 14 million units": the unit is not carried forward
    if (
        not opts.strict
        and unit is None
        and unit2 is None
        and before.currency is None
        and r.plain
        and r2.plain
        and r.end - r.start == 4
        and r2.end - r2.start == 4
        and 1000 <= lo <= 2100
        and 1000 <= hi <= 2100
        and how in ("and", "to", "through", "dash")
    ):
        cn = count_noun(text, e, 2.0)
        if cn is None or cn[0] == NAME:
            return (lo, hi, e, None, "years")  # "between 2019 and 2021": a span of years
    if how == "hyphen":
        cn = count_noun(text, e, 2.0)
        has_noun = cn is not None and cn[0] != NAME
        # "5k-20k", "1,000-5,000"; but "737-800" and "A350-900" are model names
        big = r.scale > 1 or r2.scale > 1 or ("," in text[r.start : r.end] and "," in text[q:e])
        if lo >= hi or not (unit or unit2 or before.currency or has_noun or big):
            return (lo, hi, e, unit2, "score")
    if lo > hi or (lo == hi and how != "dash"):
        return None
    return lo, hi, e, unit2, how
