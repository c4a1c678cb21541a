"""Errors as values with a location, formatted in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a file: ``line`` and ``col`` are 1-based, as editors count."""

    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    """One problem with user input: where it is and what is wrong."""

    location: Location
    message: str
    fact_id: str | None = None

    def __str__(self) -> str:
        who = f"{self.fact_id}: " if self.fact_id else ""
        return f"{self.location}: {who}{self.message}"


class FactcheckError(Exception):
    """Bad user input (a fact file, a value, an article): one or more located problems.

    ``str()`` gives one problem per line, each ``path:line:col: [fact id: ]message``.
    """

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class QuantityError(ValueError):
    """Text that should be one quantity (a fact's ``value``, a tolerance) is not.

    Carries no file location: the caller knows where the text came from and wraps it
    into a :class:`Problem`.
    """
