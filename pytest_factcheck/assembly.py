"""Assembly: a number and what follows it (unit, range, count noun, hedge) into an interval."""

from __future__ import annotations

import re

from . import hedges as h
from . import numbers as n
from . import textscan as ts
from . import units as u
from .context import Before
from .countnouns import NAME, count_noun
from .hedges import HEDGES
from .items import Item, Options, other
from .ranges import range_after, ratio
from .rates import rate_after
from .unitscan import unit_here

_OF = re.compile(rf"{ts.SPACE}+of(?={ts.SPACE})")


_MULTIPLIER = re.compile(
    rf"{ts.SPACE}+(?i:the|as|its|their|his|her|our|that|what|more|less|higher|lower|larger"
    rf"|bigger|greater|smaller|faster|longer|over)\b"
)


#: Races named by their distance: "the 400m hurdles" is 400 metres, not 400 million.
_RACES = ts.wordset(
    """hurdle freestyle butterfly backstroke breaststroke medley relay sprint dash final
    heat steeplechase race run walk record"""
)


_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})\b(?!-)")
#: Words after "N-" that are not what is counted: "a 5,000-strong crowd", "10-fold".
_NOT_NOUNS = ts.wordset(
    """strong fold odd plus something plus year old like style based long wide high deep
    tall thick seater"""
)


def unit_at_head(text: str, p: int, e: int, opts: Options) -> str | None:
    """The unit that the head noun ending at ``e`` is, if it is one (not its first word)."""
    ws = text.rfind(" ", p, e) + 1
    if ws <= p:
        return None
    found = u.match_unit(text, ws, opts.extra)
    if found is None or found[1] != e or found[0].unit in u.CURRENCIES:
        return None
    return found[0].unit


def finish(
    text: str,
    s: int,
    r: n.NumberReading,
    before: Before,
    floor: int,
    opts: Options,
    inherit: str | None,
) -> list[Item] | None:
    """Range, unit, count noun, postfix hedge and restatement after the number at ``s``."""
    sign = -1.0 if before.negative else 1.0
    start = before.start
    hedge = before.hedge
    currency = before.currency
    vague = r.kind == "vague"
    if vague:
        lo, hi = r.low, r.high
    elif r.kind == "proportion":
        lo = hi = r.value * 100.0
    else:
        lo = hi = sign * r.value
    e = r.end
    unit: str | None = currency
    if r.kind == "proportion":
        unit = u.PERCENT
        # "a quarter of a percentage point", "three-quarters of a mile": a fraction of a unit
        of_a = _OF_A.match(text, e)
        found = unit_here(text, of_a.end(), opts, attached=False) if of_a else None
        if found:
            lo = hi = r.value
            unit, e = found
    noun: str | None = None
    if unit is None and not vague:
        found = unit_here(text, e, opts, attached=r.digits)
        if found:
            unit, e = found
            if unit == "meter" and e == r.end + 1 and text[r.end] == "m":
                # "3m people" is three million people, "3m high" three metres
                after = unit_here(text, e, opts, attached=False)
                cn = None if after else count_noun(text, e, 2.0)
                if after or (cn is not None and cn[0] != NAME and cn[0] not in _RACES):
                    lo = hi = lo * 1e6
                    unit, e = (after[0], after[1]) if after else (None, r.end + 1)
    if unit is None and r.kind == "cardinal":
        share = ratio(text, e, r, opts)
        if share is not None:
            value, end = share
            cls = HEDGES.get(hedge) if hedge else None
            interval = h.interval(value, value, cls, opts.approx, u.PERCENT)
            return [Item(start, end, interval, unit=u.PERCENT, hedge=hedge)]
    post = None
    pm = h.POSTFIX_HEDGE.match(text, e)
    if pm:
        post, e = h.norm(pm.group(1) or pm.group(2)), pm.end()
    if not vague and r.kind == "cardinal" and post is None:
        rng = range_after(text, e, r, lo, before, unit, opts)
        if rng is not None:
            lo, hi, e, unit2, ranged_hyphen = rng
            if unit is None and unit2 is not None:
                unit = unit2
            if before.range_word:
                start = before.range_start
            if ranged_hyphen == "score":
                return other("identifier", s, e, lo)
            if ranged_hyphen == "years":
                return other("year", start, e, lo)
    if unit is None and vague:
        of = _OF.match(text, e)
        if of:
            found = unit_here(text, of.end(), opts, attached=False)
            if found:
                unit, e = found[0], found[1]
    hyphen_noun = _HYPHEN_NOUN.match(text, e) if unit is None and not vague else None
    if (
        hyphen_noun
        and r.kind == "cardinal"
        and r.digits  # "one-off", "two-way" are words of their own
        and r.value == int(r.value)  # counts are whole: "a 7.8-magnitude quake" is a scale
        and hyphen_noun.group(1).lower() not in _NOT_NOUNS
    ):
        # "a 10-point lead", "a 2,000-page report", "the 36-hole lead": a count as an adjective
        noun, e = u.fold_noun(hyphen_noun.group(1)), hyphen_noun.end()
    elif unit is None and (r.kind == "cardinal" or vague):
        p = e
        if vague:
            of = _OF.match(text, e)
            p = of.end() if of else e
        if p >= 0:
            cn = count_noun(text, p, hi if not vague else 2.0)
            if cn is not None and cn[0] == NAME:
                if r.digits and r.plain and not opts.strict:
                    return other("identifier", s, cn[1], lo)
            elif cn is not None:
                if cn[0] == "time" and not opts.strict and _MULTIPLIER.match(text, cn[1]):
                    return None  # "three times the size": a multiplier, not a count
                noun, e = cn
                head = unit_at_head(text, p, e, opts)
                if head is not None:
                    unit, noun = head, None  # "517 rushing yards": a unit after modifiers
    if post is None:
        pm = h.POSTFIX_HEDGE.match(text, e)
        if pm:
            post, e = h.norm(pm.group(1) or pm.group(2)), pm.end()
    if post is not None and (
        hedge is None or (HEDGES.get(hedge) == "approx" and HEDGES.get(post) != "approx")
    ):
        hedge = post  # "about 500 or more": the bound the text ends on is the claim
    if unit == "pound" and r.scale >= 1e6 and not opts.strict:
        unit = "GBP"  # "20 million pounds" is money: nobody weighs in millions of pounds
    if unit in u.SCALED_UNITS:
        factor, unit = u.SCALED_UNITS[unit]  # "25 basis points" = 0.25 percentage points
        lo, hi = lo * factor, hi * factor
    rate = rate_after(text, e, unit, noun, opts.extra)
    if rate is not None:
        unit, e, divisor = rate  # "$58.24 per barrel", "40 hours a week"
        lo, hi = lo / divisor, hi / divisor
    if (
        hedge == "over"
        and before.hedge == "over"
        and not opts.strict
        and time_span(text, before, unit, noun, e, floor)
    ):
        # "$1bn over five years": the span the amount is spread over, not a bound
        hedge, start = None, before.bare_start
    if hedge is None and inherit is not None:
        cls = HEDGES.get(inherit)
        hedge_written = None
    else:
        cls = HEDGES.get(hedge) if hedge else None
        hedge_written = hedge
    unit = unit or u.DIMENSIONLESS
    try:
        interval = h.interval(lo, hi, cls, opts.approx, unit, vague)
    except ValueError:
        return None
    main = Item(
        start=start,
        end=e,
        interval=interval,
        unit=unit,
        noun=noun,
        hedge=hedge_written if hedge_written is not None else (inherit if cls else None),
    )
    return [main]


_OF_A = re.compile(rf"{ts.SPACE}+of{ts.SPACE}+an?(?={ts.SPACE})", re.I)


def time_span(
    text: str, before: Before, unit: str | None, noun: str | None, e: int, floor: int
) -> bool:
    """``over`` before a duration reads as a span (``over five years``) unless it compares;
    so does ``over`` right after another quantity (``climbs 1,600 feet over 4.5 miles``)."""
    if (
        floor > 0
        and not text[floor : before.start].strip()
        and unit is not None
        and not text[floor - 1].isdigit()  # "in 2014 over 300 people died" compares
    ):
        return True  # an amount spread over this one: "3,492 km over 21 stages"
    if unit not in h.DURATION_UNITS and (unit is not None or noun not in h.SPAN_NOUNS):
        return False
    word = ts.word_before(text, before.start, floor)[0].lower()
    if word in h.COMPARE_BEFORE or word in HEDGES:
        return False
    return not h.SPAN_NOT_AFTER.match(text, e)
