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

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import hedges as h
from . import nonquantities as nq
from . import numbers as n
from . import textscan as ts
from . import units as u
from .errors import QuantityError
from .hedges import HEDGES
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


# ---------------------------------------------------------------------------------------
# How it works: one precompiled scanner regex finds where a number may start (a digit, a
# number word, a vague plural); a small hand-written reader then looks around that spot
# with anchored regexes (hedge and currency before it, range, unit, count noun and a
# parenthetical restatement after it). Text between numbers is never looked at in Python,
# which keeps extraction fast on long articles. The reader's tables live next door:
# hedges.py (hedges, their intervals, the "over five years" span rule), nonquantities.py
# (years, dates, times, names, codes, ranks) and textscan.py (spaces, the word before).
# ---------------------------------------------------------------------------------------


_RANGE_BEFORE = re.compile(rf"(?i:\b(between|from){ts.SPACE}+)$")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(" + ts.alternation(u.CURRENCY_PREFIXES) + rf")){ts.SPACE}?$"
)
_CURRENCY_AT = re.compile("(?:" + ts.alternation(u.CURRENCY_PREFIXES) + ")[ ]?")
_CURRENCY_LAST = frozenset(p[-1] for p in u.CURRENCY_PREFIXES)
_RATIO = re.compile(rf"{ts.SPACE}+(?i:in|out{ts.SPACE}+of){ts.SPACE}+(?=[\w])")


_RANGE_SEP = re.compile(
    rf"{ts.SPACE}*(?:(?P<dash>[–—]){ts.SPACE}*|(?P<hyphen>-)|{ts.SPACE}+(?i:(?P<word>to|and|or|through)){ts.SPACE}+)"
)
_OPEN_PAREN = re.compile(rf"{ts.SPACE}*\({ts.SPACE}*")
_CLOSE_PAREN = re.compile(rf"{ts.SPACE}*\)")
_NOUN_WORD = re.compile(rf"{ts.SPACE}+([A-Za-z][A-Za-z'’.]*(?:-[A-Za-z]+)*)")
_OF = re.compile(rf"{ts.SPACE}+of(?={ts.SPACE})")
_MINUS_BEFORE = re.compile(r"(?:(?<![\w.,])[-−]|\b(?i:minus)[ \t]+)$")

#: Units that "a"/"an" may count after a hedge: "over a decade", "less than an hour".
_ONE_UNITS = ts.wordset(
    """decade year month week day hour minute second century mile kilometre kilometer
    metre meter foot yard tonne ton litre liter gallon barrel kilogram"""
)
_WORD_CANDIDATES = sorted(
    {
        *n.SMALL,
        *n.TENS,
        *n.ORDINALS,
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "half",
    }
)
# Where a number may start. A number word must start a word; "a"/"an" only with the words
# that make it a number, "tens"/"scores" only with "of", "several"/"a few" with a scale.
_CANDIDATE = re.compile(
    r"\d+(?:[.,]\d+)*|[½¼¾⅓⅔]"
    r"|\b(?i:"
    + u.trie_pattern(_WORD_CANDIDATES)
    + rf"|an?{ts.SPACE}+(?:dozen|hundred|thousand|million|billion|trillion"
    + r"|third|quarter|half|fifth|tenth)"
    + rf"|a{ts.SPACE}+few{ts.SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + rf"|an?{ts.SPACE}+(?=(?:{u.trie_pattern(_ONE_UNITS)})\b)"
    + rf"|tens{ts.SPACE}+of|scores{ts.SPACE}+of"
    + rf"|several{ts.SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + r")\b"
)

# Words that end a count-noun phrase: a noun is never found beyond them.
_STOP = ts.wordset(
    """of in on at to from by for with and or but as than that which who whom whose
    the a an this these those its their his her our your my is are was were be been being
    has have had do does did will would can could may might must shall should said says
    more most less least many much few several other another each every all some any no
    not only just also still even then there here when where while after before since
    until during about around over under between into onto per out up down off away ago
    later earlier now today yesterday tomorrow this that what so very too it they them
    he she we you i me us him one ones short behind ahead apiece shy against"""
)
# Plurals that do not end in -s, and nouns that count without a plural form.
_PLURAL_WORDS = ts.wordset(
    """people men women children police personnel staff troops cattle aircraft sheep
    fish deer militia clergy crew livestock"""
)
_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i:\b(?:the|this|that|which|each|every|any|no|no\s+other|only|the\s+only)[ \t]+)$"
)
_DEMONYM_ENDINGS = ("i", "an", "ian", "ese", "ish", "ite", "ic")
_DEMONYMS = frozenset({"french", "dutch", "greek", "thai", "swiss", "welsh", "irish", "czech"})


@dataclass
class _Item:
    """A quantity being built, before it is placed in the extract() list."""

    start: int
    end: int
    interval: Interval
    unit: str = u.DIMENSIONLESS
    noun: str | None = None
    kind: str = "quantity"
    hedge: str | None = None
    restates_previous: bool = False


@dataclass
class _Options:
    approx: float
    extra: Mapping[str, str] | None
    strict: bool = False  # reading a fact value: no year/name/list-marker guesses


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
    opts = _Options(approx=approx, extra=extra)
    items: list[_Item] = []
    pos = 0
    floor = 0
    search = _CANDIDATE.search
    n = len(text)
    while pos < n:
        m = search(text, pos)
        if m is None:
            break
        try:
            found = _read_at(text, m.start(), floor, opts)
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


def _to_quantity(text: str, item: _Item, restates: int | None = None) -> Quantity:
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
    )


def _to_quantities(text: str, items: list[_Item]) -> list[Quantity]:
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
    opts = _Options(approx=approx, extra=extra, strict=True)
    lead = len(text) - len(text.lstrip())
    m = _CANDIDATE.search(text, lead)
    if m is None:
        raise QuantityError(f"no number in {stripped!r}: expected e.g. '90 mi', '40,000'")
    found = _read_at(text, m.start(), lead, opts)
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
    if item.end < end:
        rest = text[item.end : end].strip()
        raise QuantityError(f"unexpected text after the quantity in {stripped!r}: {rest!r}")
    return _to_quantity(text, item)


def _strict_noun(text: str, item: _Item, end: int, extra: Mapping[str, str] | None) -> _Item:
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


@dataclass
class _Before:
    """What stands right before a number: hedge, currency, range word, minus sign."""

    start: int  # where the quantity's text starts
    hedge: str | None = None
    currency: str | None = None
    range_word: str | None = None
    range_start: int = 0
    negative: bool = False
    bare_start: int = 0  # where the number (with its sign and currency) starts


def _context_before(text: str, s: int, floor: int) -> _Before:
    x = s
    negative = False
    # Cheap character tests first: most numbers have neither a sign nor a currency.
    prev = text[s - 1] if s > floor else ""
    if prev in "-−" or (prev == " " and text[max(floor, s - 6) : s].lower() == "minus "):
        m = _MINUS_BEFORE.search(text, max(floor, s - 7), x)
        if m:
            negative, x = True, m.start()
    currency = None
    if x > floor:
        c = text[x - 1]
        if c in _CURRENCY_LAST or (c == " " and x - 1 > floor and text[x - 2] in _CURRENCY_LAST):
            m = _CURRENCY_BEFORE.search(text, max(floor, x - 5), x)
            if m:
                currency, x = u.CURRENCY_PREFIXES[m.group(1)], m.start()
    before = _Before(start=x, currency=currency, negative=negative, range_start=x, bare_start=x)
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


def _read_at(
    text: str, s: int, floor: int, opts: _Options, inherit: str | None = None
) -> list[_Item] | None:
    """Items for the number at ``s`` (not before ``floor``), or None when there is none."""
    if text[s] in n.VULGAR:
        before = _context_before(text, s, floor)
        r = n.read_number(text, s)
        return _finish(text, s, r, before, floor, opts, inherit) if r else None
    if text[s].isdigit():
        return _read_digits_at(text, s, floor, opts, inherit)
    return _read_words_at(text, s, floor, opts, inherit)


def _other(kind: str, start: int, end: int, value: float) -> list[_Item]:
    return [_Item(start, end, Interval.point(value), kind=kind)]


def _read_digits_at(
    text: str, s: int, floor: int, opts: _Options, inherit: str | None
) -> list[_Item] | None:
    n_text = len(text)
    prev = text[s - 1] if s > 0 else ""
    # Numbers glued to letters are codes and names: F-16, COVID-19, A320, +44 phone numbers.
    if prev == "-" and text[max(floor, s - 6) : s - 1].lower().endswith(nq.YEAR_PREFIXES):
        r = n.read_number(text, s)
        if r is not None and r.plain and r.end - s == 4 and 1000 <= r.value <= 2100:
            return _other("year", s, r.end, r.value)  # "mid-2014", "pre-2003"
    if (
        prev.isalpha()
        or (prev != "" and prev in "_+#/")
        or (prev == "-" and s >= 2 and text[s - 2].isalnum())
        or (prev in ".," and s >= 2 and text[s - 2].isdigit())
    ):
        a, b = ts.token_span(text, s, s + 1, floor)
        if prev == "+":
            ph = nq.PHONE.match(text, s)
            b = max(b, ph.end()) if ph else b
            a = s - 1
        return _other("identifier", max(a, floor), max(b, s + 1), 0.0)
    if prev == ".":
        return None  # ".5": too rare in news to be worth a guess
    if nq.in_url(text, s, floor):
        a, b = ts.token_span(text, s, s + 1, floor)
        return _other("identifier", s, max(b, s + 1), 0.0)
    before = _context_before(text, s, floor)
    r = n.read_number(text, s, money=before.currency is not None)
    if r is None:
        return None
    e = r.end
    if not math.isfinite(r.value) or r.value > 1e18:
        # hundreds of digits: a hash, a serial number, never an amount
        a, b = ts.token_span(text, s, e, floor)
        return _other("identifier", s, b, 0.0)
    raw_digits = r.plain
    nxt = text[e] if e < n_text else ""
    strict = opts.strict
    if not strict and raw_digits and text[s] == "0" and e - s >= 2:
        # "020 7946 0958", "0800 123 456": a leading zero makes a code, not an amount
        g = nq.DIGIT_GROUPS.match(text, e)
        return _other("identifier", s, g.end() if g else e, r.value)
    if text.startswith(("-in-", "-for-"), e):
        a, b = ts.token_span(text, s, e, floor)  # "a 1-in-100-year flood", "went 3-for-4"
        return _other("identifier", s, b, r.value)
    if (
        not strict
        and raw_digits
        and e - s <= 3
        and ts.at_line_start(text, s)
        and nq.LIST_MARKER.match(text, e)
        and not text[e + 1 : e + 2].isdigit()
    ):
        return _other("list-marker", s, e + 1, r.value)
    if raw_digits and r.value <= 24:
        t = nq.TIME_AFTER.match(text, e)
        if t and t.end() > e and (nxt != ":" or text[e + 1 : e + 2].isdigit()):
            return _other("time", s, t.end(), r.value)
    if raw_digits:
        month = ts.word_before(text, s, floor)[0].rstrip(".") in nq.MONTH_WORDS
        m = nq.MONTH_BEFORE.search(text, max(floor, s - 16), s) if month else None
        if m and (r.value <= 31 or 1000 <= r.value <= 2100) and e - s in (1, 2, 4):
            t = nq.DAY_TAIL.match(text, e)
            return _other("date", m.start(), t.end() if t else e, r.value)
        if r.value <= 31 and e - s <= 2:
            t = nq.MONTH_AFTER.match(text, e)
            if t:
                return _other("date", s, t.end(), r.value)
    if nxt.isalpha() and not _unit_here(text, e, opts, attached=True):
        o = nq.ORDINAL_SUFFIX.match(text, e)
        if o and raw_digits:
            return _other("ordinal", s, o.end(), r.value)
        y = nq.YEAR_TAIL.match(text, e)
        if y and raw_digits and e - s in (2, 4) and nxt == "s":
            return _other("year", s, y.end(), r.value)
        a, b = ts.token_span(text, s, e, floor)
        return _other("identifier", s, b, r.value)
    if nxt == "/" and raw_digits:
        f = _SLASH_SHARE.match(text, e)
        if f and 0 < r.value < int(f.group(1)):
            # "1/3 of the staff", "3/4 of the vote": a share, like "a third of"
            share = 100.0 * r.value / int(f.group(1))
            cls = HEDGES.get(before.hedge) if before.hedge else None
            interval = h.interval(share, share, cls, opts.approx, u.PERCENT)
            return [_Item(before.start, f.end(1), interval, unit=u.PERCENT, hedge=before.hedge)]
    if nxt in ":/" and text[e + 1 : e + 2].isdigit():
        a, b = ts.token_span(text, s, e, floor)
        while b < n_text and (text[b].isdigit() or text[b] in ":/."):
            b += 1
        b = b - 1 if text[b - 1] == "." else b
        return _other("identifier", s, b, r.value)
    ph = nq.PHONE.match(text, s) if raw_digits else None
    if ph and any(c in ph.group() for c in "-.()") and not nq.is_range_like(ph.group()):
        return _other("identifier", s, ph.end(), r.value)
    if not strict and not before.currency and before.hedge is None:
        if text[max(floor, s - 5) : s].rstrip(" \t.").lower().endswith(("no", "nos", "nr")) and (
            nq.NUMBER_SIGN.search(text, max(floor, s - 5), s)
        ):
            return _other("identifier", s, e, r.value)
        name_start = nq.name_before(text, s, floor)
        if name_start is not None:
            return _other("identifier", name_start, e, r.value)
    year_like = raw_digits and e - s == 4 and 1000 <= r.value <= 2100 and not before.currency
    if year_like and not strict:
        if nxt in "-–/" and text[e + 1 : e + 3].isdigit():
            y = nq.YEAR_TAIL.match(text, e)
            if y:
                return _other("year", s, y.end(), r.value)
        if nq.YEAR_TAIL.match(text, e) and nxt in "'’s":
            return _other("year", s, nq.YEAR_TAIL.match(text, e).end(), r.value)  # type: ignore[union-attr]
        word = ts.word_before(text, s, floor)[0].lower()
        if word in nq.YEAR_WORDS or (
            prev in "'’-" and nq.YEAR_BEFORE.search(text, max(floor, s - 12), s)
        ):
            return _other("year", s, e, r.value)
    items = _finish(text, s, r, before, floor, opts, inherit)
    if items is None:
        return None
    if not strict:
        items = _bare_context(text, items, floor)
    main = items[0]
    bare = (
        main.kind == "quantity"
        and main.unit == u.DIMENSIONLESS
        and main.noun is None
        and main.hedge is None
    )
    if year_like and not strict and bare and main.interval.is_point:
        return _other("year", s, e, r.value)
    return items


_MULTIPLIER = re.compile(
    rf"{ts.SPACE}+(?i:the|as|its|their|his|her|our|that|what|more|less|higher|lower|larger"
    rf"|bigger|greater|smaller|faster|longer|over)\b"
)
_SLASH_SHARE = re.compile(rf"/(\d{{1,2}})(?={ts.SPACE}+of{ts.SPACE})")
_SUSPENDED = re.compile(rf"-{ts.SPACE}+(?:to|and|or){ts.SPACE}")
_A_ONE = re.compile(rf"(?i:an?)(?={ts.SPACE})")
_HALF_A = re.compile(rf"(?i:half){ts.SPACE}+an?(?={ts.SPACE})")


def _bare_context(text: str, items: list[_Item], floor: int) -> list[_Item]:
    """What the word before a bare number (no unit, no noun) makes of it.

    ``route 66``, ``junctions 10 and 11``: an index (``identifier``); ``call 911``: a phone
    number; ``the top four``: a rank (``ordinal``); ``aged 18 to 24``, ``at the age of 17``,
    ``turned 100``: an age, in years.
    """
    main = items[0]
    if main.kind != "quantity" or main.unit != u.DIMENSIONLESS:
        return items
    word, at = ts.word_before(text, main.start, floor)
    word = word.lower()
    if word in nq.RANK_WORDS and main.hedge is None:
        return _other("ordinal", main.start, main.end, main.interval.low)  # "the top 10 firms"
    if main.noun is not None:
        return items
    if word in nq.AGE_WORDS or (
        word == "of" and ts.word_before(text, at, floor)[0].lower() in ("age", "ages")
    ):
        main.unit = "year"
        return items
    if main.hedge is not None:
        return items
    if word in nq.INDEX_WORDS or word in nq.CALL_WORDS:
        tail = nq.INDEX_TAIL.match(text, main.end)
        end = tail.end() if tail else main.end
        return _other("identifier", main.start, end, main.interval.low)
    return items


def _read_words_at(
    text: str, s: int, floor: int, opts: _Options, inherit: str | None
) -> list[_Item] | None:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return None  # inside a compound word ("catch-one"), not a number
    r = n.read_number(text, s)
    if text[s : s + 4].lower() == "half":
        if ts.word_before(text, s, max(0, s - 30))[0].lower() in nq.HALVES:
            return None  # "the first half of the year": a part, not a share
        h = _HALF_A.match(text, s) if r is None else None
        if h and _unit_here(text, h.end(), opts, attached=False):
            r = n.NumberReading(0.5, s, h.end())  # "half a percentage point", "half an hour"
    elif r is None and text[s] in "aA":
        a = _A_ONE.match(text, s)
        if a and _unit_here(text, a.end(), opts, attached=False):
            if _context_before(text, s, floor).hedge is None:
                return None  # "a year" alone is not a number
            r = n.NumberReading(1.0, s, a.end())  # "over a decade", "less than an hour"
    if r is None:
        # "a third term": not "a third of"; the ordinal is still worth reporting.
        m = re.match(rf"(?i:an?){ts.SPACE}+", text[s : s + 4])
        if m:
            r2 = n.read_number(text, s + m.end())
            if r2 is not None and r2.kind == "ordinal":
                return _other("ordinal", r2.start, r2.end, r2.value)
        return None
    if r.kind == "ordinal":
        end = r.end
        # "second-largest": the compound is one ordinal
        m = re.compile(r"-[A-Za-z]+").match(text, end)
        if m:
            end = m.end()
        return _other("ordinal", s, end, r.value)
    word = "" if opts.strict else text[s : r.end].lower()
    if word == "one":
        if _DETERMINERS_BEFORE_ONE.search(text, max(floor, s - 14), s):
            return None
        if nq.ONE_IDIOM.match(text, r.end) and (
            ts.word_before(text, s, max(0, s - 30))[0].lower() == "at"
            or (ts.sentence_initial(text, s) and text[r.end + 1 : r.end + 4].lower() == "day")
        ):
            return None  # "at one point", "at one stage", "One day, she left"
        if re.compile(rf"{ts.SPACE}+(?:of|another|other|another's)\b", re.I).match(text, r.end):
            return None
    before = _context_before(text, s, floor)
    items = _finish(text, s, r, before, floor, opts, inherit)
    if not items:
        return None
    if not opts.strict:
        items = _bare_context(text, items, floor)
    main = items[0]
    if (
        word == "one"
        and main.kind == "quantity"
        and main.unit == u.DIMENSIONLESS
        and main.noun is None
    ):
        return None  # the pronoun: "the one in Qaim", "one of three"
    return items


def _unit_here(text: str, p: int, opts: _Options, *, attached: bool) -> tuple[str, int] | None:
    """A unit written at ``p`` (after optional spaces): (pint unit name, end) or None.

    ``attached``: the number was written in digits, so a unit may follow with no space
    (``5km``, ``40C``); after a number word it may not (``tend`` is not ``ten d``).
    """
    n_text = len(text)
    if p >= n_text:
        return None
    if text[p] == "-":
        # "a 90-mile stretch", "a four-day offensive"
        if p + 1 < n_text and text[p + 1].isalpha():
            found = u.match_unit(text, p + 1, opts.extra)
            if found and found[0].surface.replace("-", "").isalpha() and not found[0].attached:
                end = found[1]
                if text.startswith("-old", end):
                    # "a 34-year-old man", "24-year-olds": an age, in years
                    if not text[end + 4 : end + 5].isalpha():
                        end += 4
                    elif text[end + 4] == "s" and not text[end + 5 : end + 6].isalpha():
                        end += 5
                return found[0].unit, end
        return None
    g = ts.GAP.match(text, p)
    q = g.end() if g else p
    found = u.match_unit(text, q, opts.extra)
    if found is None:
        return None
    form, end = found
    if form.attached and q != p:
        return None
    if q == p and not attached and form.surface[0].isalpha():
        return None
    return form.unit, end


def _finish(
    text: str,
    s: int,
    r: n.NumberReading,
    before: _Before,
    floor: int,
    opts: _Options,
    inherit: str | None,
) -> list[_Item] | None:
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
        found = _unit_here(text, of_a.end(), opts, attached=False) if of_a else None
        if found:
            lo = hi = r.value
            unit, e = found
    noun: str | None = None
    if unit is None and not vague:
        found = _unit_here(text, e, opts, attached=r.digits)
        if found:
            unit, e = found
            if unit == "meter" and e == r.end + 1 and text[r.end] == "m":
                # "3m people" is three million people, "3m high" three metres
                after = _unit_here(text, e, opts, attached=False)
                cn = None if after else _count_noun(text, e, 2.0)
                if after or (cn is not None and cn[0] != _NAME):
                    lo = hi = lo * 1e6
                    unit, e = (after[0], after[1]) if after else (None, r.end + 1)
    if unit is None and r.kind == "cardinal":
        ratio = _ratio(text, e, r, opts)
        if ratio is not None:
            value, end = ratio
            cls = HEDGES.get(hedge) if hedge else None
            share = h.interval(value, value, cls, opts.approx, u.PERCENT)
            return [_Item(start, end, share, unit=u.PERCENT, hedge=hedge)]
    post = None
    pm = h.POSTFIX_HEDGE.match(text, e)
    if pm:
        post, e = h.norm(pm.group(1) or pm.group(2)), pm.end()
    if not vague and r.kind == "cardinal" and post is None:
        rng = _range_after(text, e, r, lo, before, unit, opts)
        if rng is not None:
            lo, hi, e, unit2, ranged_hyphen = rng
            if unit is None and unit2 is not None:
                unit = unit2
            if before.range_word:
                start = before.range_start
            if ranged_hyphen == "score":
                return _other("identifier", s, e, lo)
            if ranged_hyphen == "years":
                return _other("year", start, e, lo)
    if unit is None and vague:
        of = _OF.match(text, e)
        if of:
            found = _unit_here(text, of.end(), opts, attached=False)
            if found:
                unit, e = found[0], found[1]
    if unit is None and (r.kind == "cardinal" or vague):
        p = e
        if vague:
            of = _OF.match(text, e)
            p = of.end() if of else e
        if p >= 0:
            cn = _count_noun(text, p, hi if not vague else 2.0)
            if cn is not None and cn[0] == _NAME:
                if r.digits and r.plain and not opts.strict:
                    return _other("identifier", s, cn[1], lo)
            elif cn is not None:
                if cn[0] == "time" and not opts.strict and _MULTIPLIER.match(text, cn[1]):
                    return None  # "three times the size": a multiplier, not a count
                noun, e = cn
    if post is None:
        pm = h.POSTFIX_HEDGE.match(text, e)
        if pm:
            post, e = h.norm(pm.group(1) or pm.group(2)), pm.end()
    if hedge is None and post is not None:
        hedge = post
    if unit in u.SCALED_UNITS:
        factor, unit = u.SCALED_UNITS[unit]  # "25 basis points" = 0.25 percentage points
        lo, hi = lo * factor, hi * factor
    if (
        hedge == "over"
        and before.hedge == "over"
        and not opts.strict
        and _time_span(text, before, unit, noun, e, floor)
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
    main = _Item(
        start=start,
        end=e,
        interval=interval,
        unit=unit,
        noun=noun,
        hedge=hedge_written if hedge_written is not None else (inherit if cls else None),
    )
    items = [main]
    if inherit is None:
        rest = _restatement(text, e, opts, hedge)
        if rest is not None:
            items.append(rest)
    return items


_OF_A = re.compile(rf"{ts.SPACE}+of{ts.SPACE}+an?(?={ts.SPACE})", re.I)
_CHANGE_VERBS = ts.wordset(
    """rose rise rises rising risen fell fall falls falling fallen increased increase
    increases increasing decreased decrease decreasing dropped drop drops dropping
    climbed climb climbs climbing jumped jump jumps jumping grew grow grows growing
    slipped slip slips slid slide slides surged surge surges soared soar soars plunged
    plunge plunges tumbled tumble edged edge widened widen narrowed narrow eased ease
    slowed slow accelerated cut cuts raised raise raises lowered lower lowers boosted
    up down went go goes moved move moves changed shrank shrink declined decline
    declines improved improve worsened"""
)


def _change_verb_before(text: str, x: int) -> bool:
    """A verb of change within the four words before ``x`` ("raised the age from")."""
    for _ in range(4):
        word, x = ts.word_before(text, x, max(0, x - 30))
        low = word.lower()
        if low in _CHANGE_VERBS:
            return True
        if not low or not low.isalpha():
            return False  # punctuation, a number or the start of the line: too far
    return False


def _time_span(
    text: str, before: _Before, unit: str | None, noun: str | None, e: int, floor: int
) -> bool:
    """``over`` before a duration reads as a span (``over five years``) unless it compares."""
    if unit not in h.DURATION_UNITS and (unit is not None or noun not in h.SPAN_NOUNS):
        return False
    word = ts.word_before(text, before.start, floor)[0].lower()
    if word in h.COMPARE_BEFORE or word in HEDGES:
        return False
    return not h.SPAN_NOT_AFTER.match(text, e)


def _ratio(text: str, p: int, r: n.NumberReading, opts: _Options) -> tuple[float, int] | None:
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


def _range_after(
    text: str,
    p: int,
    r: n.NumberReading,
    lo: float,
    before: _Before,
    unit: str | None,
    opts: _Options,
) -> tuple[float, float, int, str | None, str] | None:
    """``X to Y``, ``X-Y``, ``between X and Y``...: (low, high, end, unit, how) or None."""
    if _SUSPENDED.match(text, p):
        p += 1  # "16- to 24-year-olds": the unit is written once, on the second number
    m = _RANGE_SEP.match(text, p)
    if not m:
        return None
    word = (m.group("word") or "").lower()
    how = "dash" if m.group("dash") else "hyphen" if m.group("hyphen") else word
    if how == "and" and before.range_word != "between":
        return None
    if before.range_word == "between" and how != "and":
        return None
    if how == "or" and before.range_word:
        return None
    if before.range_word == "from" and _change_verb_before(text, before.range_start):
        return None  # "rose from 3.1% to 3.4%": two readings, not a range
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
        c = _CURRENCY_AT.match(text, q)
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
        found = _unit_here(text, e, opts, attached=r2.digits)
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
        cn = _count_noun(text, e, 2.0)
        if cn is None or cn[0] == _NAME:
            return (lo, hi, e, None, "years")  # "between 2019 and 2021": a span of years
    if how == "hyphen":
        cn = _count_noun(text, e, 2.0)
        has_noun = cn is not None and cn[0] != _NAME
        if lo >= hi or not (unit or unit2 or before.currency or has_noun):
            return (lo, hi, e, unit2, "score")
    if lo > hi or (lo == hi and how != "dash"):
        return None
    return lo, hi, e, unit2, how


_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
_NAME = ""  # _count_noun's noun when the word after the number makes it a name


def _count_noun(text: str, p: int, count: float) -> tuple[str, int] | None:
    """The head noun of the words after a count: (folded noun, end), or None.

    Modifiers before the head are skipped (``300 military advisers`` -> ``adviser``,
    ``30 Iraqi troops`` -> ``troop``, ``40 ISIL trucks`` -> ``truck``). A noun of ``_NAME``
    means a capitalised singular word that makes the number part of a name
    (``787 Dreamliner``).
    """
    q = p
    for i in range(4):
        m = _NOUN_WORD.match(text, q)
        if not m:
            return None
        raw = m.group(1)
        word = raw.rstrip(".")
        end = m.start(1) + len(word)
        if _INITIALS.fullmatch(raw):
            q = m.end()  # "U.S." modifies
            continue
        sentence_end = raw.endswith(".") and len(word) > 1
        low = word.lower()
        if low.endswith(("'s", "’s")):
            return None
        if low in _STOP:
            return None
        if word[0].isupper():
            if word.isupper():
                q = m.end()
                if sentence_end:
                    return None
                continue
            if count != 1 and u.looks_plural(word):
                return u.fold_noun(word), end
            if low.endswith(_DEMONYM_ENDINGS) or low in _DEMONYMS:
                q = m.end()
                continue
            if i == 0 and count != 1:
                # "20 Grand Slam titles" counts titles; "787 Dreamliner" is a name
                head = _capitalised_head(text, m.end())
                return head if head is not None else (_NAME, end)
            return None
        if low in _PLURAL_WORDS or (low.endswith("men") and len(low) > 4):
            return u.fold_noun(low), end
        if count == 1:
            if low.endswith(("ly", "ed", "ing")):
                return None
            return low, end
        if u.looks_plural(low):
            return u.fold_noun(low), end
        if sentence_end:
            return None
        q = m.end()
    return None


def _capitalised_head(text: str, q: int) -> tuple[str, int] | None:
    """A plural head after capitalised words (``Grand Slam titles``), or None."""
    for _ in range(3):
        m = _NOUN_WORD.match(text, q)
        if not m:
            return None
        word = m.group(1).rstrip(".")
        if word[0].isupper() and not u.looks_plural(word):
            q = m.end()
            continue
        if word.lower() not in _STOP and u.looks_plural(word):
            return u.fold_noun(word), m.start(1) + len(word)
        return None
    return None


def _restatement(text: str, e: int, opts: _Options, hedge: str | None) -> _Item | None:
    """``about 90 miles (150 kilometers)``: the quantity in brackets, sharing the hedge."""
    m = _OPEN_PAREN.match(text, e)
    if not m:
        return None
    q = m.end()
    c = _CANDIDATE.search(text, q, min(len(text), q + 30))
    if c is None:
        return None
    found = _read_at(text, c.start(), q, opts, inherit=hedge or "")
    if not found:
        return None
    item = found[0]
    if item.kind != "quantity" or item.start != q or not _CLOSE_PAREN.match(text, item.end):
        return None
    if item.unit == u.DIMENSIONLESS and item.noun is None:
        return None  # "(2)" after a quantity is a footnote, not a restatement
    item.restates_previous = True
    return item
