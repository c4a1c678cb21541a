"""An article read once for every fact: quantities in sentences, clauses, and their marks.

:func:`index_article` reads every quantity of an article once; the clauses of a sentence
(:mod:`pytest_factcheck.clauses`, or a table row's cells) and what each quantity's clause
marks it as (:mod:`pytest_factcheck.statements`) are worked out the first time a fact asks,
then kept for every other fact of the article.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import statements, tables
from .articles import Article
from .clauses import Clause, split_clauses
from .markdown import Row
from .names import Entity, name_finder
from .quantities import Quantity, extract

if TYPE_CHECKING:
    from .dates import DateReading
    from .metadata import ArticleMetadata

__all__ = ["ArticleIndex", "CueTimeout", "Marks", "index_article", "sentence_of"]


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
    """An article with its quantities placed in sentences, and name hits cached.

    Clauses, and what each quantity's clause marks it as (an earlier value, a projection,
    a change with a direction), are worked out the first time a fact asks, then kept.
    """

    article: Article
    quantities: list[Quantity]
    by_sentence: list[list[int]]  # per sentence: indices into ``quantities`` (kind "quantity")
    restatements: dict[int, list[int]]  # quantity index -> indices of its restatements
    _names: dict[Entity, list[int]] = field(default_factory=dict)
    _clauses: dict[int, list[Clause]] = field(default_factory=dict)
    _marks: dict[int, Marks] = field(default_factory=dict)
    _corrections: dict[int, bool] = field(default_factory=dict)
    _clause_starts: dict[int, list[int]] = field(default_factory=dict)
    _table_names: dict[Entity, set[int]] = field(default_factory=dict)
    # (subject, start, end) -> the named owners there; see pytest_factcheck.owners
    owners: dict[tuple[Entity, int, int], list[tuple[int, bool]]] = field(default_factory=dict)
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

    def clauses(self, sentence: int) -> list[Clause]:
        """The clauses of a sentence (see :mod:`pytest_factcheck.clauses`)."""
        found = self._clauses.get(sentence)
        if found is None and sentence in self.article.rows:
            found = self._clauses[sentence] = tables.row_clauses(self.article.rows[sentence])
        if found is None:
            s = self.article.sentences[sentence]
            spans = [
                (self.quantities[i].start, self.quantities[i].end)
                for i in self.by_sentence[sentence]
            ]
            found = split_clauses(self.article.text, s.start, s.end, spans)
            if not found:
                found = [Clause(s.start, s.end)]
            self._clauses[sentence] = found
        return found

    def clause_at(self, sentence: int, offset: int) -> int:
        """The index of the clause of ``sentence`` holding ``offset``."""
        starts = self._clause_starts.get(sentence)
        if starts is None:
            starts = self._clause_starts[sentence] = [c.start for c in self.clauses(sentence)]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def frame(self, sentence: int, clause: int) -> list[Clause]:
        """The clauses that set the time frame of ``clause``: it, and the clauses it
        continues (``and …``, a relative clause or an aside), first one first."""
        clauses = self.clauses(sentence)
        first = clause
        while first > 0 and clauses[first].continues:
            first -= 1
        return clauses[first : clause + 1]

    @functools.cached_property
    def table_headers(self) -> dict[int, Row]:
        """Each Markdown table's header row, by table number."""
        return tables.headers(self.article)

    @functools.cached_property
    def table_row_years(self) -> dict[int, int]:
        """Each table's newest year named in a row header (``| 2026 | … |``)."""
        newest: dict[int, int] = {}
        for row in self.article.rows.values():
            if not row.header:
                year = tables.row_year(self.article.text, row)
                newest[row.table] = max(newest.get(row.table, 0), year)
        return newest

    def table_names(self, subject: Entity, timeout: float) -> set[int]:
        """The tables with a body row that names ``subject`` (cached per subject)."""
        found = self._table_names.get(subject)
        if found is None:
            hits = self.name_starts(subject, timeout)
            found = set()
            for row in self.article.rows.values():
                if row.header or row.table in found:
                    continue
                first = bisect.bisect_left(hits, row.cells[0][0])
                if first < len(hits) and hits[first] < row.cells[-1][1]:
                    found.add(row.table)
            self._table_names[subject] = found
        return found

    @functools.cached_property
    def newest_year(self) -> int:
        """The latest year the article names (its dateline's, usually); 0 when none."""
        return statements.newest_year(self.article.text)

    def is_correction(self, sentence: int) -> bool:
        """Whether the sentence is a correction notice (cached)."""
        found = self._corrections.get(sentence)
        if found is None:
            s = self.article.sentences[sentence]
            start = self.article.paragraphs[s.paragraph].start
            found = statements.is_correction(self.article.text, s.start, s.end, start)
            self._corrections[sentence] = found
        return found

    def marks(self, qi: int, sentence: int) -> Marks:
        """What the quantity's clause says of it: earlier value, projection, direction."""
        found = self._marks.get(qi)
        if found is None:
            found = self._marks[qi] = self._read_marks(qi, sentence)
        return found

    def _read_marks(self, qi: int, sentence: int) -> Marks:
        text = self.article.text
        q = self.quantities[qi]
        clauses = self.clauses(sentence)
        ci = self.clause_at(sentence, q.start)
        clause = clauses[ci]
        frame = self.frame(sentence, ci)
        role = getattr(q, "role", None)
        prior = role == "before" or statements.is_prior(
            text, q.start, q.end, clause.start, clause.end
        )
        if not prior and statements.opens_in_the_past(text, frame[0].start, frame[0].end):
            prior = True
        if not prior and clause.relative:
            # "since the 2019 Oak Hollow fire, which burned 96,000 acres": a past event.
            prior = statements.names_an_older_year(text, clause.start, self.newest_year)
        # A projection earlier in the frame carries into a clause with no verb of its own
        # ("expects revenue of $13 billion and profit of $2 billion"), not into one that
        # says something itself ("will take office and has promised to hire 120").
        projection = statements.is_projection(text, q.start, clause.start) or (
            not statements.has_verb(text, clause.start, q.start)
            and any(
                statements.projects(text, c.start, c.end)
                for c in frame[:-1]
                if not (c.aside or c.relative)
            )
        )
        # The quantity reader may give a figure its direction and its role in "from X to
        # Y" / "by X to Y"; where it does not, the clause is read here. The after-value of
        # a change is a level, not a change ("rose 31% to $3.6 billion": only the 31%).
        change = None if role in ("before", "after") else getattr(q, "change", None)
        if change is None and role is None:
            change = statements.direction(text, q.start, q.end, clause.start)
        row = self.article.rows.get(sentence)
        cell = None if row is None else tables.cell_of(row, q.start)
        if row is not None and cell is not None:
            prior = prior or tables.column_is_prior(text, row, cell)
            year = tables.row_year(text, row)
            prior = prior or 0 < year < self.table_row_years.get(row.table, 0)
            if change is None and tables.column_is_change(text, row, cell):
                change = "down" if q.interval.high < 0 else "up"
        result = change is not None or statements.ends_change(text, q.start, clause.start)
        whole = statements.is_whole(text, q.start, clause.start)
        return Marks(prior, projection, change, clause.aside, result, whole)


@dataclass(frozen=True)
class Marks:
    prior: bool  # an earlier value: "a year ago", "up from", "from X" of "from X to Y"
    projection: bool  # expected, forecast, guidance, will ...
    change: str | None  # "up" or "down"
    aside: bool  # in a subset aside: "including 1.5 million in Los Angeles"
    changed: bool  # a change or its result: "rose 8%", "climbs to 16"
    whole: bool = False  # the whole a part is counted of: "96 of the 132 starters"


def index_article(
    article: Article,
    *,
    approx: float = 0.10,
    extra_units: Mapping[str, str] | None = None,
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
        s = sentence_of(article, q.start)
        if s is not None:
            by_sentence[s].append(i)
    return ArticleIndex(article, quantities, by_sentence, restatements)


def sentence_of(article: Article, offset: int) -> int | None:
    """The sentence holding ``offset``, or None when it falls between sentences."""
    if not article.sentences:
        return None
    s = article.sentence_index(offset)
    sentence = article.sentences[s]
    return s if sentence.start <= offset < sentence.end else None
