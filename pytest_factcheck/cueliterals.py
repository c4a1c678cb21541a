"""The literal words a cue's every match must contain, read from the cue's regex syntax.

A cue such as ``border crossings?|crossing points`` can only match where the text holds
``border crossing`` or ``crossing point``; :func:`cue_literals` returns those words, so a
scan for plain words can tell which cues cannot match an article before any cue runs.

The reader is conservative: whenever it is unsure what a piece of syntax means, it treats
that piece as matching anything, which only makes the answer weaker, never wrong. Runs of
plain characters are literals; an escaped punctuation character (``\\.``) is a literal;
everything else (classes, ``.``, ``\\d``, ``\\s``, anchors, back-references, a character
repeated zero times or more) ends a run. A group that must occur contributes the words of
its alternatives; an optional group, a lookaround or a fuzzy group (``(?:...){e<=1}``)
contributes nothing. A verbose pattern (``(?x)``), a conditional group or ``\\Q...\\E``
gives no literal at all.

Literals are case-folded (:meth:`str.casefold`) and cues match case-insensitively, so the
scan compares them with the case-folded article.
"""

from __future__ import annotations

import functools
import re

__all__ = ["MIN_LITERAL", "cue_literals"]

#: Literals shorter than this are not worth scanning for: they occur in nearly every text.
MIN_LITERAL = 3

_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_FLAGS = re.compile(r"[a-zA-Z0-9^-]*")
_HEX = frozenset("0123456789abcdefABCDEF")
_HEX_WIDTH = {"x": 2, "u": 4, "U": 8}
_BRACED = frozenset("pPNx")  # \p{...}, \N{...}, \x{...}
_ANGLED = frozenset("gL")  # \g<...>, \L<...>

Need = frozenset[str] | None  # any one of these literals must occur; None: nothing known


class _Unknown(Exception):
    """Syntax whose meaning for literals is not known: the cue gives no literal."""


# Cached by text: a large fact base repeats a few cues ("killed", "east of") thousands of times.
@functools.cache
def cue_literals(cue: str, *, minimum: int = MIN_LITERAL) -> frozenset[str] | None:
    """The case-folded literals one of which every match of ``cue`` contains.

    Returns None when no such set is known (the cue must then always be run): the pattern
    has syntax this reader does not follow, or some alternative has no literal of at least
    ``minimum`` characters.
    """
    try:
        need, end = _Reader(cue, minimum).alternation(0)
    except (_Unknown, IndexError):
        return None
    if end != len(cue) or need is None:
        return None
    return need


def _quality(need: frozenset[str]) -> tuple[int, int]:
    """Rarer first: a longer shortest literal, then fewer alternatives."""
    return (min(len(x) for x in need), -len(need))


class _Reader:
    def __init__(self, pattern: str, minimum: int) -> None:
        self.p = pattern
        self.minimum = minimum

    def alternation(self, i: int) -> tuple[Need, int]:
        """Branches separated by ``|`` up to a closing parenthesis or the end."""
        needs: list[Need] = []
        while True:
            need, i = self.sequence(i)
            needs.append(need)
            if i < len(self.p) and self.p[i] == "|":
                i += 1
                continue
            break
        if any(n is None for n in needs):
            return None, i
        return frozenset().union(*(n for n in needs if n is not None)), i

    def sequence(self, i: int) -> tuple[Need, int]:
        """One branch: the best requirement among its literal runs and mandatory groups."""
        p = self.p
        best: Need = None
        run: list[str] = []

        def consider(need: Need) -> None:
            nonlocal best
            if need is None or any(len(x) < self.minimum for x in need):
                return
            if best is None or _quality(need) > _quality(best):
                best = need

        def flush() -> None:
            if run:
                consider(frozenset({"".join(run).casefold()}))
                run.clear()

        while i < len(p) and p[i] not in "|)":
            char = p[i]
            if char == "(":
                need, i, zero_width = self.group(i)
                least, i = self.quantifier(i)
                flush()
                if not zero_width and least >= 1:
                    consider(need)
                continue
            literal: str | None = None
            if char == "\\":
                literal, i = self.escape(i)
            elif char == "[":
                i = self.char_class(i)
            elif char in ".^$":
                i += 1
            elif char in "*+?{":
                raise _Unknown  # a quantifier with nothing before it
            else:
                literal, i = char, i + 1
            least, i = self.quantifier(i)
            if literal is None or least == 0:
                flush()
            else:
                run.append(literal)
                if least != 1:
                    flush()  # "ab+c": the run "ab" is certain, what follows is not adjacent
        flush()
        return best, i

    def quantifier(self, i: int) -> tuple[int, int]:
        """The least number of repeats of the atom before ``i`` (1 when none), and the end.

        A ``{...}`` that is not a count (a fuzzy constraint such as ``{e<=1}``) makes the
        atom optional, since its text may then be edited.
        """
        p = self.p
        if i >= len(p):
            return 1, i
        least: int
        if p[i] in "*?":
            least, i = 0, i + 1
        elif p[i] == "+":
            least, i = 2, i + 1  # at least once; 2 marks "more may follow"
        elif p[i] == "{":
            count = _COUNT.match(p, i)
            if count is None:
                close = p.find("}", i)
                if close < 0:
                    raise _Unknown
                return 0, close + 1
            low = int(count.group(1) or 0)
            exact = count.group(2) is None
            least = 0 if low == 0 else (1 if exact and low == 1 else 2)
            i = count.end()
        else:
            return 1, i
        if i < len(p) and p[i] in "?+":
            i += 1  # lazy or possessive
        if i < len(p) and p[i] in "*+?{":
            raise _Unknown
        return least, i

    def escape(self, i: int) -> tuple[str | None, int]:
        """An escape at ``i``: its literal character, or None; and where it ends.

        Every escape with a letter or digit is treated as matching anything; an escape that
        takes an argument is skipped whole, so no part of it is read as a literal.
        """
        p = self.p
        char = p[i + 1]
        i += 2
        if not char.isalnum():
            return char, i
        if char == "Q":
            raise _Unknown
        if char in _BRACED and i < len(p) and p[i] == "{":
            close = p.find("}", i)
            if close < 0:
                raise _Unknown
            return None, close + 1
        if char in _ANGLED and i < len(p) and p[i] == "<":
            close = p.find(">", i)
            if close < 0:
                raise _Unknown
            return None, close + 1
        if char in _HEX_WIDTH:
            width = _HEX_WIDTH[char]
            while width and i < len(p) and p[i] in _HEX:
                i, width = i + 1, width - 1
        elif char in "pP":
            i += 1  # \pL
        elif char.isdigit():
            while i < len(p) and p[i].isdigit():
                i += 1
        return None, i

    def char_class(self, i: int) -> int:
        """Skip ``[...]``; returns the index after its closing bracket."""
        p = self.p
        i += 1
        if p[i] == "^":
            i += 1
        if p[i] == "]":
            i += 1
        while p[i] != "]":
            if p[i] == "\\":
                i += 2
            elif p[i] == "[":
                if p[i + 1] in ":.=":
                    close = p.find(p[i + 1] + "]", i + 2)
                    if close < 0:
                        raise _Unknown
                    i = close + 2
                else:
                    raise _Unknown  # a nested set (VERSION1)
            else:
                i += 1
        return i + 1

    def group(self, i: int) -> tuple[Need, int, bool]:
        """A group at ``i``: its requirement, its end, and whether it is zero-width."""
        p = self.p
        i += 1
        zero_width = False
        if p[i] == "?":
            i += 1
            kind = p[i]
            if kind == "#":
                close = p.find(")", i)
                if close < 0:
                    raise _Unknown
                return None, close + 1, True
            if kind in ":>|":
                i += 1
            elif kind in "=!":
                i, zero_width = i + 1, True
            elif kind == "<" and p[i + 1] in "=!":
                i, zero_width = i + 2, True
            elif kind == "<" or (kind == "P" and p[i + 1] == "<"):
                close = p.find(">", i)
                if close < 0:
                    raise _Unknown
                i = close + 1
            else:
                flags = _FLAGS.match(p, i)
                assert flags is not None  # the pattern matches the empty string
                text = flags.group()
                if not text or "x" in text or "V1" in text or p[flags.end()] not in ":)":
                    raise _Unknown  # verbose, VERSION1, conditional, recursion, (?P=...)
                i = flags.end()
                if p[i] == ")":
                    return None, i + 1, True  # flags for the rest of the pattern
                i += 1
        need, i = self.alternation(i)
        if p[i] != ")":
            raise _Unknown
        return need, i + 1, zero_width
