"""The HTML report in a real browser: headless Chromium driven by Playwright.

Playwright's Python package drives the system's Chromium (Debian's ``chromium``) through
``executable_path``; no browser is downloaded. It is used rather than Selenium because it
reports console messages, page errors and every request as events, waits for elements by
itself, and needs no driver binary matched to the browser's version.

The tests skip, saying why, when Playwright or a Chromium is missing; with
``FACTCHECK_REQUIRE_BROWSER=1`` (set by ``.ci/run``) they fail instead. The browser is found
through ``FACTCHECK_CHROMIUM``, else ``chromium``, ``chromium-browser`` or ``google-chrome``
on the ``PATH``. Screenshots go to ``test-artifacts/browser/`` (git-ignored), or to
``FACTCHECK_ARTIFACTS``.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from reports_project import ARTICLES, EXPECTED, FACTS, PAIRS

if TYPE_CHECKING:
    from conftest import MakeProject

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
ARTIFACTS = Path(
    os.environ.get("FACTCHECK_ARTIFACTS")
    or Path(__file__).resolve().parent.parent / "test-artifacts" / "browser"
)
RED = "rgb(198, 40, 40)"  # --bad in the page's style


def _unavailable(reason: str) -> None:
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (FACTCHECK_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium, one per test module (and xdist worker)."""
    executable = os.environ.get("FACTCHECK_CHROMIUM") or next(
        (found for name in BROWSERS if (found := shutil.which(name))), None
    )
    if not executable:
        _unavailable(
            "no Chromium to test the HTML report in: install Debian's chromium package "
            "(apt-get install chromium) or set FACTCHECK_CHROMIUM"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


class Opened:
    """A page opened on a report, with what the browser said while loading it."""

    def __init__(self, browser: Any, path: Path, *, javascript: bool = True) -> None:
        self.context = browser.new_context(
            viewport={"width": 1100, "height": 800}, java_script_enabled=javascript
        )
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.as_uri()
        self.page.goto(self.url, wait_until="load")

    def count(self, selector: str) -> int:
        return int(self.page.locator(selector).count())

    def active(self, script: str) -> Any:
        return self.page.evaluate(f"(() => {{ const e = document.activeElement; {script} }})()")


@pytest.fixture
def report(factcheck_project: MakeProject) -> Path:
    pytester = factcheck_project(FACTS, ARTICLES)
    result = pytester.runpytest("--factcheck", "--factcheck-html", "report.html", "-p", "no:xdist")
    result.assert_outcomes(failed=2, passed=2, skipped=0)
    return pytester.path / "report.html"


@pytest.fixture
def opened(browser: Any, report: Path) -> Iterator[Opened]:
    page = Opened(browser, report)
    yield page
    page.context.close()


def test_page_loads_with_no_console_message_and_no_request(opened: Opened) -> None:
    assert opened.page.title() == "pytest-factcheck: 3 facts × 3 articles"
    opened.page.keyboard.press("n")
    opened.page.keyboard.press("j")
    opened.page.keyboard.press("f")
    assert opened.console == []
    # Self-contained: the page itself is the only thing loaded.
    assert opened.requests == [opened.url]


def test_grid_counts_equal_the_runs_outcomes(opened: Opened) -> None:
    failed = sum(1 for s in EXPECTED.values() if s == "failed")
    passed = sum(1 for s in EXPECTED.values() if s == "passed")
    assert opened.count("table.grid tbody td.f") == failed == 2
    assert opened.count("table.grid tbody td.p") == passed == 2
    assert opened.count("table.grid tbody td.n") == PAIRS - failed - passed
    totals = opened.page.locator("#totals b.count").all_inner_texts()
    assert totals == ["2", "2", "5"]
    # The storm article's row: its failing cell is red and shows the failure symbol.
    cell = opened.page.locator('tr[data-article="news/a_storm.txt"] td.f')
    assert cell.inner_text() == "✗"
    assert cell.evaluate("e => getComputedStyle(e).color") == RED


def test_contradiction_is_red_on_its_line_with_its_fact(opened: Opened) -> None:
    bad = opened.page.locator("mark.bad")
    assert bad.count() == 2
    first = bad.first
    assert first.evaluate("e => e.closest('.l').id") == "a1-L3"
    assert first.get_attribute("data-facts") == "nadia-wind-speed"
    assert first.evaluate("e => e.firstChild.textContent") == "150 mph"
    assert first.evaluate("e => getComputedStyle(e).color") == RED
    tip = first.locator(".tip")
    assert not tip.is_visible()
    first.hover()
    assert tip.is_visible()
    text = tip.inner_text()
    assert "nadia-wind-speed: CONTRADICTS" in text
    assert "fact says about 120 mph (108–132 mph)" in text
    assert "claim: Hurricane Nadia made landfall with winds of about 120 mph" in text
    assert "source: https://weather.example.org/nadia" in text
    assert "fact file: facts/facts.yaml:4" in text


def test_tab_reaches_every_mention_and_shows_its_fact(opened: Opened) -> None:
    marks = opened.count("mark")
    assert marks == 4
    reached: set[int] = set()
    for _ in range(300):
        opened.page.keyboard.press("Tab")
        index = opened.active("return [...document.querySelectorAll('mark')].indexOf(e);")
        if index >= 0:
            reached.add(index)
            shown = opened.active("return getComputedStyle(e.querySelector('.tip')).display;")
            assert shown == "block"
        if len(reached) == marks:
            break
    assert reached == set(range(marks))


def test_n_and_p_step_through_the_contradictions(opened: Opened) -> None:
    where = "return e.tagName + ' ' + e.className + ' ' + e.closest('.l').id;"
    opened.page.keyboard.press("n")
    assert opened.active(where) == "MARK bad a1-L3"
    opened.page.keyboard.press("n")
    assert opened.active(where) == "MARK bad a3-L1"
    opened.page.keyboard.press("p")
    assert opened.active(where) == "MARK bad a1-L3"


def test_script_in_an_article_is_shown_as_text(opened: Opened) -> None:
    assert opened.page.evaluate("window.hacked") is None
    heading = opened.page.locator("#a2-L1 .t").inner_text()
    assert heading == "# Markets <script>window.hacked = 1</script>"
    assert opened.page.locator("#a2-L5 .t").inner_text() == (
        '<b>bold</b> & "quotes" <img src=x onerror="window.hacked = 2">'
    )


def test_failures_only_works_with_javascript_off(browser: Any, report: Path) -> None:
    opened = Opened(browser, report, javascript=False)
    try:
        page = opened.page
        assert opened.count("mark.bad") == 2
        clean_row = page.locator('tr[data-article="news/b_markets.md"]')
        assert clean_row.is_visible()
        page.get_by_label("failures only").check()
        assert not clean_row.is_visible()
        assert not page.locator("#a2").is_visible()
        assert page.locator("#a1").is_visible() and page.locator("#a3").is_visible()
        # A cell still leads to the mention's line.
        page.locator('tr[data-article="news/a_storm.txt"] td.f a').click()
        assert page.url.endswith("#a1-L3")
        page.locator("#a1 mark.bad").hover()
        assert page.locator("#a1 mark.bad .tip").is_visible()
        assert opened.console == []
    finally:
        opened.context.close()


def test_screenshot_of_the_failing_article(opened: Opened, request: pytest.FixtureRequest) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{request.node.name}.png"
    target.unlink(missing_ok=True)
    opened.page.keyboard.press("n")
    opened.page.locator("#a1").screenshot(path=str(target))
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2_000
    opened.page.screenshot(path=str(ARTIFACTS / "report-with-tip.png"))


def test_no_script_but_the_pages_own_can_run(browser: Any, report: Path) -> None:
    # Were an article's text ever to reach the page unescaped, its policy would block it.
    tampered = report.with_name("tampered.html")
    text = report.read_text(encoding="utf-8")
    tampered.write_text(
        text.replace("</main>", "<script>window.injected = 1</script></main>"), encoding="utf-8"
    )
    opened = Opened(browser, tampered)
    try:
        assert opened.page.evaluate("window.injected") is None
        assert any("Content Security Policy" in line for line in opened.console)
        opened.page.keyboard.press("n")  # the page's own script still runs
        assert opened.active("return e.tagName;") == "MARK"
    finally:
        opened.context.close()


def test_the_seeds_disputes_are_the_red_things(browser: Any, pytester: pytest.Pytester) -> None:
    # What a newcomer sees first on the shipped material: a red cell and a red mention for
    # each dispute (the parade's size in 002; the fall's weekday and the towns' names in 004).
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "seeds", pytester.path / "seeds")
    shutil.copytree(root / "facts", pytester.path / "facts")
    pytester.makeini("[pytest]\nfilterwarnings = ignore::pytest.PytestAssertRewriteWarning\n")
    result = pytester.runpytest("--factcheck", "seeds/", "--factcheck-html", "r.html")
    outcomes = result.parseoutcomes()
    # Pairs that cannot apply are not items (omit), but the grid shows them as not
    # mentioned, as the terminal summary counts them.
    totals = re.search(
        r"^(\d+) facts × (\d+) articles: ✓ passed (\d+), ✗ failed (\d+), · not mentioned (\d+)$",
        result.stdout.str(),
        re.MULTILINE,
    )
    assert totals is not None
    facts, articles, passed, failed, unmentioned = map(int, totals.groups())
    assert (passed, failed) == (outcomes["passed"], outcomes["failed"])
    assert unmentioned == facts * articles - passed - failed
    opened = Opened(browser, pytester.path / "r.html")
    try:
        page = opened.page
        assert opened.count("table.grid tbody td.f") == outcomes["failed"] == 3
        assert opened.count("table.grid tbody td.p") == outcomes["passed"]
        assert opened.count("table.grid tbody td.n") == unmentioned
        red = page.locator("mark.bad")
        assert red.evaluate_all(
            """marks => marks.map(e => [
                e.closest('section').dataset.article,
                e.closest('.l').id,
                e.getAttribute('data-facts'),
                e.firstChild.textContent,
            ])"""
        ) == [
            [
                "seeds/002_0def55459264fc9c.txt",
                "a3-L36",
                "sadr-city-parade-size",
                "Thousands of Shias",
            ],
            ["seeds/004_51462e920a3eba76.txt", "a5-L1", "rutba-rawah-anah-fell", "Saturday"],
            [
                "seeds/004_51462e920a3eba76.txt",
                "a5-L2",
                "towns-seized-names",
                "Qaim, Rawa, Ana, and Huseiba",
            ],
        ]
        # The failure list at the top leads to each, in order.
        links = page.locator("#failures a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            "#a3-L36",
            "#a5-L1",
            "#a5-L2",
        ]
        links.first.click()
        assert page.url.endswith("#a3-L36")
        assert opened.console == []
    finally:
        opened.context.close()
