"""Mutation tests: change the seed articles at test time and watch exactly one item move.

Every case edits one seed article in memory and compares the outcome of every shipped fact
on it before and after, with the same code path the plugin runs.
"""

from __future__ import annotations

import pytest
from seed_mutations import mutate, outcomes, seed, shipped_facts

from pytest_factcheck.facts import FactSet


@pytest.fixture(scope="module")
def facts() -> FactSet:
    return shipped_facts()


CONTRADICTIONS = [
    ("000", "about 90 miles (150 kilometers)", "about 190 miles (300 kilometers)",
     "rutba-distance-to-jordan"),
    ("000", "population of 40,000", "population of 55,000", "rutba-population"),
    ("000", "absorbed 20,000 people", "absorbed 35,000 people", "rutba-displaced-arrivals"),
    ("000", "seized four towns", "seized six towns", "towns-seized"),
    ("000", "four towns in two days", "four towns in five days", "towns-seized-in-days"),
    ("000", "killed at least seven people", "killed three people", "tikrit-air-strike-deaths"),
    ("001", "just 90 miles east", "just 120 miles east", "rutba-distance-to-jordan"),
    ("001", "300 military advisers", "500 military advisers", "us-military-advisers"),
    ("001", "over a million", "nearly half a million", "refugees-this-year"),
    ("002", "more than 70 percent", "about 40 percent", "anbar-under-isis-control"),
    ("002", "about 40 ISIL trucks", "about 90 ISIL trucks", "isis-trucks-at-qaim"),
    ("003", "killed six people", "killed nine people", "ramadi-bombing-deaths"),
    ("003", "wounded eight", "wounded 15", "ramadi-bombing-wounded"),
    ("003", "gunned down 21 local leaders", "gunned down 12 local leaders",
     "rawah-anah-leaders-killed"),
    ("003", "one of three official", "one of five official", "syria-border-crossings"),
    ("003", "killed 21 people", "killed 40 people", "militants-killed-in-western-iraq"),
    ("003", "displaced hundreds of thousands", "displaced thousands", "displaced-by-insurgency"),
    ("004", "62 miles west", "120 miles west", "huseiba-distance-to-baghdad"),
    ("004", "62 miles west", "62 kilometres west", "huseiba-distance-to-baghdad"),
    ("004", "30 Iraqi troops dead", "13 Iraqi troops dead", "qaim-troops-killed"),
    ("004", "around 20,000 in the Sadr City", "around 50,000 in the Sadr City",
     "sadr-city-parade-size"),
]  # fmt: skip


@pytest.mark.parametrize(("article", "old", "new", "fact_id"), CONTRADICTIONS)
def test_a_changed_quantity_fails_exactly_its_item(
    facts: FactSet, article: str, old: str, new: str, fact_id: str
) -> None:
    text = seed(article)
    before = outcomes(facts, text)
    after = outcomes(facts, mutate(text, old, new))
    assert before[fact_id] == "passed"
    assert after[fact_id] == "failed"
    assert {k for k in before if before[k] != after[k]} == {fact_id}


REWORDINGS = [
    ("000", "about 90 miles (150 kilometers)", "roughly 90 miles (150 kilometers)"),
    ("000", "about 90 miles (150 kilometers)", "approximately 145 kilometres"),
    ("000", "population of 40,000", "population of forty thousand"),
    ("000", "absorbed 20,000 people", "absorbed twenty thousand people"),
    ("000", "seized four towns", "seized 4 towns"),
    ("000", "killed at least seven people", "killed no fewer than 7 people"),
    ("001", "just 90 miles east", "just 145 kilometers east"),
    ("001", "300 military advisers", "three hundred military advisers"),
    ("001", "over a million", "more than 1 million"),
    ("002", "more than 70 percent", "over 70%"),
    ("002", "more than 70 percent", "more than 70 per cent"),
    ("002", "about 40 ISIL trucks", "around forty ISIL trucks"),
    ("003", "killed six people and wounded eight", "killed 6 people and wounded 8"),
    ("003", "gunned down 21 local leaders", "gunned down twenty-one local leaders"),
    ("004", "62 miles west", "100 kilometres west"),
    ("004", "62 miles west", "sixty-two miles west"),
    ("004", "30 Iraqi troops dead", "thirty Iraqi troops dead"),
    ("004", "around 20,000 in the Sadr City", "roughly 20,000 in the Sadr City"),
]


@pytest.mark.parametrize(("article", "old", "new"), REWORDINGS)
def test_a_consistent_rewording_changes_nothing(
    facts: FactSet, article: str, old: str, new: str
) -> None:
    text = seed(article)
    assert outcomes(facts, mutate(text, old, new)) == outcomes(facts, text)


UNRELATED = [
    ("004", "Huseiba, lies 62 miles", "Huseiba, a town of 12,000 people, lies 62 miles"),
    ("000", "The town has a population", "The town, 3 miles from the highway, has a population"),
    ("002", "70 percent of Anbar,", "70 percent of Anbar, a province of 1.5 million people,"),
    ("003", "and wounded eight", "and wounded eight in 2 hours"),
    ("001", "300 military advisers", "300 military advisers and 12 helicopters"),
]


@pytest.mark.parametrize(("article", "old", "new"), UNRELATED)
def test_an_unrelated_quantity_nearby_changes_nothing(
    facts: FactSet, article: str, old: str, new: str
) -> None:
    text = seed(article)
    assert outcomes(facts, mutate(text, old, new)) == outcomes(facts, text)


# The last column: other items the change moves, with their new outcome (a town renamed
# everywhere also changes the list of towns that fell).
SUBJECTS = [
    ("004", "Huseiba", "Haditha", {"huseiba-distance-to-baghdad"}, {}),
    ("000", "Rutba", "Haditha",
     {"rutba-distance-to-jordan", "rutba-population", "rutba-displaced-arrivals"},
     {"towns-seized-names": "failed"}),
    ("003", "Ramadi", "Baiji", {"ramadi-bombing-deaths", "ramadi-bombing-wounded"}, {}),
    ("002", "Anbar", "Nineveh", {"anbar-under-isis-control", "anbar-control-sources"}, {}),
]  # fmt: skip


@pytest.mark.parametrize(("article", "old", "new", "fact_ids", "also"), SUBJECTS)
def test_another_subject_skips_the_item(
    facts: FactSet, article: str, old: str, new: str, fact_ids: set[str], also: dict[str, str]
) -> None:
    text = seed(article)
    before = outcomes(facts, text)
    after = outcomes(facts, text.replace(old, new))
    assert all(before[f] == "passed" and after[f] == "skipped" for f in fact_ids)
    assert {k: after[k] for k in before if before[k] != after[k] and k not in fact_ids} == also
