"""The pytest entry point: options only, and nothing else unless ``--factcheck`` is given.

This module is imported at every pytest start wherever the package is installed, so it
imports nothing heavy: pint, regex and yaml are loaded by :mod:`pytest_factcheck.session`,
which is registered only when the flag is on.
"""

from __future__ import annotations

import pytest

DEFAULT_ARTICLES = ("*.txt", "*.md")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register ``--factcheck``, ``--facts`` and the ``factcheck_*`` ini options."""
    group = parser.getgroup("factcheck", "fact-checking articles against verified facts")
    group.addoption(
        "--factcheck",
        action="store_true",
        default=False,
        help="check article files under the given paths against the facts.",
    )
    group.addoption(
        "--facts",
        action="append",
        default=None,
        metavar="PATH",
        help="fact file or folder of *.yaml/*.yml fact files (repeatable; replaces "
        "factcheck_facts).",
    )
    group.addoption(
        "--factcheck-html",
        default=None,
        metavar="PATH",
        help="write an HTML page of the articles with every mention highlighted.",
    )
    group.addoption(
        "--factcheck-rdjson",
        default=None,
        metavar="PATH",
        help="write reviewdog diagnostics (rdjsonl: reviewdog -f=rdjsonl).",
    )
    group.addoption(
        "--factcheck-shard",
        default=None,
        metavar="K/N",
        help="check only the articles whose path hashes to shard K of N (1 <= K <= N).",
    )
    parser.addini(
        "factcheck_unmentioned",
        default="omit",
        help="omit (default): collect a pair only when the fact can apply to the article; "
        "skip: collect every pair, skipping those not mentioned.",
    )
    parser.addini(
        "factcheck_facts",
        type="paths",
        default=[],
        help="fact files or folders (default: facts/ under the rootdir).",
    )
    parser.addini(
        "factcheck_articles",
        type="args",
        default=list(DEFAULT_ARTICLES),
        help="glob patterns of article file names (default: *.txt *.md).",
    )
    parser.addini(
        "factcheck_paths",
        type="args",
        default=["seeds"],
        help="where articles are looked for when no path is given (default: seeds).",
    )
    parser.addini(
        "factcheck_approx",
        default="10%",
        help="width of 'about', 'around', 'nearly'… as a percentage (default: 10%).",
    )
    parser.addini(
        "factcheck_conversion_slack",
        default="5%",
        help="rounding allowed when an article states a fact in another unit (default: 5%).",
    )
    parser.addini(
        "factcheck_regex_timeout",
        default="1.0",
        help="seconds a cue or subject search may run per 100,000 characters of an article "
        "before the item is an error (default: 1.0).",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the fact-checking session plugin, only when ``--factcheck`` is given."""
    if not config.getoption("factcheck"):
        return
    from .advice import Advice
    from .encoding import ForgivingTerminal
    from .exitstatus import ExitStatus
    from .session import FactcheckSession

    factcheck = FactcheckSession(config)
    config.pluginmanager.register(factcheck, FactcheckSession.NAME)
    config.pluginmanager.register(ExitStatus(factcheck), ExitStatus.NAME)
    config.pluginmanager.register(Advice(factcheck), Advice.NAME)
    config.pluginmanager.register(ForgivingTerminal(), ForgivingTerminal.NAME)
