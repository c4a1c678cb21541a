"""An article's metadata (date, outlet, url, title) and where each came from.

Three sources, in this order for each field:

1. YAML front matter of a Markdown article (or of a text file that opens the same way): a
   first line ``---``, then YAML, then a line ``---`` (or ``...``). Read with the safe
   loader; only ``date``, ``outlet``, ``url`` and ``title`` are used, other keys are the
   author's business.
2. An ``articles.yaml`` index in the article's folder: a mapping from file name to the same
   fields. Every bad entry is a located problem (:func:`read_index`), and is ignored.
3. For the date only: a dateline, a line among the first :data:`DATELINE_LINES` that holds
   only a full date (``June 22, 2014``, ``22 June 2014``, ``Sunday, June 22, 2014``,
   ``2014-06-22``).

A date is an ISO day (``2014-06-22``, also with a time after it) or a full date written as
in a dateline. :class:`~.dates.ArticleDate` keeps the source's name, so that a report can
say which one gave the date a weekday was counted from.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .dates import ArticleDate, parse_fact_date
from .errors import Location, Problem
from .nonquantities import MONTHS
from .yamlmarks import Invalid, Map, MarkedNode, Scalar, kind_of, load_bytes, load_text

INDEX_NAME = "articles.yaml"
FIELDS = ("date", "outlet", "url", "title")
DATELINE_LINES = 10
MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_INDEX_BYTES = 5 * 1024 * 1024

FRONT_MATTER, INDEX, DATELINE = "front matter", INDEX_NAME, "dateline"

_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)?"
_FULL_DATE = re.compile(
    rf"[ \t]*{_WEEKDAY}(?:"
    rf"(?P<m1>{MONTHS})\.?[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m2>{MONTHS})\.?,?[ \t]+(?P<y2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf")[ \t]*\Z",
    re.IGNORECASE,  # "JUNE 22, 2014" in an upper-case dateline
)
_MONTH_NUMBER = {name.lower()[:3]: i for i, name in enumerate(calendar.month_name) if name}
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z ]*)?\s*\Z")


@dataclass(frozen=True)
class ArticleMetadata:
    """What is known about an article besides its text."""

    date: ArticleDate | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def parse_full_date(text: str) -> dt.date | None:
    """The day of ``June 22, 2014``, ``22 June 2014``, ``Sunday, June 22, 2014`` or
    ``2014-06-22`` (the whole text, spaces aside); None for anything else."""
    m = _FULL_DATE.match(text)
    if m is None:
        iso = _ISO_PREFIX.match(text)
        return _iso_day(iso.group(1)) if iso else None
    if m.group("iso"):
        return _iso_day(m.group("iso"))
    month = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    year = m.group("y1") or m.group("y2")
    try:
        return dt.date(int(year), _MONTH_NUMBER[month.lower()[:3]], int(day))
    except ValueError:
        return None


def _iso_day(text: str) -> dt.date | None:
    try:
        days = parse_fact_date(text)
    except ValueError:
        return None
    return days.first if days.first == days.last else None


def dateline(text: str) -> dt.date | None:
    """The date of the first of the first ten lines that holds only a full date."""
    start = 0
    for _ in range(DATELINE_LINES):
        end = text.find("\n", start)
        line = text[start : len(text) if end == -1 else end].rstrip("\r")
        # A dateline is short; a long first line (an unwrapped paragraph) is not one.
        if len(line) <= 80 and line.strip():
            day = parse_full_date(line)
            if day is not None:
                return day
        if end == -1:
            break
        start = end + 1
    return None


def front_matter_block(text: str) -> tuple[str, int] | None:
    """The YAML between a leading ``---`` line and the closing one, with the line (1-based)
    it starts on; None when the text does not open with front matter."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], 1):
        if line.rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:i]), 2
    return None


def _fields(
    node: MarkedNode, where: str, shift: int, strict: bool
) -> tuple[dict[str, str], list[Problem]]:
    """The known fields of a mapping as text; problems for bad values (and, when
    ``strict``, unknown keys). ``shift`` is added to line numbers."""
    problems: list[Problem] = []

    def at(n: MarkedNode, message: str) -> None:
        problems.append(Problem(Location(where, n.start.line + shift, n.start.col), message))

    found: dict[str, str] = {}
    if not isinstance(node, Map):
        if not isinstance(node, Invalid):
            at(node, f"expected a mapping of {', '.join(FIELDS)}, not {kind_of(node)}")
        return found, problems
    for key, value in node.items:
        name = key.text
        if name not in FIELDS:
            if strict:
                at(key, f"unknown key {name!r}; an entry has {', '.join(FIELDS)}")
            continue
        if isinstance(value, Invalid):
            continue
        if not isinstance(value, Scalar) or value.value is None or not value.text.strip():
            at(value, f"{name} must be text, not {kind_of(value)}")
            continue
        if name == "date" and parse_full_date(value.text) is None:
            at(
                value,
                f"date {value.text!r} is not a full date; write 2014-06-22 or June 22, 2014",
            )
            continue
        found[name] = value.text.strip()
    return found, problems


def read_front_matter(text: str, where: str) -> tuple[dict[str, str], list[Problem]]:
    """The fields of a Markdown article's front matter, and located problems."""
    block = front_matter_block(text)
    if block is None:
        return {}, []
    yaml_text, first_line = block
    root, problems = load_text(yaml_text, where)
    shift = first_line - 1
    problems = [
        Problem(Location(p.location.path, p.location.line + shift, p.location.col), p.message)
        for p in problems
    ]
    if root is None:
        return {}, problems
    found, more = _fields(root, where, shift, strict=False)
    return found, problems + more


@functools.lru_cache(maxsize=64)
def _read_index_cached(
    path: str, display: str, stamp: tuple[int, int]
) -> tuple[dict[str, dict[str, str]], tuple[Problem, ...]]:
    problems: list[Problem] = []
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_INDEX_BYTES + 1)
    except OSError as error:
        return {}, (Problem(Location(display, 1), f"cannot read: {error.strerror or error}"),)
    if len(data) > MAX_INDEX_BYTES:
        return {}, (Problem(Location(display, 1), "the index is larger than 5 MB"),)
    root, loaded = load_bytes(data, display)
    problems.extend(loaded)
    entries: dict[str, dict[str, str]] = {}
    if root is None or isinstance(root, Invalid):
        return entries, tuple(problems)
    if not isinstance(root, Map):
        where = Location(display, root.start.line, root.start.col)
        problems.append(
            Problem(where, f"{INDEX_NAME} maps file names to their date, outlet, url and title")
        )
        return entries, tuple(problems)
    folder = Path(path).parent
    for key, value in root.items:
        name = key.text.strip()
        if not name or "/" in name or "\\" in name:
            where = Location(display, key.start.line, key.start.col)
            problems.append(Problem(where, f"{name!r} is not a file name in this folder"))
            continue
        if not (folder / name).is_file():
            where = Location(display, key.start.line, key.start.col)
            problems.append(Problem(where, f"no article {name!r} in this folder"))
        fields, bad = _fields(value, display, 0, strict=True)
        problems.extend(bad)
        entries[name] = fields
    return entries, tuple(problems)


def read_index(path: Path, display: str) -> tuple[dict[str, dict[str, str]], tuple[Problem, ...]]:
    """An ``articles.yaml`` index: file name -> fields, and every located problem.

    Read once per file version (cached on its modification time and size). Never raises.
    """
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, 0)
    return _read_index_cached(str(path), display, stamp)


def _file_head(path: Path, limit: int = 64 * 1024) -> str:
    """The first ``limit`` bytes of ``path`` as text ("" when unreadable)."""
    try:
        with path.open("rb") as stream:
            return stream.read(limit).decode("utf-8-sig", errors="replace")
    except OSError:
        return ""


def read_metadata(text: str, path: Path | None = None, display: str = "") -> ArticleMetadata:
    """The metadata of the article ``text`` (read from ``path``, shown as ``display``).

    Front matter is Markdown's, but a text file that opens with a ``---`` block holding
    these fields is read the same way; the index is looked up beside ``path``. Problems are
    not reported here (see :func:`read_index`): a bad field is treated as missing. Never
    raises.
    """
    fields: dict[str, str] = {}
    sources: dict[str, str] = {}
    name = path.name if path is not None else display
    if front_matter_block(text) is not None:
        found, _ = read_front_matter(text, display)
    elif path is not None and name.lower().endswith(MARKDOWN_SUFFIXES):
        # A Markdown reader may hand over the prose without its front matter.
        found, _ = read_front_matter(_file_head(path), display)
    else:
        found = {}
    if found:
        for key, value in found.items():
            fields[key], sources[key] = value, FRONT_MATTER
    if path is not None:
        index = path.parent / INDEX_NAME
        if index.is_file():
            entries, _ = read_index(index, str(index))
            for key, value in entries.get(path.name, {}).items():
                if key not in fields:
                    fields[key], sources[key] = value, INDEX
    date: ArticleDate | None = None
    if "date" in fields:
        day = parse_full_date(fields["date"])
        if day is not None:
            date = ArticleDate(day, sources["date"])
    if date is None:
        day = dateline(text)
        if day is not None:
            date = ArticleDate(day, DATELINE)
    return ArticleMetadata(date, fields.get("outlet"), fields.get("url"), fields.get("title"))
