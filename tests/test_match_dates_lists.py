"""Matching date and names facts: which date or list states the fact, and the verdict."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import Fact
from pytest_factcheck.match import check, index_article


def load(tmp_path: Path, body: str, entities: str = "") -> Fact:
    path = tmp_path / "f.yaml"
    path.write_text(f"entities:\n{entities or '  X: []'}\nfacts:\n{body}", encoding="utf-8")
    loaded = load_facts([path])
    assert not loaded.problems, [str(p) for p in loaded.problems]
    (fact,) = loaded.facts
    return fact


def verdict(fact: Fact, text: str, name: str = "a.txt") -> tuple[str, list[tuple[str, bool]]]:
    result = check(fact, index_article(parse_article(text, name)))
    return result.outcome, [(m.quantity.text, m.consistent) for m in result.mentions]


MATCH_DAY = """\
  - id: final-played
    subject: Wembley
    cue: \\b(?:played|held|staged)\\b
    date: 2024-06-01
"""

DATE_CASES = [
    # With a dateline (Monday 3 June 2024), weekdays count back from it.
    ("June 3, 2024\n\nThe final was played at Wembley on Saturday.\n",
     ("passed", [("Saturday", True)])),
    ("June 3, 2024\n\nThe final was played at Wembley on Sunday.\n",
     ("failed", [("Sunday", False)])),
    ("June 3, 2024\n\nThe final was played at Wembley two days ago, on Saturday.\n",
     ("passed", [("two days ago", True)])),
    # Without an article date, a weekday compares by weekday: 2024-06-01 was a Saturday.
    ("The final was played at Wembley on Saturday.\n", ("passed", [("Saturday", True)])),
    ("The final was played at Wembley on Friday.\n", ("failed", [("Friday", False)])),
    # Absolute dates; a year-less one takes the article's year, or any year.
    ("The final was played at Wembley on June 1.\n", ("passed", [("June 1", True)])),
    ("The final was played at Wembley on 2 June 2024.\n", ("failed", [("2 June 2024", False)])),
    ("May 20, 2025\n\nThe final was played at Wembley on June 1.\n",
     ("failed", [("June 1", False)])),
    ("The final was held at Wembley in early June.\n", ("passed", [("early June", True)])),
    ("The final was held at Wembley in late June.\n", ("failed", [("late June", False)])),
    # Relative dates need the article's date.
    ("June 2, 2024\n\nThe final was played at Wembley yesterday.\n",
     ("passed", [("yesterday", True)])),
    ("June 4, 2024\n\nThe final was played at Wembley yesterday.\n",
     ("failed", [("yesterday", False)])),
    ("The final was played at Wembley yesterday.\n", ("skipped", [])),
    # The date of another clause is not the fact's: "after" starts a clause of its own.
    ("The final was played at Wembley after fans queued on Friday.\n", ("skipped", [])),
    # ... but "after June 1" is the date's own preposition.
    ("The final was played at Wembley, not before June 1.\n", ("passed", [("June 1", True)])),
    # Two dates in the clause: the one nearest the subject.
    ("The semi was played in Munich on May 25 and the final at Wembley on June 1.\n",
     ("passed", [("June 1", True)])),
    # No date at all.
    ("The final was played at Wembley.\n", ("skipped", [])),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_date_facts(tmp_path: Path, text: str, expected: tuple[str, list[object]]) -> None:
    assert verdict(load(tmp_path, MATCH_DAY), text) == expected


def test_front_matter_gives_a_markdown_article_its_date(tmp_path: Path) -> None:
    fact = load(tmp_path, MATCH_DAY)
    text = "---\ndate: 2024-06-03\n---\nThe final was played at Wembley on Saturday.\n"
    assert verdict(fact, text, "a.md") == ("passed", [("Saturday", True)])
    text = "---\ndate: 2024-06-06\n---\nThe final was played at Wembley on Sunday.\n"
    assert verdict(fact, text, "a.md") == ("failed", [("Sunday", False)])


def test_a_range_fact(tmp_path: Path) -> None:
    fact = load(
        tmp_path,
        "  - id: summit\n    cue: summit\n    date: 2023-11-06..2023-11-08\n",
    )
    assert verdict(fact, "The summit opened on November 7, 2023.\n")[0] == "passed"
    assert verdict(fact, "The summit opened on November 9, 2023.\n")[0] == "failed"
    assert verdict(fact, "The summit ran November 5-6, 2023.\n")[0] == "passed"
    assert verdict(fact, "The summit was held in 2023.\n")[0] == "passed"
    assert verdict(fact, "The summit was held in 2022.\n")[0] == "failed"


SEMIS = """\
  - id: semi-finalists
    cue: semi-?finals?
    names: [Sinner, Alcaraz, Zverev, Medvedev]
"""

LIST_CASES = [
    ("The semi-finalists are Sinner, Alcaraz, Zverev, and Medvedev.",
     ("passed", [("Sinner, Alcaraz, Zverev, and Medvedev", True)])),
    ("Sinner and Alcaraz reached the semi-finals.",
     ("passed", [("Sinner and Alcaraz", True)])),
    ("The semi-finals pit Sinner, Alcaraz, Zverev and Rune.",
     ("failed", [("Sinner, Alcaraz, Zverev and Rune", False)])),
    ("Djokovic and Nadal reached the semi-finals.", ("skipped", [])),  # none of the names
    ("Sinner, Alcaraz and Zverev won; Rune lost in the semi-finals.",
     ("passed", [("Sinner, Alcaraz and Zverev", True)])),
    ("Sinner beat Rune in the quarter-finals.", ("skipped", [])),  # no cue
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LIST_CASES)
def test_names_facts(tmp_path: Path, text: str, expected: tuple[str, list[object]]) -> None:
    assert verdict(load(tmp_path, SEMIS), text + "\n") == expected


def test_names_resolve_through_entity_spellings(tmp_path: Path) -> None:
    fact = load(
        tmp_path,
        "  - id: towns\n    names: [Qaim, Rawah, Anah, Rutba]\n",
        '  Qaim: {spellings: ["Qa\'im"], al: true}\n  Rawah: [Rawa]\n  Anah: [Ana]\n'
        "  Rutba: [Rutbah]\n",
    )
    # Without a cue, the names themselves anchor the fact.
    assert verdict(fact, "Militants took al-Qaim, Rawa and Ana.\n") == (
        "passed",
        [("al-Qaim, Rawa and Ana", True)],
    )
    assert verdict(fact, "Militants took Al Qaim, Rawa, Ana and Huseiba.\n")[0] == "failed"


def test_a_names_failure_says_what_is_extra_and_missing(tmp_path: Path) -> None:
    from pytest_factcheck.report import first_line

    fact = load(
        tmp_path,
        "  - id: towns\n    cue: seized\n    names: [Qaim, Rawah, Anah, Rutba]\n",
        "  Qaim: {al: true}\n  Rawah: [Rawa]\n  Anah: [Ana]\n",
    )
    index = index_article(parse_article("They seized Qaim, Rawa, Ana, and Huseiba.\n", "a.txt"))
    result = check(fact, index)
    assert first_line(fact, result, index) == (
        "a.txt:1:13: towns: article lists Qaim, Rawa, Ana, Huseiba; fact says Qaim, Rawah, "
        "Anah, Rutba: Huseiba is not one of them; Rutba is not named"
    )


FELL = "  - id: bridge-closed\n    subject: Kessel Bridge\n    cue: closed\n    date: 2024-01-14\n"

OWNERS = [
    # 2024-01-14 was a Sunday: the clause with another name owns its own date.
    ("Kessel Bridge closed on Sunday, a day after Aller Tunnel closed on Saturday.",
     ("passed", [("Sunday", True)])),
    ("Aller Tunnel closed on Saturday, while Kessel Bridge closed on Sunday.",
     ("passed", [("Sunday", True)])),
    ("Kessel Bridge, which carries the ring road, closed on Sunday.",
     ("passed", [("Sunday", True)])),
    ("On Saturday, Kessel Bridge closed.", ("failed", [("Saturday", False)])),
    # One verb for two lists, each closed by its own date: the subject's list owns it.
    ("Crews closed Aller Tunnel on Saturday and Kessel Bridge and Mill Lane on Sunday.",
     ("passed", [("Sunday", True)])),
    ("Crews closed Aller Tunnel on Saturday and Kessel Bridge and Mill Lane on Monday.",
     ("failed", [("Monday", False)])),
    ("Crews closed Kessel Bridge on Sunday and Aller Tunnel on Saturday.",
     ("passed", [("Sunday", True)])),
    ("Engineers said Kessel Bridge, which Harlow Council closed on Saturday, is safe.",
     ("failed", [("Saturday", False)])),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OWNERS)
def test_a_date_belongs_to_the_name_in_its_clause(
    tmp_path: Path, text: str, expected: tuple[str, list[object]]
) -> None:
    assert verdict(load(tmp_path, FELL), text + "\n") == expected


def test_a_member_may_carry_its_kind_of_place(tmp_path: Path) -> None:
    fact = load(tmp_path, "  - id: d\n    cue: flooded\n    names: [Hull, York, Leeds]\n")
    assert verdict(fact, "Rivers flooded Hull, York District and Leeds City.\n")[0] == "passed"
    assert verdict(fact, "Rivers flooded Hull, York and Selby District.\n")[0] == "failed"
    assert verdict(fact, "Rivers flooded Hull and Yorkshire.\n")[0] == "failed"


CITIES = ["Lyon", "Nantes", "Lille", "Rennes", "Dijon"]
OTHERS = ["Metz", "Brest", "Nice"]


@given(
    st.lists(st.sampled_from(CITIES), min_size=2, max_size=5, unique=True),
    st.lists(st.sampled_from(OTHERS), max_size=2, unique=True),
    st.randoms(use_true_random=False),
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
def test_a_list_agrees_exactly_when_every_name_is_a_member(
    tmp_path: Path, members: list[str], others: list[str], rng: random.Random
) -> None:
    fact = load(tmp_path, "  - id: c\n    cue: storms?\n    names: [" + ", ".join(CITIES) + "]\n")
    names = members + others
    rng.shuffle(names)
    written = ", ".join(names[:-1]) + f" and {names[-1]}"
    outcome, mentions = verdict(fact, f"Storms hit {written} overnight.\n")
    assert outcome == ("failed" if others else "passed")
    assert mentions == [(written, not others)]


def test_each_cue_match_states_the_list_nearest_it(tmp_path: Path) -> None:
    fact = load(tmp_path, "  - id: d\n    cue: closed|shut\n    names: [Hull, York, Leeds]\n")
    text = "Floods closed Hull and York, and residents fled to Leeds and Selby.\n"
    assert verdict(fact, text) == ("passed", [("Hull and York", True)])
    text = "Floods closed Hull and York on Monday and shut Leeds and Selby on Tuesday.\n"
    assert verdict(fact, text) == (
        "failed",
        [("Hull and York", True), ("Leeds and Selby", False)],
    )


FESTIVAL = (
    "  - id: fest\n    subject: Brightfield\n    cue: festival\n    date: 2023-07-21..2023-07-22\n"
)

CLAUSES = [
    ("July 21–22 saw the Brightfield festival draw crowds.", ("passed", [("July 21–22", True)])),
    ("Towns such as Brightfield held a festival on July 22.", ("passed", [("July 22", True)])),
    ("Brightfield held its festival, as well as a fair, on July 25.",
     ("failed", [("July 25", False)])),
    ("Brightfield held its festival as planned — the fair was on July 25.", ("skipped", [])),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_clause_words_that_do_not_cut(
    tmp_path: Path, text: str, expected: tuple[str, list[object]]
) -> None:
    assert verdict(load(tmp_path, FESTIVAL), text + "\n") == expected


def test_a_list_continued_by_words_of_sequence_is_the_same_statement(tmp_path: Path) -> None:
    fact = load(tmp_path, "  - id: d\n    cue: closed\n    names: [Hull, York, Leeds]\n")
    for text in (
        "Floods closed Hull and York, then Leeds and Selby.\n",
        "Floods closed Hull and York on Monday, and Leeds and Selby on Tuesday.\n",
        "Floods closed Hull and York on Monday and closed Leeds and Selby on Tuesday.\n",
        "Hull and York closed on Monday and Leeds and Selby on Tuesday.\n",
    ):
        assert verdict(fact, text) == (
            "failed",
            [("Hull and York", True), ("Leeds and Selby", False)],
        )
    text = "Floods closed Hull and York on Monday, and people fled to Leeds and Selby.\n"
    assert verdict(fact, text) == ("passed", [("Hull and York", True)])
