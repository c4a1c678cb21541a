"""Warnings about a cue that is too broad to mark a statement (it matches empty text, or
almost any sentence at all), or that backtracks on ordinary text.

Such a cue is not an error (the fact still runs, and may even be right), but the fact then
applies wherever its subject is named, and the value it finds there is rarely the fact's.
Whether a cue is that broad is judged on :data:`SAMPLE`, ordinary sentences from news on
many subjects, none of which states anything a fact file would cue on: a cue matching
:data:`BROAD_SHARE` of them or more matches almost every sentence of any article.
"""

from __future__ import annotations

from typing import Any

SAMPLE = (
    "The storm is expected to reach the coast by Thursday evening.",
    "Shares of the company closed higher after the quarterly report.",
    "She scored twice in the second half to seal the win.",
    "Officials said the new clinic would open in the spring.",
    "Voters in the northern district went to the polls on Sunday.",
    "The update adds a dark mode and fixes several bugs.",
    "Residents were asked to boil their water until further notice.",
    "He told reporters that talks would continue next week.",
    "A spokesperson declined to comment on the allegations.",
    "The museum reopened after a two-year renovation.",
    "Traffic was diverted while crews repaired the bridge.",
    "Analysts had expected a smaller increase in prices.",
    "The coach praised his players for their patience.",
    "Doctors recommend rest and plenty of fluids.",
    "It was the first time the festival had been cancelled.",
    "Farmers in the valley say the harvest is late this year.",
    "The minister resigned on Friday, citing personal reasons.",
    "Engineers are still investigating what caused the outage.",
    "Tickets go on sale at noon on the club's website.",
    "Most of the town's schools will stay closed until Monday.",
)
BROAD_SHARE = 0.75
# An ordinary sentence takes a cue microseconds; one that takes this long backtracks.
SENTENCE_SECONDS = 0.05


def cue_warning(compiled: Any) -> str | None:
    """Why the compiled cue is too broad, or ``None``; ``compiled`` is a ``regex`` pattern."""
    if compiled.match("") is not None:
        return (
            "matches empty text; only its non-empty matches count, and the fact may apply "
            "to almost any sentence"
        )
    hits = 0
    for sentence in SAMPLE:
        try:
            found = compiled.search(sentence, timeout=SENTENCE_SECONDS)
        except TimeoutError:
            return (
                f"ran longer than {SENTENCE_SECONDS:g} s on one ordinary sentence; it "
                "backtracks, and may be stopped by the time limit on a long article"
            )
        hits += found is not None
    if hits >= BROAD_SHARE * len(SAMPLE):
        return (
            f"matches {hits} of {len(SAMPLE)} ordinary sentences, so it marks no statement in "
            "particular; make it more specific"
        )
    return None
