"""GitHub Actions: ``::error`` annotations for each failure, and a step summary table.

When the environment has ``GITHUB_ACTIONS=true``, the end of the run prints, once per
contradiction (and per broken fact file entry, per unreadable article, per cue timeout)::

    ::error file=seeds/002.txt,line=36,col=1,title=sadr-city-parade-size::seeds/002.txt:36:1: …

GitHub turns these lines into annotations on the article's line in the pull request (a
warning about a fact file is a ``::warning``). It shows only :data:`STEP_LIMIT` error
annotations per step (and as many warnings) and drops the rest silently, so
past that many the rest are printed as plain lines after one ``::notice`` saying how many
were not annotated and where they are. When ``GITHUB_STEP_SUMMARY`` names a file, a
Markdown table of the failures is appended to it (GitHub shows it on the run's page).

Everything here reads the run's records (:mod:`pytest_factcheck.outcomes`), which reach
the pytest-xdist controller, so each annotation is printed exactly once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .outcomes import (
    BAD,
    CONTRADICTION,
    STATUSES,
    TIMEOUT,
    UNREADABLE,
    WARNING_SEVERITY,
    Outcome,
    Results,
)

# GitHub shows at most this many error annotations of one step (and 50 of a job).
STEP_LIMIT = 10
# Rows of the step summary's table; GitHub takes at most 1 MiB of summary per step.
SUMMARY_ROWS = 200


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    """True when running as a GitHub Actions step (``GITHUB_ACTIONS=true``)."""
    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A workflow command's message, escaped per GitHub's rules (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(
    *, file: str, line: int, col: int, title: str, message: str, kind: str = "error"
) -> str:
    """``::error file=…,line=…,col=…,title=…::message``, every part escaped."""
    props = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (("file", file), ("line", line), ("col", col), ("title", title))
    )
    return f"::{kind} {props}::{escape_data(message)}"


@dataclass(frozen=True)
class Annotation:
    """One annotation: where, titled what, saying what; ``kind`` is error or warning."""

    file: str
    line: int
    col: int
    title: str
    message: str
    kind: str = "error"


def annotations_of(results: Results) -> list[Annotation]:
    """The run's annotations: fact-file problems first, then failures by article and fact.

    An unreadable article is annotated once, not once per fact. Failures that are not the
    checker's own (a bug, an xpass) give none: pytest's own output has them.
    """
    found: dict[Annotation, None] = {}
    for note in results.notes:
        kind = "warning" if note.severity == WARNING_SEVERITY else "error"
        found.setdefault(Annotation(note.path, note.line, note.col, note.title, note.message, kind))
    for outcome in results.failures():
        annotation = _for_outcome(outcome)
        if annotation is not None:
            found.setdefault(annotation)
    return list(found)


def _for_outcome(outcome: Outcome) -> Annotation | None:
    article = outcome.article
    if outcome.failure == UNREADABLE:
        return Annotation(article, 1, 1, UNREADABLE, outcome.message)
    if outcome.failure == TIMEOUT:
        return Annotation(article, 1, 1, outcome.fact.id, outcome.message)
    if outcome.failure == CONTRADICTION:
        return Annotation(article, outcome.line, outcome.col, outcome.fact.id, outcome.message)
    return None


def lines(
    results: Results, rootpath: Path, workspace: str | None = None, limit: int = STEP_LIMIT
) -> list[str]:
    """The workflow commands, then (past ``limit``) a notice and the rest as plain lines.

    Paths are relative to the rootdir; GitHub wants them relative to the repository
    (``GITHUB_WORKSPACE``), so they are rewritten when the rootdir lies inside it.
    """
    found = annotations_of(results)
    shown = {kind: [a for a in found if a.kind == kind][:limit] for kind in ("error", "warning")}
    out = [
        command(
            file=_relative(a.file, rootpath, workspace),
            line=a.line,
            col=a.col,
            title=a.title,
            message=a.message,
            kind=a.kind,
        )
        for a in found
        if a in shown[a.kind]
    ]
    hidden = [a for a in found if a not in shown[a.kind]]
    if hidden:
        where = ", the step summary" if os.environ.get("GITHUB_STEP_SUMMARY") else ""
        what = "failures" if all(a.kind == "error" for a in hidden) else "failures and warnings"
        out.append(
            f"::notice title=pytest-factcheck::{len(hidden)} more {what} are not annotated "
            f"(GitHub shows {limit} error annotations per step): see the lines below{where}, "
            "the terminal report or the JUnit XML report"
        )
        out += [a.message for a in hidden]
    return out


def write_annotations(results: Results, terminal: Any, rootpath: Path) -> None:
    """Print the workflow commands (no section header: GitHub reads them anywhere)."""
    for text in lines(results, rootpath, os.environ.get("GITHUB_WORKSPACE")):
        terminal.write_line(text)


def step_summary(results: Results, rows: int = SUMMARY_ROWS) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the counts, and a table of the failures."""
    grid = results.grid()
    counts: dict[str, int] = {}
    for status in grid.values():
        counts[status] = counts.get(status, 0) + 1
    articles, facts = len(results.articles()), len(results.facts())
    totals = ", ".join(f"{s} {counts[s]}" for s in STATUSES if s in counts)
    head = f"{_count(facts, 'fact')} × {_count(articles, 'article')}: {totals}"
    out = ["## pytest-factcheck", "", head, ""]
    failures = results.failures()
    problems = list(results.notes)
    if problems:
        out += ["| fact file | problem |", "| --- | --- |"]
        out += [f"| `{_cell(n.path)}:{n.line}` | {_cell(n.message)} |" for n in problems]
        out.append("")
    if failures:
        out += ["| article | fact | article says | fact says |", "| --- | --- | --- | --- |"]
        for outcome in failures[:rows]:
            says = "; ".join(
                f'"{_quote(m.text)}" ({m.reading})' for m in outcome.mentions if m.contradicts
            )
            if not says:
                says = outcome.message.split(": ", 2)[-1] if outcome.message else outcome.status
            out.append(
                f"| `{_cell(outcome.article)}:{outcome.line}` | `{_cell(outcome.fact.id)}` | "
                f"{_cell(says)} | {_cell(outcome.fact.expected)} |"
            )
        if len(failures) > rows:
            out.append(f"\n… and {len(failures) - rows} more failures (see the job's log).")
    elif not problems and not any(s in BAD for s in grid.values()):
        out.append("No article contradicts a fact.")
    return "\n".join(out) + "\n"


def write_step_summary(results: Results, environ: Mapping[str, str] | None = None) -> None:
    """Append :func:`step_summary` to the file ``$GITHUB_STEP_SUMMARY`` names, if any."""
    env = os.environ if environ is None else environ
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target or not (results.outcomes or results.notes):
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(step_summary(results))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _quote(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 80 else words[:79] + "…"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes and backticks escaped."""
    one = " ".join(str(text).split())
    return one.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def _relative(file: str, rootpath: Path, workspace: str | None) -> str:
    if not workspace:
        return file
    try:
        return Path(rootpath, file).resolve().relative_to(Path(workspace).resolve()).as_posix()
    except ValueError:
        return file
