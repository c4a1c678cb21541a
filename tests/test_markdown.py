"""Markdown articles: prose only, every span at the line and column it has in the file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.articles import parse_article
from pytest_factcheck.markdown import is_markdown, layout

ARTICLE = """\
---
title: "Ferry fares rise 40%"
date: 2026-03-02
---

# Ferry fares rise 12% on the island route

<!-- Editor: the wire said 40%, check with the operator. -->

The operator said fares on the **island route** rose 12% from Monday. See the
[timetable](https://example.org/fares-2026-40.pdf) and `FARE_40` for details.

- Single tickets now cost £9.50.
- Returns cost £17.

> "We carried 1.3 million passengers," the chief executive said.

```
fare_multiplier = 40
```

| Route | 2026 | 2025 | Change |
| --- | --- | --- | --- |
| Island | £9.50 | £8.50 | +12% |
| Harbour | £4.00 | £4.00 | 0% |
"""


def read(text: str = ARTICLE) -> str:
    return layout(text).text


def test_the_text_keeps_its_length_and_line_ends() -> None:
    masked = read()
    assert len(masked) == len(ARTICLE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        "Ferry fares rise 40%",  # front matter
        "2026-03-02",
        "the wire said 40%",  # an HTML comment
        "https://example.org/fares-2026-40.pdf",  # a link target
        "FARE_40",  # a code span
        "fare_multiplier = 40",  # a code block
        "**",
        "# ",
        "> ",
    ],
)
def test_what_is_not_prose_is_blank(hidden: str) -> None:
    assert hidden in ARTICLE
    assert hidden not in read()


@pytest.mark.parametrize(
    "prose",
    [
        "Ferry fares rise 12% on the island route",  # a heading
        "The operator said fares on the",
        "island route",  # emphasis: its text stays
        "timetable",  # a link's text
        "Single tickets now cost £9.50.",  # list items
        '"We carried 1.3 million passengers," the chief executive said.',  # a quote
        "| Island | £9.50 | £8.50 | +12% |",  # a table row, borders kept
    ],
)
def test_prose_stays_where_it_is(prose: str) -> None:
    at = ARTICLE.index(prose)
    assert read()[at : at + len(prose)] == prose


def test_blocks_are_paragraphs_and_rows_are_sentences() -> None:
    article = parse_article(ARTICLE, "fares.md")
    paragraphs = [article.paragraph_text(i) for i in range(len(article.paragraphs))]
    assert paragraphs[0] == "Ferry fares rise 12% on the island route"
    assert "Single tickets now cost £9.50." in paragraphs
    assert "Returns cost £17." in paragraphs
    rows = sorted(article.rows)
    assert [article.sentence_text(s) for s in rows] == [
        "Route | 2026 | 2025 | Change",
        "Island | £9.50 | £8.50 | +12%",
        "Harbour | £4.00 | £4.00 | 0%",
    ]
    island = article.rows[rows[1]]
    assert [article.text[a:b] for a, b in island.cells] == ["Island", "£9.50", "£8.50", "+12%"]
    assert [article.text[h[0] : h[1]] for h in island.headers if h] == [
        "Route",
        "2026",
        "2025",
        "Change",
    ]
    assert article.rows[rows[0]].header


def test_positions_are_the_files() -> None:
    article = parse_article(ARTICLE, "fares.md")
    at = article.text.index("£17")
    assert article.position(at) == (14, 16)
    assert article.line_text(14) == "  Returns cost £17."


def test_crlf_and_an_unclosed_front_matter() -> None:
    text = "---\r\ntitle: x\r\n\r\nOnly 3 ferries ran.\r\n"
    article = parse_article(text, "a.md")
    # No closing line: not front matter, so it is read (as a thematic break and prose).
    assert "Only 3 ferries ran." in article.text
    assert article.position(article.text.index("3 ferries")) == (4, 6)


def test_suffixes() -> None:
    assert is_markdown("news/a.md") and is_markdown("A.MARKDOWN")
    assert not is_markdown("news/a.txt")


@given(st.text(alphabet="ab 12#*_`<>!-|[]()\n:.", max_size=120))
def test_any_text_reads_and_keeps_its_characters_in_place(text: str) -> None:
    masked = layout(text).text
    assert len(masked) == len(text)
    for original, kept in zip(text, masked, strict=True):
        assert kept == original or kept == " "
    parse_article(text, "x.md")  # never raises


def test_escapes_and_entities_stay_prose() -> None:
    text = "Sales rose \\*14%\\* and &amp; 15 fell; AT&amp;T lost &#36;2 billion.\n"
    masked = read(text)
    for prose in ("14%", "15 fell", "AT&amp;T lost &#36;2 billion."):
        at = text.index(prose)
        assert masked[at : at + len(prose)] == prose
