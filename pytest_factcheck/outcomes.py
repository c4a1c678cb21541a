"""One plain record per (article, fact) pair: what every report reads.

A record is built once, where the pair's test runs, from the fact, its verdict and the
article (:func:`pair_outcome`), and travels on pytest's test report as plain data (a dict
of strings, numbers and lists: :meth:`Outcome.to_wire`), so it reaches the pytest-xdist
controller unchanged. There :class:`Results` gathers the records as reports arrive, and the
reporters — the terminal grid, GitHub annotations and step summary, the HTML page, the
reviewdog diagnostics — read only these records. None of them imports the session or the
collector.

A problem with a fact file (and, later, a warning about one) is a :class:`Note`, carried
the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The statuses of a pair, as the summary grid shows them.
PASSED, FAILED, NOT_MENTIONED, XFAILED, ERROR, SKIPPED = (
    "passed",
    "failed",
    "not mentioned",
    "xfailed",
    "error",
    "skipped",
)
STATUSES = (PASSED, FAILED, NOT_MENTIONED, XFAILED, ERROR, SKIPPED)
# How the grid, the HTML page and the step summary show each status.
SYMBOLS = {PASSED: "✓", FAILED: "✗", NOT_MENTIONED: "·", XFAILED: "x", ERROR: "E", SKIPPED: "s"}
BAD = frozenset({FAILED, ERROR})

# Skip reasons of a pair the article states no value for: the fact is not mentioned, its
# cue is there but no quantity it could be compared with, or the article is empty. All are
# "not mentioned" in the grid, as the pairs left out with factcheck_unmentioned = omit.
NOT_MENTIONED_REASON = "not mentioned"
NO_VALUE_REASON = "cue found, no comparable quantity"
EMPTY_REASON = "empty article"
UNSTATED_REASONS = (NOT_MENTIONED_REASON, NO_VALUE_REASON, EMPTY_REASON)

# Why a failed pair failed, when the checker knows (None: a bug, an xpass, …).
CONTRADICTION, UNREADABLE, TIMEOUT = "contradiction", "unreadable article", "timeout"

# A mention's verdict; CUE_ONLY marks where a skipped pair's cue occurs with no value.
AGREES, CONTRADICTS, CUE_ONLY = "agrees", "contradicts", "cue only"

# A note's severity.
ERROR_SEVERITY, WARNING_SEVERITY = "error", "warning"

# The report attributes carrying the records.
OUTCOME_ATTRIBUTE = "factcheck_outcome"
NOTES_ATTRIBUTE = "factcheck_notes"


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
        unstated = any(r in reason for r in UNSTATED_REASONS)
        return NOT_MENTIONED if unstated else SKIPPED
    if report.when == "call":
        return PASSED
    return None


@dataclass(frozen=True)
class MentionRecord:
    """One statement of the fact in the article, with its verdict.

    ``start``/``end`` are character offsets into the decoded article text (byte order mark
    removed). ``line``/``col`` and ``end_line``/``end_col`` are 1-based, columns counting
    characters, the end exclusive; ``byte_col``/``end_byte_col`` count UTF-8 bytes
    instead (as reviewdog does). ``reading`` is the mention's interval in the fact's unit.
    """

    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int
    byte_col: int
    end_byte_col: int
    text: str
    verdict: str  # AGREES, CONTRADICTS or CUE_ONLY
    reading: str
    restates: str | None = None

    @property
    def contradicts(self) -> bool:
        """True when the mention contradicts the fact."""
        return self.verdict == CONTRADICTS


@dataclass(frozen=True)
class FactInfo:
    """What a report shows about a fact: where it is written, what it claims and allows."""

    id: str
    file: str = ""
    line: int = 0
    claim: str | None = None
    source: str | None = None
    expected: str = ""

    @property
    def where(self) -> str:
        """``facts/x.yaml:12``, or empty when unknown."""
        return f"{self.file}:{self.line}" if self.file else ""


@dataclass(frozen=True)
class Outcome:
    """The outcome of one (article, fact) pair and everything a report shows about it.

    ``message`` is the failure's first line (``path:line:col: id: article says …``), the
    skip or xfail reason, or empty for a pass. ``line``/``col`` are where the report points
    (the focus mention, else 1:1).
    """

    article: str
    fact: FactInfo
    status: str
    message: str = ""
    failure: str | None = None  # CONTRADICTION, UNREADABLE, TIMEOUT or None
    line: int = 1
    col: int = 1
    mentions: tuple[MentionRecord, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """``(article, fact id)``."""
        return (self.article, self.fact.id)

    def to_wire(self) -> dict[str, Any]:
        """Plain data (dicts, lists, str, int, None) for the test report; defaults left out."""
        data: dict[str, Any] = {
            "article": self.article,
            "fact": dict(vars(self.fact)),
            "status": self.status,
        }
        if self.message:
            data["message"] = self.message
        if self.failure:
            data["failure"] = self.failure
        if (self.line, self.col) != (1, 1):
            data["line"], data["col"] = self.line, self.col
        if self.mentions:
            data["mentions"] = [dict(vars(m)) for m in self.mentions]
        return data

    @classmethod
    def from_wire(
        cls, data: Mapping[str, Any], facts: dict[tuple[Any, ...], FactInfo] | None = None
    ) -> Outcome:
        """The record :meth:`to_wire` made; ``facts`` shares one FactInfo per fact."""
        wire_fact = data["fact"]
        if facts is None:
            fact = FactInfo(**wire_fact)
        else:
            key = tuple(wire_fact.values())
            fact = facts.get(key) or facts.setdefault(key, FactInfo(**wire_fact))
        mentions = data.get("mentions")
        return cls(
            article=data["article"],
            fact=fact,
            status=data["status"],
            message=data.get("message", ""),
            failure=data.get("failure"),
            line=data.get("line", 1),
            col=data.get("col", 1),
            mentions=tuple(MentionRecord(**m) for m in mentions) if mentions else (),
        )


@dataclass(frozen=True)
class Note:
    """A located problem (severity ``error``) or warning about an input file."""

    path: str
    line: int
    col: int
    title: str
    message: str  # the whole line: ``path:line:col: [fact id: ]problem``
    severity: str = ERROR_SEVERITY

    def to_wire(self) -> dict[str, Any]:
        """Plain data for the test report."""
        return dict(vars(self))

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Note:
        """The note :meth:`to_wire` made."""
        return cls(**data)


def byte_column(line_text: str, col: int) -> int:
    """The 1-based UTF-8 byte column of the 1-based character column ``col`` of a line."""
    return len(line_text[: col - 1].encode("utf-8", "surrogatepass")) + 1


@dataclass
class Results:
    """Records gathered from reports as they arrive (on the xdist controller too).

    The grid's input is every known article and fact, and the records of the pairs that
    ran: a pair with no record (not collected) is ``not mentioned``. Articles and facts
    are known from the records, and from :meth:`expect` for those without any.
    """

    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    notes: dict[Note, None] = field(default_factory=dict)
    expected_articles: set[str] = field(default_factory=set)
    expected_facts: dict[str, FactInfo] = field(default_factory=dict)
    _facts: dict[tuple[Any, ...], FactInfo] = field(default_factory=dict, repr=False)

    def add(self, report: Any) -> None:
        """Keep the records a report carries. A failure is never replaced by a later phase."""
        wire = getattr(report, OUTCOME_ATTRIBUTE, None)
        if wire:
            outcome = Outcome.from_wire(wire, self._facts)
            previous = self.outcomes.get(outcome.key)
            if previous is None or previous.status not in BAD:
                self.outcomes[outcome.key] = outcome
        for note in getattr(report, NOTES_ATTRIBUTE, None) or ():
            self.notes.setdefault(Note.from_wire(note), None)

    def note(self, note: Note) -> None:
        """Keep a note that reaches the controller some other way (a fact-file warning)."""
        self.notes.setdefault(note, None)

    def expect(self, articles: Iterable[str] = (), facts: Iterable[FactInfo] = ()) -> None:
        """Articles and facts the grid shows even when no pair of theirs ran."""
        self.expected_articles.update(articles)
        for fact in facts:
            self.expected_facts.setdefault(fact.id, fact)

    def failed(self, pair: Sequence[str]) -> bool:
        """True when the (article, fact) pair failed or errored in any phase."""
        outcome = self.outcomes.get((str(pair[0]), str(pair[1])))
        return outcome is not None and outcome.status in BAD

    def articles(self) -> list[str]:
        """Every known article, sorted."""
        return sorted({a for a, _ in self.outcomes} | self.expected_articles)

    def facts(self) -> list[FactInfo]:
        """Every known fact, sorted by id."""
        known = dict(self.expected_facts)
        for outcome in self.outcomes.values():
            known[outcome.fact.id] = outcome.fact
        return [known[k] for k in sorted(known)]

    def grid(
        self, articles: Sequence[str] | None = None, facts: Sequence[FactInfo] | None = None
    ) -> dict[tuple[str, str], str]:
        """``(article, fact id) -> status`` for every known article and fact.

        ``articles`` and ``facts`` are :meth:`articles` and :meth:`facts`, when the caller
        has them already.
        """
        ids = [f.id for f in (self.facts() if facts is None else facts)]
        outcomes = self.outcomes
        return {
            (a, f): outcome.status if (outcome := outcomes.get((a, f))) else NOT_MENTIONED
            for a in (self.articles() if articles is None else articles)
            for f in ids
        }

    def failures(self) -> list[Outcome]:
        """The failed and errored pairs, by article then fact."""
        return sorted((o for o in self.outcomes.values() if o.status in BAD), key=_order)

    def by_article(self, articles: Sequence[str] | None = None) -> dict[str, list[Outcome]]:
        """Each article's records, by fact id (``articles``: :meth:`articles`, if known)."""
        grouped: dict[str, list[Outcome]] = {
            a: [] for a in (self.articles() if articles is None else articles)
        }
        for outcome in sorted(self.outcomes.values(), key=_order):
            grouped[outcome.article].append(outcome)
        return grouped


def _order(outcome: Outcome) -> tuple[str, str]:
    return outcome.key
