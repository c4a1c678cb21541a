"""Fact files: the data model of a fact (loading lives in :mod:`pytest_factcheck.factfile`)."""

from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from .errors import Location, Problem
from .intervals import Interval

if TYPE_CHECKING:
    from .dates import DayInterval
    from .names import Entity
    from .quantities import Quantity

SCOPES = ("sentence", "paragraph", "article")
# A fact states exactly one of these (spec section 3).
KINDS = ("value", "date", "names")


# Unbounded, like names.name_finder: the fact base bounds the number of distinct cues, and a
# bounded cache smaller than that would recompile every cue for every article.
@functools.cache
def compile_cue(cue: str) -> regex.Pattern[str]:
    """A fact's cue as a pattern: the ``regex`` module, case-insensitive.

    The one place cues are compiled, for the loader that validates them and the matcher
    that runs them. Raises ``regex.error`` (and, for pathological patterns, whatever
    ``regex.compile`` raises) for a cue that is not a valid expression.
    """
    return regex.compile(cue, regex.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """One verified fact, as written in a fact file and parsed.

    A fact states a quantity (``value``), a date (``date``) or a list of names (``names``).
    For a date or names fact, ``value`` still holds a :class:`Quantity` so that code written
    for quantities never meets ``None``: the days as ordinals (unit ``day``, kind ``date``)
    or the number of names (kind ``names``); ``value_text`` is the date or the names as
    written. :attr:`kind` says which it is.
    """

    id: str
    location: Location  # the fact's ``- id:`` entry in its fact file
    value: Quantity  # ``value`` read with the article grammar
    value_text: str
    cue: str | None = None  # regex source, matched case-insensitively
    subject: Entity | None = None  # an entity, or a literal name as an entity of one spelling
    claim: str | None = None
    tolerance_text: str | None = None
    tolerance_relative: float = 0.0
    tolerance_absolute: float = 0.0  # in the unit of ``value``
    scope: str = "paragraph"
    source: str | None = None
    tags: tuple[str, ...] = ()
    xfail: str | None = None
    # Per-article known disputes: (article glob, reason), tried in order after ``xfail``.
    xfail_articles: tuple[tuple[str, str], ...] = ()
    exclude: str | None = None  # regex: a cue match whose clause it matches is not a statement
    direction: str | None = None  # "up" or "down" when the value states a change ("up 8%")
    date: DayInterval | None = None  # a date fact: the days it allows
    names: tuple[Entity, ...] = ()  # a names fact: every member of the list

    def xfail_for(self, article: str) -> str | None:
        """The known-dispute reason for ``article`` (a path as displayed), or None.

        A reason for every article (``xfail: text``) applies everywhere; a mapping applies
        to the articles its globs match, tried against the whole path and its file name.
        """
        if self.xfail:
            return self.xfail
        name = article.rsplit("/", 1)[-1]
        for glob, reason in self.xfail_articles:
            if fnmatch.fnmatchcase(article, glob) or fnmatch.fnmatchcase(name, glob):
                return reason
        return None

    @property
    def kind(self) -> str:
        """``"value"``, ``"date"`` or ``"names"``: what the fact states."""
        if self.date is not None:
            return "date"
        return "names" if self.names else "value"

    @property
    def unit(self) -> str:
        """The pint unit name of the fact's value."""
        return self.value.unit

    @property
    def noun(self) -> str | None:
        """The count noun of the fact's value (singular), if it has one."""
        return self.value.noun

    @property
    def expected(self) -> Interval:
        """The value's interval widened by the tolerance, in :attr:`unit`."""
        return self.value.interval.widened(
            relative=self.tolerance_relative, absolute=self.tolerance_absolute
        )


@dataclass(frozen=True)
class FactSet:
    """Everything loaded from the fact files: good facts, and every problem found.

    A fact with a problem is left out of ``facts``; its problems are in ``problems``,
    grouped by fact file in ``problems_by_file``.
    """

    facts: tuple[Fact, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()
    #: Located advice that is no problem: a too-broad cue, a unit the table already has.
    warnings: tuple[Problem, ...] = ()

    def problems_by_file(self) -> dict[str, list[Problem]]:
        """Problems keyed by the fact file path they were found in, in file order."""
        grouped: dict[str, list[Problem]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.location.path, []).append(problem)
        return grouped
