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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

PASSED, FAILED, NOT_MENTIONED, XFAILED, ERROR, SKIPPED = (
    "passed",
    "failed",
    "not mentioned",
    "xfailed",
    "error",
    "skipped",
)
STATUSES = (PASSED, FAILED, NOT_MENTIONED, XFAILED, ERROR, SKIPPED)
SYMBOLS = {PASSED: "✓", FAILED: "✗", NOT_MENTIONED: "·", XFAILED: "x", ERROR: "E", SKIPPED: "s"}
ASCII = {PASSED: "+", FAILED: "F", NOT_MENTIONED: ".", XFAILED: "x", ERROR: "E", SKIPPED: "s"}
# Statuses that put a fact or an article in the -q grid, and in the default one.
BAD = frozenset({FAILED, ERROR})
FOUND = frozenset({PASSED, FAILED, XFAILED, ERROR})
MIN_FACT_WIDTH = 12
GAP = 2  # columns between the fact ids and the grid, and between the grid and the totals


def status_of(report: Any) -> str | None:
    """The grid status a test report stands for, or None when it decides nothing yet."""
    if report.failed:
        fact_error = getattr(report, "factcheck_fact_error", False)  # a runaway cue
        return FAILED if report.when == "call" and not fact_error else ERROR
    if report.skipped:
        if hasattr(report, "wasxfail"):
            return XFAILED
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        return NOT_MENTIONED if "not mentioned" in reason else SKIPPED
    if report.when == "call":
        return PASSED
    return None


@dataclass
class Summary:
    """Outcomes per (article, fact), filled from reports as they arrive."""

    outcomes: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, report: Any) -> None:
        """Record the outcome a report carries for its (article, fact) pair.

        A failure or error is never overwritten by a later phase (a teardown that passes).
        """
        pair = getattr(report, "factcheck_pair", None)
        if not pair:
            return
        status = status_of(report)
        key = (str(pair[0]), str(pair[1]))
        if status is not None and self.outcomes.get(key) not in BAD:
            self.outcomes[key] = status

    def failed(self, pair: Sequence[str]) -> bool:
        """True when the (article, fact) pair failed or errored in any phase."""
        return self.outcomes.get((str(pair[0]), str(pair[1]))) in BAD

    def write(self, terminal: Any, *, verbosity: int = 0) -> None:
        """Write the ``factcheck`` section to a pytest terminal reporter (nothing if empty)."""
        if not self.outcomes:
            return
        writer = terminal.config.get_terminal_writer()
        unicode = _can_encode(writer, "".join(SYMBOLS.values()) + "×…")
        lines = render(self.outcomes, verbosity=verbosity, width=writer.fullwidth, unicode=unicode)
        terminal.write_sep("=", "factcheck")
        for line in lines:
            terminal.write_line(line)


def render(
    outcomes: Mapping[tuple[str, str], str],
    *,
    verbosity: int = 0,
    width: int = 80,
    unicode: bool = True,
) -> list[str]:
    """The section's lines: article legend, grid, totals, and a line of overall counts.

    ``outcomes`` maps ``(article, fact id)`` to a status; ``width`` is the terminal width
    in columns; ``unicode=False`` uses ASCII symbols only. See the module docstring for
    which rows and columns each verbosity shows.
    """
    symbols = SYMBOLS if unicode else ASCII
    all_articles = sorted({a for a, _ in outcomes})
    all_facts = sorted({f for _, f in outcomes})
    wanted = BAD if verbosity < 0 else FOUND if verbosity == 0 else frozenset(STATUSES)
    facts = [f for f in all_facts if any(outcomes.get((a, f)) in wanted for a in all_articles)]
    # An article where nothing was found stays in the default grid: a column of "not
    # mentioned" tells an editor that the article checks nothing.
    wanted_in_article = wanted if verbosity < 0 else frozenset(STATUSES)
    articles = [
        a for a in all_articles if any(outcomes.get((a, f)) in wanted_in_article for f in facts)
    ]
    present = [s for s in STATUSES if s in outcomes.values()]

    digits = len(str(len(articles)))
    lines = [f"[{n}]".rjust(digits + 2) + f" {article}" for n, article in enumerate(articles, 1)]
    if facts:
        lines += _grid(outcomes, facts, articles, present, symbols, width, unicode)
    totals = {s: sum(1 for v in outcomes.values() if v == s) for s in present}
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


def _grid(
    outcomes: Mapping[tuple[str, str], str],
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
    for (article, fact), status in outcomes.items():
        if fact in per_fact:
            per_fact[fact][status] += 1
        if article in per_article:
            per_article[article][status] += 1
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
            cells = [symbols.get(outcomes.get((a, fact), ""), "") for a in block]
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
