"""Markdown articles: the prose a reader sees, at the places it has in the file.

The file is parsed with markdown-it-py (CommonMark plus tables), imported only when a
Markdown article is read. The result is the file's text with everything that is not prose
blanked out — each such character replaced by a space, line ends kept — so every offset,
line and column of the prose is the one in the file, and the rest of the checker reads it
like plain text. Prose is the text of headings, paragraphs, list items, block quotes and
table cells. Never prose: YAML front matter (a leading block between ``---`` lines), HTML
blocks and inline HTML (comments included), code blocks and code spans, link and image
targets, image text, and the Markdown syntax itself (``#``, ``*``, ``>``, …); a table
row keeps its ``|`` borders, so that no figure is read across two cells.

Each block is its own paragraph. A table row is one paragraph and one sentence whose
clauses are its cells; :class:`Row` keeps the cells and the column header of each, so the
matcher can read a row as a statement in the context of its row and column headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["SUFFIXES", "Layout", "Row", "is_markdown", "layout"]

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\r|\Z)", re.MULTILINE)
_LINE_END = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"\S+")
_NOT_LINE_END = re.compile(r"[^\r\n]")
_BLOCK_TEXT = ("heading_open", "paragraph_open")

Span = tuple[int, int]


def is_markdown(path: str) -> bool:
    """Whether ``path`` names a Markdown file (by its suffix)."""
    return path.lower().endswith(SUFFIXES)


@dataclass(frozen=True)
class Row:
    """One table row: its cells and, for each cell, the column header's span."""

    table: int  # tables are numbered from 0 in the order of the file
    cells: tuple[Span, ...]
    headers: tuple[Span | None, ...]  # per cell: the header cell of its column (None in it)
    header: bool  # the header row itself


@dataclass(frozen=True)
class Layout:
    """The prose of a Markdown file: the masked text, its blocks and its table rows."""

    text: str  # same length as the file's text, everything but prose blanked
    blocks: tuple[Span, ...]  # each heading, paragraph or table row: a paragraph
    rows: dict[int, Row]  # block index -> the table row that block is


def layout(source: str) -> Layout:
    """Read Markdown ``source`` (decoded, without a byte order mark). Never raises."""
    from markdown_it import MarkdownIt

    text = _without_front_matter(source)
    starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
    parser = MarkdownIt("commonmark").enable("table")
    keep: list[Span] = []
    blocks: list[Span] = []
    rows: dict[int, Row] = {}
    reader = _Reader(text, starts, keep)
    tokens = parser.parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    i = 0
    tables = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type in _BLOCK_TEXT and i + 1 < len(tokens) and tokens[i + 1].map:
            span = reader.inline(tokens[i + 1])
            if span is not None:
                blocks.append(span)
            i += 2
            continue
        if token.type == "table_open":
            i = _table(tokens, i, reader, blocks, rows, tables)
            tables += 1
            continue
        i += 1
    masked = _masked(text, keep)
    return Layout(masked, tuple(blocks), rows)


def _as_written(content: str) -> re.Pattern[str]:
    r"""A pattern for parsed text as the source may write it: each sign perhaps escaped
    (``\*``) or written as an entity (``&amp;``, ``&#42;``)."""
    parts = [
        re.escape(ch) if ch.isalnum() or ch.isspace() else rf"(?:\\?{re.escape(ch)}|&#?\w+;)"
        for ch in content
    ]
    return re.compile("".join(parts))


def _masked(text: str, keep: list[Span]) -> str:
    """``text`` with every character outside the ``keep`` spans blanked (line ends kept)."""
    blank = _NOT_LINE_END.sub(" ", text)
    pieces: list[str] = []
    done = 0
    for start, end in sorted(keep):
        start = max(start, done)
        if start >= end:
            continue
        pieces.append(blank[done:start])
        pieces.append(text[start:end])
        done = end
    pieces.append(blank[done:])
    return "".join(pieces)


def front_matter_end(source: str) -> int:
    """Where a leading YAML front matter block of ``source`` ends (0 when there is none)."""
    opening = _FRONT_OPEN.match(source)
    if opening is None:
        return 0
    closing = _FRONT_CLOSE.search(source, opening.end())
    return 0 if closing is None else closing.end()


def _without_front_matter(source: str) -> str:
    """``source`` with a leading YAML front matter block blanked (line ends kept)."""
    end = front_matter_end(source)
    return _NOT_LINE_END.sub(" ", source[:end]) + source[end:]


class _Reader:
    """Finds the text of inline tokens in the file and marks it as prose."""

    def __init__(self, text: str, starts: list[int], keep: list[Span]) -> None:
        self.text = text
        self.starts = starts
        self.keep = keep

    def line_span(self, first: int, last: int) -> Span:
        """Offsets of lines ``first`` up to (not including) ``last`` (0-based)."""
        starts = self.starts
        low = starts[min(first, len(starts) - 1)]
        high = starts[last] if last < len(starts) else len(self.text)
        return low, high

    def inline(
        self, token: Token, cursor: int | None = None, end: int | None = None
    ) -> Span | None:
        """Mark the prose of an inline token; returns the span it covers, or None.

        ``cursor``/``end`` limit the search (a table cell on its row's line).
        """
        assert token.map is not None
        low, high = self.line_span(token.map[0], token.map[1])
        pos = low if cursor is None else cursor
        limit = high if end is None else end
        first: int | None = None
        last = pos
        depth = 0  # inside an image: its text is not prose
        for child in token.children or []:
            kind = child.type
            if kind == "text" and depth == 0 and child.content:
                found = self._mark(child.content, pos, limit)
                if found is not None:
                    first = found[0] if first is None else first
                    last = found[1]
                    pos = found[1]
            elif kind in ("code_inline", "html_inline"):
                skip = self.text.find(child.content, pos, limit) if child.content else -1
                if skip >= 0:
                    pos = skip + len(child.content)
            elif kind == "link_open" and child.info == "auto":
                depth += 1  # <https://…>: the URL is its text
            elif kind == "link_close" and child.info == "auto":
                depth -= 1
                close = self.text.find(">", pos, limit)
                pos = close + 1 if close >= 0 else pos
            elif kind in ("link_close", "image"):
                pos = self._past_target(pos, limit)
        if first is None:
            return None
        return first, last

    def _mark(self, content: str, pos: int, limit: int) -> Span | None:
        at = self.text.find(content, pos, limit)
        if at >= 0:
            self.keep.append((at, at + len(content)))
            return at, at + len(content)
        # Escapes and entities change the text ("\*", "&amp;"): allow them for each sign.
        written = _as_written(content).search(self.text, pos, limit)
        if written is not None:
            self.keep.append(written.span())
            return written.span()
        # Anything else: find it word by word.
        first: int | None = None
        end = pos
        for word in _WORD.findall(content):
            at = self.text.find(word, end, limit)
            if at < 0:
                continue
            self.keep.append((at, at + len(word)))
            first = at if first is None else first
            end = at + len(word)
        return None if first is None else (first, end)

    def _past_target(self, pos: int, limit: int) -> int:
        """After a link's text: skip ``](target)`` or ``][ref]`` so its URL is never read."""
        text = self.text
        close = text.find("]", pos, limit)
        if close < 0:
            return pos
        after = close + 1
        if after < limit and text[after] in "([":
            opener, closer = text[after], ")" if text[after] == "(" else "]"
            depth = 0
            for k in range(after, limit):
                if text[k] == opener:
                    depth += 1
                elif text[k] == closer:
                    depth -= 1
                    if depth == 0:
                        return k + 1
        return after


def _table(
    tokens: list[Token],
    i: int,
    reader: _Reader,
    blocks: list[Span],
    rows: dict[int, Row],
    table: int,
) -> int:
    """Read one table from ``tokens[i]`` (``table_open``); returns the index after it."""
    headers: list[Span] = []
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type != "tr_open" or token.map is None:
            i += 1
            continue
        header = i > 0 and any(t.type == "th_open" for t in tokens[i : i + 3])
        low, high = reader.line_span(token.map[0], token.map[1])
        cursor = low
        cells: list[Span] = []
        i += 1
        while i < len(tokens) and tokens[i].type != "tr_close":
            if tokens[i].type == "inline" and tokens[i].map is not None:
                span = reader.inline(tokens[i], cursor, high)
                if span is None:
                    span = (cursor, cursor)
                cells.append(span)
                cursor = span[1]
            i += 1
        i += 1
        # The cell borders stay visible, so that no reading runs from one cell into the
        # next ("$2.37bn | -3%" is two figures, not a range).
        k = reader.text.find("|", low, high)
        while k >= 0:
            reader.keep.append((k, k + 1))
            k = reader.text.find("|", k + 1, high)
        if header:
            headers = list(cells)
        prose = [c for c in cells if c[1] > c[0]]
        if not prose:
            continue
        column_headers = tuple(
            None if header or k >= len(headers) or headers[k][1] <= headers[k][0] else headers[k]
            for k in range(len(cells))
        )
        rows[len(blocks)] = Row(table, tuple(cells), column_headers, header)
        blocks.append((prose[0][0], prose[-1][1]))
    return i + 1
