"""One fact of a fact file, validated into a :class:`~.facts.Fact` (the loader's last pass).

Each field has its reader; every problem is located and the fact is left out, while the
file's other facts still load (see ``docs/fact-files.md``).
"""

from __future__ import annotations

import difflib
import keyword
import math
import re
from dataclasses import dataclass
from typing import Any

import regex

from . import units as unit_table
from .cuewarnings import cue_warning
from .dates import parse_fact_date
from .errors import Location, Problem, QuantityError
from .facts import KINDS, SCOPES, Fact, compile_cue
from .factsections import _did_you_mean, _File, _quote, _section, _Tables
from .intervals import Interval
from .names import Entity
from .quantities import Quantity, parse_value
from .unitslips import unit_slip
from .yamlmarks import Invalid, Map, Mark, MarkedNode, Scalar, Seq, kind_of

FACT_KEYS = (
    "id",
    "claim",
    "subject",
    "cue",
    "value",
    "tolerance",
    "scope",
    "source",
    "tags",
    "xfail",
    "date",
    "names",
    "exclude",
)
DEFAULT_XFAIL_REASON = "known disagreement"

# Letters of any script, digits, '-', '_' and '.': all safe in a node id and in ``-k``.
_ID = re.compile(r"[\w.-]+\Z")
# Tags become pytest markers; these names already mean something to pytest, and a tag
# called ``skip`` would silently skip the fact.
_PYTEST_MARKERS = frozenset(
    {"skip", "skipif", "xfail", "parametrize", "usefixtures", "filterwarnings"}
    | {"tryfirst", "trylast"}
)
_RELATIVE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:%|percent|per\s*cent)\s*\Z", re.IGNORECASE)
_NUMBER = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*\Z")
# The regex module unrolls counted repeats when compiling: ``a{100000000}`` takes minutes
# and gigabytes before any article is read. No cue needs more than a handful.
_REPEAT = re.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")
MAX_REPEAT = 1000
MAX_REPEAT_PRODUCT = 100_000
MAX_CUE_LENGTH = 1000


def _cue_too_big(cue: str) -> str | None:
    """Why ``cue`` would be too costly to compile, or ``None``.

    Nesting is not parsed: the product of every counted repeat bounds the unrolled size.
    """
    if len(cue) > MAX_CUE_LENGTH:
        return f"is longer than {MAX_CUE_LENGTH:,} characters"
    product = 1
    for match in _REPEAT.finditer(cue):
        counts = [int(n) for n in match.groups() if n]
        count = max(counts, default=0)
        if count > MAX_REPEAT:
            return f"repeats something {count:,} times; the limit is {MAX_REPEAT:,}"
        product *= max(count, 1)
        if product > MAX_REPEAT_PRODUCT:
            return f"has counted repeats that multiply to over {MAX_REPEAT_PRODUCT:,}"
    return None


@dataclass
class _FactReader:
    """Validates one fact mapping, reporting every problem it finds."""

    file: _File
    node: Map
    tables: _Tables
    approx: float
    fact_id: str | None = None
    good: bool = True

    def problem(self, mark: Mark, message: str) -> None:
        self.file.at(mark, message, self.fact_id)
        self.good = False

    def field(self, name: str) -> MarkedNode | None:
        for key, value in self.node.items:
            if key.text == name:
                return value
        return None

    def where(self, name: str, node: MarkedNode) -> Mark:
        """Where to point for field ``name``: its value, or its key when the value is empty
        (an empty value's position is the end of the line, which helps no one)."""
        if isinstance(node, Scalar) and node.value is None:
            for key, value in self.node.items:
                if value is node and key.text == name:
                    return key.start
        return node.start

    def text(self, name: str) -> tuple[str, Scalar] | None:
        """A text field: any non-null scalar, as written (``source: 2014`` is "2014")."""
        node = self.field(name)
        if node is None:
            return None
        if isinstance(node, Invalid):
            self.good = False
            return None
        if not isinstance(node, Scalar) or node.value is None:
            self.problem(self.where(name, node), f"{name} must be text, not {kind_of(node)}")
            return None
        if not node.text.strip():
            self.problem(node.start, f"{name} is empty")
            return None
        return node.text, node

    def read(self) -> Fact | None:
        self.read_id()
        for key, _ in self.node.items:
            if key.text not in FACT_KEYS:
                self.problem(
                    key.start,
                    f"unknown key {_quote(key.text)}{_did_you_mean(key.text, FACT_KEYS)}",
                )
        claim = self.text("claim")
        source = self.text("source")
        subject = self.read_subject()
        cue = self.read_cue()
        scope = self.read_scope()
        tags = self.read_tags()
        xfail, xfail_articles = self.read_xfail()
        exclude = self.read_exclude()

        def common() -> dict[str, Any]:
            """The fields every kind of fact has, once the fact is known to be good."""
            assert self.fact_id is not None
            return {
                "id": self.fact_id,
                "location": Location(self.file.display, self.node.start.line, self.node.start.col),
                "cue": cue,
                "subject": subject,
                "claim": claim[0] if claim else None,
                "scope": scope,
                "source": source[0] if source else None,
                "tags": tags,
                "xfail": xfail,
                "xfail_articles": xfail_articles,
                "exclude": exclude,
            }

        kinds = [key.text for key, _ in self.node.items if key.text in KINDS]
        if len(kinds) > 1:
            second = next(key for key, _ in self.node.items if key.text == kinds[1])
            self.problem(
                second.start,
                f"a fact states exactly one of value, date, names; this one has "
                f"{' and '.join(repr(k) for k in kinds)}",
            )
            return None
        if kinds and kinds[0] != "value":
            other = self.read_date() if kinds[0] == "date" else self.read_names()
            if other is None or not self.good or self.fact_id is None:
                return None
            if kinds[0] == "date" and cue is None and self.field("cue") is None:
                self.problem(
                    self.node.start,
                    "a date fact needs a 'cue' to find where an article states it",
                )
                return None
            quantity, text, extra = other
            return Fact(value=quantity, value_text=text, **common(), **extra)
        value = self.read_value()
        tolerance = self.read_tolerance(value[0]) if value is not None else None
        if value is not None and cue is None and self.field("cue") is None and not value[0].noun:
            self.problem(
                self.node.start,
                "a fact needs a 'cue', or a 'value' with a count noun (like '4 towns'), "
                "to find where an article states it",
            )
        if not self.good or self.fact_id is None or value is None:
            return None
        relative, absolute, tolerance_text = tolerance or (0.0, 0.0, None)
        return Fact(
            value=value[0],
            value_text=value[1],
            tolerance_text=tolerance_text,
            tolerance_relative=relative,
            tolerance_absolute=absolute,
            direction=value[2],
            **common(),
        )

    def read_id(self) -> None:
        node = self.field("id")
        if node is None:
            self.problem(self.node.start, "missing required key 'id'")
        elif isinstance(node, Invalid):
            self.good = False
        elif not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = f'; quote it: id: "{node.text}"' if isinstance(node, Scalar) else ""
            self.problem(self.where("id", node), f"id must be a string, not {kind_of(node)}{hint}")
        elif not _ID.match(node.text):
            self.fact_id = node.text if len(node.text) <= 80 else None
            self.problem(
                node.start,
                f"id {_quote(node.text)} may contain only letters, digits, '-', '_' and '.'",
            )
        else:
            self.fact_id = node.text

    def read_date(self) -> tuple[Quantity, str, dict[str, Any]] | None:
        """A date fact's ``date``: the quantity standing for it, its text, its days."""
        node = self.field("date")
        if node is None or isinstance(node, Invalid):
            self.good = False
            return None
        if self.field("tolerance") is not None:
            self.problem(
                self.where("tolerance", self.field("tolerance") or node),
                "tolerance applies to a value; for a date, write a range (2014-06-21..2014-06-23)",
            )
        if not isinstance(node, Scalar) or node.value is None or not node.text.strip():
            self.problem(
                self.where("date", node),
                f"date must be an ISO date such as 2014-06-22, 2014-06, 2014 or "
                f"2014-06-21..2014-06-22, not {kind_of(node)}",
            )
            return None
        text = node.text.strip()
        try:
            days = parse_fact_date(text)
        except ValueError as error:
            self.problem(node.start, f"date {_quote(text)} does not parse: {error}")
            return None
        first, last = days.first.toordinal(), days.last.toordinal()
        quantity = Quantity(0, len(text), text, Interval(first, last), "day", kind="date")
        return quantity, text, {"date": days}

    def read_names(self) -> tuple[Quantity, str, dict[str, Any]] | None:
        """A names fact's ``names``: the quantity standing for it, its text, its entities."""
        node = self.field("names")
        if node is None or isinstance(node, Invalid):
            self.good = False
            return None
        if self.field("tolerance") is not None:
            self.problem(
                self.where("tolerance", self.field("tolerance") or node),
                "tolerance applies to a value, not to a list of names",
            )
        if not isinstance(node, Seq) or not node.items:
            self.problem(
                self.where("names", node),
                f"names must be a list of names, such as [Qaim, Rawah, Anah, Rutba], "
                f"not {kind_of(node) if not isinstance(node, Seq) else 'an empty list'}",
            )
            return None
        members: list[Entity] = []
        seen: dict[str, str] = {}
        for item in node.items:
            if isinstance(item, Invalid):
                self.good = False
                continue
            if not isinstance(item, Scalar) or item.value is None or not item.text.strip():
                self.problem(item.start, f"each of names must be a name, not {kind_of(item)}")
                continue
            entity = self.resolve_name(item, "name")
            if entity is None:
                continue
            if entity.name in seen:
                self.problem(
                    item.start,
                    f"name {item.text.strip()!r} is already in the list as {seen[entity.name]!r}",
                )
                continue
            seen[entity.name] = item.text.strip()
            members.append(entity)
        if not self.good:
            return None
        text = ", ".join(seen.values())
        count = Interval.point(len(members))
        quantity = Quantity(0, len(text), text, count, "dimensionless", kind="names")
        return quantity, text, {"names": tuple(members)}

    def resolve_name(self, node: Scalar, what: str) -> Entity | None:
        """An entity by any of its spellings; a literal name when unknown; a problem (and
        None) for a near miss of a known spelling."""
        text = node.text.strip()
        tables = self.tables
        name = tables.spelling_to_entity.get(text)
        if name is None:
            name = tables.folded_to_entity.get(text.casefold())
        if name is not None:
            return tables.entities[name]
        close = difflib.get_close_matches(text, list(tables.spelling_to_entity), 1, 0.8)
        if close:
            self.problem(
                node.start,
                f"{what} {text!r} is not a known entity (did you mean {close[0]!r}?); "
                "to match it as written, add it under 'entities:'",
            )
            return None
        return Entity(text)

    def read_subject(self) -> Entity | None:
        found = self.text("subject")
        if found is None:
            return None
        subject, node = found
        subject = subject.strip()
        tables = self.tables
        name = tables.spelling_to_entity.get(subject)
        if name is None:
            name = tables.folded_to_entity.get(subject.casefold())
        if name is not None:
            return tables.entities[name]
        close = tables.close_spelling(subject)
        if close is not None:
            self.problem(
                node.start,
                f"subject {subject!r} is not a known entity (did you mean {close!r}?); "
                "to match it as written, add it under 'entities:'",
            )
            return None
        return Entity(subject)

    def read_cue(self) -> str | None:
        found = self.read_pattern("cue")
        if found is None:
            return None
        cue, node, compiled = found
        broad = cue_warning(compiled)
        if broad is not None:
            self.file.warn(node.start, f"cue {_quote(cue)} {broad}", self.fact_id)
        return cue

    def read_pattern(self, name: str) -> tuple[str, Scalar, regex.Pattern[str]] | None:
        """A regex field (``cue``, ``exclude``): its text, node and compiled pattern."""
        found = self.text(name)
        if found is None:
            return None
        pattern, node = found
        too_big = _cue_too_big(pattern)
        if too_big:
            self.problem(node.start, f"{name} {_quote(pattern)} {too_big}")
            return None
        try:
            compiled = compile_cue(pattern)
        except regex.error as error:
            self.problem(
                self._at_offset(node, error.pos),
                f"{name} {_quote(pattern)} is not a valid regular expression: {error.msg}",
            )
            return None
        except (OverflowError, RecursionError, MemoryError, ValueError) as error:
            self.problem(node.start, f"{name} {_quote(pattern)} cannot be compiled: {error}")
            return None
        return pattern, node, compiled

    def _at_offset(self, node: Scalar, pos: int | None) -> Mark:
        """Where character ``pos`` of a scalar is, when it was written on one line as is."""
        start = node.start
        if pos is None or node.end.line != start.line:
            return start
        width = node.end.offset - start.offset
        if node.plain and width == len(node.text):
            return Mark(start.line, start.col + pos, start.offset + pos)
        if not node.plain and width == len(node.text) + 2:  # quoted, no escapes
            return Mark(start.line, start.col + 1 + pos, start.offset + 1 + pos)
        return start

    def read_scope(self) -> str:
        found = self.text("scope")
        if found is None:
            return "paragraph"
        scope, node = found
        if scope not in SCOPES:
            self.problem(
                node.start,
                f"scope must be one of {', '.join(SCOPES)}, not {_quote(scope)}"
                f"{_did_you_mean(scope, SCOPES)}",
            )
            return "paragraph"
        return scope

    def read_tags(self) -> tuple[str, ...]:
        node = self.field("tags")
        if node is None:
            return ()
        if isinstance(node, Scalar) and node.value is None:
            self.problem(self.where("tags", node), "tags is empty")
            return ()
        items = node.items if isinstance(node, Seq) else (node,)
        tags: list[str] = []
        for item in items:
            if isinstance(item, Invalid):
                self.good = False
            elif not isinstance(item, Scalar) or not isinstance(item.value, str):
                self.problem(
                    item.start,
                    f"tags must be a list of names (or one name), not {kind_of(item)}"
                    if item is node
                    else f"a tag must be a name, not {kind_of(item)}",
                )
            elif not item.text.isidentifier() or keyword.iskeyword(item.text):
                self.problem(
                    item.start,
                    f"tag {_quote(item.text)} is not usable as a pytest marker; "
                    "a tag is a Python name such as 'distance' or 'casualty_count'",
                )
            elif item.text in _PYTEST_MARKERS:
                self.problem(
                    item.start,
                    f"tag {item.text!r} is a pytest built-in marker and would change how "
                    "the test runs; choose another name",
                )
            else:
                tags.append(item.text)
        return tuple(dict.fromkeys(tags))

    def read_xfail(self) -> tuple[str | None, tuple[tuple[str, str], ...]]:
        """``xfail:`` as a reason for every article, or a mapping of article globs to reasons."""
        node = self.field("xfail")
        if node is None:
            return None, ()
        if isinstance(node, Invalid):
            self.good = False
            return None, ()
        if isinstance(node, Scalar) and node.value is True:
            return DEFAULT_XFAIL_REASON, ()
        if isinstance(node, Scalar) and node.value is False:
            return None, ()
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.text.strip():
            return node.text, ()
        if isinstance(node, Map) and node.items:
            return None, self.read_xfail_articles(node)
        self.problem(
            self.where("xfail", node),
            "xfail must be a reason (text), true/false, or a mapping of article globs to "
            f"reasons, not {kind_of(node)}",
        )
        return None, ()

    def read_xfail_articles(self, node: Map) -> tuple[tuple[str, str], ...]:
        """``{"seeds/002_*.txt": "why"}``: each article glob with its reason."""
        entries: list[tuple[str, str]] = []
        for key, value in node.items:
            glob = key.text.strip() if isinstance(key.value, str) else ""
            if not glob:
                self.problem(key.start, f"an xfail article glob must be text, not {kind_of(key)}")
                continue
            if isinstance(value, Invalid):
                self.good = False
            elif isinstance(value, Scalar) and value.value is True:
                entries.append((glob, DEFAULT_XFAIL_REASON))
            elif isinstance(value, Scalar) and isinstance(value.value, str) and value.text.strip():
                entries.append((glob, value.text))
            else:
                self.problem(
                    value.start
                    if not (isinstance(value, Scalar) and value.value is None)
                    else key.start,
                    f"the xfail reason for {glob!r} must be text (or true), not {kind_of(value)}",
                )
        return tuple(entries)

    def read_exclude(self) -> str | None:
        """``exclude:``: a regex like a cue; a cue match whose clause it matches is dropped."""
        found = self.read_pattern("exclude")
        if found is None:
            return None
        pattern, node, compiled = found
        if compiled.match("") is not None:
            self.problem(
                node.start,
                f"exclude {_quote(pattern)} matches empty text, so it would exclude everything",
            )
            return None
        return pattern

    def read_value(self) -> tuple[Quantity, str, str | None] | None:
        node = self.field("value")
        if node is None:
            self.problem(self.node.start, "missing required key 'value'")
            return None
        if isinstance(node, Invalid):
            self.good = False
            return None
        if (
            not isinstance(node, Scalar)
            or node.value is None
            or isinstance(node.value, bool)
            or not node.text.strip()
        ):
            self.problem(
                self.where("value", node),
                f"value must be a quantity written as an article would, such as '90 mi' "
                f"or 'more than 70 percent', not {kind_of(node)}",
            )
            return None
        text = node.text.strip()
        # The reader gives a leading change ("up 8%", "fell 2 points", "+8%") its direction.
        quantity = self.parse(node, text, "value")
        direction = quantity.change if quantity is not None else None
        if quantity is not None and quantity.noun is not None:
            slip = unit_slip(text, approx=self.approx, extra=self.tables.units)
            if slip is not None:
                self.problem(node.start, f"value {_quote(text)} does not parse: {slip}")
                return None
        return None if quantity is None else (quantity, text, direction)

    def parse(self, node: Scalar, text: str, name: str) -> Quantity | None:
        # Read once per text: a large fact base repeats values ("4 towns") many times.
        cached = self.tables.values.get((text, self.approx))
        if cached is None:
            try:
                cached = parse_value(text, approx=self.approx, units=self.tables.units)
            except QuantityError as error:
                cached = f"does not parse: {error}"
            except Exception as error:
                # A bug in the quantity reader must not take every other fact down with it.
                cached = f"could not be read ({type(error).__name__}: {error})"
            self.tables.values[(text, self.approx)] = cached
        if isinstance(cached, str):
            self.problem(node.start, f"{name} {_quote(text)} {cached}")
            return None
        return cached

    def read_tolerance(self, value: Quantity) -> tuple[float, float, str] | None:
        """``(relative, absolute in the value's unit, text)`` of the tolerance, if any."""
        found = self.text("tolerance")
        if found is None:
            return None
        text, node = found
        text = text.strip()
        relative = _RELATIVE.match(text)
        if relative:
            return float(relative.group(1)) / 100, 0.0, text
        if text.startswith("-"):
            self.problem(node.start, f"tolerance {_quote(text)} cannot be negative")
            return None
        number = _NUMBER.match(text)
        if number:
            return 0.0, float(number.group(1)), text
        quantity = self.parse(node, text, "tolerance")
        if quantity is None:
            return None
        interval = quantity.interval
        if not interval.is_point or not math.isfinite(interval.low) or interval.low < 0:
            self.problem(
                node.start,
                f"tolerance {_quote(text)} must be one exact amount, like 5% or 3 mi",
            )
            return None
        if quantity.unit == "dimensionless" and quantity.noun is None:
            return 0.0, interval.low, text  # "1,000": a plain number in the value's unit
        try:
            # A tolerance is a difference: 3 degC is 3 K wide, not 276 K, so convert both
            # ends of [0, amount] and take the width.
            converted = unit_table.convert(Interval(0.0, interval.low), quantity.unit, value.unit)
        except Exception:  # ValueError for other dimensions; anything else from pint
            kind = f"a count of {quantity.noun!r}" if quantity.noun else f"in {quantity.unit}"
            self.problem(
                node.start,
                f"tolerance {_quote(text)} is {kind}, which does not convert "
                f"to the value's unit {value.unit}",
            )
            return None
        return 0.0, abs(converted.high - converted.low), text


@dataclass(frozen=True)
class _Entry:
    """A fact as found in a file, good (``fact``) or not: enough to spot duplicate ids."""

    fact_id: str
    location: Location
    fact: Fact | None


def _read_facts(file: _File, tables: _Tables, approx: float) -> list[_Entry]:
    """Every fact of ``file`` that has an id, with the fact itself when it is good."""
    section = _section(file, "facts")
    if section is None or isinstance(section, Invalid):
        return []
    if not isinstance(section, Seq):
        file.at(
            section.start,
            f"facts must be a list of facts, each starting with '- id:', not {kind_of(section)}",
        )
        return []
    entries: list[_Entry] = []
    ranges: list[tuple[Mark, Mark, str]] = []
    for node in section.items:
        if isinstance(node, Invalid):
            continue
        if not isinstance(node, Map):
            file.at(node.start, f"a fact must be a mapping (id:, value:, ...), not {kind_of(node)}")
            continue
        reader = _FactReader(file, node, tables, approx)
        fact = reader.read()
        if reader.fact_id is not None:
            location = Location(file.display, node.start.line, node.start.col)
            entries.append(_Entry(reader.fact_id, location, fact))
            ranges.append((node.start, node.end, reader.fact_id))
    flawed = _attribute(file, ranges)
    # A fact with a YAML-level problem (a duplicate key, a bad tag) is never run: which of
    # two values it would use is exactly what the problem leaves in doubt.
    return [_Entry(e.fact_id, e.location, None) if e.fact_id in flawed else e for e in entries]


def _attribute(file: _File, ranges: list[tuple[Mark, Mark, str]]) -> set[str]:
    """Give YAML-level problems (a bad tag, a duplicate key) the id of the fact they are in;
    return the ids given one."""
    flawed: set[str] = set()
    for i, problem in enumerate(file.problems):
        if problem.fact_id is not None:
            continue
        where = (problem.location.line, problem.location.col)
        for start, end, fact_id in ranges:
            if (start.line, start.col) <= where < (end.line, end.col):
                file.problems[i] = Problem(problem.location, problem.message, fact_id)
                flawed.add(fact_id)
                break
    return flawed


# -- the whole load ----------------------------------------------------------------------
