"""End-to-end pytest sessions with the plugin, on small article folders written here."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import MakeProject

FACTS = """\
entities:
  Rutba: [Rutbah]
facts:
  - id: rutba-distance
    claim: Rutba lies about 90 miles east of Jordan
    subject: Rutba
    cue: east of
    value: 90 mi
    tolerance: 5%
    tags: [distance]
  - id: towns-seized
    value: 4 towns
"""

AGREES = """\
Fighters captured Rutba, about 90 miles (150 kilometers) east of Jordan.

Militants have seized four towns in two days.
"""

CONTRADICTS = """\
A headline without numbers

The town of Rutbah lies 120 miles east of Jordan, officials said.
"""

SILENT = "Nothing here mentions the town or any count.\n"


@pytest.fixture
def project(factcheck_project: MakeProject) -> pytest.Pytester:
    """A project with a facts/ folder and three articles in news/."""
    return factcheck_project(
        FACTS, {"a_agrees.txt": AGREES, "b_contradicts.txt": CONTRADICTS, "c_silent.md": SILENT}
    )


def test_inert_without_the_flag(project: pytest.Pytester) -> None:
    result = project.runpytest("news/")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.no_fnmatch_line("*factcheck:*")


def test_heavy_modules_stay_unloaded_without_the_flag(project: pytest.Pytester) -> None:
    project.makeconftest(
        """
        import sys
        def pytest_unconfigure(config):
            heavy = ("pint", "regex", "yaml", "ahocorasick")
            heavy = sorted(m for m in heavy if m in sys.modules)
            print("HEAVY=" + ",".join(heavy))
        """
    )
    project.makepyfile(test_one="def test_one():\n    pass\n")
    result = project.runpytest_subprocess("-p", "no:xdist", "test_one.py")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["HEAVY="])


def test_skip_mode_makes_one_item_per_article_and_fact(project: pytest.Pytester) -> None:
    result = project.runpytest(
        "--factcheck", "news/", "-v", "-rs", "-o", "factcheck_unmentioned=skip"
    )
    result.assert_outcomes(skipped=3, passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "news/a_agrees.txt::rutba-distance PASSED*",
            "news/a_agrees.txt::towns-seized PASSED*",
            "news/b_contradicts.txt::rutba-distance FAILED*",
            "news/b_contradicts.txt::towns-seized SKIPPED*",
            "news/c_silent.md::rutba-distance SKIPPED*",
            "news/c_silent.md::towns-seized SKIPPED*",
        ]
    )
    result.stdout.fnmatch_lines(["SKIPPED [[]2[]] news/c_silent.md:1: not mentioned"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_omit_mode_collects_only_the_pairs_that_can_apply(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "news/a_agrees.txt::rutba-distance PASSED*",
            "news/a_agrees.txt::towns-seized PASSED*",
            "news/b_contradicts.txt::rutba-distance FAILED*",
        ]
    )
    result.stdout.no_fnmatch_line("*c_silent.md::*")
    # The grid still accounts for every pair, the three left out as not mentioned.
    result.stdout.fnmatch_lines(
        [
            "fact              1  2  3   ✓  ✗  ·",
            "rutba-distance    ✓  ✗  ·   1  1  1",
            "towns-seized      ✓  ·  ·   1  0  2",
            "2 facts × 3 articles: ✓ passed 2, ✗ failed 1, · not mentioned 3",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_cue_without_a_comparable_quantity_skips_saying_so(
    factcheck_project: MakeProject,
) -> None:
    facts = "facts:\n  - id: madrid-goals\n    subject: Madrid\n    cue: scored\n"
    facts += "    value: 3 goals\n"
    # The cue's sentence names the subject and has a count, but of fans, not of goals.
    text = "Madrid scored in front of 80,000 fans.\n\nMadrid won the cup in 1998.\n"
    project = factcheck_project(facts, {"match.txt": text, "other.txt": "Madrid, 1998.\n"})
    for mode in ("omit", "skip"):
        result = project.runpytest(
            "--factcheck", "news/", "-rs", "-o", f"factcheck_unmentioned={mode}"
        )
        result.assert_outcomes(skipped=1 if mode == "omit" else 2)
        result.stdout.fnmatch_lines(
            ["SKIPPED [[]1[]] news/match.txt:1: cue found, no comparable quantity"]
        )
        if mode == "skip":
            result.stdout.fnmatch_lines(["SKIPPED [[]1[]] news/other.txt:1: not mentioned"])
        result.stdout.fnmatch_lines(["1 fact × 2 articles: · not mentioned 2"])
        assert result.ret == pytest.ExitCode.OK


def test_articles_read_and_no_fact_applies_is_success(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/c_silent.md")
    result.assert_outcomes()
    result.stdout.fnmatch_lines(["2 facts × 1 article: · not mentioned 2"])
    assert result.ret == pytest.ExitCode.OK
    parallel = project.runpytest("--factcheck", "news/c_silent.md", "-n", "2")
    parallel.stdout.fnmatch_lines(["2 facts × 1 article: · not mentioned 2"])
    assert parallel.ret == pytest.ExitCode.OK


def test_no_article_at_all_is_still_nothing_collected(project: pytest.Pytester) -> None:
    (project.path / "empty").mkdir()
    result = project.runpytest("--factcheck", "empty")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_deselecting_every_item_is_still_nothing_collected(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-k", "no-such-fact")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


@pytest.mark.parametrize("mode", ["banana", ""])
def test_bad_unmentioned_mode_is_a_usage_error(project: pytest.Pytester, mode: str) -> None:
    result = project.runpytest("--factcheck", "news/", "-o", f"factcheck_unmentioned={mode}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck_unmentioned: expected omit or skip*"])


def test_failure_first_line_is_clickable(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/b_contradicts.txt")
    result.stdout.fnmatch_lines(
        [
            'news/b_contradicts.txt:3:25: rutba-distance: article says "120 miles" (120 mi); '
            "fact says 90 mi ± 5% (85.5–94.5 mi)",
        ]
    )
    result.stdout.fnmatch_lines(["*fact: facts/facts.yaml:4: rutba-distance*"])
    result.stdout.fnmatch_lines(["*claim: Rutba lies about 90 miles east of Jordan*"])
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*raise Contradiction*")


def test_bare_run_uses_factcheck_paths_only(project: pytest.Pytester) -> None:
    (project.path / "README.md").write_text("Rutba is 500 miles east of Jordan.\n")
    result = project.runpytest("--factcheck")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.no_fnmatch_line("*README.md*")


def test_articles_ini_option_limits_file_names(
    project: pytest.Pytester, factcheck_project: MakeProject
) -> None:
    factcheck_project(FACTS, ini="factcheck_articles = *.md\n")
    result = project.runpytest("--factcheck", "news/", "-v", "-o", "factcheck_unmentioned=skip")
    result.assert_outcomes(skipped=2)
    result.stdout.fnmatch_lines(["news/c_silent.md::rutba-distance SKIPPED*"])


def test_keyword_and_marker_selection(project: pytest.Pytester) -> None:
    by_fact = project.runpytest("--factcheck", "news/", "-k", "towns")
    by_fact.assert_outcomes(passed=1)
    # Only the facts and articles with a selected item are accounted for.
    by_fact.stdout.fnmatch_lines(["1 fact × 1 article: ✓ passed 1"])
    by_tag = project.runpytest("--factcheck", "news/", "-m", "distance", "--strict-markers")
    by_tag.assert_outcomes(passed=1, failed=1)
    by_tag.stdout.fnmatch_lines(["1 fact × 2 articles: ✓ passed 1, ✗ failed 1"])


def test_facts_option_replaces_the_default(project: pytest.Pytester) -> None:
    other = project.path / "other.yaml"
    other.write_text("facts:\n  - id: only-towns\n    value: 4 towns\n", encoding="utf-8")
    result = project.runpytest("--factcheck", "news/", "--facts", str(other), "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["news/a_agrees.txt::only-towns PASSED*"])


def test_factcheck_facts_ini_option(
    project: pytest.Pytester, factcheck_project: MakeProject
) -> None:
    factcheck_project(FACTS, ini="factcheck_facts = checked\n")
    (project.path / "facts").rename(project.path / "checked")
    result = project.runpytest("--factcheck", "news/")
    result.assert_outcomes(passed=2, failed=1)


def test_xfail_fact_marks_known_disagreement(project: pytest.Pytester) -> None:
    facts = FACTS.replace("    tags: [distance]\n", '    xfail: "sources disagree"\n')
    (project.path / "facts" / "facts.yaml").write_text(facts, encoding="utf-8")
    result = project.runpytest("--factcheck", "news/", "-rx")
    result.assert_outcomes(passed=2, xfailed=1)
    result.stdout.fnmatch_lines(["*sources disagree*"])
    assert result.ret == pytest.ExitCode.OK


def test_broken_fact_file_is_one_located_error_and_the_run_goes_on(
    project: pytest.Pytester,
) -> None:
    broken = textwrap.dedent(
        """\
        facts:
          - id: bad-unit
            cue: east of
            value: 90 mles
          - id: no-cue
            value: "12"
        """
    )
    (project.path / "facts" / "broken.yaml").write_text(broken, encoding="utf-8")
    result = project.runpytest("--factcheck", "news/")
    result.assert_outcomes(passed=2, failed=1, errors=1)
    result.stdout.fnmatch_lines(["facts/broken.yaml:4:*: bad-unit: *mles*did you mean*"])
    result.stdout.fnmatch_lines(["facts/broken.yaml:5:*: no-cue: *"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_unreadable_article_fails_its_items_and_the_run_goes_on(
    project: pytest.Pytester,
) -> None:
    (project.path / "news" / "d_latin1.txt").write_bytes("Caf\xe9 in Rutba\n".encode("latin-1"))
    result = project.runpytest("--factcheck", "news/")
    result.assert_outcomes(passed=2, failed=3)
    result.stdout.fnmatch_lines(["news/d_latin1.txt:1:1: rutba-distance: cannot read article*"])


@pytest.mark.parametrize("dist", ["load", "loadfile"])
def test_xdist_gives_the_same_outcomes(project: pytest.Pytester, dist: str) -> None:
    serial = project.runpytest("--factcheck", "news/")
    parallel = project.runpytest("--factcheck", "news/", "-n", "2", "--dist", dist)
    serial.assert_outcomes(passed=2, failed=1)
    parallel.assert_outcomes(passed=2, failed=1)
    grid = "2 facts × 3 articles: ✓ passed 2, ✗ failed 1, · not mentioned 3"
    serial.stdout.fnmatch_lines([grid])
    parallel.stdout.fnmatch_lines([grid])
    parallel.stdout.fnmatch_lines(["*news/b_contradicts.txt:3:25: rutba-distance: article says*"])


def test_summary_grid(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/")
    result.stdout.fnmatch_lines(
        [
            "*= factcheck =*",
            "[[]1[]] news/a_agrees.txt",
            "[[]2[]] news/b_contradicts.txt",
            "[[]3[]] news/c_silent.md",
            "*2 facts × 3 articles*",
        ]
    )


def test_junit_xunit1_points_at_the_article_line(project: pytest.Pytester) -> None:
    result = project.runpytest(
        "--factcheck", "news/", "--junitxml=out.xml", "-o", "junit_family=xunit1"
    )
    result.assert_outcomes(passed=2, failed=1)
    xml = (project.path / "out.xml").read_text(encoding="utf-8")
    assert 'file="news/b_contradicts.txt" line="2"' in xml
    assert 'message="news/b_contradicts.txt:3:25: rutba-distance: article says' in xml
    assert '<property name="fact_id" value="rutba-distance"' in xml


def test_quiet_reports_of_items_that_did_not_fail_are_dropped(project: pytest.Pytester) -> None:
    class Probe:
        def __init__(self) -> None:
            self.quiet: list[str] = []

        @pytest.hookimpl(trylast=True)
        def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
            self.quiet = sorted({r.nodeid for r in terminalreporter.stats.get("", [])})

    probe = Probe()
    result = project.runpytest("--factcheck", "news/", plugins=[probe])
    result.assert_outcomes(passed=2, failed=1)
    # No fact item keeps its setup/teardown reports, which pytest's failure summary would
    # scan once per failure; the failure section is still printed in full.
    assert probe.quiet == []
    result.stdout.fnmatch_lines(["*_ rutba-distance in news/b_contradicts.txt _*", "news/b_*"])
