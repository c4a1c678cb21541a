"""Seed articles changed in memory, checked against the shipped facts (mutation tests)."""

from __future__ import annotations

from pathlib import Path

from pytest_factcheck.articles import parse_article
from pytest_factcheck.factfile import load_facts
from pytest_factcheck.facts import FactSet
from pytest_factcheck.match import check, index_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def shipped_facts() -> FactSet:
    """The facts in ``facts/``, which must load without a problem."""
    loaded = load_facts([ROOT / "facts"])
    assert not loaded.problems, loaded.problems
    return loaded


def seed(prefix: str) -> str:
    """The text of the seed article whose name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def outcomes(facts: FactSet, text: str, name: str = "article.txt") -> dict[str, str]:
    """Every fact's outcome on ``text`` read as the article ``name``."""
    index = index_article(parse_article(text, name), extra_units=facts.units)
    return {fact.id: check(fact, index).outcome for fact in facts.facts}


def mutate(text: str, old: str, new: str) -> str:
    """``text`` with ``old``, which must occur exactly once, replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur exactly once in the seed"
    return text.replace(old, new)
