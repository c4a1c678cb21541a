"""``--factcheck-html PATH``: one self-contained HTML page of the run.

The page holds, with no network access and no external file:

- the totals, and a *failures only* switch (a checkbox styled by CSS: it works with
  JavaScript off);
- the facts × articles grid: one row per article, one column per fact (numbered; the fact
  list under the grid gives each number's id, claim, expected value, source and fact file
  line), each cell linking to the article at the line of the mention it is about, totals
  at the right of each row and under each column;
- each article's text in numbered, anchored lines (``#a3-L36``), every mention of a fact
  highlighted: red where it contradicts the fact, green where it agrees, amber where the
  disagreement is a known one (``xfail``). Hovering over a mention, or focusing it with the
  keyboard (Tab), shows the fact id, claim, what the article says and the fact allows, the
  source and the fact file's line.

A few lines of inline script add keyboard shortcuts: ``n``/``p`` next or previous
contradiction, ``j``/``k`` next or previous mention, ``f`` failures only. Everything taken
from articles and fact files is escaped. The page's size is linear in the article text plus
the grid; with more than :data:`LAZY_ARTICLES` articles, those below the fold are laid out
only when scrolled to (``content-visibility``), so a thousand articles open in a few seconds.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .html_assets import CSP, LAZY_ARTICLES, LAZY_STYLE, SCRIPT, STYLE
from .outcomes import (
    BAD,
    CUE_ONLY,
    ERROR,
    FAILED,
    NOT_MENTIONED,
    PASSED,
    SKIPPED,
    STATUSES,
    SYMBOLS,
    UNREADABLE,
    XFAILED,
    FactInfo,
    MentionRecord,
    Outcome,
    Results,
)

CLASSES = {PASSED: "p", FAILED: "f", NOT_MENTIONED: "n", XFAILED: "x", ERROR: "e", SKIPPED: "s"}
FAILURES_LISTED = 100
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


def decode(data: bytes) -> str:
    """An article's bytes as the checker reads them: UTF-8, a leading BOM removed."""
    text = data.decode("utf-8", "replace")
    return text[1:] if text.startswith(_BOM) else text


def write(results: Results, rootpath: Path, target: Path) -> None:
    """Write the page for ``results`` to ``target``; articles are read under ``rootpath``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        for chunk in render(results, rootpath):
            handle.write(chunk)


def render(results: Results, rootpath: Path) -> Iterable[str]:
    """The page, in chunks (one per article after the grid), so memory stays small."""
    articles = results.articles()
    facts = results.facts()
    grid = results.grid(articles, facts)
    by_article = results.by_article(articles)
    ids = {article: f"a{n}" for n, article in enumerate(articles, 1)}
    counted = Counter(grid.values())
    present = [s for s in STATUSES if counted[s]]
    totals = {s: counted[s] for s in present}
    per_fact: dict[str, Counter[str]] = {f.id: Counter() for f in facts}
    for (_, fact_id), status in grid.items():
        per_fact[fact_id][status] += 1
    style = STYLE + (LAZY_STYLE if len(articles) > LAZY_ARTICLES else "")
    title = f"pytest-factcheck: {_count(len(facts), 'fact')} × {_count(len(articles), 'article')}"
    yield (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{style}</style></head><body>\n"
        "<header>"
        f"<h1>{_e(title)}</h1>"
        '<p class="totals" id="totals">'
        + "".join(
            f'<span class="{CLASSES[s]}" data-status="{_e(s)}">{SYMBOLS[s]} {_e(s)} '
            f'<b class="count">{totals[s]}</b></span>'
            for s in present
        )
        + '<label class="filter-label"><input type="checkbox" id="failures-only"> failures only'
        "</label></p>"
        '<p class="keys">Keys: <kbd>n</kbd>/<kbd>p</kbd> next/previous contradiction, '
        "<kbd>j</kbd>/<kbd>k</kbd> next/previous mention, <kbd>f</kbd> failures only, "
        "<kbd>Tab</kbd> every mention in turn. Hover or focus a mention for its fact.</p>"
        "</header>\n<main>\n"
    )
    yield _failures(results.failures(), ids)
    yield _grid(articles, facts, grid, by_article, ids, present, per_fact)
    yield _fact_list(facts, present, per_fact)
    for article in articles:
        yield _article(article, ids[article], by_article[article], rootpath, grid, facts)
    yield f"</main><script>{SCRIPT}</script></body></html>\n"


def _failures(failures: Sequence[Outcome], ids: dict[str, str]) -> str:
    """The failures, first thing on the page, each linking to its line."""
    if not failures:
        return (
            '<section id="failures"><h2>Failures</h2>'
            "<p>No article contradicts a fact.</p></section>\n"
        )
    parts = [f'<section id="failures"><h2>Failures ({len(failures)})</h2><ul class="failures">']
    for o in failures[:FAILURES_LISTED]:
        href = f"#{ids[o.article]}-L{o.line}" if o.mentions else f"#{ids[o.article]}"
        parts.append(
            f'<li><a href="{href}">{_e(o.article)}:{o.line}</a> <code>{_e(o.fact.id)}</code>: '
            f'<span class="msg">{_e(_after_location(o.message))}</span></li>'
        )
    if len(failures) > FAILURES_LISTED:
        parts.append(f"<li>… and {len(failures) - FAILURES_LISTED} more (see the grid)</li>")
    parts.append("</ul></section>\n")
    return "".join(parts)


def _after_location(message: str) -> str:
    """A failure's first line without its ``path:line:col: fact-id:`` prefix."""
    head, sep, rest = message.partition(": ")
    if sep and head.count(":") >= 2:
        return rest.partition(": ")[2] or rest
    return message


def _grid(
    articles: Sequence[str],
    facts: Sequence[FactInfo],
    grid: dict[tuple[str, str], str],
    by_article: dict[str, list[Outcome]],
    ids: dict[str, str],
    present: Sequence[str],
    per_fact: dict[str, Counter[str]],
) -> str:
    parts = [
        '<section id="grid"><h2>Facts × articles</h2><div class="grid-wrap">'
        '<table class="grid"><thead><tr><th class="article">article</th>'
    ]
    parts += [
        f'<th><a href="#fact-{n}" title="{_e(f.id)}">{n}</a></th>' for n, f in enumerate(facts, 1)
    ]
    parts += [f'<th title="{_e(s)}">{SYMBOLS[s]}</th>' for s in present]
    parts.append("</tr></thead><tbody>\n")
    for article in articles:
        aid = ids[article]
        where = {o.fact.id: o.line for o in by_article[article] if o.mentions}
        counts = dict.fromkeys(present, 0)
        cells = []
        for fact in facts:
            status = grid[(article, fact.id)]
            counts[status] += 1
            line = where.get(fact.id)
            href = f"#{aid}-L{line}" if line else f"#{aid}"
            label = "" if status == NOT_MENTIONED else f' title="{_e(fact.id)}: {_e(status)}"'
            cells.append(
                f'<td class="{CLASSES[status]}"><a href="{href}"{label}>{SYMBOLS[status]}</a></td>'
            )
        clean = "" if any(counts.get(s) for s in BAD) else " clean"
        parts.append(
            f'<tr class="row{clean}" data-article="{_e(article)}">'
            f'<th class="article"><a href="#{aid}">{_e(article)}</a></th>'
            + "".join(cells)
            + "".join(f'<td class="total">{counts[s]}</td>' for s in present)
            + "</tr>\n"
        )
    parts.append("</tbody><tfoot>")
    for status in present:
        parts.append(
            f'<tr><th class="article">{SYMBOLS[status]} {_e(status)}</th>'
            + "".join(f'<td class="total">{per_fact[f.id][status]}</td>' for f in facts)
            + f'<td class="total" colspan="{len(present)}"></td></tr>'
        )
    parts.append("</tfoot></table></div></section>\n")
    return "".join(parts)


def _fact_list(
    facts: Sequence[FactInfo], present: Sequence[str], per_fact: dict[str, Counter[str]]
) -> str:
    parts = [
        '<section id="facts"><h2>Facts</h2><table class="facts"><thead><tr><th>#</th>'
        "<th>fact</th><th>expected</th><th>claim and source</th><th>fact file</th>"
        + "".join(f'<th title="{_e(s)}">{SYMBOLS[s]}</th>' for s in present)
        + "</tr></thead><tbody>\n"
    ]
    for n, fact in enumerate(facts, 1):
        counts = per_fact[fact.id]
        clean = "" if any(counts.get(s) for s in BAD) else ' class="clean"'
        parts.append(
            f'<tr id="fact-{n}"{clean}><td>{n}</td><td><code>{_e(fact.id)}</code></td>'
            f"<td>{_e(fact.expected)}</td><td>{_e(fact.claim or '')}"
            f"{_source(fact.source)}</td><td><code>{_e(fact.where)}</code></td>"
            + "".join(f"<td>{counts[s]}</td>" for s in present)
            + "</tr>\n"
        )
    parts.append("</tbody></table></section>\n")
    return "".join(parts)


def _source(source: str | None) -> str:
    if not source:
        return ""
    return f"<br><small>source: {_e(source)}</small>"


@dataclass(frozen=True)
class _Span:
    """A mention of one pair, placed in the article."""

    start: int
    end: int
    mention: MentionRecord
    outcome: Outcome


def _article(
    article: str,
    aid: str,
    outcomes: Sequence[Outcome],
    rootpath: Path,
    grid: dict[tuple[str, str], str],
    facts: Sequence[FactInfo],
) -> str:
    statuses = [grid[(article, f.id)] for f in facts]
    bad = any(s in BAD for s in statuses)
    counts = ", ".join(
        f"{SYMBOLS[s]} {s} {statuses.count(s)}" for s in STATUSES if statuses.count(s)
    )
    parts = [
        f'<section class="article{" bad" if bad else " clean"}" id="{aid}" '
        f'data-article="{_e(article)}"><h2>{_e(article)} <a class="up" href="#grid">↑ grid</a>'
        f"</h2><p>{_e(counts)}</p>"
    ]
    listed = [o for o in outcomes if o.status not in (NOT_MENTIONED, PASSED) or o.mentions]
    if listed:
        parts.append('<ul class="verdicts">')
        for o in listed:
            line = f' <a href="#{aid}-L{o.line}">line {o.line}</a>' if o.mentions else ""
            detail = _after_location(o.message) if o.status in BAD else _verdict_words(o)
            parts.append(
                f'<li class="{CLASSES[o.status]}">{SYMBOLS[o.status]} <code>{_e(o.fact.id)}</code>'
                f"{line}: {_e(detail)}</li>"
            )
        parts.append("</ul>")
    unreadable = next((o for o in outcomes if o.failure == UNREADABLE), None)
    if unreadable is not None:
        parts.append(f'<p class="error">{_e(unreadable.message)}</p></section>\n')
        return "".join(parts)
    try:
        text = decode(Path(rootpath, article).read_bytes())
    except OSError as error:
        parts.append(f'<p class="error">cannot read article: {_e(str(error))}</p></section>\n')
        return "".join(parts)
    spans = [
        _Span(m.start, m.end, m, o)
        for o in outcomes
        for m in o.mentions
        if 0 <= m.start < m.end <= len(text)
    ]
    parts.append(f'<div class="src">{_lines(text, aid, spans)}</div></section>\n')
    return "".join(parts)


def _verdict_words(outcome: Outcome) -> str:
    if outcome.status == PASSED:
        return "agrees (" + "; ".join(f'"{_one(m.text)}"' for m in outcome.mentions) + ")"
    return outcome.message or outcome.status


def _lines(text: str, aid: str, spans: Sequence[_Span]) -> str:
    """Numbered lines with the mentions marked; a mention crossing lines is marked on each.

    Linear in the text plus the mentions (times the lines each one spans).
    """
    starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()
    per_line: dict[int, list[_Span]] = {}
    for span in spans:
        first = bisect.bisect_right(starts, span.start) - 1
        last = bisect.bisect_right(starts, span.end - 1) - 1
        for line in range(first, last + 1):
            per_line.setdefault(line, []).append(span)
    out: list[str] = []
    for line, begin in enumerate(starts):
        finish = starts[line + 1] if line + 1 < len(starts) else len(text)
        end = begin + len(text[begin:finish].rstrip("\r\n"))
        number = line + 1
        out.append(
            f'<div class="l" id="{aid}-L{number}"><a class="n" href="#{aid}-L{number}">'
            f"{number}</a>"
            f'<span class="t">{_marked(text, begin, end, per_line.get(line, ()))}</span></div>'
        )
    return "\n".join(out)


def _marked(text: str, begin: int, end: int, spans: Sequence[_Span]) -> str:
    """``text[begin:end]`` escaped, each stretch covered by mentions in one ``<mark>``.

    One sweep over the mentions' ends: mentions may overlap or nest.
    """
    if not spans:
        return _e(text[begin:end])
    ordered = sorted(spans, key=lambda s: s.start)
    cuts = sorted(
        {begin, end, *(max(begin, s.start) for s in spans), *(min(end, s.end) for s in spans)}
    )
    parts = []
    active: list[_Span] = []
    next_span = 0
    for lo, hi in itertools.pairwise(cuts):
        while next_span < len(ordered) and ordered[next_span].start <= lo:
            active.append(ordered[next_span])
            next_span += 1
        active = [s for s in active if s.end > lo]
        piece = _e(text[lo:hi])
        parts.append(_mark(piece, active) if active else piece)
    return "".join(parts)


def _mark(piece: str, covering: Sequence[_Span]) -> str:
    bad = [s for s in covering if s.mention.contradicts and s.outcome.status != XFAILED]
    known = [s for s in covering if s.mention.contradicts and s.outcome.status == XFAILED]
    cue_only = all(s.mention.verdict == CUE_ONLY for s in covering)
    kind = "bad" if bad else "xf" if known else "cue" if cue_only else "ok"
    facts = " ".join(dict.fromkeys(s.outcome.fact.id for s in covering))
    tip = "<hr>".join(_tip(s) for s in covering)
    return (
        f'<mark class="{kind}" tabindex="0" data-facts="{_e(facts)}">{piece}'
        f'<span class="tip" role="tooltip"><span class="br"> [</span>{tip}'
        '<span class="br">]</span></span></mark>'
    )


def _tip(span: _Span) -> str:
    m, o, fact = span.mention, span.outcome, span.outcome.fact
    if m.verdict == CUE_ONLY:
        rows = [
            f'<b>{_e(fact.id)}: <span class="v-cue">cue found, no comparable value</span></b>',
            f"the fact's cue /{_e(m.reading)}/ matches “{_e(_one(m.text))}”",
            f"fact says {_e(fact.expected)}",
        ]
        if o.message:
            rows.append(f"skipped: {_e(o.message)}")
        return rows[0] + "<br>".join(rows[1:])
    if m.contradicts:
        verdict = "known disagreement" if o.status == XFAILED else "CONTRADICTS"
        cls = "v-bad"
    else:
        verdict, cls = "agrees", "v-ok"
    rows = [
        f'<b>{_e(fact.id)}: <span class="{cls}">{verdict}</span></b>',
        f"article says “{_e(_one(m.text))}” ({_e(m.reading)})",
        f"fact says {_e(fact.expected)}",
    ]
    if m.restates:
        rows.append(f"restates “{_e(m.restates)}”")
    if fact.claim:
        rows.append(f"claim: {_e(fact.claim)}")
    if fact.source:
        rows.append(f"source: {_e(fact.source)}")
    if fact.where:
        rows.append(f"fact file: {_e(fact.where)}")
    return rows[0] + "<br>".join(rows[1:])


def _one(text: str) -> str:
    return " ".join(text.split())


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
