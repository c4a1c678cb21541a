"""Reading dates as intervals of days: tables of expressions, weekday arithmetic, properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.dates import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    ArticleDate,
    DateSpan,
    DayInterval,
    parse_fact_date,
    read_dates,
)
from pytest_factcheck.quantities import extract

D = dt.date
# A Wednesday, in a leap year, in another domain than the seeds' (a weather desk).
PUBLISHED = ArticleDate(D(2024, 3, 13), "dateline")


def readings(text: str, article: ArticleDate | None = PUBLISHED) -> list[tuple[str, str]]:
    kinds = ("date", "year", "identifier")
    spans = [DateSpan(q.start, q.end, q.kind) for q in extract(text) if q.kind in kinds]
    return [
        (r.text, str(r.days) if r.days else r.describe()) for r in read_dates(text, spans, article)
    ]


def only(text: str, article: ArticleDate | None = PUBLISHED) -> tuple[str, str]:
    found = readings(text, article)
    assert len(found) == 1, found
    return found[0]


ABSOLUTE = [
    ("The storm made landfall on June 10.", "June 10", "2024-06-10"),
    ("Markets closed early on 10 June 2014.", "10 June 2014", "2014-06-10"),
    ("The final was played on June 10, 2014.", "June 10, 2014", "2014-06-10"),
    ("The vote is on Tuesday, June 10, 2014.", "Tuesday, June 10, 2014", "2014-06-10"),
    ("Shares fell on Tuesday, June 10.", "Tuesday, June 10", "2024-06-10"),
    ("Sales peaked in June 2014.", "June 2014", "2014-06"),
    ("The league was founded in 2014.", "2014", "2014"),
    ("She has coached the team since 2006.", "2006", "2006"),
    ("Heavy rain is expected in mid-June.", "mid-June", "2024-06-11..2024-06-20"),
    ("Trials began in early June.", "early June", "2024-06-01..2024-06-10"),
    ("The heatwave lasted until late February.", "late February", "2024-02-21..2024-02-29"),
    ("The festival ran June 21-22.", "June 21-22", "2024-06-21..2024-06-22"),
    ("The festival ran June 21–22, 2014.", "June 21–22, 2014", "2014-06-21..2014-06-22"),
    ("Rates rose in early June 2014.", "early June 2014", "2014-06-01..2014-06-10"),
    ("Prices fell in mid-2014.", "mid-2014", "2014-05-01..2014-08-31"),
    ("Growth slowed in the 1990s.", "1990s", "1990..1999"),
    ("The filing is dated 2014-06-22.", "2014-06-22", "2014-06-22"),
    ("The 2013-14 season ended.", "2013-14", "2013..2014"),
    ("The clinic opened in September.", "September", "2024-09"),
    ("Trading resumed Sept. 3.", "Sept. 3", "2024-09-03"),
    ("Leap day, Feb. 29, 2024, was quiet.", "Feb. 29, 2024", "2024-02-29"),
    ("Turnout was high in May.", "May", "2024-05"),
]


@pytest.mark.parametrize(("text", "words", "days"), ABSOLUTE)
def test_absolute_dates(text: str, words: str, days: str) -> None:
    assert only(text) == (words, days)


RELATIVE = [
    ("Snow fell yesterday.", "yesterday", "2024-03-12"),
    ("Trading halted today.", "today", "2024-03-13"),
    ("Trading halts tonight.", "tonight", "2024-03-13"),
    ("Polls opened this morning.", "this morning", "2024-03-13"),
    ("The index slipped last week.", "last week", "2024-03-04..2024-03-10"),
    ("The index recovered this week.", "this week", "2024-03-11..2024-03-17"),
    ("The storm hit earlier this month.", "earlier this month", "2024-03-01..2024-03-12"),
    ("Rents rose last month.", "last month", "2024-02"),
    ("Flu cases doubled this year.", "this year", "2024"),
    ("Flu cases doubled last year.", "last year", "2023"),
    ("The match is on Saturday.", "Saturday", "2024-03-09"),
    ("The match was last Saturday.", "last Saturday", "2024-03-09"),
    ("Rain arrived Wednesday.", "Wednesday", "2024-03-13"),
    ("The board met last Wednesday.", "last Wednesday", "2024-03-06"),
    ("Thursday's session was calm.", "Thursday", "2024-03-07"),
    ("The clinic reopened two days ago.", "two days ago", "2024-03-11"),
    ("The clinic reopened 3 days ago.", "3 days ago", "2024-03-10"),
    ("The clinic reopened a week ago.", "a week ago", "2024-03-03..2024-03-09"),
    ("Floods spread over the weekend.", "over the weekend", "2024-03-09..2024-03-10"),
    ("Floods spread last weekend.", "last weekend", "2024-03-09..2024-03-10"),
]


@pytest.mark.parametrize(("text", "words", "days"), RELATIVE)
def test_dates_relative_to_the_article(text: str, words: str, days: str) -> None:
    assert only(text) == (words, days)


WITHOUT_ARTICLE_DATE = [
    ("The match is on Saturday.", ("Saturday", "any Saturday: the article has no date")),
    ("Landfall came on June 10.", ("June 10", "June 10 of any year: the article has no date")),
    (
        "Trials began in early June.",
        ("early June", "June 1-10 of any year: the article has no date"),
    ),
    ("Sales peaked in June 2014.", ("June 2014", "2014-06")),
]


@pytest.mark.parametrize(("text", "expected"), WITHOUT_ARTICLE_DATE)
def test_without_an_article_date(text: str, expected: tuple[str, str]) -> None:
    assert only(text, None) == expected


@pytest.mark.parametrize(
    "text", ["Snow fell yesterday.", "The index slipped last week.", "Rents rose last month."]
)
def test_relative_dates_need_the_article_date(text: str) -> None:
    assert readings(text, None) == []


NOT_DATES = [
    "Viewers tuned in to the Sunday shows.",  # a weekday as an adjective
    "The Saturdays were always busy.",
    "She may win; the march went on.",  # lower-case month words are words
    "Troops could March on the capital.",  # "March" without a preposition
    "He scored 2014 points in his career.",
    "The Friday prayer drew thousands.",
    "Order part 2014-0622-11 or code 555-0101-22.",  # codes that are not ISO days
    "Between 1000-5000 units shipped in all.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert readings(text) == []


@pytest.mark.parametrize(
    ("published", "weekday", "expected"),
    [
        (D(2014, 6, 22), "Saturday", D(2014, 6, 21)),  # a Sunday: the day before
        (D(2014, 6, 22), "Sunday", D(2014, 6, 22)),  # the same day
        (D(2014, 6, 22), "Monday", D(2014, 6, 16)),  # six days back, never forward
        (D(2024, 1, 2), "Friday", D(2023, 12, 29)),  # across a year
        (D(2024, 3, 1), "Thursday", D(2024, 2, 29)),  # across a leap day
    ],
)
def test_weekday_arithmetic(published: D, weekday: str, expected: D) -> None:
    text = f"The vote was on {weekday}."
    (found,) = readings(text, ArticleDate(published, "front matter"))
    assert found == (weekday, expected.isoformat())
    assert expected.weekday() == WEEKDAY_NAMES.index(weekday)
    assert 0 <= (published - expected).days <= 6


def test_a_weekday_reading_names_the_article_date_and_its_source() -> None:
    text = "The vote was on Saturday."
    spans: list[DateSpan] = []
    (reading,) = read_dates(text, spans, ArticleDate(D(2014, 6, 22), "front matter"))
    assert reading.describe() == (
        "Saturday 2014-06-21, counted from the article's date 2014-06-22 (front matter)"
    )


FACT_DATES = [
    ("2014-06-22", D(2014, 6, 22), D(2014, 6, 22)),
    ("2014-06", D(2014, 6, 1), D(2014, 6, 30)),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
    ("2014", D(2014, 1, 1), D(2014, 12, 31)),
    ("2014-06-21..2014-06-22", D(2014, 6, 21), D(2014, 6, 22)),
    ("2014-06..2014-07-04", D(2014, 6, 1), D(2014, 7, 4)),
    (" 2006 ", D(2006, 1, 1), D(2006, 12, 31)),
]


@pytest.mark.parametrize(("text", "first", "last"), FACT_DATES)
def test_fact_dates(text: str, first: D, last: D) -> None:
    assert parse_fact_date(text) == DayInterval(first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("June 22", "'June 22' is not an ISO date"),
        ("2014-13", "there is no month 13"),
        ("2014-02-30", "there is no day 2014-02-30"),
        ("2014-06-23..2014-06-21", "the range starts after it ends"),
        ("22/06/2014", "is not an ISO date"),
        ("0000", "there is no year 0"),
    ],
)
def test_bad_fact_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_fact_date(text)


# -- properties --------------------------------------------------------------------------

DAYS = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))


def _formats(day: D) -> list[str]:
    month = MONTH_NAMES[day.month - 1]
    weekday = WEEKDAY_NAMES[day.weekday()]
    return [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{weekday}, {month} {day.day}, {day.year}",
        f"{month[:3]}. {day.day}, {day.year}" if day.month != 5 else f"May {day.day}, {day.year}",
        f"{month} {day.day}",  # the article's year
        f"{weekday}, {month} {day.day}",
        f"{month} {day.day}th, {day.year}".replace("1th", "1st")
        .replace("2th", "2nd")
        .replace("3th", "3rd")
        .replace("11st", "11th")
        .replace("12nd", "12th")
        .replace("13rd", "13th"),
        f"{day.day} {month}",
        day.isoformat(),
    ]


@given(DAYS, st.integers(min_value=0, max_value=8))
def test_a_rendered_date_reads_back_as_itself(day: D, which: int) -> None:
    written = _formats(day)[which]
    text = f"The results were announced on {written} in the capital."
    (found,) = readings(text, ArticleDate(D(day.year, 12, 31), "dateline"))
    assert found == (written, day.isoformat())


@given(DAYS, st.sampled_from(WEEKDAY_NAMES), st.booleans())
def test_a_weekday_resolves_to_a_day_with_that_weekday(
    published: D, weekday: str, last: bool
) -> None:
    written = f"last {weekday}" if last else f"on {weekday}"
    (found,) = readings(f"The team won {written}.", ArticleDate(published, "dateline"))
    assert found[0] == written.removeprefix("on ")
    day = D.fromisoformat(found[1])
    assert WEEKDAY_NAMES[day.weekday()] == weekday
    back = (published - day).days
    assert (1 <= back <= 7) if last else (0 <= back <= 6)


@given(DAYS, DAYS)
def test_an_unresolved_weekday_overlaps_exactly_the_ranges_holding_it(a: D, b: D) -> None:
    first, last = min(a, b), max(a, b)
    if (last - first).days > 20:
        last = first + dt.timedelta(days=(last - first).days % 20)
    text = "The market opened on Monday."
    (reading,) = read_dates(text, [], None)
    expected = any((first + dt.timedelta(k)).weekday() == 0 for k in range((last - first).days + 1))
    assert reading.overlaps(DayInterval(first, last)) == expected


WORDS = st.sampled_from(
    [*WEEKDAY_NAMES, *MONTH_NAMES, "last", "this", "early", "mid-", "late", "the", "on", "in",
     "since", "ago", "two", "days", "week", "weekend", "yesterday", "2014", "21", "-", ",",
     "Sept.", "1990s", "2014-06-22", "2013-14", "'s", "May", "March", " ", "\n"]
)  # fmt: skip


@given(st.lists(WORDS, max_size=30), st.booleans())
def test_any_mix_of_date_words_reads_without_error(words: list[str], dated: bool) -> None:
    text = " ".join(words)
    found = read_dates(
        text,
        [DateSpan(q.start, q.end, q.kind) for q in extract(text)],
        PUBLISHED if dated else None,
    )
    for reading in found:
        assert text[reading.start : reading.end] == reading.text
        if dated:  # with the article's date, every reading is a definite interval
            assert reading.days is not None
        else:
            assert (reading.days, reading.weekday, reading.month) != (None, None, None)


@pytest.mark.parametrize(
    ("published", "text"),
    [
        (D(9999, 12, 31), "It opens tomorrow, next week and next month."),
        (D(1, 1, 1), "Last month."),
    ],
)
def test_the_ends_of_the_calendar_are_no_error(published: D, text: str) -> None:
    assert readings(text, ArticleDate(published, "dateline")) == []


def test_a_year_less_reading_names_where_its_year_came_from() -> None:
    text = "The storm hit on June 10."
    spans = [DateSpan(q.start, q.end, q.kind) for q in extract(text) if q.kind == "date"]
    (reading,) = read_dates(text, spans, ArticleDate(D(2024, 6, 12), "articles.yaml"))
    assert reading.describe() == (
        "Monday 2024-06-10, the year of the article's date 2024-06-12 (articles.yaml)"
    )
