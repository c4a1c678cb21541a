"""Choosing the mention: the quantity nearest the cue that can state the fact."""

from __future__ import annotations

import pytest

from pytest_factcheck.articles import parse_article
from pytest_factcheck.errors import Location
from pytest_factcheck.facts import Fact
from pytest_factcheck.match import check, index_article
from pytest_factcheck.names import Entity
from pytest_factcheck.quantities import parse_value


def fact(value: str, cue: str | None = None, subject: str | None = None, **kw: object) -> Fact:
    return Fact(
        id="f",
        location=Location("facts.yaml", 1),
        value=parse_value(value),
        value_text=value,
        cue=cue,
        subject=Entity(subject) if subject else None,
        **kw,  # type: ignore[arg-type]
    )


def mentions(f: Fact, text: str) -> list[str]:
    index = index_article(parse_article(text, "a.txt"))
    return [m.quantity.text for m in check(f, index).mentions]


@pytest.mark.parametrize(
    ("value", "cue", "text", "expected"),
    [
        # The nearest quantity of the fact's dimension, before or after the cue.
        ("62 mi", "west of", "Huseiba, 400 km away, lies 62 miles west of Baghdad.", ["62 miles"]),
        ("8", "wounded", "A bomb killed six people and wounded eight.", ["eight"]),
        ("6 people", "killed", "A bomb killed six people and wounded eight.", ["six people"]),
        # A bare number next to the cue may state a count of people ...
        ("40,000 people", "population", "It has a population of 40,000.", ["40,000"]),
        # ... but a count of something else is never taken, nor a farther bare number
        # that belongs to another statement.
        ("4 towns", "seized", "They seized 21 people and four towns.", ["four towns"]),
        ("4 towns", "seized", "They seized 21 people.", []),
        (
            "30,000 Iraqis",
            "displaced",
            "It has 40,000 residents and absorbed 20,000 people displaced by fighting.",
            [],
        ),
        # Other dimensions are invisible to the fact.
        ("2 days", "towns?", "They took four towns in two days.", ["two days"]),
        ("more than 70 percent", "controls", "ISIS controls 3 towns and 75% of Anbar.", ["75%"]),
        # A restatement comes with the quantity it restates.
        (
            "90 mi",
            "east of",
            "Rutba, about 90 miles (150 kilometers) east of Jordan.",
            ["about 90 miles", "150 kilometers"],
        ),
        # Without a cue, every count of the fact's noun is a mention.
        ("4 towns", None, "Four towns fell; two towns held.", ["Four towns", "two towns"]),
    ],
)
def test_the_mention_chosen(value: str, cue: str | None, text: str, expected: list[str]) -> None:
    assert mentions(fact(value, cue), text) == expected


@pytest.mark.parametrize(
    ("scope", "text", "found"),
    [
        ("sentence", "Rutba fell. It lies 90 miles east of Jordan.", False),
        ("paragraph", "Rutba fell. It lies 90 miles east of Jordan.", True),
        ("paragraph", "Rutba fell.\n\nIt lies 90 miles east of Jordan.", False),
        ("article", "Rutba fell.\n\nIt lies 90 miles east of Jordan.", True),
        # Named after the cue, in the same paragraph: still in scope.
        ("paragraph", "It lies 90 miles east of Jordan. Rutba fell.", True),
        ("paragraph", "It lies 90 miles east of Jordan.\n\nRutba fell.", False),
    ],
)
def test_subject_scope(scope: str, text: str, found: bool) -> None:
    f = fact("90 mi", "east of", "Rutba", scope=scope)
    assert bool(mentions(f, text)) is found


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Rutba is 100 kilometres east of Jordan.", "failed"),  # 62 mi
        ("Rutba is 145 kilometres east of Jordan.", "passed"),  # 90.1 mi
        ("Rutba is 150 kilometres east of Jordan.", "passed"),  # 88.5–97.9 mi with slack
        ("Rutba is 180 kilometres east of Jordan.", "failed"),
        ("Rutba is nearly 100 miles east of Jordan.", "passed"),  # 90–100 mi
        ("Rutba is more than 100 miles east of Jordan.", "failed"),
    ],
)
def test_consistency_with_conversion_and_hedges(text: str, outcome: str) -> None:
    f = fact("90 mi", "east of", tolerance_relative=0.0)
    assert check(f, index_article(parse_article(text, "a.txt"))).outcome == outcome
