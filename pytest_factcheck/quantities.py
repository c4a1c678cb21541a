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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import numbers as n
from . import units as u
from .errors import QuantityError
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
# which keeps extraction fast on long articles.
# ---------------------------------------------------------------------------------------

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
            "give or take",
            "an approximate",
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
            "a maximum of",
            "or fewer",
            "or less",
        ],
        "at_most",
    ),
    **dict.fromkeys(
        ["less than", "fewer than", "under", "below", "just under", "well under", "well below"],
        "less",
    ),
}

_SPACE = r"[ \t\u00a0]"
# At most one line break inside a quantity: hard-wrapped text, never a paragraph break.
_GAP = re.compile(rf"{_SPACE}*(?:\r?\n{_SPACE}*)?")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", rf"{_SPACE}+") for w in ordered)


_PREFIX_HEDGES = [h for h in HEDGES if h[0].isalpha() and not h.startswith("or ")]
# A hedge ending right where the number (or its currency symbol) begins.
_HEDGE_BEFORE = re.compile(
    rf"(?i:\b(?:({u.trie_pattern(_PREFIX_HEDGES)})"
    rf"|(?:just|only|a{_SPACE}+mere|merely){_SPACE}+({u.trie_pattern(_PREFIX_HEDGES)})){_SPACE}+)$"
)
_RANGE_BEFORE = re.compile(rf"(?i:\b(between|from){_SPACE}+)$")
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(" + _alternation(u.CURRENCY_PREFIXES) + rf")){_SPACE}?$"
)
_CURRENCY_LAST = frozenset(p[-1] for p in u.CURRENCY_PREFIXES)
_POSTFIX_HEDGE = re.compile(
    rf"(?:{_SPACE}+(?i:(or{_SPACE}+(?:more|so|fewer|less|above)))\b|(\+|-plus\b))"
)
_RATIO = re.compile(rf"{_SPACE}+(?i:in|out{_SPACE}+of){_SPACE}+(?=[\w])")

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?{_SPACE}+(?:the{_SPACE}+)?$")
_MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?{_SPACE}+(?:of{_SPACE}+)?(?:{_MONTHS})\b\.?(?:,?{_SPACE}+\d{{4}}\b)?"
)
# "June 21st, 2014", "March 3-5", "March 3–5, 2024"
_DAY_TAIL = re.compile(rf"(?:st|nd|rd|th)?(?:[-–]\d{{1,2}}\b)?(?:,?{_SPACE}+\d{{4}}\b)?")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WEEKDAYS = _wordset("monday tuesday wednesday thursday friday saturday sunday") | {
    m.lower() for m in _MONTHS.split("|")
}
_TIME_AFTER = re.compile(
    rf"(?::\d{{2}}(?::\d{{2}})?(?:{_SPACE}?(?i:a\.m\.|p\.m\.|am\b|pm\b))?"
    rf"|{_SPACE}?(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock))"
    rf"(?:{_SPACE}+(?:GMT|UTC|BST|EST|EDT|PST|PDT|CET|CEST)\b)?"
)
_PHONE = re.compile(
    r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}\b|\d{3}-\d{4}\b|\(\d{3}\)[ ]?\d{3}-\d{4}\b"
)
_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|of|before|after|during|year|early|late|mid|"
    r"circa|through|spring|summer|autumn|fall|winter|fiscal|and|to|the|'|’)"
    r"[ \t\u00a0-]*)$"
)
_YEAR_TAIL = re.compile(r"(?:s\b|['’]s\b|[-–/]\d{2}(?:\d{2})?\b)")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_NUMBER_SIGN = re.compile(r"\b(?:No|Nos|no|nr|Nr)\.?[ \t]*$|#$")
_LIST_MARKER = re.compile(r"[.)][ \t]")
_RANGE_SEP = re.compile(
    rf"{_SPACE}*(?:(?P<dash>[–—]){_SPACE}*|(?P<hyphen>-)|{_SPACE}+(?i:(?P<word>to|and|or|through)){_SPACE}+)"
)
_OPEN_PAREN = re.compile(rf"{_SPACE}*\({_SPACE}*")
_CLOSE_PAREN = re.compile(rf"{_SPACE}*\)")
_NOUN_WORD = re.compile(rf"{_SPACE}+([A-Za-z][A-Za-z'’.]*(?:-[A-Za-z]+)*)")
_OF = re.compile(rf"{_SPACE}+of(?={_SPACE})")
_NAME_BEFORE = re.compile(r"([A-Za-z][\w&.]*)[ \t]$")
_MINUS_BEFORE = re.compile(r"(?:(?<![\w.,])[-−]|\b(?i:minus)[ \t]+)$")

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
    + rf"|an?{_SPACE}+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|half)"
    + rf"|a{_SPACE}+few{_SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + rf"|tens{_SPACE}+of|scores{_SPACE}+of"
    + rf"|several{_SPACE}+(?:dozen|hundred|thousand|million|billion)"
    + r")\b"
)

# Words that end a count-noun phrase: a noun is never found beyond them.
_STOP = _wordset(
    """of in on at to from by for with and or but as than that which who whom whose
    the a an this these those its their his her our your my is are was were be been being
    has have had do does did will would can could may might must shall should said says
    more most less least many much few several other another each every all some any no
    not only just also still even then there here when where while after before since
    until during about around over under between into onto per out up down off away ago
    later earlier now today yesterday tomorrow this that what so very too it they them
    he she we you i me us him one ones"""
)
# Plurals that do not end in -s, and nouns that count without a plural form.
_PLURAL_WORDS = _wordset(
    """people men women children police personnel staff troops cattle aircraft sheep
    fish deer militia clergy crew livestock"""
)
_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i:\b(?:the|this|that|which|each|every|any|no|no\s+other|only|the\s+only)[ \t]+)$"
)
_DEMONYM_ENDINGS = ("i", "an", "ian", "ese", "ish", "ite", "ic")
_DEMONYMS = frozenset({"french", "dutch", "greek", "thai", "swiss", "welsh", "irish", "czech"})
# Capitalised words that may stand right before a number without making it a name.
_NOT_NAMES = _wordset(
    """the a an about around some nearly almost over under only just more less at up to
    and or but in on of for with by from since until another all those these top and
    between at least roughly approximately fewer than below above"""
)
# Words that make the number after them a name even at the start of a sentence.
_NAME_WORDS = _wordset(
    """route highway interstate flight article resolution chapter section boeing airbus
    apollo windows formula channel room gate terminal platform block level unit iphone
    galaxy model type mark proposition amendment bill act"""
)
_SENTENCE_END = frozenset(".!?:;\n\"“”'‘’([—–-")


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


def _to_quantities(text: str, items: list[_Item]) -> list[Quantity]:
    out: list[Quantity] = []
    for i, it in enumerate(items):
        restates = i - 1 if it.restates_previous and i > 0 else None
        out.append(
            Quantity(
                start=it.start,
                end=it.end,
                text=text[it.start : it.end],
                interval=it.interval,
                unit=it.unit,
                noun=it.noun,
                kind=it.kind,
                hedge=it.hedge,
                restates=restates,
            )
        )
    return out


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
    return Quantity(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        interval=item.interval,
        unit=item.unit,
        noun=item.noun,
        kind=item.kind,
        hedge=item.hedge,
    )


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


def _norm(hedge: str) -> str:
    return " ".join(hedge.lower().split())


_BLANKS = " \t\u00a0"
_OPENERS = "(\"“‘'["
# The last word of every prefix hedge: the hedge regex runs only after one of these.
_HEDGE_LAST = frozenset(h.split()[-1].rstrip(".") for h in _PREFIX_HEDGES)
_YEAR_PREFIXES = ("mid", "early", "late", "pre", "post")
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
_YEAR_WORDS = _wordset(
    """in since by until till from of before after during year early late mid circa through
    spring summer autumn fall winter fiscal and to the"""
)


def _word_before(text: str, x: int, floor: int) -> tuple[str, int]:
    """The word before ``x`` across spaces on the same line: (word, start), or ("", x).

    Cheap string scans that let the reader skip its context regexes for most numbers.
    """
    j = x
    while j > floor and text[j - 1] in _BLANKS:
        j -= 1
    if j == x or j <= floor:
        return "", x
    lo = max(floor, j - 30)
    i = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j), text.rfind("\t", lo, j), lo - 1) + 1
    while i < j and text[i] in _OPENERS:
        i += 1
    return text[i:j], i


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
    before = _Before(start=x, currency=currency, negative=negative, range_start=x)
    word = _word_before(text, x, floor)[0].lower().rstrip(".")
    if word in _HEDGE_LAST:
        m = _HEDGE_BEFORE.search(text, max(floor, x - 40), x)
        if m:
            before.hedge = _norm(m.group(1) or m.group(2))
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


def _token_span(text: str, s: int, e: int, floor: int) -> tuple[int, int]:
    """The run of letters, digits and inner hyphens around ``s``..``e`` (a name or code)."""
    a = s
    while a > floor and a > s - 40 and (text[a - 1].isalnum() or text[a - 1] in "-&_"):
        a -= 1
    while a < s and not text[a].isalnum():
        a += 1
    b = e
    n = len(text)
    while (
        b < n
        and b < e + 40
        and (text[b].isalnum() or (text[b] in "-_" and b + 1 < n and text[b + 1].isalnum()))
    ):
        b += 1
    return a, b


def _other(kind: str, start: int, end: int, value: float) -> list[_Item]:
    return [_Item(start, end, Interval.point(value), kind=kind)]


def _at_line_start(text: str, s: int) -> bool:
    i = s - 1
    while i >= 0 and i > s - 20 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and j > i - 10 and text[j] in " \t\u00a0\"“‘'(":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


def _name_before(text: str, s: int, floor: int) -> int | None:
    """Start of a name right before the number (``Route 66``, ``S&P 500``), or None."""
    if not (
        s > floor
        and text[s - 1] in " \t"
        and any(c.isupper() for c in text[max(floor, s - 25) : s])
    ):
        return None
    m = _NAME_BEFORE.search(text, max(floor, s - 25), s)
    if not m:
        return None
    word = m.group(1).rstrip(".")
    low = word.lower()
    if not any(c.isupper() for c in word) or low in _NOT_NAMES or low in _WEEKDAYS:
        return None
    if low in HEDGES or word in u.CURRENCY_PREFIXES:
        return None
    inner_capital = any(c.isupper() for c in word[1:])
    if _sentence_initial(text, m.start(1)) and not inner_capital and low not in _NAME_WORDS:
        return None
    return m.start(1)


def _in_url(text: str, s: int, floor: int) -> bool:
    lo = max(floor, s - 100)
    tstart = max(text.rfind(" ", lo, s), text.rfind("\n", lo, s), lo - 1) + 1
    token = text[tstart:s]
    return "://" in token or "www." in token or "@" in token


def _read_digits_at(
    text: str, s: int, floor: int, opts: _Options, inherit: str | None
) -> list[_Item] | None:
    n_text = len(text)
    prev = text[s - 1] if s > 0 else ""
    # Numbers glued to letters are codes and names: F-16, COVID-19, A320, +44 phone numbers.
    if prev == "-" and text[max(floor, s - 6) : s - 1].lower().endswith(_YEAR_PREFIXES):
        r = n.read_number(text, s)
        if r is not None and r.plain and r.end - s == 4 and 1000 <= r.value <= 2100:
            return _other("year", s, r.end, r.value)  # "mid-2014", "pre-2003"
    if (
        prev.isalpha()
        or (prev != "" and prev in "_+#/")
        or (prev == "-" and s >= 2 and text[s - 2].isalnum())
        or (prev in ".," and s >= 2 and text[s - 2].isdigit())
    ):
        a, b = _token_span(text, s, s + 1, floor)
        if prev == "+":
            ph = _PHONE.match(text, s)
            b = max(b, ph.end()) if ph else b
            a = s - 1
        return _other("identifier", max(a, floor), max(b, s + 1), 0.0)
    if prev == ".":
        return None  # ".5": too rare in news to be worth a guess
    if _in_url(text, s, floor):
        a, b = _token_span(text, s, s + 1, floor)
        return _other("identifier", s, max(b, s + 1), 0.0)
    before = _context_before(text, s, floor)
    r = n.read_number(text, s, money=before.currency is not None)
    if r is None:
        return None
    e = r.end
    if not math.isfinite(r.value) or r.value > 1e18:
        # hundreds of digits: a hash, a serial number, never an amount
        a, b = _token_span(text, s, e, floor)
        return _other("identifier", s, b, 0.0)
    raw_digits = r.plain
    nxt = text[e] if e < n_text else ""
    strict = opts.strict
    if (
        not strict
        and raw_digits
        and e - s <= 3
        and _at_line_start(text, s)
        and _LIST_MARKER.match(text, e)
        and not text[e + 1 : e + 2].isdigit()
    ):
        return _other("list-marker", s, e + 1, r.value)
    if raw_digits and r.value <= 24:
        t = _TIME_AFTER.match(text, e)
        if t and t.end() > e and (nxt != ":" or text[e + 1 : e + 2].isdigit()):
            return _other("time", s, t.end(), r.value)
    if raw_digits:
        month = _word_before(text, s, floor)[0].rstrip(".") in _MONTH_WORDS
        m = _MONTH_BEFORE.search(text, max(floor, s - 16), s) if month else None
        if m and (r.value <= 31 or 1000 <= r.value <= 2100) and e - s in (1, 2, 4):
            t = _DAY_TAIL.match(text, e)
            return _other("date", m.start(), t.end() if t else e, r.value)
        if r.value <= 31 and e - s <= 2:
            t = _MONTH_AFTER.match(text, e)
            if t:
                return _other("date", s, t.end(), r.value)
    if nxt.isalpha() and not _unit_here(text, e, opts, attached=True):
        o = _ORDINAL_SUFFIX.match(text, e)
        if o and raw_digits:
            return _other("ordinal", s, o.end(), r.value)
        y = _YEAR_TAIL.match(text, e)
        if y and raw_digits and e - s in (2, 4) and nxt == "s":
            return _other("year", s, y.end(), r.value)
        a, b = _token_span(text, s, e, floor)
        return _other("identifier", s, b, r.value)
    if nxt in ":/" and text[e + 1 : e + 2].isdigit():
        a, b = _token_span(text, s, e, floor)
        while b < n_text and (text[b].isdigit() or text[b] in ":/."):
            b += 1
        b = b - 1 if text[b - 1] == "." else b
        return _other("identifier", s, b, r.value)
    ph = _PHONE.match(text, s) if raw_digits else None
    if ph and any(c in ph.group() for c in "-.()") and not _is_range_like(ph.group()):
        return _other("identifier", s, ph.end(), r.value)
    if not strict and not before.currency and before.hedge is None:
        if text[max(floor, s - 5) : s].rstrip(" \t.").lower().endswith(("no", "nos", "nr")) and (
            _NUMBER_SIGN.search(text, max(floor, s - 5), s)
        ):
            return _other("identifier", s, e, r.value)
        name_start = _name_before(text, s, floor)
        if name_start is not None:
            return _other("identifier", name_start, e, r.value)
    year_like = raw_digits and e - s == 4 and 1000 <= r.value <= 2100 and not before.currency
    if year_like and not strict:
        if nxt in "-–/" and text[e + 1 : e + 3].isdigit():
            y = _YEAR_TAIL.match(text, e)
            if y:
                return _other("year", s, y.end(), r.value)
        if _YEAR_TAIL.match(text, e) and nxt in "'’s":
            return _other("year", s, _YEAR_TAIL.match(text, e).end(), r.value)  # type: ignore[union-attr]
        word = _word_before(text, s, floor)[0].lower()
        if word in _YEAR_WORDS or (
            prev in "'’-" and _YEAR_BEFORE.search(text, max(floor, s - 12), s)
        ):
            return _other("year", s, e, r.value)
    items = _finish(text, s, r, before, floor, opts, inherit)
    if items is None:
        return None
    main = items[0]
    bare = main.unit == u.DIMENSIONLESS and main.noun is None and main.hedge is None
    if year_like and not strict and bare and main.interval.is_point:
        return _other("year", s, e, r.value)
    return items


def _is_range_like(s: str) -> bool:
    """``300-400`` is a range, ``555-1234`` or ``202-555-0101`` is a phone number."""
    parts = re.split(r"[ .-]", s.strip("+()"))
    return len(parts) == 2 and all(len(p) <= 3 for p in parts)


def _read_words_at(
    text: str, s: int, floor: int, opts: _Options, inherit: str | None
) -> list[_Item] | None:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        return None  # inside a compound word ("catch-one"), not a number
    r = n.read_number(text, s)
    if r is None:
        # "a third term": not "a third of"; the ordinal is still worth reporting.
        m = re.match(rf"(?i:an?){_SPACE}+", text[s : s + 4])
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
        if re.compile(rf"{_SPACE}+(?:of|another|other|another's)\b", re.I).match(text, r.end):
            return None
    before = _context_before(text, s, floor)
    items = _finish(text, s, r, before, floor, opts, inherit)
    if not items:
        return None
    main = items[0]
    if word == "one" and main.unit == u.DIMENSIONLESS and main.noun is None:
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
            if found and found[0].surface.isalpha() and not found[0].attached:
                end = found[1]
                if text.startswith("-old", end) and not text[end + 4 : end + 5].isalpha():
                    end += 4  # "a 34-year-old man": an age, in years
                return found[0].unit, end
        return None
    g = _GAP.match(text, p)
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


def _interval(
    lo: float, hi: float, cls: str | None, approx: float, unit: str, vague: bool = False
) -> Interval:
    """The interval a (possibly ranged) value means under a hedge class."""
    floor = -INF if unit in ("degree_Celsius", "degree_Fahrenheit") or hi <= 0 else 0.0
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
    if unit is None and r.kind == "cardinal" and hedge is None:
        ratio = _ratio(text, e, r, opts)
        if ratio is not None:
            value, end = ratio
            return [_Item(start, end, Interval.point(value), unit=u.PERCENT)]
    post = None
    pm = _POSTFIX_HEDGE.match(text, e)
    if pm:
        post, e = _norm(pm.group(1) or pm.group(2)), pm.end()
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
                noun, e = cn
    if post is None:
        pm = _POSTFIX_HEDGE.match(text, e)
        if pm:
            post, e = _norm(pm.group(1) or pm.group(2)), pm.end()
    if hedge is None and post is not None:
        hedge = post
    if hedge is None and inherit is not None:
        cls = HEDGES.get(inherit)
        hedge_written = None
    else:
        cls = HEDGES.get(hedge) if hedge else None
        hedge_written = hedge
    unit = unit or u.DIMENSIONLESS
    try:
        interval = _interval(lo, hi, cls, opts.approx, unit, vague)
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
    gap = _GAP.match(text, r2.end)
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
    if how == "hyphen" and not (r.digits and text[m.end() : m.end() + 1].isdigit()):
        return None
    q = m.end()
    if before.currency:
        c = re.compile(r"(?:US\$|C\$|A\$|[$€£¥₹])[ ]?").match(text, q)
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
            return (_NAME, end) if i == 0 and count != 1 else None
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
