"""``--factcheck-rdjson PATH``: reviewdog diagnostics, one JSON object a line (rdjsonl).

``reviewdog -f=rdjsonl`` turns each line into a pull-request comment on the article line:

- one ``ERROR`` per contradicting mention, its range the mention's words, ``code.value``
  the fact id, the message what the article says and what the fact allows;
- one ``ERROR`` per unreadable article and per cue that ran too long, on line 1;
- one per problem of a fact file (``ERROR``) or warning about one (``WARNING``), at the
  problem's line and column in the fact file.

Columns: reviewdog counts a column in UTF-8 bytes (``a𐐀b``: ``b`` is column 6), while the
checker counts characters. Mentions carry both (worked out where the article's text is at
hand); for fact-file notes the fact file's line is read again to convert. A known
disagreement (``xfail``) gives no diagnostic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .outcomes import (
    CONTRADICTION,
    FAILED,
    TIMEOUT,
    UNREADABLE,
    WARNING_SEVERITY,
    Note,
    Outcome,
    Results,
    byte_column,
)

SOURCE = {"name": "pytest-factcheck"}


def diagnostics(results: Results, rootpath: Path) -> Iterator[dict[str, Any]]:
    """Every diagnostic of the run: fact-file notes first, then failures by article."""
    for note in results.notes:
        yield _note(note, rootpath)
    unreadable: set[str] = set()
    for outcome in results.failures():
        if outcome.failure == UNREADABLE:
            if outcome.article not in unreadable:
                unreadable.add(outcome.article)
                yield _diagnostic(outcome.message, outcome.article, UNREADABLE, None)
        elif outcome.failure == TIMEOUT:
            yield _diagnostic(outcome.message, outcome.article, outcome.fact.id, None)
        elif outcome.failure == CONTRADICTION and outcome.status == FAILED:
            yield from _contradictions(outcome)


def _contradictions(outcome: Outcome) -> Iterator[dict[str, Any]]:
    fact = outcome.fact
    for m in outcome.mentions:
        if not m.contradicts:
            continue
        words = " ".join(m.text.split())
        message = f'{fact.id}: article says "{words}" ({m.reading}); fact says {fact.expected}'
        if fact.claim:
            message += f"\nclaim: {fact.claim}"
        if fact.source:
            message += f"\nsource: {fact.source}"
        if fact.where:
            message += f"\nfact: {fact.where}"
        span = {
            "start": {"line": m.line, "column": m.byte_col},
            "end": {"line": m.end_line, "column": m.end_byte_col},
        }
        yield _diagnostic(message, outcome.article, fact.id, span)


def _note(note: Note, rootpath: Path) -> dict[str, Any]:
    column = note.col
    if column > 1:
        column = byte_column(_line_of(Path(rootpath, note.path), note.line), column)
    severity = "WARNING" if note.severity == WARNING_SEVERITY else "ERROR"
    span = {"start": {"line": note.line, "column": column}}
    return _diagnostic(note.message, note.path, note.title, span, severity)


def _line_of(path: Path, line: int) -> str:
    """Line ``line`` (1-based) of a text file, or empty when it cannot be read."""
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for number, text in enumerate(handle, 1):
                if number == line:
                    return text.rstrip("\r\n")
    except OSError:
        pass
    return ""


def _diagnostic(
    message: str,
    path: str,
    code: str,
    span: dict[str, Any] | None,
    severity: str = "ERROR",
) -> dict[str, Any]:
    location: dict[str, Any] = {"path": path}
    location["range"] = span if span is not None else {"start": {"line": 1}}
    return {
        "message": message,
        "location": location,
        "severity": severity,
        "source": SOURCE,
        "code": {"value": code},
    }


def lines(results: Results, rootpath: Path) -> Iterable[str]:
    """The rdjsonl text, one diagnostic a line."""
    for diagnostic in diagnostics(results, rootpath):
        yield json.dumps(diagnostic, ensure_ascii=False) + "\n"


def write(results: Results, rootpath: Path, target: Path) -> None:
    """Write the diagnostics to ``target`` (an empty file when there are none)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(lines(results, rootpath))
