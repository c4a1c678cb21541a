"""Finding an entity's names in text: whole words, possessives, optional al-, fuzzy spelling.

Rules for every spelling of an :class:`Entity`:

- Whole words only: no letter, digit, mark or underscore directly before or after, so "Ana"
  never matches inside "Anah" or "Analysts". A hyphen is a word edge ("ISIS-controlled").
- Case-sensitive: names are capitalised, and "Ana" must not match "ana".
- A possessive ``'s`` or ``’s`` may follow ("Iraq's", "Maliki’s"); it is not part of the
  returned span. Any other apostrophe followed by a letter continues the word.
- A straight and a curly apostrophe in a spelling match each other; a space in a spelling
  matches any run of whitespace, including a line break.
- With ``Entity.al``, an optional Arabic article ``al-``, ``Al-``, ``el-``, ``El-``, or
  ``al``/``Al`` and whitespace, may precede any spelling ("Qaim" finds "al-Qaim", "Al-Qaim",
  "Al Qaim"); when present it is part of the returned span. The article must start a word
  ("Halal-Qaim" gives just "Qaim"). Without ``al`` the name is still found after an article
  ("al-Maliki" contains the whole word "Maliki"), only the span is shorter.
- With ``Entity.fuzzy = n``, a spelling of at least :data:`MIN_FUZZY_LENGTH` characters
  matches with up to ``n`` character edits (``regex`` fuzzy matching). The first letter must
  still match exactly and any inserted or substituted character must be a lowercase letter,
  so case-sensitivity and word edges hold. Shorter spellings always match exactly: one edit
  on a four-letter name reaches too many ordinary words ("Ana" → "and", "Iran" → "Iraq").

All spellings of an entity are compiled into one alternation, longest first, once per
entity (:func:`name_finder` caches it). Every search runs with a time limit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

__all__ = ["DEFAULT_TIMEOUT", "MIN_FUZZY_LENGTH", "Entity", "NameFinder", "name_finder"]

#: Seconds a single name search may run before ``TimeoutError``.
DEFAULT_TIMEOUT = 1.0

#: Spellings shorter than this never match fuzzily.
MIN_FUZZY_LENGTH = 5

_WORD_CHAR = r"[\p{L}\p{M}\p{N}_]"
_LEFT_EDGE = rf"(?<!{_WORD_CHAR})"
# After the name: an optional possessive, then no word character and no apostrophe + letter
# (which would make the name part of a longer word such as "Shi'ite"). A lookahead, so the
# possessive stays out of the span.
_RIGHT_EDGE = rf"(?=(?:['’]s)?(?!{_WORD_CHAR}|['’]\p{{L}}))"
_WORD = regex.compile(_WORD_CHAR)
# The Arabic article before a name: "al"/"Al" then a hyphen or whitespace, or "el"/"El" then a
# hyphen. It is found by looking back from each name rather than inside the pattern, since
# an optional prefix there would defeat the regex engine's fast scan for the name itself.
_HYPHEN_ARTICLES = frozenset({"al", "Al", "el", "El"})
_SPACE_ARTICLES = frozenset({"al", "Al"})
_MAX_ARTICLE_SPACE = 16  # whitespace between "Al" and the name, bounded to keep lookups O(1)


@dataclass(frozen=True)
class Entity:
    """A named thing and every way an article may spell it.

    ``name`` is the canonical name (the key in a fact file's ``entities:``); ``spellings``
    are the other spellings; ``fuzzy`` is the number of character edits allowed for
    transliterations (0: exact); ``al`` allows an optional ``al-``/``Al ``/``el-`` article
    in front of every spelling.
    """

    name: str
    spellings: tuple[str, ...] = ()
    fuzzy: int = 0
    al: bool = False

    @property
    def all_spellings(self) -> tuple[str, ...]:
        """The canonical name followed by the other spellings, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.spellings)))


def _literal(text: str) -> str:
    """A pattern matching ``text`` with flexible whitespace and either apostrophe."""
    parts: list[str] = []
    in_space = False
    for char in text:
        if char.isspace():
            if not in_space:
                parts.append(r"\s+")
            in_space = True
            continue
        in_space = False
        parts.append("['’]" if char in "'’" else regex.escape(char))
    return "".join(parts)


def _spelling_pattern(spelling: str, fuzzy: int) -> str:
    if fuzzy <= 0 or len(spelling) < MIN_FUZZY_LENGTH:
        return _literal(spelling)
    # The first letter stays exact (case-sensitivity and no edits at the word's edge);
    # edits may only bring in lowercase letters, so "RUTBA" or "Rut a" never match "Rutba".
    return f"{_literal(spelling[0])}(?:{_literal(spelling[1:])}){{e<={fuzzy}:\\p{{Ll}}}}"


class NameFinder:
    """A compiled search for every spelling of one :class:`Entity`."""

    def __init__(self, entity: Entity) -> None:
        """Compile the entity's spellings; raises ``ValueError`` if none is usable."""
        self.entity = entity
        spellings = [s.strip() for s in entity.all_spellings if s.strip()]
        if not spellings:
            raise ValueError(f"entity {entity.name!r} has no spelling to search for")
        # Longest first: at one position the alternation takes the first alternative that
        # matches, and a longer spelling ("Islamic State of Iraq and the Levant") must win
        # over its prefix ("Islamic State").
        spellings.sort(key=len, reverse=True)
        alternatives = "|".join(_spelling_pattern(s, entity.fuzzy) for s in spellings)
        flags = regex.ENHANCEMATCH if entity.fuzzy > 0 else 0
        self.pattern: Any = regex.compile(f"{_LEFT_EDGE}(?:{alternatives}){_RIGHT_EDGE}", flags)

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        timeout: float | None = None,
    ) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` spans of every name in ``text[start:end]``, in order.

        Spans are offsets into ``text``, non-overlapping; a span includes a leading article
        (with ``al``) but not a possessive ``'s``. Characters just outside the range still
        count as word edges. Raises ``TimeoutError`` if the search runs longer than
        ``timeout`` seconds (default :data:`DEFAULT_TIMEOUT`).
        """
        if timeout is None:
            timeout = DEFAULT_TIMEOUT
        if end is None or end > len(text):
            end = len(text)
        # The right edge looks at most three characters past a name ("'s" and one more):
        # search a little beyond ``end`` so a name cut off by the range is not mistaken for
        # a whole word, and keep only the names that end inside the range.
        endpos = min(len(text), end + 3)
        spans: list[tuple[int, int]] = []
        for match in self.pattern.finditer(text, start, endpos, timeout=timeout):
            if match.end() > end:
                break
            # The article may not reach back into the previous name.
            floor = spans[-1][1] if spans else start
            begin = _article_start(text, match.start(), floor) if self.entity.al else None
            spans.append((match.start() if begin is None else begin, match.end()))
        return spans


def _article_start(text: str, at: int, floor: int) -> int | None:
    """Where an Arabic article directly before the name at ``at`` starts, if there is one.

    The article must lie at or after ``floor`` and start a word.
    """
    if at - 1 >= floor and text[at - 1] == "-":
        gap, articles = at - 1, _HYPHEN_ARTICLES
    else:
        gap = at
        lowest = max(floor, at - _MAX_ARTICLE_SPACE)
        while gap > lowest and text[gap - 1].isspace():
            gap -= 1
        if gap == at:
            return None
        articles = _SPACE_ARTICLES
    begin = gap - 2
    if begin < floor or text[begin:gap] not in articles:
        return None
    if begin > 0 and _WORD.match(text, begin - 1):
        return None
    return begin


# Unbounded: a bounded cache visited in the same order for every article (more entities
# than it holds) never hits, and every search would compile its pattern again. The fact base
# bounds the number of entities; a compiled finder takes about 5 KB.
@functools.cache
def name_finder(entity: Entity) -> NameFinder:
    """Return the (cached) :class:`NameFinder` for ``entity``; raises ``ValueError`` as it."""
    return NameFinder(entity)
