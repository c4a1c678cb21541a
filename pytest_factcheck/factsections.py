"""A fact file read into its YAML tree, and its ``entities:`` and ``units:`` sections.

The first two of the loader's passes (:mod:`pytest_factcheck.factfile`): every file is read
once with line marks, then the entities and units of every file are merged into one table
that the facts of every file are validated against (:mod:`pytest_factcheck.factreader`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import units as unit_table
from .errors import Location, Problem, QuantityError
from .names import Entity
from .quantities import Quantity
from .yamlmarks import Invalid, Map, Mark, MarkedNode, Scalar, Seq, kind_of, load_bytes

MAX_FILE_BYTES = 5 * 1024 * 1024
TOP_KEYS = ("entities", "units", "facts")
ENTITY_KEYS = ("spellings", "fuzzy", "al")
MAX_FUZZY = 2
# How near a literal subject must be to a known spelling to be taken for a typo of it.
SUBJECT_CUTOFF = 0.8


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'cue'?)`` for a near spelling, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _quote(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, shortened so a stray paragraph stays readable."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


# -- finding files ---------------------------------------------------------------------


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
