"""Benchmark the date and list readers (run by hand; prints numbers, asserts nothing).

    python benchmarks/bench_dates.py [--mb 2] [--repeat 3]

Measures, on a multi-megabyte news-like text (the seed articles repeated with their numbers
varied, from ``bench_quantities.news_text``):

- date reading throughput in MB/s: :func:`read_dates` over the spans the quantity reader
  found, the quantity reading itself excluded (it runs for every article anyway);
- enumeration throughput in MB/s: :func:`find_enumerations` over every sentence;
- per item: :func:`match.check` for the shipped date facts, names facts and quantity facts
  against the five seed articles, each article indexed once (as the plugin does), in
  microseconds per (fact, article) pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quantities import news_text  # noqa: E402

from pytest_factcheck.articles import parse_article, read_article  # noqa: E402
from pytest_factcheck.dates import ArticleDate, DateSpan, read_dates  # noqa: E402
from pytest_factcheck.enumerations import find_enumerations  # noqa: E402
from pytest_factcheck.factfile import load_facts  # noqa: E402
from pytest_factcheck.match import check, index_article  # noqa: E402
from pytest_factcheck.quantities import extract  # noqa: E402


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    text = news_text(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    spans = [
        DateSpan(q.start, q.end, q.kind)
        for q in extract(text)
        if q.kind in ("date", "year", "identifier")
    ]
    published = ArticleDate(__import__("datetime").date(2014, 6, 22), "dateline")
    found: list[object] = []

    def dates() -> None:
        found[:] = read_dates(text, spans, published)

    seconds = best(dates, args.repeat)
    print(f"text: {size:.2f} MB, {len(spans)} numeric date/year spans from the quantity reader")
    print(f"read_dates: {size / seconds:.1f} MB/s ({len(found)} dates, best of {args.repeat})")

    article = parse_article(text, "big.txt")

    def lists() -> None:
        found[:] = [e for s in article.sentences for e in find_enumerations(text, s.start, s.end)]

    seconds = best(lists, args.repeat)
    print(f"find_enumerations: {size / seconds:.1f} MB/s ({len(found)} lists)")

    facts = load_facts([ROOT / "facts"])
    indexes = [
        index_article(read_article(p, p.name)) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    for kind in ("value", "date", "names"):
        chosen = [f for f in facts.facts if f.kind == kind]
        pairs = len(chosen) * len(indexes)
        per_item: list[float] = []
        for _ in range(args.repeat):
            # Fresh indexes each round, so the first date fact pays for reading the dates.
            fresh = [index_article(i.article) for i in indexes]
            start = time.perf_counter()
            for index in fresh:
                for fact in chosen:
                    check(fact, index)
            per_item.append((time.perf_counter() - start) / pairs * 1e6)
        print(
            f"check, {kind} facts: {statistics.median(per_item):.0f} µs per item "
            f"({len(chosen)} facts × {len(indexes)} seed articles, median of {args.repeat})"
        )


if __name__ == "__main__":
    main()
