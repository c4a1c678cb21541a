"""The failure text: its clickable first line, the excerpt, the mentions and the fact's origin.

Unit tests build the text from a fact file and an article written here; the end-to-end tests
check that the terminal, pytest-xdist and JUnit all carry the same text, with no traceback.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pytest_factcheck.articles import parse_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import Fact
from pytest_factcheck.match import ArticleIndex, Verdict, check, index_article
from pytest_factcheck.report import (
    EXCERPT_WIDTH,
    INDENT,
    QUOTE_LIMIT,
    excerpt,
    failure_text,
    first_line,
    text_width,
)

if TYPE_CHECKING:
    from conftest import MakeProject

RUTBA = """\
facts:
  - id: rutba-distance
    claim: Rutba lies about 90 miles east of Jordan
    subject: Rutba
    cue: east of
    value: 90 mi
    tolerance: 5%
    source: https://example.org/rutba
"""


def run(tmp_path: Path, text: str, facts: str = RUTBA) -> tuple[Fact, Verdict, ArticleIndex]:
    """Check the first fact of ``facts`` against ``text`` (an article named a.txt)."""
    (tmp_path / "facts.yaml").write_text(facts, encoding="utf-8")
    loaded = load_facts([tmp_path / "facts.yaml"], display=lambda p: p.name)
    assert not loaded.problems, loaded.problems
    index = index_article(parse_article(text, "a.txt"))
    fact = loaded.facts[0]
    return fact, check(fact, index), index


def marks_under(lines: list[str], word: str) -> str:
    """The marks printed under ``word`` in a two-line excerpt (``word`` must be once)."""
    shown, under = lines
    assert shown.count(word) == 1, shown
    start = text_width(shown[: shown.index(word)])
    return under.ljust(len(shown) * 2)[start : start + text_width(word)]


def test_whole_failure_text(tmp_path: Path) -> None:
    text = "A headline\n\nThe town of Rutbah lies 120 miles east of Jordan, officials said.\n"
    facts = RUTBA.replace("facts:\n", "entities:\n  Rutba: [Rutbah]\nfacts:\n")
    fact, verdict, index = run(tmp_path, text, facts)
    assert failure_text(fact, verdict, index).splitlines() == [
        'a.txt:3:25: rutba-distance: article says "120 miles" (120 mi); '
        "fact says 90 mi ± 5% (85.5–94.5 mi)",
        "",
        "    The town of Rutbah lies 120 miles east of Jordan, officials said.",
        "                            ^^^^^^^^^",
        "",
        "mentions:",
        '  a.txt:3:25: "120 miles" (120 mi) CONTRADICTS',
        "",
        "fact: facts.yaml:4: rutba-distance",
        "claim: Rutba lies about 90 miles east of Jordan",
        "source: https://example.org/rutba",
    ]


def test_mention_across_a_line_break_with_crlf_and_tabs(tmp_path: Path) -> None:
    # A hard-wrapped paragraph with CRLF line ends: the mention "120 miles" spans a break.
    lines = [
        "The militants who seized the western town of\tRutba on Sunday said it is 120",
        "    miles east of Jordan, near the only highway linking Baghdad to Amman and",
        "the rest of the region.",
    ]
    fact, verdict, index = run(tmp_path, "\r\n".join(lines) + "\r\n")
    assert verdict.outcome == "failed"
    report = failure_text(fact, verdict, index).splitlines()
    # One first line, quoting the words on one line, at the 1-based line and column.
    assert report[0] == (
        'a.txt:1:73: rutba-distance: article says "120 miles" (120 mi); '
        "fact says 90 mi ± 5% (85.5–94.5 mi)"
    )
    assert "\r" not in "".join(report) and "\t" not in "".join(report)
    shown, under = report[2:4]
    # Whitespace runs show as one space; the sentence is cut around the mention.
    assert shown == (
        "    …western town of Rutba on Sunday said it is 120 miles east of Jordan, near the "
        "only highway linki…"
    )
    assert marks_under([shown, under], "120 miles") == "^^^^^^^^^"
    assert under.strip() == "^^^^^^^^^"


def test_wide_characters_keep_the_marks_under_the_mention(tmp_path: Path) -> None:
    text = "北京の記者によると Rutba lies 120 miles east of Jordan 北京.\n"
    fact, verdict, index = run(tmp_path, text)
    report = failure_text(fact, verdict, index).splitlines()
    assert report[0].startswith("a.txt:1:22: rutba-distance:")
    assert marks_under(report[2:4], "120 miles") == "^^^^^^^^^"
    # Nine wide characters and a space before "Rutba": 19 columns of padding plus 11.
    assert report[3] == INDENT + " " * (19 + len(" Rutba lies ") - 1) + "^" * 9


def test_long_sentence_is_cut_around_the_mention(tmp_path: Path) -> None:
    text = "Rutba, " + "word " * 60 + "lies 120 miles east of Jordan and " + "more " * 60 + "\n"
    fact, verdict, index = run(tmp_path, text)
    shown, under = failure_text(fact, verdict, index).splitlines()[2:4]
    assert shown.startswith(INDENT + "…") and shown.endswith("…")
    assert text_width(shown) <= len(INDENT) + EXCERPT_WIDTH + 2
    assert marks_under([shown, under], "120 miles") == "^^^^^^^^^"
    # The mention is near the middle of the cut.
    middle = len(INDENT) + EXCERPT_WIDTH // 2
    assert abs(shown.index("120 miles") - middle) < 10


def test_text_far_from_the_mention_is_not_read(tmp_path: Path) -> None:
    # Only a few widths of text around the mention are read, so a huge sentence costs
    # little; here what lies beyond is a long run of spaces, cut like any other text.
    text = "Rutba" + " " * 1000 + "lies 120 miles east of Jordan.\n"
    fact, verdict, index = run(tmp_path, text)
    shown, under = failure_text(fact, verdict, index).splitlines()[2:4]
    assert shown == INDENT + "… lies 120 miles east of Jordan."
    assert marks_under([shown, under], "120 miles") == "^^^^^^^^^"


def test_mention_at_the_end_of_a_long_sentence(tmp_path: Path) -> None:
    text = "Rutba, " + "word " * 60 + "lies east of Jordan by 120 miles\n"
    fact, verdict, index = run(tmp_path, text)
    shown, under = failure_text(fact, verdict, index).splitlines()[2:4]
    assert shown.startswith(INDENT + "…") and not shown.endswith("…")
    assert text_width(shown) == len(INDENT) + 1 + EXCERPT_WIDTH
    assert marks_under([shown, under], "120 miles") == "^^^^^^^^^"


def test_every_mention_with_its_verdict_and_the_first_contradiction_in_focus(
    tmp_path: Path,
) -> None:
    text = (
        "Rutba lies 90 miles east of Jordan by one count, 120 miles east of Jordan by "
        "another.\n\nRutba lies 200 miles east of Jordan, a third says.\n"
    )
    fact, verdict, index = run(tmp_path, text)
    report = failure_text(fact, verdict, index).splitlines()
    assert report[0].startswith('a.txt:1:50: rutba-distance: article says "120 miles"')
    marks = report[3]
    assert marks_under(report[2:4], "90 miles") == "--------"
    assert marks_under(report[2:4], "120 miles") == "^^^^^^^^^"
    assert marks.strip().startswith("-")
    start = report.index("mentions:")
    assert report[start + 1 : start + 4] == [
        '  a.txt:1:12: "90 miles" (90 mi) agrees',
        '  a.txt:1:50: "120 miles" (120 mi) CONTRADICTS',
        '  a.txt:3:12: "200 miles" (200 mi) CONTRADICTS',
    ]


def test_restatement_is_labelled(tmp_path: Path) -> None:
    text = "Rutba lies about 90 miles (250 kilometers) east of Jordan.\n"
    fact, verdict, index = run(tmp_path, text)
    report = failure_text(fact, verdict, index).splitlines()
    # The restatement is the contradiction, so it is the focus; the hedge applies to it.
    assert report[0] == (
        'a.txt:1:28: rutba-distance: article says "250 kilometers" (132.8–179.4 mi); '
        "fact says 90 mi ± 5% (85.5–94.5 mi)"
    )
    assert report[2:4] == [
        "    Rutba lies about 90 miles (250 kilometers) east of Jordan.",
        "               --------------  ^^^^^^^^^^^^^^",
    ]
    assert '  a.txt:1:12: "about 90 miles" (81–99 mi) agrees' in report
    assert (
        '  a.txt:1:28: "250 kilometers" (132.8–179.4 mi) CONTRADICTS '
        '(restates "about 90 miles")' in report
    )


def test_multiline_claim_and_source_stay_on_one_line(tmp_path: Path) -> None:
    facts = RUTBA.replace(
        "    claim: Rutba lies about 90 miles east of Jordan\n",
        "    claim: |\n      Rutba lies\n      east of Jordan\n",
    )
    fact, verdict, index = run(tmp_path, "Rutba lies 120 miles east of Jordan.\n", facts)
    report = failure_text(fact, verdict, index).splitlines()
    assert "claim: Rutba lies east of Jordan" in report


def test_control_characters_do_not_reach_the_terminal(tmp_path: Path) -> None:
    text = "Rutba \x1b[31mlies 120 miles east of Jordan.\n"
    fact, verdict, index = run(tmp_path, text)
    report = failure_text(fact, verdict, index)
    assert "\x1b" not in report
    assert "    Rutba ?[31mlies 120 miles east of Jordan." in report.splitlines()


def test_long_quote_is_cut_in_the_first_line(tmp_path: Path) -> None:
    facts = "facts:\n  - id: towns\n    value: 4 towns\n"
    fact, verdict, index = run(tmp_path, "Militants took four towns.\n", facts)
    assert verdict.outcome == "passed"
    focus = verdict.mentions[0]
    long = dataclasses.replace(focus.quantity, text="x" * 300)
    mention = dataclasses.replace(focus, quantity=long, consistent=False)
    line = first_line(fact, Verdict("failed", (mention,)), index)
    assert f'"{"x" * (QUOTE_LIMIT - 1)}…"' in line
    assert len(line) < 250


def test_excerpt_of_a_mention_wider_than_the_excerpt(tmp_path: Path) -> None:
    facts = "facts:\n  - id: towns\n    value: 4 towns\n"
    _, verdict, index = run(tmp_path, "Militants took four towns. " * 3 + "\n", facts)
    # "four towns" is 10 columns: the excerpt shows it from its start.
    lines = excerpt(index, verdict.mentions[0], verdict.mentions, width=8)
    assert lines == [INDENT + "…four tow…", INDENT + " " + "-" * 8]


# -- end to end ---------------------------------------------------------------------------

FACTS = """\
entities:
  Rutba: [Rutbah]
facts:
  - id: rutba.distance
    claim: Rutba lies about 90 miles east of Jordan
    subject: Rutba
    cue: east of
    value: 90 mi
    tolerance: 5%
  - id: towns-seized
    value: 4 towns
"""

FIRST_LINE = (
    'news/b_contradicts.txt:3:25: rutba.distance: article says "120 miles" (120 mi); '
    "fact says 90 mi ± 5% (85.5–94.5 mi)"
)


@pytest.fixture
def project(factcheck_project: MakeProject, rutba_articles: dict[str, str]) -> pytest.Pytester:
    """Three articles: one agrees, one contradicts (line 3), one is silent."""
    return factcheck_project(FACTS, rutba_articles)


def failure_block(lines: list[str]) -> list[str]:
    """The failure text as printed in the terminal's FAILURES section."""
    start = lines.index(FIRST_LINE)
    ends = ("==", "- generated xml file")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(ends))
    return lines[start:end]


def test_terminal_xdist_and_junit_show_the_same_text(project: pytest.Pytester) -> None:
    serial = project.runpytest("--factcheck", "news/", "-p", "no:xdist", "--junitxml=s.xml")
    parallel = project.runpytest("--factcheck", "news/", "-n", "2", "--junitxml=p.xml")
    text = failure_block(serial.outlines)
    assert text == failure_block(parallel.outlines)
    assert text[-2:] == [
        "fact: facts/facts.yaml:4: rutba.distance",
        "claim: Rutba lies about 90 miles east of Jordan",
    ]
    for name in ("s.xml", "p.xml"):
        failure = ET.parse(project.path / name).find(".//failure")
        assert failure is not None and failure.text is not None
        assert failure.text.splitlines() == text
    for result in (serial, parallel):
        result.stdout.no_fnmatch_line("*Traceback*")
        result.stdout.no_fnmatch_line("*Contradiction*")


def test_failure_section_is_headed_by_fact_and_article(project: pytest.Pytester) -> None:
    result = project.runpytest("--factcheck", "news/", "-p", "no:xdist", "-v")
    result.stdout.fnmatch_lines(["_* rutba.distance in news/b_contradicts.txt _*"])
    # A dotted fact id stays intact in the -v lines (pytest rewrites dots in a domain
    # that ends the node id).
    result.stdout.fnmatch_lines(["news/b_contradicts.txt::rutba.distance FAILED*"])


def test_location_points_at_the_mention_zero_based(project: pytest.Pytester) -> None:
    project.makeconftest(
        """
        def pytest_runtest_logreport(report):
            if report.when == "call":
                print("LOCATION", report.nodeid, report.location)
        """
    )
    # Every pair an item, so that an unmentioned one shows its location too.
    result = project.runpytest(
        "--factcheck", "news/", "-p", "no:xdist", "-s", "-o", "factcheck_unmentioned=skip"
    )
    result.stdout.fnmatch_lines(
        [
            "*LOCATION news/a_agrees.txt::rutba.distance "
            "('news/a_agrees.txt', 0, 'rutba.distance in news/a_agrees.txt')",
            "*LOCATION news/a_agrees.txt::towns-seized "
            "('news/a_agrees.txt', 2, 'towns-seized in news/a_agrees.txt')",
            "*LOCATION news/b_contradicts.txt::rutba.distance "
            "('news/b_contradicts.txt', 2, 'rutba.distance in news/b_contradicts.txt')",
            "*LOCATION news/c_silent.md::rutba.distance "
            "('news/c_silent.md', None, 'rutba.distance in news/c_silent.md')",
        ]
    )


def test_location_is_the_first_contradiction_not_the_first_mention(
    project: pytest.Pytester,
) -> None:
    (project.path / "news" / "b_contradicts.txt").write_text(
        "Rutba lies 90 miles east of Jordan.\n\nOthers say Rutba is 150 miles east of Jordan.\n",
        encoding="utf-8",
    )
    result = project.runpytest(
        "--factcheck", "news/b_contradicts.txt", "--junitxml=out.xml", "-o",
        "junit_family=xunit1",
    )  # fmt: skip
    result.stdout.fnmatch_lines(["news/b_contradicts.txt:3:21: rutba.distance: *150 miles*"])
    case = ET.parse(project.path / "out.xml").find(".//testcase[@name='rutba.distance']")
    assert case is not None
    assert (case.get("file"), case.get("line")) == ("news/b_contradicts.txt", "2")


def test_skips_say_not_mentioned_at_the_article(project: pytest.Pytester) -> None:
    result = project.runpytest(
        "--factcheck", "news/", "-rs", "-p", "no:xdist", "-o", "factcheck_unmentioned=skip"
    )
    result.stdout.fnmatch_lines(["SKIPPED [[]2[]] news/c_silent.md:1: not mentioned"])
    result.stdout.fnmatch_lines(["SKIPPED [[]1[]] news/b_contradicts.txt:1: not mentioned"])


def test_a_fact_stated_hundreds_of_times_lists_contradictions_first(tmp_path: Path) -> None:
    facts = "facts:\n  - id: towns\n    value: 4 towns\n"
    text = "They took four towns. " * 30 + "They took five towns. " * 3 + "\n"
    fact, verdict, index = run(tmp_path, text, facts)
    assert len(verdict.mentions) == 33
    listed = [line for line in failure_text(fact, verdict, index).splitlines() if 'towns"' in line]
    assert sum("CONTRADICTS" in line for line in listed) == 3
    assert sum("agrees" in line for line in listed) == 17
    assert "  … and 13 more (13 agree, 0 contradict)" in failure_text(fact, verdict, index)
