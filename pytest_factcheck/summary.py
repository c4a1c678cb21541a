"""The ``factcheck`` terminal section: facts × articles at a glance."""

from __future__ import annotations

import sys
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


def status_of(report: Any) -> str | None:
    """The grid status a test report stands for, or None when it decides nothing yet."""
    if report.failed:
        return FAILED if report.when == "call" else ERROR
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
        """Record the outcome a report carries for its (article, fact) pair."""
        pair = getattr(report, "factcheck_pair", None)
        if not pair:
            return
        status = status_of(report)
        key = (str(pair[0]), str(pair[1]))
        if status is not None and self.outcomes.get(key) not in (FAILED, ERROR):
            self.outcomes[key] = status

    def write(self, terminal: Any, *, verbosity: int = 0) -> None:
        """Write the grid; with ``-q`` only rows with a failure, with ``-v`` every row."""
        if not self.outcomes:
            return
        symbols = SYMBOLS if _can_encode(terminal, "".join(SYMBOLS.values())) else ASCII
        articles = sorted({a for a, _ in self.outcomes})
        facts = sorted({f for _, f in self.outcomes})
        terminal.write_sep("=", "factcheck")
        for number, article in enumerate(articles, 1):
            terminal.write_line(f"[{number}] {article}")
        width = max(len(f) for f in facts)
        header = " ".join(f"{n:>2}" for n in range(1, len(articles) + 1))
        terminal.write_line(f"{'':<{width}}  {header}")
        shown = 0
        for fact in facts:
            row = [self.outcomes.get((a, fact), "") for a in articles]
            if verbosity < 0 and not any(s in (FAILED, ERROR) for s in row):
                continue
            cells = " ".join(f"{symbols.get(s, ' '):>2}" for s in row)
            terminal.write_line(f"{fact:<{width}}  {cells}")
            shown += 1
        totals = {s: sum(1 for v in self.outcomes.values() if v == s) for s in STATUSES}
        legend = ", ".join(f"{symbols[s]} {s} {totals[s]}" for s in STATUSES if totals[s])
        terminal.write_line(f"{len(facts)} facts × {len(articles)} articles: {legend}")


def _can_encode(terminal: Any, text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
