"""Score ``pytest --factcheck`` on a desk: articles, facts and an editor's outcome table.

A desk is a folder with ``articles/``, ``facts/`` and ``expected.tsv`` (``article<TAB>fact
<TAB>outcome<TAB>line<TAB>note``, outcome ``passed``/``failed``/``not_mentioned``, line the
1-based line of the contradiction for ``failed``). The script runs the checker on a copy of
the desk with ``--junitxml`` and compares every pair::

    python benchmarks/score_desk.py tests/desk [--show]

It prints the number of pairs right, false failures (failed where the editor says passed or
not mentioned), missed contradictions (not failed where the editor says failed), other
wrong outcomes, and failures on the wrong line; ``--show`` lists every wrong pair. A pair the
fact file marks as a known dispute (``xfail``) counts as failed. Exit status 0 always:
it measures, it does not gate.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_LOCATION = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): ")


@dataclass(frozen=True)
class Found:
    outcome: str  # passed, failed, not_mentioned
    line: int | None


def expected_table(desk: Path) -> dict[tuple[str, str], Found]:
    """The editor's table: (article, fact) -> outcome and line."""
    table: dict[tuple[str, str], Found] = {}
    with (desk / "expected.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            line = int(row["line"]) if (row.get("line") or "").strip() else None
            table[(row["article"], row["fact"])] = Found(row["outcome"], line)
    return table


def run_desk(desk: Path, extra: list[str] | None = None) -> dict[tuple[str, str], Found]:
    """Run the checker on a copy of ``desk``; every pair's outcome and failure line."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "desk"
        shutil.copytree(desk, work)
        (work / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        report = work / "report.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "--factcheck",
            "articles/",
            "--facts",
            "facts/",
            "-p",
            "no:cacheprovider",
            "-q",
            f"--junitxml={report}",
            *(extra or []),
        ]
        subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        return read_junit(report)


def read_junit(report: Path) -> dict[tuple[str, str], Found]:
    """Outcomes from a JUnit report of fact items (``classname`` is the article path)."""
    found: dict[tuple[str, str], Found] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        # pytest writes the article path with its "/" as "." and keeps the suffix.
        article = classname.replace(".", "/")
        for suffix in ("txt", "md"):
            if article.endswith("/" + suffix):
                article = article[: -len(suffix) - 1] + "." + suffix
        failure = case.find("failure")
        skipped = case.find("skipped")
        if failure is not None:
            match = _LOCATION.match(failure.get("message", ""))
            found[(article, name)] = Found("failed", int(match["line"]) if match else None)
        elif skipped is not None and skipped.get("type") == "pytest.xfail":
            found[(article, name)] = Found("failed", None)
        elif skipped is not None:
            found[(article, name)] = Found("not_mentioned", None)
        else:
            found[(article, name)] = Found("passed", None)
    return found


@dataclass
class Score:
    pairs: int = 0
    right: int = 0
    false_failures: int = 0
    missed_contradictions: int = 0
    other_wrong: int = 0
    wrong_line: int = 0
    not_run: int = 0  # the pair has no item: its fact did not load


def score(
    expected: dict[tuple[str, str], Found], found: dict[tuple[str, str], Found]
) -> tuple[Score, list[str]]:
    """Compare pair by pair; returns the counts and one line per wrong pair."""
    result = Score()
    wrong: list[str] = []
    for pair, want in sorted(expected.items()):
        got = found.get(pair, Found("missing", None))
        result.pairs += 1
        where = f"{pair[0]} :: {pair[1]}"
        if got.outcome == "missing":
            result.not_run += 1
            wrong.append(f"not run      {where}: expected {want.outcome}")
            continue
        if got.outcome == want.outcome:
            if want.outcome == "failed" and want.line and got.line and got.line != want.line:
                result.wrong_line += 1
                wrong.append(f"wrong line   {where}: line {got.line}, expected {want.line}")
            else:
                result.right += 1
            continue
        if got.outcome == "failed":
            result.false_failures += 1
            kind = "false fail  "
        elif want.outcome == "failed":
            result.missed_contradictions += 1
            kind = "missed      "
        else:
            result.other_wrong += 1
            kind = "wrong       "
        wrong.append(f"{kind} {where}: {got.outcome}, expected {want.outcome}")
    return result, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("desk", type=Path)
    parser.add_argument("--show", action="store_true", help="list every wrong pair")
    args = parser.parse_args(argv)
    expected = expected_table(args.desk)
    result, wrong = score(expected, run_desk(args.desk))
    stated = sum(1 for f in expected.values() if f.outcome != "not_mentioned")
    print(
        f"{result.pairs} pairs ({stated} stated): {result.right} right, "
        f"{result.false_failures} false failures, "
        f"{result.missed_contradictions} missed contradictions, "
        f"{result.other_wrong} other wrong outcomes, {result.wrong_line} on the wrong line, "
        f"{result.not_run} not run (fact did not load)"
    )
    if args.show:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
