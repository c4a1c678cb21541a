"""Exit statuses a CI gate can trust: 0 consistent, 1 contradicted, 2 broken facts,
4 usage error, 5 nothing collected; each with the line that explains it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import MakeProject

FACTS = """\
facts:
  - id: harbour-wind-speed
    subject: Kestrel Bay
    cue: gusts
    value: 110 km/h
    tolerance: 5%
"""

AGREES = "Storm Aoife hit Kestrel Bay with gusts of 112 km/h on Tuesday.\n"
CONTRADICTS = "Storm Aoife hit Kestrel Bay with gusts of 160 km/h on Tuesday.\n"

BROKEN = """\
facts:
  - id: rainfall-total
    cue: rain
    value: 40 milimetres
"""

XDIST = [pytest.param([], id="serial"), pytest.param(["-n", "2"], id="xdist")]


@pytest.fixture
def weather(factcheck_project: MakeProject) -> pytest.Pytester:
    return factcheck_project(FACTS, {"agrees.txt": AGREES})


def add_broken_facts(project: pytest.Pytester) -> None:
    (project.path / "facts" / "broken.yaml").write_text(BROKEN, encoding="utf-8")


@pytest.mark.parametrize("extra", XDIST)
def test_all_consistent_is_0(weather: pytest.Pytester, extra: list[str]) -> None:
    result = weather.runpytest("--factcheck", "news/", *extra)
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["factcheck: 1 fact from facts/facts.yaml"])


@pytest.mark.parametrize("extra", XDIST)
def test_a_contradiction_is_1(weather: pytest.Pytester, extra: list[str]) -> None:
    (weather.path / "news" / "contradicts.txt").write_text(CONTRADICTS, encoding="utf-8")
    result = weather.runpytest("--factcheck", "news/", *extra)
    result.assert_outcomes(passed=1, failed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.no_fnmatch_line("*exit status 2*")


@pytest.mark.parametrize("extra", XDIST)
@pytest.mark.parametrize("contradiction", [False, True])
def test_a_broken_fact_file_is_2_after_the_other_facts_ran(
    weather: pytest.Pytester, extra: list[str], contradiction: bool
) -> None:
    if contradiction:
        (weather.path / "news" / "contradicts.txt").write_text(CONTRADICTS, encoding="utf-8")
    add_broken_facts(weather)
    result = weather.runpytest("--factcheck", "news/", *extra)
    result.assert_outcomes(passed=1, failed=int(contradiction), errors=1)
    assert result.ret == 2
    result.stdout.fnmatch_lines(
        [
            "facts/broken.yaml:4:12: rainfall-total: value '40 milimetres' *",
            "factcheck: 1 problem in 1 fact file (the errors above); the other facts ran; "
            "exit status 2",
        ]
    )


def test_a_broken_fact_file_is_2_with_collect_only(weather: pytest.Pytester) -> None:
    add_broken_facts(weather)
    result = weather.runpytest("--factcheck", "news/", "--collect-only", "-q")
    assert result.ret == 2
    result.stdout.fnmatch_lines(["news/agrees.txt::harbour-wind-speed", "*exit status 2"])
    healthy = weather.runpytest(
        "--factcheck", "news/", "--collect-only", "-q", "--facts", "facts/facts.yaml"
    )
    assert healthy.ret == pytest.ExitCode.OK


def test_an_internal_error_is_not_hidden_by_a_broken_fact_file(weather: pytest.Pytester) -> None:
    add_broken_facts(weather)
    weather.makeconftest("def pytest_collection_finish(session):\n    raise RuntimeError('boom')\n")
    result = weather.runpytest("--factcheck", "news/")
    assert result.ret == pytest.ExitCode.INTERNAL_ERROR


@pytest.mark.parametrize(
    ("args", "ini", "shown"),
    [
        (
            ["--facts", "nope/storms.yaml"],
            "",
            "--facts: no such fact file or folder: nope/storms.yaml",
        ),
        (["--facts", "facts", "--facts", "gone"], "", "--facts: no such fact file or folder: gone"),
        (
            [],
            "factcheck_facts = archive\n",
            "factcheck_facts: no such fact file or folder: *archive",
        ),
    ],
)
def test_a_missing_facts_path_is_a_usage_error(
    weather: pytest.Pytester, factcheck_project: MakeProject, args: list[str], ini: str, shown: str
) -> None:
    factcheck_project(FACTS, ini=ini)
    result = weather.runpytest("--factcheck", "news/", *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    missing = shown.rsplit(" ", 1)[-1].lstrip("*")
    resolved = weather.path / missing
    result.stderr.fnmatch_lines([f"ERROR: {shown} (resolved to {resolved})"])


def test_a_missing_default_facts_folder_is_a_usage_error(weather: pytest.Pytester) -> None:
    (weather.path / "facts" / "facts.yaml").unlink()
    (weather.path / "facts").rmdir()
    result = weather.runpytest("--factcheck", "news/")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            "ERROR: no such fact file or folder: facts/ (the default) "
            f"(resolved to {weather.path / 'facts'}); give --facts PATH or set factcheck_facts"
        ]
    )


@pytest.mark.parametrize("extra", XDIST)
def test_nothing_collected_says_where_it_looked(weather: pytest.Pytester, extra: list[str]) -> None:
    (weather.path / "drafts").mkdir()
    (weather.path / "drafts" / "notes.rst").write_text(AGREES, encoding="utf-8")
    result = weather.runpytest("--factcheck", "drafts/", *extra)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(
        [
            "factcheck: nothing collected: looked for articles matching *.txt *.md under "
            "drafts/; 1 fact from facts/facts.yaml"
        ]
    )


def test_nothing_collected_names_a_missing_configured_folder(weather: pytest.Pytester) -> None:
    (weather.path / "news" / "agrees.txt").unlink()
    (weather.path / "news").rmdir()
    result = weather.runpytest("--factcheck")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(["factcheck: nothing collected: *under news (missing); *"])


MAKEFILE = Path(__file__).resolve().parent.parent / "Makefile"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(
    ("article", "broken", "succeeds"),
    [(AGREES, False, True), (CONTRADICTS, False, True), (AGREES, True, False)],
)
def test_make_factcheck_accepts_only_0_and_1(
    factcheck_project: MakeProject, article: str, broken: bool, succeeds: bool
) -> None:
    project = factcheck_project(FACTS)
    (project.path / "news").rename(project.path / "seeds")
    (project.path / "seeds" / "story.txt").write_text(article, encoding="utf-8")
    if broken:
        add_broken_facts(project)
    # The Makefile's own recipe, with this interpreter's scripts instead of a new venv.
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(
        ["make", "-f", str(MAKEFILE), "factcheck", f"BIN={bin_dir}", "STAMP="],
        cwd=project.path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) is succeeds, done.stdout + done.stderr
