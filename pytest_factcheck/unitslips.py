"""A fact value's count noun that is really a unit written wrong: ``12 feets``, ``12 celcius``.

In a fact value, a word after the number that is not a unit is a count noun (``4 towns``),
and a count noun only matches articles that count the same thing. A unit written in a form
the reader does not know would therefore turn, silently, into a count noun that matches
nothing. The quantity reader already refuses the commonest slips (a dropped letter, two
swapped letters: ``mles``); this module catches the others a person makes, each by a rule:

* a plural or a case the unit does not take, ``feets``, ``mpgs``, ``USDs``, ``kgs``: the
  word without its plural ending, or in another case, is a unit;
* a sound-alike letter, ``celcius``, ``hourz``, ``kilometrez``: one letter replaced by one
  that sounds the same (c/s, s/z, c/k, i/y) gives a unit;
* a doubled letter, ``killometres``, ``gramms``: dropping one of two equal letters in a row
  gives a unit.

A candidate counts only when the reader itself reads the value with it as a unit, so a
word the reader keeps as a noun on purpose (``points``, where ``point`` is no unit in
prose) is never reported, and the check follows the unit table as it grows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from . import units
from .errors import QuantityError
from .quantities import parse_value

# Letters that stand for the same sound, so a writer swaps one for the other.
_SOUND_ALIKE = frozenset(
    frozenset(pair) for pair in (("c", "s"), ("s", "z"), ("c", "k"), ("i", "y"))
)
_MIN_TYPO_LENGTH = 4


def unit_slip(
    text: str, *, approx: float = 0.10, extra: Mapping[str, str] | None = None
) -> str | None:
    """``"unknown unit 'feets' (did you mean 'feet'?)"`` when the last word of the value
    ``text`` (read as a count noun) is a unit written wrong, else ``None``."""
    stripped = text.rstrip()
    cut = max(stripped.rfind(" "), stripped.rfind("\u00a0"))
    if cut < 0:
        return None
    prefix, word = stripped[: cut + 1], stripped[cut + 1 :]
    if not word.isalpha():
        return None
    for candidate in dict.fromkeys(_candidates(word, extra)):
        if (
            candidate != word
            and _in_table(candidate, extra)
            and _reads_as_unit(prefix + candidate, approx, extra)
        ):
            return f"unknown unit {word!r} (did you mean {candidate!r}?)"
    return None


def _in_table(candidate: str, extra: Mapping[str, str] | None) -> bool:
    """Whether the unit table has ``candidate`` as a whole surface form (a quick look-up
    before asking the reader, which also weighs the context)."""
    found = units.match_unit(candidate, 0, extra)
    return found is not None and found[1] == len(candidate)


def _reads_as_unit(text: str, approx: float, extra: Mapping[str, str] | None) -> bool:
    try:
        quantity = parse_value(text, approx=approx, units=extra)
    except (QuantityError, ValueError):
        return False
    return quantity.unit != units.DIMENSIONLESS and quantity.noun is None


def _candidates(word: str, extra: Mapping[str, str] | None) -> Iterator[str]:
    """Forms ``word`` may have been meant as, most likely first."""
    # Plural endings the unit does not take, and case.
    for ending in ("es", "s"):
        if len(word) > len(ending) and word.lower().endswith(ending):
            stem = word[: -len(ending)]
            yield stem
            yield stem.upper()
            yield stem.lower()
    yield word.upper()
    yield word.lower()
    if len(word) < _MIN_TYPO_LENGTH:
        return
    low = word.lower()
    by_length = _words_by_length(tuple(sorted(extra.items())) if extra else ())
    # Doubled letters.
    for i in range(1, len(low)):
        if low[i] == low[i - 1]:
            shorter = low[: i - 1] + low[i:]
            for surface_low, surface in by_length.get(len(shorter), ()):
                if surface_low == shorter:
                    yield surface
    # Sound-alike letters.
    for surface_low, surface in by_length.get(len(low), ()):
        diff = [i for i in range(len(low)) if low[i] != surface_low[i]]
        if len(diff) == 1 and frozenset((low[diff[0]], surface_low[diff[0]])) in _SOUND_ALIKE:
            yield surface


@functools.lru_cache(maxsize=16)
def _words_by_length(extra: tuple[tuple[str, str], ...]) -> dict[int, list[tuple[str, str]]]:
    """Every word of the unit table's surface forms (``degrees Celsius`` gives both), as
    ``(lower case, as written)`` pairs keyed by length."""
    words = {w for s in units.all_surfaces(dict(extra)) for w in s.split() if w.isalpha()}
    by_length: dict[int, list[tuple[str, str]]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append((word.lower(), word))
    return by_length
