"""Which facts can apply to an article, found in one scan for every fact at once.

A fact can only say something about an article that names its subject (in one of its
spellings) and holds its cue (or its count noun). :func:`needs` turns a fact into the plain
words that requires: groups of literals, one of each group must occur. :class:`Prefilter`
puts every fact's literals into one Aho–Corasick automaton (pyahocorasick), built once per
run; :meth:`Prefilter.candidates` scans an article's case-folded text once and returns the
facts whose every group has a literal in it.

The scan is a necessary condition, never a verdict: a literal that occurs proves nothing
(the matcher then runs the fact's real patterns), and a requirement that cannot be derived
(a cue with no literal, a fuzzy spelling, a short word) is left out, so that fact is a
candidate wherever its other requirements hold. A fact with no derivable requirement at all
is a candidate for every article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import ahocorasick

from .cueliterals import MIN_LITERAL, cue_literals
from .facts import Fact
from .names import MIN_FUZZY_LENGTH, Entity
from .units import noun_prefix

__all__ = ["Prefilter", "needs", "subject_literals"]

_APOSTROPHES = "'’"


def needs(fact: Fact) -> tuple[frozenset[str], ...]:
    """The groups of case-folded literals a text must hold for ``fact`` to apply.

    One literal of each group must occur. Every kind of requirement a fact has adds its
    group here (subject spellings, cue, count noun; for a names fact without a cue, any
    spelling of any of its names); a requirement with no usable literal adds nothing.
    """
    groups: list[frozenset[str] | None] = []
    if fact.subject is not None:
        groups.append(subject_literals(fact.subject))
    if fact.cue is not None:
        groups.append(cue_literals(fact.cue))
    elif fact.names:
        # A names fact without a cue is anchored by any spelling of any of its names.
        members = [subject_literals(entity) for entity in fact.names]
        if all(m is not None for m in members):
            groups.append(frozenset().union(*(m for m in members if m is not None)))
    elif fact.noun is not None:
        prefix = noun_prefix(fact.noun).casefold()
        groups.append(frozenset({prefix}) if len(prefix) >= MIN_LITERAL else None)
    return tuple(g for g in groups if g is not None)


def subject_literals(entity: Entity) -> frozenset[str] | None:
    """For each spelling of ``entity``, its longest word; None when one has no usable word.

    A name is matched case-sensitively with any whitespace between its words and either
    apostrophe, so each word of a spelling occurs in the text as written. A spelling that
    may match with edits (``fuzzy``) has no word that must occur.
    """
    words: set[str] = set()
    for spelling in entity.all_spellings:
        spelling = spelling.strip()
        if not spelling:
            continue
        if entity.fuzzy > 0 and len(spelling) >= MIN_FUZZY_LENGTH:
            return None
        for mark in _APOSTROPHES:
            spelling = spelling.replace(mark, " ")
        longest = max(spelling.split(), key=len)
        if len(longest) < MIN_LITERAL:
            return None
        words.add(longest.casefold())
    return frozenset(words) if words else None


class Prefilter:
    """Every fact's literals in one automaton; built once, scanned once per article.

    Facts share requirements (one subject's spellings, one common cue), so each distinct
    group of literals is stored once, and each fact is filed under its rarest group: a scan
    visits only the facts filed under a group it found, not every fact that has any word.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = tuple(facts)
        group_ids: dict[frozenset[str], int] = {}
        self._needs: list[tuple[int, ...]] = []  # per fact: the ids of the groups it needs
        for fact in self.facts:
            self._needs.append(tuple(group_ids.setdefault(g, len(group_ids)) for g in needs(fact)))
        users = Counter(g for groups in self._needs for g in set(groups))
        self._always: list[int] = []  # facts that need nothing
        self._filed: dict[int, list[int]] = {}  # group id -> facts filed under it
        for f, groups in enumerate(self._needs):
            if groups:
                self._filed.setdefault(min(groups, key=users.__getitem__), []).append(f)
            else:
                self._always.append(f)
        by_literal: dict[str, list[int]] = {}
        for group, g in group_ids.items():
            for literal in group:
                by_literal.setdefault(literal, []).append(g)
        self._automaton = ahocorasick.Automaton()
        for literal, ids in by_literal.items():
            self._automaton.add_word(literal, (literal, tuple(ids)))
        if by_literal:
            self._automaton.make_automaton()
        self.literals = len(by_literal)

    def candidates(self, text: str) -> list[Fact]:
        """The facts that may apply to ``text``, in the order they were given."""
        found: set[int] = set()
        if self.literals:
            seen: set[str] = set()
            for _, (literal, groups) in self._automaton.iter(text.casefold()):
                if literal not in seen:
                    seen.add(literal)
                    found.update(groups)
        chosen = list(self._always)
        for g in found:
            for f in self._filed.get(g, ()):
                if all(n in found for n in self._needs[f]):
                    chosen.append(f)
        chosen.sort()
        return [self.facts[f] for f in chosen]
