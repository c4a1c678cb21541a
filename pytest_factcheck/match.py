"""Matching one fact against one article: subject in scope, cue, nearest compatible quantity.

The article side is computed once per article (:class:`ArticleIndex`) and shared by every
fact; :func:`check` then does only the fact-specific work (spec section 5).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import match_dates, match_lists, units
from .articles import Article
from .facts import Fact, compile_cue
from .intervals import Interval
from .names import Entity, name_finder
from .quantities import Quantity, extract

if TYPE_CHECKING:
    from .dates import DateReading
    from .metadata import ArticleMetadata

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


class CueTimeout(Exception):
    """A fact's cue (or its subject's names) ran longer than allowed on one article."""

    def __init__(self, cue: str, seconds: float, what: str = "cue") -> None:
        self.cue = cue
        self.seconds = seconds
        super().__init__(
            f"{what} {cue!r} ran longer than {seconds:g} s on this article and was stopped "
            "(ini option factcheck_regex_timeout, seconds per 100,000 characters)"
        )


@dataclass
class ArticleIndex:
    """An article with its quantities placed in sentences, and name hits cached."""

    article: Article
    quantities: list[Quantity]
    by_sentence: list[list[int]]  # per sentence: indices into ``quantities`` (kind "quantity")
    restatements: dict[int, list[int]]  # quantity index -> indices of its restatements
    _names: dict[Entity, list[int]] = field(default_factory=dict)
    # Date facts: the article's date and other metadata (read on first use when not given)
    # and its date expressions (see match_dates.article_dates).
    metadata: ArticleMetadata | None = None
    dates: list[DateReading] | None = None
    # Names facts: every span of an entity's spellings (see match_lists.name_spans).
    name_spans: dict[Entity, list[tuple[int, int]]] = field(default_factory=dict)

    def name_starts(self, entity: Entity, timeout: float = 1.0) -> list[int]:
        """Sorted start offsets of every spelling of ``entity`` in the article (cached).

        Raises :class:`CueTimeout` when the search runs longer than ``timeout`` seconds.
        """
        hits = self._names.get(entity)
        if hits is None:
            try:
                spans = name_finder(entity).find(self.article.text, timeout=timeout)
            except TimeoutError:
                raise CueTimeout(entity.name, timeout, what="subject") from None
            hits = self._names[entity] = sorted(start for start, _ in spans)
        return hits


def index_article(
    article: Article, *, approx: float = 0.10, extra_units: Mapping[str, str] | None = None
) -> ArticleIndex:
    """Read every quantity of ``article`` once and place it in its sentence."""
    quantities = extract(article.text, approx=approx, units=extra_units)
    by_sentence: list[list[int]] = [[] for _ in article.sentences]
    restatements: dict[int, list[int]] = {}
    for i, q in enumerate(quantities):
        if q.kind != "quantity":
            continue
        if q.restates is not None:
            restatements.setdefault(q.restates, []).append(i)
        s = _sentence_of(article, q.start)
        if s is not None:
            by_sentence[s].append(i)
    return ArticleIndex(article, quantities, by_sentence, restatements)


def _sentence_of(article: Article, offset: int) -> int | None:
    """The sentence holding ``offset``, or None when it falls between sentences."""
    if not article.sentences:
        return None
    s = article.sentence_index(offset)
    sentence = article.sentences[s]
    return s if sentence.start <= offset < sentence.end else None


@dataclass(frozen=True)
class Mention:
    """One quantity the article states for the fact, with its verdict."""

    quantity: Quantity
    sentence: int  # index into the article's sentences
    converted: Interval  # the quantity's interval in the fact's unit
    consistent: bool
    restates: Quantity | None = None  # the quantity this one restates, if parenthetical
    # Date and names facts: how the text was read, and what is wrong or missing.
    reading: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Verdict:
    """The outcome of one (fact, article) pair and every mention behind it."""

    outcome: str  # PASSED, FAILED or SKIPPED
    mentions: tuple[Mention, ...] = ()

    @property
    def contradictions(self) -> tuple[Mention, ...]:
        """The mentions that contradict the fact, in article order."""
        return tuple(m for m in self.mentions if not m.consistent)

    @property
    def focus(self) -> Mention | None:
        """The mention a report points at: the first contradiction, else the first mention."""
        bad = self.contradictions
        return bad[0] if bad else (self.mentions[0] if self.mentions else None)


def check(
    fact: Fact, index: ArticleIndex, *, timeout: float = 1.0, conversion_slack: float = 0.05
) -> Verdict:
    """Match ``fact`` against the article behind ``index``.

    A quantity written in another unit than the fact's (``100 km`` for ``62 mi``) is
    widened by ``conversion_slack`` before it is converted: articles round conversions.

    Returns FAILED when any mention contradicts the fact, PASSED when at least one mention
    agrees and none contradicts, SKIPPED when the article never states it.
    Raises :class:`CueTimeout` when the fact's cue runs longer than ``timeout`` seconds.
    """
    if fact.subject is not None and not index.name_starts(fact.subject, timeout):
        # Never named: no sentence can have it in scope, so the cue need not run.
        return Verdict(SKIPPED)
    if fact.kind != "value":
        return _check_statements(fact, index, timeout)
    chosen: dict[int, int] = {}  # quantity index -> sentence index (dict keeps order)
    for sentence, anchors in _anchors(fact, index, timeout):
        if not _subject_in_scope(fact, index, sentence, timeout):
            continue
        for q in _nearest(fact, index, sentence, anchors):
            chosen.setdefault(q, sentence)
    mentions: list[Mention] = []
    for qi in sorted(chosen, key=lambda i: index.quantities[i].start):
        primary = index.quantities[qi]
        if _compatible_unit(fact, primary):
            mentions.append(_mention(fact, primary, chosen[qi], None, conversion_slack))
        for ri in index.restatements.get(qi, ()):
            restated = index.quantities[ri]
            if _compatible_unit(fact, restated):
                mentions.append(_mention(fact, restated, chosen[qi], primary, conversion_slack))
    if not mentions:
        return Verdict(SKIPPED)
    outcome = FAILED if any(not m.consistent for m in mentions) else PASSED
    return Verdict(outcome, tuple(mentions))


def _mention(
    fact: Fact, q: Quantity, sentence: int, restates: Quantity | None, slack: float
) -> Mention:
    interval = q.interval if q.unit == fact.unit else q.interval.widened(relative=slack)
    converted = units.convert(interval, q.unit, fact.unit)
    return Mention(q, sentence, converted, converted.overlaps(fact.expected), restates)


def _anchors(
    fact: Fact, index: ArticleIndex, timeout: float
) -> list[tuple[int, list[tuple[int, int]]]]:
    """Sentences where the fact is stated, each with the spans that anchor it there.

    With a cue, the anchors are the cue's matches; without one, the counts of the fact's
    noun (a fact with neither is rejected when the fact file loads).
    """
    article = index.article
    grouped: dict[int, list[tuple[int, int]]] = {}
    if fact.cue is not None:
        pattern = compile_cue(fact.cue)
        try:
            for match in pattern.finditer(article.text, timeout=timeout):
                if match.end() == match.start():
                    continue
                s = _sentence_of(article, match.start())
                if s is not None:
                    grouped.setdefault(s, []).append(match.span())
        except TimeoutError:
            raise CueTimeout(fact.cue, timeout) from None
    else:
        for s, indices in enumerate(index.by_sentence):
            for qi in indices:
                q = index.quantities[qi]
                if q.noun is not None and q.noun == fact.noun:
                    grouped.setdefault(s, []).append((q.start, q.end))
    return sorted(grouped.items())


def _subject_in_scope(fact: Fact, index: ArticleIndex, sentence: int, timeout: float) -> bool:
    """True when the fact's subject is named where the fact's scope allows."""
    if fact.subject is None:
        return True
    hits = index.name_starts(fact.subject, timeout)
    if not hits:
        return False
    if fact.scope == "article":
        return True
    s = index.article.sentences[sentence]
    low = s.start if fact.scope == "sentence" else index.article.paragraphs[s.paragraph].start
    first = bisect.bisect_left(hits, low)
    return first < len(hits) and hits[first] < s.end


def _compatible_unit(fact: Fact, q: Quantity) -> bool:
    if q.unit == fact.unit:
        return True
    return units.dimension(q.unit) == units.dimension(fact.unit)


def _noun(index: ArticleIndex, qi: int) -> str | None:
    """The count noun of a quantity; a parenthetical restatement counts its primary's."""
    return index.quantities[qi].noun or _primary(index, qi).noun


def _nearest(
    fact: Fact, index: ArticleIndex, sentence: int, anchors: list[tuple[int, int]]
) -> list[int]:
    """For each anchor, the quantity that states the fact there (restatements resolved).

    With a cue: the nearest quantity of the fact's dimension, when it counts the fact's
    noun or counts nothing (``a population of 40,000`` for ``40,000 people``); when it
    counts something else, the nearest count of the fact's noun instead, never a farther
    bare number, which would belong to another statement. Without a cue, every count of
    the fact's noun is its own anchor and its own mention.
    """
    candidates = [
        qi for qi in index.by_sentence[sentence] if _compatible_unit(fact, index.quantities[qi])
    ]
    picked: list[int] = []
    for a_start, a_end in anchors:
        hit: int | None = None
        if fact.cue is None:
            hit = next(
                (
                    qi
                    for qi in candidates
                    if index.quantities[qi].start == a_start and _noun(index, qi) == fact.noun
                ),
                None,
            )
        elif candidates:
            ranked = sorted(
                candidates, key=lambda qi: _distance(index.quantities[qi], a_start, a_end)
            )
            if fact.noun is None or _noun(index, ranked[0]) in (fact.noun, None):
                hit = ranked[0]
            else:
                hit = next((qi for qi in ranked if _noun(index, qi) == fact.noun), None)
        if hit is not None:
            primary = _primary_index(index, hit)
            if primary not in picked:
                picked.append(primary)
    return picked


def _primary_index(index: ArticleIndex, qi: int) -> int:
    restates = index.quantities[qi].restates
    return qi if restates is None else restates


def _primary(index: ArticleIndex, qi: int) -> Quantity:
    return index.quantities[_primary_index(index, qi)]


def _distance(q: Quantity, start: int, end: int) -> tuple[int, int]:
    """Characters between a quantity and an anchor; on a tie, the one after the anchor wins."""
    if q.end <= start:
        return (start - q.end, 1)
    if q.start >= end:
        return (q.start - end, 0)
    return (0, 0)


def _check_statements(fact: Fact, index: ArticleIndex, timeout: float) -> Verdict:
    """A date or names fact: its sentences are found as for a quantity (cue, subject in
    scope; a names fact without a cue is anchored by its names), and what they state is
    read by :mod:`.match_dates` or :mod:`.match_lists`."""
    try:
        if fact.cue is None and fact.names:
            anchors = match_lists.anchors(fact, index, timeout)
        else:
            anchors = _anchors(fact, index, timeout)
        anchored = [
            (s, spans) for s, spans in anchors if _subject_in_scope(fact, index, s, timeout)
        ]
        if fact.date is not None:
            subject_spans: list[tuple[int, int]] = []
            if fact.subject is not None:
                subject_spans = [(a, a) for a in index.name_starts(fact.subject, timeout)]
            found = match_dates.statements(fact, index, anchored, subject_spans)
        else:
            found = match_lists.statements(fact, index, anchored, timeout)
    except TimeoutError:
        raise CueTimeout(fact.cue or fact.value_text, timeout) from None
    text = index.article.text
    mentions = tuple(
        Mention(
            Quantity(f.start, f.end, text[f.start : f.end], f.interval, fact.unit, kind=fact.kind),
            f.sentence,
            f.interval,
            f.consistent,
            reading=f.reading,
            note=f.note,
        )
        for f in found
    )
    if not mentions:
        return Verdict(SKIPPED)
    return Verdict(PASSED if all(m.consistent for m in mentions) else FAILED, mentions)


def applies(fact: Fact, index: ArticleIndex, *, timeout: float = 1.0) -> bool:
    """True when ``fact`` can apply to the article: its cue (or, without a cue, a count of
    its noun) occurs in a sentence where the fact's subject is in scope, and that sentence
    holds a quantity of the fact's dimension. A date or names fact applies wherever its
    cue (a names fact without one: any of its names) occurs with its subject in scope.

    Every mention :func:`check` finds is such a quantity, so a pair for which this is False
    always ends :data:`SKIPPED`; one for which it is True may still skip, when the quantity
    near the cue counts something else. A search that runs out of time counts as True, so
    that :func:`check` reports it.
    """
    try:
        if fact.subject is not None and not index.name_starts(fact.subject, timeout):
            return False
        if fact.kind in ("date", "names"):
            # A date or names fact states no quantity: it can apply wherever it is anchored
            # (its cue, or without one its names) with its subject in scope, as in check.
            if fact.cue is None and fact.names:
                try:
                    found = match_lists.anchors(fact, index, timeout)
                except TimeoutError:
                    return True
            else:
                found = _anchors(fact, index, timeout)
            return any(_subject_in_scope(fact, index, s, timeout) for s, _ in found)
        for sentence, _ in _anchors(fact, index, timeout):
            if not _subject_in_scope(fact, index, sentence, timeout):
                continue
            if any(
                _compatible_unit(fact, index.quantities[q]) for q in index.by_sentence[sentence]
            ):
                return True
        return False
    except CueTimeout:
        return True
