"""Records built from the checker's objects: positions, byte columns, and cue-only spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.articles import parse_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import Fact
from pytest_factcheck.html_report import render
from pytest_factcheck.match import check, index_article
from pytest_factcheck.outcomes import (
    CONTRADICTS,
    CUE_ONLY,
    FAILED,
    NOT_MENTIONED,
    SKIPPED,
    Results,
)
from pytest_factcheck.recording import MAX_CUE_RECORDS, pair_outcome

FACTS = """\
facts:
  - id: glacier-retreat
    subject: Aletsch
    cue: retreat(ed)?
    value: 3 km
    scope: sentence
"""


@pytest.fixture
def fact(tmp_path: Path) -> Fact:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    (loaded,) = load_facts([path]).facts
    return loaded


def test_a_contradiction_records_character_and_byte_columns(fact: Fact) -> None:
    text = "Glaciers\n\nThe Aletsch glacier — Europe’s largest — retreated 5 km since 1850.\n"
    index = index_article(parse_article(text, "news/ice.txt"))
    verdict = check(fact, index)
    outcome = pair_outcome(fact, "news/ice.txt", FAILED, verdict=verdict, index=index)
    (mention,) = outcome.mentions
    assert (outcome.line, outcome.col) == (3, 52)
    assert mention.verdict == CONTRADICTS and mention.text == "5 km"
    assert (mention.line, mention.col, mention.end_line, mention.end_col) == (3, 52, 3, 56)
    # — is 3 bytes (twice) and ’ is 3 bytes: 6 more bytes than characters before it.
    assert (mention.byte_col, mention.end_byte_col) == (58, 62)
    line = text.splitlines()[2].encode()
    assert line[mention.byte_col - 1 : mention.end_byte_col - 1] == b"5 km"
    assert text[mention.start : mention.end] == "5 km"
    assert outcome.fact.where == f"{fact.location.path}:{fact.location.line}"


def test_a_skipped_pair_records_where_its_cue_occurs_in_scope(fact: Fact, tmp_path: Path) -> None:
    text = "The Aletsch glacier retreated sharply this summer.\n\nOther glaciers retreated too.\n"
    index = index_article(parse_article(text, "news/ice.txt"))
    outcome = pair_outcome(
        fact,
        "news/ice.txt",
        NOT_MENTIONED,  # what a run's report of this skip stands for in the grid
        message="cue found, no comparable quantity",
        verdict=check(fact, index),
        index=index,
    )
    # Only the sentence naming the subject (scope: sentence) counts.
    (cue,) = outcome.mentions
    assert cue.verdict == CUE_ONLY and cue.text == "retreated" and (cue.line, cue.col) == (1, 21)
    assert (outcome.line, outcome.col) == (1, 21)
    results = Results()
    results.outcomes[outcome.key] = outcome
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ice.txt").write_text(text, encoding="utf-8")
    page = "".join(render(results, tmp_path))
    assert '<mark class="cue" tabindex="0" data-facts="glacier-retreat">retreated<span' in page
    assert 'glacier-retreat: <span class="v-cue">cue found, no comparable value</span>' in page
    assert "skipped: cue found, no comparable quantity" in page


def test_cue_records_are_capped(fact: Fact) -> None:
    text = "Aletsch retreated. " * (MAX_CUE_RECORDS + 5)
    index = index_article(parse_article(text, "news/ice.txt"))
    outcome = pair_outcome(
        fact,
        "news/ice.txt",
        SKIPPED,
        message="cue found, no comparable quantity",
        verdict=check(fact, index),
        index=index,
    )
    assert len(outcome.mentions) == MAX_CUE_RECORDS
    assert all(m.verdict == CUE_ONLY for m in outcome.mentions)


def test_a_pair_that_is_not_mentioned_records_no_cue(fact: Fact) -> None:
    # Only skipped pairs look for their cue again: not-mentioned ones are most of a run.
    index = index_article(parse_article("Aletsch retreated.", "news/ice.txt"))
    outcome = pair_outcome(
        fact, "news/ice.txt", NOT_MENTIONED, verdict=check(fact, index), index=index
    )
    assert outcome.mentions == ()


def test_date_and_names_mentions_record_their_reading(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        """\
facts:
  - id: semi-finalists
    cue: semi-finals?
    names: [Alcaraz, Sinner, Zverev, Ruud]
  - id: final-day
    cue: final was played
    date: 2026-06-07
""",
        encoding="utf-8",
    )
    names, day = sorted(load_facts([path]).facts, key=lambda f: f.id != "semi-finalists")
    text = (
        "The semi-finals brought together Alcaraz, Sinner, Zverev and Rune.\n\n"
        "The final was played on June 9, 2026.\n"
    )
    index = index_article(parse_article(text, "a.txt"))
    for fact, expected in (
        (names, "Alcaraz, Sinner, Zverev, Rune: Rune is not one of them; Ruud is not named"),
        (day, "2026-06-09"),
    ):
        verdict = check(fact, index)
        record = pair_outcome(fact, "a.txt", FAILED, verdict=verdict, index=index)
        (mention,) = record.mentions
        assert mention.verdict == CONTRADICTS
        assert expected in mention.reading
        assert "∞" not in mention.reading


def test_a_run_marks_the_cue_of_a_pair_with_no_comparable_value(pytester: pytest.Pytester) -> None:
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "towns.yaml").write_text(
        "facts:\n  - id: towns-seized\n    cue: seized\n    value: 4 towns\n", encoding="utf-8"
    )
    (pytester.path / "news").mkdir()
    (pytester.path / "news" / "raid.txt").write_text(
        "Rebels seized 3 villages near the border.\n", encoding="utf-8"
    )
    result = pytester.runpytest_subprocess("--factcheck", "news/", "--factcheck-html=r.html", "-rs")
    result.stdout.fnmatch_lines(["*cue found, no comparable quantity*"])
    page = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert '<mark class="cue" tabindex="0" data-facts="towns-seized">seized' in page
