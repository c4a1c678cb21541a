"""Matching a ``date:`` fact: the date the cue's clause states, read as days.

In each sentence where the cue matches (and the subject is in scope, decided by
:mod:`.match`), the sentence is cut into clauses at subordinating words (``after``,
``before``, ``since``, ``while``, ``when``, ``as``, ``but``, ``until``, ``because``,
``which``, ``who``, ``where``) and at ``;`` and dashes between words (not in ``June
21–22``), except where such a word is the date's own preposition (``since 2006``, ``after
June 10``). The date that states the fact is the date expression of the cue's clause
nearest the subject when the subject is named in that clause, else nearest the cue (on a
tie, the one after). When the subject is named elsewhere in the sentence and the cue's
clause names someone else, the clause's date is that other name's ("Rutba fell on Sunday,
a day after Qaim fell on Saturday"). In "seized the towns of Rutba, Rawa and Ana after
taking the Al-Qaim border crossing on Saturday", ``Saturday`` belongs to ``taking``, not
to ``seized``.

A mention is consistent when some day it may mean lies in the fact's ``date``
(:meth:`.dates.DateReading.overlaps`).
"""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING

from .dates import MONTH_NAMES, WEEKDAY_NAMES, DateReading, DateSpan, read_dates
from .enumerations import find_names
from .findings import Statement
from .intervals import Interval
from .metadata import read_metadata

if TYPE_CHECKING:
    from .articleindex import ArticleIndex
    from .articles import Sentence
    from .facts import Fact

_CONNECTOR = re.compile(
    r"(?:;|—|\s[–-]{1,2}\s"
    r"|,?\s+(?i:after|before|since|while|whereas|when|but|until|till|because|although|though)\b"
    # "as" joins clauses, but not in "such as", "as well as", "as of", "as part of"
    r"|(?<!such)(?<!well)(?<!\bso),?\s+(?i:as)\b"
    r"(?!\s+(?i:well|of|part|many|much|long|far|a|an|the|soon|early|late)\b)"
    r"|,\s*(?:which|who|where)\b)"
)
_DATE_WORD_GAP = re.compile(r"\s+(?:the\s+)?")


def article_dates(index: ArticleIndex) -> list[DateReading]:
    """Every date expression of the article, read once and kept on ``index``."""
    if index.dates is None:
        if index.metadata is None:
            index.metadata = read_metadata(index.article.head_text, None, index.article.path)
        spans = [DateSpan(q.start, q.end, q.kind) for q in index.quantities if q.kind in _KINDS]
        index.dates = read_dates(index.article.text, spans, index.metadata.date)
    return index.dates


_KINDS = frozenset({"date", "year", "identifier"})


def clause_bounds(text: str, start: int, end: int, starts: set[int]) -> list[int]:
    """Offsets in ``text[start:end]`` where a new clause begins; ``starts`` are the start
    offsets of date expressions (a connector right before one is its preposition)."""
    cuts = [start]
    for m in _CONNECTOR.finditer(text, start, end):
        after = m.end()
        gap = _DATE_WORD_GAP.match(text, after)
        if gap is not None and gap.end() in starts:
            continue
        cuts.append(m.start())
    return cuts


def statements(
    fact: Fact,
    index: ArticleIndex,
    anchored: list[tuple[int, list[tuple[int, int]]]],
    subject_spans: list[tuple[int, int]],
) -> list[Statement]:
    """The dates stated for ``fact`` in the anchored sentences, each with its verdict.

    ``anchored`` are (sentence index, cue spans) pairs already in the subject's scope;
    ``subject_spans`` are where the subject is named in the article.
    """
    assert fact.date is not None
    readings = article_dates(index)
    if not readings:
        return []
    text = index.article.text
    starts = {r.start for r in readings}
    ordered = [r.start for r in readings]
    chosen: dict[int, tuple[DateReading, int]] = {}
    for s, spans in anchored:
        sentence = index.article.sentences[s]
        lo_i = bisect.bisect_left(ordered, sentence.start)
        hi_i = bisect.bisect_left(ordered, sentence.end)
        inside = readings[lo_i:hi_i]
        if not inside:
            continue
        cuts = clause_bounds(text, sentence.start, sentence.end, starts)
        for a, b in spans:
            lo, hi = _clause_of(cuts, sentence.end, a)
            candidates = [r for r in inside if lo <= r.start < hi]
            near = [(x, y) for x, y in subject_spans if lo <= x < hi]
            if not near:
                elided = _subject_clause_date(cuts, sentence, subject_spans, inside, (lo, hi))
                if elided is not None:
                    chosen.setdefault(elided.start, (elided, s))
                    continue
            if not candidates:
                continue
            target = near[0] if near else (a, b)
            listed = _date_after_list(text, near[0][1], candidates) if near else None
            best = listed or min(candidates, key=lambda r: _distance(r, *target))
            if not near and _owned_by_another_name(
                text, sentence, subject_spans, (lo, hi), candidates
            ):
                continue
            chosen.setdefault(best.start, (best, s))
    found: list[Statement] = []
    for reading, s in sorted(chosen.values(), key=lambda pair: pair[0].start):
        found.append(
            Statement(
                reading.start,
                reading.end,
                s,
                reading.overlaps(fact.date),
                reading.describe(),
                _as_interval(reading),
            )
        )
    return found


def _owned_by_another_name(
    text: str,
    sentence: Sentence,
    subject_spans: list[tuple[int, int]],
    clause: tuple[int, int],
    readings: list[DateReading],
) -> bool:
    """True when the subject is named in the sentence but not in the clause, and the clause
    names someone else: "Rutba fell on Sunday, a day after Qaim fell on Saturday" — the
    Saturday is Qaim's, not Rutba's."""
    if not any(sentence.start <= x < sentence.end for x, _ in subject_spans):
        return False
    lo, hi = clause
    if _RELATIVE_CLAUSE.match(text, lo):
        return False  # "Rutba, which ISIS seized on Sunday": the clause is about Rutba
    dates = [(r.start, r.end) for r in readings]
    for a, b in find_names(text, lo, hi):
        if not any(x < b and a < y for x, y in dates) and text[a:b] not in _DATE_WORDS:
            return True
    return False


def _subject_clause_date(
    cuts: list[int],
    sentence: Sentence,
    subject_spans: list[tuple[int, int]],
    readings: list[DateReading],
    cue_clause: tuple[int, int],
) -> DateReading | None:
    """The date of the subject's own clause when the cue's verb is shared with it: "took
    al-Qaim on Saturday and Rutba, Rawa and Ana on Sunday" — the cue "took" is in the first
    clause, Rutba and its Sunday in the second."""
    for x, y in subject_spans:
        if not sentence.start <= x < sentence.end:
            continue
        lo, hi = _clause_of(cuts, sentence.end, x)
        if (lo, hi) == cue_clause or hi <= cue_clause[0]:
            continue  # the cue's own clause, or a clause before the cue
        own = [r for r in readings if lo <= r.start < hi]
        if own:
            return min(own, key=lambda r: _distance(r, x, y))
    return None


def _date_after_list(text: str, end: int, readings: list[DateReading]) -> DateReading | None:
    """The date that closes a list of names the subject is in: "took al-Qaim on Saturday
    and Rutba, Rawa and Ana on Sunday" — Sunday is Rutba's, though Saturday is nearer."""
    after = [r for r in readings if r.start >= end]
    if not after:
        return None
    first = min(after, key=lambda r: r.start)
    return first if _LIST_THEN_DATE.fullmatch(text, end, first.start) else None


# A list of names from the subject (or after it) to its end, then the date's preposition.
_NAME = r"(?:al-)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_LIST_THEN_DATE = re.compile(
    rf"(?:{_NAME})?(?:(?:(?:\s*,)?\s+(?:and|or)\s+|\s*,\s*){_NAME})*(?:\s+(?:on|in))?\s*"
)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|where)\b")
_DATE_WORDS = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)


def _clause_of(cuts: list[int], end: int, offset: int) -> tuple[int, int]:
    lo, hi = cuts[0], end
    for cut in cuts:
        if cut <= offset:
            lo = cut
        else:
            hi = cut
            break
    return lo, hi


def _distance(r: DateReading, start: int, end: int) -> tuple[int, int]:
    if r.end <= start:
        return (start - r.end, 1)
    if r.start >= end:
        return (r.start - end, 0)
    return (0, 0)


def _as_interval(reading: DateReading) -> Interval:
    if reading.days is None:
        return Interval(-math.inf, math.inf)
    return Interval(reading.days.first.toordinal(), reading.days.last.toordinal())
