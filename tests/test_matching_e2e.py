"""End to end: exclude:, directions, per-article xfail and Markdown, as a user runs them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import MakeProject

FACTS = """\
entities:
  Quillon: [Quillon Foods]
facts:
  - id: quillon-sales
    claim: Quillon's quarterly sales were $4.1 billion
    subject: Quillon
    cue: sales
    value: $4.1 billion
    tolerance: 1%
    scope: article
    exclude: frozen
    xfail:
      "news/b_*.md": "the outlet uses the unaudited figure"
  - id: quillon-sales-growth
    subject: Quillon
    cue: sales
    value: up 6%
    scope: article
"""

PLAIN = """\
Quillon Foods lifts sales

Quillon said quarterly sales rose 6% to $4.1 billion, up from $3.87 billion a year ago.
Frozen sales fell 6% to $700 million.
"""

WRONG_DIRECTION = """\
Quillon reported its results on Tuesday.

Quarterly sales fell 6% to $3.85 billion.
"""

MARKDOWN = """\
---
title: "Quillon sales reach $9 billion"
---

# Quillon's quarter

<!-- Draft said sales were $9 billion. -->

Quillon Foods published its results table on Tuesday.

| Quillon | Q3 2026 | Q3 2025 | Change |
| --- | --- | --- | --- |
| Sales | $4.3bn | $4.1bn | 6% |
| Frozen sales | $0.7bn | $0.8bn | -12% |
"""


@pytest.fixture
def project(factcheck_project: MakeProject) -> pytest.Pytester:
    return factcheck_project(
        FACTS,
        {"a_plain.txt": PLAIN, "b_table.md": MARKDOWN, "c_direction.txt": WRONG_DIRECTION},
    )


def test_outcomes_lines_and_the_per_article_known_dispute(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-v", "--junitxml=report.xml")
    result.stdout.fnmatch_lines(
        [
            "news/a_plain.txt::quillon-sales PASSED*",
            "news/a_plain.txt::quillon-sales-growth PASSED*",
            # The table's 2026 column says $4.3bn: a known dispute for this article only.
            "news/b_table.md::quillon-sales XFAIL*unaudited*",
            "news/b_table.md::quillon-sales-growth PASSED*",
            "news/c_direction.txt::quillon-sales FAILED*",
            "news/c_direction.txt::quillon-sales-growth FAILED*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    cases = {
        c.get("name", "") + "@" + c.get("classname", ""): c
        for c in ET.parse(project.path / "report.xml").getroot().iter("testcase")
    }
    growth = cases["quillon-sales-growth@news.c_direction.txt"].find("failure")
    assert growth is not None
    assert growth.get("message", "").startswith(
        'news/c_direction.txt:3:22: quillon-sales-growth: article says "6%" (6%, down); '
        "fact says up 6%"
    )


def test_an_exclude_that_matched_gives_no_warning(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/")
    result.stdout.no_fnmatch_line("*exclude*never matched*")


def test_an_exclude_that_never_matched_is_named_with_a_near_word(
    factcheck_project: MakeProject,
) -> None:
    project = factcheck_project(FACTS.replace("exclude: frozen", "exclude: frozn"), {
        "a_plain.txt": PLAIN,
    })  # fmt: skip
    result = project.runpytest("--factcheck", "news/", "-n", "2")
    result.stdout.fnmatch_lines(
        [
            "factcheck: warning: facts/facts.yaml:4: quillon-sales: exclude 'frozn' never "
            "matched in this run (did you mean 'frozen'?)"
        ]
    )


def test_markdown_is_read_only_for_markdown_articles(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS, {"a_plain.txt": PLAIN})
    project.makeconftest(
        """
        import sys
        def pytest_unconfigure(config):
            print("MARKDOWN_IT=" + str("markdown_it" in sys.modules))
        """
    )
    result = project.runpytest_subprocess("--factcheck", "news/", "-p", "no:xdist", "-s")
    result.stdout.fnmatch_lines(["*MARKDOWN_IT=False*"])
