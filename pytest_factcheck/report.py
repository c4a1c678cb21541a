"""What a user reads when an article contradicts a fact: plain text, the same everywhere.

The first line is editor-clickable and self-contained (CI viewers and JUnit ``message``
attributes show only it); the lines below give the sentence, every mention with its
verdict, and where the fact comes from.
"""

from __future__ import annotations

from . import units
from .facts import Fact
from .intervals import format_interval
from .match import ArticleIndex, Mention, Verdict

EXCERPT_WIDTH = 100


def describe_fact(fact: Fact) -> str:
    """The fact's value as written, its tolerance, and the interval they allow.

    ``62 mi ± 5% (58.9–65.1 mi)``; ``more than 70 percent (> 70%)``; ``4 towns``.
    """
    text = fact.value_text.strip()
    if fact.tolerance_text:
        text += f" ± {fact.tolerance_text.strip()}"
    shown = format_interval(fact.expected, units.symbol(fact.unit))
    return text if shown == text else f"{text} ({shown})"


def describe_mention(mention: Mention, fact: Fact) -> str:
    """``"120 miles" (193 km)``: the article's words and their reading in the fact's unit."""
    return (
        f'"{mention.quantity.text}" ({format_interval(mention.converted, units.symbol(fact.unit))})'
    )


def first_line(fact: Fact, verdict: Verdict, index: ArticleIndex) -> str:
    """``path:line:col: <fact id>: article says "…" (…); fact says …`` for the focus mention."""
    focus = verdict.focus
    if focus is None:
        return f"{index.article.path}:1:1: {fact.id}: not mentioned"
    line, col = index.article.position(focus.quantity.start)
    return (
        f"{index.article.path}:{line}:{col}: {fact.id}: article says "
        f"{describe_mention(focus, fact)}; fact says {describe_fact(fact)}"
    )


def failure_text(fact: Fact, verdict: Verdict, index: ArticleIndex) -> str:
    """The whole failure report: first line, excerpt, mentions, and the fact's origin."""
    lines = [first_line(fact, verdict, index)]
    focus = verdict.focus
    if focus is not None:
        lines += ["", *excerpt(index, focus)]
    lines += ["", "mentions:"]
    for mention in verdict.mentions:
        line, col = index.article.position(mention.quantity.start)
        verdict_word = "agrees" if mention.consistent else "CONTRADICTS"
        lines.append(
            f"  {index.article.path}:{line}:{col}: {describe_mention(mention, fact)} {verdict_word}"
        )
    lines += ["", f"fact: {fact.location.path}:{fact.location.line}: {fact.id}"]
    if fact.claim:
        lines.append(f"claim: {fact.claim}")
    if fact.source:
        lines.append(f"source: {fact.source}")
    return "\n".join(lines)


def excerpt(index: ArticleIndex, mention: Mention, width: int = EXCERPT_WIDTH) -> list[str]:
    """The mention's sentence on one line (cut to ``width`` around it), underlined with ^."""
    article = index.article
    sentence = article.sentences[mention.sentence]
    text = article.text[sentence.start : sentence.end]
    # Line breaks and tabs become spaces so that the underline stays under the mention.
    text = "".join(" " if c in "\r\n\t" else c for c in text)
    start = mention.quantity.start - sentence.start
    end = min(mention.quantity.end - sentence.start, len(text))
    lo = max(0, min(start - (width - (end - start)) // 2, len(text) - width))
    hi = min(len(text), lo + width)
    shown = text[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    pad = " " * (len(prefix) + start - lo)
    return [f"    {prefix}{shown}{suffix}", f"    {pad}{'^' * max(1, min(end, hi) - start)}"]
