"""Splitting a paragraph of news prose into sentences.

A sentence boundary is end punctuation (``.``, ``!``, ``?``, ``…`` or a run of them), then
any closing quotes or brackets, then whitespace, then a character that can start a sentence:
an uppercase letter, a digit, or an opening quote or bracket. The paragraph end always ends
a sentence. So ``"Stop," he said.`` and ``"Why?" she asked.`` stay whole (a lowercase word
follows), decimals (``1.2 million``) never qualify (no whitespace after the point), and a
sentence that ends inside quotes (``... in two days.”``) ends after the closing quote.

A full stop that passes that test is still not a boundary when the word before it is:

- a list number opening the paragraph (``1. Skip to content``), or
- a title or fixed abbreviation that is never the last word of a sentence (``Mr.``, ``Dr.``,
  ``Gen.``, ``Sen.``, ``St.``, ``Jan.`` … ``Dec.``, ``vs.``, ``e.g.``, ``i.e.``, …), or
  ``No.`` before a number;
- an abbreviation that can end a sentence but usually does not (a dotted acronym such as
  ``U.S.`` or ``U.N.``, ``a.m.``/``p.m.``, ``etc.``, ``Inc.``, ``Jr.``, …) or a single
  capital letter (an initial, as in ``John F. Kennedy`` or ``E. G. Festin``): these end a
  sentence only when the next word is a common sentence opener (``The``, ``He``, ``But``, …)
  or an opening quote. ``U.S. Secretary of State John Kerry`` stays one sentence, while
  ``... troops to the U.S. They ...`` splits. Merging two sentences is the safer error: a
  wrongly split sentence can separate a fact's subject from its cue.

Everything runs on precompiled patterns, with a bounded amount of work per candidate, so
splitting is linear in the length of the text.
"""

from __future__ import annotations

import regex

__all__ = ["split_sentences"]

# End punctuation, then closing quotes/brackets; a boundary only if whitespace and a
# sentence-opening character follow. Straight quotes count as closers here: in `."` the
# quote closes, and an opening straight quote after the whitespace is matched by the
# lookahead instead. The lookbehind and possessive runs keep a long run of punctuation from
# being rescanned at every position in it.
_CANDIDATE = regex.compile(
    r"""(?<![.!?…])[.!?…]++["'”’»)\]]*+(?=\s+["'“‘«(\[\p{Lu}\p{Lt}\p{Nd}])""",
)
_SPACE = regex.compile(r"\s+")
_NEXT_WORD = regex.compile(r"[\p{L}]+")

# How far back to look for the word before a full stop. Longer "words" are not
# abbreviations, and the bound keeps the work per candidate constant.
_MAX_TOKEN = 24

# Never the last word of a sentence (compared case-sensitively, without the final stop).
_NEVER_FINAL = frozenset(
    {
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt",
        "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres",
        "Supt", "Insp", "Amb", "Sec", "St", "Mt", "Ft", "Gens", "Sens", "Reps",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "viz", "Nos",
    }
)  # fmt: skip

# Can end a sentence, but usually does not: a boundary only before a sentence opener.
_USUALLY_NOT_FINAL = frozenset(
    {
        "a.m", "p.m", "etc", "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "al",
        "Ave", "Blvd", "Rd", "Univ", "Dept", "est",
    }
)  # fmt: skip

# Words that commonly open a sentence; after an ambiguous abbreviation they mark a boundary.
_OPENERS = frozenset(
    {
        "A", "An", "The", "This", "That", "These", "Those", "There", "Then", "Here",
        "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
        "My", "Your", "But", "And", "Or", "So", "Yet", "In", "On", "At", "By", "For",
        "From", "With", "As", "After", "Before", "When", "While", "If", "Although",
        "Though", "Since", "Meanwhile", "However", "Still", "Also", "Some", "Many",
        "Most", "Officials", "Now", "Earlier", "Later", "Last", "Next", "One", "Two",
    }
)  # fmt: skip

_DOTTED_ACRONYM = regex.compile(r"(?:\p{L}\.)+\p{L}")
_INITIAL = regex.compile(r"\p{Lu}")
_LIST_MARKER = regex.compile(r"\d{1,3}|[ivxIVX]{1,4}|\p{L}")
_OPENING_PUNCT = "\"'“‘«([{"


def _word_before(text: str, stop: int, floor: int) -> str:
    """The word ending just before the full stop at ``stop``, without opening punctuation."""
    i = stop
    lowest = max(floor, stop - _MAX_TOKEN)
    while i > lowest and not text[i - 1].isspace():
        i -= 1
    if i == lowest and i > floor and not text[i - 1].isspace():
        return ""  # longer than any abbreviation
    return text[i:stop].lstrip(_OPENING_PUNCT)


def _opener_follows(text: str, after: int, end: int) -> bool:
    """Whether the text after the whitespace at ``after`` starts like a new sentence."""
    space = _SPACE.match(text, after, end)
    j = space.end() if space else after
    if j >= end:
        return True
    if text[j] in _OPENING_PUNCT:
        return True
    word = _NEXT_WORD.match(text, j, end)
    if word is None:
        return False
    # "A." or "I." is an initial, not the article or pronoun.
    if word.end() < end and text[word.end()] == ".":
        return False
    return bool(word.group() in _OPENERS)


def _is_boundary(text: str, punct_start: int, punct_end: int, end: int, floor: int) -> bool:
    """Decide whether a candidate (already followed by a sentence opener) ends a sentence."""
    punct = text[punct_start:punct_end]
    # Only a lone full stop can belong to an abbreviation; "?", "!" and "..." end sentences.
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    word = _word_before(text, punct_start, floor)
    if not word:
        return True
    # "1. Skip to content": a list number opening the sentence does not end it. (Only a
    # short stretch before it is looked at, to keep the work per candidate bounded.)
    lead = punct_start - len(word) - floor
    if lead <= 8 and _LIST_MARKER.fullmatch(word) and not text[floor : floor + lead].strip():
        return False
    if word in _NEVER_FINAL:
        return False
    if word in ("No", "no"):
        space = _SPACE.match(text, punct_end, end)
        j = space.end() if space else punct_end
        return not (j < end and text[j].isdigit())
    if (
        word in _USUALLY_NOT_FINAL
        or _DOTTED_ACRONYM.fullmatch(word) is not None
        or _INITIAL.fullmatch(word) is not None
    ):
        return _opener_follows(text, punct_end, end)
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentences.

    Returns the ``(start, end)`` character offsets of each sentence in ``text``, in order,
    non-overlapping, each trimmed of surrounding whitespace and never empty; an empty or
    all-whitespace range gives ``[]``. Never raises for any string and in-range offsets.
    """
    if end is None:
        end = len(text)
    start = max(0, start)
    end = min(len(text), end)
    spans: list[tuple[int, int]] = []
    first = _CANDIDATE.search(text, start, end)
    if first is None:  # the common case of a headline or a one-sentence paragraph
        _append_trimmed(text, start, end, spans)
        return spans
    begin = start
    for match in _CANDIDATE.finditer(text, first.start(), end):
        cut = match.end()
        # The full stop itself: the candidate may carry closing quotes after it.
        punct_end = match.start()
        while punct_end < cut and text[punct_end] in ".!?…":
            punct_end += 1
        if not _is_boundary(text, match.start(), punct_end, end, begin):
            continue
        _append_trimmed(text, begin, cut, spans)
        begin = cut
    _append_trimmed(text, begin, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
