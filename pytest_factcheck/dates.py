"""Reading dates out of text as intervals of days, and a fact's ``date:`` value.

Article side (:func:`read_dates`). The quantity reader already recognises numeric dates
and years as non-quantities (``June 10``, ``10 June 2014``, ``June 21-22``, ``June 2014``,
``in 2014``, ``mid-2014``, ``the 1990s``, and ``2014-06-22`` as a code); their spans are
the starting point here and are only interpreted, never searched for again. This module
adds the dates written in words:

- weekdays (``on Saturday``, ``Sunday's fighting``, ``last Saturday``), and a weekday
  before a date (``Tuesday, June 10``) is one reading;
- month names without a day (``in June``, ``early June``, ``mid-June``, ``late June``);
- dates relative to the article's date (``yesterday``, ``today``, ``tonight``,
  ``this morning``, ``last week``, ``this week``, ``earlier this month``, ``last month``,
  ``this year``, ``last year``, ``last weekend``, ``two days ago``).

Each reading is an interval of days. A date without a year takes the article's year when
the article has a date, else it stands for that day of any year. A weekday is the day with
that weekday in the seven days up to and including the article's date (``last Saturday``:
the seven days before it), or, without an article date, any day with that weekday. A
relative date needs the article's date; without one it is not read.

Fact side (:func:`parse_fact_date`): an ISO day ``2014-06-22``, month ``2014-06``, year
``2014``, or a range ``2014-06-21..2014-06-22`` whose ends are any of those.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .nonquantities import MONTHS

Date = dt.date

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = tuple(calendar.month_name)[1:]
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)} | {
    abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr
}
_MONTH_NUMBER["sept"] = 9
# Parts of a month or a year: ``early June`` is June 1-10, ``mid-2014`` is May to August.
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER_WORDS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DayInterval:
    """The days ``first`` to ``last``, both included."""

    first: Date
    last: Date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"{self.first.isoformat()} is after {self.last.isoformat()}")

    def overlaps(self, other: DayInterval) -> bool:
        """True when the two intervals share at least one day."""
        return self.first <= other.last and other.first <= self.last

    def __str__(self) -> str:
        return format_days(self.first, self.last)


def format_days(first: Date, last: Date) -> str:
    """``2014-06-22``, ``2014-06``, ``2014`` or ``2014-06-21..2014-06-22``: the shortest form."""
    if first == last:
        return first.isoformat()
    if first.day == 1 and last == _month_end(first.year, first.month):
        return f"{first.year:04d}-{first.month:02d}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year:04d}" if first.year == last.year else f"{first.year}..{last.year}"
    return f"{first.isoformat()}..{last.isoformat()}"


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def parse_fact_date(text: str) -> DayInterval:
    """A fact's ``date``: ``2014-06-22``, ``2014-06``, ``2014`` or ``A..B`` of those.

    Raises ``ValueError`` with a message saying what is wrong.
    """
    text = text.strip()
    if ".." in text:
        left, _, right = text.partition("..")
        first, last = _iso_part(left), _iso_part(right)
        if first.first > last.last:
            raise ValueError(f"the range starts after it ends ({left.strip()} > {right.strip()})")
        return DayInterval(first.first, last.last)
    return _iso_part(text)


def _iso_part(text: str) -> DayInterval:
    text = text.strip()
    m = _ISO.match(text)
    if not m:
        raise ValueError(
            f"{text!r} is not an ISO date; write a day (2014-06-22), a month (2014-06), "
            "a year (2014) or a range (2014-06-21..2014-06-22)"
        )
    year = int(m.group(1))
    if year < 1:
        raise ValueError("there is no year 0")
    if m.group(2) is None:
        return DayInterval(Date(year, 1, 1), Date(year, 12, 31))
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}")
    if m.group(3) is None:
        return DayInterval(Date(year, month, 1), _month_end(year, month))
    try:
        day = Date(year, month, int(m.group(3)))
    except ValueError:
        raise ValueError(f"there is no day {text}") from None
    return DayInterval(day, day)


@dataclass(frozen=True)
class ArticleDate:
    """An article's own date and where it was found (``dateline``, ``front matter``, …)."""

    day: Date
    source: str


@dataclass(frozen=True)
class DateReading:
    """One date expression of an article, read as days.

    ``days`` is the interval when it is known. Otherwise the reading is a pattern:
    ``weekday`` (0 = Monday) for a weekday without an article date, or ``month`` with
    ``month_days`` for a date without a year and without an article date.
    """

    start: int
    end: int
    text: str
    days: DayInterval | None = None
    weekday: int | None = None
    month: int | None = None
    month_days: tuple[int, int] = (1, 31)
    basis: ArticleDate | None = None  # the article date a relative reading depends on
    year_of: ArticleDate | None = None  # the article date a year-less reading took its year from

    def overlaps(self, fact: DayInterval) -> bool:
        """True when some day this reading may mean lies in ``fact``."""
        if self.days is not None:
            return self.days.overlaps(fact)
        if self.weekday is not None:
            span = (fact.last - fact.first).days
            return span >= 6 or any(
                (fact.first + dt.timedelta(k)).weekday() == self.weekday for k in range(span + 1)
            )
        if self.month is not None:
            lo, hi = self.month_days
            for year in range(fact.first.year, fact.last.year + 1):
                end = calendar.monthrange(year, self.month)[1]
                if lo > end:
                    continue
                days = DayInterval(Date(year, self.month, lo), Date(year, self.month, min(hi, end)))
                if days.overlaps(fact):
                    return True
        return False

    def describe(self) -> str:
        """How the reading was understood: ``Saturday 2014-06-21 (…)``, ``any Saturday``."""
        if self.days is not None:
            shown = str(self.days)
            if self.days.first == self.days.last:
                shown = f"{WEEKDAY_NAMES[self.days.first.weekday()]} {shown}"
            if self.basis is not None:
                shown += f", counted from the article's date {self.basis.day.isoformat()}"
                shown += f" ({self.basis.source})"
            elif self.year_of is not None:
                shown += f", the year of the article's date {self.year_of.day.isoformat()}"
                shown += f" ({self.year_of.source})"
            return shown
        if self.weekday is not None:
            return f"any {WEEKDAY_NAMES[self.weekday]}: the article has no date"
        if self.month is not None:
            lo, hi = self.month_days
            days = f"{lo}" if lo == hi else f"{lo}-{hi}"
            return f"{MONTH_NAMES[self.month - 1]} {days} of any year: the article has no date"
        return self.text


# -- reading article text --------------------------------------------------------------

_SP = r"[ \t\u00a0]+"
_DAY_FIRST = re.compile(
    rf"(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?{_SP}(?:of{_SP})?(?P<m>{MONTHS})\b\.?"
    rf"(?:,?{_SP}(?P<y>\d{{4}}))?"
)
_MONTH_FIRST = re.compile(
    rf"(?P<m>{MONTHS})\b\.?{_SP}(?:the{_SP})?(?P<d>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
    rf"(?:[-–](?P<d2>\d{{1,2}})(?!\d))?(?:,?{_SP}(?P<y>\d{{4}}))?"
)
_MONTH_YEAR = re.compile(rf"(?P<m>{MONTHS})\b\.?,?{_SP}(?P<y>\d{{4}})")
_YEAR = re.compile(r"(?P<y>\d{4})(?:(?P<s>['’]?s)|[-–/](?P<y2>\d{2}(?:\d{2})?))?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_BEFORE = re.compile(r"(?i:\b(early|mid|late))(?:[- ]|\u00a0)$")

_WEEKDAY = "|".join(WEEKDAY_NAMES)
_FULL_MONTH = "|".join(MONTH_NAMES)
# Words: weekdays and month names are capitalised as news writes them; relative dates are
# matched case-insensitively. One pattern, one pass over the text.
_WORDS = re.compile(
    rf"\b(?:"
    rf"(?P<wmod>(?i:last|this|on|early|late)(?:{_SP}))?(?P<wd>{_WEEKDAY})(?!s\b)\b"
    rf"|(?P<part>(?i:early|mid|late))(?:-|{_SP})(?P<pm>{_FULL_MONTH})\b(?!{_SP}\d)"
    rf"|(?P<mon>{_FULL_MONTH})\b(?![ \t\u00a0]*(?:\d|the[ \t\u00a0]+\d))"
    rf"|(?P<rel>(?i:yesterday|today|tonight|tomorrow|this{_SP}(?:morning|afternoon|evening)"
    rf"|last{_SP}night|(?:earlier|later){_SP}this{_SP}(?:week|month|year)"
    rf"|(?:this|last|next){_SP}(?:week|month|year)"
    rf"|(?:this|last|over{_SP}the|on{_SP}the){_SP}weekend"
    rf"|(?:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|a){_SP}"
    rf"(?:days?|weeks?){_SP}ago))"
    rf")\b"
)
_KEYS = re.compile(
    rf"\b(?:{_WEEKDAY}|{_FULL_MONTH}|(?i:yesterday|today|tonight|tomorrow|morning|afternoon"
    r"|evening|night|week|month|year|weekend|ago))\b"
)
# Month names that are also ordinary words need a preposition to be read as a month.
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "August"})
_MONTH_PREPOSITION = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|through|during|of|before|after|early|mid|late"
    r"|last|next|this|since|between|and|to))[ \t\u00a0-]+$"
)
# A weekday used as an adjective is not a date: "the Sunday shows", "a Friday prayer".
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|every|each))[ \t\u00a0]+$")


@dataclass(frozen=True)
class DateSpan:
    """A numeric date or year the quantity reader found: where it is and its kind."""

    start: int
    end: int
    kind: str  # "date", "year", or "identifier" (an ISO date such as 2014-06-22 is one)


def read_dates(
    text: str, spans: Iterable[DateSpan], article_date: ArticleDate | None = None
) -> list[DateReading]:
    """Every date expression of ``text``, sorted by position.

    ``spans`` are the dates, years and codes the quantity reader recognised (kinds
    ``date``, ``year`` and ``identifier``, of which only ISO days are dates); words
    (weekdays, month names, relative dates) are found here. Expressions that cannot be
    read (a relative date without ``article_date``) are left out.
    Never raises.
    """
    readings: dict[int, DateReading] = {}
    taken: list[tuple[int, int]] = []
    for span in spans:
        reading = _read_span(text, span, article_date)
        if reading is not None:
            readings[reading.start] = reading
            taken.append((span.start, span.end))
    taken.sort()
    for m in _word_matches(text):
        if _inside(taken, m.start(), m.end()):
            continue
        try:
            reading = _read_words(text, m, article_date, readings)
        except (ValueError, OverflowError):  # counted past year 1 or year 9999
            continue
        if reading is not None:
            if reading.end > m.end():
                readings.pop(m.end() + 2, None)  # "Tuesday, June 10": the date joins in
            readings[reading.start] = reading
    return sorted(readings.values(), key=lambda r: r.start)


def _word_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_WORDS`, found from their last word (:data:`_KEYS`).

    Every word date ends with a key word (a weekday, a month, ``week``, ``ago``, …); a plain
    alternation of those is several times faster to scan for than the whole pattern, which
    then runs only in a small window before each key word.
    """
    done = 0
    for key in _KEYS.finditer(text):
        if key.start() < done:
            continue
        window = _WORDS.finditer(text, max(done, key.start() - 40), min(len(text), key.end() + 16))
        for m in window:
            if m.end() == key.end():
                done = m.end()
                yield m
                break


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``taken`` (sorted, not overlapping)."""
    i = bisect.bisect_left(taken, (end,))
    return i > 0 and taken[i - 1][1] > start


def _read_span(text: str, span: DateSpan, article: ArticleDate | None) -> DateReading | None:
    raw = text[span.start : span.end]
    try:
        if span.kind == "identifier":  # "2014-06-22" reads as a code to the quantity reader
            iso = _ISO_DAY.fullmatch(raw)
            if iso is None:
                return None
            return DateReading(span.start, span.end, raw, parse_fact_date(raw))
        if span.kind == "year":
            return _read_year(text, span, raw)
        return _read_date(text, span, raw, article)
    except (ValueError, OverflowError):  # "February 30": not a day
        return None


def _read_year(text: str, span: DateSpan, raw: str) -> DateReading | None:
    m = _YEAR.match(raw)
    if not m:
        return None
    year = int(m.group("y"))
    if year < 1:
        return None
    first, last = Date(year, 1, 1), Date(year, 12, 31)
    if m.group("s"):
        if year % 10:
            return None
        last = Date(year + 9, 12, 31)
    elif m.group("y2"):
        tail = m.group("y2")
        end_year = int(tail) if len(tail) == 4 else year // 100 * 100 + int(tail)
        if not year < end_year <= year + 20:
            return None  # "1000-5000 units": a range of numbers, not of years
        last = Date(end_year, 12, 31)
    start = span.start
    part = _PART_BEFORE.search(text, max(0, start - 6), start)
    if part and not m.group("s") and not m.group("y2"):
        lo, hi = _YEAR_PARTS[part.group(1).lower()]
        first, last = Date(year, lo, 1), _month_end(year, hi)
        start = part.start(1)
    return DateReading(start, span.end, text[start : span.end], DayInterval(first, last))


def _read_date(
    text: str, span: DateSpan, raw: str, article: ArticleDate | None
) -> DateReading | None:
    m = _MONTH_FIRST.match(raw) or _DAY_FIRST.match(raw)
    if m is not None:
        month = _MONTH_NUMBER[m.group("m").lower()]
        day = int(m.group("d"))
        day2 = int(m.group("d2")) if "d2" in m.re.groupindex and m.group("d2") else day
        if not (1 <= day <= day2 <= 31):
            return None
        year_text = m.group("y")
        year = int(year_text) if year_text else (article.day.year if article else None)
        if year is None:
            Date(2000, month, day)  # raises for a day no month has (a leap year allows 29)
            return DateReading(span.start, span.end, raw, month=month, month_days=(day, day2))
        days = DayInterval(Date(year, month, day), Date(year, month, day2))
        year_of = None if year_text else article
        return DateReading(span.start, span.end, raw, days, year_of=year_of)
    m = _MONTH_YEAR.match(raw)
    if m is not None:
        year, month = int(m.group("y")), _MONTH_NUMBER[m.group("m").lower()]
        first, last = Date(year, month, 1), _month_end(year, month)
        start = span.start
        part = _PART_BEFORE.search(text, max(0, start - 6), start)
        if part:  # "early June 2014"
            lo, hi = _MONTH_PARTS[part.group(1).lower()]
            first, last = Date(year, month, lo), Date(year, month, min(hi, last.day))
            start = part.start(1)
        return DateReading(start, span.end, text[start : span.end], DayInterval(first, last))
    return None


def _read_words(
    text: str, m: re.Match[str], article: ArticleDate | None, readings: dict[int, DateReading]
) -> DateReading | None:
    start, end = m.start(), m.end()
    if m.group("wmod") and m.group("wmod").strip().lower() == "on":
        start = m.start("wd")  # "on Saturday": the date is the weekday
    raw = text[start:end]
    if m.group("wd"):
        if _ARTICLE_BEFORE.search(text, max(0, start - 8), start) and not m.group("wmod"):
            return None
        weekday = WEEKDAY_NAMES.index(m.group("wd"))
        following = readings.get(end + 2) if text[end : end + 2] in (", ", ",\u00a0") else None
        if following is not None and (following.days is not None or following.month is not None):
            # "Tuesday, June 10": the date says which Tuesday.
            return DateReading(
                start,
                following.end,
                text[start : following.end],
                following.days,
                month=following.month,
                month_days=following.month_days,
                year_of=following.year_of,
            )
        modifier = (m.group("wmod") or "").strip().lower()
        if article is None:
            return DateReading(start, end, raw, weekday=weekday)
        back = (article.day.weekday() - weekday) % 7
        if modifier == "last":
            back = back or 7
        day = article.day - dt.timedelta(back)
        return DateReading(start, end, raw, DayInterval(day, day), basis=article)
    if m.group("pm"):
        month = _MONTH_NUMBER[m.group("pm").lower()]
        lo, hi = _MONTH_PARTS[m.group("part").lower()]
        return _month_reading(start, end, raw, month, (lo, hi), article)
    if m.group("mon"):
        name = m.group("mon")
        if name in _AMBIGUOUS_MONTHS and not _MONTH_PREPOSITION.search(
            text, max(0, start - 12), start
        ):
            return None
        return _month_reading(start, end, raw, _MONTH_NUMBER[name.lower()], (1, 31), article)
    if article is None:
        return None
    return _relative(start, end, raw, article)


def _month_reading(
    start: int, end: int, raw: str, month: int, days: tuple[int, int], article: ArticleDate | None
) -> DateReading:
    if article is None:
        return DateReading(start, end, raw, month=month, month_days=days)
    year = article.day.year
    last = min(days[1], calendar.monthrange(year, month)[1])
    interval = DayInterval(Date(year, month, days[0]), Date(year, month, last))
    return DateReading(start, end, raw, interval, year_of=article)


def _relative(start: int, end: int, raw: str, article: ArticleDate) -> DateReading | None:
    words = raw.lower().split()
    day = article.day
    one = dt.timedelta(1)
    first = last = day
    if words == ["yesterday"]:
        first = last = day - one
    elif words == ["tomorrow"]:
        first = last = day + one
    elif words[-1] == "week":
        monday = day - dt.timedelta(day.weekday())
        first, last = monday, monday + dt.timedelta(6)
        if words[0] == "last":
            first, last = first - dt.timedelta(7), last - dt.timedelta(7)
        elif words[0] == "next":
            first, last = first + dt.timedelta(7), last + dt.timedelta(7)
        elif words[0] == "earlier":
            last = max(first, day - one)
        elif words[0] == "later":
            first = min(last, day + one)
    elif words[-1] == "month":
        year, month = day.year, day.month
        if words[0] == "last":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif words[0] == "next":
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        first, last = Date(year, month, 1), _month_end(year, month)
        if words[0] == "earlier":
            last = max(first, day - one)
        elif words[0] == "later":
            first = min(last, day + one)
    elif words[-1] == "year":
        year = day.year + {"last": -1, "next": 1}.get(words[0], 0)
        first, last = Date(year, 1, 1), Date(year, 12, 31)
        if words[0] == "earlier":
            last = max(first, day - one)
        elif words[0] == "later":
            first = min(last, day + one)
    elif words[-1] == "night" and words[0] == "last":
        first = last = day - one
    elif words[-1] == "weekend":
        # The Saturday and Sunday in the seven days up to the article's date ("last
        # weekend": in the seven days before it).
        back = (day.weekday() - 5) % 7
        if words[0] == "last":
            back = back or 7
        first = day - dt.timedelta(back)
        last = first + one
    elif words[-1] == "ago":
        count = _NUMBER_WORDS.get(words[0])
        amount = int(words[0]) if count is None else count
        step = 7 if words[1].startswith("week") else 1
        first = last = day - dt.timedelta(amount * step)
        if step == 7:  # "two weeks ago": that week, give or take the exact day
            first, last = first - dt.timedelta(3), last + dt.timedelta(3)
    return DateReading(start, end, raw, DayInterval(first, last), basis=article)
