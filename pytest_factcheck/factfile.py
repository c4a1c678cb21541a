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

import gc
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import Location, Problem
from .factreader import _Entry, _read_facts
from .facts import Fact, FactSet
from .factsections import (
    MAX_FILE_BYTES,
    SUBJECT_CUTOFF,
    _File,
    _read,
    _read_entities,
    _read_units,
    _Tables,
)

__all__ = ["MAX_FILE_BYTES", "SUBJECT_CUTOFF", "find_fact_files", "load_facts"]

FACT_SUFFIXES = (".yaml", ".yml")


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
