"""Numbers that are not amounts: years, dates, times of day, ordinals, names and codes.

The tables and predicates the reader uses to tell ``2014``, ``June 10``, ``10:30``,
``Route 66``, ``S&P 500``, ``020 7946 0958`` or ``the top four`` from a quantity. The
reader (:mod:`pytest_factcheck.quantities`) decides in which order to ask them.
"""

from __future__ import annotations

import re

from . import units as u
from .hedges import HEDGES
from .textscan import SPACE, sentence_initial, wordset

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?{SPACE}+(?:the{SPACE}+)?$")

MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?{SPACE}+(?:of{SPACE}+)?(?:{MONTHS})\b\.?(?:,?{SPACE}+\d{{4}}\b)?"
)

# "June 21st, 2014", "March 3-5", "March 3–5, 2024"
DAY_TAIL = re.compile(rf"(?:st|nd|rd|th)?(?:[-–]\d{{1,2}}\b)?(?:,?{SPACE}+\d{{4}}\b)?")

WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday") | {
    m.lower() for m in MONTHS.split("|")
}

TIME_AFTER = re.compile(
    rf"(?::\d{{2}}(?::\d{{2}})?(?:{SPACE}?(?i:a\.m\.|p\.m\.|am\b|pm\b))?"
    rf"|{SPACE}?(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock))"
    rf"(?:{SPACE}+(?:GMT|UTC|BST|EST|EDT|PST|PDT|CET|CEST)\b)?"
)

#: "10.15", "7.30": hours and minutes with a dot (British news), before am/pm or after "at".
DOTTED_TIME = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
SCHEDULE_AT = re.compile(
    rf"\b(?i:leaves|leave|left|departs|departed|arrives|arrived|starts|started|begins|began"
    rf"|opens|opened|kicks{SPACE}+off|kicked{SPACE}+off|due|scheduled|until|till)"
    rf"{SPACE}+(?:at{SPACE}+)?$"
)
AM_PM = re.compile(rf"{SPACE}?(?i:a\.m\.|p\.m\.|am\b|pm\b)")

PHONE = re.compile(
    r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}\b|\d{3}-\d{4}\b|\(\d{3}\)[ ]?\d{3}-\d{4}\b"
)

YEAR_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|of|before|after|during|year|early|late|mid|"
    r"circa|through|spring|summer|autumn|fall|winter|fiscal|and|to|the|'|’)"
    r"[ \t\u00a0-]*)$"
)

YEAR_TAIL = re.compile(r"(?:s\b|['’]s\b|[-–/]\d{2}(?:\d{2})?\b)")

ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")

NUMBER_SIGN = re.compile(r"\b(?:No|Nos|no|nr|Nr)\.?[ \t]*$|#$")

LIST_MARKER = re.compile(r"[.)][ \t]")

NAME_BEFORE = re.compile(r"([A-Za-z][\w&.-]*)[ \t]$")

# Capitalised words that may stand right before a number without making it a name.
NOT_NAMES = wordset(
    """the a an about around some nearly almost over under only just more less at up to
    and or but in on of for with by from since until another all those these top and
    between at least roughly approximately fewer than below above"""
)

# Words that make the number after them a name even at the start of a sentence.
NAME_WORDS = wordset(
    """route highway interstate flight article resolution chapter section boeing airbus
    apollo windows formula channel room gate terminal platform block level unit iphone
    galaxy model type mark proposition amendment bill act"""
)

#: Nouns that a year qualifies ("compared with 1990 levels"): never counted by it.
YEAR_NOUNS = wordset(
    """level price figure standard value term peak high low budget census election model
    edition season campaign forecast estimate target rate baseline dollar"""
)

YEAR_PREFIXES = ("mid", "early", "late", "pre", "post")

MONTH_WORDS = frozenset(MONTHS.split("|"))

YEAR_WORDS = wordset(
    """in since by until till from of before after during year early late mid circa through
    spring summer autumn fall winter fiscal and to the"""
)


def name_before(text: str, s: int, floor: int) -> int | None:
    """Start of a name right before the number (``Route 66``, ``S&P 500``), or None."""
    if not (
        s > floor
        and text[s - 1] in " \t"
        and any(c.isupper() for c in text[max(floor, s - 25) : s])
    ):
        return None
    m = NAME_BEFORE.search(text, max(floor, s - 25), s)
    if not m:
        return None
    word = m.group(1).rstrip(".")
    low = word.lower()
    if not any(c.isupper() for c in word) or low in NOT_NAMES or low in WEEKDAYS:
        return None
    if low in HEDGES or word in u.CURRENCY_PREFIXES:
        return None
    inner_capital = any(c.isupper() for c in word[1:])
    if sentence_initial(text, m.start(1)) and not inner_capital and low not in NAME_WORDS:
        return None
    return m.start(1)


def in_url(text: str, s: int, floor: int) -> bool:
    lo = max(floor, s - 100)
    tstart = max(text.rfind(" ", lo, s), text.rfind("\n", lo, s), lo - 1) + 1
    token = text[tstart:s]
    return "://" in token or "www." in token or "@" in token


DIGIT_GROUPS = re.compile(r"(?:[ -]\d{2,5}\b)*")

ONE_IDIOM = re.compile(rf"{SPACE}+(?i:point|time|stage|day)\b")

HALVES = wordset(
    """first second other latter former top bottom opening closing final back front
    better lower upper northern southern eastern western"""
)

#: Words that make a bare number after them an index, not an amount: "route 66",
#: "junctions 10 and 11", "the number 10 shirt", "platform 9", "stage 12", "game 7".
INDEX_WORDS = wordset(
    """route routes highway interstate flight article articles chapter section room gate
    terminal platform block level unit model type mark proposition amendment number
    junction junctions exit page pages channel category phase stage tier grade round game
    week day hole lane line bus track episode season series volume verse paragraph clause
    item figure table appendix zone district ward precinct pier berth bay door apartment
    flat lot batch version generation class size division"""
)

INDEX_TAIL = re.compile(
    rf"(?:(?:{SPACE}*[-–&,/]{SPACE}*|{SPACE}+(?:and|or|to){SPACE}+)\d+[A-Za-z]?\b)*"
)

CALL_WORDS = wordset("call calls called calling dial dials dialled dialed dialling ring text")

RANK_WORDS = wordset("top bottom")

AGE_WORDS = wordset("aged age ages turned turns turning")

#: People whose age news gives in commas after them: "the driver, 47, was".
PERSON_NOUNS = wordset(
    """man woman boy girl child teenager defendant victim driver suspect mother father
    son daughter wife husband brother sister student teacher officer soldier nurse doctor
    worker pilot passenger resident owner player actor actress singer star winner farmer
    pensioner grandmother grandfather patient executive founder chairman chairwoman"""
)


def is_range_like(s: str) -> bool:
    """``300-400`` is a range, ``555-1234`` or ``202-555-0101`` is a phone number."""
    parts = re.split(r"[ .-]", s.strip("+()"))
    return len(parts) == 2 and all(len(p) <= 3 for p in parts)
