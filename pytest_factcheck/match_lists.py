"""Matching a ``names:`` fact: the enumerations of names the cue's sentence holds.

In each sentence where the cue matches (without a cue: where one of the fact's names is
named) and the subject is in scope, the enumeration (:mod:`.enumerations`) nearest each cue
match that names at least one of the fact's members is a mention (without a cue, every
such enumeration is). Each name of the enumeration is resolved
through the fact's entities (every spelling, ``al-``, fuzzy spelling): the mention
contradicts the fact when it names someone outside the list, and agrees when every name is
in it (an article may name fewer).
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING

import regex

from .enumerations import Enumeration, find_enumerations
from .findings import Statement
from .intervals import Interval
from .names import Entity, name_finder

if TYPE_CHECKING:
    from .articleindex import ArticleIndex
    from .facts import Fact


def name_spans(
    fact: Fact, index: ArticleIndex, sentences: list[int], timeout: float
) -> dict[int, list[tuple[int, int, Entity]]]:
    """Per sentence of ``sentences``, the spans of the fact's names in it, with the entity
    each names (each entity's names are searched once per article).

    Raises ``TimeoutError`` when a name search runs longer than ``timeout`` seconds.
    """
    article = index.article
    found: dict[int, list[tuple[int, int, Entity]]] = {}
    for entity in fact.names:
        spans = _spans(index, entity, timeout)
        if not spans:
            continue
        starts = [a for a, _ in spans]
        for s in sentences:
            sentence = article.sentences[s]
            i = bisect.bisect_left(starts, sentence.start)
            while i < len(spans) and spans[i][0] < sentence.end:
                found.setdefault(s, []).append((*spans[i], entity))
                i += 1
    for named in found.values():
        named.sort(key=lambda span: span[:2])
    return found


def _spans(index: ArticleIndex, entity: Entity, timeout: float) -> list[tuple[int, int]]:
    """Every span of ``entity``'s spellings in the article, searched once per article."""
    spans = index.name_spans.get(entity)
    if spans is None:
        spans = name_finder(entity).find(index.article.text, timeout=timeout)
        index.name_spans[entity] = spans
    return spans


def anchors(
    fact: Fact, index: ArticleIndex, timeout: float
) -> list[tuple[int, list[tuple[int, int]]]]:
    """For a fact without a cue: each sentence naming a member, with those names' spans."""
    article = index.article
    sentences: set[int] = set()
    for entity in fact.names:
        for a, _ in _spans(index, entity, timeout):
            s = article.sentence_index(a) if article.sentences else None
            if s is not None and article.sentences[s].start <= a < article.sentences[s].end:
                sentences.add(s)
    named = name_spans(fact, index, sorted(sentences), timeout)
    return [(s, [(a, b) for a, b, _ in found]) for s, found in sorted(named.items())]


def statements(
    fact: Fact,
    index: ArticleIndex,
    anchored: list[tuple[int, list[tuple[int, int]]]],
    timeout: float,
) -> list[Statement]:
    """The enumerations stated for ``fact`` in the anchored sentences, with verdicts.

    Raises ``TimeoutError`` when a name search runs longer than ``timeout`` seconds.
    """
    text = index.article.text
    names = name_spans(fact, index, [s for s, _ in anchored], timeout)
    found: list[Statement] = []
    for s, cues in anchored:
        known = names.get(s)
        if not known:
            continue
        sentence = index.article.sentences[s]
        spans = [(a, b) for a, b, _ in known]
        lists = [
            statement
            for enumeration in find_enumerations(text, sentence.start, sentence.end, spans)
            if (statement := _statement(fact, text, s, enumeration, known)) is not None
        ]
        if fact.cue is not None and lists:
            # With a cue, each cue match states the list nearest to it (as a quantity
            # fact takes the nearest quantity): another list in the sentence ("… and
            # refugees fled to Anah and Haditha") is another statement.
            nearest = {
                min(range(len(lists)), key=lambda i: _distance(lists[i], a, b)) for a, b in cues
            }
            # "seized Qaim and Rawa, then Ana and Huseiba": a list right after a chosen
            # one, joined by words of sequence only, continues the same statement.
            for i in range(1, len(lists)):
                if i - 1 in nearest and _continues(text, lists[i - 1].end, lists[i].start, cues):
                    nearest.add(i)
            lists = [lists[i] for i in sorted(nearest)]
        found.extend(lists)
    return found


def _continues(text: str, start: int, end: int, cues: list[tuple[int, int]]) -> bool:
    """True when ``text[start:end]``, between two lists, holds only words of sequence or
    time and the cue itself ("Qaim and Rawa fell on Saturday and Ana and Anah on Sunday")."""
    gap = list(text[start:end])
    for a, b in cues:
        for k in range(max(a, start), min(b, end)):
            gap[k - start] = " "
    return _CONTINUES.fullmatch("".join(gap)) is not None


def _statement(
    fact: Fact,
    text: str,
    sentence: int,
    enumeration: Enumeration,
    known: list[tuple[int, int, Entity]],
) -> Statement | None:
    """The enumeration as a statement of the fact, or None when it names no member."""
    members = [text[a:b] for a, b in enumeration.members]
    resolved = [_resolve(text, a, b, known) for a, b in enumeration.members]
    if all(entity is None for entity in resolved):
        return None
    extra = [m for m, entity in zip(members, resolved, strict=True) if entity is None]
    named = {entity for entity in resolved if entity is not None}
    missing = [entity.name for entity in fact.names if entity not in named]
    return Statement(
        enumeration.start,
        enumeration.end,
        sentence,
        not extra,
        ", ".join(members),
        Interval.point(len(members)) if members else Interval(0, math.inf),
        _note(extra, missing),
    )


def _distance(statement: Statement, start: int, end: int) -> tuple[int, int]:
    """Characters between a list and a cue match; on a tie, the list after the cue wins."""
    if statement.end <= start:
        return (start - statement.end, 1)
    if statement.start >= end:
        return (statement.start - end, 0)
    return (0, 0)


def _resolve(text: str, a: int, b: int, known: list[tuple[int, int, Entity]]) -> Entity | None:
    """The fact entity a member names: a name span covering the member, ``al-`` aside,
    and perhaps a word such as ``District`` or ``Province`` after it."""
    for x, y, entity in known:
        if not (x <= a or (x <= a + 3 and text[a:x].lower() in _ARTICLES)):
            continue
        if b <= y or _KIND_OF_PLACE.fullmatch(text, y, b):
            return entity
    return None


_CONTINUES = regex.compile(
    r"[\s,;]*(?:(?:and|then|later|also|plus|followed\s+by|as\s+well\s+as|along\s+with"
    # the day each part happened: "Qaim and Rawa on Saturday, and Ana and Anah on Sunday"
    r"|on|in|the|next|following|a|day|days|week|yesterday|today|\d{1,4}"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)"
    r"[\s,;]+)+"
)
_ARTICLES = frozenset({"al-", "el-", "al ", "al‐"})
_KIND_OF_PLACE = regex.compile(
    r"[ \t\u00a0]+(?:District|Province|Governorate|Region|County|City|Town|Township|"
    r"Municipality|Prefecture|State|Oblast|Department)"
)


def _note(extra: list[str], missing: list[str]) -> str | None:
    parts: list[str] = []
    if extra:
        if len(extra) == 1:
            parts.append(f"{extra[0]} is not one of them")
        else:
            parts.append(f"{_and(extra)} are not among them")
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        parts.append(f"{_and(missing)} {verb} not named")
    return "; ".join(parts) or None


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
