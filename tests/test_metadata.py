"""Article metadata: front matter, an articles.yaml index, a dateline, and which one won."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pytest_factcheck.metadata import (
    dateline,
    parse_full_date,
    read_front_matter,
    read_index,
    read_metadata,
)

D = dt.date


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("June 22, 2014", D(2014, 6, 22)),
        ("  22 June 2014 ", D(2014, 6, 22)),
        ("Sunday, June 22, 2014", D(2014, 6, 22)),
        ("Sun., Jun. 22, 2014", D(2014, 6, 22)),
        ("2014-06-22", D(2014, 6, 22)),
        ("2014-06-22T08:30:00Z", D(2014, 6, 22)),
        ("Sept. 3, 2023", D(2023, 9, 3)),
        ("SUNDAY, JUNE 22, 2014", D(2014, 6, 22)),
        ("22 June, 2014", D(2014, 6, 22)),
        ("June 22", None),  # not a full date
        ("Updated June 22, 2014", None),  # not only a date
        ("February 30, 2014", None),
    ],
)
def test_full_dates(line: str, day: D | None) -> None:
    assert parse_full_date(line) == day


def test_dateline_in_the_first_ten_lines_only() -> None:
    head = "Markets rally\n\nBy A. Writer\n\nMarch 4, 2024\n\nStocks rose on Monday.\n"
    assert dateline(head) == D(2024, 3, 4)
    late = "x\n" * 10 + "March 4, 2024\n"
    assert dateline(late) is None
    assert dateline("Stocks rose on March 4, 2024, after a slump.\n") is None


def test_front_matter_fields_and_problems() -> None:
    text = "---\ntitle: Rain\ndate: 2024-03-13\noutlet: The Ledger\nextra: ok\n---\nRain fell.\n"
    assert read_front_matter(text, "a.md") == (
        {"title": "Rain", "date": "2024-03-13", "outlet": "The Ledger"},
        [],
    )
    fields, problems = read_front_matter("---\ndate: soon\n---\nx\n", "a.md")
    assert fields == {}
    assert [str(p) for p in problems] == [
        "a.md:2:7: date 'soon' is not a full date; write 2014-06-22 or June 22, 2014"
    ]
    _, problems = read_front_matter("---\ndate: [2024\n---\nx\n", "a.md")
    assert str(problems[0]).startswith("a.md:3:1: YAML syntax error")


def test_sources_in_order(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text("---\ndate: 2024-03-13\n---\nMarch 1, 2024\n\nRain.\n", encoding="utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text("March 1, 2024\n\nRain.\n", encoding="utf-8")
    bare = tmp_path / "c.txt"
    bare.write_text("Rain on Monday.\n", encoding="utf-8")
    for path in (md, txt, bare):
        meta = read_metadata(path.read_text(encoding="utf-8"), path, path.name)
        assert meta.date is not None or path is bare
    assert read_metadata(md.read_text(), md, "a.md").date.source == "front matter"  # type: ignore[union-attr]
    assert read_metadata(txt.read_text(), txt, "b.txt").date.source == "dateline"  # type: ignore[union-attr]
    (tmp_path / "articles.yaml").write_text(
        "b.txt: {date: 2024-03-02, outlet: Wire}\nc.txt:\n  date: March 3, 2024\n",
        encoding="utf-8",
    )
    b = read_metadata(txt.read_text(), txt, "b.txt")
    assert (b.date and (b.date.day, b.date.source), b.outlet) == (
        (D(2024, 3, 2), "articles.yaml"),
        "Wire",
    )
    c = read_metadata(bare.read_text(), bare, "c.txt")
    assert c.date is not None and c.date.day == D(2024, 3, 3)
    # Front matter wins over the index.
    (tmp_path / "articles.yaml").write_text("a.md: {date: 2020-01-01}\n", encoding="utf-8")
    a = read_metadata(md.read_text(), md, "a.md")
    assert a.date is not None and (a.date.day, a.date.source) == (D(2024, 3, 13), "front matter")


def test_a_text_file_may_open_with_front_matter_too(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ndate: 2024-03-13\n---\nRain.\n", encoding="utf-8")
    meta = read_metadata(path.read_text(), path, "a.txt")
    assert meta.date is not None and meta.date.source == "front matter"
    # A rule of dashes above prose is no front matter.
    path.write_text("---\nRain fell all day.\n---\nMore rain.\n", encoding="utf-8")
    assert read_metadata(path.read_text(), path, "a.txt").date is None


def test_index_problems_are_located(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rain.\n", encoding="utf-8")
    index = tmp_path / "articles.yaml"
    index.write_text(
        "a.txt:\n  date: someday\n  autor: X\nmissing.txt: {date: 2024-01-01}\nb/c.txt: {}\n"
        "a2.txt: [1]\n",
        encoding="utf-8",
    )
    _, problems = read_index(index, "news/articles.yaml")
    assert [str(p) for p in problems] == [
        "news/articles.yaml:2:9: date 'someday' is not a full date; write 2014-06-22 or "
        "June 22, 2014",
        "news/articles.yaml:3:3: unknown key 'autor'; an entry has date, outlet, url, title",
        "news/articles.yaml:4:1: no article 'missing.txt' in this folder",
        "news/articles.yaml:5:1: 'b/c.txt' is not a file name in this folder",
        "news/articles.yaml:6:1: no article 'a2.txt' in this folder",
        "news/articles.yaml:6:9: expected a mapping of date, outlet, url, title, not a list",
    ]


def test_front_matter_is_read_from_the_file_when_the_text_lost_it(tmp_path: Path) -> None:
    # A Markdown reader may hand over the prose alone; the date is still in the file.
    path = tmp_path / "a.md"
    path.write_text("---\ndate: 2024-03-13\n---\nRain fell.\n", encoding="utf-8")
    meta = read_metadata("Rain fell.\n", path, "a.md")
    assert meta.date is not None and (meta.date.day, meta.date.source) == (
        D(2024, 3, 13),
        "front matter",
    )
