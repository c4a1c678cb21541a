"""JUnit XML: valid under pytest's default family, clickable messages, properties by family.

The schema is ``junit-10.xsd``, the one pytest's own tests use (MIT, vendored next to this
file). Under the default ``xunit2`` family it allows no per-testcase ``<properties>``, so
the plugin records its structured properties only under ``xunit1`` and ``legacy``; and it
has no ``<error>`` element, so a broken fact file fails as a ``<failure>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import xmlschema

if TYPE_CHECKING:
    from conftest import MakeProject

SCHEMA = Path(__file__).with_name("junit-10.xsd")

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
  - id: towns-seized
    value: 4 towns
    xfail: "the wire copy says three"
"""

BROKEN = """\
facts:
  - id: bad-unit
    cue: east of
    value: 90 mles
"""

FIRST_LINE = (
    'news/b_contradicts.txt:3:25: rutba-distance: article says "120 miles" (120 mi); '
    "fact says 90 mi ± 5% (85.5–94.5 mi)"
)


@pytest.fixture
def project(factcheck_project: MakeProject, rutba_articles: dict[str, str]) -> pytest.Pytester:
    """Every kind of outcome: pass, failure, skip, xfail, unreadable article, broken facts.

    Every pair is an item (``factcheck_unmentioned = skip``), so "not mentioned" is there.

    The facts: rutba-distance (a: passes, b: fails, c, e: not mentioned, d: unreadable),
    towns-seized with ``xfail:`` (a: passes, b, c: not mentioned, d: unreadable, e: xfails).
    """
    pytester = factcheck_project(
        FACTS,
        {
            **rutba_articles,
            "d_latin1.txt": "Caf\xe9 in Rutba\n".encode("latin-1"),
            "e_three_towns.txt": "Militants seized three towns.\n",
        },
        ini="factcheck_unmentioned = skip\n",
    )
    (pytester.path / "facts" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return pytester


def junit(pytester: pytest.Pytester, *args: str) -> ET.Element:
    """Run the project with ``--junitxml`` and return the parsed report's root."""
    result = pytester.runpytest("--factcheck", "news/", "--junitxml=out.xml", *args)
    result.assert_outcomes(passed=2, failed=3, skipped=4, xfailed=1, errors=1)
    return ET.parse(pytester.path / "out.xml").getroot()


def case(root: ET.Element, classname: str, name: str) -> ET.Element:
    """The one testcase with this classname and name."""
    found = [
        c
        for c in root.iter("testcase")
        if c.get("classname") == classname and c.get("name") == name
    ]
    assert len(found) == 1, [c.attrib for c in root.iter("testcase")]
    return found[0]


@pytest.mark.parametrize("xdist", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_default_family_validates_against_the_schema(
    project: pytest.Pytester, xdist: list[str]
) -> None:
    root = junit(project, "-p", "no:xdist") if not xdist else junit(project, *xdist)
    xmlschema.XMLSchema(SCHEMA).validate(project.path / "out.xml")
    # Every kind of outcome is in the validated file.
    kinds = {child.tag for c in root.iter("testcase") for child in c}
    assert kinds == {"failure", "skipped"}
    assert not [c for c in root.iter("testcase") if c.find("properties") is not None]


def test_failure_message_begins_with_the_whole_first_line(project: pytest.Pytester) -> None:
    root = junit(project, "-p", "no:xdist")
    failure = case(root, "news.b_contradicts.txt", "rutba-distance").find("failure")
    assert failure is not None
    message = failure.get("message", "")
    assert message.splitlines()[0] == FIRST_LINE
    assert failure.text is not None
    assert failure.text.splitlines()[0] == FIRST_LINE
    assert "fact: facts/facts.yaml:4: rutba-distance" in failure.text.splitlines()
    assert "Traceback" not in failure.text


def test_long_first_line_is_whole_in_the_message(project: pytest.Pytester) -> None:
    # A long fact id and a deep article path: the first line is nearly 400 characters.
    long_id = "rutba-distance-" + "x" * 60
    facts = FACTS.replace("id: rutba-distance", f"id: {long_id}")
    (project.path / "facts" / "facts.yaml").write_text(facts, encoding="utf-8")
    deep = project.path / "news" / ("section-" + "y" * 100) / ("desk-" + "z" * 100)
    deep.mkdir(parents=True)
    (project.path / "news" / "b_contradicts.txt").rename(deep / "b_contradicts.txt")
    project.runpytest("--factcheck", "news/", "--junitxml=out.xml", "-p", "no:xdist")
    root = ET.parse(project.path / "out.xml").getroot()
    failure = next(f for f in root.iter("failure") if "article says" in f.get("message", ""))
    first = (failure.text or "").splitlines()[0]
    assert len(first) > 350
    assert first.endswith("fact says 90 mi ± 5% (85.5–94.5 mi)")
    assert failure.get("message", "").startswith(first)


def test_skip_xfail_unreadable_and_broken_fact_file(project: pytest.Pytester) -> None:
    root = junit(project, "-p", "no:xdist")
    skipped = case(root, "news.c_silent.md", "rutba-distance").find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "not mentioned"
    assert skipped.text == "news/c_silent.md:1: not mentioned"

    # An xfail fact that the article agrees with simply passes.
    assert len(case(root, "news.a_agrees.txt", "towns-seized")) == 0

    unreadable = case(root, "news.d_latin1.txt", "rutba-distance").find("failure")
    assert unreadable is not None
    assert unreadable.get("message", "").startswith(
        "news/d_latin1.txt:1:1: rutba-distance: cannot read article: not UTF-8"
    )

    # A broken fact file is an error in the terminal, but a <failure> in JUnit: the
    # schema has no <error> element (it spells it <errors>, which no JUnit reader knows).
    broken = case(root, "facts.broken.yaml", "load")
    assert [child.tag for child in broken] == ["failure"]
    message = broken[0].get("message", "")
    assert message.startswith("facts/broken.yaml:4:12: bad-unit: value '90 mles' does not parse")
    assert message == broken[0].text


def test_xfail_is_reported_as_such(project: pytest.Pytester) -> None:
    root = junit(project, "-p", "no:xdist")
    xfail = case(root, "news.e_three_towns.txt", "towns-seized").find("skipped")
    assert xfail is not None
    assert xfail.get("type") == "pytest.xfail"
    assert xfail.get("message") == "the wire copy says three"


@pytest.mark.parametrize("family", ["xunit1", "legacy"])
def test_properties_and_location_under_xunit1_and_legacy(
    project: pytest.Pytester, family: str
) -> None:
    root = junit(project, "-p", "no:xdist", "-o", f"junit_family={family}")
    failed = case(root, "news.b_contradicts.txt", "rutba-distance")
    # pytest writes the item's location: the article and the 0-based line of the mention.
    assert (failed.get("file"), failed.get("line")) == ("news/b_contradicts.txt", "2")
    properties = {p.get("name"): p.get("value") for p in failed.iter("property")}
    assert properties == {
        "fact_id": "rutba-distance",
        "fact_file": "facts/facts.yaml:4",
        "expected": "90 mi ± 5% (85.5–94.5 mi)",
        "found": "120 miles",
    }
    failure = failed.find("failure")
    assert failure is not None and failure.get("message", "").startswith(FIRST_LINE)


def test_no_testcase_properties_under_xunit2(project: pytest.Pytester) -> None:
    for args in (["-o", "junit_family=xunit2"], []):
        root = junit(project, "-p", "no:xdist", *args)
        assert not [c for c in root.iter("testcase") if c.find("properties") is not None]
        assert all(c.get("file") is None and c.get("line") is None for c in root.iter("testcase"))


def test_omit_mode_reports_the_collected_pairs_only(
    project: pytest.Pytester, factcheck_project: MakeProject
) -> None:
    factcheck_project(FACTS)  # the default ini: factcheck_unmentioned = omit
    result = project.runpytest("--factcheck", "news/", "--junitxml=out.xml")
    result.assert_outcomes(passed=2, failed=3, xfailed=1, errors=1)
    root = ET.parse(project.path / "out.xml").getroot()
    xmlschema.XMLSchema(SCHEMA).validate(root)
    names = sorted((c.get("classname"), c.get("name")) for c in root.iter("testcase"))
    assert names == [
        ("facts.broken.yaml", "load"),
        ("news.a_agrees.txt", "rutba-distance"),
        ("news.a_agrees.txt", "towns-seized"),
        ("news.b_contradicts.txt", "rutba-distance"),
        ("news.d_latin1.txt", "rutba-distance"),
        ("news.d_latin1.txt", "towns-seized"),
        ("news.e_three_towns.txt", "towns-seized"),
    ]
    assert not [
        c
        for c in root.iter("testcase")
        if c.find("skipped") is not None and c.find("skipped").get("type") == "pytest.skip"
    ]
