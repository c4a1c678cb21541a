"""The fact-checking session: settings, facts loaded once, articles read once, and hooks.

Registered by :mod:`pytest_factcheck.plugin` only when ``--factcheck`` is given.
"""

from __future__ import annotations

import fnmatch
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .annotations import ATTRIBUTE, Annotations, for_failure
from .annotations import enabled as github_annotations
from .articles import ArticleError, read_article
from .collect import MARKER, ArticleFile, FactFile, FactFileError, FactItem
from .errors import Location, Problem
from .excludes import ATTRIBUTE as EXCLUDE_ATTRIBUTE
from .excludes import Excludes
from .factfile import load_facts
from .facts import FactSet
from .match import ArticleIndex, index_article
from .summary import Summary

# Items of one article are collected together, so a small cache reads each article once
# per run (per xdist worker) while memory stays bounded however many articles there are.
ARTICLE_CACHE_SIZE = 8


@dataclass(frozen=True)
class Settings:
    """What the command line and ini options ask for, parsed and checked."""

    article_globs: tuple[str, ...]
    article_roots: tuple[Path, ...]
    fact_paths: tuple[Path, ...]
    approx: float
    conversion_slack: float
    regex_timeout: float

    @classmethod
    def from_config(cls, config: pytest.Config) -> Settings:
        """Read the options; raise :class:`pytest.UsageError` for a bad ini value."""
        rootpath = config.rootpath
        given = config.getoption("facts")
        if given:
            fact_paths = tuple(Path(config.invocation_params.dir, p) for p in given)
        else:
            ini = config.getini("factcheck_facts")
            fact_paths = tuple(ini) if ini else (rootpath / "facts",)
        if config.args_source == pytest.Config.ArgsSource.ARGS:
            base = config.invocation_params.dir
            roots = tuple((base / arg.split("::")[0]).resolve() for arg in config.args)
        else:
            roots = tuple((rootpath / p).resolve() for p in config.getini("factcheck_paths"))
        return cls(
            article_globs=tuple(config.getini("factcheck_articles")),
            article_roots=roots,
            fact_paths=fact_paths,
            approx=_fraction(config.getini("factcheck_approx"), "factcheck_approx"),
            conversion_slack=_fraction(
                config.getini("factcheck_conversion_slack"), "factcheck_conversion_slack"
            ),
            regex_timeout=_positive(
                config.getini("factcheck_regex_timeout"), "factcheck_regex_timeout"
            ),
        )

    def is_article(self, path: Path) -> bool:
        """True for a file matching the article globs under one of the article roots."""
        if not any(fnmatch.fnmatch(path.name, glob) for glob in self.article_globs):
            return False
        resolved = path.resolve()
        return any(resolved == root or root in resolved.parents for root in self.article_roots)


def _fraction(text: str, name: str) -> float:
    raw = str(text).strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise pytest.UsageError(f"{name}: expected a percentage like 10%, got {raw!r}") from None
    if not 0 <= value < 1:
        raise pytest.UsageError(f"{name}: expected a percentage from 0% to 99%, got {raw!r}")
    return value


def _positive(text: str, name: str) -> float:
    try:
        value = float(str(text).strip())
    except ValueError:
        value = -1.0
    if value <= 0:
        raise pytest.UsageError(f"{name}: expected a number of seconds above 0, got {text!r}")
    return value


class FactcheckSession:
    """The plugin object behind ``--factcheck``: loads facts once and serves articles."""

    NAME = "factcheck-session"

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.settings = Settings.from_config(config)
        self.facts = self._load_facts()
        # Every article collects the facts in id order: sort once, not once per article.
        self.sorted_facts = sorted(self.facts.facts, key=lambda f: f.id)
        self.record_properties = config.getini("junit_family") in ("xunit1", "legacy")
        self.summary = Summary()
        self.annotations = Annotations()
        self.excludes = Excludes()
        self._articles: OrderedDict[Path, ArticleIndex | ArticleError] = OrderedDict()
        config.addinivalue_line("markers", f"{MARKER}: a fact checked against an article")
        for tag in sorted({t for fact in self.facts.facts for t in fact.tags}):
            config.addinivalue_line("markers", f"{tag}: facts tagged {tag!r} in a fact file")
        if config.args_source != pytest.Config.ArgsSource.ARGS:
            # A bare ``pytest --factcheck`` checks the configured article folders.
            extra = [str(p) for p in self.settings.article_roots if p.exists()]
            config.args = [*config.args, *(a for a in extra if a not in config.args)]

    def _load_facts(self) -> FactSet:
        """Every fact file, loaded once; a loader failure becomes a located problem."""
        try:
            return load_facts(
                self.settings.fact_paths, display=self._display, approx=self.settings.approx
            )
        except Exception as error:  # the run goes on whatever a fact file holds
            where = Location(self._display(self.settings.fact_paths[0]), 1)
            problem = Problem(where, f"could not load facts: {type(error).__name__}: {error}")
            return FactSet(problems=(problem,))

    def _display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.config.rootpath).as_posix()
        except ValueError:
            return str(path)

    def index(self, path: Path) -> ArticleIndex:
        """The article at ``path``, read and indexed once. Raises :class:`ArticleError`."""
        cached = self._articles.get(path)
        if cached is None:
            try:
                article = read_article(path, self._display(path))
                cached = index_article(
                    article, approx=self.settings.approx, extra_units=self.facts.units
                )
            except ArticleError as error:
                cached = error
            self._articles[path] = cached
            while len(self._articles) > ARTICLE_CACHE_SIZE:
                self._articles.popitem(last=False)
        else:
            self._articles.move_to_end(path)
        if isinstance(cached, ArticleError):
            # A new error each time: re-raising one instance for every fact of the article
            # would stack every raise onto its traceback.
            raise ArticleError(str(cached))
        return cached

    # -- hooks -------------------------------------------------------------------------

    def pytest_report_header(self, config: pytest.Config) -> str:
        """One line saying what is checked against what."""
        files = ", ".join(self.facts.files) or "no fact files"
        return f"factcheck: {len(self.facts.facts)} facts from {files}"

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> Any:
        """An article file under an article root becomes an :class:`ArticleFile`."""
        if self.settings.is_article(file_path):
            return ArticleFile.from_parent(parent, path=file_path, factcheck=self)
        return None

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Put one error item per broken fact file first, whatever ``-k``/``-m`` select."""
        errors: list[pytest.Item] = []
        for display, problems in self.facts.problems_by_file().items():
            path = Path(config.rootpath, display)
            node = FactFile.from_parent(session, path=path, problems=problems)
            errors.extend(node.collect())
        items[:0] = errors

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        """Tag fact reports with their (article, fact) pair; skips point at the article."""
        report = yield
        if isinstance(item, FactItem):
            report.factcheck_pair = [item.article_path, item.fact.id]
            if item.fact.exclude and report.when == "call":
                _record_exclude(item, report)
            if report.skipped and isinstance(report.longrepr, tuple):
                reason = report.longrepr[2]
                fspath, lineno, _ = item.location
                report.longrepr = (fspath, (lineno or 0) + 1, reason)
        if isinstance(item, FactFileError):
            report.factcheck_fact_file = True
        if report.failed:
            # Plain data on the report, so that it reaches the xdist controller.
            found = for_failure(item, call, str(report.longrepr))
            if found:
                setattr(report, ATTRIBUTE, found)
        return report

    def pytest_report_teststatus(
        self, report: pytest.TestReport, config: pytest.Config
    ) -> tuple[str, str, str] | None:
        """A broken fact file is an error, though it fails when run (see FactFileError)."""
        if getattr(report, "factcheck_fact_file", False) and report.failed:
            return "error", "E", "ERROR"
        return None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record each pair's outcome for the summary (on the xdist controller too)."""
        self.summary.add(report)
        self.annotations.add(report)
        found = getattr(report, EXCLUDE_ATTRIBUTE, None)
        if found:
            self.excludes.add(*found)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Drop the quiet setup/teardown reports of fact items that did not fail.

        For every failure it prints, pytest's terminal summary scans all quiet reports of
        the session for that test's teardown (pytest-dev/pytest#13360): failures × items,
        minutes on a large corpus. Fact items print nothing at setup or teardown, so only
        the reports of failed items are kept for that scan. This runs before the terminal
        reporter writes its summary.
        """
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        quiet = getattr(terminal, "stats", {}).get("")
        if quiet:
            quiet[:] = [report for report in quiet if self._keeps_quiet(report)]

    def _keeps_quiet(self, report: pytest.TestReport) -> bool:
        pair = getattr(report, "factcheck_pair", None)
        return not pair or self.summary.failed(pair)

    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        """The facts × articles grid; GitHub annotations when run by GitHub Actions."""
        if _is_xdist_worker(config):
            return
        self.summary.write(terminalreporter, verbosity=config.get_verbosity())
        for line in self.excludes.warnings():
            terminalreporter.write_line(f"factcheck: warning: {line}", yellow=True)
        if github_annotations():
            self.annotations.write(terminalreporter, config.rootpath)


def _record_exclude(item: FactItem, report: pytest.TestReport) -> None:
    """What the fact's ``exclude:`` did on this article, as plain data on the report."""
    try:
        verdict = item.verdict()
    except Exception:  # an unreadable article or a runaway cue: reported by the item
        return
    fact = item.fact
    where = f"{fact.location.path}:{fact.location.line}"
    data = [fact.id, where, fact.exclude, verdict.excluded, list(verdict.clause_words)]
    setattr(report, EXCLUDE_ATTRIBUTE, data)


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")
