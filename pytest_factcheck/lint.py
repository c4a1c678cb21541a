"""``python -m pytest_factcheck check [--facts PATH ...]``: load fact files without articles.

It loads the fact files exactly as ``pytest --factcheck`` does (entities and units are
shared across files, so the whole set is loaded, not one file alone) and prints every
problem, one located line each, so that an editor, a pre-commit hook or CI can lint facts
before any article is checked. Exit status: 0 when every fact loads, 2 when any problem
was found (the status ``pytest --factcheck`` ends with for the same files).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .encoding import forgive
from .factfile import load_facts

DEFAULT_FACTS = "facts"
PROBLEMS_FOUND = 2


def _display(path: Path) -> str:
    """``path`` relative to the working directory when it is under it, as pytest shows it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def run_check(paths: Sequence[str], *, approx: float = 0.10, out: TextIO | None = None) -> int:
    """Load the fact files under ``paths``, print every problem; return 0 or 2."""
    if out is None:
        out = sys.stdout
        # A message quotes the file's own text: print it under any output encoding.
        forgive(out)
    facts = load_facts([Path(p) for p in paths or [DEFAULT_FACTS]], display=_display, approx=approx)
    for problem in facts.problems:
        out.write(f"{problem}\n")
    for warning in facts.warnings:
        out.write(f"warning: {warning}\n")
    summary = (
        f"{_plural(len(facts.facts), 'good fact')} in {_plural(len(facts.files), 'fact file')}"
    )
    if facts.problems:
        out.write(f"{summary}; {_plural(len(facts.problems), 'problem')}\n")
        return PROBLEMS_FOUND
    if not facts.files:
        where = ", ".join(paths or [DEFAULT_FACTS])
        out.write(f"no fact files (*.yaml, *.yml) under {where}\n")
        return PROBLEMS_FOUND
    out.write(f"{summary}; no problems\n")
    out.flush()
    return 0
