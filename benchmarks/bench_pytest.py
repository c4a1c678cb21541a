"""Benchmark ``pytest --factcheck`` against pytest's own floor for the same number of items.

    python benchmarks/bench_pytest.py [--sizes 200x50] [--scale-sizes 100x10000,1000x1000]
        [--repeat 3] [--json FILE]

The ``--sizes`` table makes every pair an item (``factcheck_unmentioned = skip``), to
compare the plugin's per-item cost with pytest's; the ``--scale-sizes`` runs (``scale.py``)
compare the default ``omit`` with its budget and with ``skip``.

For each size ``AxF`` it generates a corpus of A articles and F facts (``corpus.py``) in a
temporary folder, then runs, alternately and as child processes from that folder:

- floor:     ``python -m pytest -q -p no:cacheprovider floor/`` (A×F trivial tests)
- factcheck: ``python -m pytest -q -p no:cacheprovider --factcheck articles --facts facts/
  -o factcheck_paths=articles`` (A×F fact items)
- floor-mix: the floor again, with the first factcheck run's numbers of failures and skips
  (what pytest itself spends on those outcomes)

and reports the median wall time, items per second, CPU time and peak resident memory of
each, and the ratios of factcheck to the floors. For the xdist size (default: the largest)
it runs floor and factcheck again with ``-n 2``. It also times pytest's start-up in an
empty folder with the plugin installed but ``--factcheck`` off, against ``-p no:factcheck``,
and lists what the flag-off start-up imports. ``--profile`` adds a cProfile of one
factcheck run of the first size, restricted to the plugin's own functions.

Peak memory is the maximum resident set size of the child process tree, as the kernel
reports it to the parent that waits for the child (``wait4``): GNU ``/usr/bin/time -f %M``
where it exists, else a small Python launcher that writes its own ``ru_maxrss`` (and its
reaped children's) at exit. Either way it is the largest single process of the run (for
``-n 2``: the controller or one worker, whichever is larger), not a sum, and it is not
``getrusage(RUSAGE_CHILDREN)`` of this script, which would be the maximum over every run so
far. CPU time comes from the same source: user + system, reaped children included.

The benchmark never asserts anything about timings; it exits 0 unless it cannot run at all.
See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate
from scale import bench_scale, print_scale

GNU_TIME = "/usr/bin/time"
TIME_FORMAT = "%M %U %S"  # peak RSS in KiB, user and system CPU seconds
PYTEST = ("-m", "pytest", "-q", "-p", "no:cacheprovider")
FACTCHECK_ARGS = ("--factcheck", "articles", "--facts", "facts/", "-o", "factcheck_paths=articles")
# The A×F table compares every pair as an item with pytest's floor for A×F items.
SKIP_ARGS = (*FACTCHECK_ARGS, "-o", "factcheck_unmentioned=skip")
FLOOR_ARGS = ("floor/",)
MIX_ARGS = ("floor_mix/",)

# Settings that would make the children differ from a user's plain ``pytest``; without
# bytecode caching every run would re-compile (and assertion-rewrite) the plugin's modules.
CLEARED_ENV = (
    "PYTEST_ADDOPTS",
    "PYTEST_PLUGINS",
    "PYTEST_XDIST_AUTO_NUM_WORKERS",
    "PYTHONDONTWRITEBYTECODE",
)

# Runs pytest in this interpreter and records the peak RSS of itself and its reaped
# children (xdist workers) in the file named by its first argument, at exit.
LAUNCHER = """\
import atexit, resource, runpy, sys
out = sys.argv.pop(1)
def report():
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(me.ru_maxrss, kids.ru_maxrss)
    if sys.platform == "darwin":
        peak //= 1024
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    with open(out, "w") as f:
        f.write(f"{peak} {cpu}")
atexit.register(report)
runpy.run_module("pytest", run_name="__main__", alter_sys=True)
"""

_COUNTS = re.compile(r"(\d+) (passed|failed|skipped|xfailed|xpassed|errors?|deselected)\b")
_SUMMARY = re.compile(r"\bin [\d.]+s\b")


@dataclass
class Run:
    """One child process: what it ran, how long it took, how much memory, what it said."""

    kind: str
    wall: float
    peak_kb: int | None
    cpu: float | None
    exit_code: int
    counts: dict[str, int]

    @property
    def items(self) -> int:
        """Test items that ran (or were skipped), from pytest's last line."""
        return sum(n for k, n in self.counts.items() if k != "deselected")


@dataclass
class Row:
    """The median of the repeats of one command on one corpus."""

    size: str
    kind: str
    workers: int
    items: int
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(r.wall for r in self.runs)

    @property
    def items_per_s(self) -> float:
        """Items per second at the median wall time."""
        return self.items / self.wall

    @property
    def peak_mb(self) -> float | None:
        """Median peak RSS in MiB, when it could be measured."""
        peaks = [r.peak_kb for r in self.runs if r.peak_kb is not None]
        return statistics.median(peaks) / 1024 if peaks else None

    @property
    def cpu(self) -> float | None:
        """Median CPU seconds (user + system, the process and its children)."""
        cpus = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(cpus) if cpus else None

    @property
    def fastest(self) -> float:
        """The shortest wall time of the repeats."""
        return min(r.wall for r in self.runs)

    @property
    def ok(self) -> bool:
        """Every run ended normally (0: all passed, 1: some failed) with the expected items."""
        return all(r.exit_code in (0, 1) and r.items == self.items for r in self.runs)

    def outcome(self) -> str:
        """pytest's counts of the last run, or what went wrong."""
        last = self.runs[-1]
        text = ", ".join(f"{n} {k}" for k, n in last.counts.items())
        if not self.ok:
            text = f"exit {last.exit_code}, {last.items}/{self.items} items: {text or '?'}"
        return text


class Runner:
    """Starts pytest child processes and measures each one's wall time and peak RSS."""

    def __init__(self, python: str, scratch: Path) -> None:
        self.python = python
        self.scratch = scratch
        self.method = (
            "GNU time -f '%M %U %S'" if _gnu_time_works() else "python launcher (getrusage)"
        )
        self.env = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
        self._count = 0

    def command(self, args: Sequence[str], rss_file: Path) -> list[str]:
        """The child's argv: ``python -m pytest ARGS`` wrapped to report its peak RSS."""
        if self.method.startswith("GNU"):
            return [GNU_TIME, "-f", TIME_FORMAT, "-o", str(rss_file), self.python, *PYTEST, *args]
        return [self.python, "-c", LAUNCHER, str(rss_file), *PYTEST[2:], *args]

    def run(self, kind: str, args: Sequence[str], cwd: Path) -> Run:
        """Run pytest with ``args`` in ``cwd``; output goes to a scratch file, not a pipe."""
        self._count += 1
        rss_file = self.scratch / f"rss-{self._count}.txt"
        log = self.scratch / f"out-{self._count}.txt"
        with log.open("wb") as out:
            start = time.perf_counter()
            proc = subprocess.run(
                self.command(args, rss_file),
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
                check=False,
            )
            wall = time.perf_counter() - start
        text = log.read_text(encoding="utf-8", errors="replace")
        counts = _last_counts(text)
        if proc.returncode not in (0, 1, 5):
            tail = "\n".join(text.splitlines()[-15:])
            print(f"  ! {kind} exited {proc.returncode}; last lines:\n{tail}", file=sys.stderr)
        peak, cpu = _read_usage(rss_file)
        log.unlink()
        return Run(kind, wall, peak, cpu, proc.returncode, counts)


def _gnu_time_works() -> bool:
    if not Path(GNU_TIME).exists():
        return False
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        try:
            subprocess.run(
                [GNU_TIME, "-f", TIME_FORMAT, "-o", out.name, sys.executable, "-c", "pass"],
                check=True,
                capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError):
            return False
        return _read_usage(Path(out.name))[0] is not None


def _read_usage(path: Path) -> tuple[int | None, float | None]:
    """Peak RSS (KiB) and CPU seconds from the last "PEAK USER [SYS]" line of ``path``."""
    try:
        lines = re.findall(r"^(\d+) ([\d.]+)(?: ([\d.]+))?$", path.read_text(), re.MULTILINE)
    except OSError:
        return None, None
    if not lines:
        return None, None
    peak, user, system = lines[-1]
    return int(peak), float(user) + float(system or 0)


def _last_counts(text: str) -> dict[str, int]:
    """pytest's final "N passed, M failed ... in Xs" line, as counts."""
    for line in reversed(text.splitlines()):
        if _SUMMARY.search(line):
            counts: dict[str, int] = {}
            for number, word in _COUNTS.findall(line):
                key = "errors" if word.startswith("error") else word
                counts[key] = counts.get(key, 0) + int(number)
            return counts
    return {}


def parse_sizes(text: str) -> list[tuple[int, int]]:
    """``"200x50,2000x50"`` -> ``[(200, 50), (2000, 50)]``; raises ``ValueError``."""
    sizes = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*[x×]\s*(\d+)\s*", part)
        if not match:
            raise ValueError(f"size {part!r} is not ARTICLESxFACTS, e.g. 200x50")
        sizes.append((int(match[1]), int(match[2])))
    return sizes


# -- the measurements ----------------------------------------------------------------------


MIX_TEST = '''"""{items} trivial items with the outcomes of the factcheck run: {counts}."""

import random

import pytest

F = {facts}
CODES = ["f"] * {failed} + ["s"] * {skipped} + ["p"] * {passed}
random.Random(0).shuffle(CODES)


@pytest.mark.parametrize("f", range({facts}))
@pytest.mark.parametrize("a", range({articles}))
def test_floor_mix(a: int, f: int) -> None:
    code = CODES[a * F + f]
    if code == "s":
        pytest.skip("not mentioned")
    assert code != "f", "contradiction"
'''


def write_mixed_floor(root: Path, articles: int, facts: int, counts: dict[str, int]) -> bool:
    """Write ``floor_mix/``: the floor with the factcheck run's passed/failed/skipped counts.

    Returns False (and writes nothing) when the counts do not add up to articles × facts.
    """
    items = articles * facts
    failed, skipped = counts.get("failed", 0), counts.get("skipped", 0)
    passed = items - failed - skipped
    if passed < 0 or sum(counts.values()) != items:
        return False
    folder = root / "floor_mix"
    folder.mkdir(exist_ok=True)
    text = ", ".join(f"{n} {k}" for k, n in counts.items())
    (folder / "test_floor_mix.py").write_text(
        MIX_TEST.format(
            items=items,
            counts=text,
            articles=articles,
            facts=facts,
            failed=failed,
            skipped=skipped,
            passed=passed,
        ),
        encoding="utf-8",
    )
    return True


def bench_size(
    runner: Runner,
    root: Path,
    articles: int,
    facts: int,
    *,
    repeat: int,
    workers: int,
    warmup: bool,
    mixed: bool,
    pytest_args: Sequence[str] = (),
) -> list[Row]:
    """Alternate floor, factcheck (and the mixed floor) ``repeat`` times.

    Serially, then with ``-n workers`` when ``workers`` is not 0 (floor and factcheck only).
    The mixed floor is written after the first factcheck run, whose outcomes it copies.
    """
    size = f"{articles}x{facts}"
    items = articles * facts
    modes = [0] if workers == 0 else [0, workers]
    rows: list[Row] = []
    for n in modes:
        extra = (*pytest_args, *(("-n", str(n)) if n else ()))
        floor = Row(size, "floor", n, items)
        check = Row(size, "factcheck", n, items)
        mix = Row(size, "floor-mix", n, items)
        plan = [(floor, FLOOR_ARGS), (check, SKIP_ARGS)]
        if warmup and n == 0:
            # Writes .pyc files and pages the corpus in; not counted.
            runner.run("floor", (*extra, *FLOOR_ARGS), root)
            runner.run("factcheck", (*extra, *SKIP_ARGS), root)
        for i in range(repeat):
            j = 0
            while j < len(plan):  # the mixed floor joins the plan during the first repeat
                row, args = plan[j]
                j += 1
                run = runner.run(row.kind, (*extra, *args), root)
                row.runs.append(run)
                print(
                    f"  {size} {'-n ' + str(n) if n else 'serial':>6} {row.kind:<9} "
                    f"#{i + 1}: {run.wall:7.2f} s  cpu {run.cpu or 0:7.2f} s  "
                    f"peak {_mb(run.peak_kb)}  "
                    f"{', '.join(f'{v} {k}' for k, v in run.counts.items())}",
                    file=sys.stderr,
                )
                first_check = row is check and i == 0 and n == 0
                if first_check and mixed and write_mixed_floor(root, articles, facts, run.counts):
                    plan.append((mix, MIX_ARGS))
        rows += [row for row, _ in plan]
    return rows


@dataclass
class Startup:
    """Median start-up time of ``pytest --co -q`` in an empty folder, per configuration."""

    runs: int
    seconds: dict[str, float]
    peak_mb: dict[str, float | None]
    imported: list[str]
    not_imported: list[str]
    plugin_import_us: int | None


STARTUP_CONFIGS = {
    "-p no:factcheck (plugin not loaded)": ("-p", "no:factcheck"),
    "installed, --factcheck off": (),
}


def bench_startup(runner: Runner, empty: Path, facts_dir: Path, runs: int) -> Startup:
    """Alternate the start-up configurations ``runs`` times each; take medians."""
    configs = dict(STARTUP_CONFIGS)
    articles = empty / "articles"
    articles.mkdir(exist_ok=True)
    configs["--factcheck on, no articles"] = (
        "--factcheck",
        "articles",
        "--facts",
        str(facts_dir),
    )
    times: dict[str, list[float]] = {name: [] for name in configs}
    peaks: dict[str, list[int]] = {name: [] for name in configs}
    for name, args in configs.items():  # warm-up, not counted
        runner.run(name, ("--co", *args), empty)
    for _ in range(runs):
        for name, args in configs.items():
            run = runner.run(name, ("--co", *args), empty)
            times[name].append(run.wall)
            if run.peak_kb is not None:
                peaks[name].append(run.peak_kb)
    imported, missing, plugin_us = _flag_off_imports(runner, empty)
    return Startup(
        runs=runs,
        seconds={name: statistics.median(t) for name, t in times.items()},
        peak_mb={name: statistics.median(p) / 1024 if p else None for name, p in peaks.items()},
        imported=imported,
        not_imported=missing,
        plugin_import_us=plugin_us,
    )


HEAVY = ("pint", "regex", "yaml")

# Runs pytest in-process, then lists every module it left imported.
IMPORT_PROBE = """\
import sys, pytest
pytest.main(sys.argv[1:])
print("MODULES", *sorted(sys.modules))
"""
# The plugin module's own import time, with pytest already imported.
IMPORT_TIMER = """\
import time, pytest
start = time.perf_counter()
import pytest_factcheck.plugin
print(time.perf_counter() - start)
"""


def _modules(runner: Runner, empty: Path, args: Sequence[str]) -> set[str]:
    proc = subprocess.run(
        [runner.python, "-c", IMPORT_PROBE, *PYTEST[2:], "--co", *args],
        cwd=empty,
        capture_output=True,
        text=True,
        env=runner.env,
        check=False,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("MODULES "):
            return set(line.split()[1:])
    return set()


def _flag_off_imports(runner: Runner, empty: Path) -> tuple[list[str], list[str], int | None]:
    """Modules a flag-off start-up adds to a ``-p no:factcheck`` one; the plugin's import µs.

    Returns (added modules, heavy modules not imported, microseconds to import
    ``pytest_factcheck.plugin`` once pytest is imported: the median of 5).
    """
    off = _modules(runner, empty, ())
    blocked = _modules(runner, empty, ("-p", "no:factcheck"))
    added = sorted(off - blocked)
    missing = [h for h in HEAVY if h not in off]
    times = []
    for _ in range(5):
        proc = subprocess.run(
            [runner.python, "-c", IMPORT_TIMER],
            cwd=empty,
            capture_output=True,
            text=True,
            env=runner.env,
            check=False,
        )
        try:
            times.append(float(proc.stdout.strip()))
        except ValueError:
            continue
    us = round(statistics.median(times) * 1e6) if times else None
    return added, missing, us


@dataclass
class ProfileLine:
    """One plugin function in the profile."""

    function: str
    calls: int
    tottime: float
    cumtime: float


@dataclass
class Profile:
    """A cProfile of one factcheck run: totals, and the plugin's own functions."""

    size: str
    total: float
    collection: float
    runtestloop: float
    by_cumtime: list[ProfileLine]
    by_tottime: list[ProfileLine]


def profile_run(python: str, root: Path, size: str, top: int) -> Profile:
    """cProfile one serial factcheck run in ``root``; the top ``top`` plugin functions."""
    out = root / "factcheck.prof"
    subprocess.run(
        [python, "-m", "cProfile", "-o", str(out), *PYTEST, *FACTCHECK_ARGS],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    stats = pstats.Stats(str(out))
    table = stats.stats  # type: ignore[attr-defined]
    ours: list[ProfileLine] = []
    total = collection = loop = 0.0
    for (filename, line, name), (_cc, calls, tt, ct, _callers) in table.items():
        if name == "pytest_collection" and filename.endswith("main.py"):
            collection = max(collection, ct)
        elif name == "pytest_runtestloop" and filename.endswith("main.py"):
            loop = max(loop, ct)
        elif name == "main" and filename.endswith(os.path.join("config", "__init__.py")):
            total = max(total, ct)
        if "pytest_factcheck" in filename:
            where = f"{Path(filename).name}:{line}({name})"
            ours.append(ProfileLine(where, calls, tt, ct))
    total = total or stats.total_tt  # type: ignore[attr-defined]
    return Profile(
        size=size,
        total=total,
        collection=collection,
        runtestloop=loop,
        by_cumtime=sorted(ours, key=lambda p: -p.cumtime)[:top],
        by_tottime=sorted(ours, key=lambda p: -p.tottime)[:top],
    )


# -- reporting ------------------------------------------------------------------------------


def _mb(kb: int | None) -> str:
    return f"{kb / 1024:6.1f} MB" if kb is not None else "     n/a"


def groups(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows of the same size and workers together, in order."""
    out: list[list[Row]] = []
    for row in rows:
        if out and (out[-1][0].size, out[-1][0].workers) == (row.size, row.workers):
            out[-1].append(row)
        else:
            out.append([row])
    return out


def ratios(group: Sequence[Row]) -> dict[str, float]:
    """factcheck's median wall time over each floor's, in one group."""
    by_kind = {r.kind: r for r in group}
    check = by_kind.get("factcheck")
    if check is None:
        return {}
    return {
        f"factcheck/{kind}": check.wall / by_kind[kind].wall
        for kind in ("floor", "floor-mix")
        if kind in by_kind
    }


def cpu_ratios(group: Sequence[Row]) -> dict[str, float]:
    """factcheck's median CPU time over each floor's, in one group."""
    by_kind = {r.kind: r for r in group}
    check = by_kind.get("factcheck")
    out: dict[str, float] = {}
    for kind in ("floor", "floor-mix"):
        base = by_kind.get(kind)
        if check is not None and base is not None and check.cpu and base.cpu:
            out[f"factcheck/{kind}"] = check.cpu / base.cpu
    return out


def print_table(rows: Sequence[Row], method: str, repeat: int, extra: str = "") -> None:
    """The main table: one line per (size, workers, kind), then the ratios."""
    given = f"; every run with {extra}" if extra else ""
    print(f"\nmedian of {repeat} alternated runs; peak RSS and CPU by {method}{given}\n")
    header = (
        f"{'size':<9} {'workers':>7} {'run':<10} {'items':>7} {'wall s':>8} {'items/s':>8} "
        f"{'cpu s':>8} {'peak RSS':>10}  outcome"
    )
    print(header)
    print("-" * len(header))
    for group in groups(rows):
        for row in group:
            peak = f"{row.peak_mb:7.1f} MB" if row.peak_mb is not None else "       n/a"
            cpu = f"{row.cpu:8.2f}" if row.cpu is not None else f"{'n/a':>8}"
            print(
                f"{row.size:<9} {row.workers or 'serial':>7} {row.kind:<10} {row.items:>7} "
                f"{row.wall:8.2f} {row.items_per_s:8.0f} {cpu} {peak:>10}  {row.outcome()}"
            )
        by_kind = {r.kind: r for r in group}
        for name, ratio in ratios(group).items():
            base = by_kind[name.split("/")[1]]
            check = by_kind["factcheck"]
            extra = ""
            if base.cpu and check.cpu:
                extra += f"  cpu {check.cpu / base.cpu:.2f}×"
            if base.peak_mb and check.peak_mb:
                extra += f"  peak RSS {check.peak_mb / base.peak_mb:.2f}×"
            print(f"{'':<17} {name:<20} {ratio:8.2f}× wall{extra}")
        print()


def print_startup(startup: Startup) -> None:
    """Start-up medians, the difference the installed plugin makes, and its imports."""
    print(f"start-up: python -m pytest --co -q in an empty folder, median of {startup.runs}")
    names = list(startup.seconds)
    base = startup.seconds[names[0]]
    for name in names:
        secs = startup.seconds[name]
        peak = startup.peak_mb[name]
        delta = "" if name == names[0] else f"  ({secs - base:+.3f} s, {secs / base - 1:+.1%})"
        rss = f"  peak {peak:.1f} MB" if peak is not None else ""
        print(f"  {name:<38} {secs:6.3f} s{rss}{delta}")
    us = startup.plugin_import_us
    plugin = f"{us / 1000:.1f} ms" if us is not None else "n/a"
    print(
        f"  modules the installed plugin adds with the flag off: "
        f"{', '.join(startup.imported) or 'none'}; importing pytest_factcheck.plugin "
        f"after pytest: {plugin}; not imported: {', '.join(startup.not_imported) or '-'}"
    )


def print_profile(profile: Profile) -> None:
    """The plugin's functions by cumulative and by own time."""
    print(
        f"\nprofile of one factcheck run, {profile.size}, serial, under cProfile: "
        f"{profile.total:.2f} s in all, collection {profile.collection:.2f} s, "
        f"run loop {profile.runtestloop:.2f} s"
    )
    for title, lines in (("cumulative", profile.by_cumtime), ("own time", profile.by_tottime)):
        print(f"  plugin functions by {title}:")
        print(f"    {'cumtime':>8} {'tottime':>8} {'calls':>9}  function")
        for p in lines:
            print(f"    {p.cumtime:8.3f} {p.tottime:8.3f} {p.calls:9d}  {p.function}")


@contextmanager
def workdir(given: Path | None) -> Iterator[Path]:
    """``given`` (kept), or a temporary folder removed afterwards."""
    if given is not None:
        given.mkdir(parents=True, exist_ok=True)
        yield given.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        yield Path(tmp)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="200x50", help="ARTICLESxFACTS,... with every pair an item ('none')"
    )
    parser.add_argument(
        "--scale-sizes",
        default="100x10000,1000x1000",
        help="ARTICLESxFACTS,... for the scale runs: omit, skip, floor, facts only, articles "
        "only ('none' to skip)",
    )
    parser.add_argument(
        "--skip-items",
        type=int,
        default=100_000,
        help="items of a scale size's skip run (on the first items/F articles; scaled to A)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each command")
    parser.add_argument(
        "--xdist-size",
        default=None,
        help="size also run with -n WORKERS (default: the largest; 'none' to skip)",
    )
    parser.add_argument("--workers", type=int, default=2, help="-n for the xdist runs")
    parser.add_argument("--startup-runs", type=int, default=10, help="0 skips start-up")
    parser.add_argument("--profile", action="store_true", help="cProfile the first size")
    parser.add_argument("--profile-top", type=int, default=15, help="functions to list")
    parser.add_argument(
        "--no-mixed-floor", action="store_true", help="skip the floor with factcheck's outcomes"
    )
    parser.add_argument(
        "--pytest-args",
        default="",
        help="extra pytest options for every timed run, e.g. '--tb=line' (quote them)",
    )
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first runs")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the corpora here")
    parser.add_argument("--json", type=Path, default=None, help="also write results ('-')")
    args = parser.parse_args(argv)
    try:
        sizes = [] if args.sizes == "none" else parse_sizes(args.sizes)
        scale_sizes = [] if args.scale_sizes == "none" else parse_sizes(args.scale_sizes)
    except ValueError as error:
        parser.error(str(error))
    largest = max(sizes, key=lambda s: s[0] * s[1], default=None)
    xdist = args.xdist_size or ("{}x{}".format(*largest) if largest else "none")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    results: dict[str, object] = {
        "python": sys.version.split()[0],
        "pytest_args": " ".join(PYTEST),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "extra_pytest_args": args.pytest_args,
        "load_average_before": os.getloadavg(),
    }
    rows: list[Row] = []
    scaled: list[dict[str, object]] = []
    startup: Startup | None = None
    profile: Profile | None = None

    def save() -> None:
        results.update(to_json(rows, startup, profile))
        results["scale"] = scaled
        if args.json is not None and str(args.json) != "-":
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    with workdir(args.workdir) as work:
        runner = Runner(sys.executable, work)
        results["peak_rss_method"] = runner.method
        print(f"peak RSS by {runner.method}; working in {work}", file=sys.stderr)
        if args.startup_runs > 0:
            empty = work / "empty"
            empty.mkdir(exist_ok=True)
            (empty / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
            facts_dir = work / "startup-facts"
            generate(facts_dir, articles=1, facts=50, seed=args.seed)
            startup = bench_startup(runner, empty, facts_dir / "facts", args.startup_runs)
            save()
        for i, (a, f) in enumerate(sizes):
            root = work / f"corpus-{a}x{f}"
            corpus = generate(root, articles=a, facts=f, seed=args.seed)
            kb = sum(corpus.article_bytes) / 1024
            print(f"{a}x{f}: {a} articles ({kb:.0f} KB), {f} facts", file=sys.stderr)
            workers = args.workers if f"{a}x{f}" == xdist else 0
            rows += bench_size(
                runner,
                root,
                a,
                f,
                repeat=args.repeat,
                workers=workers,
                warmup=i == 0 and not args.no_warmup,
                mixed=not args.no_mixed_floor,
                pytest_args=args.pytest_args.split(),
            )
            save()
            if args.profile and i == 0:
                profile = profile_run(sys.executable, root, f"{a}x{f}", args.profile_top)
                save()
            if args.workdir is None:
                shutil.rmtree(root)
        for a, f in scale_sizes:
            root = work / f"scale-{a}x{f}"
            corpus = generate(root, articles=a, facts=f, seed=args.seed)
            kb = sum(corpus.article_bytes) / 1024
            print(f"scale {a}x{f}: {a} articles ({kb:.0f} KB), {f} facts", file=sys.stderr)
            scaled.append(
                bench_scale(
                    runner,
                    root,
                    a,
                    f,
                    repeat=args.repeat,
                    skip_items=args.skip_items,
                    pytest_args=args.pytest_args.split(),
                )
            )
            save()
            if args.workdir is None:
                shutil.rmtree(root)

    results["load_average_after"] = os.getloadavg()
    save()
    if rows:
        print_table(rows, runner.method, args.repeat, args.pytest_args)
    if scaled:
        print_scale(scaled, args.repeat)
    if startup is not None:
        print_startup(startup)
    if profile is not None:
        print_profile(profile)
    if str(args.json) == "-":
        print(json.dumps(results, indent=2))
    return 0


def to_json(
    rows: Sequence[Row], startup: Startup | None, profile: Profile | None
) -> dict[str, object]:
    """The measurements so far, as JSON-ready data."""
    out: dict[str, object] = {
        "rows": [
            {
                "size": r.size,
                "kind": r.kind,
                "workers": r.workers,
                "items": r.items,
                "wall_s": r.wall,
                "fastest_wall_s": r.fastest,
                "cpu_s": r.cpu,
                "items_per_s": r.items_per_s,
                "peak_rss_mb": r.peak_mb,
                "ok": r.ok,
                "runs": [asdict(run) for run in r.runs],
            }
            for r in rows
        ],
        "ratios": {f"{g[0].size} -n {g[0].workers}": ratios(g) for g in groups(rows)},
        "cpu_ratios": {f"{g[0].size} -n {g[0].workers}": cpu_ratios(g) for g in groups(rows)},
    }
    if startup is not None:
        out["startup"] = asdict(startup)
    if profile is not None:
        out["profile"] = asdict(profile)
    return out


if __name__ == "__main__":
    sys.exit(main())
