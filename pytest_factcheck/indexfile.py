"""Pytest nodes for an ``articles.yaml`` index with problems: one error item, like a fact
file's, labelled as the articles' index."""

from __future__ import annotations

from typing import Any

from .collect import FactFile, FactFileError


class ArticleIndexFile(FactFile):
    """An ``articles.yaml`` with problems; collects one error item listing all of them."""

    def collect(self) -> list[FactFileError]:
        """The single error item."""
        return [ArticleIndexError.from_parent(self, name="load", problems=self.problems)]


class ArticleIndexError(FactFileError):
    """Every problem of one ``articles.yaml``; the entries with problems are ignored."""

    def reportinfo(self) -> tuple[Any, int | None, str]:
        """The index file and the 0-based line of its first problem."""
        path, line, _ = super().reportinfo()
        return path, line, f"{self.nodeid} (articles index)"
