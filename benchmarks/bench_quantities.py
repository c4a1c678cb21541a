"""Benchmark the quantity reader (run by hand; prints numbers, asserts nothing).

    python benchmarks/bench_quantities.py [--mb 4] [--repeat 3]

Measures:
- extraction throughput in MB/s on a multi-megabyte news-like text (the seed articles
  repeated with their numbers varied, so no two paragraphs are identical);
- the cost of importing the reader (which must not import pint);
- the cost of importing pint and building the unit registry, cold (no definition cache)
  and warm (pint's on-disk cache, which :func:`pytest_factcheck.units.registry` uses).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTRA = [
    "Officials said about {a} miles ({b} kilometers) of road were closed.",
    "Between {a} and {b} people fled, and more than {c} percent of homes were damaged.",
    "The company raised $2.{a}bn, up {c}% from {y}, with {a} to {b} new staff.",
    "Nearly {c},{a:03d} barrels per day flowed on June {d}, {y}, at 10:30 a.m.",
    "Temperatures reached {c}°C as hundreds of thousands of residents left {a} towns.",
]


def news_text(megabytes: float, seed: int = 1) -> str:
    """Seed articles and templated sentences, numbers varied, about ``megabytes`` MB."""
    rng = random.Random(seed)
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

    def vary(match: re.Match[str]) -> str:
        digits = match.group()
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    parts: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        article = re.sub(r"\d+", vary, rng.choice(seeds))
        extra = " ".join(
            rng.choice(EXTRA).format(
                a=rng.randint(1, 999),
                b=rng.randint(1000, 5000),
                c=rng.randint(1, 99),
                d=rng.randint(1, 28),
                y=rng.randint(1990, 2030),
            )
            for _ in range(3)
        )
        chunk = f"{article}\n\n{extra}\n\n"
        parts.append(chunk)
        size += len(chunk.encode())
    return "".join(parts)


def subprocess_seconds(code: str) -> float:
    """Wall time of ``code`` in a fresh interpreter, as the code itself measures it."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the text (default 4)")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of")
    args = parser.parse_args()

    from pytest_factcheck.quantities import extract

    text = news_text(args.mb)
    mb = len(text.encode()) / 1_000_000
    extract(text[:10_000])  # warm the unit pattern cache
    times = []
    cpu = []
    found = []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        found = extract(text)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best = min(times)
    quantities = sum(1 for q in found if q.kind == "quantity")
    print(f"text: {mb:.2f} MB, {len(found)} readings ({quantities} quantities)")
    print(
        f"extract: best {best:.3f} s = {mb / best:.2f} MB/s wall "
        f"(median {statistics.median(times):.3f} s over {len(times)} runs); "
        f"CPU time best {min(cpu):.3f} s = {mb / min(cpu):.2f} MB/s"
    )

    imp = subprocess_seconds(
        "import time; t=time.perf_counter(); import pytest_factcheck.quantities, sys; "
        "assert 'pint' not in sys.modules; print(time.perf_counter()-t)"
    )
    print(f"import pytest_factcheck.quantities (no pint): {imp * 1000:.1f} ms")
    pint_import = subprocess_seconds(
        "import time; t=time.perf_counter(); import pint; print(time.perf_counter()-t)"
    )
    cold = subprocess_seconds(
        "import pint, time; t=time.perf_counter(); pint.UnitRegistry(); "
        "print(time.perf_counter()-t)"
    )
    subprocess_seconds(  # make sure the on-disk cache exists
        "import pytest_factcheck.units as u; u.registry(); print(0)"
    )
    warm = subprocess_seconds(
        "import pint, time; t=time.perf_counter(); "
        "from pytest_factcheck import units as u; u.registry(); print(time.perf_counter()-t)"
    )
    first_convert = subprocess_seconds(
        "import time; t=time.perf_counter(); from pytest_factcheck import units as u; "
        "u.convert_value(90, 'mile', 'kilometer'); print(time.perf_counter()-t)"
    )
    print(f"import pint: {pint_import * 1000:.0f} ms")
    print(f"registry, cold (no cache): {cold * 1000:.0f} ms")
    print(f"registry, warm (pint cache): {warm * 1000:.0f} ms")
    print(
        f"first conversion in a fresh process (import + registry + convert): "
        f"{first_convert * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
