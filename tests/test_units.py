"""The unit table, dimensions, conversion, symbols, unit expressions and noun folding."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pytest_factcheck import units as u
from pytest_factcheck.errors import QuantityError
from pytest_factcheck.intervals import Interval


def test_importing_units_does_not_import_pint() -> None:
    code = (
        "import sys, pytest_factcheck.units, pytest_factcheck.quantities, pytest_factcheck.cli;"
        "print('pint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("mile", "kilometer", True),
        ("mile", "foot", True),
        ("kilometer ** 2", "hectare", True),
        ("mile ** 2", "acre", True),
        ("liter", "gallon", True),
        ("oil_barrel", "liter", True),
        ("kilogram", "ton", True),
        ("metric_ton", "pound", True),
        ("day", "year", True),
        ("mile / hour", "kilometer / hour", True),
        ("knot", "mile / hour", True),
        ("degree_Celsius", "degree_Fahrenheit", True),
        ("megawatt", "watt", True),
        ("USD", "USD", True),
        ("percent", "percent", True),
        ("dimensionless", "dimensionless", True),
        ("dimensionless", "percent", False),
        ("percent", "percentage_point", False),
        ("USD", "EUR", False),
        ("GBP", "dimensionless", False),
        ("mile", "kilometer ** 2", False),
        ("mile", "day", False),
        ("degree", "dimensionless", False),
        ("degree", "degree_Celsius", False),
        ("kilogram", "liter", False),
    ],
)
def test_dimension_keys(a: str, b: str, same: bool) -> None:
    assert (u.dimension(a) == u.dimension(b)) is same


def test_dimension_of_unknown_unit() -> None:
    with pytest.raises(QuantityError):
        u.dimension("zorkmid")


@pytest.mark.parametrize(
    ("value", "a", "b", "expected"),
    [
        (1, "mile", "kilometer", 1.609344),
        (90, "mile", "kilometer", 144.84096),
        (1, "kilometer ** 2", "hectare", 100),
        (1, "oil_barrel", "gallon", 42),
        (100, "degree_Celsius", "degree_Fahrenheit", 212),
        (32, "degree_Fahrenheit", "degree_Celsius", 0),
        (1, "day", "hour", 24),
        (1, "knot", "kilometer / hour", 1.852),
        (1, "metric_ton", "kilogram", 1000),
        (50, "percent", "percent", 50),
    ],
)
def test_convert_value(value: float, a: str, b: str, expected: float) -> None:
    assert u.convert_value(value, a, b) == pytest.approx(expected)


def test_convert_interval_keeps_open_ends_and_infinity() -> None:
    got = u.convert(Interval(62, float("inf"), low_open=True), "mile", "kilometer")
    assert got.low == pytest.approx(99.779328)
    assert got.high == float("inf")
    assert got.low_open and not got.high_open


def test_convert_temperature_interval() -> None:
    got = u.convert(Interval(-40, 100), "degree_Celsius", "degree_Fahrenheit")
    assert (got.low, got.high) == pytest.approx((-40, 212))


@pytest.mark.parametrize(
    ("a", "b"), [("mile", "day"), ("USD", "EUR"), ("percent", "dimensionless")]
)
def test_convert_incompatible(a: str, b: str) -> None:
    with pytest.raises(ValueError):
        u.convert(Interval(1, 2), a, b)


@pytest.mark.parametrize(
    ("unit", "sym"),
    [
        ("mile", "mi"),
        ("kilometer", "km"),
        ("percent", "%"),
        ("degree_Celsius", "°C"),
        ("USD", "$"),
        ("EUR", "€"),
        ("GBP", "£"),
        ("dimensionless", ""),
        ("kilometer ** 2", "km²"),
        ("mile / hour", "mph"),
    ],
)
def test_symbol(unit: str, sym: str) -> None:
    assert u.symbol(unit) == sym


def test_symbol_falls_back_to_pint() -> None:
    assert u.symbol("watt") == "W"
    assert u.symbol("not a unit") == "not a unit"


@pytest.mark.parametrize(
    ("expr", "canonical"),
    [
        ("kilometer", "kilometer"),
        ("km", "kilometer"),
        ("barrel / day", "barrel / day"),
        ("mile/hour", "mile / hour"),
        ("USD", "USD"),
        ("percentage_point", "percentage_point"),
    ],
)
def test_check_unit_expression(expr: str, canonical: str) -> None:
    assert u.check_unit_expression(expr) == canonical


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("kilometr", "did you mean 'kilometer'?"),
        ("", "empty unit"),
        ("zzqx", "unknown unit 'zzqx'"),
    ],
)
def test_check_unit_expression_errors(expr: str, message: str) -> None:
    with pytest.raises(QuantityError) as info:
        u.check_unit_expression(expr)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("towns", "town"),
        ("town", "town"),
        ("Towns", "town"),
        ("people", "person"),
        ("cities", "city"),
        ("trucks", "truck"),
        ("advisers", "adviser"),
        ("militiamen", "militiaman"),
        ("women", "woman"),
        ("children", "child"),
        ("crossings", "crossing"),
        ("churches", "church"),
        ("boxes", "box"),
        ("crises", "crisis"),
        ("crisis", "crisis"),
        ("status", "status"),
        ("politics", "politics"),
        ("Iraqis", "iraqi"),
        ("Sunnis", "sunni"),
        ("troops", "troop"),
        ("glass", "glass"),
        ("news", "news"),
    ],
)
def test_fold_noun(word: str, noun: str) -> None:
    assert u.fold_noun(word) == noun


@pytest.mark.parametrize(
    ("word", "near"),
    [
        ("mles", "miles"),
        ("kilomteres", "kilometres"),
        ("precent", "percent"),
        ("hectars", "hectares"),
    ],
)
def test_near_unit_typos(word: str, near: str) -> None:
    assert u.near_unit(word) == near


@pytest.mark.parametrize("word", ["towns", "rounds", "people", "trucks", "advisers", "miles"])
def test_near_unit_real_words(word: str) -> None:
    assert u.near_unit(word) is None


def test_table_forms_map_to_known_units() -> None:
    for unit in {f.unit for f in u.UNIT_FORMS}:
        u.dimension(unit)  # raises for a unit pint does not know


def test_in_at_a_are_never_units() -> None:
    surfaces = {f.surface.lower() for f in u.UNIT_FORMS}
    assert not {"in", "at", "a", "an"} & surfaces


def test_unit_pattern_respects_word_boundaries() -> None:
    pat = u.unit_pattern()
    assert pat.match("mid") is None
    assert pat.match("miles").group() == "miles"  # type: ignore[union-attr]
    assert pat.match("sq km").group() == "sq km"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "unit", "end"),
    [
        ("miles east", "mile", 5),
        ("Miles", "mile", 5),
        ("per  cent of", "percent", 9),
        ("m high", "meter", 1),
        ("M high", None, 0),
        ("MW plant", "megawatt", 2),
        ("mw plant", None, 0),
        ("°C", "degree_Celsius", 2),
        ("km/h", "kilometer / hour", 4),
        ("in the", None, 0),
        ("at the", None, 0),
        ("minutes", "minute", 7),
        ("mint", None, 0),
    ],
)
def test_match_unit(text: str, unit: str | None, end: int) -> None:
    found = u.match_unit(text, 0)
    if unit is None:
        assert found is None
    else:
        assert found is not None
        assert (found[0].unit, found[1]) == (unit, end)


def test_match_unit_extra_forms_win() -> None:
    found = u.match_unit("miles", 0, {"miles": "nautical_mile"})
    assert found is not None and found[0].unit == "nautical_mile"
    found = u.match_unit("klicks", 0, {"klicks": "kilometer"})
    assert found is not None and found[0].unit == "kilometer"


def test_registry_is_built_once() -> None:
    assert u.registry() is u.registry()
