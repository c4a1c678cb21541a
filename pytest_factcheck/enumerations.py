"""Enumerations of proper names in text: ``Qaim, Rawa, Ana, and Huseiba``.

An enumeration is two or more names joined by commas and at least one ``and`` or
``as well as``:

- ``A and B``, ``A, B and C``, ``A, B, and C`` (the serial comma), ``A as well as B``,
  ``A, B as well as C`` (also ``and also``, ``along with``, ``together with``, ``plus``);
  after the first conjunction only another one continues the list (``A and B, C`` is the
  list ``A and B``). The last name may follow a short noun phrase or a word of place:
  ``A, B and the border town of C``, ``A, B and nearby C``; a dash may stand for the last
  comma (``A, B — and C``).
- A name is a run of capitalised words (``Sadr City``, ``Al-Qaim``, ``Qa'im``), which may
  join with up to two of ``of``, ``the``, ``de``, ``la``, ``van``, ... (``Bank of America``),
  and may start with ``al-``/``el-``; a possessive ``'s`` is not part of it. Capitalised
  function words at its start (``The``, ``In``, ``After``) are dropped: a sentence's first
  word is no name.
- Known names given by the caller (an entity's spellings found in the text, such as
  ``Islamic State of Iraq and the Levant``) are single names even when they contain
  lower-case words or ``and``.

A comma list without a conjunction (``Baghdad, Iraq``) is an apposition, not a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .textscan import wordset

_UPPER_WORD = r"(?:(?:al|el|Al|El)[-‐])?\p{Lu}[\p{L}\p{M}\p{N}'’\-]*"
_PARTICLE = r"(?:of|the|de|del|la|le|da|di|bin|van|von|der)[ \t\u00a0]+"
_NAME = regex.compile(rf"{_UPPER_WORD}(?:[ \t\u00a0]+(?:{_PARTICLE}){{0,2}}{_UPPER_WORD})*")
_SEP = regex.compile(
    r"(?P<comma>[ \t\u00a0]*(?:,|[ \t\u00a0][—–]))?[ \t\u00a0\r\n]*"
    r"(?P<conj>(?:and(?:[ \t\u00a0]+also)?|as[ \t\u00a0]+well[ \t\u00a0]+as|along[ \t\u00a0]+with"
    r"|together[ \t\u00a0]+with|plus)[ \t\u00a0\r\n]+"
    # "..., and the border town of Huseiba": a short noun phrase before the last name;
    # "... and nearby Huseiba": a word of place before it
    r"(?:the[ \t\u00a0]+(?:\p{Ll}[\p{Ll}-]*[ \t\u00a0]+){1,2}of[ \t\u00a0]+"
    r"|(?:nearby|neighbou?ring|northern|southern|eastern|western|central|strategic)"
    r"[ \t\u00a0]+)?)?"
)
_GERUND = regex.compile(r"[ \t\u00a0]+\p{Ll}+ing\b")
_POSSESSIVE = regex.compile(r"['’]s\Z")
# Capitalised words that start sentences and phrases but are no names.
_FUNCTION_WORDS = wordset(
    """The A An In On At By For From To Of With Without After Before Since During And Or But
    Nor So Yet If When While As It Its He She His Her They Their Them We Our You Your I This
    That These Those There Here Then Than Both Either Neither Each Every All Some Many Most
    Such What Which Who Whom Whose Where Why How According Also Only Even Not No Meanwhile
    However Elsewhere Including Among Between Across Along Around Near Over Under Into Onto
    Upon Until Via Mr Mrs Ms Dr Sir"""
) | wordset(  # dates are no names: "on Monday, and Leeds and Selby on Tuesday"
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December"""
)


@dataclass(frozen=True)
class Enumeration:
    """A list of names: its span and the span of each member, in text order."""

    start: int
    end: int
    members: tuple[tuple[int, int], ...]


def find_names(
    text: str, start: int = 0, end: int | None = None, known: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Spans of the names in ``text[start:end]``, in order: the ``known`` spans, and
    capitalised runs elsewhere (function words at their start dropped). Never raises."""
    if end is None:
        end = len(text)
    spans = sorted((a, b) for a, b in known if start <= a and b <= end)
    found: list[tuple[int, int]] = []
    pos = start
    k = 0
    while pos < end:
        while k < len(spans) and spans[k][0] < pos:
            k += 1
        next_known = spans[k][0] if k < len(spans) else end
        m = _NAME.search(text, pos, next_known)
        if m is None:
            if k >= len(spans):
                break
            found.append(spans[k])
            pos = spans[k][1]
            continue
        a, b = m.span()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’-"):
            pos = b  # the middle of a word ("McDonald", "iPhone")
            continue
        a, b = _trim(text, a, b)
        if a < b:
            found.append((a, b))
        pos = m.end()
    return found


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A capitalised run without leading function words and a trailing possessive."""
    words = text[a:b].split()
    while words and words[0] in _FUNCTION_WORDS:
        a = text.index(words[0], a) + len(words[0])
        while a < b and text[a].isspace():
            a += 1
        words.pop(0)
    possessive = _POSSESSIVE.search(text, a, b)
    if possessive:
        b = possessive.start()
    return (a, b) if words else (b, b)


def find_enumerations(
    text: str, start: int = 0, end: int | None = None, known: Sequence[tuple[int, int]] = ()
) -> list[Enumeration]:
    """Every enumeration of names in ``text[start:end]``, in text order.

    ``known`` are spans of names that must be read as one name each. Never raises.
    """
    if end is None:
        end = len(text)
    names = find_names(text, start, end, known)
    result: list[Enumeration] = []
    i = 0
    while i < len(names):
        members = [names[i]]
        joins: list[bool] = []  # per separator: True for "and"/"as well as"
        j = i
        while j + 1 < len(names):
            gap_start, gap_end = names[j][1], names[j + 1][0]
            if _POSSESSIVE.match(text, gap_start):
                break  # "Qaim's fall and ...": the name belongs to a longer phrase
            sep = _SEP.fullmatch(text, gap_start, gap_end)
            if sep is None or not (sep.group("comma") or sep.group("conj")):
                break
            if any(joins) and not sep.group("conj"):
                break
            joins.append(bool(sep.group("conj")))
            members.append(names[j + 1])
            j += 1
        if any(joins) and _GERUND.match(text, members[-1][1]):
            # "the capture of Qaim and ISIS solidifying its control": "and" joins clauses.
            members.pop()
            joins.pop()
        if any(joins):
            result.append(Enumeration(members[0][0], members[-1][1], tuple(members)))
            i = j + 1
        else:
            i += 1
    return result
