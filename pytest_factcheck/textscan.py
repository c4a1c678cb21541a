"""Where words and numbers sit in a text: spaces, the word before a position, sentence starts.

Small cheap scans shared by the quantity reader and its classifiers; nothing here knows
about units, hedges or numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPACE = r"[ \t\u00a0]"

# At most one line break inside a quantity: hard-wrapped text, never a paragraph break.
GAP = re.compile(rf"{SPACE}*(?:\r?\n{SPACE}*)?")


def alternation(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", rf"{SPACE}+") for w in ordered)


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


SENTENCE_END = frozenset(".!?:;\n\"“”'‘’([—–-")

BLANKS = " \t\u00a0"

OPENERS = "(\"“‘'["


def word_before(text: str, x: int, floor: int) -> tuple[str, int]:
    """The word before ``x`` across spaces on the same line: (word, start), or ("", x).

    Cheap string scans that let the reader skip its context regexes for most numbers.
    """
    j = x
    while j > floor and text[j - 1] in BLANKS:
        j -= 1
    if j == x or j <= floor:
        return "", x
    lo = max(floor, j - 30)
    i = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j), text.rfind("\t", lo, j), lo - 1) + 1
    while i < j and text[i] in OPENERS:
        i += 1
    return text[i:j], i


def token_span(text: str, s: int, e: int, floor: int) -> tuple[int, int]:
    """The run of letters, digits and inner hyphens around ``s``..``e`` (a name or code)."""
    a = s
    while a > floor and a > s - 40 and (text[a - 1].isalnum() or text[a - 1] in "-&_"):
        a -= 1
    while a < s and not text[a].isalnum():
        a += 1
    b = e
    n = len(text)
    while (
        b < n
        and b < e + 40
        and (text[b].isalnum() or (text[b] in "-_" and b + 1 < n and text[b + 1].isalnum()))
    ):
        b += 1
    return a, b


def at_line_start(text: str, s: int) -> bool:
    i = s - 1
    while i >= 0 and i > s - 20 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and j > i - 10 and text[j] in " \t\u00a0\"“‘'(":
        j -= 1
    return j < 0 or text[j] in SENTENCE_END
