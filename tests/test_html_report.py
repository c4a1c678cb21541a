"""``--factcheck-html``: the page's content, read with an HTML parser (no browser needed).

What a browser does with the page (console, hover, keyboard, screenshots) is tested in
``test_html_browser.py``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reports_project import ARTICLES, EXPECTED, FACTS, PAIRS

from pytest_factcheck.html_report import _lines, _marked, _Span
from pytest_factcheck.outcomes import CONTRADICTS, FactInfo, MentionRecord, Outcome

if TYPE_CHECKING:
    from conftest import MakeProject

CLASS_OF = {"passed": "p", "failed": "f", "not mentioned": "n"}


class Page(HTMLParser):
    """Elements of the page with their attributes, and the text outside tags and scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in ("br", "hr", "input", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1] not in ("script", "style"):
            self.text.append(data)

    def tags(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]


def html_run(project: MakeProject, *args: str) -> tuple[str, Page]:
    pytester = project(FACTS, ARTICLES)
    result = pytester.runpytest("--factcheck", "--factcheck-html", "out/report.html", *args)
    result.assert_outcomes(failed=2, passed=2, skipped=0)
    path = pytester.path / "out" / "report.html"
    result.stdout.fnmatch_lines([f"factcheck: HTML report written to {path}"])
    text = path.read_text(encoding="utf-8")
    return text, Page(text)


@pytest.mark.parametrize("args", [["-p", "no:xdist"], ["-n", "2"]], ids=["serial", "xdist"])
def test_grid_cells_are_the_runs_outcomes(factcheck_project: MakeProject, args: list[str]) -> None:
    text, page = html_run(factcheck_project, *args)
    rows = [a for a in page.tags("tr") if a.get("data-article")]
    assert [r["data-article"] for r in rows] == [
        "news/a_storm.txt",
        "news/b_markets.md",
        "news/c_sport.txt",
    ]
    cells = Counter(a.get("class") for a in page.tags("td") if a.get("class") in ("p", "f", "n"))
    expected = Counter(CLASS_OF[s] for s in EXPECTED.values())
    expected["n"] = PAIRS - len(EXPECTED)
    assert cells == expected
    counts = re.findall(r'data-status="([^"]+)">[^<]*<b class="count">(\d+)</b>', text)
    assert counts == [("passed", "2"), ("failed", "2"), ("not mentioned", "5")]


def test_cells_link_to_the_mentions_line(factcheck_project: MakeProject) -> None:
    text, page = html_run(factcheck_project, "-p", "no:xdist")
    ids = {a["id"] for _, a in page.elements if a.get("id")}
    links = [a["href"] for a in page.tags("a") if (a.get("href") or "").startswith("#")]
    # Every in-page link lands somewhere.
    assert {link[1:] for link in links} <= ids
    # The storm article's failing cell points at line 3 of article a1.
    assert 'title="nadia-wind-speed: failed">✗</a>' in text
    assert '<td class="f"><a href="#a1-L3" title="nadia-wind-speed: failed">' in text


def test_contradiction_is_marked_on_its_line(factcheck_project: MakeProject) -> None:
    text, _ = html_run(factcheck_project, "-p", "no:xdist")
    line = re.search(r'<div class="l" id="a1-L3">.*?</div>', text, re.S)
    assert line is not None
    mark = re.search(r'<mark class="bad" tabindex="0" data-facts="([^"]+)">150 mph<span', line[0])
    assert mark is not None and mark[1] == "nadia-wind-speed"
    assert "fact says about 120 mph (108–132 mph)" in line[0]
    assert "source: https://weather.example.org/nadia" in line[0]
    assert "fact file: facts/facts.yaml:4" in line[0]
    agreeing = re.findall(r'<mark class="ok" tabindex="0" data-facts="([^"]+)">([^<]+)<', text)
    assert agreeing == [("acme-revenue", "$4.2 billion"), ("stadium-capacity", "90,000 seats")]


def test_article_text_is_escaped(factcheck_project: MakeProject) -> None:
    text, page = html_run(factcheck_project, "-p", "no:xdist")
    # One script element only: the page's own, at the end.
    assert len(page.tags("script")) == 1
    assert page.tags("img") == []
    assert not any("onerror" in attrs for _, attrs in page.elements)
    shown = "".join(page.text)
    assert "# Markets <script>window.hacked = 1</script>" in shown
    assert '<b>bold</b> & "quotes" <img src=x onerror="window.hacked = 2">' in shown
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;" in text


def test_page_is_self_contained(factcheck_project: MakeProject) -> None:
    text, page = html_run(factcheck_project, "-p", "no:xdist")
    assert page.tags("link") == []
    assert all(not a.get("src") for _, a in page.elements)
    external = [a["href"] for a in page.tags("a") if not (a.get("href") or "#").startswith("#")]
    assert external == []
    assert "url(" not in text and "@import" not in text


def test_failures_only_is_a_checkbox_css_understands(factcheck_project: MakeProject) -> None:
    text, page = html_run(factcheck_project, "-p", "no:xdist")
    assert {"type": "checkbox", "id": "failures-only"} in page.tags("input")
    assert "body:has(#failures-only:checked) .clean{display:none}" in text
    # The markets article has no failure: its row and its section are "clean".
    clean = [a.get("data-article") for _, a in page.elements if "clean" in (a.get("class") or "")]
    assert "news/b_markets.md" in clean
    assert "news/a_storm.txt" not in clean and "news/c_sport.txt" not in clean


def test_unreadable_article_shows_its_reason(factcheck_project: MakeProject) -> None:
    pytester = factcheck_project(FACTS, {"d_latin1.txt": "Caf\xe9 <b>\n".encode("latin-1")})
    result = pytester.runpytest("--factcheck", "--factcheck-html", "r.html", "-p", "no:xdist")
    result.assert_outcomes(failed=3)
    text = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert (
        '<p class="error">news/d_latin1.txt:1:1: cannot read article: not UTF-8 '
        "(invalid byte 0xe9 at offset 3)</p>"
    ) in text


def _outcome(mentions: list[tuple[int, int, bool]]) -> Outcome:
    return Outcome(
        article="a.txt",
        fact=FactInfo("f"),
        status="failed",
        mentions=tuple(
            MentionRecord(s, e, 1, 1, 1, 1, 1, 1, "x", CONTRADICTS if bad else "agrees", "")
            for s, e, bad in mentions
        ),
    )


@given(
    st.text(alphabet="ab<&\">' é", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 10), st.booleans()), max_size=5),
)
def test_marked_text_keeps_every_character(text: str, raw: list[tuple[int, int, bool]]) -> None:
    # Overlapping and nested mentions: the text reads the same, every covered character is
    # inside a mark, and nothing else is.
    spans = [(s, min(len(text), s + n), bad) for s, n, bad in raw if s < len(text)]
    outcome = _outcome(spans)
    placed = [_Span(m.start, m.end, m, outcome) for m in outcome.mentions]
    out = _marked(text, 0, len(text), placed)
    bare = re.sub(r'<span class="tip".*?</span></mark>', "</mark>", out)
    assert "".join(Page(bare).text) == text
    covered = sum(1 for i in range(len(text)) if any(s <= i < e for s, e, _ in spans))
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", bare)
    assert sum(len(html.unescape(m)) for m in marked) == covered


def test_page_size_is_linear_in_the_text(factcheck_project: MakeProject) -> None:
    line = "Hurricane Nadia brought winds of 150 mph. " * 2 + "\n"
    sizes = []
    for lines in (50, 100):
        pytester = factcheck_project(FACTS, {"a_storm.txt": line * lines})
        pytester.runpytest("--factcheck", "--factcheck-html", f"r{lines}.html", "-p", "no:xdist")
        sizes.append(Path(pytester.path, f"r{lines}.html").stat().st_size)
    small, large = sizes
    # Doubling the article (and its mentions) adds what the first half cost, not more.
    fixed = 2 * small - large
    assert 0 < fixed < small
    assert large - small == pytest.approx(small - fixed, rel=0.01)


def test_lines_keep_crlf_numbering_and_mark_a_mention_across_lines() -> None:
    text = "Title\r\n\r\nWinds of 150\r\nmph hit <the> coast.\r\n"
    start = text.index("150")
    outcome = _outcome([(start, text.index("mph") + 3, True)])
    spans = [_Span(m.start, m.end, m, outcome) for m in outcome.mentions]
    out = _lines(text, "a1", spans).split("\n")
    assert len(out) == 4
    assert out[2].startswith('<div class="l" id="a1-L3"><a class="n" href="#a1-L3">3</a>')
    assert (
        '<span class="t">Winds of <mark class="bad" tabindex="0" data-facts="f">150<span' in out[2]
    )
    assert '<span class="t"><mark class="bad" tabindex="0" data-facts="f">mph<span' in out[3]
    assert out[3].endswith(" hit &lt;the&gt; coast.</span></div>")
    assert "\r" not in "".join(out)


def test_a_report_that_cannot_be_written_is_one_line(factcheck_project: MakeProject) -> None:
    pytester = factcheck_project(FACTS, ARTICLES)
    (pytester.path / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = pytester.runpytest(
        "--factcheck", "--factcheck-html", "taken/r.html", "--factcheck-rdjson", "r.jsonl"
    )
    result.assert_outcomes(failed=2, passed=2, skipped=0)
    assert result.ret == 1
    target = pytester.path / "taken" / "r.html"
    result.stdout.fnmatch_lines(
        [
            f"factcheck: cannot write the HTML report to {target}: *",
            f"factcheck: reviewdog diagnostics written to {pytester.path / 'r.jsonl'}",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_only_large_pages_lay_articles_out_lazily(tmp_path: Path) -> None:
    from pytest_factcheck.html_assets import LAZY_ARTICLES, LAZY_STYLE
    from pytest_factcheck.html_report import render
    from pytest_factcheck.outcomes import Results

    for count, lazy in ((LAZY_ARTICLES, False), (LAZY_ARTICLES + 1, True)):
        results = Results()
        results.expect(articles=[f"n{i}.txt" for i in range(count)])
        page = "".join(render(results, tmp_path))
        assert (LAZY_STYLE in page) is lazy
        assert page.count('<section class="article') == count
