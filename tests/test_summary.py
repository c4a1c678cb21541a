"""The ``factcheck`` terminal section: the facts × articles grid, its totals and its width."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

import pytest

from pytest_factcheck.report import text_width
from pytest_factcheck.summary import (
    FAILED,
    NOT_MENTIONED,
    PASSED,
    SKIPPED,
    XFAILED,
    render,
)

if TYPE_CHECKING:
    from conftest import MakeProject

OUTCOMES = {
    ("news/a.txt", "rutba-distance"): PASSED,
    ("news/a.txt", "towns-seized"): PASSED,
    ("news/a.txt", "never-said"): NOT_MENTIONED,
    ("news/b.txt", "rutba-distance"): FAILED,
    ("news/b.txt", "towns-seized"): NOT_MENTIONED,
    ("news/b.txt", "never-said"): NOT_MENTIONED,
    ("news/c.md", "rutba-distance"): NOT_MENTIONED,
    ("news/c.md", "towns-seized"): XFAILED,
    ("news/c.md", "never-said"): NOT_MENTIONED,
}


def test_default_grid_hides_facts_no_article_mentions() -> None:
    assert render(OUTCOMES, width=80) == [
        "[1] news/a.txt",
        "[2] news/b.txt",
        "[3] news/c.md",
        "fact              1  2  3   ✓  ✗  ·  x",
        "rutba-distance    ✓  ✗  ·   1  1  1  0",
        "towns-seized      ✓  ·  x   1  0  1  1",
        "✓ passed          2  0  0",
        "✗ failed          0  1  0",
        "· not mentioned   1  2  2",
        "x xfailed         0  0  1",
        "3 facts × 3 articles: ✓ passed 2, ✗ failed 1, · not mentioned 5, x xfailed 1",
        "hidden: 1 fact no article mentions (-v shows all)",
    ]


def test_verbose_grid_shows_every_fact() -> None:
    lines = render(OUTCOMES, verbosity=1, width=80)
    assert "never-said        ·  ·  ·   0  0  3  0" in lines
    assert not any(line.startswith(("shown:", "hidden:")) for line in lines)


def test_quiet_grid_shows_only_failures() -> None:
    assert render(OUTCOMES, verbosity=-1, width=80) == [
        "[1] news/b.txt",
        "fact              1   ✓  ✗  ·  x",
        "rutba-distance    ✗   1  1  1  0",
        "✓ passed          0",
        "✗ failed          1",
        "· not mentioned   2",
        "x xfailed         0",
        "3 facts × 3 articles: ✓ passed 2, ✗ failed 1, · not mentioned 5, x xfailed 1",
        "shown: failures only; hidden: 2 facts, 2 articles (-v shows all)",
    ]


def test_quiet_grid_without_failures_is_one_line() -> None:
    passing = {("a.txt", "f"): PASSED, ("b.txt", "f"): SKIPPED}
    assert render(passing, verbosity=-1) == ["1 fact × 2 articles: ✓ passed 1, s skipped 1"]


def test_ascii_fallback() -> None:
    lines = render(OUTCOMES, verbosity=1, width=80, unicode=False)
    assert all(line.isascii() for line in lines)
    assert "rutba-distance    +  F  .   1  1  1  0" in lines
    assert (
        lines[-1] == "3 facts x 3 articles: + passed 2, F failed 1, . not mentioned 5, x xfailed 1"
    )


def test_long_fact_ids_are_cut_with_an_ellipsis() -> None:
    long_id = "a-very-long-fact-id-" * 4
    outcomes = {("a.txt", long_id): FAILED, ("a.txt", "short"): PASSED}
    lines = render(outcomes, width=40)
    assert all(text_width(line) <= 40 for line in lines)
    row = next(line for line in lines if line.startswith("a-very"))
    name = row.split("  ")[0]
    head, tail = name.split("…")
    assert long_id.startswith(head) and long_id.endswith(tail) and len(head) >= len(tail) > 3
    ascii_lines = render(outcomes, width=40, unicode=False)
    ascii_row = next(line for line in ascii_lines if line.startswith("a-very"))
    assert "..." in ascii_row.split("  ")[0]


def test_many_articles_are_split_into_blocks_that_fit() -> None:
    outcomes = {(f"news/{a:03d}.txt", f"fact-{f}"): PASSED for a in range(60) for f in range(3)}
    lines = render(outcomes, width=80)
    assert all(text_width(line) <= 80 for line in lines)
    headers = [line for line in lines if line.startswith("fact ")]
    assert len(headers) > 1
    numbers = [int(n) for h in headers for n in h.split()[1:] if n.isdigit()]
    assert numbers == list(range(1, 61))


# -- end to end ---------------------------------------------------------------------------

N_FACTS, N_ARTICLES = 30, 10
ZONES = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase][:N_FACTS]


def fact_id(i: int) -> str:
    """Fact ids of many lengths, the longest 80 characters (the most a fact file allows)."""
    return (f"f{i:02d}-" + "regional-casualty-count-" * (i % 5))[:80].rstrip("-")


def outcome(i: int, k: int) -> str:
    """What article ``k`` says about fact ``i``."""
    return (PASSED, FAILED, NOT_MENTIONED)[(i + k) % 3]


@pytest.fixture
def big(factcheck_project: MakeProject) -> pytest.Pytester:
    """30 facts × 10 articles with long paths: each article agrees with a third of the
    facts, contradicts a third and is silent on the rest."""
    facts = ["facts:"]
    for i, zone in enumerate(ZONES):
        facts += [f"  - id: {fact_id(i)}", f"    cue: zone {zone}\\b", f'    value: "{10 + i}"']
    pytester = factcheck_project("\n".join(facts) + "\n")
    desk = pytester.path / "news" / "long-section-name-for-the-desk"
    desk.mkdir()
    for k in range(N_ARTICLES):
        paragraphs = []
        for i, zone in enumerate(ZONES):
            said = outcome(i, k)
            if said != NOT_MENTIONED:
                count = 10 + i if said == PASSED else 500 + i
                paragraphs.append(f"In zone {zone} the count was {count}.")
        path = desk / f"article-{k:02d}-with-a-long-descriptive-slug.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return pytester


def section(lines: list[str]) -> list[str]:
    """The lines of the factcheck section."""
    start = next(i for i, line in enumerate(lines) if " factcheck " in line and "==" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("=="))
    return lines[start + 1 : end]


@pytest.mark.parametrize("mode", ["omit", "skip"])
def test_thirty_facts_by_ten_articles_fit_in_100_columns(
    big: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    result = big.runpytest(
        "--factcheck", "news/", "-v", "-p", "no:xdist", "-o", f"factcheck_unmentioned={mode}"
    )
    # Left out or skipped, the unmentioned pairs are the same in the grid.
    result.assert_outcomes(passed=100, failed=100, skipped=100 if mode == "skip" else 0)
    lines = section(result.outlines)
    assert all(text_width(line) <= 100 for line in lines), max(lines, key=text_width)
    assert lines[0] == (
        " [1] news/long-section-name-for-the-desk/article-00-with-a-long-descriptive-slug.txt"
    )
    assert lines[1].startswith(" [2] news/")
    assert lines[9].startswith("[10] news/")
    rows = [line.split() for line in lines[11 : 11 + N_FACTS]]
    assert len(rows) == N_FACTS
    symbol = {PASSED: "✓", FAILED: "✗", NOT_MENTIONED: "·"}
    for i, row in enumerate(rows):
        said = [outcome(i, k) for k in range(N_ARTICLES)]
        head, _, tail = row[0].partition("…")
        assert fact_id(i).startswith(head) and fact_id(i).endswith(tail)
        assert row[1:] == [symbol[s] for s in said] + [str(said.count(s)) for s in symbol]
    # The longest ids lose their middle to an ellipsis; the totals rows count per article.
    assert any("…" in row[0] for row in rows)
    totals = lines[11 + N_FACTS : 11 + N_FACTS + 3]
    assert [t.split()[:2] for t in totals] == [["✓", "passed"], ["✗", "failed"], ["·", "not"]]
    assert totals[0].split()[2:] == ["10"] * N_ARTICLES
    assert lines[-1] == ("30 facts × 10 articles: ✓ passed 100, ✗ failed 100, · not mentioned 100")


def test_quiet_and_verbose_runs(factcheck_project: MakeProject) -> None:
    pytester = factcheck_project(
        "facts:\n"
        "  - id: bridges\n    value: 3 bridges\n"
        "  - id: towns\n    value: 4 towns\n"
        "  - id: unheard-of\n    value: 7 moons\n",
        {
            "a.txt": "They took four towns.\n",
            "b.txt": "They blew up five bridges.\n",
            "c.txt": "Nothing.\n",
        },
    )
    quiet = section(pytester.runpytest("--factcheck", "news/", "-q").outlines)
    assert quiet[:3] == [
        "[1] news/b.txt",
        "fact              1   ✓  ✗  ·",
        "bridges           ✗   0  1  2",
    ]
    default = section(pytester.runpytest("--factcheck", "news/").outlines)
    assert [line.split()[0] for line in default[3:7]] == ["fact", "bridges", "towns", "✓"]
    assert default[-2:] == [
        "hidden: 1 fact no article mentions (-v shows all)",
        "factcheck: warning: facts/facts.yaml:6:5: unheard-of: mentioned in no article of "
        "this run (3 articles)",
    ]
    verbose = section(pytester.runpytest("--factcheck", "news/", "-v").outlines)
    assert "unheard-of        ·  ·  ·   0  0  3" in verbose


def test_ascii_terminal_gets_ascii_symbols(
    big: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    monkeypatch.setenv("COLUMNS", "100")
    result = big.runpytest_subprocess("--factcheck", "news/", "-p", "no:xdist")
    lines = section(result.outlines)
    assert all(line.isascii() for line in lines)
    assert lines[-1] == "30 facts x 10 articles: + passed 100, F failed 100, . not mentioned 100"
    assert any("..." in line.split()[0] for line in lines)


def test_xdist_prints_the_summary_once_and_complete(big: pytest.Pytester) -> None:
    serial = big.runpytest("--factcheck", "news/", "-p", "no:xdist")
    parallel = big.runpytest("--factcheck", "news/", "-n", "2")
    parallel.assert_outcomes(passed=100, failed=100)
    assert sum(" factcheck " in line and "==" in line for line in parallel.outlines) == 1
    assert section(parallel.outlines) == section(serial.outlines)
