"""``factcheck_unmentioned``: ``omit`` and ``skip`` agree pair by pair, end to end, and
pytest's selection options work on the collected items."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest
from test_prefilter import FACTS, SENTENCES

if TYPE_CHECKING:
    from conftest import MakeProject


def outcomes(pytester: pytest.Pytester, *args: str) -> dict[str, tuple[str, str]]:
    """Node id -> (outcome, skip reason) of every fact item of an in-process run."""
    recorder = pytester.inline_run("--factcheck", "news/", *args)
    found: dict[str, tuple[str, str]] = {}
    for report in recorder.getreports("pytest_runtest_logreport"):
        if report.when == "call" or (report.when == "setup" and not report.passed):
            reason = report.longrepr[2].removeprefix("Skipped: ") if report.skipped else ""
            found[report.nodeid] = (report.outcome, reason)
    return found


def section(pytester: pytest.Pytester, mode: str) -> list[str]:
    """The factcheck section of a run with every fact and article shown."""
    result = pytester.runpytest(
        "--factcheck", "news/", "-v", "-p", "no:xdist", "-o", f"factcheck_unmentioned={mode}"
    )
    lines = result.outlines
    start = next(i for i, line in enumerate(lines) if "= factcheck =" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("=="))
    return lines[start:end]


@pytest.mark.parametrize("seed", range(3))
def test_omit_and_skip_agree_on_every_pair(factcheck_project: MakeProject, seed: int) -> None:
    rng = random.Random(seed)
    articles = {
        f"{n:02d}.txt": "\n\n".join(rng.choices(SENTENCES, k=rng.randint(0, 6))) + "\n"
        for n in range(12)
    }
    project = factcheck_project(FACTS, articles)
    omit = outcomes(project)
    skip = outcomes(project, "-o", "factcheck_unmentioned=skip")
    assert len(skip) == 12 * 9  # 9 facts, a date and a names fact among them
    assert omit, "some pair applies"
    grids = [section(project, mode) for mode in ("omit", "skip")]
    assert grids[0] == grids[1]
    for nodeid, outcome in skip.items():
        if nodeid in omit:
            assert omit[nodeid] == outcome, nodeid
            assert outcome[1] != "not mentioned", nodeid
        else:
            assert outcome in {("skipped", "not mentioned"), ("skipped", "empty article")}


FACTS_MARKETS = """\
facts:
  - id: gold-price-rise
    cue: gold
    value: 2 percent
  - id: oil-price-fall
    cue: oil
    value: 3 percent
    tags: [energy]
  - id: listed-companies
    value: 12 companies
"""

MARKETS = {
    "a.txt": "Gold rose 2 percent. Oil fell 3 percent.\n",
    "b.txt": "Gold rose 5 percent. Oil fell 9 percent.\n",
    "c.txt": "The exchange listed 12 companies.\n",
    "d.txt": "A quiet day on the floor.\n",
}


def test_exitfirst_stops_at_the_first_collected_failure(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS_MARKETS, MARKETS)
    result = project.runpytest("--factcheck", "news/", "-x", "-p", "no:xdist")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(['news/b.txt:1:11: gold-price-rise: article says "5 percent"*'])


def test_last_failed_reruns_the_failed_pairs_only(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS_MARKETS, MARKETS)
    first = project.runpytest("--factcheck", "news/", "-p", "no:xdist", "-p", "cacheprovider")
    first.assert_outcomes(passed=3, failed=2)
    again = project.runpytest("--factcheck", "news/", "--lf", "-p", "no:xdist")
    again.assert_outcomes(failed=2)
    # --lf does not even collect the other articles; the grid covers the one it read.
    again.stdout.fnmatch_lines(["3 facts × 1 article: ✗ failed 2, · not mentioned 1"])


def test_marker_selection_counts_the_selected_facts_only(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS_MARKETS, MARKETS)
    result = project.runpytest("--factcheck", "news/", "-m", "energy", "-p", "no:xdist")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["1 fact × 2 articles: ✓ passed 1, ✗ failed 1"])


def test_no_fact_at_all_prints_no_grid(factcheck_project: MakeProject) -> None:
    project = factcheck_project("facts: []\n", MARKETS)
    result = project.runpytest("--factcheck", "news/", "-p", "no:xdist")
    result.stdout.no_fnmatch_line("*= factcheck =*")
    assert result.ret == pytest.ExitCode.OK  # articles were read; nothing contradicts
