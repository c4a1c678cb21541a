"""An article's text, read once per run: lines, paragraphs and sentences with char offsets.

Reading (:func:`read_article`): the file must be UTF-8; a UTF-8 byte order mark is accepted
and removed; a file with a NUL byte is binary. Every failure is an :class:`ArticleError`
whose message is the reason shown to the user. Line ends (``\\r\\n``, ``\\r``, ``\\n``) are kept
as in the file, and each of them ends a line for :meth:`Article.position`.

Paragraphs (:func:`parse_article`). Blank lines (nothing but whitespace) always separate
paragraphs. Inside a block of consecutive non-blank lines, the block is either *hard-wrapped*
prose, whose line breaks are only layout, or a stack of separate paragraphs, one a line
(unwrapped text, headlines, captions). The block is hard-wrapped when all of these hold:

- it has at least two lines, and no line is longer than 200 characters (unwrapped
  paragraphs are usually longer);
- its longest line is at least 50 characters (wrapping narrower than that is rare, while
  stacks of short caption or headline lines are common);
- fewer than half of its lines, the last one excepted, end with sentence-final punctuation
  (``.``, ``!``, ``?``, ``…``, ``:``, possibly followed by a closing quote or bracket): a
  wrapped paragraph breaks its lines mid-sentence.

In a hard-wrapped block a line break is still a paragraph break when the first word of the
next line would have fitted on the line and the line ends a sentence or is shorter than three
quarters of the block's width (the break was deliberate, as after the short last line of a
paragraph or a headline), or at a list item or heading. In any other block every line is its
own paragraph. List items (``1. Skip to content``, ``  2. ...``, ``- item``, ``* item``) and
Markdown headings (``# Title``) always start a new paragraph. A paragraph's span runs from its
first non-blank character to its last one.

Sentences come from :func:`pytest_factcheck.sentences.split_sentences`, run on each paragraph,
so a sentence never crosses a paragraph break.

Everything is linear in the size of the text; besides the text itself an :class:`Article`
keeps a few integers per line, paragraph and sentence.
"""

from __future__ import annotations

import bisect
import codecs
import pathlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .markdown import is_markdown
from .sentences import split_sentences

if TYPE_CHECKING:
    from .markdown import Row

__all__ = [
    "Article",
    "ArticleError",
    "Paragraph",
    "Sentence",
    "parse_article",
    "read_article",
]

_BOM = "\ufeff"
_LINE_END = re.compile(r"\r\n|\r|\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*•+])[ \t]+\S")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_FINAL_PUNCT = re.compile(r"[.!?…:][\"'”’»)\]]*\Z")
_FIRST_WORD = re.compile(r"\S+")

# Thresholds of the hard-wrap rule; see the module docstring.
_MAX_WRAPPED_LINE = 200
_MIN_WRAP_WIDTH = 50
_SHORT_LINE = 0.75


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``Article.text[start:end]``, trimmed of surrounding whitespace."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``Article.text[start:end]``, inside ``Article.paragraphs[paragraph]``."""

    start: int
    end: int
    paragraph: int


class ArticleError(Exception):
    """An article that cannot be read; ``str()`` is the reason to show the user."""


@dataclass(frozen=True)
class Article:
    """An article's decoded text with its paragraphs and sentences.

    ``path`` is the path as it should be displayed; ``text`` is the decoded text without a
    byte order mark, line ends as in the file. Offsets everywhere are character offsets
    into ``text``.
    """

    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    # Markdown tables: sentence index -> the table row that sentence is (cells, headers).
    rows: Mapping[int, Row] = field(default_factory=dict, repr=False, compare=False)
    # Markdown: the leading YAML front matter as written (blanked in ``text``), for metadata.
    front_matter: str = field(default="", repr=False, compare=False)
    _line_starts: list[int] = field(init=False, repr=False, compare=False)
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _paragraph_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen dataclass: derived lookup tables are set once here, never changed after.
        object.__setattr__(self, "_line_starts", _line_starts(self.text))
        object.__setattr__(self, "_sentence_starts", [s.start for s in self.sentences])
        object.__setattr__(self, "_paragraph_starts", [p.start for p in self.paragraphs])

    @property
    def head_text(self) -> str:
        """The text with its front matter as written: what article metadata is read from."""
        return self.front_matter + self.text[len(self.front_matter) :]

    def __repr__(self) -> str:
        # The default repr would print the whole text into any failure report.
        return (
            f"Article(path={self.path!r}, {len(self.text)} chars, "
            f"{len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences)"
        )

    @property
    def line_count(self) -> int:
        """The number of lines (a final line end does not start another line)."""
        starts = self._line_starts
        if len(starts) > 1 and starts[-1] == len(self.text):
            return len(starts) - 1
        return len(starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based ``(line, column)`` of character ``offset``.

        The column counts characters. An offset on a line end belongs to the line it ends.
        Raises ``IndexError`` for an offset outside ``0..len(text)``.
        """
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the article (0..{len(self.text)})")
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """Return the text of 1-based ``line`` without its line end.

        Raises ``IndexError`` when the article has no such line.
        """
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            raise IndexError(f"line {line} outside the article (1..{len(starts)})")
        begin = starts[line - 1]
        finish = starts[line] if line < len(starts) else len(self.text)
        text = self.text[begin:finish]
        if text.endswith("\r\n"):
            return text[:-2]
        if text.endswith(("\r", "\n")):
            return text[:-1]
        return text

    def sentence_index(self, offset: int) -> int:
        """Return the index of the sentence containing ``offset``.

        For an offset between sentences this is the sentence before it (the first one for an
        offset before any sentence). Raises ``IndexError`` when there are no sentences.
        """
        if not self.sentences:
            raise IndexError("the article has no sentences")
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        """Return the text of sentence ``index``; raises ``IndexError`` if there is none."""
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def paragraph_index(self, offset: int) -> int:
        """Return the index of the paragraph containing ``offset``.

        Between paragraphs this is the paragraph before (the first one before any).
        Raises ``IndexError`` when there are no paragraphs.
        """
        if not self.paragraphs:
            raise IndexError("the article has no paragraphs")
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def paragraph_text(self, index: int) -> str:
        """Return the text of paragraph ``index``; raises ``IndexError`` if there is none."""
        paragraph = self.paragraphs[index]
        return self.text[paragraph.start : paragraph.end]

    def paragraph_sentences(self, index: int) -> range:
        """Return the range of sentence indices in paragraph ``index`` (empty if none)."""
        paragraph = self.paragraphs[index]
        first = bisect.bisect_left(self._sentence_starts, paragraph.start)
        last = bisect.bisect_left(self._sentence_starts, paragraph.end)
        return range(first, last)


def _line_starts(text: str) -> list[int]:
    """Offsets where each line starts; the first is 0."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_END.finditer(text))
    return starts


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's ``(start, end)``, without its line end; no entry after a final line end."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _LINE_END.finditer(text):
        spans.append((begin, match.start()))
        begin = match.end()
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans


def _is_standalone(line: str) -> bool:
    """Whether ``line`` is a list item or heading, which always starts a paragraph."""
    return _LIST_ITEM.match(line) is not None or _HEADING.match(line) is not None


def _split_block(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split one block of consecutive non-blank lines into paragraphs (line spans, grouped)."""
    lines = [text[a:b].rstrip() for a, b in block]
    widths = [len(line) for line in lines]
    width = max(widths)
    wrapped = False
    if len(lines) >= 2 and width <= _MAX_WRAPPED_LINE and width >= _MIN_WRAP_WIDTH:
        ends_sentence = sum(1 for line in lines[:-1] if _FINAL_PUNCT.search(line))
        wrapped = 2 * ends_sentence < len(lines) - 1
    paragraphs: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(lines)):
        # A wrapped list item continues on the next line; a heading never does.
        if wrapped and not _is_standalone(lines[i]) and not _HEADING.match(lines[i - 1]):
            next_word = _FIRST_WORD.search(lines[i])
            fits = next_word is not None and widths[i - 1] + 1 + len(next_word.group()) <= width
            # A break in mid-sentence just short of the width is layout ("… would cut 1,800
            # / jobs worldwide"): a deliberate break ends a sentence, or a much shorter line
            # (a headline).
            short = widths[i - 1] < _SHORT_LINE * width
            if not fits or not (short or _FINAL_PUNCT.search(lines[i - 1])):
                continue
        paragraphs.append((block[first][0], block[i - 1][0] + widths[i - 1]))
        first = i
    paragraphs.append((block[first][0], block[-1][0] + widths[-1]))
    return paragraphs


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every paragraph, in order, trimmed (rules: module docstring)."""
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    for begin, end in _lines(text):
        if text[begin:end].strip():
            block.append((begin, end))
        elif block:
            spans.extend(_split_block(text, block))
            block = []
    if block:
        spans.extend(_split_block(text, block))
    trimmed: list[tuple[int, int]] = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def parse_article(text: str, path: str, *, markdown: bool | None = None) -> Article:
    """Build an :class:`Article` from decoded text (a leading byte order mark is removed).

    Markdown (``markdown=True``, or by default a ``path`` ending in ``.md``) is read through
    :mod:`pytest_factcheck.markdown`: the article's ``text`` is then the file's text with
    everything that is not prose blanked, each block a paragraph and each table row one
    sentence (see ``rows``). Returns the article with its paragraphs and sentences;
    whitespace-only text gives an article with none. Never raises.
    """
    if text.startswith(_BOM):
        text = text[1:]
    if markdown is None:
        markdown = is_markdown(path)
    if markdown:
        return _parse_markdown(text, path)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for begin, end in _paragraph_spans(text):
        index = len(paragraphs)
        paragraphs.append(Paragraph(begin, end))
        for s_begin, s_end in split_sentences(text, begin, end):
            sentences.append(Sentence(s_begin, s_end, index))
    return Article(path, text, tuple(paragraphs), tuple(sentences))


def _parse_markdown(text: str, path: str) -> Article:
    from .markdown import front_matter_end, layout  # markdown-it-py: Markdown articles only

    prose = layout(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    rows: dict[int, Row] = {}
    for index, (begin, end) in enumerate(prose.blocks):
        paragraphs.append(Paragraph(begin, end))
        row = prose.rows.get(index)
        if row is not None:
            rows[len(sentences)] = row
            sentences.append(Sentence(begin, end, index))
            continue
        for s_begin, s_end in split_sentences(prose.text, begin, end):
            sentences.append(Sentence(s_begin, s_end, index))
    head = text[: front_matter_end(text)]
    return Article(path, prose.text, tuple(paragraphs), tuple(sentences), rows, head)


def read_article(path: pathlib.Path, display: str, *, max_bytes: int = 50_000_000) -> Article:
    """Read and parse the article at ``path``; ``display`` is the path shown in messages.

    Returns the parsed :class:`Article` (with no sentences for an empty or whitespace-only
    file). Raises :class:`ArticleError` when the file cannot be read, is larger than
    ``max_bytes``, is UTF-16, contains a NUL byte (binary) or is not UTF-8; the message
    names the byte offset of the offending byte.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                f"cannot read article: {size:,} bytes is larger than the limit of "
                f"{max_bytes:,} bytes"
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(f"cannot read article: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise ArticleError(f"cannot read article: larger than the limit of {max_bytes:,} bytes")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text is full of NUL bytes; say what it is rather than calling it binary.
        raise ArticleError("cannot read article: UTF-16 text (byte order mark); save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"cannot read article: binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"cannot read article: not UTF-8 (invalid byte 0x{data[exc.start]:02x} "
            f"at offset {exc.start})"
        ) from None
    return parse_article(text, display)
