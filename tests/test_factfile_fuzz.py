"""Fuzzing the fact file loader: whatever a file holds, loading never raises.

Every problem must be located inside the file (line 1 to its line count + 1, column 1 or
more) so that a user can always jump to it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck import yamlmarks
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import FactSet

FUZZ = settings(
    max_examples=150,
    deadline=None,  # the first value read builds the unit registry
    suppress_health_check=[HealthCheck.too_slow],
)

TOKENS = [
    *("facts", "entities", "units", "id", "cue", "cuee", "value", "tolerance", "subject"),
    *("scope", "source", "tags", "xfail", "claim", "spellings", "fuzzy", "al", "<<"),
    *(":", ": ", " ", "  ", "\n", "\n  ", "\n    ", "- ", "-", ",", "[", "]", "{", "}"),
    *("'", '"', "\\", "#", "---", "...", "?", "|", ">", "%", "\t", "\r\n", "\u2028"),
    *("!!python/object:os.system", "!!python/object/apply:os.system", "!!str", "!!int"),
    *("!!binary", "!!set", "!foo", "!", "&a ", "*a", "&b ", "*b", "*c"),
    *("90 mi", "4 towns", "5%", "3 km", "62", "012", "1_000", "0x1f", ".nan", "1e999"),
    *("true", "no", "~", "null", "2014-06-10", "sentence", "east (of", "a*", "é", "\x00"),
    *("about 90 miles", "more than 70 percent", "between 250 and 300 km", "mles", "x" * 50),
]

token_soup = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)


READER_CRASH = re.compile(r"^(?:value|tolerance) .* could not be read \(")


def check(root: Path, data: bytes) -> FactSet:
    """Load ``data`` as a fact file and check the invariants every load must keep."""
    path = root / "fuzz.yaml"
    path.write_bytes(data)
    facts = load_facts([path], display=lambda p: p.name)
    last_line = data.count(b"\n") + 2  # a problem may sit just past a final newline
    for problem in facts.problems:
        assert problem.location.path == "fuzz.yaml", problem
        assert 1 <= problem.location.line <= last_line, (problem, data)
        assert problem.location.col >= 1, problem
        assert problem.message, problem
        # The loader turns a crash of the quantity reader into a problem so that the run
        # goes on; in fuzzing, such a problem is a bug to see, not bad input.
        assert not READER_CRASH.search(problem.message), (problem, data)
    for fact in facts.facts:
        assert 1 <= fact.location.line <= last_line
    assert facts.files == ("fuzz.yaml",)
    return facts


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(
    text=token_soup,
    junk=st.binary(max_size=4),
    at=st.integers(min_value=0),
    pure_python=st.booleans(),
)
def test_token_soup_never_raises(
    root: Path, text: str, junk: bytes, at: int, pure_python: bool
) -> None:
    data = text.encode("utf-8")
    at %= len(data) + 1
    loader = yamlmarks._Loader
    if pure_python:  # the fallback when PyYAML has no libyaml
        yamlmarks._Loader = yamlmarks.MarkedLoader
    try:
        check(root, data[:at] + junk + data[at:])
    finally:
        yamlmarks._Loader = loader


def scalars() -> st.SearchStrategy[object]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.sampled_from(TOKENS),
        st.text(max_size=20),
    )


fact_like = st.recursive(
    scalars(),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(TOKENS), children, max_size=6),
    ),
    max_leaves=30,
)

facts_file = st.fixed_dictionaries(
    {},
    optional={
        "entities": st.dictionaries(st.text(max_size=10), fact_like, max_size=3),
        "units": st.dictionaries(st.sampled_from(TOKENS), fact_like, max_size=3),
        "facts": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    key: fact_like
                    for key in ("id", "cue", "value", "tolerance", "tags", "xfail", "subject")
                },
            ),
            max_size=4,
        ),
        "fact": fact_like,
    },
)


@FUZZ
@given(document=facts_file, cut=st.integers(min_value=0))
def test_structured_files_never_raise(root: Path, document: dict[str, object], cut: int) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    check(root, text.encode("utf-8"))
    # The same file cut short at any point: a half-saved file.
    data = text.encode("utf-8")
    check(root, data[: cut % (len(data) + 1)])


@FUZZ
@given(data=st.binary(max_size=200))
def test_random_bytes_never_raise(root: Path, data: bytes) -> None:
    check(root, data)
