"""The shipped facts against the seed articles: every (article, fact) outcome, pinned.

Any change in reading or matching that moves one item shows up here. Columns are the seed
articles 000 to 004: P passed, F failed, - not mentioned. Numeric, date and names facts
alike.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "anbar-cities-held":                "---P-",
    "anbar-control-sources":            "--P--",
    "anbar-under-isis-control":         "--P--",
    "displaced-by-insurgency":          "---P-",
    "huseiba-distance-to-baghdad":      "----P",
    "isis-trucks-at-qaim":              "--P--",
    "maliki-in-office-since":           "P--P-",
    "militants-killed-in-western-iraq": "---P-",
    "mosul-fell":                       "P----",
    "qaim-crossing-taken":              "--PP-",
    "qaim-troops-killed":               "----P",
    "ramadi-bombing-deaths":            "---P-",
    "ramadi-bombing-wounded":           "---P-",
    "rawah-anah-killing-days":          "---P-",
    "rawah-anah-leaders-killed":        "---P-",
    "recent-displacement":              "-P---",
    "refugees-this-year":               "-P---",
    "rutba-displaced-arrivals":         "P----",
    "rutba-distance-to-jordan":         "PP---",
    "rutba-population":                 "P----",
    "rutba-rawah-anah-fell":            "----F",
    "sadr-city-parade-size":            "--F-P",
    "shiite-militia-parades":           "----P",
    "syria-border-crossings":           "---P-",
    "tikrit-air-strike-deaths":         "P-PP-",
    "towns-seized":                     "P-P-P",
    "towns-seized-in-days":             "PP---",
    "towns-seized-names":               "PPPPF",
    "us-military-advisers":             "-P-PP",
}  # fmt: skip

LETTER = {"passed": "P", "failed": "F", "skipped": "-"}


@pytest.mark.parametrize("mode", ["omit", "skip"])
def test_every_seed_outcome(pytester: pytest.Pytester, mode: str) -> None:
    """Every pair is pinned: with ``skip`` each is an item; with ``omit`` the pairs left
    out are exactly not mentioned, and the collected ones end as they do with ``skip``."""
    shutil.copytree(ROOT / "seeds", pytester.path / "seeds")
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    pytester.makeini("[pytest]\nfilterwarnings = ignore::pytest.PytestAssertRewriteWarning\n")
    articles = sorted(p.name for p in (pytester.path / "seeds").glob("*.txt"))
    assert len(articles) == 5

    recorder = pytester.inline_run("--factcheck", "seeds/", "-o", f"factcheck_unmentioned={mode}")

    found: dict[str, list[str]] = {fact: ["?"] * len(articles) for fact in EXPECTED}
    for report in recorder.getreports("pytest_runtest_logreport"):
        if report.when == "call" or (report.when == "setup" and not report.passed):
            article, fact = report.nodeid.split("::")
            column = articles.index(Path(article).name)
            found.setdefault(fact, ["?"] * len(articles))[column] = LETTER[report.outcome]
    rows = {fact: "".join(row) for fact, row in found.items()}
    if mode == "skip":
        assert rows == EXPECTED
    else:
        assert {fact: row.replace("?", "-") for fact, row in rows.items()} == EXPECTED
        # 53 pairs collected: 41 passed, 3 failed, and 9 whose cue occurs with no
        # comparable value (7 of them date or names facts, anchored by their cue alone).
        assert sum(row.count("?") for row in rows.values()) == 5 * len(EXPECTED) - 53
    assert recorder.ret == pytest.ExitCode.TESTS_FAILED
    passed, skipped, failed = recorder.listoutcomes()
    assert (len(passed), len(failed)) == (41, 3)
    assert len(skipped) == (9 if mode == "omit" else 101)


def test_the_grid_is_the_same_in_both_modes(pytester: pytest.Pytester) -> None:
    shutil.copytree(ROOT / "seeds", pytester.path / "seeds")
    shutil.copytree(ROOT / "facts", pytester.path / "facts")
    runs = [
        pytester.runpytest("--factcheck", "seeds/", "-v", "-o", f"factcheck_unmentioned={mode}")
        for mode in ("omit", "skip")
    ]
    grids = [
        r.outlines[r.outlines.index(next(x for x in r.outlines if "= factcheck =" in x)) :]
        for r in runs
    ]
    assert grids[0][:-1] == grids[1][:-1]  # the last line is pytest's, with its counts
    assert "29 facts × 5 articles: ✓ passed 41, ✗ failed 3, · not mentioned 101" in grids[0]
