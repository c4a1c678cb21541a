"""The generated unit and currency vocabulary: fresh, filtered, and read as written."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck import unit_vocabulary as vocab
from pytest_factcheck import units as u
from pytest_factcheck.quantities import extract

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_unit_vocabulary.py"


def _installed(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def test_generated_module_matches_a_fresh_generation() -> None:
    """The committed module is what the generator writes from today's CLDR and pint."""
    for name in ("babel", "pint", "wordfreq"):
        if _installed(name) != vocab.SOURCES[name]:
            pytest.skip(
                f"{name} {_installed(name)} installed, the module was generated from "
                f"{vocab.SOURCES[name]}: regenerate it and review the difference"
            )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_generated_module_imports_without_babel_or_pint() -> None:
    spec = importlib.util.find_spec("pytest_factcheck.unit_vocabulary")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text("utf-8")
    assert "import babel" not in source and "import pint" not in source


# Ordinary English words that pint or CLDR call units; prose never means them so.
COMMON_WORDS = ["in", "at", "a", "are", "point", "bar", "stone", "cup", "hand", "count", "pair"]


@pytest.mark.parametrize("word", COMMON_WORDS)
def test_common_words_are_not_units(word: str) -> None:
    [q] = [q for q in extract(f"They counted 12 {word} the place.") if q.kind == "quantity"]
    assert q.unit == "dimensionless"
    assert q.text == "12"


@pytest.mark.parametrize("word", ["barns", "rods", "grains", "pixels", "gills"])
def test_ordinary_plurals_are_counted_not_measured(word: str) -> None:
    [q] = [q for q in extract(f"The storm hit 12 {word} overnight.") if q.kind == "quantity"]
    assert (q.unit, q.noun) == ("dimensionless", word[:-1])


def _generated_rows() -> list[tuple[str, str, int]]:
    """Generated rows that the curated table does not take over."""
    curated = {(f.surface.lower(), f.case_sensitive) for f in u.CURATED_FORMS}
    curated_keys = {f.surface.lower() for f in u.CURATED_FORMS}
    rows = []
    for surface, unit, flags in vocab.UNITS:
        if surface.lower() in curated_keys or (surface.lower(), bool(flags & 1)) in curated:
            continue
        if surface[0].isdigit() or surface.endswith((".",)):
            continue
        rows.append((surface, unit, flags))
    return rows


GENERATED = _generated_rows()


def _expected(surface: str) -> str:
    found = u.match_unit(surface, 0)
    assert found is not None, surface
    return found[0].unit


@settings(max_examples=300, deadline=None)
@given(row=st.sampled_from(GENERATED), value=st.integers(min_value=2, max_value=9999))
def test_a_unit_in_any_cldr_or_pint_form_reads_as_that_unit(
    row: tuple[str, str, int], value: int
) -> None:
    surface, unit, flags = row
    gap = "" if flags & 2 else " "
    text = f"The figure was {value:,}{gap}{surface} on Monday."
    qs = [q for q in extract(text) if q.kind == "quantity"]
    assert qs, text
    assert qs[0].unit == _expected(surface), text
    assert u.dimension(qs[0].unit) == u.dimension(unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The supercar's 640bhp engine", "horsepower"),
        ("a 185-hp four-cylinder", "horsepower"),
        ("the phone ships with 512GB of storage", "gigabyte"),
        ("a 1Gb chip, not a 1GB one", "gigabit"),
        ("the hybrid returns 52 mpg on the motorway", "mile / gallon"),
        ("a 5,000mAh battery", "milliampere_hour"),
        ("torque rises to 400 Nm", "meter * newton"),
        ("and 295 lb-ft of torque", "foot * force_pound"),
        ("pressure fell to 960 mb overnight", "millibar"),
        ("the fridge holds 20 cu ft of food", "foot ** 3"),
        ("a 12 fl oz can", "fluid_ounce"),
        ("the plant will add 2.5 TWh to the grid", "terawatt_hour"),
        ("radiation peaked at 3.2 mSv", "millisievert"),
        ("the chip runs at 3.4 GHz", "gigahertz"),
        ("a 150 PS diesel", "metric_horsepower"),
        ("ozone at 70 ppm", "ppm"),
        ("tyres at 32 psi", "pound_force_per_square_inch"),
        ("the 8,000 rpm redline", "revolutions_per_minute"),
        ("a 48-megapixel camera", "megapixel"),
    ],
)
def test_news_unit_forms(text: str, unit: str) -> None:
    [q] = [q for q in extract(text) if q.kind == "quantity"][:1]
    assert q.unit == unit, (text, q)
