"""Warn about an ``exclude:`` that never matched in a run, with a "did you mean".

An ``exclude:`` that matches nothing usually has a typo (``clould``), or was written for a
phrasing the articles do not use: either way the fact is not excluding what its author
thinks. Each fact item reports whether its ``exclude:`` removed a cue match, and the words
of the clauses where its cue matched (plain data on the report, so that it reaches the xdist
controller); after the run, every fact whose ``exclude:`` never matched is named once, with
the nearest word those clauses hold.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

ATTRIBUTE = "factcheck_exclude"
MAX_WORDS = 200  # clause words kept per report for the "did you mean"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LITERAL = re.compile(r"[\w'’ -]+")


def clause_words(text: str) -> list[str]:
    """The lower-cased words of ``text``, in order, without repeats, at most ``MAX_WORDS``."""
    words = dict.fromkeys(w.lower() for w in _WORD.findall(text))
    return list(words)[:MAX_WORDS]


@dataclass
class Excludes:
    """What every fact's ``exclude:`` did over the run."""

    patterns: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (where, regex)
    matched: set[str] = field(default_factory=set)
    words: dict[str, set[str]] = field(default_factory=dict)

    def add(self, fact_id: str, where: str, pattern: str, hits: int, words: Iterable[str]) -> None:
        """Record one item's report: ``hits`` cue matches excluded, clause ``words`` seen."""
        self.patterns.setdefault(fact_id, (where, pattern))
        if hits:
            self.matched.add(fact_id)
        seen = self.words.setdefault(fact_id, set())
        if len(seen) < MAX_WORDS:
            seen.update(words)

    def warnings(self) -> list[str]:
        """One line per fact whose ``exclude:`` never matched, in fact-id order."""
        lines = []
        for fact_id in sorted(self.patterns):
            if fact_id in self.matched:
                continue
            where, pattern = self.patterns[fact_id]
            hint = _did_you_mean(pattern, self.words.get(fact_id, set()))
            lines.append(f"{where}: {fact_id}: exclude {pattern!r} never matched in this run{hint}")
        return lines


def _did_you_mean(pattern: str, words: set[str]) -> str:
    """`` (did you mean 'cloud'?)`` when a literal part of ``pattern`` is near a clause word."""
    for part in pattern.split("|"):
        part = part.strip().lower()
        if not part or _LITERAL.fullmatch(part) is None or part in words:
            continue
        close = difflib.get_close_matches(part, sorted(words), n=1, cutoff=0.75)
        if close:
            return f" (did you mean {close[0]!r}?)"
    return ""
