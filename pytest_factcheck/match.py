"""Matching one fact against one article: subject in scope, cue, and the figure it states.

The article side is computed once per article (:class:`ArticleIndex`) and shared by every
fact; :func:`check` then does only the fact-specific work (spec section 6): the sentences
where the cue matches with the subject in scope, and in each the figure of the cue's own
clause that states the fact for its subject now — not an earlier value, a projection, a
subset, another measure of the cue's noun or another subject's figure (the rules:
``docs/matching.md`` section 3, in :mod:`~pytest_factcheck.clauses`,
:mod:`~pytest_factcheck.statements`, :mod:`~pytest_factcheck.tables` and
:mod:`~pytest_factcheck.owners`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass

from . import match_dates, match_lists, statements, tables, units
from .articleindex import ArticleIndex, CueTimeout, index_article, sentence_of
from .articles import Article
from .clauses import Clause
from .excludes import MAX_WORDS, clause_words
from .facts import Fact, compile_cue
from .intervals import Interval
from .owners import antecedent, column_of_another, names_in, row_of_another
from .quantities import Quantity
from .tables import named_in_header
from .textscan import wordset
from .units import PERCENT, PERCENTAGE_POINT

__all__ = [
    "FAILED",
    "PASSED",
    "SKIPPED",
    "ArticleIndex",
    "CueTimeout",
    "Mention",
    "Verdict",
    "check",
    "index_article",
    "subject_in_scope",
]

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


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
    change: str | None = None  # "up"/"down" when the article states a change


@dataclass(frozen=True)
class Verdict:
    """The outcome of one (fact, article) pair and every mention behind it."""

    outcome: str  # PASSED, FAILED or SKIPPED
    mentions: tuple[Mention, ...] = ()
    excluded: int = 0  # cue matches the fact's ``exclude:`` removed
    clause_words: tuple[str, ...] = ()  # with ``exclude:``, words of the cue's clauses

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
    named, later = _in_scope(fact, index, timeout)
    if not named and not later:
        return Verdict(SKIPPED)
    reader = _Reader(fact, index, timeout)
    chosen: dict[int, int] = {}  # quantity index -> sentence index (dict keeps order)
    stated: set[int] = set()  # paragraphs where a sentence naming the subject states it
    for sentence, anchors in named:
        if index.is_correction(sentence):
            continue
        for q in reader.statements(sentence, anchors):
            chosen.setdefault(q, sentence)
            stated.add(index.article.sentences[sentence].paragraph)
    for sentence, anchors in later:
        if index.article.sentences[sentence].paragraph in stated or index.is_correction(sentence):
            continue
        for q in reader.statements(sentence, anchors):
            chosen.setdefault(q, sentence)
    mentions: list[Mention] = []
    for qi in sorted(chosen, key=lambda i: index.quantities[i].start):
        primary = index.quantities[qi]
        change = index.marks(qi, chosen[qi]).change
        if _compatible_unit(fact, primary):
            mentions.append(
                _mention(fact, primary, chosen[qi], None, conversion_slack, change, reader)
            )
        for ri in index.restatements.get(qi, ()):
            restated = index.quantities[ri]
            if _compatible_unit(fact, restated):
                mentions.append(
                    _mention(fact, restated, chosen[qi], primary, conversion_slack, change, reader)
                )
    words = tuple(reader.clause_words)
    if not mentions:
        return Verdict(SKIPPED, excluded=reader.excluded, clause_words=words)
    outcome = FAILED if any(not m.consistent for m in mentions) else PASSED
    return Verdict(outcome, tuple(mentions), reader.excluded, words)


def _mention(
    fact: Fact,
    q: Quantity,
    sentence: int,
    restates: Quantity | None,
    slack: float,
    change: str | None,
    reader: _Reader,
) -> Mention:
    interval = q.interval if q.unit == fact.unit else q.interval.widened(relative=slack)
    converted = units.convert(interval, q.unit, fact.unit)
    direction = reader.direction
    if direction is None and change is None:
        consistent = converted.overlaps(fact.expected)
    else:
        # A change compares as a size ("fell 8%", "-8%" and "down 8%" are all 8 down);
        # the directions must agree when both are known.
        consistent = _magnitude(converted).overlaps(_magnitude(fact.expected)) and (
            direction is None or change is None or direction == change
        )
    return Mention(q, sentence, converted, consistent, restates, change=change)


def _magnitude(interval: Interval) -> Interval:
    if interval.high <= 0:
        return Interval(-interval.high, -interval.low, interval.high_open, interval.low_open)
    return interval


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
                s = sentence_of(article, match.start())
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
    if article.rows:
        _through_column_headers(article, grouped)
    return sorted(grouped.items())


def _through_column_headers(article: Article, grouped: dict[int, list[tuple[int, int]]]) -> None:
    """A cue in a table's column header anchors that column's cell in every row below."""
    for s in [s for s in grouped if s in article.rows and article.rows[s].header]:
        header = article.rows[s]
        for a_start, _ in grouped[s]:
            k = tables.cell_of(header, a_start)
            if k is None:
                continue
            for t, row in article.rows.items():
                if row.table == header.table and not row.header and k < len(row.cells):
                    cell = row.cells[k]
                    if cell[1] > cell[0] and cell not in grouped.get(t, []):
                        grouped.setdefault(t, []).append(cell)


def _in_scope(
    fact: Fact, index: ArticleIndex, timeout: float
) -> tuple[list[tuple[int, list[tuple[int, int]]]], list[tuple[int, list[tuple[int, int]]]]]:
    """The anchored sentences where the fact's subject is named in scope, in two lists.

    ``sentence``: in the cue's sentence; ``article``: anywhere; ``paragraph``: in the cue's
    sentence or before it in its paragraph — or only after it ("… 31,000 runners finished.
    The Fairview Marathon …"): such sentences make the second list, read only for
    paragraphs where no sentence of the first states the fact. A table row is in scope too
    when its table's header row names the subject.
    """
    anchored = _anchors(fact, index, timeout)
    if fact.subject is None or fact.scope == "article":
        return anchored, []
    hits = index.name_starts(fact.subject, timeout)
    article = index.article

    def named(low: int, high: int) -> bool:
        first = bisect.bisect_left(hits, low)
        return first < len(hits) and hits[first] < high

    kept: list[tuple[int, list[tuple[int, int]]]] = []
    later: list[tuple[int, list[tuple[int, int]]]] = []
    for sentence, anchors in anchored:
        s = article.sentences[sentence]
        row = article.rows.get(sentence)
        if row is not None and named_in_header(index.table_headers.get(row.table), named):
            kept.append((sentence, anchors))  # "| Telvara | Q3 2026 | …" over the row
            continue
        if fact.scope == "sentence":
            if named(s.start, s.end):
                kept.append((sentence, anchors))
            continue
        paragraph = article.paragraphs[s.paragraph]
        if named(paragraph.start, s.end):
            kept.append((sentence, anchors))
        elif named(s.end, paragraph.end):
            later.append((sentence, anchors))
    return kept, later


def _compatible_unit(fact: Fact, q: Quantity) -> bool:
    if q.unit == fact.unit:
        return True
    return units.dimension(q.unit) == units.dimension(fact.unit)


def _noun(index: ArticleIndex, qi: int) -> str | None:
    """The count noun of a quantity; a parenthetical restatement counts its primary's."""
    return index.quantities[qi].noun or _primary(index, qi).noun


# Nouns a figure may be "of" that name no measure: "a total of 16", "a population of".
_GENERIC_OF = wordset(
    """total number count sum amount figure tally level rate high low record average peak
    population estimate value price cost"""
)


@functools.lru_cache(maxsize=4096)
def _about(fact: Fact) -> tuple[frozenset[str], bool, bool]:
    """What the fact itself says it is about (computed once per fact).

    The words of its claim, cue and subject (a word the fact uses names no narrower
    measure), and whether it speaks of a forecast or of an earlier value: such a fact is
    not stopped by those markers.
    """
    about = " ".join(x for x in (fact.claim, fact.cue) if x)
    words = statements.words_of(about)
    if fact.subject is not None:
        for spelling in fact.subject.all_spellings:
            words |= statements.words_of(spelling)
    projection = statements.projects(about, 0, len(about))
    prior = statements.is_prior(about, 0, 0, 0, len(about)) or statements.opens_in_the_past(
        about, 0, len(about)
    )
    return words, projection, prior


class _Reader:
    """Reads, for one fact, which quantity each cue match states (the rules: module doc)."""

    def __init__(self, fact: Fact, index: ArticleIndex, timeout: float) -> None:
        self.fact = fact
        self.index = index
        self.timeout = timeout
        self.excluded = 0
        self.clause_words: dict[str, None] = {}  # for an exclude's "did you mean"
        self.exclude = compile_cue(fact.exclude) if fact.exclude else None
        about = _about(fact)
        self.words, self.about_projection, self.about_prior = about
        # A fact whose value has no direction but whose claim gives one ("revenue rose 8%")
        # is a change all the same.
        self.direction = fact.direction
        if self.direction is None and fact.claim and fact.unit in (PERCENT, PERCENTAGE_POINT):
            self.direction = statements.claimed_direction(fact.claim)

    def statements(self, sentence: int, anchors: list[tuple[int, int]]) -> list[int]:
        """For each anchor, the quantity that states the fact there (restatements resolved).

        With a cue: in the cue's own clause, the nearest quantity of the fact's dimension
        that is the fact now (not an earlier value, a projection, a subset or another
        subject's figure), when it counts the fact's noun or counts nothing; when it counts
        something else, the nearest count of the fact's noun instead. When the clause has
        none, the clauses that continue it are read the same way (subset asides left out),
        and after an aside or a relative clause, the clause it interrupted.
        Without a cue, every count of the fact's noun is its own anchor and its own mention.
        """
        fact, index = self.fact, self.index
        candidates = [
            qi for qi in index.by_sentence[sentence] if _compatible_unit(fact, index.quantities[qi])
        ]
        picked: list[int] = []
        clauses = index.clauses(sentence)
        for a_start, a_end in anchors:
            ci = index.clause_at(sentence, a_start)
            clause = clauses[ci]
            if self.exclude is not None:
                if self._excluded(sentence, clause, a_start):
                    self.excluded += 1
                    continue
                if len(self.clause_words) < MAX_WORDS:
                    text = index.article.text[clause.start : clause.end]
                    self.clause_words.update(dict.fromkeys(clause_words(text)))
            if fact.cue is not None and self._narrower(a_start, a_end, clause, sentence):
                continue
            if statements.compound_of(index.article.text, clause.start, clause.end, self.words):
                continue  # "9,870 completed the half-marathon" for the marathon's finishers
            if (
                fact.cue is not None
                and not self.about_prior
                and statements.names_an_earlier(index.article.text, a_start, clause.start)
            ):
                continue  # "The previous toll, given on Monday, was 24"
            hit: int | None = None
            if fact.cue is None:
                hit = next(
                    (
                        qi
                        for qi in candidates
                        if index.quantities[qi].start == a_start
                        and _noun(index, qi) == fact.noun
                        and self._states(qi, sentence, a_start, a_end)
                    ),
                    None,
                )
            elif candidates:
                own = [
                    qi
                    for qi in candidates
                    if index.clause_at(sentence, index.quantities[qi].start) == ci
                ]
                hit = self._from_cue_to(own, a_start, a_end)
                if hit is None:
                    hit = self._nearest(own, sentence, a_start, a_end)
                if hit is None:
                    # The cue's clause states nothing: read on into the clauses that
                    # continue it ("Sales | and revenue rose 8%"), never back into an
                    # earlier clause, which says its own thing.
                    chain = set()
                    for later in range(ci + 1, len(clauses)):
                        if not clauses[later].continues:
                            break
                        chain.add(later)
                    # A count of another noun nearest the cue: only a count of the fact's
                    # own noun may state it elsewhere in the sentence, never a bare number.
                    strict = fact.noun is not None and any(
                        _noun(index, qi) not in (fact.noun, None)
                        for qi in own
                        if self._states(qi, sentence, a_start, a_end)
                    )
                    rest = [
                        qi
                        for qi in candidates
                        if index.clause_at(sentence, index.quantities[qi].start) in chain
                        and not index.marks(qi, sentence).aside
                    ]
                    hit = self._nearest(rest, sentence, a_start, a_end, strict=strict)
                if hit is None:
                    hit = self._resumed(candidates, clauses, ci, sentence, a_start, a_end)
            if hit is not None:
                primary = _primary_index(index, hit)
                if primary not in picked:
                    picked.append(primary)
        return picked

    def _resumed(
        self,
        candidates: list[int],
        clauses: list[Clause],
        ci: int,
        sentence: int,
        a_start: int,
        a_end: int,
    ) -> int | None:
        """After an aside or a relative clause, the clause it interrupted goes on: in "More
        than 6 million homes, including 1.5 million in Los Angeles, lost power" the cue
        ``lost power`` states the 6 million."""
        if not clauses[ci].continues:
            return None
        j = ci - 1
        while j >= 0 and (clauses[j].aside or clauses[j].relative):
            j -= 1
        if j < 0 or j == ci - 1:
            return None
        index = self.index
        resumed = [
            qi for qi in candidates if index.clause_at(sentence, index.quantities[qi].start) == j
        ]
        return self._nearest(resumed, sentence, a_start, a_end)

    def _from_cue_to(self, pool: list[int], a_start: int, a_end: int) -> int | None:
        """In ``from X <cue> to Y`` the cue names X's moment: ``rose from 12C at the start
        to 24C`` states 12C at the start, though 24C is nearer and 12C the earlier value."""
        index = self.index
        text = index.article.text
        quantities = sorted(pool, key=lambda qi: index.quantities[qi].start)
        for before, after in itertools.pairwise(quantities):
            x, y = index.quantities[before], index.quantities[after]
            if not (x.end <= a_start and a_end <= y.start):
                continue
            if statements.from_cue_to(text, x.start, x.end, y.start):
                return before if _compatible_unit(self.fact, x) else None
        return None

    def _nearest(
        self, pool: list[int], sentence: int, a_start: int, a_end: int, *, strict: bool = False
    ) -> int | None:
        """The nearest quantity of ``pool`` that states the fact, by the noun rule."""
        index, fact = self.index, self.fact
        ranked = sorted(
            (qi for qi in pool if self._states(qi, sentence, a_start, a_end)),
            key=lambda qi: _distance(index.quantities[qi], a_start, a_end),
        )
        if not ranked:
            return None
        if fact.noun is None or (not strict and _noun(index, ranked[0]) in (fact.noun, None)):
            return ranked[0]
        return next((qi for qi in ranked if _noun(index, qi) == fact.noun), None)

    def _states(self, qi: int, sentence: int, a_start: int, a_end: int) -> bool:
        """Whether quantity ``qi`` can be the fact's statement (not ruled out by its clause)."""
        index = self.index
        primary = _primary_index(index, qi)
        marks = index.marks(primary, sentence)
        if marks.prior and not self.about_prior:
            return False
        if self.direction is not None and marks.change is None:
            # "up 8%" is a change: a level or a share ("30% of sales") is not. A direction
            # read from the claim alone is softer: only a share is left out.
            q = index.quantities[primary]
            if self.fact.direction is not None or statements.is_share(index.article.text, q.end):
                return False
        if marks.projection and not self.about_projection:
            text = index.article.text
            if not statements.projects(text, a_start, a_end):
                return False
        if marks.aside:
            clause = index.clauses(sentence)[index.clause_at(sentence, a_start)]
            if not clause.aside:
                return False
        q = index.quantities[primary]
        text = index.article.text
        owner = statements.possessor(text, q.start, 0)
        if owner is not None and not statements.same_word(owner, self.words):
            return False  # "the half-marathon's 9,870 finishers" for the marathon's
        if q.start <= a_start < q.end:
            modifier = statements.modifier_inside(text, q.start, a_start)
            if modifier is not None and not statements.same_word(modifier, self.words):
                return False  # "9,870 half-marathon finishers" for the marathon's
        if a_start >= q.end:
            # A cue after the figure ("… 30 cents a share") reaches it only when the noun
            # the figure is "of" is the fact's: not "a dividend of 30 cents a share" for
            # earnings per share.
            noun = statements.measure_before(index.article.text, q.start, 0)
            if (
                noun is not None
                and noun not in _GENERIC_OF
                and not statements.same_word(noun, self.words)
            ):
                return False
        if marks.whole:
            q = index.quantities[primary]
            if not q.start <= a_start < q.end:
                return False  # "96 of the 132 starters finished": 96 finished
        if marks.changed:
            # "death toll climbs to 16, evacuation orders stay": a change belongs to the
            # noun before its verb, not to a cue past the comma that ends it.
            q = index.quantities[primary]
            if q.end <= a_start and "," in index.article.text[q.end : a_start]:
                return False
        return not self._owned_by_another(primary, sentence)

    def _excluded(self, sentence: int, clause: Clause, anchor: int) -> bool:
        """Whether ``exclude:`` matches the anchor's clause (in a table: or its headers)."""
        assert self.exclude is not None
        spans = [(clause.start, clause.end)]
        row = self.index.article.rows.get(sentence)
        if row is not None:
            cell = tables.cell_of(row, anchor)
            spans.append(row.cells[0])
            if cell is not None and cell < len(row.headers) and row.headers[cell] is not None:
                spans.append(row.headers[cell])  # type: ignore[arg-type]
        text = self.index.article.text
        try:
            return any(
                self.exclude.search(text, a, b, timeout=self.timeout) is not None for a, b in spans
            )
        except TimeoutError:
            raise CueTimeout(self.fact.exclude or "", self.timeout, what="exclude") from None

    def _narrower(self, a_start: int, a_end: int, clause: Clause, sentence: int) -> bool:
        """``Cloud revenue grew 31%`` for a fact about revenue: another measure."""
        # In a table's row header the cue noun ends the cell: "| Cloud revenue |".
        end = clause.end if sentence in self.index.article.rows else None
        word = statements.qualifier(self.index.article.text, a_start, a_end, clause.start, end)
        return word is not None and word not in self.words and not word[:1].isdigit()

    def _owned_by_another(self, qi: int, sentence: int) -> bool:
        """Whether a different named subject, nearer than the fact's, owns the figure.

        The names looked at are those of the quantity's clause and the clauses it continues:
        the nearest name before the figure (else the first after it) that is the fact's
        subject, a name of the same kind (``Hurricane Ida`` for ``Hurricane Mara``, ``Boston
        Marathon`` for ``Fairview Marathon``) or a rival company. In a table, a row that
        does not name the subject, in a table where other rows do, is another's. A relative
        clause (``the 2019 Oak Hollow fire, which burned 96,000 acres``) belongs to the name
        just before it.
        """
        subject = self.fact.subject
        if subject is None:
            return False
        index = self.index
        row = index.article.rows.get(sentence)
        if row is not None:
            cell = tables.cell_of(row, index.quantities[qi].start)
            if cell is not None and column_of_another(index, row, cell, subject, self.timeout):
                return True
            return row_of_another(index, row, subject, self.timeout)
        q = index.quantities[qi]
        ci = index.clause_at(sentence, q.start)
        clause = index.clauses(sentence)[ci]
        if clause.relative:
            # ", which burned 96,000 acres" says something of the noun just before it.
            name = antecedent(index, clause.start, subject, self.timeout)
            if name is not None:
                return not name
        frame = index.frame(sentence, ci)
        low, high = frame[0].start, frame[-1].end
        key = (subject, low, high)
        owners = index.owners.get(key)
        if owners is None:
            owners = index.owners[key] = names_in(index, low, high, subject, self.timeout)
        before = [o for o in owners if o[0] < q.start]
        after = [o for o in owners if o[0] >= q.end]
        nearest = before[-1] if before else (after[0] if after else None)
        return nearest is not None and not nearest[1]


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
        anchored = [(s, spans) for s, spans in anchors if subject_in_scope(fact, index, s, timeout)]
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
            return any(subject_in_scope(fact, index, s, timeout, after=True) for s, _ in found)
        named, later = _in_scope(fact, index, timeout)
        for sentence, _ in named + later:
            if any(
                _compatible_unit(fact, index.quantities[q]) for q in index.by_sentence[sentence]
            ):
                return True
        return False
    except CueTimeout:
        return True


def subject_in_scope(
    fact: Fact, index: ArticleIndex, sentence: int, timeout: float, *, after: bool = False
) -> bool:
    """True when the fact's subject is named where its scope allows around ``sentence``:
    the sentence, its paragraph up to the sentence's end (with ``after``, the whole
    paragraph), or the article. Date and names facts use it, as quantity facts use
    :func:`_in_scope`."""
    if fact.subject is None:
        return True
    hits = index.name_starts(fact.subject, timeout)
    if not hits:
        return False
    if fact.scope == "article":
        return True
    s = index.article.sentences[sentence]
    paragraph = index.article.paragraphs[s.paragraph]
    low, high = (s.start, s.end) if fact.scope == "sentence" else (paragraph.start, s.end)
    if after and fact.scope != "sentence":
        high = paragraph.end
    first = bisect.bisect_left(hits, low)
    return first < len(hits) and hits[first] < high
