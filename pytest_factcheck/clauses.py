"""Splitting a sentence into clauses: the unit in which a figure is asserted.

A sentence often says several things: "Temperatures were 12C at the start but climbed to
24C by noon"; "212 runners were treated, and one was taken to hospital"; "More than 6
million homes, including 1.5 million in Los Angeles, lost power". The matcher prefers the
quantity of the cue's own clause, so the clause boundaries below are the places where
news prose moves on to another statement:

- a colon before a space (``Death toll: 16``; what follows continues the clause before it),
  ``;`` and a dash between words (``—`` always; ``–``, ``-`` and ``--`` with spaces around);
- a conjunction that opens a new clause: ``but``, ``while``, ``whereas``, ``although``,
  ``though``, ``yet`` (a contrast), ``and``, ``after``, ``because``, ``before``, ``until``,
  ``unless`` (with or without a comma before it) — but not ``and`` between two figures
  (``21 people and four towns``) unless a verb follows the second (``and one was taken``);
- a comma before a reason (``, as customers moved …``), and a relative clause from a comma
  before ``which``, ``who``, ``whose``, ``where``, ``when`` to the next comma (``The storm,
  which could strengthen, killed 16``: the ``could`` is not the 16's);
- a subset: ``including``, ``of whom``, ``of which``, ``of them``, ``among them``,
  ``among whom`` (with the figure before it: ``, one of whom``); the subset runs to the next
  comma, dash or closing bracket, and is an *aside* (:attr:`Clause.aside`): its figures are
  part of a larger one stated just before;
- the comma that closes an opening ``Of the …,`` / ``Among the …,`` (``Of the 212 runners
  treated, one was taken to hospital``).

A boundary is never placed inside a protected span (the quantities of the sentence, so
``between 250 and 300 km`` stays whole). Each clause also records whether it *continues*
the frame of the clause before it (it opens with ``and``, a relative word, or follows an
aside) or starts a new one (a contrast: ``but``, ``while``, ``;``, a dash...): a time frame
set at the start of a sentence ("Last year, …") carries over ``and`` but not over ``but``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Clause", "split_clauses"]


@dataclass(frozen=True)
class Clause:
    """``text[start:end]``: one clause of a sentence."""

    start: int
    end: int
    aside: bool = False  # a subset ("including 1.5 million ...") inside a larger statement
    continues: bool = False  # shares the time frame of the clause before it
    relative: bool = False  # ", which …," / ", who …,": says something of a noun before it


# Each alternative names what it opens: a new frame ("new"), a continuation ("cont"), a
# subset aside ("aside"). The boundary is placed at the start of the group's match, so the
# conjunction belongs to the clause it opens.
_BOUNDARY = re.compile(
    r"""
    (?P<new>;\s*|\s*—\s*|\s+(?:–|-|--)\s+
      |,?\s+(?=(?:but|while|whereas|although|though|yet)\s))
    |(?P<cont>:\s+|,?\s+(?=(?:and|after|because|before|until|unless)\s)
      |,\s+(?=as\s(?!(?:well|much|many|far|long|of|a\s+result)\b)))
    |(?P<relative>,\s*(?=(?:which|who|whose|where|when)\s))
    |(?P<aside>,?\s+(?=(?:including|of\s+whom|of\s+which|of\s+them|among\s+them|among\s+whom)\b))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_AND = re.compile(r"and\s+", re.IGNORECASE)
# After "and <figure>", a verb makes the figure the subject of a new clause ("and one was
# taken to hospital"); anything else joins two figures ("21 people and four towns").
_VERB_AFTER = re.compile(
    r"\s+(?:was|were|is|are|had|has|have|will|would|could|did|do|does|[^\W\d_]+ed)\b",
    re.IGNORECASE,
)
_ASIDE_END = re.compile(r"[,;)\]—]|\s[–-]{1,2}\s")
_SUPERSET_OPENING = re.compile(r"(?:of|among)\s+(?:the|those|these|all)\b", re.IGNORECASE)


def _joins_quantities(
    text: str,
    at: int,
    end: int,
    protected: Sequence[tuple[int, int]],
    starts: list[int],
) -> bool:
    """Whether the ``and`` at ``at`` joins two figures rather than two clauses."""
    word = _AND.match(text, at, end)
    if word is None:
        return False
    i = bisect.bisect_left(starts, word.end())
    if i == len(starts) or starts[i] != word.end():
        return False
    return _VERB_AFTER.match(text, protected[i][1], end) is None


def _part_before(
    text: str, at: int, floor: int, protected: Sequence[tuple[int, int]], starts: list[int]
) -> int:
    """Where a subset aside starts: before the figure it counts, in ``…, one of whom …``."""
    i = bisect.bisect_right(starts, at) - 1
    if i < 0 or text[protected[i][1] : at].strip():
        return at
    comma = text.rfind(",", floor, protected[i][0])
    if comma >= 0 and not text[comma + 1 : protected[i][0]].strip():
        return comma
    return at


def split_clauses(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]] = ()
) -> list[Clause]:
    """The clauses of ``text[start:end]`` (one sentence), in order, covering it.

    ``protected`` holds sorted, non-overlapping ``(start, end)`` spans that a boundary
    never falls inside. Never raises; an empty range gives ``[]``.
    """
    if start >= end:
        return []
    cuts: list[tuple[int, str]] = []  # (offset where a clause starts, how it starts)
    starts = [s for s, _ in protected]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and protected[i][0] < offset < protected[i][1]

    opening = _SUPERSET_OPENING.match(text, start, end)
    if opening is not None:
        comma = text.find(",", opening.end(), end)
        if comma > 0 and not inside(comma):
            cuts.append((comma + 1, "new"))
    for match in _BOUNDARY.finditer(text, start, end):
        at = match.start()
        if at <= start or inside(at) or inside(match.end()):
            continue
        how = match.lastgroup or "new"
        if how == "cont" and _joins_quantities(text, match.end(), end, protected, starts):
            continue
        if how == "aside":
            at = _part_before(text, at, start, protected, starts)
        cuts.append((at, how))
        if how in ("aside", "relative"):
            close = _ASIDE_END.search(text, match.end(), end)
            while close is not None and inside(close.start()):  # "300,000"
                close = _ASIDE_END.search(text, close.end(), end)
            if close is not None:
                cuts.append((close.start(), "after"))
    cuts.sort()
    clauses: list[Clause] = []
    begin, how = start, "new"
    for at, next_how in [*cuts, (end, "new")]:
        if at <= begin:
            how = next_how
            continue
        clauses.append(
            Clause(
                begin,
                at,
                aside=how == "aside",
                continues=how in ("cont", "after", "relative"),
                relative=how == "relative",
            )
        )
        begin, how = at, next_how
    return clauses
