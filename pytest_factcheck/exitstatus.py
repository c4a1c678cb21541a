"""What the run's exit status tells a CI gate, and the lines that explain it.

pytest's own statuses say "tests failed" (1) whether an article contradicts a fact or a fact
file is broken. A gate must tell the two apart, so a fact-file problem ends the run with 2,
pytest's status for errors met while collecting, after every other fact has run (and with
``--collect-only`` too); so does a fact whose cue or subject search ran away on an article
(an error of the fact, not a verdict on the article). 1 then means only that some article
contradicts a fact. A run that
collected nothing (5) says where it looked for articles and with which patterns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .session import FactcheckSession

#: The status of a run in which a fact file has a problem.
FACT_FILE_PROBLEM = pytest.ExitCode.INTERRUPTED

# Statuses that a fact-file problem overrides; 3 (internal error) and 4 (usage error) stand.
_OVERRIDDEN = (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED)


class ExitStatus:
    """Registered with :class:`~.session.FactcheckSession`: sets and explains the status."""

    NAME = "factcheck-exitstatus"

    def __init__(self, factcheck: FactcheckSession) -> None:
        self.factcheck = factcheck
        self.runaway = 0  # items whose cue or subject search was stopped

    def problem_count(self) -> int:
        return len(self.factcheck.facts.problems)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Count the facts stopped by the time limit (on the xdist controller too)."""
        if report.failed and getattr(report, "factcheck_fact_error", False):
            self.runaway += 1

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """2 when a fact has a problem; pytest returns ``session.exitstatus``."""
        if (self.problem_count() or self.runaway) and session.exitstatus in _OVERRIDDEN:
            session.exitstatus = FACT_FILE_PROBLEM

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        """Say why the status is 2, or where nothing was found."""
        if hasattr(config, "workerinput"):
            return
        count = self.problem_count()
        if count:
            files = len(self.factcheck.facts.problems_by_file())
            terminalreporter.write_line(
                f"factcheck: {_plural(count, 'problem')} in {_plural(files, 'fact file')} "
                "(the errors above); the other facts ran; exit status "
                f"{int(FACT_FILE_PROBLEM)}",
                red=True,
            )
        if self.runaway:
            terminalreporter.write_line(
                f"factcheck: {_plural(self.runaway, 'check')} stopped by the time limit "
                "(the errors above): a cue or subject search ran away on an article; "
                f"exit status {int(FACT_FILE_PROBLEM)}",
                red=True,
            )
        if not count and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
            terminalreporter.write_line(self.nothing_collected(config.rootpath))

    def nothing_collected(self, rootpath: Path) -> str:
        """Where articles were looked for, with which patterns, and how many facts there are."""
        settings = self.factcheck.settings
        roots = ", ".join(_shown(root, rootpath) for root in settings.article_roots) or "nowhere"
        facts = self.factcheck.facts
        files = ", ".join(facts.files) or "no fact files"
        return (
            f"factcheck: nothing collected: looked for articles matching "
            f"{' '.join(settings.article_globs)} under {roots}; "
            f"{_plural(len(facts.facts), 'fact')} from {files}"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _shown(path: Path, rootpath: Path) -> str:
    try:
        shown = path.resolve().relative_to(rootpath.resolve()).as_posix()
    except ValueError:
        shown = str(path)
    if path.is_dir():
        return f"{shown}/"
    return shown if path.exists() else f"{shown} (missing)"
