"""Building the plain records of :mod:`pytest_factcheck.outcomes` from the checker's objects.

Runs where the test runs (an xdist worker, or the only process): the fact, the verdict and
the indexed article are at hand there, and only the records travel on.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import units
from .errors import Problem
from .facts import Fact
from .intervals import format_interval
from .match import ArticleIndex, Mention, Verdict
from .outcomes import (
    AGREES,
    CONTRADICTS,
    ERROR_SEVERITY,
    FactInfo,
    MentionRecord,
    Note,
    Outcome,
    byte_column,
)
from .report import describe_fact, one_line


def fact_info(fact: Fact) -> FactInfo:
    """What the reports show about ``fact`` (worth computing once per fact, not per pair)."""
    return FactInfo(
        id=fact.id,
        file=fact.location.path,
        line=fact.location.line,
        claim=fact.claim,
        source=fact.source,
        expected=describe_fact(fact),
    )


def mention_record(fact: Fact, mention: Mention, index: ArticleIndex) -> MentionRecord:
    """``mention`` as plain data: offsets, 1-based positions (characters and bytes), verdict."""
    article = index.article
    q = mention.quantity
    line, col = article.position(q.start)
    end_line, end_col = article.position(q.end)
    restates = None if mention.restates is None else one_line(mention.restates.text)
    return MentionRecord(
        start=q.start,
        end=q.end,
        line=line,
        col=col,
        end_line=end_line,
        end_col=end_col,
        byte_col=byte_column(article.line_text(line), col),
        end_byte_col=byte_column(article.line_text(end_line), end_col),
        text=q.text,
        verdict=AGREES if mention.consistent else CONTRADICTS,
        reading=format_interval(mention.converted, units.symbol(fact.unit)),
        restates=restates,
    )


def pair_outcome(
    fact: Fact,
    article: str,
    status: str,
    *,
    message: str = "",
    failure: str | None = None,
    verdict: Verdict | None = None,
    index: ArticleIndex | None = None,
    info: FactInfo | None = None,
) -> Outcome:
    """The record of one (article, fact) pair; mentions only when the verdict is known.

    ``info`` is ``fact_info(fact)``, when the caller keeps it.
    """
    mentions: tuple[MentionRecord, ...] = ()
    line, col = 1, 1
    if verdict is not None and index is not None:
        mentions = tuple(mention_record(fact, m, index) for m in verdict.mentions)
        focus = verdict.focus
        if focus is not None:
            line, col = index.article.position(focus.quantity.start)
    return Outcome(
        article=article,
        fact=info or fact_info(fact),
        status=status,
        message=message,
        failure=failure,
        line=line,
        col=col,
        mentions=mentions,
    )


def problem_notes(problems: Iterable[Problem]) -> list[Note]:
    """One error note per fact-file problem."""
    return [
        Note(
            path=p.location.path,
            line=p.location.line,
            col=p.location.col,
            title=p.fact_id or "fact file",
            message=str(p),
            severity=ERROR_SEVERITY,
        )
        for p in problems
    ]
