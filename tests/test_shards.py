"""``--factcheck-shard K/N``: stable shards that together make the serial run."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest
from test_prefilter import FACTS, SENTENCES
from test_unmentioned import outcomes

from pytest_factcheck.shards import parse_shard, shard_of

if TYPE_CHECKING:
    from conftest import MakeProject


@pytest.mark.parametrize(
    ("text", "expected"), [("1/3", (1, 3)), (" 3/3 ", (3, 3)), ("1/1", (1, 1))]
)
def test_parse_shard(text: str, expected: tuple[int, int]) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3/5", ""])
def test_bad_shards_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected K/N with 1 <= K <= N"):
        parse_shard(text)


def test_shards_are_the_same_everywhere() -> None:
    # SHA-256 of the path: pinned, so a change that would move articles between CI jobs
    # on another machine or Python version shows up here.
    paths = ["news/a.txt", "news/b.txt", "archive/2014/06/iraq.md", "news/é.txt"]
    assert [shard_of(p, 3) for p in paths] == [3, 3, 2, 1]
    assert {shard_of(f"news/{i}.txt", 7) for i in range(200)} == set(range(1, 8))


@pytest.fixture
def corpus(factcheck_project: MakeProject) -> pytest.Pytester:
    rng = random.Random(7)
    articles = {
        f"{n:02d}.txt": "\n\n".join(rng.choices(SENTENCES, k=rng.randint(1, 6))) + "\n"
        for n in range(15)
    }
    return factcheck_project(FACTS, articles)


def test_shards_together_are_the_serial_run(corpus: pytest.Pytester) -> None:
    serial = outcomes(corpus)
    shards = [outcomes(corpus, "--factcheck-shard", f"{k}/3") for k in (1, 2, 3)]
    assert all(shards), "every shard checks something"
    merged: dict[str, tuple[str, str]] = {}
    for shard in shards:
        assert not merged.keys() & shard.keys()  # no pair is checked twice
        merged.update(shard)
    assert merged == serial


def test_each_shard_reports_its_own_articles(corpus: pytest.Pytester) -> None:
    result = corpus.runpytest("--factcheck", "news/", "--factcheck-shard", "2/3", "-v")
    expected = sorted(
        f"news/{n:02d}.txt" for n in range(15) if shard_of(f"news/{n:02d}.txt", 3) == 2
    )
    # The grid's legend lists every article of the shard, items or not.
    listed = sorted(line.split()[1] for line in result.outlines if line.lstrip().startswith("["))
    assert listed == expected


def test_loadfile_gives_the_serial_outcomes(corpus: pytest.Pytester) -> None:
    serial = corpus.runpytest("--factcheck", "news/", "-p", "no:xdist", "-rA")
    parallel = corpus.runpytest("--factcheck", "news/", "-n", "2", "--dist", "loadfile", "-rA")
    summary = lambda r: sorted(  # noqa: E731
        line for line in r.outlines if line.startswith(("PASSED ", "FAILED ", "SKIPPED "))
    )
    assert summary(serial) and summary(parallel) == summary(serial)


@pytest.mark.parametrize("shard", ["0/3", "4/3", "three"])
def test_a_bad_shard_is_a_usage_error(corpus: pytest.Pytester, shard: str) -> None:
    result = corpus.runpytest("--factcheck", "news/", "--factcheck-shard", shard)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*--factcheck-shard: expected K/N with 1 <= K <= N*{shard!r}*"])
