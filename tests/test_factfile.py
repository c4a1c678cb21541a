"""Loading fact files: every rule of the format, and every way a file can be broken."""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from pytest_factcheck import factfile, yamlmarks
from pytest_factcheck.factfile import find_fact_files, load_facts
from pytest_factcheck.facts import FactSet
from pytest_factcheck.names import Entity


def write(root: Path, name: str, text: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(root: Path, *paths: Path) -> FactSet:
    return load_facts(list(paths), display=lambda p: p.relative_to(root).as_posix())


def problems(facts: FactSet) -> list[str]:
    return [str(p) for p in facts.problems]


def load_one(tmp_path: Path, text: str | bytes, name: str = "facts/a.yaml") -> FactSet:
    return load(tmp_path, write(tmp_path, name, text))


def only_problem(facts: FactSet) -> str:
    found = problems(facts)
    assert len(found) == 1, found
    return found[0]


GOOD = """
entities:
  Rutba: [Rutbah]
facts:
  - id: rutba-distance-to-jordan
    claim: Rutba lies about 90 miles east of Jordan
    subject: Rutbah
    cue: east of
    value: 90 mi
    tolerance: 5%
    scope: sentence
    source: https://example.org/rutba
    tags: [distance, geography]
    xfail: "the wire copy says 100 miles"
  - id: towns-seized
    value: 4 towns
"""


# -- a good file -------------------------------------------------------------------------


def test_good_file_loads_every_field(tmp_path: Path) -> None:
    facts = load_one(tmp_path, GOOD)
    assert problems(facts) == []
    assert facts.files == ("facts/a.yaml",)
    first, second = facts.facts
    assert first.id == "rutba-distance-to-jordan"
    assert str(first.location) == "facts/a.yaml:4:5"
    assert first.claim == "Rutba lies about 90 miles east of Jordan"
    assert first.subject == Entity("Rutba", ("Rutbah",))
    assert first.cue == "east of"
    assert first.value_text == "90 mi"
    assert first.unit == "mile"
    assert (first.value.interval.low, first.value.interval.high) == (90, 90)
    assert first.tolerance_text == "5%"
    assert first.tolerance_relative == pytest.approx(0.05)
    assert first.tolerance_absolute == 0
    assert first.expected.low == pytest.approx(85.5)
    assert first.scope == "sentence"
    assert first.source == "https://example.org/rutba"
    assert first.tags == ("distance", "geography")
    assert first.xfail == "the wire copy says 100 miles"
    assert second.id == "towns-seized"
    assert second.noun == "town"
    assert second.cue is None
    assert second.scope == "paragraph"
    assert second.subject is None
    assert second.xfail is None
    assert second.tags == ()
    assert facts.entities == {"Rutba": Entity("Rutba", ("Rutbah",))}


def test_yaml_number_value_is_read_as_written(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        facts:
          - id: killed
            cue: killed
            value: 62
        """,
    )
    assert problems(facts) == []
    (fact,) = facts.facts
    assert fact.value_text == "62"
    assert fact.unit == "dimensionless"
    assert fact.value.interval.low == 62


def test_approx_is_passed_to_the_value_grammar(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "facts:\n  - {id: x, cue: east, value: about 100 mi}\n")
    (fact,) = load_facts([path], approx=0.2).facts
    assert (fact.value.interval.low, fact.value.interval.high) == pytest.approx((80, 120))


# -- structure problems --------------------------------------------------------------------


def test_three_broken_facts_give_three_problems_and_keep_the_good_ones(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        facts:
          - id: good-one
            cue: killed
            value: 62
          - id: no-value
            cue: killed
          - cue: killed
            value: 3
          - id: typo
            cuee: killed
            value: 4 towns
          - id: good-two
            value: 4 towns
        """,
    )
    assert problems(facts) == [
        "facts/a.yaml:5:5: no-value: missing required key 'value'",
        "facts/a.yaml:7:5: missing required key 'id'",
        "facts/a.yaml:10:5: typo: unknown key 'cuee' (did you mean 'cue'?)",
    ]
    assert [f.id for f in facts.facts] == ["good-one", "good-two"]


def test_unknown_top_level_key_suggests_the_right_one(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "fact:\n  - id: x\n    value: 4 towns\n")
    assert only_problem(facts).startswith(
        "facts/a.yaml:1:1: unknown top-level key 'fact' (did you mean 'facts'?)"
    )


def test_a_list_at_the_top_is_a_problem(tmp_path: Path) -> None:
    message = only_problem(load_one(tmp_path, "- id: x\n  value: 4 towns\n"))
    assert message.startswith("facts/a.yaml:1:1: a fact file is a mapping, but this one is a list")


def test_facts_must_be_a_list_and_each_fact_a_mapping(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  id: x\n")
    assert "facts/a.yaml:2:3: facts must be a list of facts" in only_problem(facts)
    facts = load_one(tmp_path, "facts:\n  - just words\n  - id: ok\n    value: 2 towns\n")
    assert only_problem(facts) == (
        "facts/a.yaml:2:5: a fact must be a mapping (id:, value:, ...), not a string"
    )
    assert [f.id for f in facts.facts] == ["ok"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "facts:\n", "facts: []\n"])
def test_an_empty_file_is_fine(tmp_path: Path, text: str) -> None:
    facts = load_one(tmp_path, text)
    assert facts.problems == ()
    assert facts.facts == ()
    assert facts.files == ("facts/a.yaml",)


# -- ids -------------------------------------------------------------------------------------


def test_numeric_id_is_reported(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: 12\n    value: 4 towns\n")
    assert only_problem(facts) == (
        'facts/a.yaml:2:9: id must be a string, not a number (12); quote it: id: "12"'
    )
    assert facts.facts == ()


def test_id_with_bad_characters(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: rutba distance\n    value: 4 towns\n")
    assert only_problem(facts) == (
        "facts/a.yaml:2:9: rutba distance: id 'rutba distance' may contain only letters, "
        "digits, '-', '_' and '.'"
    )


def test_duplicate_ids_across_files_name_both(tmp_path: Path) -> None:
    a = write(tmp_path, "facts/a.yaml", "facts:\n  - id: same\n    value: 4 towns\n")
    b = write(
        tmp_path,
        "facts/b.yaml",
        "facts:\n  - id: other\n    value: 2 towns\n  - id: same\n    value: 5 towns\n",
    )
    facts = load(tmp_path, a, b)
    assert problems(facts) == [
        "facts/b.yaml:4:5: same: duplicate id 'same': first defined at facts/a.yaml:2:5"
    ]
    assert [(f.id, f.value_text) for f in facts.facts] == [
        ("same", "4 towns"),
        ("other", "2 towns"),
    ]


def test_duplicate_of_a_broken_fact_is_still_a_duplicate(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        facts:
          - id: twice
            value: 4 towns
            colour: red
          - id: twice
            value: 4 towns
        """,
    )
    assert problems(facts) == [
        "facts/a.yaml:4:5: twice: unknown key 'colour'",
        "facts/a.yaml:5:5: twice: duplicate id 'twice': first defined at facts/a.yaml:2:5",
    ]
    assert facts.facts == ()


# -- cue ----------------------------------------------------------------------------------------


def test_invalid_cue_quotes_the_regex_error_at_its_column(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: east (of\n    value: 90 mi\n")
    assert only_problem(facts) == (
        "facts/a.yaml:3:18: x: cue 'east (of' is not a valid regular expression: missing )"
    )


def test_invalid_quoted_cue_points_inside_the_quotes(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: 'a[b'\n    value: 90 mi\n")
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:3:14: x: cue 'a[b' is not a valid regular expression")


def test_cue_is_case_insensitive_regex_source(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: controls?\n    value: 70 percent\n")
    assert facts.facts[0].cue == "controls?"


def test_cue_matching_empty_text_is_a_warning(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: 'a*'\n    value: 90 mi\n")
    assert problems(facts) == []
    assert [str(w) for w in facts.warnings] == [
        "facts/a.yaml:3:10: x: cue 'a*' matches empty text; only its non-empty matches "
        "count, and the fact may apply to almost any sentence"
    ]
    assert [f.id for f in facts.facts] == ["x"]


@pytest.mark.parametrize("cue", [".", "the", "\\w+", "e", "(?i)[a-z]{2}"])
def test_cue_matching_almost_every_sentence_is_a_warning(tmp_path: Path, cue: str) -> None:
    facts = load_one(tmp_path, f"facts:\n  - id: x\n    cue: '{cue}'\n    value: 3 goals\n")
    (warning,) = facts.warnings
    assert "of 20 ordinary sentences, so it marks no statement in particular" in str(warning)
    assert [f.id for f in facts.facts] == ["x"]


@pytest.mark.parametrize("cue", ["east of", "scored|netted", "gusts? of", "inflation", "the coast"])
def test_a_specific_cue_gives_no_warning(tmp_path: Path, cue: str) -> None:
    facts = load_one(tmp_path, f"facts:\n  - id: x\n    cue: '{cue}'\n    value: 3 goals\n")
    assert facts.warnings == ()


def test_a_unit_redefined_by_units_is_a_warning(tmp_path: Path) -> None:
    text = (
        "units:\n  mi: nautical_mile\n  furlong: furlong\n  km: kilometer\n"
        "facts:\n  - {id: x, cue: sail, value: 30 mi}\n"
    )
    facts = load_one(tmp_path, text)
    assert problems(facts) == []
    # A new unit, or the table's own meaning again, is no redefinition.
    assert [str(w) for w in facts.warnings] == [
        "facts/a.yaml:2:3: units: 'mi' redefines the unit table's 'mi' (mile) as "
        "nautical_mile, in every article"
    ]


@pytest.mark.parametrize(
    ("cue", "why"),
    [
        ("a{100000000}", "repeats something 100,000,000 times; the limit is 1,000"),
        ("((a{100}){100}){100}", "has counted repeats that multiply to over 100,000"),
        ("a" * 1001, "is longer than 1,000 characters"),
    ],
)
def test_cue_too_costly_to_compile_is_refused_quickly(tmp_path: Path, cue: str, why: str) -> None:
    started = time.perf_counter()
    facts = load_one(tmp_path, f"facts:\n  - id: x\n    cue: '{cue}'\n    value: 90 mi\n")
    assert time.perf_counter() - started < 2
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:3:10: x: cue '")
    assert message.endswith(why)


def test_a_fact_needs_a_cue_or_a_count_noun(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    value: 90 mi\n")
    assert only_problem(facts).startswith(
        "facts/a.yaml:2:5: x: a fact needs a 'cue', or a 'value' with a count noun"
    )


# -- value -----------------------------------------------------------------------------------


def test_value_with_misspelt_unit_suggests_the_unit(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: east\n    value: 90 mles\n")
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:4:12: x: value '90 mles' does not parse: ")
    assert "did you mean" in message


def test_value_that_is_not_a_quantity(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: east\n    value: far away\n")
    assert only_problem(facts).startswith("facts/a.yaml:4:12: x: value 'far away' does not parse")


@pytest.mark.parametrize(
    ("value", "kind"), [("[90, mi]", "a list"), ("true", "a boolean (true)"), ("", "nothing")]
)
def test_value_of_the_wrong_kind(tmp_path: Path, value: str, kind: str) -> None:
    facts = load_one(tmp_path, f"facts:\n  - id: x\n    cue: east\n    value: {value}\n")
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:4:")
    assert "value must be a quantity" in message
    assert kind in message


# -- units ----------------------------------------------------------------------------------


def test_units_from_one_file_work_in_another(tmp_path: Path) -> None:
    # The file with the facts sorts first: units are merged before any value is read.
    a = write(tmp_path, "facts/a.yaml", "facts:\n  - id: x\n    cue: walk\n    value: 3 leagues\n")
    b = write(tmp_path, "facts/b.yaml", "units:\n  leagues: league\n")
    facts = load(tmp_path, tmp_path / "facts")
    assert problems(facts) == []
    assert facts.files == ("facts/a.yaml", "facts/b.yaml")
    assert facts.units["leagues"] == "league"
    assert facts.facts[0].unit == "league"
    assert a.exists() and b.exists()


def test_unknown_unit_expression_is_reported(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "units:\n  klicks: milez\n")
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:2:11: unit 'klicks': unknown unit 'milez'")
    assert "did you mean" in message


def test_unit_defined_twice_differently(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "units:\n  klicks: kilometer\n")
    b = write(tmp_path, "b.yaml", "units:\n  klicks: mile\n")
    facts = load(tmp_path, a, b)
    assert only_problem(facts) == (
        "b.yaml:2:3: unit 'klicks' is already defined as 'kilometer' at a.yaml:2:3"
    )


# -- tolerance ---------------------------------------------------------------------------------


def tolerance_fact(tmp_path: Path, tolerance: str) -> FactSet:
    return load_one(
        tmp_path,
        f"facts:\n  - id: x\n    cue: east\n    value: 62 mi\n    tolerance: {tolerance}\n",
    )


def test_relative_tolerance(tmp_path: Path) -> None:
    (fact,) = tolerance_fact(tmp_path, "5%").facts
    assert fact.tolerance_relative == pytest.approx(0.05)
    assert fact.tolerance_absolute == 0
    assert (fact.expected.low, fact.expected.high) == pytest.approx((58.9, 65.1))


def test_absolute_tolerance_is_converted_to_the_value_unit(tmp_path: Path) -> None:
    (fact,) = tolerance_fact(tmp_path, "5 km").facts
    assert fact.tolerance_relative == 0
    assert fact.tolerance_absolute == pytest.approx(3.10686, rel=1e-4)
    assert fact.tolerance_text == "5 km"


def test_temperature_tolerance_is_a_difference(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        "facts:\n  - id: heat\n    cue: heat\n    value: 40 degrees Fahrenheit\n"
        "    tolerance: 5 degrees Celsius\n",
    )
    assert problems(facts) == []
    assert facts.facts[0].tolerance_absolute == pytest.approx(9)  # not 41 °F


def test_bare_number_tolerance_is_in_the_value_unit(tmp_path: Path) -> None:
    (fact,) = tolerance_fact(tmp_path, "3").facts
    assert (fact.tolerance_relative, fact.tolerance_absolute) == (0, 3)
    assert (fact.expected.low, fact.expected.high) == (59, 65)


def test_tolerance_of_another_dimension_is_reported(tmp_path: Path) -> None:
    message = only_problem(tolerance_fact(tmp_path, "3 kg"))
    assert message.startswith("facts/a.yaml:5:16: x: tolerance '3 kg' is in ")
    assert "does not convert to the value's unit mile" in message


@pytest.mark.parametrize("text", ["-3", "about 3 mi", "at least 2 mi"])
def test_tolerance_must_be_one_positive_amount(tmp_path: Path, text: str) -> None:
    message = only_problem(tolerance_fact(tmp_path, text))
    assert message.startswith("facts/a.yaml:5:16: x: tolerance ")


# -- entities and subject ---------------------------------------------------------------------


def test_entities_in_both_forms(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        entities:
          ISIS: [ISIL, Islamic State]
          Huseiba:
            spellings: [Husaybah]
            fuzzy: 1
            al: true
          Anbar:
        facts:
          - id: x
            subject: husaybah
            cue: west
            value: 4 towns
        """,
    )
    assert problems(facts) == []
    assert facts.entities == {
        "ISIS": Entity("ISIS", ("ISIL", "Islamic State")),
        "Huseiba": Entity("Huseiba", ("Husaybah",), fuzzy=1, al=True),
        "Anbar": Entity("Anbar"),
    }
    assert facts.facts[0].subject == facts.entities["Huseiba"]


def test_entities_from_another_file_and_literal_subjects(tmp_path: Path) -> None:
    write(tmp_path, "f/1.yaml", "facts:\n  - {id: a, subject: ISIL, cue: x, value: 1}\n")
    write(
        tmp_path,
        "f/2.yaml",
        "entities:\n  ISIS: [ISIL]\nfacts:\n  - {id: b, subject: Mosul, cue: x, value: 1}\n",
    )
    facts = load(tmp_path, tmp_path / "f")
    assert problems(facts) == []
    assert facts.facts[0].subject == Entity("ISIS", ("ISIL",))
    assert facts.facts[1].subject == Entity("Mosul")


def test_subject_close_to_an_entity_suggests_it(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        "entities:\n  Huseiba: [Husaybah]\nfacts:\n  - id: x\n    subject: Husaiba\n"
        "    cue: x\n    value: 1\n",
    )
    assert only_problem(facts).startswith(
        "facts/a.yaml:5:14: x: subject 'Husaiba' is not a known entity (did you mean 'Huseiba'?)"
    )


def test_entity_problems(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        entities:
          A:
            spelings: [B]
          C:
            fuzzy: 3
          D:
            al: maybe
          E: 12
          F: [ok, [nested]]
        """,
    )
    assert problems(facts) == [
        "facts/a.yaml:3:5: unknown key 'spelings' in entity 'A' (did you mean 'spellings'?); "
        "an entity has spellings:, fuzzy:, al:",
        "facts/a.yaml:5:12: fuzzy must be a whole number of edits from 0 to 2, not a number (3)",
        "facts/a.yaml:7:9: al must be true or false, not a string",
        "facts/a.yaml:8:6: the spellings of entity 'E' must be a list of strings, "
        "not a number (12)",
        "facts/a.yaml:9:11: each of the spellings of entity 'F' must be a non-empty string, "
        "not a list",
    ]
    assert facts.entities == {}


def test_entity_defined_twice(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "entities:\n  Rutba: [Rutbah]\n")
    b = write(tmp_path, "b.yaml", "entities:\n  Rutba: [Rutbah]\n")
    c = write(tmp_path, "c.yaml", "# another spelling\nentities:\n  Rutba: [Ar Rutbah]\n")
    facts = load(tmp_path, a, b, c)
    assert only_problem(facts) == (
        "c.yaml:3:3: entity 'Rutba' is already defined differently at a.yaml:2:3"
    )


# -- scope, tags, xfail, text fields ---------------------------------------------------------


def test_bad_scope_suggests_one(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: c\n    value: 1\n    scope: sentense\n")
    assert only_problem(facts) == (
        "facts/a.yaml:5:12: x: scope must be one of sentence, paragraph, article, "
        "not 'sentense' (did you mean 'sentence'?)"
    )


def test_tags_one_string_or_a_list(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        "facts:\n  - {id: a, cue: c, value: 1, tags: casualties}\n"
        "  - {id: b, cue: c, value: 1, tags: [x, y, x]}\n",
    )
    assert [f.tags for f in facts.facts] == [("casualties",), ("x", "y")]


def test_bad_tags(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        "facts:\n  - id: a\n    cue: c\n    value: 1\n    tags: [ok, two words, skip, class, 3]\n",
    )
    assert problems(facts) == [
        "facts/a.yaml:5:16: a: tag 'two words' is not usable as a pytest marker; "
        "a tag is a Python name such as 'distance' or 'casualty_count'",
        "facts/a.yaml:5:27: a: tag 'skip' is a pytest built-in marker and would change how "
        "the test runs; choose another name",
        "facts/a.yaml:5:33: a: tag 'class' is not usable as a pytest marker; "
        "a tag is a Python name such as 'distance' or 'casualty_count'",
        "facts/a.yaml:5:40: a: a tag must be a name, not a number (3)",
    ]


@pytest.mark.parametrize(
    ("xfail", "reason"),
    [("true", "known disagreement"), ("false", None), ("'disputed'", "disputed")],
)
def test_xfail_forms(tmp_path: Path, xfail: str, reason: str | None) -> None:
    facts = load_one(tmp_path, f"facts:\n  - {{id: a, cue: c, value: 1, xfail: {xfail}}}\n")
    assert problems(facts) == []
    assert facts.facts[0].xfail == reason


def test_xfail_of_the_wrong_kind(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: a\n    cue: c\n    value: 1\n    xfail: 3\n")
    assert only_problem(facts) == (
        "facts/a.yaml:5:12: a: xfail must be a reason (text), true/false, or a mapping of "
        "article globs to reasons, not a number (3)"
    )


def test_text_fields_keep_what_was_written(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path, "facts:\n  - {id: a, cue: c, value: 1, source: 2014-06-10, claim: 012}\n"
    )
    assert (facts.facts[0].source, facts.facts[0].claim) == ("2014-06-10", "012")


def test_empty_optional_key_is_a_problem(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: a\n    cue:\n    value: 4 towns\n")
    assert only_problem(facts) == "facts/a.yaml:3:5: a: cue must be text, not nothing (null)"


# -- YAML-level safety ----------------------------------------------------------------------


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: a\n    value: [1, 2\n  - id: b\n")
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:4:7: YAML syntax error: ")


def test_tabs_get_a_hint(tmp_path: Path) -> None:
    message = only_problem(load_one(tmp_path, "facts:\n\t- id: a\n"))
    assert message.startswith("facts/a.yaml:2:1: YAML syntax error")
    assert "use spaces" in message


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    facts = load_one(
        tmp_path,
        f"""
        facts:
          - id: a
            cue: c
            value: !!python/object/apply:os.system ["touch {marker}"]
          - id: b
            cue: c
            value: 1
        """,
    )
    assert only_problem(facts) == (
        "facts/a.yaml:4:12: a: tag !!python/object/apply:os.system is not allowed in a fact "
        "file; only plain strings, numbers, booleans, lists and mappings are"
    )
    assert not marker.exists()
    assert [f.id for f in facts.facts] == ["b"]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("x: !!python/object:os.system {}\n", "!!python/object:os.system"),
        ("x: !custom 1\n", "!custom"),
        ("x: !!binary aGk=\n", "!!binary"),
        ("x: !!set {a}\n", "!!set"),
    ],
)
def test_unknown_tags_are_problems(tmp_path: Path, text: str, tag: str) -> None:
    problem = [p for p in problems(load_one(tmp_path, text)) if "tag" in p]
    assert problem == [
        f"facts/a.yaml:1:4: tag {tag} is not allowed in a fact file; only plain strings, "
        "numbers, booleans, lists and mappings are"
    ]


def test_alias_bomb_is_one_problem_and_quick(tmp_path: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    facts = load_one(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    message = only_problem(facts)
    assert message.startswith("facts/a.yaml:")
    assert "aliases expand to more than 100,000 values" in message


def test_recursive_alias(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts: &f\n  - *f\n")
    assert only_problem(facts) == (
        "facts/a.yaml:2:5: alias *f refers to a list or mapping that contains it "
        "(a recursive alias)"
    )


def test_aliases_and_merge_keys_are_allowed(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        facts:
          - &base
            id: a
            cue: east
            value: 90 mi
            source: &src https://example.org/report
          - <<: *base
            id: b
            value: 100 mi
          - {id: c, cue: x, value: 1, source: *src}
        """,
    )
    assert problems(facts) == []
    assert [(f.id, f.cue, f.value_text, f.source) for f in facts.facts] == [
        ("a", "east", "90 mi", "https://example.org/report"),
        ("b", "east", "100 mi", "https://example.org/report"),
        ("c", "x", "1", "https://example.org/report"),
    ]


DEEP = [
    "[" * 10_000 + "]" * 10_000,
    "{a: " * 2_000 + "1" + "}" * 2_000,
    "x:\n" + "- " * 60 + "1\n",
    "k: [" * 1_500,
]


@pytest.mark.parametrize("pure_python", [False, True])
@pytest.mark.parametrize("text", DEEP)
def test_deep_nesting_is_one_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, pure_python: bool
) -> None:
    # libyaml builds that stop deep flow nesting themselves must not change the wording.
    if pure_python:
        monkeypatch.setattr(yamlmarks, "_Loader", yamlmarks.MarkedLoader)
    message = only_problem(load_one(tmp_path, text))
    assert "nested more than 50 levels deep; a fact file needs only a few" in message
    assert message.startswith("facts/a.yaml:")


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("w") as stream:
        stream.write("# padding\n" * (factfile.MAX_FILE_BYTES // 10 + 1))
    assert only_problem(load(tmp_path, path)) == (
        "big.yaml:1:1: the fact file is larger than 5 MB; split it into several files"
    )


def test_duplicate_keys_are_detected_and_the_fact_is_not_run(tmp_path: Path) -> None:
    text = (
        "facts:\n  - id: a\n    cue: c\n    value: 1\n    value: 2\n  - {id: b, cue: c, value: 3}\n"
    )
    facts = load_one(tmp_path, text)
    assert only_problem(facts) == (
        "facts/a.yaml:5:5: a: duplicate key 'value' (first at line 4); "
        "YAML would silently keep only the last one"
    )
    assert [f.id for f in facts.facts] == ["b"]


def test_a_duplicate_key_outside_any_fact_leaves_the_facts_alone(tmp_path: Path) -> None:
    text = (
        "entities:\n  Oslo: [Kristiania]\n  Oslo: [Christiania]\n"
        "facts:\n  - {id: b, cue: c, value: 3}\n"
    )
    facts = load_one(tmp_path, text)
    assert only_problem(facts).startswith("facts/a.yaml:3:3: duplicate key 'Oslo'")
    assert [f.id for f in facts.facts] == ["b"]


def test_not_utf8_is_located_with_the_byte_offset(tmp_path: Path) -> None:
    facts = load_one(tmp_path, b"facts:\n  - id: caf\xe9\n")
    assert only_problem(facts) == (
        "facts/a.yaml:2:12: the file is not UTF-8: byte 0xE9 at byte offset 18 cannot be "
        "decoded; save the file as UTF-8"
    )


def test_utf8_bom_is_fine_and_utf16_is_named(tmp_path: Path) -> None:
    facts = load_one(tmp_path, b"\xef\xbb\xbffacts:\n  - {id: a, cue: c, value: 1}\n")
    assert problems(facts) == []
    facts = load_one(tmp_path, "facts: []\n".encode("utf-16"))
    assert "UTF-16" in only_problem(facts)


def test_control_characters_are_located(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts:\n  - id: a\x00b\n")
    assert only_problem(facts).startswith(
        "facts/a.yaml:2:10: character #x0000 is not allowed in YAML"
    )


def test_two_documents_are_a_problem(tmp_path: Path) -> None:
    facts = load_one(tmp_path, "facts: []\n---\nfacts: []\n")
    assert only_problem(facts).startswith(
        "facts/a.yaml:2:1: a fact file holds one YAML document, but a second one starts here"
    )


def test_all_problems_of_a_file_at_once_in_order(tmp_path: Path) -> None:
    facts = load_one(
        tmp_path,
        """
        entities:
          X: {spellings: [Y], fuzz: 1}
        facts:
          - id: a
            cue: c
            value: !!str 1
            tags: [!!python/name:os.system x]
          - id: 7
            value: 4 towns
          - id: b
            value: 4 towns
            scope: everywhere
        """,
    )
    assert problems(facts) == [
        "facts/a.yaml:2:23: unknown key 'fuzz' in entity 'X' (did you mean 'fuzzy'?); "
        "an entity has spellings:, fuzzy:, al:",
        "facts/a.yaml:7:12: a: tag !!python/name:os.system is not allowed in a fact file; "
        "only plain strings, numbers, booleans, lists and mappings are",
        'facts/a.yaml:8:9: id must be a string, not a number (7); quote it: id: "7"',
        "facts/a.yaml:12:12: b: scope must be one of sentence, paragraph, article, "
        "not 'everywhere'",
    ]
    # The tag problem leaves fact a out; the other good fields of the file still load.
    assert [f.id for f in facts.facts] == []
    assert facts.entities == {}


SAMPLES = [
    GOOD,
    "facts:\n  - id: a\n    value: 1\n    value: 2\n",
    "x: !!python/object:os.system {}\ny: [!foo 1, !!int abc]\n",
    "a: &a [1, *a]\n",
    "[" * 60 + "]" * 60,
    "a: 1\n---\nb: 2\n",
    "base: &b {source: s}\nf: {<<: *b, id: x}\n? [k]\n: v\n",
    "a: 'x\u2028y'\nb: [\n",
    "facts:\r\n  - id: a\r\n    value: [1\r\n",
    *DEEP,
    "a: [1, 2\nb: }\n",
]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("text", SAMPLES)
def test_libyaml_and_pure_python_agree(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def shape(node: yamlmarks.MarkedNode | None) -> object:
        if isinstance(node, yamlmarks.Map):
            return [(k.start, k.text, shape(v)) for k, v in node.items]
        if isinstance(node, yamlmarks.Seq):
            return [shape(item) for item in node.items]
        if isinstance(node, yamlmarks.Scalar):
            return (node.start, node.end, node.value, node.plain)
        return None if node is None else ("invalid", node.start, node.end)

    fast_root, fast_problems = yamlmarks.load_text(text, "f.yaml")
    monkeypatch.setattr(yamlmarks, "_Loader", yamlmarks.MarkedLoader)
    slow_root, slow_problems = yamlmarks.load_text(text, "f.yaml")
    assert shape(fast_root) == shape(slow_root)
    # A syntax error is worded by the pure Python parser whichever one PyYAML has.
    assert fast_problems == slow_problems


def test_libyaml_is_not_used_when_its_events_are_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    # As after a fresh ``import yaml`` in the same process: libyaml keeps the old classes.
    monkeypatch.setattr(yamlmarks, "StreamStartEvent", type("StreamStartEvent", (), {}))
    assert yamlmarks._fast_loader() is None


def test_crlf_and_unicode_line_breaks_count_like_an_editor(tmp_path: Path) -> None:
    facts = load_one(tmp_path, b"facts:\r\n  - id: a\r\n    cuee: x\r\n")
    assert problems(facts)[0] == "facts/a.yaml:2:5: a: missing required key 'value'"
    assert problems(facts)[1] == "facts/a.yaml:3:5: a: unknown key 'cuee' (did you mean 'cue'?)"
    # U+2028 breaks a YAML line but not an editor's.
    facts = load_one(tmp_path, "facts:\n  - {id: a, claim: 'x\u2028y', cuee: x}\n".encode())
    assert "facts/a.yaml:2:27: a: unknown key 'cuee'" in problems(facts)[-1]


# -- finding files ---------------------------------------------------------------------------


def test_find_fact_files(tmp_path: Path) -> None:
    write(tmp_path, "facts/b.yml", "")
    write(tmp_path, "facts/a.yaml", "")
    write(tmp_path, "facts/sub/c.yaml", "")
    write(tmp_path, "facts/notes.txt", "")
    single = write(tmp_path, "other/x.txt", "")
    found, missing = find_fact_files(
        [tmp_path / "facts", single, tmp_path / "facts" / "a.yaml", tmp_path / "nope"]
    )
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "facts/a.yaml",
        "facts/b.yml",
        "facts/sub/c.yaml",
        "other/x.txt",
    ]
    assert [str(p) for p in missing] == [f"{tmp_path / 'nope'}:1:1: no such fact file or folder"]


def test_load_facts_reports_a_missing_path(tmp_path: Path) -> None:
    good = write(tmp_path, "facts/a.yaml", "facts:\n  - {id: a, cue: c, value: 1}\n")
    facts = load(tmp_path, tmp_path / "missing.yaml", good)
    assert [f.id for f in facts.facts] == ["a"]
    assert facts.files == ("facts/a.yaml",)
    assert only_problem(facts) == "missing.yaml:1:1: no such fact file or folder"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    assert only_problem(load(tmp_path, tmp_path / "pipe.yaml")) == (
        "pipe.yaml:1:1: not a regular file or a folder"
    )


def test_load_facts_takes_folders(tmp_path: Path) -> None:
    write(tmp_path, "facts/b.yaml", "facts:\n  - {id: b, cue: c, value: 1}\n")
    write(tmp_path, "facts/a/z.yml", "facts:\n  - {id: a, cue: c, value: 1}\n")
    facts = load(tmp_path, tmp_path / "facts", tmp_path / "facts" / "b.yaml")
    assert facts.files == ("facts/a/z.yml", "facts/b.yaml")
    assert [f.id for f in facts.facts] == ["a", "b"]
    assert str(facts.facts[0].location) == "facts/a/z.yml:2:5"


def test_a_cue_that_backtracks_is_a_warning_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pytest_factcheck import cuewarnings

    # Some releases of the regex module backtrack for minutes on this cue; any release
    # does within a limit this small.
    monkeypatch.setattr(cuewarnings, "SENTENCE_SECONDS", 1e-9)
    facts = load_one(tmp_path, "facts:\n  - id: x\n    cue: '(\\w+\\s?)*\\d'\n    value: 3 goals\n")
    (warning,) = facts.warnings
    assert "ran longer than 1e-09 s on one ordinary sentence; it backtracks" in str(warning)
    assert [f.id for f in facts.facts] == ["x"]
