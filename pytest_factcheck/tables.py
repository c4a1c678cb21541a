"""A Markdown table row read as a statement in the context of its row and column headers.

``| Revenue | $12.4bn | $11.5bn | +8% |`` under ``| Telvara | Q3 2026 | Q3 2025 | Change |``
states revenue of $12.4bn now, $11.5bn as an earlier value, and a change of +8%. The
rules, for the matcher (:mod:`pytest_factcheck.match`):

- each cell is a clause; the first (the row header) names what the row measures, and the
  other cells continue it, so a cue in the row header reaches the row's figures;
- a cue in a column header reaches that column's cell in every row below it;
- the subject may be named in the row, or in the table's header row (``| Telvara | Q3
  2026 | … |``), which is the context of every row; when a column header names it (``| |
  Telvara | Brightwell |``), only that column's cells are its figures;
- a column is *earlier* when its header says so (``Previous record``, ``Last year``,
  ``Prior year``, ``2025`` when another column says ``2026``): its figures are prior values;
  so is a row headed by an older year than another row of its table (``| 2025 | 22,936 |``
  under ``| 2026 | 24,312 |``);
- a column is a *change* when its header says so (``Change``, ``Growth``, ``YoY``, ``%
  chg``): its figures are changes, up unless a minus sign says down.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .articles import Article
from .clauses import Clause
from .markdown import Row

__all__ = [
    "cell_of",
    "column_is_change",
    "column_is_prior",
    "headers",
    "named_in_header",
    "row_clauses",
    "row_year",
]

_PRIOR_HEADER = re.compile(
    r"\b(?:previous|prior|last|earlier|old|year[-\s]ago|a\s+year\s+(?:ago|earlier)|was|before)\b",
    re.IGNORECASE,
)
_CHANGE_HEADER = re.compile(
    r"\b(?:change|chg|growth|y/?o/?y|yoy|q/?o/?q|increase|decrease|diff(?:erence)?)\b|[±Δ]",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def row_clauses(row: Row) -> list[Clause]:
    """One clause per non-empty cell; every cell after the first continues the row header."""
    cells = [c for c in row.cells if c[1] > c[0]]
    return [Clause(a, b, continues=k > 0) for k, (a, b) in enumerate(cells)]


def cell_of(row: Row, offset: int) -> int | None:
    """The index of the cell of ``row`` holding ``offset``, or None."""
    for k, (a, b) in enumerate(row.cells):
        if a <= offset < b:
            return k
    return None


def column_is_prior(text: str, row: Row, cell: int) -> bool:
    """Whether the column of ``cell`` holds earlier values (by its header)."""
    header = row.headers[cell] if cell < len(row.headers) else None
    if header is None:
        return False
    label = text[header[0] : header[1]]
    if _PRIOR_HEADER.search(label) is not None:
        return True
    years = [int(y) for y in _YEAR.findall(label)]
    if not years:
        return False
    newest = max(
        (int(y) for h in row.headers if h is not None for y in _YEAR.findall(text[h[0] : h[1]])),
        default=0,
    )
    return max(years) < newest


def row_year(text: str, row: Row) -> int:
    """The newest year its row header names (``| 2025 | 22,936 |``); 0 when none."""
    a, b = row.cells[0]
    return max((int(y) for y in _YEAR.findall(text[a:b])), default=0)


def column_is_change(text: str, row: Row, cell: int) -> bool:
    """Whether the column of ``cell`` holds changes (``Change``, ``Growth``, ``YoY``)."""
    header = row.headers[cell] if cell < len(row.headers) else None
    return header is not None and _CHANGE_HEADER.search(text[header[0] : header[1]]) is not None


def headers(article: Article) -> dict[int, Row]:
    """Each table's header row, by table number (computed once per article by the caller)."""
    return {row.table: row for row in article.rows.values() if row.header}


def named_in_header(header: Row | None, named: Callable[[int, int], bool]) -> bool:
    """Whether a table's header row names the subject (``named(start, end)``)."""
    return header is not None and named(header.cells[0][0], header.cells[-1][1])
