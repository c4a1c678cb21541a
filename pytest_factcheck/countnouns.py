"""Count nouns: the head noun of the words after a bare count (``300 military advisers``)."""

from __future__ import annotations

import re

from . import numbers as n
from . import textscan as ts
from . import units as u

_NOUN_WORD = re.compile(rf"{ts.SPACE}+([A-Za-z][A-Za-z'’.]*(?:-[A-Za-z]+)*)")


_STOP = (
    ts.wordset(
        """of in on at to from by for with and or but as than that which who whom whose
    the a an this these those its their his her our your my is are was were be been being
    has have had do does did will would can could may might must shall should said says
    more most less least many much few several other another each every all some any no
    not only just also still even then there here when where while after before since
    until during about around over under between into onto per out up down off away ago
    later earlier now today yesterday tomorrow this that what so very too it they them
    he she we you i me us him one ones short behind ahead apiece shy against within
    across through per via"""
    )
    | frozenset(n.SMALL)
    | frozenset(n.TENS)
    | frozenset(n.SCALES)
    | {"hundred", "dozen"}
)
# Plurals that do not end in -s, and nouns that count without a plural form.
_PLURAL_WORDS = ts.wordset(
    """people men women children police personnel staff troops cattle aircraft sheep
    fish deer militia clergy crew livestock kroner kronor krone krona rand baht yen yuan
    naira kwacha rupiah ringgit"""
)


_DEMONYM_ENDINGS = ("i", "an", "ian", "ese", "ish", "ite", "ic")
_DEMONYMS = frozenset({"french", "dutch", "greek", "thai", "swiss", "welsh", "irish", "czech"})


_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
NAME = ""  # count_noun's noun when the word after the number makes it a name


def count_noun(text: str, p: int, count: float) -> tuple[str, int] | None:
    """The head noun of the words after a count: (folded noun, end), or None.

    Modifiers before the head are skipped (``300 military advisers`` -> ``adviser``,
    ``30 Iraqi troops`` -> ``troop``, ``40 ISIL trucks`` -> ``truck``). A noun of ``NAME``
    means a capitalised singular word that makes the number part of a name
    (``787 Dreamliner``).
    """
    q = p
    for i in range(4):
        m = _NOUN_WORD.match(text, q)
        if not m:
            return None
        raw = m.group(1)
        word = raw.rstrip(".")
        end = m.start(1) + len(word)
        if _INITIALS.fullmatch(raw):
            q = m.end()  # "U.S." modifies
            continue
        sentence_end = raw.endswith(".") and len(word) > 1
        low = word.lower()
        if low.endswith(("'s", "’s")):
            return None
        if low in _STOP:
            return None
        if word[0].isupper():
            if word.isupper():
                q = m.end()
                if sentence_end:
                    return None
                continue
            if count != 1 and u.looks_plural(word):
                return u.fold_noun(word), end
            if low.endswith(_DEMONYM_ENDINGS) or low in _DEMONYMS:
                q = m.end()
                continue
            if i == 0 and count != 1:
                # "20 Grand Slam titles" counts titles; "787 Dreamliner" is a name
                head = _capitalised_head(text, m.end())
                return head if head is not None else (NAME, end)
            return None
        if low in _PLURAL_WORDS or (low.endswith("men") and len(low) > 4):
            return u.fold_noun(low), end
        if count == 1 or 0 < count < 1:  # "one mile", "a quarter point", "0.5 goals"
            if low.endswith(("ly", "ed", "ing")):
                return None
            return (u.fold_noun(low) if u.looks_plural(low) else low), end
        if u.looks_plural(low):
            return u.fold_noun(low), end
        if sentence_end:
            return None
        q = m.end()
    return None


def _capitalised_head(text: str, q: int) -> tuple[str, int] | None:
    """A plural head after capitalised words (``Grand Slam titles``), or None."""
    for _ in range(3):
        m = _NOUN_WORD.match(text, q)
        if not m:
            return None
        word = m.group(1).rstrip(".")
        if word[0].isupper() and not u.looks_plural(word):
            q = m.end()
            continue
        if word.lower() not in _STOP and u.looks_plural(word):
            return u.fold_noun(word), m.start(1) + len(word)
        return None
    return None
