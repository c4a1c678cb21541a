"""End to end: date and names facts in pytest sessions, with every source of an article's date."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import MakeProject

# A weather desk: the storm made landfall on Saturday 14 September 2024, at three towns.
FACTS = """\
entities:
  Port Aster: [Port-Aster]
  Selby Cove: []
  Danby: []
facts:
  - id: landfall-day
    claim: Storm Elna made landfall on Saturday, September 14, 2024
    subject: Elna
    cue: landfall
    date: 2024-09-14
  - id: towns-flooded
    claim: Floods reached Port Aster, Selby Cove and Danby
    cue: flood
    names: [Port Aster, Selby Cove, Danby]
"""

ARTICLES = {
    # Front matter dated Monday 16th: "Saturday" is the 14th.
    "a_front.md": (
        "---\ntitle: Elna\ndate: 2024-09-16\n---\n\n# Elna\n\n"
        "Storm Elna made landfall on Saturday near the coast.\n\n"
        "Floods reached Port-Aster and Selby Cove.\n"
    ),
    # A dateline, Sunday 15th: "yesterday" is the 14th; the list adds a town.
    "b_dateline.txt": (
        "Coastal storms\n\nSeptember 15, 2024\n\n"
        "Storm Elna made landfall yesterday.\n\n"
        "Floods reached Port Aster, Danby and Kelso.\n"
    ),
    # Dated by articles.yaml (Monday 16th): "Sunday" is the 15th, a contradiction.
    "c_index.txt": "Storm Elna made landfall on Sunday, officials said.\n",
    # No date anywhere: "Saturday" compares by weekday and agrees.
    "d_undated.txt": "Storm Elna made landfall on Saturday.\n",
}
INDEX = "c_index.txt:\n  date: 2024-09-16\n  outlet: Coast Ledger\n"


@pytest.fixture
def project(factcheck_project: MakeProject) -> pytest.Pytester:
    pytester = factcheck_project(FACTS, ARTICLES)
    (pytester.path / "news" / "articles.yaml").write_text(INDEX, encoding="utf-8")
    return pytester


def test_outcomes_and_first_lines(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-v", "--junitxml=report.xml")
    # Under the default factcheck_unmentioned = omit, towns-flooded is no item of c_index.txt
    # or d_undated.txt (no "flood" there); the grid still counts both as not mentioned.
    result.assert_outcomes(passed=4, failed=2, skipped=0)
    result.stdout.fnmatch_lines(
        [
            "news/a_front.md::landfall-day PASSED*",
            "news/a_front.md::towns-flooded PASSED*",
            "news/b_dateline.txt::landfall-day PASSED*",
            "news/b_dateline.txt::towns-flooded FAILED*",
            "news/c_index.txt::landfall-day FAILED*",
            "news/d_undated.txt::landfall-day PASSED*",
        ]
    )
    result.stdout.no_fnmatch_line("*::towns-flooded SKIPPED*")
    result.stdout.fnmatch_lines(["2 facts × 4 articles: ✓ passed 4, ✗ failed 2, · not mentioned 2"])
    result.stdout.fnmatch_lines(
        [
            "news/b_dateline.txt:7:16: towns-flooded: article lists Port Aster, Danby, Kelso; "
            "fact says Port Aster, Selby Cove, Danby: Kelso is not one of them; "
            "Selby Cove is not named",
            'news/c_index.txt:1:29: landfall-day: article says "Sunday" (Sunday 2024-09-15, '
            "counted from the article's date 2024-09-16 (articles.yaml)); "
            "fact says 2024-09-14 (Saturday)",
        ]
    )
    root = ET.parse(project.path / "report.xml").getroot()
    messages = {
        case.get("name"): failure.get("message", "")
        for case in root.iter("testcase")
        for failure in case.iter("failure")
    }
    assert messages["landfall-day"].startswith("news/c_index.txt:1:29: landfall-day:")
    assert messages["towns-flooded"].startswith("news/b_dateline.txt:7:16: towns-flooded:")


def test_the_grid_counts_date_and_names_facts(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-v")
    result.stdout.fnmatch_lines(["landfall-day * ✓ * ✓ * ✗ * ✓ * 3 * 1 * 0"])


def test_a_bad_index_entry_is_a_located_error(project: pytest.Pytester) -> None:
    (project.path / "news" / "articles.yaml").write_text(
        "c_index.txt:\n  date: next week\n", encoding="utf-8"
    )
    result = project.runpytest("--factcheck", "news/")
    result.stdout.fnmatch_lines(
        [
            "*ERROR at call of news/articles.yaml::load (articles index)*",
            "news/articles.yaml:2:9: date 'next week' is not a full date; write 2014-06-22 or*",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    # Without its index date, c_index.txt compares by weekday: Sunday is still no Saturday.
    # towns-flooded is no item where "flood" does not occur (omit): two pairs not mentioned.
    result.assert_outcomes(passed=4, failed=2, skipped=0, errors=1)
    result.stdout.fnmatch_lines(["*: ✓ passed 4, ✗ failed 2, · not mentioned 2"])
    result.stdout.fnmatch_lines(['*landfall-day: article says "Sunday" (any Sunday: *'])


def test_bad_date_and_names_facts_are_located_errors(factcheck_project: MakeProject) -> None:
    pytester = factcheck_project(
        FACTS
        + """\
  - id: no-such-day
    cue: landfall
    date: 2024-02-30
  - id: both-kinds
    cue: landfall
    value: 3
    date: 2024
  - id: date-without-cue
    date: 2024-09
  - id: misspelt-member
    names: [Port Aster, Dandy]
  - id: names-not-a-list
    names: Danby
""",
        {"a.txt": "Storm Elna made landfall on Saturday.\n"},
    )
    result = pytester.runpytest("--factcheck", "news/")
    result.stdout.fnmatch_lines(
        [
            "facts/facts.yaml:17:11: no-such-day: date '2024-02-30' does not parse: "
            "there is no day 2024-02-30",
            "facts/facts.yaml:21:5: both-kinds: a fact states exactly one of value, date, "
            "names; this one has 'value' and 'date'",
            "facts/facts.yaml:22:5: date-without-cue: a date fact needs a 'cue' to find where "
            "an article states it",
            "facts/facts.yaml:25:25: misspelt-member: name 'Dandy' is not a known entity "
            "(did you mean 'Danby'?); to match it as written, add it under 'entities:'",
            "facts/facts.yaml:27:12: names-not-a-list: names must be a list of names, such as "
            "[Qaim, Rawah, Anah, Rutba], not a string",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    # towns-flooded: no "flood" in a.txt, so no item under omit; the grid counts it.
    result.assert_outcomes(passed=1, skipped=0, errors=1)
    result.stdout.fnmatch_lines(["*: ✓ passed 1, · not mentioned 1"])


def test_dates_command(pytester: pytest.Pytester) -> None:
    article = pytester.path / "a.txt"
    article.write_text(ARTICLES["b_dateline.txt"], encoding="utf-8")
    result = pytester.run(sys.executable, "-m", "pytest_factcheck", "dates", str(article))
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            f"{article}: article date 2024-09-15 (dateline)",
            f"{article}:3:1  September 15, 2024  Sunday 2024-09-15",
            f"{article}:5:26  yesterday  Saturday 2024-09-14, counted from the article's date "
            "2024-09-15 (dateline)",
        ]
    )
    result = pytester.run(sys.executable, "-m", "pytest_factcheck", "dates", "--json", str(article))
    assert '"first": "2024-09-14", "last": "2024-09-14"' in result.stdout.str()


def test_xdist_gives_the_same_outcomes(project: pytest.Pytester) -> None:
    serial = project.runpytest("--factcheck", "news/")
    parallel = project.runpytest("--factcheck", "news/", "-n", "2")
    assert serial.parseoutcomes() == parallel.parseoutcomes()
    parallel.stdout.fnmatch_lines(["*(articles.yaml)); fact says 2024-09-14 (Saturday)*"])


def test_date_and_names_facts_end_the_same_under_omit_and_skip(
    factcheck_project: MakeProject,
) -> None:
    # A names fact without a cue is anchored by its names in any spelling (Port-Aster);
    # a date fact by its cue. Omit may leave out only pairs that skip would skip.
    facts = FACTS + (
        "  - id: towns-named\n"
        "    claim: The towns hit were Port Aster, Selby Cove and Danby\n"
        "    names: [Port Aster, Selby Cove, Danby]\n"
    )
    articles = dict(ARTICLES)
    articles["e_alias_only.txt"] = "Rain lashed Port-Aster, Selby Cove and Danby all night.\n"
    articles["f_no_names.txt"] = "Storm Elna weakened; the coast was quiet.\n"
    pytester = factcheck_project(facts, articles)
    (pytester.path / "news" / "articles.yaml").write_text(INDEX, encoding="utf-8")

    def outcomes(mode: str) -> tuple[dict[str, str], list[str]]:
        result = pytester.runpytest(
            "--factcheck", "news/", "-v", "-o", f"factcheck_unmentioned={mode}"
        )
        found = {}
        for line in result.outlines:
            for outcome in ("PASSED", "FAILED", "SKIPPED"):
                if line.startswith("news/") and f" {outcome}" in line:
                    found[line.split()[0]] = outcome
        grid = result.outlines[
            next(i for i, x in enumerate(result.outlines) if "= factcheck =" in x) :
        ]
        return found, grid[:-1]

    omitted, omit_grid = outcomes("omit")
    every, skip_grid = outcomes("skip")
    assert len(every) == 3 * 6
    assert omit_grid == skip_grid
    for nodeid, outcome in every.items():
        if nodeid in omitted:
            assert omitted[nodeid] == outcome, nodeid
        else:
            assert outcome == "SKIPPED", nodeid
    assert omitted["news/e_alias_only.txt::towns-named"] == "PASSED"
    assert omitted["news/b_dateline.txt::towns-named"] == "FAILED"
    assert "news/f_no_names.txt::towns-named" not in omitted
    assert "news/f_no_names.txt::landfall-day" not in omitted
