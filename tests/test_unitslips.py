"""A unit written wrong in a fact value is an error with a "did you mean", never silently a
count noun; a real count noun is never mistaken for one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck import units
from pytest_factcheck.errors import QuantityError
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.quantities import parse_value
from pytest_factcheck.unitslips import unit_slip

# The fact file may teach the table a unit: the check follows it.
EXTRA = {"mpg": "mile / gallon", "USD": "USD"}

SLIPS = [
    # rule: a plural or a case the unit does not take
    ("12 feets", "feets", "feet"),
    ("4 kgs", "kgs", "kg"),
    ("130 mpgs", "mpgs", "mpg"),
    ("4.2 billion USDs", "USDs", "USD"),
    # rule: a sound-alike letter
    ("12 kilometrez", "kilometrez", "kilometres"),  # "celcius" is now a curated form
    ("2 hourz", "hourz", "hours"),
    ("-3 fahrenhiet", "fahrenhiet", None),  # two swapped letters: the reader's own check
    # rule: a doubled letter
    ("42 killometres", "killometres", "kilometres"),
    ("250 gramms", "gramms", "grams"),
    ("30 knotts", "knotts", "knots"),
]

NOUNS = [
    "4 towns",
    "20,000 people",
    "300 military advisers",
    "12 points",
    "15 decrees",
    "12 rounds",
    "3 wickets",
    "11 goals",
    "8 seats",
    "24 cases",
    "5 Cs",
    "6 innings",
]


@pytest.mark.parametrize(("value", "word", "meant"), SLIPS)
def test_a_unit_written_wrong_is_named_with_what_was_meant(
    value: str, word: str, meant: str | None
) -> None:
    if meant is None:
        with pytest.raises(QuantityError, match=f"unknown unit '{word}'"):
            parse_value(value, units=EXTRA)
        return
    assert unit_slip(value, extra=EXTRA) == f"unknown unit {word!r} (did you mean {meant!r}?)"


@pytest.mark.parametrize("value", NOUNS)
def test_a_count_noun_is_left_alone(value: str) -> None:
    assert unit_slip(value, extra=EXTRA) is None
    assert parse_value(value).noun is not None


def test_without_the_unit_in_the_table_a_plural_stays_a_noun() -> None:
    # "chain" is no unit until a fact file says so; then "chains" would be one and
    # "chaines" is reported. ("furlong" was the example before the CLDR table had it.)
    assert unit_slip("7 chaines") is None
    assert unit_slip("7 chaines", extra={"chain": "chain"}) == (
        "unknown unit 'chaines' (did you mean 'chain'?)"
    )


def test_a_curated_misspelling_is_read_as_the_unit() -> None:
    assert parse_value("12 celcius").unit == "degree_Celsius"


def _unit_words() -> list[str]:
    words = sorted(
        {w for s in units.all_surfaces() for w in s.split() if w.isalpha() and len(w) >= 4}
    )
    return [w for w in words if _reads_as_unit(f"12 {w}")]


def _reads_as_unit(value: str) -> bool:
    """True when the reader takes ``value`` as a unit (not a count noun, nor a scale word
    such as ``million``); a word it refuses itself (a slip of a longer unit, with its own
    "did you mean") is no unit word to mutate."""
    try:
        quantity = parse_value(value)
    except QuantityError:
        return False
    return quantity.noun is None and quantity.unit != units.DIMENSIONLESS


UNIT_WORDS = _unit_words()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(UNIT_WORDS), st.data())
def test_a_doubled_letter_in_a_unit_never_becomes_a_count_noun(
    word: str, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(word) - 1))
    slipped = word[: i + 1] + word[i] + word[i + 1 :]
    value = f"12 {slipped}"
    try:
        quantity = parse_value(value)
    except QuantityError:
        return  # refused by the reader itself
    if quantity.noun is not None:
        assert unit_slip(value) is not None, value


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(UNIT_WORDS), st.sampled_from(["s", "es"]))
def test_a_unit_with_a_plural_ending_it_does_not_take_is_never_a_count_noun(
    word: str, ending: str
) -> None:
    value = f"12 {word}{ending}"
    try:
        quantity = parse_value(value)
    except QuantityError:
        return
    if quantity.noun is not None:
        assert unit_slip(value) is not None, value


def test_the_loader_reports_it_located_and_does_not_run_the_fact(tmp_path: Path) -> None:
    facts = tmp_path / "tech.yaml"
    facts.write_text(
        "units:\n  mpg: mile / gallon\n"
        "facts:\n"
        "  - id: hatchback-economy\n    cue: economy\n    value: 52 mpgs\n"
        "  - id: server-racks\n    cue: racks\n    value: 40 racks\n",
        encoding="utf-8",
    )
    loaded = load_facts([facts], display=lambda p: p.name)
    assert [str(p) for p in loaded.problems] == [
        "tech.yaml:6:12: hatchback-economy: value '52 mpgs' does not parse: "
        "unknown unit 'mpgs' (did you mean 'mpg'?)"
    ]
    assert [f.id for f in loaded.facts] == ["server-racks"]
