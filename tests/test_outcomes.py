"""The per-pair records every report reads: plain data, merged phase by phase."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.outcomes import (
    AGREES,
    CONTRADICTS,
    FAILED,
    NOT_MENTIONED,
    NOTES_ATTRIBUTE,
    OUTCOME_ATTRIBUTE,
    PASSED,
    FactInfo,
    MentionRecord,
    Note,
    Outcome,
    Results,
)

WIND = FactInfo("wind-speed", "facts/weather.yaml", 4, "Winds of 120 mph", None, "120 mph")
SHARES = FactInfo("acme-shares", "facts/markets.yaml", 9, None, "https://x.example", "$12")
MENTION = MentionRecord(30, 37, 3, 5, 3, 12, 6, 13, "150 mph", CONTRADICTS, "150 mph")


def report(outcome: Outcome | None = None, notes: tuple[Note, ...] = ()) -> Any:
    data: dict[str, Any] = {}
    if outcome is not None:
        data[OUTCOME_ATTRIBUTE] = outcome.to_wire()
    if notes:
        data[NOTES_ATTRIBUTE] = [n.to_wire() for n in notes]
    return SimpleNamespace(**data)


def test_the_record_survives_json() -> None:
    # What xdist sends is plain data: a JSON round trip gives the same record back.
    outcome = Outcome(
        "news/a.txt", WIND, FAILED, "news/a.txt:3:5: …", "contradiction", 3, 5, (MENTION,)
    )
    assert Outcome.from_wire(json.loads(json.dumps(outcome.to_wire()))) == outcome
    note = Note("facts/x.yaml", 4, 12, "bad-unit", "facts/x.yaml:4:12: bad-unit: …")
    assert Note.from_wire(json.loads(json.dumps(note.to_wire()))) == note


def test_a_failure_is_not_replaced_by_a_later_phase() -> None:
    results = Results()
    results.add(report(Outcome("a.txt", WIND, FAILED)))
    results.add(report(Outcome("a.txt", WIND, PASSED)))
    results.add(report(Outcome("b.txt", WIND, NOT_MENTIONED)))
    results.add(report(Outcome("b.txt", WIND, PASSED)))
    assert results.grid() == {("a.txt", "wind-speed"): FAILED, ("b.txt", "wind-speed"): PASSED}
    assert results.failed(["a.txt", "wind-speed"]) and not results.failed(["b.txt", "wind-speed"])


def test_pairs_without_a_record_are_not_mentioned() -> None:
    # The grid's input: all articles, all facts, and the records of the pairs that ran.
    results = Results()
    results.add(report(Outcome("a.txt", WIND, PASSED)))
    results.expect(articles=["c.txt"], facts=[SHARES])
    assert results.articles() == ["a.txt", "c.txt"]
    assert [f.id for f in results.facts()] == ["acme-shares", "wind-speed"]
    assert results.grid() == {
        ("a.txt", "acme-shares"): NOT_MENTIONED,
        ("a.txt", "wind-speed"): PASSED,
        ("c.txt", "acme-shares"): NOT_MENTIONED,
        ("c.txt", "wind-speed"): NOT_MENTIONED,
    }


def test_notes_are_kept_once_in_arrival_order() -> None:
    first = Note("facts/x.yaml", 4, 1, "a", "facts/x.yaml:4:1: a: …")
    second = Note("facts/x.yaml", 9, 1, "b", "facts/x.yaml:9:1: b: …")
    results = Results()
    results.add(report(notes=(first, second)))
    results.add(report(notes=(first,)))
    assert list(results.notes) == [first, second]


def test_records_share_one_fact_info_per_fact() -> None:
    results = Results()
    for article in ("a.txt", "b.txt"):
        results.add(report(Outcome(article, WIND, PASSED)))
    a, b = results.outcomes.values()
    assert a.fact is b.fact


@given(st.lists(st.sampled_from([PASSED, FAILED, NOT_MENTIONED]), min_size=1, max_size=6))
def test_failed_wins_whatever_the_order(statuses: list[str]) -> None:
    results = Results()
    for status in statuses:
        results.add(report(Outcome("a.txt", WIND, status)))
    expected = FAILED if FAILED in statuses else statuses[-1]
    assert results.grid()[("a.txt", "wind-speed")] == expected


def test_reporters_import_neither_the_session_nor_the_collector() -> None:
    code = (
        "import sys\n"
        "import pytest_factcheck.annotations, pytest_factcheck.summary\n"
        "import pytest_factcheck.html_report, pytest_factcheck.rdjson\n"
        "print(sorted(m for m in sys.modules if m.startswith('pytest_factcheck')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip()
    assert "pytest_factcheck.session" not in loaded
    assert "pytest_factcheck.collect" not in loaded
    assert "pytest_factcheck.outcomes" in loaded


def test_mention_verdicts() -> None:
    assert MENTION.contradicts
    assert not MentionRecord(0, 1, 1, 1, 1, 2, 1, 2, "x", AGREES, "x").contradicts
