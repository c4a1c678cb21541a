"""Numbers as news writes them: digits, words, scale words, fractions, vague plurals."""

from __future__ import annotations

import pytest

from pytest_factcheck.numbers import parse_digits, parse_number, read_number

NUMBERS = [
    ("0", 0),
    ("7", 7),
    ("0.7", 0.7),
    ("40,000", 40000),
    ("1,200.5", 1200.5),
    ("1,234,567", 1234567),
    ("2014", 2014),
    ("1.2 million", 1.2e6),
    ("3 billion", 3e9),
    ("40 thousand", 4e4),
    ("2.5bn", 2.5e9),
    ("4 trillion", 4e12),
    ("one", 1),
    ("four", 4),
    ("twelve", 12),
    ("nineteen", 19),
    ("twenty", 20),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("ninety-nine", 99),
    ("a hundred", 100),
    ("one hundred", 100),
    ("two hundred and fifty", 250),
    ("two hundred fifty", 250),
    ("forty thousand", 4e4),
    ("forty-five thousand", 45000),
    ("a thousand", 1000),
    ("a million", 1e6),
    ("a billion", 1e9),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a million", 5e5),
    ("half a dozen", 6),
    ("one and a half", 1.5),
    ("two and a half", 2.5),
    ("one and a half million", 1.5e6),
    ("one thousand and one", 1001),
    ("one million two hundred thousand", 1.2e6),
    ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999999),
    ("Four", 4),
    ("TWENTY-ONE", 21),
    ("a quarter of a million", 250000),
    ("two-thirds of a million", 2e6 / 3),
    ("2½", 2.5),
    ("½", 0.5),
    ("10¾", 10.75),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


NOT_NUMBERS = ["", "a", "an", "and", "one two", "hundred", "thousand", "the", "1,2", "x7", "fourth"]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("two-thirds of", "proportion", 2 / 3),
        ("a third of", "proportion", 1 / 3),
        ("half of", "proportion", 0.5),
        ("three quarters of", "proportion", 0.75),
        ("fourth town", "ordinal", 4),
        ("second-largest", "ordinal", 2),
        ("twenty-first century", "ordinal", 21),
        ("first", "ordinal", 1),
    ],
)
def test_kinds(text: str, kind: str, value: float) -> None:
    r = read_number(text, 0)
    assert r is not None
    assert r.kind == kind
    assert r.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high", "end"),
    [
        ("dozens of", 24, 100, 6),
        ("hundreds", 200, 1000, 8),
        ("thousands of people", 2000, 10000, 9),
        ("tens of thousands of", 2e4, 1e5, 17),
        ("hundreds of thousands", 2e5, 1e6, 21),
        ("millions", 2e6, 1e9, 8),
        ("tens of millions", 2e7, 1e8, 16),
        ("billions", 2e9, 1e12, 8),
        ("several hundred", 200, 1000, 15),
        ("a few thousand", 2000, 10000, 14),
        ("several million", 2e6, 1e9, 15),
        ("a few billion", 2e9, 1e12, 13),
        ("several dozen", 24, 100, 13),
    ],
)
def test_vague(text: str, low: float, high: float, end: int) -> None:
    r = read_number(text, 0)
    assert r is not None
    assert r.kind == "vague"
    assert (r.low, r.high, r.end) == (low, high, end)


def test_money_abbreviations_need_money() -> None:
    money = read_number("3m", 0, money=True)
    plain = read_number("3m", 0)
    assert money is not None and money.value == 3e6 and money.end == 2
    assert plain is not None and plain.value == 3 and plain.end == 1


def test_reading_stops_at_the_number() -> None:
    r = read_number("four towns in two days", 0)
    assert r is not None and (r.value, r.end) == (4, 4)
    r = read_number("one of three", 0)
    assert r is not None and (r.value, r.end) == (1, 3)
    r = read_number("twenty-one-year-old", 0)
    assert r is not None and (r.value, r.end) == (21, 10)


def test_scale_is_reported() -> None:
    r = read_number("3 million", 0)
    assert r is not None and r.scale == 1e6
    r = read_number("three million", 0)
    assert r is not None and r.scale == 1e6
    r = read_number("3", 0)
    assert r is not None and r.scale == 1


def test_plain_digits_flag() -> None:
    r = read_number("2014", 0)
    assert r is not None and r.plain and r.digits
    r = read_number("2,014", 0)
    assert r is not None and not r.plain


@pytest.mark.parametrize(
    ("text", "value"), [("1,200", 1200.0), ("1200", 1200.0), ("0.5", 0.5), ("1,20", None)]
)
def test_parse_digits(text: str, value: float | None) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["several trillion", "several", "a few", "a few people"])
def test_several_without_a_vague_range(text: str) -> None:
    assert read_number(text, 0) is None


def test_read_number_past_the_end() -> None:
    assert read_number("abc", 3) is None
    assert read_number("", 0) is None
