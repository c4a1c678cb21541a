"""The command line: ``python -m pytest_factcheck quantities [FILE ...] [--json] [--all]``,
``python -m pytest_factcheck dates [FILE ...] [--json]`` (see :mod:`.dates_cli`),
``python -m pytest_factcheck units`` (the unit table) and ``python -m pytest_factcheck check
[--facts PATH]`` (fact files alone, see :mod:`pytest_factcheck.lint`).

It prints every quantity found in the given articles, one per line, so that a user can
draft facts from what the extractor reads (and so the extractor can be benchmarked on
real files). Files that cannot be read are reported on standard error and skipped; the
exit status is then 1.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from .articles import parse_article
from .intervals import format_number
from .markdown import is_markdown
from .quantities import Quantity, extract
from .units import UNIT_FORMS, pint_unit_name, symbol

STDIN = "-"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (a ``quantities`` subcommand, room for more)."""
    parser = argparse.ArgumentParser(
        prog="python -m pytest_factcheck",
        description="Tools for pytest-factcheck.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    q = sub.add_parser(
        "quantities",
        help="print the quantities found in articles",
        description="Print every quantity found in the given files (standard input when "
        "none is given, or for '-').",
    )
    q.add_argument("files", nargs="*", metavar="FILE", help="article files; '-' is stdin")
    q.add_argument("--json", action="store_true", help="one JSON object a line")
    q.add_argument(
        "--all",
        action="store_true",
        help="include years, dates, times, ordinals and identifiers (kind != quantity)",
    )
    q.add_argument(
        "--approx",
        type=_fraction,
        default=0.10,
        metavar="FRACTION",
        help="width of 'about X' as a fraction of X (default: 0.10)",
    )
    d = sub.add_parser(
        "dates",
        help="print the dates found in articles",
        description="Print the article's own date and every date expression found in the "
        "given files (standard input when none is given, or for '-'), with the days each "
        "is read as.",
    )
    d.add_argument("files", nargs="*", metavar="FILE", help="article files; '-' is stdin")
    d.add_argument("--json", action="store_true", help="one JSON object a line")
    u = sub.add_parser(
        "units",
        help="list the unit table",
        description="List every surface form read as a unit, with its pint unit.",
    )
    u.add_argument("--json", action="store_true", help="one JSON object a line")
    c = sub.add_parser(
        "check",
        help="check fact files without articles",
        description="Load the fact files and print every problem, one located line each; "
        "exit status 2 when there is any, 0 when every fact loads.",
    )
    c.add_argument(
        "--facts",
        action="append",
        default=[],
        metavar="PATH",
        help="a fact file or a folder of *.yaml/*.yml (repeatable; default: facts)",
    )
    return parser


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"must be at least 0 and less than 1, not {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 a file failed, 2 usage)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "units":
            return run_units(as_json=args.json)
        if args.command == "check":
            from .lint import run_check

            return run_check(args.facts)
        if args.command == "dates":
            from .dates_cli import run_dates

            return run_dates(args.files or [STDIN], read_text, as_json=args.json)
        return run_quantities(
            args.files or [STDIN],
            as_json=args.json,
            include_all=args.all,
            approx=args.approx,
        )
    except BrokenPipeError:
        # Output piped into `head`: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def run_units(*, as_json: bool = False, out: TextIO | None = None) -> int:
    """Print the unit table: surface form, pint unit, display symbol; return 0."""
    out = out or sys.stdout
    for form in UNIT_FORMS:
        notes = [
            note
            for note, on in (("exact case", form.case_sensitive), ("after digits", form.attached))
            if on
        ]
        if as_json:
            record = {"surface": form.surface, "unit": form.unit, "symbol": symbol(form.unit)}
            record["notes"] = ", ".join(notes)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            extra = f"  ({', '.join(notes)})" if notes else ""
            out.write(f"{form.surface:<22} {form.unit}{extra}\n")
    return 0


def read_text(path: str) -> str:
    """The decoded text of ``path`` (``-``: standard input), UTF-8 with an optional BOM.

    Raises OSError when the file cannot be read and UnicodeDecodeError when it is not UTF-8.
    """
    if path == STDIN:
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    return data.decode("utf-8-sig")


def run_quantities(
    paths: Sequence[str],
    *,
    as_json: bool = False,
    include_all: bool = False,
    approx: float = 0.10,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print the quantities of each file; return 1 if any file could not be read, else 0."""
    out = out or sys.stdout
    err = err or sys.stderr
    status = 0
    for path in paths:
        try:
            text = read_text(path)
        except UnicodeDecodeError as exc:
            name = "<stdin>" if path == STDIN else path
            print(
                f"{name}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                f"{exc.start}); skipped",
                file=err,
            )
            status = 1
            continue
        except OSError as exc:
            print(f"{path}: cannot read: {exc.strerror or exc}", file=err)
            status = 1
            continue
        if is_markdown(path):
            # Read as the checker reads it: prose only, at the file's own offsets.
            text = parse_article(text, path, markdown=True).text
        rows = [q for q in extract(text, approx=approx) if include_all or q.kind == "quantity"]
        lines = _line_starts(text)
        if as_json:
            for q in rows:
                out.write(json.dumps(_record(path, q, lines), ensure_ascii=False) + "\n")
        else:
            _write_table(out, path, rows, lines)
    out.flush()
    return status


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _line_col(lines: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(lines, offset)
    return line, offset - lines[line - 1] + 1


def _record(path: str, q: Quantity, lines: list[int]) -> dict[str, object]:
    """The JSON object for one quantity, keys in the documented order."""
    line, col = _line_col(lines, q.start)
    record: dict[str, object] = {
        "path": path,
        "start": q.start,
        "end": q.end,
        "line": line,
        "col": col,
        "text": q.text,
        "low": q.low,
        "high": q.high,
        "unit": pint_unit_name(q.unit),
        "kind": q.kind,
        "noun": q.noun,
        "low_open": q.interval.low_open,
        "high_open": q.interval.high_open,
        "hedge": q.hedge,
        "restates": q.restates,
    }
    if q.unit != record["unit"]:
        record["points"] = True  # percentage points: pint has no such unit, so "percent"
    if q.change is not None:
        record["change"] = q.change  # "up" / "down": a change word governs the figure
    if q.role is not None:
        record["role"] = q.role  # "before", "after" or "delta"
    return record


def _bounds(q: Quantity) -> str:
    lo = "-∞" if q.low is None else format_number(q.low)
    hi = "∞" if q.high is None else format_number(q.high)
    left = "(" if q.interval.low_open or q.low is None else "["
    right = ")" if q.interval.high_open or q.high is None else "]"
    return f"{left}{lo}, {hi}{right}"


def _rows(path: str, qs: list[Quantity], lines: list[int]) -> Iterator[tuple[str, ...]]:
    for q in qs:
        line, col = _line_col(lines, q.start)
        unit = q.unit if q.noun is None else f"{q.unit} ({q.noun})"
        kind = "" if q.kind == "quantity" else q.kind
        text = " ".join(q.text.split())
        yield (f"{path}:{line}:{col}", text, _bounds(q), unit, kind)


def _write_table(out: TextIO, path: str, qs: list[Quantity], lines: list[int]) -> None:
    rows = list(_rows(path, qs, lines))
    if not rows:
        return
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(4)]
        out.write("  ".join([*cells, r[4]]).rstrip() + "\n")
