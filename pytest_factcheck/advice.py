"""Warnings shown in the run's header and summary: things that are no error but that a
fact's author should know (spec section 3).

From the fact files (see :class:`~.facts.FactSet` ``warnings``): a cue that matches empty
text or almost any sentence, a ``units:`` entry that redefines a unit of the table. From
the run: a fact that no article of the run mentions, which usually means its cue or
subject is spelt differently from the articles (or that the articles are not the ones
meant). Warnings never change an item's outcome or the exit status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .outcomes import NOT_MENTIONED

if TYPE_CHECKING:
    from .session import FactcheckSession

PREFIX = "factcheck: warning: "


class Advice:
    """Registered with :class:`~.session.FactcheckSession`: writes the warnings."""

    NAME = "factcheck-advice"

    def __init__(self, factcheck: FactcheckSession) -> None:
        self.factcheck = factcheck

    def file_warnings(self) -> list[str]:
        return [f"{PREFIX}{warning}" for warning in self.factcheck.facts.warnings]

    def unmentioned(self) -> list[str]:
        """Facts every article of the run left unmentioned (facts not run are left out)."""
        results = self.factcheck.results
        seen = {fact.id: False for fact in results.facts()}
        for outcome in results.outcomes.values():
            if outcome.status != NOT_MENTIONED:
                seen[outcome.fact.id] = True
        articles = len(results.articles())
        where = {fact.id: fact.location for fact in self.factcheck.facts.facts}
        return [
            f"{PREFIX}{where[fact_id]}: {fact_id}: mentioned in no article of this run "
            f"({articles} {'article' if articles == 1 else 'articles'})"
            for fact_id, found in sorted(seen.items())
            if not found and fact_id in where
        ]

    @pytest.hookimpl(tryfirst=True)
    def pytest_report_header(self, config: pytest.Config) -> list[str]:
        """Below the ``factcheck:`` line: each warning of the fact files."""
        return self.file_warnings()

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        """After the grid: the fact files' warnings again, and the unmentioned facts."""
        if hasattr(config, "workerinput"):
            return
        lines = self.file_warnings() + self.unmentioned()
        for line in lines:
            terminalreporter.write_line(line, yellow=True)
