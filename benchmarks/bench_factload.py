"""Time loading a large fact file, and what the loader's own checks cost in it.

    python benchmarks/bench_factload.py [--facts 5000] [--repeat 3]

Writes a fact file of N facts on several subjects (half with a count noun, half with a
unit; every one with a cue), loads it with ``load_facts`` and reports the best of
``--repeat`` runs, then the same with the misspelt-unit check and the broad-cue check
switched off, so their share of the load time is visible. Standard library and the
project only.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pytest_factcheck import cuewarnings, factfile, factreader

NOUN_VALUES = ("{n} goals", "{n} seats", "{n} flights", "{n} military advisers", "{n} patients")
UNIT_VALUES = ("{n} km", "{n} mph", "{n} kg", "about {n} miles", "more than {n} percent")
CUES = ("scored|netted", "seats? in", "flights? (?:were )?cancel", "advisers", "admitted")


def fact_file(count: int) -> str:
    lines = ["facts:"]
    for i in range(count):
        values = NOUN_VALUES if i % 2 else UNIT_VALUES
        value = values[i % len(values)].format(n=(i % 97) + 3)
        cue = CUES[i % len(CUES)]
        lines.append(f"  - id: fact-{i}\n    cue: '{cue}'\n    value: {value}")
    return "\n".join(lines) + "\n"


def best(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        loaded = factfile.load_facts([path])
        times.append(time.perf_counter() - start)
        assert not loaded.problems, loaded.problems[:3]
    return min(times)


def switched_off() -> Iterator[None]:
    slip, cue = factreader.unit_slip, factreader.cue_warning
    factreader.unit_slip = lambda *args, **kwargs: None  # type: ignore[assignment]
    factreader.cue_warning = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        yield
    finally:
        factreader.unit_slip, factreader.cue_warning = slip, cue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "facts.yaml")
        path.write_text(fact_file(args.facts), encoding="utf-8")
        with_checks = best(path, args.repeat)
        off = switched_off()
        next(off)
        without = best(path, args.repeat)
        next(off, None)
    print(f"{args.facts:,} generated facts, best of {args.repeat}")
    print(f"  load with every check:                     {with_checks:.2f} s")
    print(f"  without the misspelt-unit and cue checks:  {without:.2f} s")
    share = (with_checks - without) / with_checks if with_checks else 0.0
    print(f"  their share:                               {share:.0%}")
    print(f"  (the broad-cue check searches {len(cuewarnings.SAMPLE)} sample sentences a cue)")


if __name__ == "__main__":
    main()
