"""Mutation tests for the date and names facts: seed articles changed in memory.

Each case edits one seed article and compares the outcome of every shipped fact before and
after: an injected contradiction moves exactly its item, a consistent rewording moves none.
"""

from __future__ import annotations

import pytest
from seed_mutations import mutate, outcomes, seed, shipped_facts

from pytest_factcheck.facts import FactSet


@pytest.fixture(scope="module")
def facts() -> FactSet:
    return shipped_facts()


def changed(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    return {k: f"{before[k]}->{after[k]}" for k in before if before[k] != after[k]}


CONTRADICTIONS = [
    # a town replaced in a list
    ("000", "Qaim, Rawah, Anah and Rutba", "Qaim, Rawah, Anah and Haditha", "towns-seized-names"),
    ("003", "seized the towns of Rawa and Ana", "seized the towns of Rawa, Ana and Baiji",
     "towns-seized-names"),
    ("002", "towns of Rutba, Rawa and Ana", "towns of Rutba, Rawa and Haditha",
     "towns-seized-names"),
    # a date moved
    ("000", "Mosul, on June 10", "Mosul, on June 12", "mosul-fell"),
    ("000", "since 2006", "since 2008", "maliki-in-office-since"),
    ("003", "first became premier in 2006", "first became premier in 2010",
     "maliki-in-office-since"),
    # a weekday swapped
    ("002", "Al-Qaim border crossing on Saturday", "Al-Qaim border crossing on Friday",
     "qaim-crossing-taken"),
    ("003", "Al-Qaim border crossing on Saturday", "Al-Qaim border crossing on Sunday",
     "qaim-crossing-taken"),
]  # fmt: skip


@pytest.mark.parametrize(("article", "old", "new", "fact_id"), CONTRADICTIONS)
def test_an_injected_contradiction_fails_exactly_its_item(
    facts: FactSet, article: str, old: str, new: str, fact_id: str
) -> None:
    text = seed(article)
    before = outcomes(facts, text)
    after = outcomes(facts, mutate(text, old, new))
    assert changed(before, after) == {fact_id: "passed->failed"}


FIXES = [
    ("004", "(ISIS) on Saturday", "(ISIS) on Sunday", "rutba-rawah-anah-fell"),
    ("004", "Qaim, Rawa, Ana, and Huseiba", "Qaim, Rawa, Ana, and Rutba", "towns-seized-names"),
    ("004", "Qaim, Rawa, Ana, and Huseiba", "Qaim, Rawa and Ana", "towns-seized-names"),
]


@pytest.mark.parametrize(("article", "old", "new", "fact_id"), FIXES)
def test_correcting_a_disputed_statement_passes_its_item(
    facts: FactSet, article: str, old: str, new: str, fact_id: str
) -> None:
    text = seed(article)
    before = outcomes(facts, text)
    after = outcomes(facts, mutate(text, old, new))
    assert changed(before, after) == {fact_id: "failed->passed"}


REWORDINGS = [
    ("000", "Mosul, on June 10", "Mosul, on 10 June 2014"),
    ("000", "Mosul, on June 10", "Mosul, on Tuesday, June 10"),
    ("000", "Mosul, on June 10", "Mosul, in early June"),
    ("000", "\nJune 22, 2014\n", "\nSunday, June 22, 2014\n"),
    ("000", "Qaim, Rawah, Anah and Rutba", "Qaim, Rawah, Anah, and Rutba"),
    ("000", "Qaim, Rawah, Anah and Rutba", "Rutba, Anah, Rawah as well as al-Qaim"),
    ("000", "Qaim, Rawah, Anah and Rutba", "Qaim, Rawah and Anah"),  # a list shortened
    ("000", "since 2006", "since mid-2006"),
    ("001", "took the towns of Rawah and Anah", "took the towns of Rawah, Anah and Rutba"),
    ("002", "border crossing on Saturday, residents", "border crossing on June 21, residents"),
    ("003", "seized the towns of Rawa and Ana", "seized Rawa as well as Ana"),
    ("003", "first became premier in 2006", "first became premier in May 2006"),
]


@pytest.mark.parametrize(("article", "old", "new"), REWORDINGS)
def test_a_consistent_rewording_changes_nothing(
    facts: FactSet, article: str, old: str, new: str
) -> None:
    text = seed(article)
    assert outcomes(facts, mutate(text, old, new)) == outcomes(facts, text)


def test_a_relative_date_counts_from_the_dateline(facts: FactSet) -> None:
    text = seed("002")
    before = outcomes(facts, text)
    crossing = "Al-Qaim border crossing on Saturday"
    sunday = mutate("June 22, 2014\n\n" + text, crossing, "Al-Qaim border crossing yesterday")
    assert outcomes(facts, sunday) == before
    monday = mutate("June 23, 2014\n\n" + text, crossing, "Al-Qaim border crossing yesterday")
    assert changed(before, outcomes(facts, monday)) == {"qaim-crossing-taken": "passed->failed"}


@pytest.mark.parametrize(
    ("published", "outcome"),
    [("2014-06-22", "passed"), ("2014-06-27", "passed"), ("2014-06-30", "failed")],
)
def test_a_weekday_counts_from_the_front_matter(
    facts: FactSet, published: str, outcome: str
) -> None:
    # Saturday in the week up to the 22nd or the 27th is the 21st; up to the 30th, the 28th.
    text = f"---\ndate: {published}\n---\n" + seed("003")
    result = outcomes(facts, text, "article.md")
    assert result["qaim-crossing-taken"] == outcome
    assert {k: v for k, v in result.items() if k != "qaim-crossing-taken"} == {
        k: v for k, v in outcomes(facts, seed("003")).items() if k != "qaim-crossing-taken"
    }
