"""Loading large fact bases: the shortcuts give the answers of the slow paths."""

from __future__ import annotations

import difflib
import gc
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.factfile import SUBJECT_CUTOFF, load_facts

NAMES = st.text(alphabet="abcdeilmnorstu", min_size=1, max_size=9).map(str.title)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(entities=st.lists(NAMES, min_size=1, max_size=30, unique=True), subject=NAMES)
def test_did_you_mean_is_difflibs_answer(
    tmp_path_factory: pytest.TempPathFactory, entities: list[str], subject: str
) -> None:
    lines = ["entities:"] + [f"  {json.dumps(name)}: []" for name in entities]
    lines += ["facts:", "  - id: f", f"    subject: {json.dumps(subject)}", "    value: 3 goals"]
    path = tmp_path_factory.mktemp("facts") / "facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_facts([path])
    if subject in entities:
        assert not loaded.problems
        return
    close = difflib.get_close_matches(subject, entities, 1, SUBJECT_CUTOFF)
    if close:
        assert [p.message for p in loaded.problems] == [
            f"subject {subject!r} is not a known entity (did you mean {close[0]!r}?); "
            "to match it as written, add it under 'entities:'"
        ]
    else:
        assert not loaded.problems
        assert loaded.facts[0].subject is not None
        assert loaded.facts[0].subject.name == subject


def test_repeated_values_are_read_once_and_bad_ones_reported_each_time(tmp_path: Path) -> None:
    facts = ["facts:"]
    for i in range(3):
        facts += [f"  - id: good-{i}", "    cue: goals", "    value: 3 goals"]
        facts += [f"  - id: bad-{i}", "    cue: rain", "    value: 90 mles"]
    path = tmp_path / "facts.yaml"
    path.write_text("\n".join(facts) + "\n", encoding="utf-8")
    loaded = load_facts([path])
    assert [f.id for f in loaded.facts] == ["good-0", "good-1", "good-2"]
    assert len({id(f.value) for f in loaded.facts}) == 1  # one Quantity for one text
    assert [(p.location.line, p.fact_id) for p in loaded.problems] == [
        (7, "bad-0"),
        (13, "bad-1"),
        (19, "bad-2"),
    ]
    assert all("'90 mles'" in p.message for p in loaded.problems)


def test_loading_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("facts:\n  - id: f\n    cue: goals\n    value: 3 goals\n", encoding="utf-8")
    assert gc.isenabled()
    load_facts([path])
    assert gc.isenabled()
    gc.disable()
    try:
        load_facts([path])
        assert not gc.isenabled()
    finally:
        gc.enable()
