"""Changes: the words that make a figure a rise or a fall, and ``from X to Y`` as two values."""

from __future__ import annotations

from . import textscan as ts

CHANGE_VERBS = ts.wordset(
    """rose rise rises rising risen fell fall falls falling fallen increased increase
    increases increasing decreased decrease decreasing dropped drop drops dropping
    climbed climb climbs climbing jumped jump jumps jumping grew grow grows growing
    slipped slip slips slid slide slides surged surge surges soared soar soars plunged
    plunge plunges tumbled tumble edged edge widened widen narrowed narrow eased ease
    slowed slow accelerated cut cuts raised raise raises lowered lower lowers boosted
    up down went go goes moved move moves changed shrank shrink declined decline
    declines improved improve worsened"""
)


def change_verb_before(text: str, x: int) -> bool:
    """A verb of change within the four words before ``x`` ("raised the age from")."""
    for _ in range(4):
        word, x = ts.word_before(text, x, max(0, x - 30))
        low = word.lower()
        if low in CHANGE_VERBS:
            return True
        if not low or not low.isalpha():
            return False  # punctuation, a number or the start of the line: too far
    return False
