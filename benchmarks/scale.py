"""The scale benchmark: a large fact base against many articles, with omitted pairs.

Used by ``bench_pytest.py --scale-sizes 100x10000,1000x1000``. For each size, in one
corpus folder and alternately (``--repeat`` times), as child processes:

- omit:          ``pytest --factcheck articles --facts facts/`` (the default: only pairs
                 that can apply are items);
- skip:          the same with ``-o factcheck_unmentioned=skip`` (every pair an item) on the
                 first K articles only, K = ``--skip-items`` // F (article i does not depend
                 on the number of articles), reported as measured and scaled by A / K;
- floor:         pytest's floor for as many trivial items as omit collects;
- facts only:    ``pytest --factcheck empty --facts facts/``: start-up and fact loading;
- articles only: ``pytest --factcheck articles --facts nofacts/`` (a fact file with no
                 facts): start-up and reading and indexing every article;
- start-up:      ``pytest empty``: pytest's own start-up, no plugin work.

The budget of the target is facts only + floor + articles only − 2 × start-up (each of the
three pays one start-up; the budget counts one).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

FLOOR_TEST = '''"""pytest's floor for {items} items, as many as the omit run collects."""

import pytest


@pytest.mark.parametrize("i", range({items}))
def test_floor(i: int) -> None:
    assert True
'''


class _Run(Protocol):
    wall: float
    cpu: float | None
    peak_kb: int | None
    counts: dict[str, int]


class _Runner(Protocol):
    def run(self, kind: str, args: Sequence[str], cwd: Path) -> _Run: ...


def prepare(root: Path, articles: int, facts: int, skip_items: int) -> int:
    """Write the extra folders of a scale run; return K, the articles of the skip run."""
    for name in ("empty", "nofacts", "articles_skip", "floor_omit"):
        shutil.rmtree(root / name, ignore_errors=True)
        (root / name).mkdir()
    (root / "nofacts" / "none.yaml").write_text("facts: []\n", encoding="utf-8")
    keep = max(1, min(articles, skip_items // facts))
    for path in sorted((root / "articles").iterdir())[:keep]:
        shutil.copy(path, root / "articles_skip" / path.name)
    return keep


def commands(extra: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The pytest arguments of each run of a scale size (the floor's folder is written later)."""
    paths = ("-o", "factcheck_paths=articles")
    return {
        "omit": (*extra, "--factcheck", "articles", "--facts", "facts/", *paths),
        "skip": (
            *extra,
            "--factcheck",
            "articles_skip",
            "--facts",
            "facts/",
            "-o",
            "factcheck_paths=articles_skip",
            "-o",
            "factcheck_unmentioned=skip",
        ),
        "floor": (*extra, "floor_omit/"),
        "facts only": (
            *extra,
            "--factcheck",
            "empty",
            "--facts",
            "facts/",
            "-o",
            "factcheck_paths=empty",
        ),
        "articles only": (*extra, "--factcheck", "articles", "--facts", "nofacts/", *paths),
        "start-up": (*extra, "empty"),
    }


def bench_scale(
    runner: _Runner,
    root: Path,
    articles: int,
    facts: int,
    *,
    repeat: int,
    skip_items: int,
    pytest_args: Sequence[str] = (),
) -> dict[str, object]:
    """Alternate the six runs ``repeat`` times; return every run and the medians."""
    size = f"{articles}x{facts}"
    keep = prepare(root, articles, facts, skip_items)
    plan = commands(pytest_args)
    runs: dict[str, list[_Run]] = {kind: [] for kind in plan}
    warm = runner.run("omit", plan["omit"], root)  # bytecode, page cache; not counted
    collected = sum(n for k, n in warm.counts.items() if k != "deselected")
    (root / "floor_omit" / "test_floor.py").write_text(
        FLOOR_TEST.format(items=max(collected, 1)), encoding="utf-8"
    )
    for i in range(repeat):
        for kind, args in plan.items():
            run = runner.run(kind, args, root)
            runs[kind].append(run)
            counts = ", ".join(f"{v} {k}" for k, v in run.counts.items())
            print(
                f"  {size} {kind:<13} #{i + 1}: {run.wall:7.2f} s  cpu {run.cpu or 0:7.2f} s  "
                f"peak {(run.peak_kb or 0) / 1024:7.1f} MB  {counts}",
                file=sys.stderr,
            )
    return {
        "size": size,
        "articles": articles,
        "facts": facts,
        "pairs": articles * facts,
        "collected": collected,
        "skip_articles": keep,
        "runs": {kind: [_plain(r) for r in rs] for kind, rs in runs.items()},
        "medians": {kind: _medians(rs) for kind, rs in runs.items()},
    }


def _plain(run: _Run) -> dict[str, object]:
    return {"wall": run.wall, "cpu": run.cpu, "peak_kb": run.peak_kb, "counts": run.counts}


def _median(values: list[float]) -> float | None:
    values = sorted(values)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _medians(runs: Sequence[_Run]) -> dict[str, float | None]:
    return {
        "wall": _median([r.wall for r in runs]),
        "cpu": _median([r.cpu for r in runs if r.cpu is not None]),
        "peak_mb": _median([r.peak_kb / 1024 for r in runs if r.peak_kb is not None]),
    }


def derived(result: dict[str, object]) -> dict[str, float | None]:
    """The target's figures: omit against its budget, and against skip scaled to A."""
    m = result["medians"]
    assert isinstance(m, dict)
    out: dict[str, float | None] = {}
    scale = int(result["articles"]) / int(result["skip_articles"])  # type: ignore[call-overload]
    for what in ("wall", "cpu"):
        get = {kind: m[kind][what] for kind in m}
        if None in get.values():
            continue
        budget = get["facts only"] + get["floor"] + get["articles only"] - 2 * get["start-up"]
        out[f"budget_{what}"] = budget
        out[f"omit/budget_{what}"] = get["omit"] / budget
        out[f"skip_scaled_{what}"] = get["skip"] * scale
        out[f"skip_scaled/omit_{what}"] = get["skip"] * scale / get["omit"]
    out["omit_peak_mb"] = m["omit"]["peak_mb"]
    return out


def print_scale(results: Sequence[dict[str, object]], repeat: int) -> None:
    """One block per size: the medians of every run, then the target's ratios."""
    print(f"\nscale: median of {repeat} alternated runs\n")
    header = f"{'size':<11} {'run':<14} {'items':>9} {'wall s':>8} {'cpu s':>8} {'peak RSS':>10}"
    print(header)
    print("-" * len(header))
    for result in results:
        m = result["medians"]
        assert isinstance(m, dict)
        items = {
            "omit": result["collected"],
            "skip": f"{int(result['skip_articles']) * int(result['facts']):,}",  # type: ignore[call-overload]
            "floor": result["collected"],
        }
        for kind, med in m.items():
            peak = f"{med['peak_mb']:7.1f} MB" if med["peak_mb"] is not None else "n/a"
            cpu = f"{med['cpu']:8.2f}" if med["cpu"] is not None else "n/a"
            print(
                f"{result['size']:<11} {kind:<14} {items.get(kind, ''):>9} "
                f"{med['wall']:8.2f} {cpu} {peak:>10}"
            )
        d = derived(result)
        print(
            f"  pairs {int(result['pairs']):,}, collected {result['collected']:,}; "  # type: ignore[call-overload]
            f"skip measured on {result['skip_articles']} articles, scaled ×"
            f"{int(result['articles']) / int(result['skip_articles']):g}"  # type: ignore[call-overload]
        )
        for what in ("wall", "cpu"):
            if f"budget_{what}" in d:
                print(
                    f"  {what}: omit / (facts only + floor + articles only − 2 start-up) = "
                    f"{d[f'omit/budget_{what}']:.2f}× (budget {d[f'budget_{what}']:.2f} s); "
                    f"skip scaled {d[f'skip_scaled_{what}']:.1f} s = "
                    f"{d[f'skip_scaled/omit_{what}']:.1f}× omit"
                )
        print()
