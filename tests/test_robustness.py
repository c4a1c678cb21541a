"""Hostile input: nothing an article or a cue contains ends the run or loses a result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck import timelimit
from pytest_factcheck.articles import ArticleError, read_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import FactSet
from pytest_factcheck.match import check, index_article

if TYPE_CHECKING:
    from conftest import MakeProject

ROOT = Path(__file__).resolve().parent.parent

FACTS = """\
facts:
  - id: towns-seized
    value: 4 towns
  - id: runaway
    cue: (\\w+\\s?)*\\d
    value: 4 towns
"""


@pytest.fixture
def project(factcheck_project: MakeProject) -> pytest.Pytester:
    return factcheck_project(FACTS)


@pytest.mark.parametrize("extra", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_runaway_cue_is_an_error_of_the_fact_and_the_run_goes_on(
    project: pytest.Pytester, extra: list[str]
) -> None:
    # 150,002 characters: the limit is 0.2 s per 100,000 started, so 0.4 s.
    (project.path / "news" / "long.txt").write_text("word " * 30_000 + "x\n", encoding="utf-8")
    (project.path / "news" / "towns.txt").write_text("They seized four towns.\n", encoding="utf-8")
    result = project.runpytest("--factcheck", "-o", "factcheck_regex_timeout=0.2", *extra)
    # The two pairs that cannot apply are not items (omit); the grid counts them below.
    result.assert_outcomes(passed=1, errors=1, skipped=0)
    result.stdout.fnmatch_lines(
        [
            "news/long.txt:1:1: runaway: cue *ran longer than 0.4 s*factcheck_regex_timeout, "
            "seconds per 100,000 characters)",
            "factcheck: 1 check stopped by the time limit (the errors above)*; exit status 2",
        ]
    )
    result.stdout.fnmatch_lines(["runaway * E *"])  # an error in the grid, not a failure
    result.stdout.fnmatch_lines(["2 facts × 2 articles: ✓ passed 1, · not mentioned 2, E error 1"])
    result.stdout.no_fnmatch_line("*Traceback*")
    assert result.ret == 2


@pytest.mark.parametrize("mode", ["omit", "skip"])
def test_empty_and_binary_articles(project: pytest.Pytester, mode: str) -> None:
    (project.path / "news" / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (project.path / "news" / "binary.txt").write_bytes(b"four towns\x00\x01\x02")
    (project.path / "news" / "towns.txt").write_text("They seized four towns.\n", encoding="utf-8")
    result = project.runpytest("--factcheck", "-rs", "-o", f"factcheck_unmentioned={mode}")
    # An unreadable article is checked against every fact, so each pair reports it.
    result.stdout.fnmatch_lines(["*news/binary.txt:1:1: towns-seized: cannot read article*"])
    if mode == "skip":
        result.assert_outcomes(passed=1, failed=2, skipped=3)
        result.stdout.fnmatch_lines(["SKIPPED [[]2[]] news/empty.txt:1: empty article"])
    else:
        result.assert_outcomes(passed=1, failed=2)
        result.stdout.fnmatch_lines(["2 facts × 3 articles: *· not mentioned 3"])


def test_crlf_and_bom_articles_report_true_lines(project: pytest.Pytester) -> None:
    text = "\ufeffHeadline\r\n\r\nThey seized six towns.\r\n"
    (project.path / "news" / "crlf.txt").write_bytes(text.encode("utf-8"))
    result = project.runpytest("--factcheck")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['news/crlf.txt:3:13: towns-seized: article says "six towns"*'])


def test_each_article_is_read_once_per_run(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytest_factcheck.session as session

    calls: list[str] = []
    real = session.read_article

    def counting(path: Path, display: str, **kwargs: object) -> object:
        calls.append(display)
        return real(path, display)

    monkeypatch.setattr(session, "read_article", counting)
    facts = "facts:\n" + "".join(f"  - id: f{i}\n    value: {i} towns\n" for i in range(20))
    (project.path / "facts" / "facts.yaml").write_text(facts, encoding="utf-8")
    # More articles than the article cache holds: each is read at collection and kept
    # until its items have run, so it is still read once.
    names = [f"news/{n:02d}.txt" for n in range(3 * session.ARTICLE_CACHE_SIZE)]
    for name in names:
        (project.path / name).write_text("Four towns fell.\n")
    # "Four towns" is a count of towns, comparable with every fact (f0's 0 towns included:
    # it fails), so every pair applies and omit collects as many items as skip.
    for mode, items in (("omit", 20), ("skip", 20)):
        calls.clear()
        recorder = project.inline_run("--factcheck", "-o", f"factcheck_unmentioned={mode}")
        assert len(recorder.getreports("pytest_runtest_logreport")) == len(names) * items * 3
        assert sorted(calls) == names


@pytest.fixture(scope="module")
def shipped() -> FactSet:
    return load_facts([ROOT / "facts"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_any_bytes_give_an_article_or_an_article_error(
    tmp_path_factory: pytest.TempPathFactory, shipped: FactSet, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "article.txt"
    path.write_bytes(data)
    try:
        article = read_article(path, "article.txt")
    except ArticleError as error:
        assert str(error).startswith("cannot read article")
        return
    index = index_article(article, extra_units=shipped.units)
    for fact in shipped.facts:
        verdict = check(fact, index)
        assert verdict.outcome in ("passed", "failed", "skipped")
        for mention in verdict.mentions:
            assert 0 <= mention.quantity.start < mention.quantity.end <= len(article.text)


@pytest.mark.parametrize(
    ("characters", "limit"),
    [(0, 0.5), (1, 0.5), (100_000, 0.5), (100_001, 1.0), (1_000_000, 5.0), (50_000_000, 250.0)],
)
def test_the_time_limit_grows_with_the_article(characters: int, limit: float) -> None:
    assert timelimit.for_article(0.5, characters) == limit
