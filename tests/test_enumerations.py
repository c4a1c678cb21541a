"""Enumerations of proper names: which spans are lists, and which names they hold."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.enumerations import find_enumerations


def lists(text: str, known: Sequence[str] = ()) -> list[list[str]]:
    spans = []
    for name in known:
        at = text.index(name)
        spans.append((at, at + len(name)))
    return [[text[a:b] for a, b in e.members] for e in find_enumerations(text, known=spans)]


CASES = [
    ("ISIS militants have seized Qaim, Rawa, Ana, and Huseiba, tightening their grip.",
     [["Qaim", "Rawa", "Ana", "Huseiba"]]),
    ("Qaim, Rawah, Anah and Rutba became the first towns seized.",
     [["Qaim", "Rawah", "Anah", "Rutba"]]),
    ("Rain is forecast for the cities of Lyon, Nantes and Lille on Monday.",
     [["Lyon", "Nantes", "Lille"]]),
    ("The board now has Alice Moreau, Tomas Berg and Carol de la Cruz as directors.",
     [["Alice Moreau", "Tomas Berg", "Carol de la Cruz"]]),
    ("The semi-finalists are Sinner, Alcaraz, Zverev, and Medvedev.",
     [["Sinner", "Alcaraz", "Zverev", "Medvedev"]]),
    ("Investors sold Bank of America as well as Wells Fargo.",
     [["Bank of America", "Wells Fargo"]]),
    ("Flooding closed schools in Leeds as well as York and Hull.", [["Leeds", "York", "Hull"]]),
    ("The towns of Rawa and Ana fell after the crossing at al-Qaim.", [["Rawa", "Ana"]]),
    ("Fans from Al-Ahly and Zamalek marched.", [["Al-Ahly", "Zamalek"]]),
    ("Nvidia’s and AMD’s chips sold out.", []),  # possessives: not a list of names
    ("In Paris, Berlin and Rome, prices rose.", [["Paris", "Berlin", "Rome"]]),
    ("Baghdad, Iraq, is hot.", []),  # an apposition, not a list
    ("The capture of Qaim and ISIS solidifying its control worried Baghdad.", []),
    ("Madrid and Lisbon, Porto and Seville", [["Madrid", "Lisbon"], ["Porto", "Seville"]]),
    ("The Wolves and the Hawks won.", []),  # "the" between: no list of names
    ("Militants took Qaim, Rawa, Ana, and the border town of Huseiba.",
     [["Qaim", "Rawa", "Ana", "Huseiba"]]),
    ("Oslo and Bergen, along with Trondheim, voted.", [["Oslo", "Bergen", "Trondheim"]]),
    ("Prices rose in Lagos plus Abuja.", [["Lagos", "Abuja"]]),
    ("Snow closed Davos, Arosa and nearby Lenzerheide.", [["Davos", "Arosa", "Lenzerheide"]]),
    ("Snow closed Davos, Arosa — and Lenzerheide.", [["Davos", "Arosa", "Lenzerheide"]]),
    ("The fund bought Tesla and sold Ford.", []),  # a verb between: two clauses
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_enumerations(text: str, expected: list[list[str]]) -> None:
    assert lists(text) == expected


def test_known_names_stay_whole() -> None:
    text = "Talks included the Islamic State of Iraq and the Levant, Hamas and Hezbollah."
    assert lists(text, ["Islamic State of Iraq and the Levant"]) == [
        ["Islamic State of Iraq and the Levant", "Hamas", "Hezbollah"]
    ]


NAMES = st.sampled_from(
    ["Lyon", "Nantes", "Lille", "Sadr City", "Al-Qaim", "Bank of England", "Mosul", "Kyiv"]
)


@given(st.lists(NAMES, min_size=2, max_size=6, unique=True), st.booleans(), st.booleans())
def test_any_written_list_reads_back(names: list[str], serial: bool, well: bool) -> None:
    conjunction = "as well as" if well else "and"
    comma = "," if serial and len(names) > 2 else ""
    written = ", ".join(names[:-1]) + f"{comma} {conjunction} {names[-1]}"
    assert lists(f"Storms hit {written} overnight.") == [names]
