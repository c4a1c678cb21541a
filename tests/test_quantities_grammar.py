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
    ("The deal is worth US$ 1MM a year.", "US$ 1MM", 1e6, 1e6, "USD"),
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
