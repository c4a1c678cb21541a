"""The prefilter: what each fact needs, one scan for all facts, and never a changed outcome."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import FactSet
from pytest_factcheck.match import SKIPPED, applies, check, index_article
from pytest_factcheck.names import Entity
from pytest_factcheck.prefilter import Prefilter, needs, subject_literals
from pytest_factcheck.units import noun_prefix

FACTS = """\
entities:
  São Paulo: [Sao Paulo, SP]
  Real Madrid: [Madrid]
  Oslo: []
  Nasdaq:
    spellings: [NASDAQ]
  Kyiv:
    spellings: [Kiev]
    fuzzy: 1
  Bergen: []
  Tromsø: [Tromso]
facts:
  - id: sao-paulo-rainfall
    subject: São Paulo
    cue: rain(?:fall)?
    value: 240 mm
  - id: madrid-goals
    subject: Real Madrid
    cue: goals?|scored
    value: 3 goals
  - id: oslo-temperature
    subject: Oslo
    cue: temperature|degrees
    value: 21 degC
  - id: nasdaq-shares
    subject: Nasdaq
    value: 12 companies
  - id: kyiv-marathon
    subject: Kyiv
    cue: runners
    value: 9000 runners
  - id: turnout
    cue: turnout
    value: 64 percent
  - id: cities
    value: 5 cities
  - id: bergen-line-opened
    subject: Bergen
    cue: opened
    date: 2024-06-10
  - id: ferry-ports
    names: [Bergen, Tromsø]
"""


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> FactSet:
    path = tmp_path_factory.mktemp("facts") / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    loaded = load_facts([path])
    assert not loaded.problems
    return loaded


def by_id(facts: FactSet) -> dict[str, object]:
    return {fact.id: fact for fact in facts.facts}


@pytest.mark.parametrize(
    ("noun", "prefix"),
    [("town", "town"), ("city", "cit"), ("person", "pe"), ("woman", "wom"), ("leaf", "lea")],
)
def test_noun_prefix_starts_every_form(noun: str, prefix: str) -> None:
    assert noun_prefix(noun) == prefix


def test_what_each_fact_needs(facts: FactSet) -> None:
    got = {fact.id: [sorted(group) for group in needs(fact)] for fact in facts.facts}
    assert got == {
        "sao-paulo-rainfall": [["rain"]],  # "SP" is too short to scan for: no subject need
        "madrid-goals": [["madrid"], ["goal", "scored"]],
        "oslo-temperature": [["oslo"], ["degrees", "temperature"]],
        "nasdaq-shares": [["nasdaq"], ["compan"]],  # "company" and "companies"
        "kyiv-marathon": [["kiev", "kyiv"], ["runners"]],  # too short to match fuzzily
        "turnout": [["turnout"]],
        "cities": [["cit"]],
        "bergen-line-opened": [["bergen"], ["opened"]],
        "ferry-ports": [["bergen", "tromso", "tromsø"]],  # no cue: any name of the list
    }


def test_subject_words_split_at_spaces_and_apostrophes() -> None:
    assert subject_literals(Entity("Côte d'Ivoire", ("Ivory Coast",))) == {"ivoire", "ivory"}
    assert subject_literals(Entity("Oslo")) == {"oslo"}
    assert subject_literals(Entity("Kyiv", fuzzy=1)) == {"kyiv"}  # too short to be fuzzy
    assert subject_literals(Entity("Kharkiv", fuzzy=1)) is None  # "Kharkov" matches too
    assert subject_literals(Entity("Oslo", ("UN",))) is None  # "UN" is too short to scan


def test_candidates_need_every_group(facts: FactSet) -> None:
    prefilter = Prefilter(facts.facts)
    ids = lambda text: [f.id for f in prefilter.candidates(text)]  # noqa: E731
    assert ids("Real Madrid scored twice.") == ["madrid-goals"]
    assert ids("MADRID: three GOALS") == ["madrid-goals"]  # the scan ignores case
    assert ids("Oslo had snow.") == []
    assert ids("Oslo had rain.") == ["sao-paulo-rainfall"]  # its subject needs no word
    assert ids("In Kiev, 9,000 runners.") == ["kyiv-marathon"]
    assert ids("Five cities voted; turnout was 64%.") == ["turnout", "cities"]
    assert ids("Bergen opened the line on June 10.") == ["bergen-line-opened", "ferry-ports"]
    assert ids("Ferries left Tromso.") == ["ferry-ports"]


def parse(text: str, facts: FactSet) -> object:
    return index_article(parse_article(text, "a.txt"), extra_units=facts.units)


SENTENCES = [
    "Real Madrid scored three goals in Lisbon.",
    "Madrid fans counted 4 goals.",
    "Rain in São Paulo reached 240 mm on Monday.",
    "Sao Paulo saw 300 mm of rainfall, officials said.",
    "Oslo hit a temperature of 21 degrees.",
    "Temperatures in Oslo stayed mild.",
    "The Nasdaq listed 12 companies, up from 10 companies.",
    "In Kyiv, 9,000 runners took part.",
    "Kiev's marathon drew 8,500 runners.",
    "Turnout was 64 percent, or 71 percent in cities.",
    "Five cities and 3 towns joined.",
    "Nothing here counts anything.",
    "The price of gold rose 2 percent.",
    "Bergen opened the new line on June 10, 2024.",
    "The line opened in Bergen last week.",
    "Ferries sail from Bergen and Tromsø.",
    "Tromso opened a port in 2023.",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=st.lists(st.sampled_from(SENTENCES), max_size=8), breaks=st.data())
def test_left_out_pairs_are_exactly_not_mentioned(
    facts: FactSet, sentences: list[str], breaks: st.DataObject
) -> None:
    """What ``omit`` leaves out ``skip`` reports as not mentioned; what ``omit`` collects
    ends the same in both, since both run the same check."""
    joints = [breaks.draw(st.sampled_from([" ", "\n", "\n\n"])) for _ in sentences]
    text = "".join(s + j for s, j in zip(sentences, joints, strict=True))
    index = parse(text, facts)
    prefilter = Prefilter(facts.facts)
    candidates = {fact.id for fact in prefilter.candidates(text)}
    for fact in facts.facts:
        can_apply = applies(fact, index)
        verdict = check(fact, index)
        if verdict.outcome != SKIPPED:
            assert can_apply, (fact.id, text)
        if can_apply:
            # The scan is a necessary condition: it never drops a pair that applies.
            assert fact.id in candidates, (fact.id, text)
