"""Building the plain records of :mod:`pytest_factcheck.outcomes` from the checker's objects.

Runs where the test runs (an xdist worker, or the only process): the fact, the verdict and
the indexed article are at hand there, and only the records travel on.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import units
from .errors import Problem
from .facts import Fact, compile_cue
from .intervals import format_interval
from .match import ArticleIndex, Mention, Verdict, subject_in_scope
from .outcomes import (
    AGREES,
    CONTRADICTS,
    CUE_ONLY,
    ERROR_SEVERITY,
    NO_VALUE_REASON,
    NOT_MENTIONED,
    SKIPPED,
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
    q = mention.quantity
    if mention.reading is not None:  # a date or a list of names: how the text was read
        reading = one_line(mention.reading)
        if mention.note and not mention.consistent:
            reading += f": {mention.note}"
    else:
        reading = format_interval(mention.converted, units.symbol(fact.unit))
        if mention.change:  # a change: "6%, down"
            reading += f", {mention.change}"
    return span_record(
        index,
        q.start,
        q.end,
        AGREES if mention.consistent else CONTRADICTS,
        reading,
        None if mention.restates is None else one_line(mention.restates.text),
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
        if status in (SKIPPED, NOT_MENTIONED) and not mentions and NO_VALUE_REASON in message:
            mentions = tuple(cue_records(fact, index))
            if mentions:
                line, col = mentions[0].line, mentions[0].col
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


# Cue matches recorded for one skipped pair, at most.
MAX_CUE_RECORDS = 20


def cue_records(fact: Fact, index: ArticleIndex, timeout: float = 1.0) -> list[MentionRecord]:
    """Where the fact's cue occurs with its subject in scope: for a pair skipped because
    the article states no comparable value there ("cue found, no comparable quantity").

    Runs the cue once more, on this article only; only skipped pairs pay for it. Empty
    for a fact without a cue, and when the cue or the subject runs out of time.
    """
    if fact.cue is None or not index.article.sentences:
        return []
    article = index.article
    try:
        found: list[MentionRecord] = []
        for match in compile_cue(fact.cue).finditer(article.text, timeout=timeout):
            start, end = match.span()
            if start == end:
                continue
            if not subject_in_scope(fact, index, article.sentence_index(start), timeout):
                continue
            found.append(span_record(index, start, end, CUE_ONLY, fact.cue))
            if len(found) == MAX_CUE_RECORDS:
                break
        return found
    except Exception:  # a timeout, or anything else: the record is only a pointer
        return []


def span_record(
    index: ArticleIndex,
    start: int,
    end: int,
    verdict: str,
    reading: str,
    restates: str | None = None,
) -> MentionRecord:
    """The record of ``article.text[start:end]`` with its verdict and reading.

    Any kind of mention (a quantity, a date, a list of names) becomes a record this way:
    ``reading`` is what the mention means in the fact's terms (``150 mph``, ``2014-06-22``).
    """
    article = index.article
    line, col = article.position(start)
    end_line, end_col = article.position(end)
    return MentionRecord(
        start=start,
        end=end,
        line=line,
        col=col,
        end_line=end_line,
        end_col=end_col,
        byte_col=byte_column(article.line_text(line), col),
        end_byte_col=byte_column(article.line_text(end_line), end_col),
        text=article.text[start:end],
        verdict=verdict,
        reading=reading,
        restates=restates,
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
