"""What a user reads when an article contradicts a fact: plain text, the same everywhere.

The first line is editor-clickable and self-contained (CI viewers and JUnit ``message``
attributes show only it)::

    seeds/002.txt:36:1: sadr-city-parade-size: article says "Thousands of Shias"
    (≥ 2,000 and < 10,000); fact says about 20,000 (18,000–22,000)

(one line in reality). The lines below give the sentence with the mentions underlined,
every mention with its verdict, and where the fact comes from. Lines and columns are
1-based and columns count characters, as editors count them.
"""

from __future__ import annotations

import unicodedata

from . import units
from .dates import WEEKDAY_NAMES
from .facts import Fact
from .intervals import format_interval
from .match import ArticleIndex, Mention, Verdict

# Display columns of the excerpt line (the sentence around the mention).
EXCERPT_WIDTH = 96
MAX_LISTED_MENTIONS = 20
# The quoted article text in the first line is cut to this many characters, so that the
# first line stays well inside the 500 characters pytest's JUnit writer keeps in ``message``.
QUOTE_LIMIT = 80
INDENT = "    "
# Characters of the sentence read on each side of the focus, in multiples of the width:
# enough to fill the excerpt unless whitespace runs collapse.
RAW_MARGIN = 4
CONTRADICTS, AGREES = "CONTRADICTS", "agrees"
# Under the excerpt: a contradicting mention is marked with ^, an agreeing one with -.
MARK_CONTRADICTS, MARK_AGREES = "^", "-"


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks, tabs) turned into one space."""
    return " ".join(text.split())


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_fact(fact: Fact) -> str:
    """The fact's value as written, its tolerance, and the interval they allow.

    ``62 mi ± 5% (58.9–65.1 mi)``; ``more than 70 percent (> 70%)``; ``40,000``; for a date
    fact its days (``2014-06-22 (Sunday)``), for a names fact its names.
    """
    text = one_line(fact.value_text)
    if fact.date is not None:
        first, last = fact.date.first, fact.date.last
        return f"{text} ({WEEKDAY_NAMES[first.weekday()]})" if first == last else text
    if fact.names:
        return text
    if fact.tolerance_text:
        text += f" ± {one_line(fact.tolerance_text)}"
    shown = format_interval(fact.expected, units.symbol(fact.unit))
    return text if shown == text else f"{text} ({shown})"


def describe_mention(mention: Mention, fact: Fact) -> str:
    """``"120 miles" (193 km)``: the article's words and their reading in the fact's unit,
    with the direction of a change (``"6%" (6%, down)``).

    The words are put on one line and cut to :data:`QUOTE_LIMIT` characters.
    """
    words = _shorten(one_line(mention.quantity.text), QUOTE_LIMIT)
    if mention.reading is not None:  # a date or a list of names
        note = f": {mention.note}" if mention.note and not mention.consistent else ""
        return f'"{words}" ({one_line(mention.reading)}{note})'
    shown = format_interval(mention.converted, units.symbol(fact.unit))
    if mention.change:  # a change: "6%" (6%, down)
        shown += f", {mention.change}"
    return f'"{words}" ({shown})'


def mention_position(index: ArticleIndex, mention: Mention) -> tuple[int, int]:
    """The 1-based ``(line, column)`` where ``mention`` starts in its article."""
    return index.article.position(mention.quantity.start)


def first_line(fact: Fact, verdict: Verdict, index: ArticleIndex) -> str:
    """``path:line:col: <fact id>: article says "…" (…); fact says …`` for the focus mention.

    Always a single line, whatever the article's text holds.
    """
    focus = verdict.focus
    if focus is None:
        return f"{index.article.path}:1:1: {fact.id}: not mentioned"
    line, col = mention_position(index, focus)
    if fact.names and focus.reading is not None:
        # "article lists Qaim, Rawa, Ana, Huseiba; fact says …: Huseiba is not one of them"
        note = f": {focus.note}" if focus.note else ""
        return (
            f"{index.article.path}:{line}:{col}: {fact.id}: article lists "
            f"{_shorten(one_line(focus.reading), QUOTE_LIMIT)}; fact says "
            f"{describe_fact(fact)}{note}"
        )
    return (
        f"{index.article.path}:{line}:{col}: {fact.id}: article says "
        f"{describe_mention(focus, fact)}; fact says {describe_fact(fact)}"
    )


def mention_line(fact: Fact, mention: Mention, index: ArticleIndex) -> str:
    """One mention with its verdict: ``path:l:c: "…" (…) agrees``, restatements labelled."""
    line, col = mention_position(index, mention)
    verdict = AGREES if mention.consistent else CONTRADICTS
    text = f"{index.article.path}:{line}:{col}: {describe_mention(mention, fact)} {verdict}"
    if mention.restates is not None:
        restated = _shorten(one_line(mention.restates.text), QUOTE_LIMIT)
        text += f' (restates "{restated}")'
    return text


def failure_text(fact: Fact, verdict: Verdict, index: ArticleIndex) -> str:
    """The whole failure report: first line, excerpt, mentions, and the fact's origin."""
    lines = [first_line(fact, verdict, index)]
    focus = verdict.focus
    if focus is not None:
        lines += ["", *excerpt(index, focus, verdict.mentions)]
    lines += ["", "mentions:"]
    listed = listed_mentions(verdict.mentions)
    lines += [f"  {mention_line(fact, m, index)}" for m in listed]
    if len(listed) < len(verdict.mentions):
        hidden = [m for m in verdict.mentions if m not in listed]
        bad = sum(1 for m in hidden if not m.consistent)
        lines.append(f"  … and {len(hidden)} more ({len(hidden) - bad} agree, {bad} contradict)")
    lines += ["", f"fact: {fact.location.path}:{fact.location.line}: {fact.id}"]
    if fact.claim:
        lines.append(f"claim: {one_line(fact.claim)}")
    if fact.source:
        lines.append(f"source: {one_line(fact.source)}")
    return "\n".join(lines)


def listed_mentions(
    mentions: tuple[Mention, ...], limit: int = MAX_LISTED_MENTIONS
) -> list[Mention]:
    """At most ``limit`` mentions in article order, contradictions first to be kept.

    A long article may state a fact hundreds of times; the report names every
    contradiction it can and only as many agreeing mentions as fit.
    """
    if len(mentions) <= limit:
        return list(mentions)
    bad = [m for m in mentions if not m.consistent][:limit]
    good = [m for m in mentions if m.consistent][: limit - len(bad)]
    keep = {id(m) for m in (*bad, *good)}
    return [m for m in mentions if id(m) in keep]


def char_width(char: str) -> int:
    """Terminal columns taken by ``char``: 0 for combining marks, 2 for wide East Asian."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal columns taken by ``text`` (see :func:`char_width`)."""
    return sum(char_width(c) for c in text)


def excerpt(
    index: ArticleIndex,
    focus: Mention,
    mentions: tuple[Mention, ...] = (),
    width: int = EXCERPT_WIDTH,
) -> list[str]:
    """The focus mention's sentence on one line, and a line marking the mentions in it.

    Whitespace runs (line breaks, tabs, indentation of wrapped lines) show as one space and
    control characters as ``?``, so the marks stay under the words in any terminal. The
    sentence is cut to about ``width`` columns around the focus, with ``…`` where cut.
    Contradicting mentions are marked ``^``, agreeing ones ``-``. Returns two lines.
    """
    article = index.article
    sentence = article.sentences[focus.sentence]
    # Mentions of the focus sentence, the focus last so that its mark wins on overlap.
    marked = [m for m in mentions if m.sentence == focus.sentence and m != focus] + [focus]
    chars: list[str] = []
    marks: list[str] = []
    in_focus: list[int] = []  # displayed indices of the focus mention
    last_space = False
    # Only text near the focus can be shown: a sentence may be megabytes of unpunctuated
    # text, and each character costs Python work below.
    first = max(sentence.start, focus.quantity.start - RAW_MARGIN * width)
    stop = min(sentence.end, focus.quantity.end + RAW_MARGIN * width)
    for offset in range(first, stop):
        char = article.text[offset]
        mark = " "
        for m in marked:
            if m.quantity.start <= offset < m.quantity.end:
                mark = MARK_AGREES if m.consistent else MARK_CONTRADICTS
        if char.isspace():
            if last_space:
                if mark != " ":
                    marks[-1] = mark
                continue
            char, last_space = " ", True
        else:
            last_space = False
            if unicodedata.category(char) == "Cc":
                char = "?"
        if focus.quantity.start <= offset < focus.quantity.end:
            in_focus.append(len(chars))
        chars.append(char)
        marks.append(mark)
    widths = [char_width(c) for c in chars]
    in_focus = in_focus or [0]
    lo, hi = _window(widths, in_focus[0], in_focus[-1] + 1, width)
    prefix = "…" if lo > 0 or first > sentence.start else ""
    suffix = "…" if hi < len(chars) or stop < sentence.end else ""
    shown = "".join(chars[lo:hi])
    under = "".join(m * w for m, w in zip(marks[lo:hi], widths[lo:hi], strict=True))
    return [f"{INDENT}{prefix}{shown}{suffix}", f"{INDENT}{' ' * len(prefix)}{under}".rstrip()]


def _window(widths: list[int], start: int, end: int, width: int) -> tuple[int, int]:
    """Indices ``[lo, hi)`` of at most ``width`` columns around ``[start, end)``.

    The span is centred when it fits; a span wider than ``width`` shows from its start.
    """
    if sum(widths) <= width:
        return 0, len(widths)
    span = sum(widths[start:end])
    lo = start
    if span < width:
        # Move the left edge back by half of the room left around the span.
        room = (width - span) // 2
        while lo > 0 and room - widths[lo - 1] >= 0:
            lo -= 1
            room -= widths[lo]
    hi, used = lo, 0
    while hi < len(widths) and used + widths[hi] <= width:
        used += widths[hi]
        hi += 1
    # Near the end of the sentence, use the room left over on the left.
    while lo > 0 and used + widths[lo - 1] <= width:
        lo -= 1
        used += widths[lo]
    return lo, hi
