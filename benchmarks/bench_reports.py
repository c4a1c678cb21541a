"""Benchmark the HTML page and the reviewdog diagnostics on a generated corpus.

    python benchmarks/bench_reports.py [--articles 1000] [--facts 50] [--workers 2]
                                       [--repeat 3] [--workdir DIR] [--json FILE]

Generates a corpus (``corpus.py``), runs ``pytest --factcheck`` on it once in a child
process (with ``-n WORKERS``, so the records travel from the xdist workers to the
controller as in a real run), and there, at the end of the run, times writing the HTML page
and the rdjsonl file from the run's records, ``--repeat`` times each (the median is
reported). Then, when Playwright and a Chromium are available, it opens the page in headless
Chromium and measures the time to the ``load`` event, and from there until the page
answers a key (``n`` focuses the first contradiction).

It prints the article text's size, the page's and the rdjsonl file's sizes, and the times.
Nothing is asserted. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
import pytest

out, repeat = Path(sys.argv[1]), int(sys.argv[2])
timings = {}

class Timer:
    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session):
        if hasattr(session.config, "workerinput"):
            return
        from pytest_factcheck import html_report, rdjson
        results = session.config.pluginmanager.get_plugin("factcheck-session").results
        root = session.config.rootpath
        for name, module, target in (
            ("html", html_report, out / "report.html"),
            ("rdjson", rdjson, out / "report.jsonl"),
        ):
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                module.write(results, root, target)
                runs.append(time.perf_counter() - start)
            timings[name] = statistics.median(runs)
            timings[name + "_bytes"] = target.stat().st_size
        timings["pairs"] = len(results.outcomes)

start = time.perf_counter()
code = pytest.main(sys.argv[3:], plugins=[Timer()])
timings["run"] = time.perf_counter() - start
timings["exit"] = int(code)
(out / "timings.json").write_text(json.dumps(timings))
"""


def find_chromium() -> str | None:
    """The Chromium to open the page in: ``FACTCHECK_CHROMIUM`` or one on the PATH."""
    if os.environ.get("FACTCHECK_CHROMIUM"):
        return os.environ["FACTCHECK_CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def open_in_browser(page_path: Path) -> dict[str, Any]:
    """Times to the load event and to the first answered key, in headless Chromium."""
    executable = find_chromium()
    if executable is None:
        return {"browser": "no Chromium found"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"browser": "Playwright not installed"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text))
        start = time.perf_counter()
        page.goto(page_path.as_uri(), wait_until="load", timeout=120_000)
        loaded = time.perf_counter()
        page.keyboard.press("n")
        page.wait_for_function("document.activeElement.tagName === 'MARK'", timeout=60_000)
        answered = time.perf_counter()
        navigation = page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {interactive: n.domInteractive, complete: n.domComplete}; })()"
        )
        browser.close()
    return {
        "browser": executable,
        "load_s": round(loaded - start, 2),
        "dom_interactive_s": round(navigation["interactive"] / 1000, 2),
        "first_key_s": round(answered - loaded, 2),
        "console_messages": len(errors),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="pytest -n (0: no xdist)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, help="where the corpus goes (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)

    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-reports-"))).resolve()
    corpus_dir = workdir / f"{args.articles}x{args.facts}"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    generate(corpus_dir, articles=args.articles, facts=args.facts)
    text_bytes = sum(p.stat().st_size for p in (corpus_dir / "articles").iterdir())
    out = corpus_dir / "out"
    out.mkdir()
    pytest_args = ["-q", "-p", "no:cacheprovider", "--factcheck", "articles", "--facts", "facts/"]
    pytest_args += ["-o", "factcheck_paths=articles"]
    pytest_args += ["-n", str(args.workers)] if args.workers else ["-p", "no:xdist"]
    subprocess.run(
        [sys.executable, "-c", CHILD, str(out), str(args.repeat), *pytest_args],
        cwd=corpus_dir,
        stdout=subprocess.DEVNULL,
        check=False,
    )
    timings = json.loads((out / "timings.json").read_text())
    numbers: dict[str, Any] = {
        "articles": args.articles,
        "facts": args.facts,
        "pairs": timings["pairs"],
        "workers": args.workers,
        "article_text_mb": round(text_bytes / 1e6, 2),
        "run_s": round(timings["run"], 1),
        "html_write_s": round(timings["html"], 2),
        "html_mb": round(timings["html_bytes"] / 1e6, 2),
        "rdjson_write_s": round(timings["rdjson"], 3),
        "rdjson_kb": round(timings["rdjson_bytes"] / 1e3, 1),
    }
    numbers.update(open_in_browser(out / "report.html"))
    for key, value in numbers.items():
        print(f"{key:>20}: {value}")
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
