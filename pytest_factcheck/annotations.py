"""GitHub Actions annotations: each failure is also one ``::error`` workflow command.

When the environment has ``GITHUB_ACTIONS=true``, the end of the run prints, once per
contradiction (and per broken fact file entry, per unreadable article, per cue timeout)::

    ::error file=seeds/002.txt,line=36,col=1,title=sadr-city-parade-size::seeds/002.txt:36:1: …

GitHub turns these lines into annotations on the article's line in the pull request.
What an annotation needs is computed where the failure happens (``pytest_runtest_makereport``)
and stored on the report as plain data, so it survives pytest-xdist's serialisation and the
controller prints every annotation exactly once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .articles import ArticleError
from .collect import Contradiction, FactFileError, FactItem
from .match import CueTimeout

# The report attribute holding a list of annotations (dicts of str and int).
ATTRIBUTE = "factcheck_annotations"
UNREADABLE = "unreadable article"


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


def command(*, file: str, line: int, col: int, title: str, message: str) -> str:
    """``::error file=…,line=…,col=…,title=…::message``, every part escaped."""
    props = ",".join(
        f"{name}={escape_property(str(value))}"
        for name, value in (("file", file), ("line", line), ("col", col), ("title", title))
    )
    return f"::error {props}::{escape_data(message)}"


def for_failure(
    item: pytest.Item, call: pytest.CallInfo[None], longrepr: str
) -> list[dict[str, Any]]:
    """The annotations a failed fact item or fact file stands for (plain, serialisable data).

    ``longrepr`` is the failure text; for a fact item its first line is the message. The
    position is the item's focus mention. Failures that are not the checker's own (a bug,
    an xpass) give none.
    """
    if isinstance(item, FactFileError):
        return [
            {
                "file": p.location.path,
                "line": p.location.line,
                "col": p.location.col,
                "title": p.fact_id or "fact file",
                "message": str(p),
            }
            for p in item.problems
        ]
    if not isinstance(item, FactItem) or call.excinfo is None:
        return []
    error = call.excinfo.value
    article = item.article_path
    if isinstance(error, ArticleError):
        # Once per article, not once per fact: the dict is the same for every fact.
        message = f"{article}:1:1: {error}"
        return [{"file": article, "line": 1, "col": 1, "title": UNREADABLE, "message": message}]
    if not isinstance(error, Contradiction | CueTimeout):
        return []
    first = longrepr.partition("\n")[0]
    line, col = (1, 1) if isinstance(error, CueTimeout) else item.focus_position() or (1, 1)
    return [{"file": article, "line": line, "col": col, "title": item.fact.id, "message": first}]


@dataclass
class Annotations:
    """Annotations gathered from reports as they arrive, each kept once, in arrival order."""

    items: dict[tuple[str, int, int, str, str], None] = field(default_factory=dict)

    def add(self, report: Any) -> None:
        """Keep the annotations a report carries (see :func:`for_failure`)."""
        for a in getattr(report, ATTRIBUTE, None) or ():
            key = (
                str(a["file"]),
                int(a["line"]),
                int(a["col"]),
                str(a["title"]),
                str(a["message"]),
            )
            self.items.setdefault(key, None)

    def lines(self, rootpath: Path, workspace: str | None = None) -> list[str]:
        """One workflow command per annotation.

        Paths are relative to the rootdir; GitHub wants them relative to the repository
        (``GITHUB_WORKSPACE``), so they are rewritten when the rootdir lies inside it.
        """
        out = []
        for file, line, col, title, message in self.items:
            out.append(
                command(
                    file=_relative(file, rootpath, workspace),
                    line=line,
                    col=col,
                    title=title,
                    message=message,
                )
            )
        return out

    def write(self, terminal: Any, rootpath: Path) -> None:
        """Print the workflow commands (no section header: GitHub reads them anywhere)."""
        for text in self.lines(rootpath, os.environ.get("GITHUB_WORKSPACE")):
            terminal.write_line(text)


def _relative(file: str, rootpath: Path, workspace: str | None) -> str:
    if not workspace:
        return file
    try:
        return Path(rootpath, file).resolve().relative_to(Path(workspace).resolve()).as_posix()
    except ValueError:
        return file
