"""A safe YAML reader that keeps where every value came from.

Fact files are written by hand, so every problem found in one must name the line and column
of the offending text. PyYAML's ``safe_load`` throws marks away; this module composes the
node graph with a subclass of :class:`yaml.SafeLoader` and walks it itself, producing plain
values that remember their position (:class:`Scalar`, :class:`Seq`, :class:`Map`).

Nothing is ever constructed from a tag: only the core YAML types (string, integer, float,
boolean, null, timestamp-as-text, sequence, mapping) are accepted and every other tag, such
as ``!!python/object:os.system``, is reported as a problem.

Limits (each breach is one located problem, never a hang or a traceback):

* :data:`MAX_DEPTH` levels of nested lists and mappings, enforced while composing, so the
  composer (which recurses once per level) never gets near Python's recursion limit;
* :data:`MAX_ALIAS_NODES` nodes reached through aliases, counted as if every alias were
  expanded, which stops "billion laughs" documents; a recursive alias is refused outright.
  Aliases are otherwise allowed (sharing a ``source:`` between facts is a fair use), and so
  are merge keys (``<<: *defaults``);
* one YAML document per file.

The file size limit lives with the caller, which checks it before reading the bytes.

Events come from libyaml when PyYAML has it (several times faster) and from PyYAML's pure
Python parser otherwise; composing, with the limits above, is the same Python code for both.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, TypeAlias

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, StreamEndEvent, StreamStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from .errors import Location, Problem

MAX_DEPTH = 50
MAX_ALIAS_NODES = 100_000

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _SEQ, _MAP, _MERGE = (_CORE + t for t in ("timestamp", "seq", "map", "merge"))
# ``=`` resolves to the obscure "value" type; to a person it is just the text "=".
_VALUE = _CORE + "value"


class Mark(NamedTuple):
    """A position in the decoded text: 1-based ``line`` and ``col``; 0-based ``offset``
    in characters."""

    # A tuple, not a dataclass: a file has two marks per value, and this is 5x faster.
    line: int
    col: int
    offset: int


@dataclass(frozen=True, eq=False)
class Scalar:
    """A scalar: its Python ``value`` and the ``text`` it was read from.

    ``value`` is a ``str``, ``int``, ``float``, ``bool`` or ``None``; timestamps stay text.
    ``text`` is the scalar as a string after quoting and escapes are undone, so ``62`` gives
    ``"62"`` and ``012`` gives ``"012"`` even though YAML reads the latter as 10.
    """

    value: str | int | float | bool | None
    text: str
    start: Mark
    end: Mark
    plain: bool  # written without quotes or block indicators


@dataclass(frozen=True, eq=False)
class Seq:
    """A sequence of nodes."""

    items: tuple[MarkedNode, ...]
    start: Mark
    end: Mark


@dataclass(frozen=True, eq=False)
class Map:
    """A mapping: ``(key, value)`` pairs in file order, keys unique and scalar."""

    items: tuple[tuple[Scalar, MarkedNode], ...]
    start: Mark
    end: Mark


@dataclass(frozen=True, eq=False)
class Invalid:
    """A node that could not be read; its problem has already been reported."""

    start: Mark
    end: Mark


MarkedNode: TypeAlias = "Scalar | Seq | Map | Invalid"


def kind_of(node: MarkedNode) -> str:
    """A person's word for what ``node`` is: ``a string``, ``a number``, ``a list``, ..."""
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Invalid):
        return "an unreadable value"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({node.text})"
    if isinstance(value, (int, float)):
        return f"a number ({node.text})"
    return "a string"


class _YamlMark(Protocol):
    """A mark of either PyYAML implementation (pure Python or libyaml): 0-based numbers."""

    @property
    def index(self) -> int: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class _Abort(Exception):
    """A problem that makes the whole document unusable (depth, alias bomb, recursion)."""

    def __init__(self, message: str, mark: _YamlMark | Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _AliasRef(Node):
    """An alias as it appears in the file: PyYAML returns the anchored node itself and
    forgets where the alias was; keeping the alias's own mark lets a problem point at it."""

    def __init__(self, target: Node, anchor: str, start: Any, end: Any) -> None:
        super().__init__("alias", target, start, end)
        self.anchor = anchor


class _Marking(Composer):
    """A composer that bounds nesting depth and records where aliases are.

    Mixed into a loader that provides the parser (:class:`MarkedLoader`, or the libyaml
    one when PyYAML was built with it); the loader is used only to compose nodes, and its
    constructor methods only to read the core scalars (int, float, bool).
    """

    _depth = 0

    def next_event(self) -> yaml.Event:
        """The next parser event, without consuming it (``peek_event`` is untyped)."""
        event: yaml.Event = self.peek_event()  # type: ignore[attr-defined]
        return event

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            event = self.next_event()
            assert isinstance(event, AliasEvent)
            target = super().compose_node(parent, index)  # raises for an undefined alias
            assert target is not None
            return _AliasRef(target, str(event.anchor), event.start_mark, event.end_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Abort(
                    f"nested more than {MAX_DEPTH} levels deep; a fact file needs only a few",
                    self.next_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class MarkedLoader(_Marking, yaml.SafeLoader):
    """:class:`yaml.SafeLoader` with :class:`_Marking`'s composer: pure Python."""


def _fast_loader() -> Callable[[str], Any] | None:
    """A loader parsing with libyaml when PyYAML has it and it is usable, else ``None``.

    libyaml's module keeps the event classes of the first ``import yaml``. If ``yaml`` is
    imported afresh later in the same process (pytest's ``pytester`` does so between
    in-process runs), its events no longer match :mod:`yaml.events`, and composing would
    recognise none of them; the pure Python parser is used then.
    """
    if not yaml.__with_libyaml__:
        return None
    from yaml._yaml import CParser

    class _FastMarkedLoader(CParser, _Marking, SafeConstructor, Resolver):
        """:class:`_Marking` over libyaml's parser: about five times faster overall.

        Only events come from C; composing (with the limits) stays in :class:`_Marking`.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Marking.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    probe = _FastMarkedLoader("")
    try:
        usable = isinstance(probe.get_event(), StreamStartEvent)
    finally:
        probe.dispose()
    return _FastMarkedLoader if usable else None


_Loader: Callable[[str], Any] = _fast_loader() or MarkedLoader


class _Lines:
    """Turns a YAML mark or a character index into an editor's line and column.

    Lines are counted by ``\\n`` only, as editors and ``grep -n`` count them. YAML also
    breaks lines at ``\\r``, NEL and U+2028, so only when the text has one of those are
    YAML's own line numbers recomputed from the index.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.yaml_lines_agree = not any(c in text for c in "\r\x85\u2028\u2029")
        self._starts: list[int] | None = None

    def mark(self, index: int) -> Mark:
        if self._starts is None:
            self._starts = [0]
            pos = self.text.find("\n")
            while pos >= 0:
                self._starts.append(pos + 1)
                pos = self.text.find("\n", pos + 1)
        line = bisect.bisect_right(self._starts, index)
        return Mark(line, index - self._starts[line - 1] + 1, index)

    def from_yaml(self, mark: _YamlMark | Mark | None) -> Mark:
        if mark is None:
            return Mark(1, 1, 0)
        if isinstance(mark, Mark):
            return mark
        if self.yaml_lines_agree:
            return Mark(mark.line + 1, mark.column + 1, mark.index)
        return self.mark(mark.index)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


class _Walker:
    """Turns composed PyYAML nodes into marked values, checking tags, keys and aliases."""

    def __init__(self, loader: SafeConstructor, lines: _Lines, path: str) -> None:
        self.loader = loader
        self.lines = lines
        self.path = path
        self.problems: list[Problem] = []
        self.done: dict[int, tuple[MarkedNode, int]] = {}  # id(node) -> (result, expanded size)
        self.active: set[int] = set()  # nodes being walked: an alias to one is recursive
        self.alias_nodes = 0

    def problem(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(Location(self.path, mark.line, mark.col), message))

    def walk(self, node: Node) -> tuple[MarkedNode, int]:
        """The marked value of ``node`` and its size with every alias expanded."""
        if isinstance(node, _AliasRef):
            target: Node = node.value
            if id(target) in self.active:
                raise _Abort(
                    f"alias *{node.anchor} refers to a list or mapping that contains it "
                    "(a recursive alias)",
                    node.start_mark,
                )
            result, size = self.walk(target)
            # Counting each use as its full expanded size bounds what any consumer could
            # walk, without ever expanding anything here: results are shared, not copied.
            self.alias_nodes += size
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise _Abort(
                    f"aliases expand to more than {MAX_ALIAS_NODES:,} values "
                    f"(an alias bomb?); stopped at *{node.anchor}",
                    node.start_mark,
                )
            return result, size
        key = id(node)
        if key in self.done:
            return self.done[key]
        self.active.add(key)
        try:
            if isinstance(node, ScalarNode):
                outcome: tuple[MarkedNode, int] = (self.scalar(node), 1)
            elif isinstance(node, SequenceNode):
                outcome = self.sequence(node)
            elif isinstance(node, MappingNode):
                outcome = self.mapping(node)
            else:  # pragma: no cover - the composer makes only the three kinds
                raise TypeError(f"unexpected YAML node {node!r}")
        finally:
            self.active.discard(key)
        self.done[key] = outcome
        return outcome

    def marks(self, node: Node) -> tuple[Mark, Mark]:
        start = self.lines.from_yaml(node.start_mark)
        end = self.lines.from_yaml(node.end_mark) if node.end_mark is not None else start
        return start, end

    def bad_tag(self, node: Node, start: Mark, end: Mark) -> Invalid:
        self.problem(
            start,
            f"tag {_short_tag(node.tag)} is not allowed in a fact file; only plain strings, "
            "numbers, booleans, lists and mappings are",
        )
        return Invalid(start, end)

    def scalar(self, node: ScalarNode) -> MarkedNode:
        start, end = self.marks(node)
        text = str(node.value)
        plain = not node.style  # None from PyYAML, "" from libyaml
        value: str | int | float | bool | None
        tag = node.tag
        try:
            if tag in (_STR, _TIMESTAMP, _VALUE, _MERGE):
                value = text
            elif tag == _INT:
                value = self.loader.construct_yaml_int(node)
            elif tag == _FLOAT:
                value = self.loader.construct_yaml_float(node)
                if math.isnan(value):
                    raise ValueError("not a number")
            elif tag == _BOOL:
                value = self.loader.construct_yaml_bool(node)
            elif tag == _NULL:
                value = None
            else:
                return self.bad_tag(node, start, end)
        except (ValueError, KeyError, TypeError, OverflowError) as error:
            # An explicit ``!!int abc``, or an integer too long for Python to convert.
            del error  # Python's wording ("invalid literal for int()") would not help
            shown = text if len(text) <= 40 else text[:40] + "…"
            self.problem(start, f"cannot read {shown!r} as {_short_tag(tag)}")
            return Invalid(start, end)
        return Scalar(value, text, start, end, plain)

    def sequence(self, node: SequenceNode) -> tuple[MarkedNode, int]:
        start, end = self.marks(node)
        if node.tag != _SEQ:
            return self.bad_tag(node, start, end), 1
        items: list[MarkedNode] = []
        size = 1
        for child in node.value:
            item, item_size = self.walk(child)
            items.append(item)
            size += item_size
        return Seq(tuple(items), start, end), size

    def mapping(self, node: MappingNode) -> tuple[MarkedNode, int]:
        start, end = self.marks(node)
        if node.tag != _MAP:
            return self.bad_tag(node, start, end), 1
        size = 1
        items: list[tuple[Scalar, MarkedNode]] = []
        merged: list[tuple[Scalar, MarkedNode]] = []
        seen: dict[tuple[str, object], Scalar] = {}
        for key_node, value_node in node.value:
            key, key_size = self.walk(key_node)
            value, value_size = self.walk(value_node)
            size += key_size + value_size
            if isinstance(key, Invalid):
                continue
            if not isinstance(key, Scalar):
                self.problem(key.start, f"a key must be a plain word, not {kind_of(key)}")
                continue
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE:
                merged.extend(self.merge_items(key, value))
                continue
            # 1 and "1" are different YAML keys; True and 1 compare equal in Python.
            identity = (type(key.value).__name__, key.value)
            first = seen.get(identity)
            if first is not None:
                self.problem(
                    key.start,
                    f"duplicate key {key.text!r} (first at line {first.start.line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            seen[identity] = key
            items.append((key, value))
        # Explicit keys win over merged ones, and earlier merges over later ones.
        for key, value in merged:
            identity = (type(key.value).__name__, key.value)
            if identity not in seen:
                seen[identity] = key
                items.append((key, value))
        return Map(tuple(items), start, end), size

    def merge_items(self, key: Scalar, value: MarkedNode) -> list[tuple[Scalar, MarkedNode]]:
        if isinstance(value, Map):
            return list(value.items)
        if isinstance(value, Seq) and all(isinstance(item, Map) for item in value.items):
            return [pair for item in value.items if isinstance(item, Map) for pair in item.items]
        if not isinstance(value, Invalid):
            self.problem(
                key.start, f"'<<' merges a mapping or a list of mappings, not {kind_of(value)}"
            )
        return []


def _yaml_error_message(error: yaml.MarkedYAMLError, text: str) -> str:
    parts = [part for part in (error.problem, error.context) if part]
    message = "YAML syntax error: " + ("; ".join(parts) if parts else "cannot parse")
    mark = error.problem_mark
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message += " (YAML does not allow tabs for indentation; use spaces)"
    return message


def _reader_error_message(character: int) -> str:
    return (
        f"character #x{character:04x} is not allowed in YAML "
        "(a binary file, or a stray control character?)"
    )


class _SyntaxError(NamedTuple):
    """A syntax error reported by the parser, already worded for a person."""

    message: str
    mark: Any


def _compose(
    loader_class: Callable[[str], Any], text: str, path: str, lines: _Lines
) -> tuple[MarkedNode, _Walker] | _Abort | _SyntaxError | None:
    """Parse and walk ``text`` with ``loader_class``: the root and its walker, a problem
    that makes the document unusable, or ``None`` for an empty document."""
    loader: Any = loader_class(text)
    try:
        try:
            # Driven by hand: libyaml's own get_node() would compose in C, without limits.
            loader.get_event()  # the stream start
            root = None if loader.check_event(StreamEndEvent) else loader.compose_document()
            if not loader.check_event(StreamEndEvent):
                return _Abort(
                    "a fact file holds one YAML document, but a second one starts here "
                    "(remove the '---' line or split the file)",
                    loader.next_event().start_mark,
                )
            if root is None:
                return None
            walker = _Walker(loader, lines, path)
            result, _ = walker.walk(root)
            return result, walker
        except _Abort as abort:
            return abort
        except yaml.MarkedYAMLError as error:
            return _SyntaxError(
                _yaml_error_message(error, text), error.problem_mark or error.context_mark
            )
        except Exception as error:  # pragma: no cover - a PyYAML bug, not bad input
            # Whatever happens, the run reports one located problem instead of a traceback.
            return _Abort(f"cannot read the file as YAML ({type(error).__name__}: {error})", None)
        except RecursionError:
            # The depth limit above should make this unreachable; kept so that no input
            # can ever turn into a traceback.
            return _Abort(f"nested too deeply (the limit is {MAX_DEPTH} levels)", None)
    finally:
        loader.dispose()


def load_text(text: str, path: str) -> tuple[MarkedNode | None, list[Problem]]:
    """Read one YAML document from ``text`` with positions kept.

    Returns the root (``None`` for an empty document or when the document is unusable) and
    every problem found, located in ``path``. Never raises for bad input: syntax errors,
    forbidden tags, duplicate keys, too deep nesting, alias bombs and a second document are
    all returned as problems.
    """
    lines = _Lines(text)

    def fail(message: str, mark: _YamlMark | Mark | None) -> tuple[None, list[Problem]]:
        where = lines.from_yaml(mark)
        return None, [Problem(Location(path, where.line, where.col), message)]

    # Checked here rather than by the parser: libyaml reports byte offsets, not characters.
    forbidden = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if forbidden:
        return fail(_reader_error_message(ord(forbidden.group())), lines.mark(forbidden.start()))
    outcome = _compose(_Loader, text, path, lines)
    if isinstance(outcome, _SyntaxError) and _Loader is not MarkedLoader:
        # libyaml scans ahead and applies limits of its own (newer builds stop deep flow
        # nesting with their own wording) before the composer's depth limit can speak.
        # The pure Python parser yields events lazily, so reading the file again with it
        # reports the loader's own problem, worded the same whichever parser PyYAML has.
        outcome = _compose(MarkedLoader, text, path, lines)
    if isinstance(outcome, _SyntaxError):
        return fail(outcome.message, outcome.mark)
    if isinstance(outcome, _Abort):
        return fail(outcome.message, outcome.mark)
    if outcome is None:
        return None, []
    result, walker = outcome
    if isinstance(result, Scalar) and result.value is None:
        return None, walker.problems  # a document that is only "---" or "~"
    return result, walker.problems


def load_bytes(data: bytes, path: str) -> tuple[MarkedNode | None, list[Problem]]:
    """Decode ``data`` as UTF-8 (a byte order mark is allowed) and read it with
    :func:`load_text`.

    Returns the same as :func:`load_text`; bytes that are not UTF-8 give one problem at the
    line and column of the first bad byte, naming its byte offset. Never raises.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(
                Location(path, 1, 1),
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = data.count(b"\n", 0, offset) + 1
        col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        byte = data[offset : offset + 1].hex().upper()
        return None, [
            Problem(
                Location(path, line, col),
                f"the file is not UTF-8: byte 0x{byte} at byte offset {offset} cannot be "
                "decoded; save the file as UTF-8",
            )
        ]
    return load_text(text, path)
