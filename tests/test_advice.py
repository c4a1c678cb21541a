"""Warnings in the header and the summary: a too-broad cue, a redefined unit, a fact no
article of the run mentions. They never change outcomes or the exit status."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from pytest_factcheck import cli

if TYPE_CHECKING:
    from conftest import MakeProject

FACTS = """\
units:
  mi: nautical_mile
facts:
  - id: ferry-crossing-distance
    subject: Skerry Sound
    cue: crossing
    value: 12 mi
  - id: league-title-margin
    subject: Harlow Town
    cue: the
    value: 9 points
  - id: volcano-ash-height
    subject: Mount Arven
    cue: ash column
    value: 11 km
"""

ARTICLES = {
    "ferry.txt": "The Skerry Sound crossing is 12 miles long.\n",
    "football.md": "Harlow Town won the league by nine points on Saturday.\n",
}

XDIST = [pytest.param([], id="serial"), pytest.param(["-n", "2"], id="xdist")]


@pytest.fixture
def project(factcheck_project: MakeProject) -> pytest.Pytester:
    return factcheck_project(FACTS, ARTICLES)


@pytest.mark.parametrize("extra", XDIST)
def test_warnings_in_the_header_and_the_summary(project: pytest.Pytester, extra: list[str]) -> None:
    result = project.runpytest("--factcheck", "news/", *extra)
    # What the warning is about: 'mi' now means nautical miles, so "12 miles" contradicts.
    # Pairs that cannot apply are not items (omit); the grid still counts them.
    result.assert_outcomes(passed=1, failed=1, skipped=0)
    assert result.ret == pytest.ExitCode.TESTS_FAILED  # warnings leave the status alone
    redefined = (
        "factcheck: warning: facts/facts.yaml:2:3: units: 'mi' redefines the unit table's "
        "'mi' (mile) as nautical_mile, in every article"
    )
    broad = (
        "factcheck: warning: facts/facts.yaml:10:10: league-title-margin: cue 'the' matches "
        "* of 20 ordinary sentences, so it marks no statement in particular; make it more "
        "specific"
    )
    unmentioned = (
        "factcheck: warning: facts/facts.yaml:12:5: volcano-ash-height: mentioned in no "
        "article of this run (2 articles)"
    )
    # Header: before anything is collected.
    result.stdout.fnmatch_lines(["factcheck: 3 facts from facts/facts.yaml", redefined, broad])
    # Summary: after the grid, with the fact nothing mentioned.
    result.stdout.fnmatch_lines(
        [
            "*= factcheck =*",
            "3 facts × 2 articles: ✓ passed 1, ✗ failed 1, · not mentioned 4",
            redefined,
            broad,
            unmentioned,
        ]
    )
    # Only the unmentioned fact is reported as such.
    result.stdout.no_fnmatch_line("*ferry-crossing-distance: mentioned in no article*")
    result.stdout.no_fnmatch_line("*league-title-margin: mentioned in no article*")


def test_no_warnings_for_a_clean_run(factcheck_project: MakeProject) -> None:
    facts = FACTS.replace("units:\n  mi: nautical_mile\n", "").replace("cue: the\n", "cue: won\n")
    project = factcheck_project(facts, ARTICLES)
    project.path.joinpath("news", "volcano.txt").write_text(
        "The ash column above Mount Arven reached 11 km.\n", encoding="utf-8"
    )
    result = project.runpytest("--factcheck", "news/")
    result.assert_outcomes(passed=3, skipped=0)
    result.stdout.fnmatch_lines(["3 facts × 3 articles: ✓ passed 3, · not mentioned 6"])
    result.stdout.no_fnmatch_line("*factcheck: warning*")


def test_check_prints_the_file_warnings_and_exits_0(
    project: pytest.Pytester, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.path)
    status = cli.main(["check"])
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out[0].startswith("warning: facts/facts.yaml:2:3: units: 'mi' redefines")
    assert out[1].startswith("warning: facts/facts.yaml:10:10: league-title-margin: cue 'the'")
    assert out[2] == "3 good facts in 1 fact file; no problems"
