"""The fact-file keys that steer matching: exclude:, a value's direction, per-article xfail."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import Fact, FactSet


def load(tmp_path: Path, body: str) -> FactSet:
    path = tmp_path / "facts" / "a.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("facts:\n  - id: f\n    cue: sales\n" + body, encoding="utf-8")
    return load_facts([path], display=lambda p: p.relative_to(tmp_path).as_posix())


def only_fact(tmp_path: Path, body: str) -> Fact:
    facts = load(tmp_path, body)
    assert not facts.problems, [str(p) for p in facts.problems]
    (fact,) = facts.facts
    return fact


@pytest.mark.parametrize(
    ("value", "direction", "low", "unit"),
    [
        ("up 8%", "up", 8.0, "percent"),
        ("down 2.5 percentage points", "down", 2.5, "percentage_point"),
        ("rose 8%", "up", 8.0, "percent"),
        ("fell by 3%", "down", 3.0, "percent"),
        ("+8%", "up", 8.0, "percent"),
        ("-8%", "down", 8.0, "percent"),
        ("−0.4%", "down", 0.4, "percent"),
        ("8%", None, 8.0, "percent"),
        ("up to 8%", None, float("-inf"), "percent"),  # a hedge, not a direction
        ("$4.1 billion", None, 4.1e9, "USD"),
    ],
)
def test_a_value_may_state_a_direction(
    tmp_path: Path, value: str, direction: str | None, low: float, unit: str
) -> None:
    fact = only_fact(tmp_path, f"    value: {value!r}\n")
    assert (fact.direction, fact.unit) == (direction, unit)
    if low != float("-inf"):
        assert fact.value.interval.low == pytest.approx(low)


def test_exclude_is_a_regex(tmp_path: Path) -> None:
    assert only_fact(tmp_path, "    value: 3\n    exclude: half[- ]marathon\n").exclude == (
        "half[- ]marathon"
    )


@pytest.mark.parametrize(
    ("exclude", "message"),
    [
        ("'('", "facts/a.yaml:5:16: f: exclude '(' is not a valid regular expression: "),
        ("'x?'", "facts/a.yaml:5:14: f: exclude 'x?' matches empty text, so it would "),
        ("''", "facts/a.yaml:5:14: f: exclude is empty"),
        ("[a]", "facts/a.yaml:5:14: f: exclude must be text, not a list"),
    ],
)
def test_a_bad_exclude_is_one_located_problem(tmp_path: Path, exclude: str, message: str) -> None:
    facts = load(tmp_path, f"    value: 3\n    exclude: {exclude}\n")
    assert [str(p)[: len(message)] for p in facts.problems] == [message]
    assert facts.facts == ()


def test_xfail_per_article(tmp_path: Path) -> None:
    fact = only_fact(
        tmp_path,
        "    value: 3\n    xfail:\n"
        '      "news/b_*.md": "the outlet counts returns"\n'
        "      c.txt: true\n",
    )
    assert fact.xfail is None
    assert fact.xfail_for("news/b_daily.md") == "the outlet counts returns"
    assert fact.xfail_for("other/c.txt") == "known disagreement"  # a glob of the name alone
    assert fact.xfail_for("news/a.txt") is None


def test_xfail_for_every_article_still_works(tmp_path: Path) -> None:
    fact = only_fact(tmp_path, "    value: 3\n    xfail: disputed\n")
    assert fact.xfail_for("any/thing.txt") == "disputed"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("      a.txt: 3\n", "facts/a.yaml:6:14: f: the xfail reason for 'a.txt' must be text"),
        ("      a.txt:\n", "facts/a.yaml:6:7: f: the xfail reason for 'a.txt' must be text"),
    ],
)
def test_a_bad_per_article_xfail(tmp_path: Path, body: str, message: str) -> None:
    facts = load(tmp_path, "    value: 3\n    xfail:\n" + body)
    assert [str(p)[: len(message)] for p in facts.problems] == [message]
