"""Printing to a terminal that cannot show every character: degrade per character.

Articles and reports are full of characters an ASCII or Latin-1 terminal cannot show
(``—``, ``“``, ``±``, ``café``). pytest, when one character of a report cannot be encoded,
escapes the whole report instead, newlines included, so a failure becomes one unreadable
line. While ``--factcheck`` is on, the terminal's stream instead degrades each character it
cannot encode on its own. Characters of prose become one ASCII character each (``—`` to
``-``, ``“`` to ``"``, anything unknown to ``?``), so the ``^^^`` under a quoted sentence
still points at the mention; the report's own symbols, which never stand in a quoted
sentence before a mention, get their ASCII spelling (``±`` to ``+/-``, ``≥`` to ``>=``).
Files and reports (JUnit XML, ``$GITHUB_STEP_SUMMARY``) keep the real characters.
"""

from __future__ import annotations

import codecs
from typing import Any

import pytest

HANDLER = "pytest-factcheck-degrade"

# One character for one, so that columns stay where they were.
PROSE = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2212": "-",  # minus sign
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2026": ".",  # an ellipsis, where the report shortens a sentence
    "\u00a0": " ",
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2022": "*",  # bullet
    "\u00b7": ".",
}
# The report's own symbols: these may take more room.
SYMBOLS = {
    "\u00b1": "+/-",
    "\u00d7": "x",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2248": "~",
    "\u221e": "inf",
    "\u2713": "+",  # check mark
    "\u2717": "F",  # ballot x
}
UNKNOWN = "?"


def _degrade(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    replaced = "".join(PROSE.get(char) or SYMBOLS.get(char) or UNKNOWN for char in text)
    return replaced, error.end


codecs.register_error(HANDLER, _degrade)


def forgive(stream: Any) -> bool:
    """Make ``stream`` degrade unencodable characters one by one; True when it now does.

    Only a text stream that would raise (``errors='strict'``) is changed.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) != "strict":
        return False
    try:
        reconfigure(errors=HANDLER)
    except (ValueError, OSError):  # a closed or detached stream
        return False
    return True


class ForgivingTerminal:
    """Registered with ``--factcheck``: applies :func:`forgive` to pytest's terminal."""

    NAME = "factcheck-forgiving-terminal"

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        writer = session.config.get_terminal_writer()
        # pytest's TerminalWriter has no public attribute for its stream.
        forgive(getattr(writer, "_file", None))
