"""GitHub Actions annotations: one escaped ``::error`` command per failure, printed once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pytest_factcheck.annotations import (
    STEP_LIMIT,
    command,
    enabled,
    escape_data,
    escape_property,
)

if TYPE_CHECKING:
    from conftest import MakeProject


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("50% of\r\nit: a, b") == "50%25 of%0D%0Ait: a, b"
    assert escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A"
    # % is escaped first, so an escape already in the text is not decoded by GitHub.
    assert escape_data("%0A") == "%250A"


def test_command_escapes_properties_and_message() -> None:
    line = command(file="news/a,b.txt", line=3, col=25, title="rutba:x", message="50%\nnext")
    assert line == "::error file=news/a%2Cb.txt,line=3,col=25,title=rutba%3Ax::50%25%0Anext"


def test_enabled_only_under_github_actions() -> None:
    assert enabled({"GITHUB_ACTIONS": "true"})
    assert not enabled({"GITHUB_ACTIONS": "false"})
    assert not enabled({})


FACTS = """\
entities:
  Rutba: [Rutbah]
facts:
  - id: rutba-distance
    subject: Rutba
    cue: east of
    value: 90 mi
    tolerance: 5%
  - id: anbar-control
    subject: Anbar
    cue: controls?
    value: more than 70 percent
"""

RUTBA = (
    "::error file=news/b_contradicts.txt,line=3,col=25,title=rutba-distance::"
    'news/b_contradicts.txt:3:25: rutba-distance: article says "120 miles" (120 mi); '
    "fact says 90 mi ± 5%25 (85.5–94.5 mi)"
)
ANBAR = (
    "::error file=news/b_contradicts.txt,line=5,col=29,title=anbar-control::"
    'news/b_contradicts.txt:5:29: anbar-control: article says "45%25" (45%25); '
    "fact says more than 70 percent (> 70%25)"
)
UNREADABLE = (
    "::error file=news/d_latin1.txt,line=1,col=1,title=unreadable article::"
    "news/d_latin1.txt:1:1: cannot read article: not UTF-8 (invalid byte 0xe9 at offset 3)"
)


@pytest.fixture
def project(
    factcheck_project: MakeProject,
    rutba_articles: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> pytest.Pytester:
    """Two contradictions in one article, an agreeing article and an unreadable one."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return factcheck_project(
        FACTS,
        {
            "a_agrees.txt": "Fighters took Rutba, about 90 miles east of Jordan.\n",
            "b_contradicts.txt": rutba_articles["b_contradicts.txt"]
            + "\nThe group in Anbar controls 45% of the province.\n",
            "d_latin1.txt": "Caf\xe9 in Rutba\n".encode("latin-1"),
        },
    )


def commands(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("::")]


@pytest.mark.parametrize("args", [["-p", "no:xdist"], ["-n", "2"]], ids=["serial", "xdist"])
def test_each_failure_is_annotated_once(project: pytest.Pytester, args: list[str]) -> None:
    result = project.runpytest("--factcheck", "news/", *args)
    result.assert_outcomes(passed=1, failed=4)
    # The unreadable article fails both of its facts but is annotated once.
    assert sorted(commands(result.outlines)) == sorted([RUTBA, ANBAR, UNREADABLE])


def test_quiet_run_still_annotates(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-qq", "-p", "no:xdist")
    assert sorted(commands(result.outlines)) == sorted([RUTBA, ANBAR, UNREADABLE])


def test_no_annotations_outside_github_actions(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS")
    result = project.runpytest("--factcheck", "news/", "-p", "no:xdist")
    assert commands(result.outlines) == []
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    result = project.runpytest("--factcheck", "news/", "-n", "2")
    assert commands(result.outlines) == []


def test_paths_are_relative_to_the_workspace(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The project is a subfolder of the repository GitHub checked out.
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project.path.parent))
    result = project.runpytest("--factcheck", "news/b_contradicts.txt", "-p", "no:xdist")
    prefix = f"::error file={project.path.name}/news/b_contradicts.txt,line=3,col=25,"
    assert prefix in [line[: len(prefix)] for line in commands(result.outlines)]


def test_broken_fact_file_is_annotated_per_problem(project: pytest.Pytester) -> None:
    (project.path / "facts" / "broken.yaml").write_text(
        "facts:\n  - id: bad-unit\n    cue: east of\n    value: 90 mles\n", encoding="utf-8"
    )
    result = project.runpytest("--factcheck", "news/a_agrees.txt", "-n", "2")
    result.assert_outcomes(passed=1, errors=1)
    assert commands(result.outlines) == [
        "::error file=facts/broken.yaml,line=4,col=12,title=bad-unit::"
        "facts/broken.yaml:4:12: bad-unit: value '90 mles' does not parse: "
        "unknown unit 'mles' (did you mean 'miles'?)"
    ]


def storm(n: int) -> str:
    return f"Report {n}\n\nHurricane Nadia’s winds reached {150 + n} mph | at landfall.\n"


STORM_FACTS = """\
facts:
  - id: nadia-wind-speed
    subject: Hurricane Nadia
    cue: winds?
    value: about 120 mph
"""


@pytest.mark.parametrize("args", [["-p", "no:xdist"], ["-n", "2"]], ids=["serial", "xdist"])
def test_past_githubs_limit_a_notice_says_how_many_are_not_annotated(
    factcheck_project: MakeProject,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    project = factcheck_project(STORM_FACTS, {f"s{n:02}.txt": storm(n) for n in range(12)})
    result = project.runpytest("--factcheck", "news/", *args)
    result.assert_outcomes(failed=12)
    errors = [line for line in result.outlines if line.startswith("::error ")]
    assert len(errors) == STEP_LIMIT == 10
    assert errors[0].startswith("::error file=news/s00.txt,line=3,col=33,title=nadia-wind-speed::")
    at = result.outlines.index(
        "::notice title=pytest-factcheck::2 more failures are not annotated (GitHub shows 10 "
        "error annotations per step): see the lines below, the step summary, the terminal "
        "report or the JUnit XML report"
    )
    assert result.outlines[at + 1 : at + 3] == [
        'news/s10.txt:3:33: nadia-wind-speed: article says "160 mph" (160 mph); '
        "fact says about 120 mph (108–132 mph)",
        'news/s11.txt:3:33: nadia-wind-speed: article says "161 mph" (161 mph); '
        "fact says about 120 mph (108–132 mph)",
    ]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith(
        "## pytest-factcheck\n\n1 fact × 12 articles: failed 12\n\n"
        "| article | fact | article says | fact says |\n| --- | --- | --- | --- |\n"
        '| `news/s00.txt:3` | `nadia-wind-speed` | "150 mph" (150 mph) | '
        "about 120 mph (108–132 mph) |\n"
    )
    assert summary.count("\n| `news/s") == 12


def test_step_summary_escapes_table_cells(
    factcheck_project: MakeProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    project = factcheck_project(STORM_FACTS, {"a|b.txt": storm(1)})
    project.runpytest("--factcheck", "news/", "-p", "no:xdist")
    # Outside GitHub Actions nothing is written, even with the variable set.
    assert summary.read_text(encoding="utf-8") == "earlier step\n"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project.runpytest("--factcheck", "news/", "-p", "no:xdist")
    text = summary.read_text(encoding="utf-8")
    # Appended after the earlier step's text; the pipe in the path cannot split the row.
    assert text.startswith("earlier step\n## pytest-factcheck\n")
    assert '| `news/a\\|b.txt:3` | `nadia-wind-speed` | "151 mph" (151 mph) |' in text


def test_step_summary_of_a_clean_run(
    factcheck_project: MakeProject, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    agrees = "Hurricane Nadia’s winds reached 118 mph.\n"
    project = factcheck_project(STORM_FACTS, {"a.txt": agrees, "b.txt": "Calm.\n"})
    result = project.runpytest("--factcheck", "news/", "-p", "no:xdist")
    assert result.ret == 0
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == (
        "## pytest-factcheck\n\n1 fact × 2 articles: passed 1, not mentioned 1\n\n"
        "No article contradicts a fact.\n"
    )


def test_fact_file_warnings_are_warnings_with_a_limit_of_their_own(tmp_path: Path) -> None:
    from pytest_factcheck.annotations import lines
    from pytest_factcheck.outcomes import WARNING_SEVERITY, Note, Results

    results = Results()
    for n in range(1, 13):
        results.note(
            Note(
                "facts/f.yaml",
                n,
                1,
                f"w{n}",
                f"facts/f.yaml:{n}:1: w{n}: cue '.'",
                WARNING_SEVERITY,
            )
        )
    results.note(Note("facts/f.yaml", 20, 3, "bad", "facts/f.yaml:20:3: bad: unknown unit"))
    out = lines(results, tmp_path, limit=10)
    assert (
        out[0] == "::warning file=facts/f.yaml,line=1,col=1,title=w1::facts/f.yaml:1:1: w1: cue '.'"
    )
    assert sum(line.startswith("::warning ") for line in out) == 10
    assert (
        "::error file=facts/f.yaml,line=20,col=3,title=bad::facts/f.yaml:20:3: bad: unknown unit"
        in out
    )
    assert out[-3].startswith("::notice title=pytest-factcheck::2 more failures and warnings are")
    assert out[-2:] == ["facts/f.yaml:11:1: w11: cue '.'", "facts/f.yaml:12:1: w12: cue '.'"]
