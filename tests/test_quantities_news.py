"""News phrasing the reader must get right: one row a case, negatives included."""

from __future__ import annotations

import math

import pytest

from pytest_factcheck import units
from pytest_factcheck.quantities import Quantity, extract, parse_value

INF = math.inf


def quantities(text: str) -> list[Quantity]:
    return [q for q in extract(text) if q.kind == "quantity"]


# (sentence, text of the quantity, low, high, unit)
READINGS = [
    # "over" before a duration: the span an amount is spread over
    ("The bill would raise the wage to $15 an hour over five years.", "five years", 5, 5, "year"),
    ("The budget allocates £1.2bn to schools over three years.", "three years", 3, 3, "year"),
    ("The deal is worth £6.7bn over four seasons.", "four seasons", 4, 4, "dimensionless"),
    ("The Tour covers 3,492 kilometres over 21 stages.", "21 stages", 21, 21, "dimensionless"),
    ("Troops fought over two days for the bridge.", "two days", 2, 2, "day"),
    # ... but a bound after a comparison word or a verb of duration
    ("He was jailed for over five years.", "over five years", 5, INF, "year"),
    ("The talks lasted over two hours.", "over two hours", 2, INF, "hour"),
    ("He has spent over a decade at the club.", "over a decade", 1, INF, "decade"),
    ("The war began over 10 years ago.", "over 10 years", 10, INF, "year"),
    ("More than 1,400 people died over 10 years of war.", "over 10 years", 10, INF, "year"),
    ("The fire burned over 8,000 acres.", "over 8,000 acres", 8000, INF, "acre"),
    # fractions of a unit, "a" + unit after a hedge
    (
        "It raised rates by half a percentage point.",
        "half a percentage point",
        0.5,
        0.5,
        "percentage_point",
    ),
    ("The walk took half an hour.", "half an hour", 0.5, 0.5, "hour"),
    (
        "Rates rose by a quarter of a percentage point.",
        "a quarter of a percentage point",
        0.25,
        0.25,
        "percentage_point",
    ),
    ("It took less than an hour.", "less than an hour", -INF, 1, "hour"),
    ("The lake is about a mile wide.", "about a mile", 0.9, 1.1, "mile"),
    # shares with a hedge
    ("Roughly one in five adults say so.", "Roughly one in five", 18, 22, "percent"),
    ("About 1 in 4 orders came same day.", "About 1 in 4", 22.5, 27.5, "percent"),
    ("Fewer than one in three voted.", "Fewer than one in three", -INF, 100 / 3, "percent"),
    # basis points, cents, pence
    ("The Fed cut rates by 25 basis points.", "25 basis points", 0.25, 0.25, "percentage_point"),
    ("A 25-basis-point hike.", "25-basis-point", 0.25, 0.25, "percentage_point"),
    ("A 0.5 percentage-point rise.", "0.5 percentage-point", 0.5, 0.5, "percentage_point"),
    ("It cut the dividend to 40 cents a share.", "40 cents", 0.4, 0.4, "USD"),
    ("Petrol rose by 7p a litre.", "7p a litre", 0.07, 0.07, "GBP / liter"),
    # scale words and currencies
    ("Tata will invest ₹15,000 crore in the plant.", "₹15,000 crore", 1.5e11, 1.5e11, "INR"),
    ("Sales reached NOK 12.3 billion.", "NOK 12.3 billion", 12.3e9, 12.3e9, "NOK"),
    ("The fund raised HK$4.5bn.", "HK$4.5bn", 4.5e9, 4.5e9, "HKD"),
    ("It paid 500 million yuan.", "500 million yuan", 5e8, 5e8, "CNY"),
    ("It will cost $3bn-$4bn.", "$3bn-$4bn", 3e9, 4e9, "USD"),
    # hedges
    ("Shares plunged as much as 18 percent.", "as much as 18 percent", -INF, 18, "percent"),
    ("Some 200-odd delegates attended.", "Some 200-odd delegates", 180, 220, "dimensionless"),
    # ages
    ("He won his first title at the age of 17.", "17", 17, 17, "year"),
    ("Adults aged 18 to 24 were least likely to vote.", "18 to 24", 18, 24, "year"),
    ("The veteran turned 100 on Sunday.", "100", 100, 100, "year"),
    ("Unemployment among 16- to 24-year-olds rose.", "16- to 24-year-olds", 16, 24, "year"),
    # counts after capitalised modifiers
    ("Federer won 20 Grand Slam titles.", "20 Grand Slam titles", 20, 20, "dimensionless"),
    # the earthquake magnitude is a bare measure on the number
    ("A 7.8-magnitude earthquake struck.", "7.8", 7.8, 7.8, "dimensionless"),
    ("The magnitude 6.1 quake struck at a depth of 10 km.", "6.1", 6.1, 6.1, "dimensionless"),
    # units
    (
        "The comet travels at about 70 km per second.",
        "about 70 km per second",
        63,
        77,
        "kilometer / second",
    ),
    ("It moved at 15 km per hour.", "15 km per hour", 15, 15, "kilometer / hour"),
    # more spellings from news copy
    ("It was 30 degrees C in the shade.", "30 degrees C", 30, 30, "degree_Celsius"),
    ("Turnout was 71pc.", "71pc", 71, 71, "percent"),
    ("The firm will invest Rs 400 crore.", "Rs 400 crore", 4e9, 4e9, "INR"),
    (
        "A quarter-million people marched.",
        "A quarter-million people",
        2.5e5,
        2.5e5,
        "dimensionless",
    ),
    ("He paid a half-million dollars.", "a half-million dollars", 5e5, 5e5, "USD"),
    ("She bought a half-dozen eggs.", "a half-dozen eggs", 6, 6, "dimensionless"),
    ("About 1/3 of the staff left.", "About 1/3", 30, 100 / 3 * 1.1, "percent"),
    ("3/4 of the vote went to him.", "3/4", 75, 75, "percent"),
    ("The storm's pressure dropped to 940 millibars.", "940 millibars", 940, 940, "millibar"),
    ("Pressure fell to 985 hPa.", "985 hPa", 985, 985, "hectopascal"),
    # a year range followed by a count is a count
    (
        "Between 1500 and 2000 troops were sent.",
        "Between 1500 and 2000 troops",
        1500,
        2000,
        "dimensionless",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), READINGS)
def test_reading(sentence: str, text: str, low: float, high: float, unit: str) -> None:
    found = [q for q in quantities(sentence) if q.text == text]
    assert found, [q.text for q in quantities(sentence)]
    q = found[0]
    assert q.interval.low == pytest.approx(low)
    assert q.interval.high == pytest.approx(high)
    assert q.unit == unit


# (sentence, texts of every quantity read): two readings, not a range
SEPARATE = [
    ("Inflation rose from 3.1% to 3.4% in January.", ["3.1%", "3.4%"]),
    ("Sales of EVs jumped 35% to 14 million units.", ["35%", "14 million units"]),
    ("The rand weakened 0.7% to 18.9 per dollar.", ["0.7%", "18.9"]),
    ("Shares fell from $41 to $29.", ["$41", "$29"]),
    ("The law raises the retirement age from 62 to 64.", ["62", "64"]),
    ("The hole is about three times the size of Brazil.", []),
    ("He has played 112 times for his country.", ["112 times"]),
    # a range without a change verb stays a range
    ("Temperatures ranged from 5C to 12C.", ["from 5C to 12C"]),
    ("The Fed's range of 4.25% to 4.5%.", ["4.25% to 4.5%"]),
]


@pytest.mark.parametrize(("sentence", "texts"), SEPARATE)
def test_separate_readings(sentence: str, texts: list[str]) -> None:
    assert [q.text for q in quantities(sentence)] == texts


# (sentence, text of the reading, kind): numbers that are not amounts
NOT_AMOUNTS = [
    ("Between 2019 and 2021, the number of claims doubled.", "Between 2019 and 2021", "year"),
    ("The report covers the period between 1945 and 1989.", "between 1945 and 1989", "year"),
    ("From 2010 to 2015 he served as minister.", "2010", "year"),
    ("The years 1945–1989 were hard.", "1945–1989", "year"),
    ("The route 66 diner was closed.", "66", "identifier"),
    ("The M25 was closed between junctions 10 and 11.", "10 and 11", "identifier"),
    ("He wore the number 10 shirt.", "10", "identifier"),
    ("The train leaves from platform 9.", "9", "identifier"),
    ("Call 911 if you see the suspect.", "911", "identifier"),
    ("For details call 020 7946 0958 today.", "020 7946 0958", "identifier"),
    ("The Premier League's top four are close.", "four", "ordinal"),
    ("The Top 40 chart was first published in 1952.", "40", "ordinal"),
    ("It was among the top 10 performers.", "10 performers", "ordinal"),
    ("The defences cope with a 1-in-100-year storm.", "1-in-100-year", "identifier"),
    ("He went 3-for-4 at the plate.", "3-for-4", "identifier"),
    ("The 6/22 meeting was cancelled.", "6/22", "identifier"),
    ("The shop is open 24/7.", "24/7", "identifier"),
]


@pytest.mark.parametrize(("sentence", "text", "kind"), NOT_AMOUNTS)
def test_not_amounts(sentence: str, text: str, kind: str) -> None:
    every = extract(sentence)
    assert [q.kind for q in every if q.text == text] == [kind], [(q.text, q.kind) for q in every]
    assert not [q for q in every if q.kind == "quantity" and q.text in text]


# sentences with no quantity at all
NOTHING = [
    "The first half of the year was difficult.",
    "The second half of the season went badly.",
    "At one point, prices fell sharply.",
    "One day, she left the company.",
    "The Warriors were one short of the record.",
    "The vote was one against.",
    "The Springboks won 32-12 to claim the title.",
    "Bayern scored in the 89th minute to win 3-2.",
    "The meeting is scheduled for 3 p.m. on Tuesday.",
    "A number of MPs have called for an inquiry.",
    "The budget for fiscal 2025 was approved on Thursday.",
    "He joined the party in the late 1970s.",
    "It costs a year's salary.",
    "For a second consecutive year the firm grew.",
]


@pytest.mark.parametrize("sentence", NOTHING)
def test_nothing(sentence: str) -> None:
    assert quantities(sentence) == []


def test_over_is_still_a_bound_in_a_fact_value() -> None:
    q = parse_value("over five years")
    assert (q.interval.low, q.interval.high, q.hedge) == (5, INF, "over")


def test_over_span_leaves_over_out_of_the_text() -> None:
    (q,) = [q for q in quantities("It plans to spend $2bn over five years.") if q.unit == "year"]
    assert q.text == "five years" and q.hedge is None


def test_a_year_alone_is_not_a_number() -> None:
    # "a year" after a percentage is not a number; after money it makes a rate
    assert [q.text for q in quantities("Profits rose 5% a year, and $15 an hour.")] == [
        "5%",
        "$15 an hour",
    ]


def test_scaled_units_compare_with_their_base() -> None:
    assert units.dimension("basis_point") == units.dimension("percentage_point")
    assert units.dimension("cent") == units.dimension("USD")
    assert units.convert_value(25, "basis_point", "percentage_point") == pytest.approx(0.25)
    assert units.convert_value(7, "penny", "GBP") == pytest.approx(0.07)
    assert units.convert_value(1.5, "USD", "cent") == pytest.approx(150)


def test_parse_value_reads_basis_points_and_new_currencies() -> None:
    q = parse_value("25 basis points")
    assert (q.interval.low, q.unit) == (pytest.approx(0.25), "percentage_point")
    assert parse_value("HK$4.5bn").unit == "HKD"
