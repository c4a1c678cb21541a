"""Reading quantities out of news text: tables of real phrasing, one case a row."""

from __future__ import annotations

import itertools
import math

import pytest

from pytest_factcheck.errors import QuantityError
from pytest_factcheck.quantities import Quantity, extract, parse_value

INF = math.inf


def quantities(text: str) -> list[Quantity]:
    return [q for q in extract(text) if q.kind == "quantity"]


def the_quantity(text: str) -> Quantity:
    found = [q for q in quantities(text) if q.restates is None]
    assert len(found) == 1, found
    return found[0]


def bounds(q: Quantity) -> tuple[float, float]:
    return q.interval.low, q.interval.high


# (sentence, text of the quantity, low, high, unit, noun)
QUANTITIES = [
    # from the seed articles
    (
        "captured the town, about 90 miles (150 kilometers) east of Jordan",
        "about 90 miles",
        81,
        99,
        "mile",
        None,
    ),
    ("The town has a population of 40,000, but", "40,000", 40000, 40000, "dimensionless", None),
    (
        "it has recently absorbed 20,000 people displaced from Fallujah",
        "20,000 people",
        20000,
        20000,
        "dimensionless",
        "person",
    ),
    (
        "ISIL now controls more than 70 percent of Anbar",
        "more than 70 percent",
        70,
        INF,
        "percent",
        None,
    ),
    (
        "killed at least seven people, media reported",
        "at least seven people",
        7,
        INF,
        "dimensionless",
        "person",
    ),
    ("a car bomb killed six people and wounded", "six people", 6, 6, "dimensionless", "person"),
    (
        "Obama has offered to send up to 300 military advisers to Iraq",
        "up to 300 military advisers",
        -INF,
        300,
        "dimensionless",
        "adviser",
    ),
    (
        "Qaim's fall left 30 Iraqi troops dead in fighting Friday",
        "30 Iraqi troops",
        30,
        30,
        "dimensionless",
        "troop",
    ),
    (
        "that included around 20,000 in the Sadr City district",
        "around 20,000",
        18000,
        22000,
        "dimensionless",
        None,
    ),
    (
        "an onslaught that has displaced hundreds of thousands of people",
        "hundreds of thousands of people",
        2e5,
        1e6,
        "dimensionless",
        "person",
    ),
    (
        "They've also displaced tens of thousands of Iraqis,",
        "tens of thousands of Iraqis",
        2e4,
        1e5,
        "dimensionless",
        "iraqi",
    ),
    (
        "bringing the tally of refugees to over a million this year",
        "over a million",
        1e6,
        INF,
        "dimensionless",
        None,
    ),
    ("The closest, Huseiba, lies 62 miles west of Baghdad.", "62 miles", 62, 62, "mile", None),
    (
        "Largely Sunni militia in Iraq have seized four towns",
        "four towns",
        4,
        4,
        "dimensionless",
        "town",
    ),
    ("Sunni militants win 4 towns in western Iraq", "4 towns", 4, 4, "dimensionless", "town"),
    (
        "they saw about 40 ISIL trucks crossing the border",
        "about 40 ISIL trucks",
        36,
        44,
        "dimensionless",
        "truck",
    ),
    ("which is located just 90 miles east of the Iraqi border", "90 miles", 90, 90, "mile", None),
    (
        "the arrival of 300 military advisers from the United States",
        "300 military advisers",
        300,
        300,
        "dimensionless",
        "adviser",
    ),
    (
        "Sunni militants advanced in western Iraq and killed 21 people after",
        "21 people",
        21,
        21,
        "dimensionless",
        "person",
    ),
    (
        "They then gunned down 21 local leaders in Rawa",
        "21 local leaders",
        21,
        21,
        "dimensionless",
        "leader",
    ),
    (
        "leaves just one of three official border crossings with Syria",
        "three official border crossings",
        3,
        3,
        "dimensionless",
        "crossing",
    ),
    (
        "Thousands of Shias gathered in Sadr City",
        "Thousands of Shias",
        2000,
        10000,
        "dimensionless",
        "shia",
    ),
    (
        "“thousands of Shiite militiamen” paraded",
        "thousands of Shiite militiamen",
        2000,
        10000,
        "dimensionless",
        "militiaman",
    ),
    (
        "announcement that hundreds of U.S. military advisers would head",
        "hundreds of U.S. military advisers",
        200,
        1000,
        "dimensionless",
        "adviser",
    ),
    ("capturing their fourth town in just two days", "two days", 2, 2, "day", None),
    (
        "Four towns in western Iraq, including one on the border",
        "Four towns",
        4,
        4,
        "dimensionless",
        "town",
    ),
    # plain numbers
    ("a total of 1,200.5 tonnes", "1,200.5 tonnes", 1200.5, 1200.5, "metric_ton", None),
    ("a share of 0.7 percent", "0.7 percent", 0.7, 0.7, "percent", None),
    (
        "some 1.2 million people",
        "some 1.2 million people",
        1.08e6,
        1.32e6,
        "dimensionless",
        "person",
    ),
    ("worth 3 billion", "3 billion", 3e9, 3e9, "dimensionless", None),
    ("40 thousand residents", "40 thousand residents", 4e4, 4e4, "dimensionless", "resident"),
    ("forty thousand residents", "forty thousand residents", 4e4, 4e4, "dimensionless", "resident"),
    ("twenty-one soldiers", "twenty-one soldiers", 21, 21, "dimensionless", "soldier"),
    (
        "two hundred and fifty families",
        "two hundred and fifty families",
        250,
        250,
        "dimensionless",
        "family",
    ),
    ("a million refugees", "a million refugees", 1e6, 1e6, "dimensionless", "refugee"),
    ("a dozen villages", "a dozen villages", 12, 12, "dimensionless", "village"),
    ("half a million people", "half a million people", 5e5, 5e5, "dimensionless", "person"),
    ("one and a half miles", "one and a half miles", 1.5, 1.5, "mile", None),
    ("two dozen vehicles", "two dozen vehicles", 24, 24, "dimensionless", "vehicle"),
    ("one city and parts of another", "one city", 1, 1, "dimensionless", "city"),
    ("a third of the population", "a third", 100 / 3, 100 / 3, "percent", None),
    ("two-thirds of Anbar", "two-thirds", 200 / 3, 200 / 3, "percent", None),
    ("more than half of the province", "more than half", 50, INF, "percent", None),
    # hedges
    ("approximately 500 homes", "approximately 500 homes", 450, 550, "dimensionless", "home"),
    ("roughly 50 km", "roughly 50 km", 45, 55, "kilometer", None),
    (
        "an estimated 40,000 people",
        "an estimated 40,000 people",
        36000,
        44000,
        "dimensionless",
        "person",
    ),
    ("nearly 40 km", "nearly 40 km", 36, 40, "kilometer", None),
    ("almost 100 people", "almost 100 people", 90, 100, "dimensionless", "person"),
    ("no fewer than 12 soldiers", "no fewer than 12 soldiers", 12, INF, "dimensionless", "soldier"),
    ("7 or more people", "7 or more people", 7, INF, "dimensionless", "person"),
    ("upwards of 200 fighters", "upwards of 200 fighters", 200, INF, "dimensionless", "fighter"),
    ("above 40 percent", "above 40 percent", 40, INF, "percent", None),
    ("at most 3 km", "at most 3 km", -INF, 3, "kilometer", None),
    ("no more than 10 percent", "no more than 10 percent", -INF, 10, "percent", None),
    ("less than 5%", "less than 5%", -INF, 5, "percent", None),
    ("fewer than 100 soldiers", "fewer than 100 soldiers", -INF, 100, "dimensionless", "soldier"),
    ("under 5 per cent", "under 5 per cent", -INF, 5, "percent", None),
    ("below 30 degrees Celsius", "below 30 degrees Celsius", -INF, 30, "degree_Celsius", None),
    ("just over 60 miles", "just over 60 miles", 60, INF, "mile", None),
    ("as many as 300 people", "as many as 300 people", -INF, 300, "dimensionless", "person"),
    ("40 km or so", "40 km or so", 36, 44, "kilometer", None),
    # ranges
    ("between 250 and 300 km", "between 250 and 300 km", 250, 300, "kilometer", None),
    ("from 60 to 65 miles", "from 60 to 65 miles", 60, 65, "mile", None),
    ("60 to 65 miles", "60 to 65 miles", 60, 65, "mile", None),
    ("60 miles to 65 miles", "60 miles to 65 miles", 60, 65, "mile", None),
    ("60-65 miles", "60-65 miles", 60, 65, "mile", None),
    ("60–65 miles", "60–65 miles", 60, 65, "mile", None),
    ("2 to 3 million people", "2 to 3 million people", 2e6, 3e6, "dimensionless", "person"),
    ("two or three days", "two or three days", 2, 3, "day", None),
    ("six to eight people", "six to eight people", 6, 8, "dimensionless", "person"),
    ("between $2m and $3m", "between $2m and $3m", 2e6, 3e6, "USD", None),
    ("about 60 to 65 miles", "about 60 to 65 miles", 54, 71.5, "mile", None),
    # vague amounts
    ("dozens of people", "dozens of people", 24, 100, "dimensionless", "person"),
    ("hundreds of families", "hundreds of families", 200, 1000, "dimensionless", "family"),
    ("millions of dollars", "millions of dollars", 2e6, 1e9, "USD", None),
    ("thousands of barrels", "thousands of barrels", 2000, 10000, "oil_barrel", None),
    ("several hundred people", "several hundred people", 200, 1000, "dimensionless", "person"),
    ("several dozen cars", "several dozen cars", 24, 100, "dimensionless", "car"),
    ("a few thousand troops", "a few thousand troops", 2000, 10000, "dimensionless", "troop"),
    ("scores of people", "scores of people", 40, 100, "dimensionless", "person"),
    # units
    ("5km away", "5km", 5, 5, "kilometer", None),
    ("a 90-mile stretch of highway", "90-mile", 90, 90, "mile", None),
    ("a four-day offensive", "four-day", 4, 4, "day", None),
    ("10 metres high", "10 metres", 10, 10, "meter", None),
    ("300 feet tall", "300 feet", 300, 300, "foot", None),
    ("100 yards", "100 yards", 100, 100, "yard", None),
    ("12 inches", "12 inches", 12, 12, "inch", None),
    ("600 square miles", "600 square miles", 600, 600, "mile ** 2", None),
    ("1,000 sq km", "1,000 sq km", 1000, 1000, "kilometer ** 2", None),
    ("40 km²", "40 km²", 40, 40, "kilometer ** 2", None),
    ("2,000 hectares", "2,000 hectares", 2000, 2000, "hectare", None),
    ("500 acres", "500 acres", 500, 500, "acre", None),
    ("10 litres", "10 litres", 10, 10, "liter", None),
    ("5 gallons", "5 gallons", 5, 5, "gallon", None),
    (
        "1.5 million barrels per day",
        "1.5 million barrels per day",
        1.5e6,
        1.5e6,
        "oil_barrel / day",
        None,
    ),
    ("20 cubic metres", "20 cubic metres", 20, 20, "meter ** 3", None),
    ("50 kg", "50 kg", 50, 50, "kilogram", None),
    ("3 tons", "3 tons", 3, 3, "ton", None),
    ("200 pounds", "200 pounds", 200, 200, "pound", None),
    ("30 seconds", "30 seconds", 30, 30, "second", None),
    ("5 min", "5 min", 5, 5, "minute", None),
    ("four years", "four years", 4, 4, "year", None),
    ("three weeks", "three weeks", 3, 3, "week", None),
    ("70 mph", "70 mph", 70, 70, "mile / hour", None),
    ("120 km/h", "120 km/h", 120, 120, "kilometer / hour", None),
    ("25 knots", "25 knots", 25, 25, "knot", None),
    ("2 percentage points", "2 percentage points", 2, 2, "percentage_point", None),
    ("40°C", "40°C", 40, 40, "degree_Celsius", None),
    ("40C in the shade", "40C", 40, 40, "degree_Celsius", None),
    ("104 degrees Fahrenheit", "104 degrees Fahrenheit", 104, 104, "degree_Fahrenheit", None),
    ("-5°C overnight", "-5°C", -5, -5, "degree_Celsius", None),
    ("$2.5bn", "$2.5bn", 2.5e9, 2.5e9, "USD", None),
    ("£3m", "£3m", 3e6, 3e6, "GBP", None),
    ("US$ 4 billion", "US$ 4 billion", 4e9, 4e9, "USD", None),
    ("about €40 million", "about €40 million", 3.6e7, 4.4e7, "EUR", None),
    ("500 euros", "500 euros", 500, 500, "EUR", None),
    ("$300,000", "$300,000", 3e5, 3e5, "USD", None),
    ("5 million dollars", "5 million dollars", 5e6, 5e6, "USD", None),
    ("1,000 MW", "1,000 MW", 1000, 1000, "megawatt", None),
    # million written "m" without a currency, when a count noun or unit follows
    ("3m people", "3m people", 3e6, 3e6, "dimensionless", "person"),
    ("1.5m barrels a day", "1.5m barrels a day", 1.5e6, 1.5e6, "oil_barrel / day", None),
    ("a 3m wall", "3m", 3, 3, "meter", None),
    # postfix hedges
    ("300+ people", "300+ people", 300, INF, "dimensionless", "person"),
    ("a 300-plus crowd", "300-plus", 300, INF, "dimensionless", None),
    # wider news phrasing
    (
        "left more than 200,000 homes without power",
        "more than 200,000 homes",
        2e5,
        INF,
        "dimensionless",
        "home",
    ),
    ("Wind speeds reached 120 mph as", "120 mph", 120, 120, "mile / hour", None),
    ("revenue of $4.2 billion for the quarter", "$4.2 billion", 4.2e9, 4.2e9, "USD", None),
    ("Inflation rose to 3.4 per cent in March", "3.4 per cent", 3.4, 3.4, "percent", None),
    (
        "unemployment fell 0.2 percentage points",
        "0.2 percentage points",
        0.2,
        0.2,
        "percentage_point",
        None,
    ),
    ("Nearly two-thirds of voters backed it", "Nearly two-thirds", 60, 200 / 3, "percent", None),
    ("a poll of 1,024 adults", "1,024 adults", 1024, 1024, "dimensionless", "adult"),
    ("Some 40,000 troops massed", "Some 40,000 troops", 36000, 44000, "dimensionless", "troop"),
    ("along the 1,200-mile border", "1,200-mile", 1200, 1200, "mile", None),
    ("carrying 157 passengers and crew", "157 passengers", 157, 157, "dimensionless", "passenger"),
    ("He was sentenced to 25 years in prison", "25 years", 25, 25, "year", None),
    ("fined £50,000.", "£50,000", 5e4, 5e4, "GBP", None),
    ("Temperatures hit 47.3C in parts of Pakistan", "47.3C", 47.3, 47.3, "degree_Celsius", None),
    (
        "Oil output fell to 9.7 million barrels per day",
        "9.7 million barrels per day",
        9.7e6,
        9.7e6,
        "oil_barrel / day",
        None,
    ),
    ("the lowest level in two decades", "two decades", 2, 2, "decade", None),
    ("a 34-year-old man was arrested", "34-year-old", 34, 34, "year", None),
    (
        "About 1,300 migrants reached Lampedusa",
        "About 1,300 migrants",
        1170,
        1430,
        "dimensionless",
        "migrant",
    ),
    ("cost between €2bn and €3bn", "between €2bn and €3bn", 2e9, 3e9, "EUR", None),
    (
        "killed nearly 9,000 people in Nepal",
        "nearly 9,000 people",
        8100,
        9000,
        "dimensionless",
        "person",
    ),
    # vulgar fractions
    ("a 2½ mile walk", "2½ mile", 2.5, 2.5, "mile", None),
    ("about ½ mile away", "about ½ mile", 0.45, 0.55, "mile", None),
    # shares
    ("one in five Iraqis", "one in five", 20, 20, "percent", None),
    ("3 out of 4 voters", "3 out of 4", 75, 75, "percent", None),
    ("nine in ten residents", "nine in ten", 90, 90, "percent", None),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit", "noun"), QUANTITIES)
def test_quantity_table(
    sentence: str, text: str, low: float, high: float, unit: str, noun: str | None
) -> None:
    q = the_quantity(sentence)
    assert q.text == text
    assert sentence[q.start : q.end] == text
    assert q.interval.low == pytest.approx(low)
    assert q.interval.high == pytest.approx(high)
    assert q.unit == unit
    assert q.noun == noun


# (sentence, the text that must not be a quantity, the kind it must have or None if absent)
NOT_QUANTITIES = [
    ("ISIS gains more ground in Iraq\n\nJune 22, 2014\n\nLargely", "June 22, 2014", "date"),
    ("taking control of the country's second-largest city, Mosul", "second-largest", "ordinal"),
    ("Mosul, on June 10 as troops melted away", "June 10", "date"),
    ("who has led the country since 2006 and not", "2006", "year"),
    ("capturing their fourth town in just two days", "fourth", "ordinal"),
    ("not yet secured a third term after", "third", "ordinal"),
    ("The third is controlled by Kurdish forces.", "third", "ordinal"),
    ("Ramadi, west of Baghdad, on June 21, 2014.", "June 21, 2014", "date"),
    ("since US troops withdrew in 2011.", "2011", "year"),
    ("became the first towns seized", "first", "ordinal"),
    ("1. Skip to content\n  2. Skip to main menu", "1.", "list-marker"),
    ("1. Skip to content\n  2. Skip to main menu", "2.", "list-marker"),
    ("https://p.dw.com/p/1CNrE", "1CNrE", "identifier"),
    ("US F-16 jets", "F-16", "identifier"),
    ("the COVID-19 pandemic", "COVID-19", "identifier"),
    ("driving down Route 66 today", "Route 66", "identifier"),
    ("the S&P 500 fell", "S&P 500", "identifier"),
    ("a new iPhone 11 case", "iPhone 11", "identifier"),
    ("the 787 Dreamliner was grounded", "787 Dreamliner", "identifier"),
    ("they won 2-0 on Sunday", "2-0", "identifier"),
    ("at 10:30 a.m. local time", "10:30 a.m.", "time"),
    ("by 3pm", "3pm", "time"),
    ("call 555-123-4567 now", "555-123-4567", "identifier"),
    ("call +44 20 7946 0958 now", "+44 20 7946 0958", "identifier"),
    ("in the 1990s", "1990s", "year"),
    ("the 2014-15 season", "2014-15", "year"),
    ("the 21st century", "21st", "ordinal"),
    ("on 10 June 2014", "10 June 2014", "date"),
    ("the A320 family", "A320", "identifier"),
    ("No. 10 said", "10", "identifier"),
    ("open 24/7", "24/7", "identifier"),
    ("the 2014 elections", "2014", "year"),
    ("First and foremost, we", "First", "ordinal"),
    ("Captures Fourth Town", "Fourth", "ordinal"),
    ("on the 21st of June", "21st of June", "date"),
    ("a poll conducted March 3-5.", "March 3-5", "date"),
    ("by mid-2014 the group", "2014", "year"),
    ("Iraq's pre-2003 borders", "2003", "year"),
    ("at 4:15 p.m. local time", "4:15 p.m.", "time"),
    ("a Boeing 737 MAX 8", "Boeing 737", "identifier"),
    ("the families of Flight 370", "Flight 370", "identifier"),
    ("on June 21st, 2014", "June 21st, 2014", "date"),
    ("in June 2014", "June 2014", "date"),
    ("at 9 o'clock", "9 o'clock", "time"),
    ("at 10:30 GMT", "10:30 GMT", "time"),
    ("killed 5 in 2014", "2014", "year"),
    ("the 2) item\n2) next", "2)", "list-marker"),
    ("a 3-1 vote", "3-1", "identifier"),
    ("on 6/22", "6/22", "identifier"),
    ("hash " + "7" * 40, "7" * 40, "identifier"),
]


@pytest.mark.parametrize(("sentence", "text", "kind"), NOT_QUANTITIES)
def test_not_quantities(sentence: str, text: str, kind: str) -> None:
    found = extract(sentence)
    assert [q for q in found if q.kind == "quantity" and text in q.text] == []
    assert any(q.text == text and q.kind == kind for q in found), found


# Sentences where nothing at all should be read as a quantity.
NOTHING = [
    "ISIS now controls much of the Iraq-Syria border.",
    "Taking crossings such as the one in Qaim allows them",
    "One of those groups is the Mahdi Army",
    "quoted one of its members as downplaying",
    "a number of Arab states",
    "over the past several months because of",
    "a sizable number of Iraqis",
    "In an example of Iraq's many loose alliances",
    "at the Syrian-Iraqi border",
    "Sorry for the one state that will have no oil!",
    "the security forces in these areas have joined the ISIS-ISIL",
    "a decade ago",
    "It is not in the interest of anyone",
    "a few of them came",
    "m and a are letters; in and at are words",
    "the min wage rose in a day",
    "Many of the crossings are closed",
    "several towns fell",
]


@pytest.mark.parametrize("sentence", NOTHING)
def test_nothing_read(sentence: str) -> None:
    assert quantities(sentence) == []


def test_one_is_a_pronoun_in_one_of_three() -> None:
    found = quantities("The seizure leaves just one of three official border crossings")
    assert [q.text for q in found] == ["three official border crossings"]


def test_restatement_shares_the_hedge() -> None:
    found = extract("the town, about 90 miles (150 kilometers) east of Jordan")
    assert [q.text for q in found] == ["about 90 miles", "150 kilometers"]
    first, second = found
    assert second.restates == 0
    assert first.restates is None
    assert second.hedge == "about"
    assert bounds(second) == pytest.approx((135, 165))


def test_restatement_without_hedge_is_exact() -> None:
    found = extract("lies 62 miles (100 km) west of Baghdad")
    assert [q.text for q in found] == ["62 miles", "100 km"]
    assert found[1].restates == 0
    assert bounds(found[1]) == (100, 100)


def test_restatement_index_counts_earlier_entries() -> None:
    found = extract("In 2014, four towns fell; Rutba is more than 90 miles (150 km) away.")
    kinds = [(q.text, q.kind, q.restates) for q in found]
    assert kinds[-1] == (
        "150 km",
        "quantity",
        kinds.index(("more than 90 miles", "quantity", None)),
    )
    assert found[-1].interval.low_open


def test_open_and_closed_bounds_are_kept_apart() -> None:
    more = the_quantity("more than 70 percent")
    least = the_quantity("at least 70 percent")
    less = the_quantity("less than 70 percent")
    most = the_quantity("at most 70 percent")
    assert more.interval.low_open and not least.interval.low_open
    assert less.interval.high_open and not most.interval.high_open
    assert more.high is None and least.high is None


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("killed 2 in 3 attacks", ["2", "3 attacks"]),
        ("3 in 10 days", ["3", "10 days"]),
        ("killed six people and wounded eight", ["six people", "eight"]),
        ("60 miles to 100 km", ["60 miles", "100 km"]),
        ("fighters from 4 towns", ["4 towns"]),
    ],
)
def test_not_ranges_or_shares(sentence: str, texts: list[str]) -> None:
    assert [q.text for q in quantities(sentence)] == texts


def test_restatement_with_its_own_hedge() -> None:
    found = extract("about 90 miles (nearly 150 km)")
    assert found[1].hedge == "nearly" and found[1].restates == 0
    assert bounds(found[1]) == pytest.approx((135, 150))


def test_restatement_of_a_one_sided_hedge() -> None:
    found = extract("7 miles or more (11 km)")
    assert found[1].restates == 0 and found[1].interval.high == INF


def test_bracketed_bare_number_is_not_a_restatement() -> None:
    found = extract("90 miles (2) away")
    assert found[1].restates is None


def test_just_is_emphasis_not_a_hedge() -> None:
    q = the_quantity("just 90 miles east")
    assert q.hedge is None
    assert bounds(q) == (90, 90)


def test_approx_width_is_configurable() -> None:
    q = extract("about 100 km", approx=0.2)[0]
    assert bounds(q) == pytest.approx((80, 120))


def test_extra_units_from_a_fact_file() -> None:
    q = extract("some 90 klicks out", units={"klicks": "kilometer"})[0]
    assert q.unit == "kilometer"
    assert bounds(q) == pytest.approx((81, 99))


def test_bad_extra_units_are_ignored_by_extract() -> None:
    found = extract("90 miles", units={"zorks": "not_a_unit_at_all"})
    assert found[0].unit == "mile"


def test_sorted_and_non_overlapping_on_a_seed() -> None:
    with open("seeds/003_c9c5d1ef37bbf24e.txt", encoding="utf-8") as fh:
        text = fh.read()
    found = extract(text)
    assert found
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for q in found:
        assert text[q.start : q.end] == q.text


def test_headline_case() -> None:
    found = extract("ISIS Expands Its Reach in Iraq, Captures Fourth Town in Two Days")
    assert [(q.text, q.kind) for q in found] == [("Fourth", "ordinal"), ("Two Days", "quantity")]


def test_year_followed_by_count_noun_is_a_count() -> None:
    q = the_quantity("officials said 1500 soldiers had fled")
    assert q.noun == "soldier"


# -- parse_value ---------------------------------------------------------------------------

VALUES = [
    ("90 mi", 90, 90, "mile", None),
    ("40,000", 40000, 40000, "dimensionless", None),
    ("forty thousand", 40000, 40000, "dimensionless", None),
    ("at least 7", 7, INF, "dimensionless", None),
    ("more than 70 percent", 70, INF, "percent", None),
    ("between 250 and 300 km", 250, 300, "kilometer", None),
    ("4 towns", 4, 4, "dimensionless", "town"),
    ("5%", 5, 5, "percent", None),
    ("3 mi", 3, 3, "mile", None),
    ("300 military advisers", 300, 300, "dimensionless", "adviser"),
    ("  62 miles\n", 62, 62, "mile", None),
    ("1500", 1500, 1500, "dimensionless", None),
    ("2014", 2014, 2014, "dimensionless", None),
    ("a dozen", 12, 12, "dimensionless", None),
    ("1 person", 1, 1, "dimensionless", "person"),
    ("20,000 people", 20000, 20000, "dimensionless", "person"),
    ("up to 300 advisers", -INF, 300, "dimensionless", "adviser"),
    ("about 90 miles", 81, 99, "mile", None),
    ("$2.5bn", 2.5e9, 2.5e9, "USD", None),
    ("hundreds of thousands", 2e5, 1e6, "dimensionless", None),
    ("4 town", 4, 4, "dimensionless", "town"),
]


@pytest.mark.parametrize(("value", "low", "high", "unit", "noun"), VALUES)
def test_parse_value(value: str, low: float, high: float, unit: str, noun: str | None) -> None:
    q = parse_value(value)
    assert q.kind == "quantity"
    assert bounds(q) == pytest.approx((low, high))
    assert q.unit == unit
    assert q.noun == noun
    assert q.text == value.strip()


BAD_VALUES = [
    ("90 mles", "unknown unit 'mles' (did you mean 'miles'?)"),
    ("90 kilomteres", "did you mean 'kilometres'?"),
    ("5 precent", "did you mean 'percent'?"),
    ("", "empty value"),
    ("   ", "empty value"),
    ("miles", "no number"),
    ("90 mi east of here", "unexpected text after the quantity"),
    ("June 10", "reads as a date"),
    ("fourth", "reads as an ordinal"),
    ("90 mi 5 km", "unexpected text after the quantity"),
    ("F-16", "reads as an identifier"),
    ("east 90 mi", "unexpected text before the number"),
]


@pytest.mark.parametrize(("value", "message"), BAD_VALUES)
def test_parse_value_errors(value: str, message: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_value(value)
    assert message in str(info.value)


def test_parse_value_towns_is_a_noun_not_a_typo_for_tons() -> None:
    assert parse_value("4 towns").noun == "town"


def test_parse_value_with_fact_file_units() -> None:
    q = parse_value("90 klicks", units={"klicks": "kilometer"})
    assert q.unit == "kilometer"


def test_parse_value_rejects_unknown_fact_file_unit() -> None:
    with pytest.raises(QuantityError, match="did you mean"):
        parse_value("90 klicks", units={"klicks": "kilometr"})


def test_parse_value_rejects_non_text() -> None:
    with pytest.raises(QuantityError):
        parse_value(90)  # type: ignore[arg-type]


# -- the documentation stays in step with the code -----------------------------------------


def _docs() -> str:
    with open("docs/quantities.md", encoding="utf-8") as fh:
        return fh.read()


def test_docs_list_every_hedge() -> None:
    from pytest_factcheck.quantities import HEDGES

    docs = _docs()
    missing = [h for h in HEDGES if f"`{h}`" not in docs]
    assert missing == []


def test_docs_list_every_curated_unit_form() -> None:
    from pytest_factcheck.units import CURATED_FORMS

    docs = _docs()
    missing = [f.surface for f in CURATED_FORMS if f"`{f.surface}`" not in docs]
    assert missing == []


def test_docs_give_the_vague_ranges_used() -> None:
    import re

    from pytest_factcheck.intervals import format_number
    from pytest_factcheck.numbers import VAGUE

    rows = {}
    for line in _docs().splitlines():
        cells = line.split("|")
        if len(cells) > 2:
            for phrase in re.findall(r"`([^`]+)`", cells[1]):
                rows.setdefault(phrase.removesuffix(" of"), cells[2].strip())
    for words, (low, high) in VAGUE.items():
        assert rows[words] == f"`[{format_number(low)}, {format_number(high)})`"
        q = the_quantity(f"{words} of people")
        assert (q.interval.low, q.interval.high) == (low, high)
        assert q.interval.high_open
