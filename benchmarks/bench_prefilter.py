"""Which engine finds every fact's literal words in an article fastest.

    python benchmarks/bench_prefilter.py [--articles 100] [--facts 10000] [--repeat 5]

Generates a corpus (``corpus.py``), derives every fact's literals as the prefilter does
(``pytest_factcheck.prefilter.needs``), and times, per article, finding which literals occur
in its case-folded text with:

- pyahocorasick (``ahocorasick.Automaton.iter``), the engine the plugin uses;
- ahocorasick-rs (``AhoCorasick.find_matches_as_strings``, overlapping), when installed;
- one compiled ``re`` alternation, longest first, inside a lookahead (so overlapping
  literals are all found);
- the same alternation with the ``regex`` module.

It reports the build time of each and the median time per article, and checks that every
engine finds the same literals. Timings only; exits 0 whatever they are.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

from pytest_factcheck.factfile import load_facts
from pytest_factcheck.prefilter import needs

Finder = Callable[[str], set[str]]


def engines(literals: list[str]) -> dict[str, tuple[float, Finder]]:
    """Each engine's build time in seconds and its finder."""
    built: dict[str, tuple[float, Finder]] = {}

    start = time.perf_counter()
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in literals:
        automaton.add_word(word, word)
    automaton.make_automaton()
    built["pyahocorasick"] = (
        time.perf_counter() - start,
        lambda text: {w for _, w in automaton.iter(text)},
    )
    try:
        import ahocorasick_rs
    except ImportError:
        pass
    else:
        start = time.perf_counter()
        rs = ahocorasick_rs.AhoCorasick(literals)
        built["ahocorasick-rs"] = (
            time.perf_counter() - start,
            lambda text: set(rs.find_matches_as_strings(text, overlapping=True)),
        )
    alternation = "|".join(map(re.escape, sorted(literals, key=len, reverse=True)))
    start = time.perf_counter()
    std = re.compile(f"(?=({alternation}))")
    built["re alternation"] = (
        time.perf_counter() - start,
        lambda text: {m.group(1) for m in std.finditer(text)},
    )
    start = time.perf_counter()
    rx = regex.compile(f"(?=({alternation}))")
    built["regex alternation"] = (
        time.perf_counter() - start,
        lambda text: {m.group(1) for m in rx.finditer(text)},
    )
    return built


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="scans of each article")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, articles=args.articles, facts=args.facts, seed=args.seed)
        facts = load_facts([root / "facts"]).facts
        texts = [p.read_text(encoding="utf-8").casefold() for p in sorted(root.glob("articles/*"))]
    literals = sorted({lit for fact in facts for group in needs(fact) for lit in group})
    print(f"{len(facts)} facts, {len(literals)} distinct literals, {len(texts)} articles")
    results = engines(literals)
    expected = [results["pyahocorasick"][1](text) for text in texts]
    print(f"{'engine':<20} {'build ms':>9} {'scan ms/article':>16}  same literals")
    for name, (build, find) in results.items():
        per_article = []
        same = True
        for text, want in zip(texts, expected, strict=True):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = find(text)
                times.append(time.perf_counter() - start)
            per_article.append(statistics.median(times))
            same = same and found == want
        median = statistics.median(per_article) * 1000
        print(f"{name:<20} {build * 1000:9.1f} {median:16.3f}  {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
