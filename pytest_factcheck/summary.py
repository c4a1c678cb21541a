"""The ``factcheck`` terminal section: facts × articles at a glance.

With ``-q`` on the seed articles::

    ================================== factcheck ===================================
    [1] seeds/002_0def55459264fc9c.txt
    fact                    1   ✓  ✗  ·
    sadr-city-parade-size   ✗   1  1  3
    ✓ passed                4
    ✗ failed                1
    · not mentioned        16
    21 facts × 5 articles: ✓ passed 29, ✗ failed 1, · not mentioned 75
    shown: failures only; hidden: 20 facts, 4 articles (-v shows all)

Rows are facts, columns are articles (numbered, with the paths listed above the grid, so
long paths cost no width); the columns at the right count each fact's outcomes over all
articles and the rows at the bottom count each article's outcomes. What is shown depends
on the verbosity:

- ``-q``: only the facts and articles with a failure (or an error);
- default: every article, and the facts with anything found (a pass, a failure, an xfail,
  an error) in some article; facts no article mentions are hidden, and a line says how
  many;
- ``-v``: every fact and every article.

The grid is cut to the terminal's width: long fact ids lose their middle to an ellipsis,
and more articles than fit are shown in several blocks of columns.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .outcomes import (
    BAD,
    ERROR,
    FAILED,
    NOT_MENTIONED,
    PASSED,
    SKIPPED,
    STATUSES,
    SYMBOLS,
    XFAILED,
    Results,
)

ASCII = {PASSED: "+", FAILED: "F", NOT_MENTIONED: ".", XFAILED: "x", ERROR: "E", SKIPPED: "s"}
# Statuses that put a fact or an article in the -q grid (BAD), and in the default one.
FOUND = frozenset({PASSED, FAILED, XFAILED, ERROR})
MIN_FACT_WIDTH = 12
GAP = 2  # columns between the fact ids and the grid, and between the grid and the totals


@dataclass
class Unmentioned:
    """The pairs that were never items because the fact cannot apply to the article.

    Every fact of ``facts`` is not mentioned in every article of ``items``, except the
    facts that article collected as items (whose outcomes come from their reports). Kept
    this way, not as one entry per pair: a large fact base has millions of such pairs.
    """

    facts: frozenset[str] = frozenset()
    items: dict[str, frozenset[str]] = field(default_factory=dict)  # article -> fact ids

    def has(self, article: str, fact: str) -> bool:
        """True when ``(article, fact)`` is a pair left out as not mentioned."""
        collected = self.items.get(article)
        return collected is not None and fact in self.facts and fact not in collected

    def in_article(self, article: str) -> int:
        """How many pairs of ``article`` were left out."""
        collected = self.items.get(article)
        return 0 if collected is None else len(self.facts) - len(collected & self.facts)

    def of_fact(self, fact: str) -> int:
        """How many pairs of ``fact`` were left out, over all articles."""
        if fact not in self.facts:
            return 0
        return sum(1 for collected in self.items.values() if fact not in collected)

    def as_data(self) -> dict[str, Any]:
        """Plain data, for an xdist worker to send to the controller."""
        items = {a: sorted(c) for a, c in self.items.items()}
        return {"facts": sorted(self.facts), "items": items}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Unmentioned:
        """The inverse of :meth:`as_data`."""
        items = {str(a): frozenset(c) for a, c in data["items"].items()}
        return cls(frozenset(data["facts"]), items)


@dataclass
class Summary:
    """The grid of a run's records (see :class:`pytest_factcheck.outcomes.Results`), and
    the pairs that were not collected because they cannot apply (``unmentioned``)."""

    results: Results = field(default_factory=Results)
    unmentioned: Unmentioned = field(default_factory=Unmentioned)

    def write(self, terminal: Any, *, verbosity: int = 0) -> None:
        """Write the ``factcheck`` section to a pytest terminal reporter (nothing if empty)."""
        outcomes = {key: outcome.status for key, outcome in self.results.outcomes.items()}
        if not outcomes and not (self.unmentioned.facts and self.unmentioned.items):
            return  # no pair at all: no fact, or no article
        writer = terminal.config.get_terminal_writer()
        unicode = _can_encode(writer, "".join(SYMBOLS.values()) + "×…")
        lines = render(
            outcomes,
            verbosity=verbosity,
            width=writer.fullwidth,
            unicode=unicode,
            unmentioned=self.unmentioned,
        )
        terminal.write_sep("=", "factcheck")
        for line in lines:
            terminal.write_line(line)


def render(
    outcomes: Mapping[tuple[str, str], str],
    *,
    verbosity: int = 0,
    width: int = 80,
    unicode: bool = True,
    unmentioned: Unmentioned | None = None,
) -> list[str]:
    """The section's lines: article legend, grid, totals, and a line of overall counts.

    ``outcomes`` maps ``(article, fact id)`` to a status; ``unmentioned`` adds the pairs
    that were not collected, as not mentioned; ``width`` is the terminal width in columns;
    ``unicode=False`` uses ASCII symbols only. See the module docstring for which rows and
    columns each verbosity shows.
    """
    symbols = SYMBOLS if unicode else ASCII
    pairs = _Pairs(outcomes, unmentioned or Unmentioned())
    statuses_of_fact: dict[str, set[str]] = {}
    for (_, fact), status in outcomes.items():
        statuses_of_fact.setdefault(fact, set()).add(status)
    for fact in pairs.by_fact:
        statuses_of_fact.setdefault(fact, set()).add(NOT_MENTIONED)
    all_articles = sorted({a for a, _ in outcomes} | pairs.by_article.keys())
    all_facts = sorted(statuses_of_fact)
    wanted = BAD if verbosity < 0 else FOUND if verbosity == 0 else frozenset(STATUSES)
    facts = [f for f in all_facts if statuses_of_fact[f] & wanted]
    # An article where nothing was found stays in the default grid: a column of "not
    # mentioned" tells an editor that the article checks nothing.
    shown = set(facts)
    shown_articles = {a for (a, f), s in outcomes.items() if f in shown and s in wanted}
    if verbosity >= 0:
        shown_articles |= {a for (a, f) in outcomes if f in shown}
        left_out = shown & pairs.unmentioned.facts
        shown_articles |= {
            a
            for a, collected in pairs.unmentioned.items.items()
            if len(left_out) > len(left_out & collected)
        }
    articles = [a for a in all_articles if a in shown_articles]
    totals = {s: 0 for s in STATUSES}
    for status in outcomes.values():
        totals[status] += 1
    totals[NOT_MENTIONED] += sum(pairs.by_article.values())
    present = [s for s in STATUSES if totals[s]]

    digits = len(str(len(articles)))
    lines = [f"[{n}]".rjust(digits + 2) + f" {article}" for n, article in enumerate(articles, 1)]
    if facts:
        lines += _grid(pairs, facts, articles, present, symbols, width, unicode)
    counts = ", ".join(f"{symbols[s]} {s} {totals[s]}" for s in present)
    times = "×" if unicode else "x"
    overall = f"{_count(len(all_facts), 'fact')} {times} {_count(len(all_articles), 'article')}"
    lines += _wrap(f"{overall}: {counts}", width)
    hidden_facts, hidden_articles = len(all_facts) - len(facts), len(all_articles) - len(articles)
    if verbosity < 0 and facts and (hidden_facts or hidden_articles):
        lines += _wrap(
            f"shown: failures only; hidden: {_count(hidden_facts, 'fact')}, "
            f"{_count(hidden_articles, 'article')} (-v shows all)",
            width,
        )
    elif verbosity == 0 and hidden_facts:
        lines += _wrap(
            f"hidden: {_count(hidden_facts, 'fact')} no article mentions (-v shows all)", width
        )
    return lines


class _Pairs:
    """Recorded outcomes and left-out pairs, looked up as one grid of statuses."""

    def __init__(self, outcomes: Mapping[tuple[str, str], str], unmentioned: Unmentioned):
        self.outcomes = outcomes
        self.unmentioned = unmentioned
        # Left-out pairs counted per article and per fact, without listing the pairs.
        self.by_article = {a: n for a in unmentioned.items if (n := unmentioned.in_article(a)) > 0}
        collected = Counter(
            f for c in unmentioned.items.values() for f in c if f in unmentioned.facts
        )
        articles = len(unmentioned.items)
        self.by_fact = {f: n for f in unmentioned.facts if (n := articles - collected[f]) > 0}

    def get(self, article: str, fact: str) -> str | None:
        """The status of a pair, or None when it has none (not run, or not selected)."""
        status = self.outcomes.get((article, fact))
        if status is None and self.unmentioned.has(article, fact):
            return NOT_MENTIONED
        return status


def _grid(
    pairs: _Pairs,
    facts: Sequence[str],
    articles: Sequence[str],
    present: Sequence[str],
    symbols: Mapping[str, str],
    width: int,
    unicode: bool,
) -> list[str]:
    """Header, one row per fact and one total row per status, in blocks that fit ``width``."""
    per_fact = {f: {s: 0 for s in present} for f in facts}
    per_article = {a: {s: 0 for s in present} for a in articles}
    for (article, fact), status in pairs.outcomes.items():
        if fact in per_fact:
            per_fact[fact][status] += 1
        if article in per_article:
            per_article[article][status] += 1
    for fact, counts in per_fact.items():
        if fact in pairs.by_fact:
            counts[NOT_MENTIONED] += pairs.by_fact[fact]
    for article, counts in per_article.items():
        if article in pairs.by_article:
            counts[NOT_MENTIONED] += pairs.by_article[article]
    cell = max(
        2, len(str(len(articles))), *(len(str(n)) for c in per_article.values() for n in c.values())
    )
    total = max(2, *(len(str(n)) for c in per_fact.values() for n in c.values()))
    totals_width = GAP + len(present) * (total + 1) - 1
    labels = [f"{symbols[s]} {s}" for s in present]
    fact_width = max(len("fact"), *(len(f) for f in facts), *(len(x) for x in labels))
    # Columns of articles that fit next to a fact column of at least MIN_FACT_WIDTH.
    room = width - min(fact_width, MIN_FACT_WIDTH) - GAP - totals_width
    per_block = max(1, (room + 1) // (cell + 1))
    lines: list[str] = []
    numbers = list(range(1, len(articles) + 1))
    for first in range(0, len(articles), per_block):
        block = articles[first : first + per_block]
        grid_width = len(block) * (cell + 1) - 1
        available = width - GAP - grid_width - totals_width
        name_width = min(fact_width, max(MIN_FACT_WIDTH, available))
        layout = _Layout(name_width, cell, total, unicode)
        block_numbers = [str(n) for n in numbers[first : first + per_block]]
        lines.append(layout.row("fact", block_numbers, [symbols[s] for s in present]))
        for fact in facts:
            cells = [symbols.get(pairs.get(a, fact) or "", "") for a in block]
            lines.append(layout.row(fact, cells, [str(per_fact[fact][s]) for s in present]))
        for status, label in zip(present, labels, strict=True):
            cells = [str(per_article[a][status]) for a in block]
            lines.append(layout.row(label, cells, []))
    return lines


@dataclass(frozen=True)
class _Layout:
    """Column widths of one block of the grid."""

    name: int
    cell: int
    total: int
    unicode: bool

    def row(self, name: str, cells: Sequence[str], right: Sequence[str]) -> str:
        """A fact id (or label), its cells, and its totals, trailing spaces removed."""
        left = f"{_fit(name, self.name, self.unicode):<{self.name}}{' ' * GAP}"
        grid = " ".join(f"{c:>{self.cell}}" for c in cells)
        totals = " ".join(f"{r:>{self.total}}" for r in right)
        return f"{left}{grid}{' ' * GAP}{totals}".rstrip()


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, continued lines indented."""
    return textwrap.wrap(
        text, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fit(text: str, width: int, unicode: bool) -> str:
    """``text`` cut to ``width`` characters with an ellipsis in the middle when too long.

    The middle goes, not the end: ids of one family share a prefix and differ at the end
    (``…-2014``, ``…-2015``).
    """
    if len(text) <= width:
        return text
    mark = "…" if unicode else "..."
    keep = width - len(mark)
    head = (keep + 1) // 2
    return text[:head] + mark + text[len(text) - (keep - head) :]


def _can_encode(writer: Any, text: str) -> bool:
    """Whether the terminal's stream can print ``text`` (else the ASCII symbols are used)."""
    # pytest's TerminalWriter has no public attribute for its stream's encoding.
    stream = getattr(writer, "_file", None) or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
