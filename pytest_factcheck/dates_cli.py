"""``python -m pytest_factcheck dates [FILE ...] [--json]``: the dates an article states.

Each file's own date comes first (and where it was found: front matter, ``articles.yaml``
or the dateline), then every date expression with the days it is read as, so that a user
can draft ``date:`` facts the way ``quantities`` helps draft numeric ones.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .dates import WEEKDAY_NAMES, DateReading, DateSpan, read_dates
from .metadata import read_metadata
from .quantities import extract

STDIN = "-"


def article_readings(text: str, path: str) -> tuple[str | None, list[DateReading]]:
    """The article's own date as ``"2014-06-22 (dateline)"`` (None without one) and every
    date expression of ``text``, read as the checker reads them."""
    metadata = read_metadata(text, None if path == STDIN else Path(path), path)
    spans = [DateSpan(q.start, q.end, q.kind) for q in extract(text) if q.kind in _KINDS]
    own = metadata.date
    label = None if own is None else f"{own.day.isoformat()} ({own.source})"
    return label, read_dates(text, spans, own)


_KINDS = frozenset({"date", "year", "identifier"})


def record(path: str, text: str, reading: DateReading) -> dict[str, object]:
    """The JSON object for one date expression."""
    line = text.count("\n", 0, reading.start) + 1
    col = reading.start - (text.rfind("\n", 0, reading.start) + 1) + 1
    days = reading.days
    return {
        "path": path,
        "start": reading.start,
        "end": reading.end,
        "line": line,
        "col": col,
        "text": reading.text,
        "first": None if days is None else days.first.isoformat(),
        "last": None if days is None else days.last.isoformat(),
        "weekday": None if reading.weekday is None else WEEKDAY_NAMES[reading.weekday],
        "month": reading.month,
        "reading": reading.describe(),
    }


def run_dates(
    paths: Sequence[str],
    read_text: Callable[[str], str],
    *,
    as_json: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print the dates of each file, read with ``read_text`` (which raises ``OSError`` or
    ``UnicodeDecodeError``); return 1 if any file could not be read, else 0."""
    out = out or sys.stdout
    err = err or sys.stderr
    status = 0
    for path in paths:
        try:
            text = read_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            print(f"{path}: cannot read: {reason or exc}; skipped", file=err)
            status = 1
            continue
        own, readings = article_readings(text, path)
        if as_json:
            for reading in readings:
                out.write(json.dumps(record(path, text, reading), ensure_ascii=False) + "\n")
            continue
        out.write(f"{path}: article date {own or 'unknown'}\n")
        for reading in readings:
            row = record(path, text, reading)
            words = " ".join(reading.text.split())
            out.write(f"{path}:{row['line']}:{row['col']}  {words}  {reading.describe()}\n")
    out.flush()
    return status
