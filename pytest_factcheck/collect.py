"""Pytest nodes: an article file collects one item per fact; a broken fact file, one error."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import pytest

from .articles import ArticleError
from .errors import Problem
from .facts import Fact
from .match import FAILED, SKIPPED, ArticleIndex, CueTimeout, Verdict, applies, check
from .outcomes import EMPTY_REASON, NO_VALUE_REASON, NOT_MENTIONED_REASON
from .report import describe_fact, failure_text
from .timelimit import for_article

MARKER = "factcheck"


class CheckSettings(Protocol):
    """The settings an item checks with."""

    @property
    def regex_timeout(self) -> float: ...

    @property
    def conversion_slack(self) -> float: ...


class FactcheckSession(Protocol):
    """What the nodes ask of the run (:class:`pytest_factcheck.session.FactcheckSession`):
    its settings, each article read once, and the facts that can apply to an article."""

    @property
    def settings(self) -> CheckSettings: ...

    @property
    def record_properties(self) -> bool: ...

    def index(self, path: Path) -> ArticleIndex:
        """The article at ``path``, read and indexed once."""
        ...

    def applicable(self, path: Path, nodeid: str) -> tuple[list[Fact], bool]:
        """The facts to collect for an article, and whether each is known to apply."""
        ...


class Contradiction(Exception):
    """The article contradicts the fact; carries the finished report text."""


class ArticleFile(pytest.File):
    """An article: collects one :class:`FactItem` per fact that can apply (every fact
    with ``factcheck_unmentioned = skip``), sorted by fact id."""

    def __init__(self, *, factcheck: FactcheckSession, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.factcheck = factcheck

    def collect(self) -> list[FactItem]:
        """One item per fact, in fact-id order so node ids and xdist schedules are stable."""
        items = []
        facts, known = self.factcheck.applicable(self.path, self.nodeid)
        for fact in facts:
            item = FactItem.from_parent(self, name=fact.id, fact=fact, applies=known)
            item.add_marker(MARKER)
            for tag in fact.tags:
                item.add_marker(tag)
            items.append(item)
        return items


class FactItem(pytest.Item):
    """One (article, fact) pair: passes, fails, or skips as ``not mentioned``."""

    def __init__(self, *, fact: Fact, applies: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fact = fact
        self.known_to_apply = applies  # collected because the fact applies to the article
        self._verdict: Verdict | CueTimeout | None = None
        self._factcheck: FactcheckSession = self.parent.factcheck  # type: ignore[union-attr]
        self.article_path = self.nodeid.rsplit("::", 1)[0]

    def verdict(self) -> Verdict:
        """The match outcome, computed once (location and run share it).

        Raises :class:`ArticleError` for an unreadable article and :class:`CueTimeout`.
        """
        if self._verdict is None:
            index = self._factcheck.index(self.path)
            settings = self._factcheck.settings
            try:
                self._verdict = check(
                    self.fact,
                    index,
                    timeout=for_article(settings.regex_timeout, len(index.article.text)),
                    conversion_slack=settings.conversion_slack,
                )
            except CueTimeout as timeout:
                # Kept, so that a runaway cue costs one time limit, not one per caller.
                self._verdict = timeout
        if isinstance(self._verdict, CueTimeout):
            raise self._verdict
        return self._verdict

    def runtest(self) -> None:
        """Raise :class:`Contradiction` on a contradiction; skip when not mentioned."""
        index = self._factcheck.index(self.path)
        if not index.article.sentences:
            pytest.skip(EMPTY_REASON)
        verdict = self.verdict()
        if self._factcheck.record_properties:
            self._record(verdict)
        if verdict.outcome == SKIPPED:
            stated = self.known_to_apply or applies(
                self.fact, index, timeout=self._factcheck.settings.regex_timeout
            )
            pytest.skip(NO_VALUE_REASON if stated else NOT_MENTIONED_REASON)
        if verdict.outcome == FAILED:
            reason = self.fact.xfail_for(self.article_path)
            if reason:
                pytest.xfail(reason)
            raise Contradiction(failure_text(self.fact, verdict, index))

    def _record(self, verdict: Verdict) -> None:
        """Structured details as JUnit properties (only where the JUnit family allows them)."""
        fact = self.fact
        self.user_properties.append(("fact_id", fact.id))
        self.user_properties.append(("fact_file", f"{fact.location.path}:{fact.location.line}"))
        self.user_properties.append(("expected", describe_fact(fact)))
        focus = verdict.focus
        if focus is not None:
            self.user_properties.append(("found", focus.quantity.text))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Plain text for our own failures (no traceback); pytest's repr for anything else."""
        if isinstance(excinfo.value, Contradiction):
            return str(excinfo.value)
        if isinstance(excinfo.value, ArticleError | CueTimeout):
            return f"{self.article_path}:1:1: {self.fact.id}: {excinfo.value}"
        return str(super().repr_failure(excinfo, style=style))

    def focus_position(self) -> tuple[int, int] | None:
        """1-based (line, col) of the mention a report is about; None when there is none.

        None too when the article cannot be read or the cue times out: runtest() reports
        those, and a position is only a pointer.
        """
        try:
            focus = self.verdict().focus
            if focus is None:
                return None
            return self._factcheck.index(self.path).article.position(focus.quantity.start)
        except Exception:
            return None

    def reportinfo(self) -> tuple[Any, int | None, str]:
        """The article, and the 0-based line of the mention the report is about."""
        position = self.focus_position()
        line = None if position is None else position[0] - 1
        # The domain heads the failure section. It must not be a suffix of the node id:
        # pytest's -v line rewrites the dots of such a suffix to "::" (fact ids have dots).
        return self.path, line, f"{self.fact.id} in {self.article_path}"


class FactFile(pytest.File):
    """A fact file with problems; collects one error item listing all of them."""

    def __init__(self, *, problems: list[Problem], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def collect(self) -> list[FactFileError]:
        """The single error item."""
        return [FactFileError.from_parent(self, name="load", problems=self.problems)]


class FactFileError(pytest.Item):
    """An error with every problem of one fact file, so the other facts still run."""

    def __init__(self, *, problems: list[Problem], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems

    def runtest(self) -> None:
        """Fail with the file's problems, one located line each and no traceback.

        It fails when run, not at setup, so that JUnit gets a ``<failure>``: the JUnit
        schema has no ``<error>`` element. The session still counts it as an error.
        """
        pytest.fail("\n".join(str(p) for p in self.problems), pytrace=False)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """The problems as plain text, so that JUnit's ``message`` starts with a location."""
        return "\n".join(str(p) for p in self.problems)

    def reportinfo(self) -> tuple[Any, int | None, str]:
        """The fact file and the 0-based line of its first problem."""
        first = self.problems[0].location.line - 1 if self.problems else None
        # Not the node id itself: pytest's -v line would rewrite its dots to "::".
        return self.path, first, f"{self.nodeid} (fact file)"
