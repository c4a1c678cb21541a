"""``--factcheck-rdjson``: reviewdog diagnostics, validated against reviewdog's own schema.

The schema is ``rdjson/Diagnostic.json`` from reviewdog (MIT, vendored next to this file).
It is permissive (no required properties), so the tests also check each field's value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reports_project import ARTICLES, FACTS

from pytest_factcheck.outcomes import byte_column

if TYPE_CHECKING:
    from conftest import MakeProject

SCHEMA = json.loads(Path(__file__).with_name("rdjson").joinpath("Diagnostic.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)


def read_diagnostics(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    diagnostics = [json.loads(line) for line in lines]
    for diagnostic in diagnostics:
        VALIDATOR.validate(diagnostic)
    return diagnostics


def test_the_schema_rejects_what_reviewdog_would() -> None:
    # The validation below is live: a wrong severity or a column that is not a number fail.
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({"message": "m", "severity": "FATAL"})
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({"location": {"path": "a", "range": {"start": {"column": "3"}}}})


@pytest.mark.parametrize(
    ("line", "col", "expected"),
    [("abc", 3, 3), ("a𐐀b", 2, 2), ("a𐐀b", 3, 6), ("Café x", 6, 7), ("’’x", 3, 7), ("", 1, 1)],
)
def test_byte_column_counts_utf8_bytes(line: str, col: int, expected: int) -> None:
    # The first three are reviewdog's own example: 'a𐐀b', the column of b is 6.
    assert byte_column(line, col) == expected


@given(st.text(max_size=40).filter(lambda t: "\n" not in t), st.data())
def test_byte_column_points_at_the_same_character(line: str, data: st.DataObject) -> None:
    col = data.draw(st.integers(1, len(line) + 1))
    encoded = line.encode("utf-8", "surrogatepass")
    byte = byte_column(line, col)
    assert encoded[: byte - 1].decode("utf-8", "surrogatepass") == line[: col - 1]
    assert byte >= col


@pytest.mark.parametrize("args", [["-p", "no:xdist"], ["-n", "2"]], ids=["serial", "xdist"])
def test_one_error_per_contradicting_mention(
    factcheck_project: MakeProject, args: list[str]
) -> None:
    project = factcheck_project(FACTS, ARTICLES)
    result = project.runpytest("--factcheck", "--factcheck-rdjson", "out/review.jsonl", *args)
    result.assert_outcomes(failed=2, passed=2, skipped=0)
    path = project.path / "out" / "review.jsonl"
    result.stdout.fnmatch_lines([f"factcheck: reviewdog diagnostics written to {path}"])
    storm, sport = read_diagnostics(path)
    assert storm == {
        "message": 'nadia-wind-speed: article says "150 mph" (150 mph); fact says about '
        "120 mph (108–132 mph)\n"
        "claim: Hurricane Nadia made landfall with winds of about 120 mph\n"
        "source: https://weather.example.org/nadia\n"
        "fact: facts/facts.yaml:4",
        "location": {
            "path": "news/a_storm.txt",
            # "150 mph" is at character column 68; é and ’ take 2 and 3 bytes.
            "range": {"start": {"line": 3, "column": 71}, "end": {"line": 3, "column": 78}},
        },
        "severity": "ERROR",
        "source": {"name": "pytest-factcheck"},
        "code": {"value": "nadia-wind-speed"},
    }
    assert sport["code"] == {"value": "acme-revenue"}
    assert sport["location"] == {
        "path": "news/c_sport.txt",
        "range": {"start": {"line": 1, "column": 71}, "end": {"line": 1, "column": 81}},
    }
    line = ARTICLES["c_sport.txt"].splitlines()[0]
    assert line.encode()[71 - 1 : 81 - 1] == b"$3 billion"


def test_fact_file_problems_and_unreadable_articles(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS, {**ARTICLES, "d_latin1.txt": "Caf\xe9\n".encode("latin-1")})
    (project.path / "facts" / "broken.yaml").write_text(
        "facts:\n  - id: bad-unit\n    cue: wind\n    value: 90 mphs é\n", encoding="utf-8"
    )
    result = project.runpytest("--factcheck", "--factcheck-rdjson", "r.jsonl", "-p", "no:xdist")
    result.assert_outcomes(failed=5, passed=2, skipped=0, errors=1)
    diagnostics = read_diagnostics(project.path / "r.jsonl")
    assert [d["location"]["path"] for d in diagnostics] == [
        "facts/broken.yaml",
        "news/a_storm.txt",
        "news/c_sport.txt",
        "news/d_latin1.txt",
    ]
    problem, unreadable = diagnostics[0], diagnostics[3]
    assert problem["severity"] == "ERROR"
    assert problem["code"] == {"value": "bad-unit"}
    assert problem["message"].startswith("facts/broken.yaml:4:")
    assert problem["location"]["range"]["start"]["line"] == 4
    # Once per article, not once per fact, at its first line.
    assert unreadable == {
        "message": "news/d_latin1.txt:1:1: cannot read article: not UTF-8 "
        "(invalid byte 0xe9 at offset 3)",
        "location": {"path": "news/d_latin1.txt", "range": {"start": {"line": 1}}},
        "severity": "ERROR",
        "source": {"name": "pytest-factcheck"},
        "code": {"value": "unreadable article"},
    }


def test_no_failures_gives_an_empty_file(factcheck_project: MakeProject) -> None:
    project = factcheck_project(FACTS, {"b_markets.md": ARTICLES["b_markets.md"]})
    result = project.runpytest("--factcheck", "--factcheck-rdjson", "r.jsonl", "-p", "no:xdist")
    assert result.ret == 0
    assert (project.path / "r.jsonl").read_text(encoding="utf-8") == ""


def test_known_disagreements_are_not_diagnostics(factcheck_project: MakeProject) -> None:
    facts = FACTS.replace("    source: https", '    xfail: "the wire says 150"\n    source: https')
    project = factcheck_project(facts, {"a_storm.txt": ARTICLES["a_storm.txt"]})
    result = project.runpytest("--factcheck", "--factcheck-rdjson", "r.jsonl", "-p", "no:xdist")
    result.assert_outcomes(xfailed=1, skipped=0)
    assert read_diagnostics(project.path / "r.jsonl") == []
