"""Who owns a figure: the fact's subject, or another named subject nearer to it.

"Last year, Hurricane Ida killed 30 people" does not state a toll of Hurricane Orla, and
"Rival Brightwell Corp. reported revenue of $9.8 billion" no revenue of Telvara. The names
looked at are capitalised runs of words near the figure: the fact's subject (any spelling),
a name of the same kind (sharing the first or last word of a subject's spelling of two
words or more, unless it names an institution that reports, such as a "Center" or a
"Police"), or a company named as a rival. In a Markdown table, a row that does not name the
subject, in a table whose other rows do, belongs to another subject.
"""

from __future__ import annotations

import bisect

import regex

from .articleindex import ArticleIndex
from .markdown import Row
from .names import Entity
from .textscan import wordset

__all__ = ["antecedent", "column_of_another", "names_in", "row_of_another"]

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}&.'’-]*"
_CAPITALISED = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_NAME_WORD}(?:[ \t]+(?:of[ \t]+|de[ \t]+)?{_NAME_WORD})*"
)
# A company named as a competitor owns the figures of its clause even when the fact files
# do not know it: "Rival Brightwell Corp. last week reported revenue of $9.8 billion".
_RIVAL = regex.compile(
    r"(?i:\b(?:rivals?|competitors?|peers?)\b)|\b(?:Corp|Inc|Ltd|PLC|plc|LLC|GmbH|AG|SA|NV)\b"
)
# Names of institutions that report on a subject, not subjects of its kind: "the National
# Hurricane Center said", "the Marathon Medical Committee".
_INSTITUTIONS = wordset(
    """Center Centre Service Services Office Agency Department Authority Commission Police
    Committee Association Council Board Bureau Ministry Institute Agency Administration
    Organization Organisation Foundation Society Trust Club"""
)
_NOT_NAMES = wordset(
    """The A An This That These Those It He She They We I In On At By For From With As After
    Before When While If But And Or So Yet Last Next Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September
    October November December"""
)


def names_in(
    index: ArticleIndex, low: int, high: int, subject: Entity, timeout: float
) -> list[tuple[int, bool]]:
    """Named owners in ``text[low:high]``: ``(start, is the fact's subject)``, in order.

    A name counts when it is the subject, a name of the subject's kind (sharing its first
    or last word, in a name of two words or more), or a company named as a rival (``rival
    Brightwell Corp.``).
    """
    text = index.article.text
    hits = index.name_starts(subject, timeout)
    first = bisect.bisect_left(hits, low)
    found: list[tuple[int, bool]] = []
    while first < len(hits) and hits[first] < high:
        found.append((hits[first], True))
        first += 1
    kinds = _kind_words(subject)
    spellings = set(subject.all_spellings)
    for match in _CAPITALISED.finditer(text, low, high):
        run = match.group().rstrip(".'’")
        if run.endswith(("'s", "’s")):
            run = run[:-2]
        words = run.split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        if any(sp in name for sp in spellings):
            continue  # the subject itself, found above
        same_kind = (
            len(words) >= 2
            and (words[0] in kinds or words[-1] in kinds)
            and not _INSTITUTIONS.intersection(words)
        )
        rival = _RIVAL.search(text, max(low, match.start() - 12), match.end()) is not None
        if same_kind or rival:
            found.append((match.start(), False))
    found.sort()
    return found


def row_of_another(index: ArticleIndex, row: Row, subject: Entity, timeout: float) -> bool:
    """A table row whose table names the subject in other rows but not in this one."""
    hits = index.name_starts(subject, timeout)
    first = bisect.bisect_left(hits, row.cells[0][0])
    if first < len(hits) and hits[first] < row.cells[-1][1]:
        return False
    return row.table in index.table_names(subject, timeout)


def column_of_another(
    index: ArticleIndex, row: Row, cell: int, subject: Entity, timeout: float
) -> bool:
    """A table cell under a column header that does not name the subject, in a table whose
    header names it over another column (``| | Telvara | Brightwell |``)."""
    hits = index.name_starts(subject, timeout)

    def named(span: tuple[int, int] | None) -> bool:
        if span is None:
            return False
        first = bisect.bisect_left(hits, span[0])
        return first < len(hits) and hits[first] < span[1]

    columns = row.headers[1:]
    if not any(named(h) for h in columns):
        return False
    return not (0 < cell < len(row.headers) and named(row.headers[cell]))


def _kind_words(subject: Entity) -> frozenset[str]:
    """The first and last words of the subject's spellings of two words or more."""
    words: set[str] = set()
    for spelling in subject.all_spellings:
        parts = spelling.split()
        if len(parts) >= 2:
            words.update((parts[0], parts[-1]))
    return frozenset(words)


_ANTECEDENT_WINDOW = 60  # characters before a relative clause where its noun is named


def antecedent(index: ArticleIndex, start: int, subject: Entity, timeout: float) -> bool | None:
    """Whose is the relative clause at ``start`` (", which …")? The last owner named just
    before it (as :func:`names_in` counts them): True for the subject, False for another,
    None when none is named there."""
    text = index.article.text
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    low = max(0, start - _ANTECEDENT_WINDOW, sentence_start)
    owners = names_in(index, low, start, subject, timeout)
    return owners[-1][1] if owners else None
