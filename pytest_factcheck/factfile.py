"""Loading fact files: safe YAML with line marks, validated into :class:`~.facts.Fact`.

Every fact file is read with the same rules (see ``docs/fact-files.md``): a top-level
mapping with ``entities``, ``units`` and ``facts``. Loading never stops at the first
mistake: each problem becomes one located :class:`~.errors.Problem`, a fact with a problem
is left out, and every other fact still loads.

Loading runs in three passes because a fact may use an entity or a unit defined in another
file: read every file, merge every ``entities:`` and ``units:`` section, then validate the
facts of every file against the merged tables.
"""

from __future__ import annotations

import difflib
import gc
import keyword
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from . import units as unit_table
from .cuewarnings import cue_warning
from .dates import parse_fact_date
from .errors import Location, Problem, QuantityError
from .facts import KINDS, SCOPES, Fact, FactSet, compile_cue
from .intervals import Interval
from .names import Entity
from .quantities import Quantity, parse_value
from .unitslips import unit_slip
from .yamlmarks import Invalid, Map, Mark, MarkedNode, Scalar, Seq, kind_of, load_bytes

MAX_FILE_BYTES = 5 * 1024 * 1024
FACT_SUFFIXES = (".yaml", ".yml")

TOP_KEYS = ("entities", "units", "facts")
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
ENTITY_KEYS = ("spellings", "fuzzy", "al")
MAX_FUZZY = 2
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
# The direction of a change written before a value: "up 8%", "fell 2%", "+8%", "-0.4%".
_DIRECTION = re.compile(
    r"\s*(?:(?P<up>up|rose|grew|increased|gained|climbed|\+)|"
    r"(?P<down>down|fell|dropped|declined|decreased|lost|[-−]))(?:\s+by)?\s*(?!to\b)(?=[\d.a-z$€£¥])",
    re.IGNORECASE,
)
# The regex module unrolls counted repeats when compiling: ``a{100000000}`` takes minutes
# and gigabytes before any article is read. No cue needs more than a handful.
_REPEAT = re.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")
MAX_REPEAT = 1000
MAX_REPEAT_PRODUCT = 100_000
MAX_CUE_LENGTH = 1000
# How near a literal subject must be to a known spelling to be taken for a typo of it.
SUBJECT_CUTOFF = 0.8


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


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'cue'?)`` for a near spelling, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _quote(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, shortened so a stray paragraph stays readable."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


# -- finding files ---------------------------------------------------------------------


def find_fact_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The fact files named by ``paths``, and a problem for each path that does not exist.

    A file is taken as it is, whatever its suffix; a folder gives its ``*.yaml`` and
    ``*.yml`` files, recursively, sorted by path. A file named twice is returned once. A
    missing path is a :class:`Problem` at line 1 of that path. Never raises.
    """
    return _find(paths, str)


def _find(
    paths: Sequence[Path], display: Callable[[Path], str]
) -> tuple[list[Path], list[Problem]]:
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            found.append(path)

    for path in paths:
        try:
            if path.is_dir():
                inside = sorted(
                    (p for p in path.rglob("*") if p.suffix.lower() in FACT_SUFFIXES),
                    key=lambda p: p.relative_to(path).parts,
                )
                for candidate in inside:
                    if candidate.is_file():
                        add(candidate)
            elif path.is_file():
                add(path)
            elif path.exists():
                # A pipe or a device could block reading forever.
                problems.append(
                    Problem(Location(display(path), 1, 1), "not a regular file or a folder")
                )
            else:
                problems.append(
                    Problem(Location(display(path), 1, 1), "no such fact file or folder")
                )
        except OSError as error:
            problems.append(
                Problem(Location(display(path), 1, 1), f"cannot read: {error.strerror or error}")
            )
    return found, problems


# -- reading files -----------------------------------------------------------------------


@dataclass
class _File:
    """One fact file being loaded: its display path, root node and problems so far."""

    display: str
    root: Map | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def at(self, mark: Mark, message: str, fact_id: str | None = None) -> None:
        self.problems.append(Problem(Location(self.display, mark.line, mark.col), message, fact_id))

    def warn(self, mark: Mark, message: str, fact_id: str | None = None) -> None:
        self.warnings.append(Problem(Location(self.display, mark.line, mark.col), message, fact_id))


def _read(path: Path, display: str) -> _File:
    file = _File(display)
    start = Mark(1, 1, 0)
    try:
        with path.open("rb") as stream:
            # Read one byte past the limit rather than trusting stat(): a pipe or a device
            # reports no size.
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        file.at(start, f"cannot read the fact file: {error.strerror or error}")
        return file
    if len(data) > MAX_FILE_BYTES:
        file.at(
            start,
            f"the fact file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
            "split it into several files",
        )
        return file
    root, problems = load_bytes(data, display)
    file.problems.extend(problems)
    if root is None:
        return file  # empty, or unreadable (already reported)
    if isinstance(root, Map):
        file.root = root
        for key, _ in root.items:
            if key.text not in TOP_KEYS:
                file.at(
                    key.start,
                    f"unknown top-level key {_quote(key.text)}{_did_you_mean(key.text, TOP_KEYS)}"
                    "; a fact file has entities:, units: and facts:",
                )
    elif isinstance(root, Seq):
        file.at(
            root.start,
            "a fact file is a mapping, but this one is a list; put the facts under 'facts:'",
        )
    elif not isinstance(root, Invalid):
        file.at(root.start, f"a fact file is a mapping with 'facts:', not {kind_of(root)}")
    return file


def _section(file: _File, name: str) -> MarkedNode | None:
    if file.root is None:
        return None
    for key, value in file.root.items:
        if key.text == name:
            # An empty section (``facts:`` with nothing under it) is fine while drafting.
            return None if isinstance(value, Scalar) and value.value is None else value
    return None


# -- entities and units ------------------------------------------------------------------


@dataclass
class _Tables:
    """Entities and units merged over all files, with where each was defined."""

    entities: dict[str, Entity] = field(default_factory=dict)
    entity_at: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    unit_at: dict[str, str] = field(default_factory=dict)
    spelling_to_entity: dict[str, str] = field(default_factory=dict)
    folded_to_entity: dict[str, str] = field(default_factory=dict)
    # (text, approx) -> the quantity a value or tolerance reads as, or why it does not.
    values: dict[tuple[str, float], Quantity | str] = field(default_factory=dict)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _close: dict[str, str | None] = field(default_factory=dict)

    def index(self) -> None:
        """Build the lookups a fact's ``subject`` uses; the first definition wins."""
        for name, entity in self.entities.items():
            for spelling in entity.all_spellings:
                self.spelling_to_entity.setdefault(spelling, name)
                self.folded_to_entity.setdefault(spelling.casefold(), name)
        for spelling in self.spelling_to_entity:
            self._by_length.setdefault(len(spelling), []).append(spelling)

    def close_spelling(self, subject: str) -> str | None:
        """The known spelling nearest ``subject`` (difflib ratio 0.8 or more), if any.

        Asked once per distinct subject, and only of spellings whose length allows a ratio
        of 0.8 (2·shorter / (sum of lengths)), in the order they were defined: the same
        answer as asking difflib of every spelling, without thousands of calls on a large
        fact base.
        """
        if subject not in self._close:
            n = len(subject)
            lengths = range(-(-2 * n // 3), 3 * n // 2 + 1)
            near = {s for length in lengths for s in self._by_length.get(length, ())}
            choices = [s for s in self.spelling_to_entity if s in near]
            close = difflib.get_close_matches(subject, choices, 1, SUBJECT_CUTOFF)
            self._close[subject] = close[0] if close else None
        return self._close[subject]


def _where(file: _File, mark: Mark) -> str:
    return f"{file.display}:{mark.line}:{mark.col}"


def _string_list(file: _File, node: MarkedNode, what: str) -> tuple[str, ...] | None:
    """A list of strings (or one string) as a tuple, or ``None`` after reporting why not."""
    if isinstance(node, Invalid):
        return None
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return (node.text,)
    if not isinstance(node, Seq):
        file.at(node.start, f"{what} must be a list of strings, not {kind_of(node)}")
        return None
    texts: list[str] = []
    good = True
    for item in node.items:
        if isinstance(item, Scalar) and isinstance(item.value, str) and item.text.strip():
            texts.append(item.text)
        elif isinstance(item, Scalar) and isinstance(item.value, (int, float)):
            texts.append(item.text)  # "Route 1": a name may be a number as written
        elif not isinstance(item, Invalid):
            file.at(item.start, f"each of {what} must be a non-empty string, not {kind_of(item)}")
            good = False
        else:
            good = False
    return tuple(dict.fromkeys(texts)) if good else None


def _read_entity(file: _File, name: str, node: MarkedNode) -> Entity | None:
    what = f"the spellings of entity {name!r}"
    if isinstance(node, Scalar) and node.value is None:
        return Entity(name)
    if not isinstance(node, Map):
        spellings = _string_list(file, node, what)
        return None if spellings is None else Entity(name, spellings)
    entity = Entity(name)
    good = True
    for key, value in node.items:
        if key.text == "spellings":
            spellings = _string_list(file, value, what)
            if spellings is None:
                good = False
            else:
                entity = Entity(name, spellings, entity.fuzzy, entity.al)
        elif key.text == "fuzzy":
            fuzzy = value.value if isinstance(value, Scalar) else None
            if type(fuzzy) is not int or not 0 <= fuzzy <= MAX_FUZZY:
                if not isinstance(value, Invalid):
                    file.at(
                        value.start,
                        f"fuzzy must be a whole number of edits from 0 to {MAX_FUZZY}, "
                        f"not {kind_of(value)}",
                    )
                good = False
            else:
                entity = Entity(name, entity.spellings, fuzzy, entity.al)
        elif key.text == "al":
            al = value.value if isinstance(value, Scalar) else None
            if not isinstance(al, bool):
                if not isinstance(value, Invalid):
                    file.at(value.start, f"al must be true or false, not {kind_of(value)}")
                good = False
            else:
                entity = Entity(name, entity.spellings, entity.fuzzy, al)
        else:
            file.at(
                key.start,
                f"unknown key {_quote(key.text)} in entity {name!r}"
                f"{_did_you_mean(key.text, ENTITY_KEYS)}; an entity has spellings:, fuzzy:, al:",
            )
            good = False
    return entity if good else None


def _map_section(file: _File, name: str, shape: str) -> Map | None:
    """The top-level ``name`` section when it is a mapping; a problem when it is not."""
    section = _section(file, name)
    if section is None or isinstance(section, Invalid):
        return None
    if not isinstance(section, Map):
        file.at(section.start, f"{name} must be a mapping of {shape}, not {kind_of(section)}")
        return None
    return section


def _read_entities(file: _File, tables: _Tables) -> None:
    section = _map_section(file, "entities", "name -> spellings")
    if section is None:
        return
    for key, value in section.items:
        name = key.text.strip()
        if not isinstance(key.value, (str, int, float)) or not name:
            file.at(key.start, f"an entity name must be a non-empty string, not {kind_of(key)}")
            continue
        entity = _read_entity(file, name, value)
        if entity is None:
            continue
        known = tables.entities.get(name)
        if known is None:
            tables.entities[name] = entity
            tables.entity_at[name] = _where(file, key.start)
        elif known != entity:
            file.at(
                key.start,
                f"entity {name!r} is already defined differently at {tables.entity_at[name]}",
            )


def _read_units(file: _File, tables: _Tables) -> None:
    section = _map_section(file, "units", "surface form -> pint unit")
    if section is None:
        return
    for key, value in section.items:
        surface = key.text.strip()
        if not isinstance(key.value, str) or not surface:
            file.at(
                key.start, f"a unit's surface form must be a non-empty word, not {kind_of(key)}"
            )
            continue
        if not (isinstance(value, Scalar) and isinstance(value.value, str) and value.text.strip()):
            if not isinstance(value, Invalid):
                file.at(
                    value.start,
                    f"unit {surface!r} must map to a pint unit such as 'mile', "
                    f"not {kind_of(value)}",
                )
            continue
        try:
            canonical = unit_table.check_unit_expression(value.text)
        except QuantityError as error:
            file.at(value.start, f"unit {surface!r}: {error}")
            continue
        except Exception as error:  # a pint failure must not take the other files down
            file.at(value.start, f"unit {surface!r}: {value.text!r} could not be read ({error})")
            continue
        known = tables.units.get(surface)
        if known is None:
            tables.units[surface] = canonical
            tables.unit_at[surface] = _where(file, key.start)
            _warn_if_redefined(file, key, surface, canonical)
        elif known != canonical:
            file.at(
                key.start,
                f"unit {surface!r} is already defined as {known!r} at {tables.unit_at[surface]}",
            )


def _warn_if_redefined(file: _File, key: Scalar, surface: str, canonical: str) -> None:
    """A warning when the unit table already reads ``surface`` as another unit."""
    try:
        found = unit_table.match_unit(surface, 0)
    except Exception:  # the table's own lookup failing must not stop the load
        return
    if found is None or found[1] != len(surface) or found[0].unit == canonical:
        return
    file.warn(
        key.start,
        f"units: {surface!r} redefines the unit table's {found[0].surface!r} "
        f"({found[0].unit}) as {canonical}, in every article",
    )


# -- facts -------------------------------------------------------------------------------


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
            return Fact(
                id=self.fact_id,
                location=Location(self.file.display, self.node.start.line, self.node.start.col),
                value=quantity,
                value_text=text,
                cue=cue,
                subject=subject,
                claim=claim[0] if claim else None,
                scope=scope,
                source=source[0] if source else None,
                tags=tags,
                xfail=xfail,
                xfail_articles=xfail_articles,
                exclude=exclude,
                **extra,
            )
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
            id=self.fact_id,
            location=Location(self.file.display, self.node.start.line, self.node.start.col),
            value=value[0],
            value_text=value[1],
            cue=cue,
            subject=subject,
            claim=claim[0] if claim else None,
            tolerance_text=tolerance_text,
            tolerance_relative=relative,
            tolerance_absolute=absolute,
            scope=scope,
            source=source[0] if source else None,
            tags=tags,
            xfail=xfail,
            xfail_articles=xfail_articles,
            exclude=exclude,
            direction=value[2],
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
        direction, rest = _direction(text)
        quantity = self.parse(node, rest, "value")
        signed_level = (
            quantity is not None
            and text[:1] in "-−"
            and quantity.unit not in (unit_table.PERCENT, unit_table.PERCENTAGE_POINT)
        )
        if signed_level:
            # "-3 degC" is a level, not a change: read it with its sign.
            direction, quantity = None, self.parse(node, text, "value")
        if quantity is not None and quantity.noun is not None:
            slip = unit_slip(rest, approx=self.approx, extra=self.tables.units)
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


def _direction(text: str) -> tuple[str | None, str]:
    """``up 8%`` -> ``("up", "8%")``: a change's direction and the value without it.

    A value that the quantity reader already reads whole keeps no direction here.
    """
    match = _DIRECTION.match(text)
    if match is None:
        return None, text
    return ("up" if match.group("up") else "down"), text[match.end() :]


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


def load_facts(
    paths: Sequence[Path],
    *,
    display: Callable[[Path], str] = str,
    approx: float = 0.10,
) -> FactSet:
    """Load every fact file named by ``paths`` (files, or folders searched for ``*.yaml``).

    Returns a :class:`FactSet` with the good facts in file order then fact order, the merged
    entities and units, the display path of every fact file found (``display(path)``, e.g.
    ``facts/rutba.yaml``) and every problem of every file, located ``path:line:col`` and
    sorted by file and position. ``approx`` is the width of hedges such as "about" in
    values. Never raises for bad input: a fact with a problem is left out and the rest load.
    """
    # Loading builds hundreds of thousands of objects that all stay alive until the file
    # is read; the cyclic garbage collector would walk them again and again (70% of the
    # time at 10,000 facts). It is paused, and collects as usual afterwards.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_facts(paths, display, approx)
    finally:
        if paused:
            gc.enable()


def _load_facts(paths: Sequence[Path], display: Callable[[Path], str], approx: float) -> FactSet:
    files, path_problems = _find(paths, display)
    read = [_read(path, display(path)) for path in files]
    tables = _Tables()
    for file in read:
        _read_entities(file, tables)
    for file in read:
        _read_units(file, tables)
    tables.index()
    entries: list[tuple[_File, _Entry]] = []
    for file in read:
        entries.extend((file, entry) for entry in _read_facts(file, tables, approx))
    kept = _drop_duplicate_ids(entries)
    problems = list(path_problems)
    for file in read:
        problems.extend(sorted(file.problems, key=lambda p: (p.location.line, p.location.col)))
    return FactSet(
        facts=tuple(kept),
        entities=dict(tables.entities),
        units=dict(tables.units),
        problems=tuple(problems),
        files=tuple(dict.fromkeys(file.display for file in read)),
        warnings=tuple(w for file in read for w in file.warnings),
    )


def _drop_duplicate_ids(entries: list[tuple[_File, _Entry]]) -> list[Fact]:
    """The good facts with every repeat of an id left out.

    Each repeat is reported where it is, naming the first definition (good or not); the
    first keeps its id, so ``-k`` still finds it.
    """
    first: dict[str, Location] = {}
    kept: list[Fact] = []
    for file, entry in entries:
        earlier = first.get(entry.fact_id)
        if earlier is None:
            first[entry.fact_id] = entry.location
            if entry.fact is not None:
                kept.append(entry.fact)
            continue
        file.problems.append(
            Problem(
                entry.location,
                f"duplicate id {entry.fact_id!r}: first defined at {earlier}",
                entry.fact_id,
            )
        )
    return kept
