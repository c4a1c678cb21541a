"""The fact-checking session: settings, facts loaded once, articles read once, and hooks.

Registered by :mod:`pytest_factcheck.plugin` only when ``--factcheck`` is given.
"""

from __future__ import annotations

import fnmatch
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from . import outcomes
from .annotations import enabled as github_annotations
from .annotations import write_annotations, write_step_summary
from .articles import ArticleError, read_article
from .collect import MARKER, ArticleFile, Contradiction, FactFile, FactFileError, FactItem
from .errors import Location, Problem
from .excludes import ATTRIBUTE as EXCLUDE_ATTRIBUTE
from .excludes import Excludes
from .factfile import load_facts
from .facts import Fact, FactSet
from .indexfile import ArticleIndexFile
from .match import ArticleIndex, CueTimeout, applies, index_article
from .metadata import INDEX_NAME, read_index, read_metadata
from .outcomes import Results
from .prefilter import Prefilter
from .recording import fact_info, pair_outcome, problem_notes
from .shards import parse_shard, shard_of
from .summary import Summary, Unmentioned

UNMENTIONED_MODES = ("omit", "skip")
# What an xdist worker sends the controller: the pairs it left out as not mentioned.
WORKER_OUTPUT = "factcheck_unmentioned"

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
    unmentioned: str = "omit"  # UNMENTIONED_MODES
    shard: tuple[int, int] | None = None  # (K, N) of --factcheck-shard

    @classmethod
    def from_config(cls, config: pytest.Config) -> Settings:
        """Read the options; raise :class:`pytest.UsageError` for a bad ini value."""
        rootpath = config.rootpath
        given = config.getoption("facts")
        if given:
            fact_paths = tuple(Path(config.invocation_params.dir, p) for p in given)
            _require_paths(zip(given, fact_paths, strict=True), "--facts: ")
        else:
            ini = config.getini("factcheck_facts")
            fact_paths = tuple(ini) if ini else (rootpath / "facts",)
            if ini:
                _require_paths(zip(map(str, ini), fact_paths, strict=True), "factcheck_facts: ")
            else:
                _require_paths(
                    [("facts/ (the default)", fact_paths[0])],
                    "",
                    "; give --facts PATH or set factcheck_facts",
                )
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
            unmentioned=_unmentioned(config.getini("factcheck_unmentioned")),
            shard=_shard(config.getoption("factcheck_shard")),
        )

    def is_article(self, path: Path) -> bool:
        """True for a file matching the article globs under one of the article roots."""
        if not any(fnmatch.fnmatch(path.name, glob) for glob in self.article_globs):
            return False
        return self.under_roots(path)

    def under_roots(self, path: Path) -> bool:
        """True for a path under (or at) one of the article roots."""
        resolved = path.resolve()
        return any(resolved == root or root in resolved.parents for root in self.article_roots)


def _require_paths(paths: Iterable[tuple[str, Path]], prefix: str, hint: str = "") -> None:
    """A usage error for the first fact path that does not exist, as given and resolved."""
    for given, path in paths:
        if not path.exists():
            raise pytest.UsageError(
                f"{prefix}no such fact file or folder: {given} (resolved to {path.resolve()})"
                + hint
            )


def _fraction(text: str, name: str) -> float:
    raw = str(text).strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise pytest.UsageError(f"{name}: expected a percentage like 10%, got {raw!r}") from None
    if not 0 <= value < 1:
        raise pytest.UsageError(f"{name}: expected a percentage from 0% to 99%, got {raw!r}")
    return value


def _unmentioned(text: str) -> str:
    mode = str(text).strip().lower()
    if mode not in UNMENTIONED_MODES:
        raise pytest.UsageError(f"factcheck_unmentioned: expected omit or skip, got {text!r}")
    return mode


def _shard(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        return parse_shard(text)
    except ValueError as error:
        raise pytest.UsageError(f"--factcheck-shard: {error}") from None


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
        self.dated = any(fact.date is not None for fact in self.facts.facts)
        self.record_properties = config.getini("junit_family") in ("xunit1", "legacy")
        self.results = Results()
        self.fact_infos = {fact.id: fact_info(fact) for fact in self.facts.facts}
        self.summary = Summary(self.results)
        self.written: list[str] = []
        self.excludes = Excludes()
        self._articles: OrderedDict[Path, ArticleIndex | ArticleError] = OrderedDict()
        self._prefilter: Prefilter | None = None  # built for the first article (omit)
        # Article node id -> ids of the facts it collected, for articles whose other
        # pairs were left out as not mentioned.
        self._collected: dict[str, frozenset[str]] = {}
        self._deselected = False
        # Articles read at collection, kept until their items have run, so that each is
        # read once per run although every article is collected before any item runs.
        self._pinned: dict[Path, ArticleIndex] = {}
        self._remaining: dict[Path, int] = {}
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
        pinned = self._pinned.get(path)
        if pinned is not None:
            return pinned
        cached = self._articles.get(path)
        if cached is None:
            try:
                article = read_article(path, self._display(path))
                cached = index_article(
                    article, approx=self.settings.approx, extra_units=self.facts.units
                )
                if self.dated:  # only date facts need the article's own date
                    cached.metadata = read_metadata(article.head_text, path, article.path)
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

    def applicable(self, path: Path, nodeid: str) -> tuple[list[Fact], bool]:
        """The facts to collect for an article, in id order, and whether each is known
        to apply to it.

        With ``factcheck_unmentioned = omit``: the facts whose subject is named and whose
        cue or count noun occurs (a names fact without a cue: one of its names), one scan
        for all facts' words, then the real patterns of the candidates only. With
        ``skip``, or for an article that cannot be read: every fact.
        """
        if self.settings.unmentioned == "skip":
            return self.sorted_facts, False
        try:
            index = self.index(path)
        except ArticleError:
            return self.sorted_facts, False
        if self._prefilter is None:
            self._prefilter = Prefilter(self.sorted_facts)
        timeout = self.settings.regex_timeout
        facts = [
            fact
            for fact in self._prefilter.candidates(index.article.text)
            if applies(fact, index, timeout=timeout)
        ]
        self._collected[nodeid] = frozenset(fact.id for fact in facts)
        if facts:
            self._pinned[path] = index
        return facts, True

    def _in_shard(self, path: Path) -> bool:
        shard = self.settings.shard
        return shard is None or shard_of(self._display(path), shard[1]) == shard[0]

    # -- hooks -------------------------------------------------------------------------

    def pytest_report_header(self, config: pytest.Config) -> str:
        """One line saying what is checked against what."""
        files = ", ".join(self.facts.files) or "no fact files"
        count = len(self.facts.facts)
        return f"factcheck: {count} {'fact' if count == 1 else 'facts'} from {files}"

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> Any:
        """An article file under an article root becomes an :class:`ArticleFile`."""
        if self.settings.is_article(file_path) and self._in_shard(file_path):
            return ArticleFile.from_parent(parent, path=file_path, factcheck=self)
        if file_path.name == INDEX_NAME and self.settings.under_roots(file_path):
            # An articles.yaml index beside the articles: its problems are one error item.
            _, problems = read_index(file_path, self._display(file_path))
            if problems:
                return ArticleIndexFile.from_parent(parent, path=file_path, problems=list(problems))
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

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        """Note that ``-k``, ``-m``, ``--lf``… left fact items out (see collection_finish)."""
        if any(isinstance(item, FactItem) for item in items):
            self._deselected = True

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Hand the summary the pairs left out as not mentioned.

        When ``-k``, ``-m`` or ``--lf`` deselected fact items, only the facts and articles
        with a selected item are accounted for, as they would be if every pair were an item.
        """
        remaining: dict[Path, int] = {}
        for item in session.items:
            if isinstance(item, FactItem) and item.path in self._pinned:
                remaining[item.path] = remaining.get(item.path, 0) + 1
        self._remaining = remaining
        self._pinned = {p: index for p, index in self._pinned.items() if p in remaining}
        collected = self._collected
        facts = frozenset(fact.id for fact in self.facts.facts)
        if self._deselected:
            selected = [item for item in session.items if isinstance(item, FactItem)]
            facts = frozenset(item.fact.id for item in selected)
            articles = {item.article_path for item in selected}
            collected = {a: c for a, c in collected.items() if a in articles}
        self.summary.unmentioned = Unmentioned(facts, dict(collected))
        workeroutput = getattr(self.config, "workeroutput", None)
        if workeroutput is not None:
            workeroutput[WORKER_OUTPUT] = self.summary.unmentioned.as_data()

    def pytest_runtest_teardown(self, item: pytest.Item) -> None:
        """Let go of an article read at collection once its last selected item has run."""
        left = self._remaining.get(item.path)
        if left is not None and isinstance(item, FactItem):
            if left <= 1:
                del self._remaining[item.path]
                self._pinned.pop(item.path, None)
            else:
                self._remaining[item.path] = left - 1

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        """On the xdist controller: the left-out pairs, from the first worker that has them
        (every worker collects the same items)."""
        data = getattr(node, "workeroutput", {}).get(WORKER_OUTPUT)
        if data and not self.summary.unmentioned.items:
            self.summary.unmentioned = Unmentioned.from_data(data)

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
                notes = problem_notes(item.problems)
                setattr(report, outcomes.NOTES_ATTRIBUTE, [n.to_wire() for n in notes])
        if call.excinfo is not None and call.excinfo.errisinstance(CueTimeout):
            # The fact's own cue or subject ran away: an error of the fact, not a verdict.
            report.factcheck_fact_error = True
        if isinstance(item, FactItem):
            # Plain data on the report, so that it reaches the xdist controller.
            record = self._record(item, call, report)
            if record is not None:
                setattr(report, outcomes.OUTCOME_ATTRIBUTE, record.to_wire())
        return report

    def _record(
        self, item: FactItem, call: pytest.CallInfo[None], report: pytest.TestReport
    ) -> outcomes.Outcome | None:
        """The pair's record, when this phase decides its status."""
        status = outcomes.status_of(report)
        if status is None:
            return None
        error = call.excinfo.value if call.excinfo is not None else None
        message, failure = "", None
        if report.failed:
            message = str(report.longrepr).partition("\n")[0]
            if isinstance(error, Contradiction):
                failure = outcomes.CONTRADICTION
            elif isinstance(error, ArticleError):
                failure, message = outcomes.UNREADABLE, f"{item.article_path}:1:1: {error}"
            elif isinstance(error, CueTimeout):
                failure = outcomes.TIMEOUT
        elif report.skipped:
            message = getattr(report, "wasxfail", "") or (
                str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
            )
        try:
            verdict, index = item.verdict(), self.index(item.path)
        except Exception:  # unreadable article, runaway cue: the record has no mentions
            verdict, index = None, None
        return pair_outcome(
            item.fact,
            item.article_path,
            status,
            message=message,
            failure=failure,
            verdict=verdict,
            index=index,
            info=self.fact_infos.get(item.fact.id),
        )

    def pytest_report_teststatus(
        self, report: pytest.TestReport, config: pytest.Config
    ) -> tuple[str, str, str] | None:
        """A broken fact file is an error, though it fails when run (see FactFileError)."""
        if report.failed and (
            getattr(report, "factcheck_fact_file", False)
            or getattr(report, "factcheck_fact_error", False)
        ):
            return "error", "E", "ERROR"
        return None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Record each pair's outcome for the reports (on the xdist controller too).

        An xdist worker only sends its reports on; the controller (or a serial run) keeps
        the records and drops them from the reports, which pytest keeps to the end.
        """
        if _is_xdist_worker(self.config):
            return
        self.results.add(report)
        found = getattr(report, EXCLUDE_ATTRIBUTE, None)
        if found:
            self.excludes.add(*found)
        for name in (outcomes.OUTCOME_ATTRIBUTE, outcomes.NOTES_ATTRIBUTE):
            if name in report.__dict__:
                delattr(report, name)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Drop the quiet setup/teardown reports of fact items.

        For every failure it prints, pytest's terminal summary scans all quiet reports of
        the session for that test's teardown sections (pytest-dev/pytest#13360): failures ×
        items, minutes on a large corpus; kept for the failed items only, it was still
        failures², 60 s at 8,000 failures. Fact items capture nothing at setup or teardown
        (no fixtures, no output), so their quiet reports have nothing to print. This runs
        before the terminal reporter writes its summary.
        """
        if session.exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED and (
            self.summary.unmentioned.items
        ):
            # Articles were read and no fact applies to any of them: nothing contradicts.
            session.exitstatus = pytest.ExitCode.OK
        self._write_reports()
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        quiet = getattr(terminal, "stats", {}).get("")
        if quiet:
            quiet[:] = [report for report in quiet if self._keeps_quiet(report)]

    def _write_reports(self) -> None:
        """The HTML page and the reviewdog diagnostics, when asked for (by the controller).

        A report that cannot be written (a folder without write access, say) is said in
        one line at the end of the run; the run's outcomes stand.
        """
        if _is_xdist_worker(self.config):
            return
        from . import html_report, rdjson

        # Pairs left out as not mentioned still have their article and fact on the page.
        unmentioned = self.summary.unmentioned
        self.results.expect(
            articles=unmentioned.items,
            facts=(self.fact_infos[f] for f in unmentioned.facts if f in self.fact_infos),
        )
        base = self.config.invocation_params.dir
        for option, what, writer in (
            ("factcheck_html", "HTML report", html_report.write),
            ("factcheck_rdjson", "reviewdog diagnostics", rdjson.write),
        ):
            given = self.config.getoption(option)
            if not given:
                continue
            target = Path(base, given)
            try:
                writer(self.results, self.config.rootpath, target)
            except OSError as error:
                reason = error.strerror or str(error)
                self.written.append(f"factcheck: cannot write the {what} to {target}: {reason}")
            else:
                self.written.append(f"factcheck: {what} written to {target}")

    @staticmethod
    def _keeps_quiet(report: pytest.TestReport) -> bool:
        return not getattr(report, "factcheck_pair", None)

    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        """The facts × articles grid; GitHub annotations when run by GitHub Actions."""
        if _is_xdist_worker(config):
            return
        self.summary.write(terminalreporter, verbosity=config.get_verbosity())
        for line in self.written:
            terminalreporter.write_line(line)
        for line in self.excludes.warnings():
            terminalreporter.write_line(f"factcheck: warning: {line}", yellow=True)
        if github_annotations():
            write_annotations(self.results, terminalreporter, config.rootpath)
            write_step_summary(self.results)


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
