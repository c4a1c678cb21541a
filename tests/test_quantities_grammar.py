"""Number grammar, comparators, rates and changes, from news phrasing in many domains.

Each table row is a sentence, the text of the quantity the reader must find in it, and
its interval and unit. Written for this suite; no row comes from an evaluation set.
"""

from __future__ import annotations

import math

import pytest

from pytest_factcheck.quantities import Quantity, extract

INF = math.inf


def the_quantity(sentence: str, text: str) -> Quantity:
    found = [q for q in extract(sentence) if q.kind == "quantity"]
    hits = [q for q in found if q.text == text]
    assert hits, f"{text!r} not read in {sentence!r}; read {[q.text for q in found]}"
    return hits[0]


def check(sentence: str, text: str, low: float, high: float, unit: str) -> Quantity:
    q = the_quantity(sentence, text)
    assert sentence[q.start : q.end] == text
    assert q.interval.low == pytest.approx(low, rel=1e-9)
    assert q.interval.high == pytest.approx(high, rel=1e-9)
    assert q.unit == unit
    return q


NUMBERS = [
    # suffixes glued to digits: k, K, M, MM, mil; bn, bln, mln after one space
    ("The video passed 25k views by noon.", "25k views", 25e3, 25e3, "dimensionless"),
    ("The streamer now has 10K subscribers.", "10K subscribers", 1e4, 1e4, "dimensionless"),
    ("The club's valuation rose to 4.3M.", "4.3M", 4.3e6, 4.3e6, "dimensionless"),
    ("Exports reached $12.4 bln in May.", "$12.4 bln", 12.4e9, 12.4e9, "USD"),
    ("The fund raised $2.1bn from investors.", "$2.1bn", 2.1e9, 2.1e9, "USD"),
    ("Apple's market value topped $2.1T.", "$2.1T", 2.1e12, 2.1e12, "USD"),
    ("Output fell to 4 mln tonnes.", "4 mln tonnes", 4e6, 4e6, "metric_ton"),
    ("The deal is worth US$ 1MM a year.", "US$ 1MM a year", 1e6, 1e6, "USD / year"),
    # signs and leading-dot decimals
    ("Core prices rose +0.4% on the month.", "+0.4%", 0.4, 0.4, "percent"),
    ("The index closed −3 points lower.", "−3 points", -3, -3, "dimensionless"),
    ("Overnight lows of minus 40 are forecast.", "minus 40", -40, -40, "dimensionless"),
    ("The batter hit .312 this season.", ".312", 0.312, 0.312, "dimensionless"),
    ("Bond yields slipped .5 percent.", ".5 percent", 0.5, 0.5, "percent"),
    # scientific forms
    ("The probe counted 1.5e6 particles.", "1.5e6 particles", 1.5e6, 1.5e6, "dimensionless"),
    ("A residue of 3×10⁻⁵ m was measured.", "3×10⁻⁵ m", 3e-5, 3e-5, "meter"),
    ("Its mass is 6.4x10^23 kg.", "6.4x10^23 kg", 6.4e23, 6.4e23, "kilogram"),
    # fractions and mixed numbers
    ("The mare won by 1/4 mile.", "1/4 mile", 0.25, 0.25, "mile"),
    ("The course is 10 1/2 miles long.", "10 1/2 miles", 10.5, 10.5, "mile"),
    ("Add 2½ cups of flour and stir.", "2½ cups", 2.5, 2.5, "dimensionless"),
    ("Turnout was two-thirds of voters.", "two-thirds", 200 / 3, 200 / 3, "percent"),
    # space-grouped digits (thin, narrow and no-break spaces too)
    (
        "The census counted 1 234 567 residents.",
        "1 234 567 residents",
        1234567,
        1234567,
        "dimensionless",
    ),
    ("Some 40\u202f000 fans attended.", "Some 40\u202f000 fans", 36000, 44000, "dimensionless"),
    # number words: fractions after "and", decimals after "point", dozens
    ("Rain fell for three and a quarter hours.", "three and a quarter hours", 3.25, 3.25, "hour"),
    ("Growth came in at two point four percent.", "two point four percent", 2.4, 2.4, "percent"),
    (
        "Crowds of one million and a half lined the route.",
        "one million and a half",
        1.5e6,
        1.5e6,
        "dimensionless",
    ),
    ("A half million fans watched online.", "A half million fans", 5e5, 5e5, "dimensionless"),
    ("The bakery sold 3 dozens of rolls.", "3 dozens", 36, 36, "dimensionless"),
    ("Only one sixth of the budget was spent.", "one sixth", 100 / 6, 100 / 6, "percent"),
    # digit + scale word
    ("The city has 3 hundred buses.", "3 hundred buses", 300, 300, "dimensionless"),
    ("A crowd of 1.2 million gathered.", "1.2 million", 1.2e6, 1.2e6, "dimensionless"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), NUMBERS)
def test_number_grammar(sentence: str, text: str, low: float, high: float, unit: str) -> None:
    check(sentence, text, low, high, unit)


NOT_NUMBERS = [
    "Coverage runs 24/7 on the channel.",
    "The 9/11 memorial reopened.",
    "Install version 2.5 tonight.",
    "Call 020 7946 0958 for tickets.",
]


@pytest.mark.parametrize("sentence", NOT_NUMBERS)
def test_codes_and_dates_are_not_amounts(sentence: str) -> None:
    assert [q.text for q in extract(sentence) if q.kind == "quantity"] == []


RATES = [
    ("Brent settled at $81.10 per barrel.", "$81.10 per barrel", 81.10, 81.10, "USD / oil_barrel"),
    ("The gym costs €9.99 a month.", "€9.99 a month", 9.99, 9.99, "EUR / month"),
    ("Nurses work 40 hours a week.", "40 hours a week", 40, 40, "hour / week"),
    ("The shutter fires 30 times a second.", "30 times a second", 30, 30, "1 / second"),
    (
        "Flats sell at $1,200 per square foot.",
        "$1,200 per square foot",
        1200,
        1200,
        "USD / foot ** 2",
    ),
    (
        "The van uses 8.2 litres per 100 km.",
        "8.2 litres per 100 km",
        0.082,
        0.082,
        "liter / kilometer",
    ),
    (
        "Gas traded at $2.95 per million British thermal units.",
        "$2.95 per million British thermal units",
        2.95,
        2.95,
        "USD / megabritish_thermal_unit",
    ),
    (
        "The ferry burns 40 tonnes of diesel a day.",
        "40 tonnes of diesel a day",
        40,
        40,
        "metric_ton / day",
    ),
    ("Tolls rise to 45p per mile.", "45p per mile", 0.45, 0.45, "GBP / mile"),
    ("The wage is now A$24.10 an hour.", "A$24.10 an hour", 24.10, 24.10, "AUD / hour"),
    (
        "The server handles 12,000 requests per second.",
        "12,000 requests per second",
        12000,
        12000,
        "1 / second",
    ),
    ("Emissions were 118 g/km on the test.", "118 g/km", 118, 118, "gram / kilometer"),
    ("She earns $52.50/hour as a contractor.", "$52.50/hour", 52.5, 52.5, "USD / hour"),
    ("Wheat fetched €212 a tonne in Paris.", "€212 a tonne", 212, 212, "EUR / metric_ton"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), RATES)
def test_rates_are_one_compound_quantity(
    sentence: str, text: str, low: float, high: float, unit: str
) -> None:
    check(sentence, text, low, high, unit)


NOT_RATES = [
    ("Prices rose 3% a year for a decade.", "3%", "percent"),
    ("The stock fell $2 a share.", "$2", "USD"),
    ("The won traded at 1,380 per dollar.", "1,380", "dimensionless"),
]


@pytest.mark.parametrize(("sentence", "text", "unit"), NOT_RATES)
def test_not_rates(sentence: str, text: str, unit: str) -> None:
    assert the_quantity(sentence, text).unit == unit


CHANGES = [
    # sentence, [(text, change, role), ...] for every quantity read
    (
        "Harlow's quarterly revenue rose 8% to $12.4bn.",
        [("8%", "up", "delta"), ("$12.4bn", "up", "after")],
    ),
    (
        "Average delays fell from 16 to 14 minutes.",
        [("16", "down", "before"), ("14 minutes", "down", "after")],
    ),
    ("The death toll had risen by four to 27.", [("four", "up", "delta"), ("27", "up", "after")]),
    ("Oil settled at $58.24, down 1.3%.", [("$58.24", None, None), ("1.3%", "down", "delta")]),
    (
        "The margin narrowed to 14.2 per cent from 15.1 per cent.",
        [("14.2 per cent", "down", "after"), ("15.1 per cent", "down", "before")],
    ),
    (
        "The club changed its capacity from 42,000 to 38,500 seats.",
        [("42,000", "down", "before"), ("38,500 seats", "down", "after")],
    ),
    ("Unemployment edged up 0.1 percentage points.", [("0.1 percentage points", "up", "delta")]),
    ("The parliament has 450 members.", [("450 members", None, None)]),
    ("Up to 300 advisers were sent.", [("Up to 300 advisers", None, None)]),
    # "up" that belongs to the verb before it is no change
    ("The cloud unit now makes up nearly 30% of sales.", [("nearly 30%", None, None)]),
    ("Talks broke down after 12 rounds.", [("12 rounds", None, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CHANGES)
def test_changes_carry_direction_and_role(
    sentence: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = [(q.text, q.change, q.role) for q in extract(sentence) if q.kind == "quantity"]
    assert found == expected


@pytest.mark.parametrize(
    ("value", "low", "unit"),
    [
        ("$1.42 per share", 1.42, "USD"),
        ("30 cents a share", 0.30, "USD"),
        ("€45 per person", 45, "EUR"),
        ("$58.24 per barrel", 58.24, "USD / oil_barrel"),  # a unit: a real rate
    ],
)
def test_a_fact_value_may_say_what_its_amount_is_for(value: str, low: float, unit: str) -> None:
    from pytest_factcheck.quantities import parse_value

    q = parse_value(value)
    assert (q.low, q.unit) == (pytest.approx(low), unit)
    # The article's wording reads as the same amount.
    (found,) = [x for x in extract(f"It paid {value}.") if x.kind == "quantity"]
    assert (found.low, found.unit) == (pytest.approx(low), unit)


@pytest.mark.parametrize(
    ("value", "magnitude", "change"),
    [
        ("rose 8%", 8, "up"),
        ("fell by 3%", 3, "down"),
        ("+8%", 8, "up"),
        ("-0.4 percentage points", 0.4, "down"),
        ("−3 degC", -3, None),  # a sign before a level is the level's own
    ],
)
def test_a_fact_value_leads_with_its_direction(
    value: str, magnitude: float, change: str | None
) -> None:
    from pytest_factcheck.quantities import parse_value

    q = parse_value(value)
    assert (q.low, q.change) == (pytest.approx(magnitude), change)


def test_a_fact_value_may_be_a_change() -> None:
    from pytest_factcheck.quantities import parse_value

    q = parse_value("up 8%")
    assert (q.low, q.high, q.unit, q.change, q.role) == (8, 8, "percent", "up", "delta")
    q = parse_value("down 1.3 percentage points")
    assert (q.change, q.unit) == ("down", "percentage_point")
    assert parse_value("up to 40 mph").change is None  # a hedge, not a change


def test_json_carries_change_only_where_there_is_one(tmp_path: object) -> None:
    import io
    import json
    from pathlib import Path

    from pytest_factcheck.cli import run_quantities

    article = Path(str(tmp_path)) / "a.txt"
    article.write_text("Sales jumped 12% to 3.1 million units. A 40 mile walk.", "utf-8")
    out = io.StringIO()
    assert run_quantities([str(article)], as_json=True, out=out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["text"], r.get("change"), r.get("role")) for r in rows] == [
        ("12%", "up", "delta"),
        ("3.1 million units", "up", "after"),
        ("40 mile", None, None),
    ]


BOUNDS = [
    ("Tickets cost $40 or more at the door.", "$40 or more", 40, INF, "USD"),
    (
        "Patients aged 65 or older, scoring 200 or greater.",
        "200 or greater",
        200,
        INF,
        "dimensionless",
    ),
    ("Gusts of ≥ 90 km/h are expected.", "≥ 90 km/h", 90, INF, "kilometer / hour"),
    ("The budget handset sells for sub-$300.", "sub-$300", -INF, 300, "USD"),
    ("Keep the dose ≤5 mg a day.", "≤5 mg a day", -INF, 5, "milligram / day"),
    ("The probe will pass within 32,000 km of Mars.", "within 32,000 km", -INF, 32000, "kilometer"),
    (
        "Summer melt exceeds 3 cubic kilometres.",
        "exceeds 3 cubic kilometres",
        3,
        INF,
        "kilometer ** 3",
    ),
    ("The battery runs no hotter than 45°C.", "no hotter than 45°C", -INF, 45, "degree_Celsius"),
    ("Spending was capped at £2bn.", "capped at £2bn", -INF, 2e9, "GBP"),
    ("Turnout was just under 60%.", "just under 60%", -INF, 60, "percent"),
    ("Prices start at ~$15 a month.", "~$15 a month", 13.5, 16.5, "USD / month"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), BOUNDS)
def test_comparators_and_bounds(
    sentence: str, text: str, low: float, high: float, unit: str
) -> None:
    check(sentence, text, low, high, unit)


def test_an_upper_bound_prints_low_null(tmp_path: object) -> None:
    import io
    import json
    from pathlib import Path

    from pytest_factcheck.cli import run_quantities

    article = Path(str(tmp_path)) / "a.txt"
    article.write_text("Rain of up to 40mm, and winds below 30 mph.", "utf-8")
    out = io.StringIO()
    run_quantities([str(article)], as_json=True, out=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["text"], r["low"], r["high"]) for r in rows] == [
        ("up to 40mm", None, 40.0),
        ("below 30 mph", None, 30.0),
    ]


COMPOUNDS = [
    ("The 6 ft 2 in forward signed on Monday.", "6 ft 2 in", 74, 74, "inch"),
    ("She is 5 feet and 7 inches tall.", "5 feet and 7 inches", 67, 67, "inch"),
    ("The flight takes 1 hour 45 minutes.", "1 hour 45 minutes", 105, 105, "minute"),
    ("The winner carried 9 st 4 lb.", "9 st 4 lb", 130, 130, "pound"),
    ("The baby weighed 7 lb 3 oz.", "7 lb 3 oz", 115, 115, "ounce"),
    ("The course is 2 miles 4 furlongs.", "2 miles 4 furlongs", 2.5, 2.5, "mile"),
    ("He finished in 2h 06min 42s.", "2h 06min 42s", 7602, 7602, "second"),
    ("The marathon was won in 2:06:42.", "2:06:42", 7602, 7602, "second"),
    ("Her lap of 1:29.708 set a record.", "1:29.708", 89.708, 89.708, "second"),
    (
        "The final lasted four hours and 54 minutes.",
        "four hours and 54 minutes",
        294,
        294,
        "minute",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), COMPOUNDS)
def test_compound_measures_and_race_times_are_one_value(
    sentence: str, text: str, low: float, high: float, unit: str
) -> None:
    check(sentence, text, low, high, unit)


def test_a_clock_time_is_not_a_duration() -> None:
    qs = extract("The polls close at 10:30 and results come at 23:15:00.")
    assert [q.kind for q in qs] == ["time", "time"]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("Coningsby hit 40.3C, beating the record by 1.6C.", "1.6C", "delta_degree_Celsius"),
        ("The sea was at 29°C, 3 degrees above normal.", "3 degrees", "delta_degree_Celsius"),
        ("Highs rose 5F to 101F.", "5F", "delta_degree_Fahrenheit"),
        ("Highs rose 5F to 101F.", "101F", "degree_Fahrenheit"),
    ],
)
def test_temperature_differences(sentence: str, text: str, unit: str) -> None:
    assert the_quantity(sentence, text).unit == unit


def test_bare_degrees_take_the_scale_the_text_writes() -> None:
    text = "Highs will reach 97°F on Saturday, with lows near 75 degrees."
    assert [q.unit for q in extract(text)] == ["degree_Fahrenheit", "degree_Fahrenheit"]
    assert [q.unit for q in extract("The ramp rises 12 degrees.")] == ["degree"]


AGES_AND_FORMS = [
    ("The driver, 47, was arrested at the scene.", "47", 47, 47, "year"),
    ("Maria Lopez, 29, won the title.", "29", 29, 29, "year"),
    ("The charger supplies 500 amps.", "500 amps", 500, 500, "ampere"),
    ("Each capsule holds 400 mcg of folate.", "400 mcg", 400, 400, "microgram"),
    (
        "The quasar is 12 billion light-years away.",
        "12 billion light-years",
        12e9,
        12e9,
        "light_year",
    ),
    ("The drive writes at 7,000 MB/s.", "7,000 MB/s", 7000, 7000, "megabyte / second"),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), AGES_AND_FORMS)
def test_ages_in_commas_and_news_unit_forms(
    sentence: str, text: str, low: float, high: float, unit: str
) -> None:
    check(sentence, text, low, high, unit)


def test_a_number_between_commas_after_a_year_is_not_an_age() -> None:
    assert the_quantity("In 2019, 34 firms closed.", "34 firms").unit == "dimensionless"


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("The lake holds 4km^3 of water.", "4km^3", "kilometer ** 3"),
        ("A 40 m² studio sold for less.", "40 m²", "meter ** 2"),
        ("The site covers 12 km squared.", "12 km squared", "kilometer ** 2"),
        ("The club spent 20 million pounds on him.", "20 million pounds", "GBP"),
        ("The boxer weighs 200 pounds.", "200 pounds", "pound"),
    ],
)
def test_powers_of_units_and_pounds_in_millions(sentence: str, text: str, unit: str) -> None:
    assert the_quantity(sentence, text).unit == unit


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        (
            "Bids came in above $1,000 and below $1,500.",
            "above $1,000 and below $1,500",
            1000,
            1500,
        ),
        (
            "Crowds of at most 900 and at least 400 are expected.",
            "at most 900 and at least 400",
            400,
            900,
        ),
        ("Rents were over 10 km, under 20 km from town.", "over 10 km, under 20 km", 10, 20),
        ("Salaries range 50k-80k in the sector.", "50k-80k", 50e3, 80e3),
        ("Attendance was 1000 - 5000 each night.", "1000 - 5000", 1000, 5000),
        ("Doses less than or equal to 30 mg are safe.", "less than or equal to 30 mg", -INF, 30),
        ("Sales surpassed 3,000 units.", "surpassed 3,000 units", 3000, INF),
    ],
)
def test_bounds_joined_and_ranges(sentence: str, text: str, low: float, high: float) -> None:
    q = the_quantity(sentence, text)
    assert (q.interval.low, q.interval.high) == (pytest.approx(low), pytest.approx(high))


def test_crossed_bounds_and_scores_stay_apart() -> None:
    found = [q.text for q in extract("More than 40 and less than 10 were seen.")]
    assert found == ["More than 40", "less than 10"]
    assert [q.kind for q in extract("The Bears won 24-17.")] == ["identifier"]
    assert [q.kind for q in extract("The 737-800 jet landed safely.")] == ["identifier"]


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        (
            "Ikano put 1.2 billion Danish kroner in; sales may reach 45 billion kroner.",
            "45 billion kroner",
            "DKK",
        ),
        ("He tipped 300 kroner.", "300 kroner", "dimensionless"),  # whose kroner? not said
        ("Polls show the senator trailing by 3 to 5 points.", "3 to 5 points", "percentage_point"),
        ("The Dow lost 475 points, or 1.4%.", "475 points", "dimensionless"),
        ("The Celtics won by 12 points.", "12 points", "dimensionless"),
    ],
)
def test_words_the_rest_of_the_text_explains(sentence: str, text: str, unit: str) -> None:
    assert the_quantity(sentence, text).unit == unit


@pytest.mark.parametrize(
    ("sentence", "text", "low", "unit"),
    [
        ("The fever peaked at 103 degrees f overnight.", "103 degrees f", 103, "degree_Fahrenheit"),
        ("Lows of 6 deg c are expected.", "6 deg c", 6, "degree_Celsius"),
        ("The city grew to 3 million and a half.", "3 million and a half", 3.5e6, "dimensionless"),
        ("The fund is worth 1.2b now.", "1.2b", 1.2e9, "dimensionless"),
        ("Add ⅛ teaspoon of salt.", "⅛ teaspoon", 0.125, "teaspoon"),
        ("The reading fell to minus one.", "minus one", -1, "dimensionless"),
    ],
)
def test_more_number_and_unit_forms(sentence: str, text: str, low: float, unit: str) -> None:
    check(sentence, text, low, low, unit)


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The ferry leaves at 10.15 from pier 9.", ["time", "identifier"]),
        ("Shares closed at 10.15 on Friday.", ["quantity"]),
        ("Polls open at 7.30am.", ["time"]),
        ("Shares rose 10.15 per cent.", ["quantity"]),
    ],
)
def test_dotted_times(sentence: str, kinds: list[str]) -> None:
    assert [q.kind for q in extract(sentence)] == kinds


def test_in_is_an_inch_only_before_a_size_word() -> None:
    assert the_quantity("The slab is 4 in thick.", "4 in").unit == "inch"
    assert [q.text for q in extract("They won 2 in a row.")] == ["2"]


def test_a_quarter_point_in_rate_news() -> None:
    q = the_quantity("The Fed raised rates by a quarter point to 5.5%.", "a quarter point")
    assert (q.low, q.unit, q.change, q.role) == (0.25, "percentage_point", "up", "delta")


def test_a_year_that_qualifies_a_noun_is_a_year() -> None:
    qs = extract("Emissions must fall 55% below 1990 levels while 1500 soldiers left.")
    assert [(q.text, q.kind) for q in qs] == [
        ("55%", "quantity"),
        ("1990", "year"),
        ("1500 soldiers", "quantity"),
    ]


def test_two_indian_scale_words_multiply() -> None:
    q = the_quantity("The budget allots Rs 2.5 lakh crore to roads.", "Rs 2.5 lakh crore")
    assert (q.low, q.unit) == (pytest.approx(2.5e12), "INR")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The defeat left United 12 points behind.", [("12 points", "quantity")]),
        ("The iPhone 15 Pro starts at $999.", [("iPhone 15", "identifier"), ("$999", "quantity")]),
        ("Boeing 737 jets were grounded.", [("Boeing 737", "identifier")]),
        ("The S&P 500 companies gained.", [("S&P 500", "identifier")]),
    ],
)
def test_a_count_after_a_name_or_a_number_in_a_name(
    sentence: str, found: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.kind) for q in extract(sentence)] == found


def test_a_bound_after_the_number_outweighs_an_approximation_before_it() -> None:
    q = the_quantity("The vote drew about 500 or more people.", "about 500 or more people")
    assert (q.low, q.high, q.hedge) == (500, None, "or more")


@pytest.mark.parametrize(
    ("sentence", "text", "unit", "kind"),
    [
        (
            "The recall covers 2.2 million Teslas.",
            "2.2 million Teslas",
            "dimensionless",
            "quantity",
        ),
        ("The scanner uses a 3 tesla magnet.", "3 tesla", "tesla", "quantity"),
        ("Holmes lived at 221B Baker Street.", "221B", "dimensionless", "identifier"),
        ("The 3M respirator sold out.", "3M", "dimensionless", "identifier"),
        ("The app has 10M users.", "10M users", "dimensionless", "quantity"),
    ],
)
def test_names_that_look_like_units_or_scales(
    sentence: str, text: str, unit: str, kind: str
) -> None:
    [q] = [q for q in extract(sentence) if q.text == text]
    assert (q.unit, q.kind) == (unit, kind)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Delays fell from 16 to 14 minutes.", [("16", "minute"), ("14 minutes", "minute")]),
        ("The harvest shrank by a third.", [("a third", "percent")]),
        ("He hired a third party.", []),
        (
            "She averaged 22.4 points, shooting 48% from the field.",
            [("22.4 points", "dimensionless"), ("48%", "percent")],
        ),
    ],
)
def test_units_shared_in_a_change_and_shares_after_by(
    sentence: str, found: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.unit) for q in extract(sentence) if q.kind == "quantity"] == found


@pytest.mark.parametrize(
    ("text", "value"),
    [("£4.1bn", 4_100_000_000.0), ("$12.4 bln", 12_400_000_000.0), ("7.7 trillion", 7.7e12)],
)
def test_scaled_values_print_as_written(text: str, value: float) -> None:
    [q] = extract(f"Profit was {text} last year.")
    assert q.low == value  # exactly: no 4099999999.9999995 in a report


@pytest.mark.parametrize(
    ("sentence", "text", "unit", "noun"),
    [
        ("Labour holds a 10-point lead in the latest poll.", "10-point", "percentage_point", None),
        ("The inquiry published a 2,000-page report.", "2,000-page", "dimensionless", "page"),
        ("She took a 3-shot lead after the 36-hole cut.", "3-shot", "dimensionless", "shot"),
        ("A 7.8-magnitude quake struck.", "7.8", "dimensionless", None),
        ("A 5,000-strong crowd sang.", "5,000", "dimensionless", None),
    ],
)
def test_a_count_written_as_an_adjective(
    sentence: str, text: str, unit: str, noun: str | None
) -> None:
    q = the_quantity(sentence, text)
    assert (q.unit, q.noun) == (unit, noun)


def test_one_off_is_not_a_count() -> None:
    assert [q.text for q in extract("A one-off fee of €49.")] == ["€49"]


def test_over_right_after_an_amount_is_the_span_it_is_spread_over() -> None:
    qs = [q.text for q in extract("The trail climbs 1,600 feet over 4.5 miles.")]
    assert qs == ["1,600 feet", "4.5 miles"]
    assert the_quantity("In 2014 over 30% voted.", "over 30%").interval.low_open


def test_a_unit_written_once_after_and_is_both_numbers_unit() -> None:
    assert [(q.text, q.unit) for q in extract("Doses of 45 and 50 mg were given.")] == [
        ("45", "milligram"),
        ("50 mg", "milligram"),
    ]
    assert [(q.text, q.noun) for q in extract("It killed six and wounded eight people.")] == [
        ("six", None),
        ("eight people", "person"),
    ]
