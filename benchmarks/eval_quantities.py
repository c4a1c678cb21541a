"""Score the quantity reader on annotated sentences (run by hand; asserts nothing).

    python benchmarks/eval_quantities.py [DATA.jsonl ...] [--errors] [--category NAME]

With no file it scores, one after the other: the project's dev set
(``data/quantities_dev.jsonl``), the news dev set (``data/news_dev.jsonl``, annotated by
someone who never saw the reader's code) and the public test-suite cases in
``../shared/quantities-dev/cases.jsonl`` (relative to the repository root) when that
folder is there.

Two file formats are read. **Case files** (one ``{"id", "text", "expected": [...]}`` a
line, as in ``../shared/quantities-dev/``) are scored exactly as
``../shared/quantities-dev/score.py`` scores them (this script imports it; see its
docstring): one-to-one matching, units compared through pint, recall over all cases and
precision over exhaustive ones. ``--errors`` lists every miss and spurious reading.
**Project files** are described below.

Each line of the data file is ``{"text", "quantities": [{"text", "low", "high", "unit",
"noun"?}], "category"?}``: ``text`` of a quantity is an exact substring of the sentence,
``low``/``high`` are null where unbounded and ``unit`` is a pint unit name (or
``dimensionless``). The reader's ``kind == "quantity"`` readings are matched one to one
with the annotated ones by overlapping character spans:

- **lenient**: the spans overlap;
- **strict**: the spans overlap, ``low`` and ``high`` agree within 1e-6 (relative), and the
  units have the same dimension (:func:`pytest_factcheck.units.dimension`).

Precision is matched / predicted, recall matched / annotated, F1 their harmonic mean.
``--errors`` lists every sentence with a missed, spurious or wrongly read quantity.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pytest_factcheck import units  # noqa: E402
from pytest_factcheck.quantities import Quantity, extract  # noqa: E402

DEFAULT_DATA = ROOT / "benchmarks" / "data" / "quantities_dev.jsonl"
NEWS_DATA = ROOT / "benchmarks" / "data" / "news_dev.jsonl"
SHARED = ROOT.parent / "shared" / "quantities-dev"


@dataclass
class Gold:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str
    noun: str | None = None


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    lenient: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.strict += other.strict
        self.lenient += other.lenient

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.pred if self.pred else 1.0
        r = matched / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Result:
    counts: Counts
    errors: list[str] = field(default_factory=list)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_dimension(a: str, b: str) -> bool:
    try:
        return units.dimension(a) == units.dimension(b)
    except Exception:
        return a == b


def _strict_ok(g: Gold, q: Quantity) -> bool:
    return _close(g.low, q.low) and _close(g.high, q.high) and _same_dimension(g.unit, q.unit)


def _overlap(g: Gold, q: Quantity) -> bool:
    return g.start < q.end and q.start < g.end


def _gold_spans(text: str, quantities: list[dict[str, object]]) -> Iterator[Gold]:
    taken: list[tuple[int, int]] = []
    for entry in quantities:
        span = str(entry["text"])
        start = text.find(span)
        while start >= 0 and any(a <= start < b for a, b in taken):
            start = text.find(span, start + 1)
        if start < 0:
            raise SystemExit(f"annotated span {span!r} not in {text!r}")
        taken.append((start, start + len(span)))
        low, high = entry.get("low"), entry.get("high")
        noun = entry.get("noun")
        yield Gold(
            start,
            start + len(span),
            span,
            None if low is None else float(str(low)),
            None if high is None else float(str(high)),
            str(entry["unit"]),
            None if noun is None else str(noun),
        )


def _show(q: Quantity) -> str:
    lo = "-inf" if q.low is None else f"{q.low:g}"
    hi = "inf" if q.high is None else f"{q.high:g}"
    noun = f" noun={q.noun}" if q.noun else ""
    return f"{q.text!r} [{lo}, {hi}] {q.unit}{noun}"


def _show_gold(g: Gold) -> str:
    lo = "-inf" if g.low is None else f"{g.low:g}"
    hi = "inf" if g.high is None else f"{g.high:g}"
    return f"{g.text!r} [{lo}, {hi}] {g.unit}"


def score(text: str, gold: list[Gold]) -> Result:
    """Match the reader's quantities in ``text`` with ``gold``, one to one."""
    preds = [q for q in extract(text) if q.kind == "quantity"]
    counts = Counts(gold=len(gold), pred=len(preds))
    errors: list[str] = []
    used: set[int] = set()
    wrong: list[tuple[Gold, Quantity]] = []
    missed: list[Gold] = []
    # Strict matches first, so a wrong reading elsewhere cannot steal a right one.
    pending: list[Gold] = []
    for g in gold:
        hit = next(
            (
                i
                for i, q in enumerate(preds)
                if i not in used and _overlap(g, q) and _strict_ok(g, q)
            ),
            None,
        )
        if hit is None:
            pending.append(g)
        else:
            used.add(hit)
            counts.strict += 1
            counts.lenient += 1
    for g in pending:
        hit = next((i for i, q in enumerate(preds) if i not in used and _overlap(g, q)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            counts.lenient += 1
            wrong.append((g, preds[hit]))
    for g, q in wrong:
        errors.append(f"  wrong:    gold {_show_gold(g)}  read {_show(q)}")
    for g in missed:
        errors.append(f"  missed:   {_show_gold(g)}")
    for i, q in enumerate(preds):
        if i not in used:
            errors.append(f"  spurious: {_show(q)}")
    return Result(counts, errors)


def _load_scorer() -> Any:
    """``../shared/quantities-dev/score.py`` as a module, or None when it is not there."""
    path = SHARED / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("quantities_dev_score", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prediction(q: Quantity) -> dict[str, object]:
    """What ``python -m pytest_factcheck quantities --json`` prints for ``q``."""
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "low": q.low,
        "high": q.high,
        "unit": units.pint_unit_name(q.unit),
    }


def score_cases(path: Path, *, errors: bool) -> None:
    """Score a case file the way ``../shared/quantities-dev/score.py`` does."""
    scorer = _load_scorer()
    if scorer is None:
        print(
            f"{path}: case files are scored by ../shared/quantities-dev/score.py, which is "
            f"not at {SHARED}; skipped"
        )
        return
    units_ = scorer.Units(str(SHARED / "units_extra.txt"))
    cases = scorer.load_cases(str(path))
    overall = scorer.Tally()
    by_source: dict[str, Any] = defaultdict(scorer.Tally)
    report: list[str] = []
    for case in cases:
        preds = [_prediction(q) for q in extract(case["text"]) if q.kind == "quantity"]
        res = scorer.score_case(case, preds, units_)
        overall.add(case, res)
        by_source[case.get("domain") or case["source"]].add(case, res)
        if errors and (res["missed"] or res["spurious"]):
            report.append(f"[{case['id']}] {case['text']}")
            for e in res["missed"]:
                report.append(f"  missed:   {e['surface']!r} [{e['low']}, {e['high']}] {e['unit']}")
            for p in res["spurious"]:
                report.append(f"  spurious: {p['text']!r} [{p['low']}, {p['high']}] {p['unit']}")
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    rows = [overall.row("ALL")] + [by_source[k].row(k) for k in sorted(by_source)]
    scorer.print_table(rows, sys.stdout)
    if report:
        print()
        print("\n".join(report))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--category", help="only sentences of this category (project files)")
    args = parser.parse_args()
    paths = args.data or [DEFAULT_DATA, NEWS_DATA, SHARED / "cases.jsonl"]
    for i, path in enumerate(paths):
        if i:
            print()
        if not path.is_file():
            where = (
                "../shared/quantities-dev/ (beside the repository)"
                if SHARED in path.parents
                else path
            )
            print(f"{path.name}: not found in {where}; skipped")
            continue
        first = path.read_text("utf-8").lstrip().split("\n", 1)[0]
        if first and "expected" in json.loads(first):
            score_cases(path, errors=args.errors)
        else:
            score_project(path, errors=args.errors, category=args.category)


def score_project(path: Path, *, errors: bool, category: str | None) -> None:
    """Score a project file (``{"text", "quantities": [...]}`` a line)."""
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    per_category: dict[str, Counts] = defaultdict(Counts)
    sentences: dict[str, int] = defaultdict(int)
    total = Counts()
    report: list[str] = []
    for line_no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        category = str(row.get("category", "all"))
        if category and category != category:
            continue
        text = str(row["text"])
        result = score(text, list(_gold_spans(text, row.get("quantities", []))))
        per_category[category].add(result.counts)
        sentences[category] += 1
        total.add(result.counts)
        if result.errors:
            report.append(f"[{category}:{line_no}] {text}")
            report.extend(result.errors)

    header = (
        f"{'category':<10} {'sents':>5} {'gold':>5} {'pred':>5}"
        f"   {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}"
    )
    print(header)
    print("-" * len(header))
    rows = sorted(per_category.items())
    rows.append(("all", total))
    for name, c in rows:
        sp, sr, sf = c.prf(c.strict)
        lp, lr, lf = c.prf(c.lenient)
        n = sum(sentences.values()) if name == "all" else sentences[name]
        print(
            f"{name:<10} {n:>5} {c.gold:>5} {c.pred:>5}"
            f"   {sp:>8.3f} {sr:>6.3f} {sf:>6.3f}   {lp:>9.3f} {lr:>6.3f} {lf:>6.3f}"
        )
    if errors:
        print()
        print("\n".join(report) if report else "no errors")


if __name__ == "__main__":
    main()
