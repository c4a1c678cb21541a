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
    group here (subject spellings, cue, count noun); a requirement with no usable literal
    adds nothing.
    """
    groups: list[frozenset[str] | None] = []
    if fact.subject is not None:
        groups.append(subject_literals(fact.subject))
    if fact.cue is not None:
        groups.append(cue_literals(fact.cue))
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
    """Every fact's literals in one automaton; built once, scanned once per article."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = tuple(facts)
        self._groups: list[int] = []  # per fact: how many groups it needs
        self._always: list[int] = []  # facts that need nothing
        postings: dict[str, list[tuple[int, int]]] = {}
        for f, fact in enumerate(self.facts):
            groups = needs(fact)
            self._groups.append(len(groups))
            if not groups:
                self._always.append(f)
            for g, group in enumerate(groups):
                for literal in group:
                    postings.setdefault(literal, []).append((f, g))
        self._automaton = ahocorasick.Automaton()
        for literal, posting in postings.items():
            self._automaton.add_word(literal, (literal, tuple(posting)))
        if postings:
            self._automaton.make_automaton()
        self.literals = len(postings)

    def candidates(self, text: str) -> list[Fact]:
        """The facts that may apply to ``text``, in the order they were given."""
        found: dict[int, set[int]] = {}
        if self.literals:
            seen: set[str] = set()
            for _, (literal, posting) in self._automaton.iter(text.casefold()):
                if literal in seen:
                    continue
                seen.add(literal)
                for f, g in posting:
                    found.setdefault(f, set()).add(g)
        chosen = [f for f, groups in found.items() if len(groups) == self._groups[f]]
        chosen.extend(self._always)
        chosen.sort()
        return [self.facts[f] for f in chosen]
