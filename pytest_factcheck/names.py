"""Finding an entity's names in text: whole words, possessives, optional al-, fuzzy spelling."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """A named thing and every way an article may spell it.

    ``name`` is the canonical name (the key in a fact file's ``entities:``); ``spellings``
    are the other spellings; ``fuzzy`` is the number of character edits allowed for
    transliterations (0: exact); ``al`` allows an optional ``al-``/``Al ``/``el-`` article
    in front of every spelling.
    """

    name: str
    spellings: tuple[str, ...] = ()
    fuzzy: int = 0
    al: bool = False

    @property
    def all_spellings(self) -> tuple[str, ...]:
        """The canonical name followed by the other spellings, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.spellings)))
