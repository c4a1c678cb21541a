"""Compound measures: several figures that make one value, and race times.

- ``6 ft 2 in``, ``5 feet and 2 inches``, ``1 hour 45 minutes``, ``2h 06min 42s``,
  ``4 min 52.3 sec``, ``2 miles 4 furlongs``, ``1 lb 2 oz``, ``9 st 4 lb``,
  ``3-hour-12-minute``: one quantity in the smallest unit written (74 in, 105 min...).
  Each part must be a larger unit than the next of the same kind, written one after the
  other with a space, a hyphen or ``and``.
- A unit written once after ``X and Y`` is both numbers' unit: ``29 and 36 solar
  masses``, ``45 and 50 mg`` (a count noun is not carried: ``killed six and wounded
  eight people``).
- Race times: ``1:29.708`` and ``1:42.00`` (minutes, seconds and a decimal: never a clock
  time) and ``2:06:42`` after a word that states a duration (*in, of, time, clocked, ran,
  finished, record, lap, won...*) are durations in ``second``.
- A bare ``degrees`` takes the temperature scale the same text writes elsewhere
  (``Highs of 97°F ... lows near 75 degrees``): with no scale in the text it stays an angle.
- A temperature that is a difference (``broke the record by 1.6C``, ``2 degrees above
  normal``, ``rose 3C``) is in ``delta_degree_Celsius`` (or Fahrenheit): a difference of
  1.6 °C is 2.9 °F, not 35 °F.
"""

from __future__ import annotations

import functools
import itertools
import math
import re

from . import textscan as ts
from . import unit_vocabulary as vocab
from . import units as u
from .intervals import Interval
from .items import Item

#: (larger, smaller) units that a compound measure may chain, and how many of the
#: smaller make one of the larger (exact, unlike survey-foot definitions).
CHAINS: dict[tuple[str, str], float] = {
    ("mile", "yard"): 1760,
    ("mile", "furlong"): 8,
    ("furlong", "yard"): 220,
    ("yard", "foot"): 3,
    ("foot", "inch"): 12,
    ("meter", "centimeter"): 100,
    ("stone", "pound"): 14,
    ("pound", "ounce"): 16,
    ("kilogram", "gram"): 1000,
    ("week", "day"): 7,
    ("day", "hour"): 24,
    ("hour", "minute"): 60,
    ("minute", "second"): 60,
}
_JOIN = re.compile(rf"{ts.SPACE}+(?:and{ts.SPACE}+)?|-|,{ts.SPACE}*")
# The parts the reader cannot read alone: "2 in" after feet, "9 st" before pounds.
_INCHES_AFTER_FEET = re.compile(rf"{ts.SPACE}+(\d{{1,2}}(?:\.\d+)?){ts.SPACE}?(?:in\b\.?|″|\")")
_STONE = re.compile(rf"{ts.SPACE}?st{ts.SPACE}+")

RACE_TIME = re.compile(r"(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?:\.(\d{1,3}))?(?![\d:])")
DURATION_CUES = ts.wordset(
    """in of time times clocked clocking ran run runs finished finish finishing record
    lap laps won win timed best winning posted set sets covered completed"""
)


HMS = re.compile(r"(\d{1,2}) ?h ?(\d{1,2}) ?m(?:in)? ?(\d{1,2}(?:\.\d{1,3})?) ?s\b")


def race_time(text: str, s: int, floor: int) -> Item | None:
    """A race time starting at ``s`` (``1:29.708``, ``2:06:42`` after ``in``,
    ``2h 06min 42s``), or None."""
    h = HMS.match(text, s)
    if h:
        seconds = int(h.group(1)) * 3600 + int(h.group(2)) * 60 + float(h.group(3))
        return Item(s, h.end(), Interval.point(seconds), unit="second")
    m = RACE_TIME.match(text, s)
    if not m:
        return None
    a, b, c, frac = m.group(1), m.group(2), m.group(3), m.group(4)
    if c is None and frac is None:
        return None  # "10:30" is a time of day
    if frac is None and ts.word_before(text, s, floor)[0].lower() not in DURATION_CUES:
        return None  # "at 10:30:15": a clock
    if c is None:
        seconds = int(a) * 60 + float(f"{b}.{frac}")
    else:
        seconds = int(a) * 3600 + int(b) * 60 + float(c + ("." + frac if frac else ""))
    return Item(s, m.end(), Interval.point(seconds), unit="second")


def finish_items(text: str, items: list[Item]) -> None:
    """What needs the whole text: temperature scales and differences (after changes), the
    currency a bare ``kroner`` means, and percentage points in a text about rates."""
    _temperature_scale(text, items)
    for it in items:
        if it.kind != "quantity" or it.unit != u.DIMENSIONLESS or it.noun is None:
            continue
        code = _currency_named(text, it.noun)
        if code is not None:
            it.unit, it.noun = code, None  # "45 billion kroner" after "Danish kroner"
        elif it.noun == "point" and it.interval.high < 100 and _RATE_CUES.search(text):
            it.unit, it.noun = u.PERCENTAGE_POINT, None  # "cut rates by 0.5 points"


#: A text about rates, polls or yields: its "points" (under 100: index moves are larger
#: and stay counts) are percentage points. A percentage alone is no cue: a basketball
#: player "averaged 22.4 points, shooting 48%".
_RATE_CUES = re.compile(
    r"\b(?i:interest rates?|rates|rate cuts?|rate hikes?|benchmark rate|poll|polls|polling|"
    r"margin of error|yields?|inflation|approval rating|basis points)\b"
)


@functools.lru_cache(maxsize=1)
def _currency_heads() -> dict[str, list[tuple[str, str]]]:
    """Head word of a currency's full name -> [(full name, code)]: "kroner" -> Danish..."""
    heads: dict[str, list[tuple[str, str]]] = {}
    for surface, code, _flags in vocab.CURRENCY_FORMS:
        words = surface.split()
        if len(words) > 1:
            heads.setdefault(u.fold_noun(words[-1]), []).append((surface, code))
    return heads


def _currency_named(text: str, noun: str) -> str | None:
    """The currency whose full name the text writes with this head word, if just one."""
    names = _currency_heads().get(noun)
    if not names:
        return None
    low = text.lower()
    codes = {code for surface, code in names if surface in low}
    return codes.pop() if len(codes) == 1 else None


def join_compounds(text: str, items: list[Item]) -> list[Item]:
    """The items with each compound measure merged into one."""
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        merged = None
        if prev is not None:
            merged = _merge(text, prev, item) or _merge_bounds(text, prev, item)
        if merged is not None:
            out[-1] = merged
        else:
            out.append(item)
    for a, b in itertools.pairwise(out):
        if (
            _point(a)
            and _point(b)
            and a.unit == u.DIMENSIONLESS
            and a.noun is None
            and a.hedge is None
            and b.unit != u.DIMENSIONLESS
            and _AND.fullmatch(text[a.end : b.start])
        ):
            a.unit = b.unit  # "black holes of 29 and 36 solar masses", "45 and 50 mg"
    for i, item in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        inches = _inches_after(text, item, nxt)
        if inches is not None:
            out[i] = inches
            if nxt is not None and nxt.end <= inches.end:
                out.pop(i + 1)
    return out


def _point(item: Item) -> bool:
    return item.kind == "quantity" and item.interval.is_point and not item.restates_previous


def _merge(text: str, a: Item, b: Item) -> Item | None:
    if not (_point(a) and _point(b)) or b.hedge is not None or b.noun is not None:
        return None
    gap = text[a.end : b.start]
    if a.unit == u.DIMENSIONLESS and b.unit == "pound" and _STONE.fullmatch(gap):
        return _joined(a, b, a.interval.low * 14 + b.interval.low, "pound")  # "9 st 4 lb"
    if (a.unit, b.unit) not in CHAINS or not _JOIN.fullmatch(gap):
        return None
    factor = CHAINS[a.unit, b.unit]
    if b.unit == "furlong":  # pint's furlong is in survey feet: say it in miles, exactly
        return _joined(a, b, a.interval.low + b.interval.low / factor, a.unit)
    return _joined(a, b, a.interval.low * factor + b.interval.low, b.unit)


_AND = re.compile(rf"{ts.SPACE}+and{ts.SPACE}+")
_BOUND_JOIN = re.compile(rf",?{ts.SPACE}+(?:and|but){ts.SPACE}+|,{ts.SPACE}+")


def _merge_bounds(text: str, a: Item, b: Item) -> Item | None:
    """``more than 10 and less than 20``, ``at most 100 and at least 20``: one interval."""
    if a.kind != "quantity" or b.kind != "quantity" or a.noun or a.restates_previous:
        return None
    ia, ib = a.interval, b.interval
    a_low, a_high = ia.high == math.inf and ia.low > -math.inf, ia.low == -math.inf
    b_low, b_high = ib.high == math.inf and ib.low > -math.inf, ib.low == -math.inf
    if not ((a_low and b_high) or (a_high and b_low)):
        return None
    if a.unit != b.unit and u.DIMENSIONLESS not in (a.unit, b.unit):
        return None
    if not _BOUND_JOIN.fullmatch(text[a.end : b.start]):
        return None
    lower, upper = (ia, ib) if a_low else (ib, ia)
    if lower.low >= upper.high:
        return None
    interval = Interval(lower.low, upper.high, lower.low_open, upper.high_open)
    unit = a.unit if a.unit != u.DIMENSIONLESS else b.unit
    return Item(a.start, b.end, interval, unit=unit, noun=b.noun, hedge=a.hedge)


def _joined(a: Item, b: Item, total: float, unit: str) -> Item:
    return Item(a.start, b.end, Interval.point(total), unit=unit, hedge=a.hedge, change=a.change)


def _inches_after(text: str, item: Item, nxt: Item | None) -> Item | None:
    """``6 ft 2 in``: the inches ``in`` alone never reads as."""
    if item.unit != "foot" or not _point(item):
        return None
    m = _INCHES_AFTER_FEET.match(text, item.end)
    if not m:
        return None
    total = item.interval.low * 12 + float(m.group(1))
    if nxt is not None and nxt.start < m.end() and nxt.end > m.end():
        return None
    return Item(item.start, m.end(), Interval.point(total), unit="inch", hedge=item.hedge)


_TEMPERATURES = ("degree_Celsius", "degree_Fahrenheit")


def _temperature_scale(text: str, items: list[Item]) -> None:
    scales = {it.unit for it in items if it.unit in _TEMPERATURES}
    if len(scales) == 1:
        (scale,) = scales
        for it in items:
            if it.unit == "degree" and it.kind == "quantity":
                it.unit = scale
    for it in items:
        if it.unit in _TEMPERATURES and (
            it.role == "delta"
            or ts.word_before(text, it.start, 0)[0].lower() == "by"
            or _WARMER.match(text, it.end)
        ):
            it.unit = "delta_" + it.unit  # "beat the record by 1.6C", "2 degrees above normal"


_WARMER = re.compile(rf"{ts.SPACE}+(?i:above|below|warmer|cooler|colder|hotter|higher|lower)\b")
