"""The literals a cue's every match contains: a table of cues, and a property on random ones."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.cueliterals import cue_literals


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("rainfall", {"rainfall"}),
        ("Rainfall", {"rainfall"}),  # case-folded: cues match case-insensitively
        ("goals?", {"goal"}),  # the optional letter is left out
        ("shares (?:rose|fell)", {"shares "}),  # the longer certain run wins
        ("(?:rose|fell|slid) by", {"rose", "fell", "slid"}),  # a group beats a short run
        (r"\bpoints\b", {"points"}),
        (r"wind(?:s|speed)? of", {"wind"}),
        (r"record\s+high", {"record"}),
        (r"km/h|mph", {"km/h", "mph"}),
        (r"u\.s\. dollars", {"u.s. dollars"}),  # an escaped dot is a literal dot
        (r"(?i)turnout", {"turnout"}),
        (r"(?<=the )match", {"match"}),  # a lookbehind adds nothing
        (r"(?P<what>gold|silver) medals?", {" medal"}),
        (r"temp(?:erature)?s?", {"temp"}),
        (r"lap+ed", {"lap"}),  # "lap" is certain, then more p's may follow
        ("(?:inflation){e<=1}", None),  # fuzzy: the text may differ
        (r"(?x) price", None),  # verbose: spaces mean nothing
        (r"\d+ runs|.", None),  # one alternative can match anything
        (r"[a-z]+ed", None),  # "ed" is too short to be worth scanning for
        (r"\x41bc", None),  # the escape is skipped whole: "bc" is too short
        (r"\Qa.b\E", None),
        (r"(?(1)a|b)", None),
    ],
)
def test_literals_of_cues(cue: str, expected: set[str] | None) -> None:
    found = cue_literals(cue)
    assert (None if found is None else set(found)) == expected


_ATOMS = st.sampled_from(
    ["a", "b", "c", "X", " ", "-", r"\.", ".", "[ab]", r"\d", r"\s", r"\w", "é", "ß", "K", r"\b"]
)
_QUANTIFIERS = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}", "??"])


def _pattern(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    group = st.lists(children, min_size=1, max_size=3).map(lambda b: "(?:" + "|".join(b) + ")")
    atom = st.one_of(_ATOMS, group)
    piece = st.tuples(atom, _QUANTIFIERS).map(lambda t: t[0] if t[0] == r"\b" else t[0] + t[1])
    return st.lists(piece, min_size=1, max_size=6).map("".join)


PATTERNS = st.recursive(
    st.lists(_ATOMS, min_size=1, max_size=6).map("".join), _pattern, max_leaves=8
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), cue=PATTERNS)
def test_every_match_contains_a_literal(data: st.DataObject, cue: str) -> None:
    literals = cue_literals(cue, minimum=1)
    if literals is None:
        return
    text = data.draw(st.from_regex(re.compile(cue, re.IGNORECASE)))
    for match in regex.finditer(cue, text, regex.IGNORECASE):
        if match.end() > match.start():
            folded = text.casefold()
            assert any(literal in folded for literal in literals), (cue, text, literals)
