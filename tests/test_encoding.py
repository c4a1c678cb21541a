"""Reports print under any output encoding, degrading character by character."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from pytest_factcheck.encoding import HANDLER, forgive

if TYPE_CHECKING:
    from conftest import MakeProject

FACTS = """\
facts:
  - id: bakery-bread-price
    subject: Boulangerie Amélie
    cue: baguette
    value: €1.20
    tolerance: 5%
"""

ARTICLE = (
    "Prices rose.\n\n"
    "At Boulangerie Amélie — “the best in town” — a baguette now costs €1.90, the owner says.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "printed"),
    [
        ("café — “quoted” … ±5% ≥ 3×", "ascii", 'caf? - "quoted" . +/-5% >= 3x'),
        ("café — “quoted”", "latin-1", 'café - "quoted"'),
        ("東京 ✓ ✗", "ascii", "?? + F"),
        ("plain", "ascii", "plain"),
    ],
)
def test_each_character_degrades_on_its_own(text: str, encoding: str, printed: str) -> None:
    assert text.encode(encoding, HANDLER).decode(encoding) == printed


def test_prose_keeps_its_columns() -> None:
    sentence = "At Amélie — “best” — it costs €1.90…"
    assert len(sentence.encode("ascii", HANDLER)) == len(sentence)


def test_forgive_changes_only_a_strict_text_stream() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    assert forgive(stream)
    stream.write("€1.90\n")
    stream.flush()
    assert stream.buffer.getvalue() == b"?1.90\n"  # type: ignore[attr-defined]
    lenient = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    assert not forgive(lenient)
    assert not forgive(io.StringIO())  # no encoding to speak of; nothing to change
    assert not forgive(None)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "utf-8"])
def test_a_failure_prints_line_by_line_under_any_encoding(
    factcheck_project: MakeProject, encoding: str
) -> None:
    project = factcheck_project(FACTS, {"bakery.md": ARTICLE})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--factcheck", "news/", "-p", "no:xdist"],
        cwd=project.path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        check=False,
    )
    assert done.returncode == pytest.ExitCode.TESTS_FAILED, done.stderr
    lines = done.stdout.decode(encoding).splitlines()
    expected = ARTICLE.splitlines()[2].encode(encoding, HANDLER).decode(encoding)
    # Each line on its own line, the mention still underlined where it is.
    at = lines.index(f"    {expected}")
    price = "€1.90".encode(encoding, HANDLER).decode(encoding)
    assert lines[at + 1] == " " * (4 + expected.index(price)) + "^" * len(price)
    first = next(line for line in lines if line.startswith("news/bakery.md:3:"))
    assert "fact says" in first and "\\u" not in first and "\\x" not in first
    assert "UnicodeEncodeError" not in done.stdout.decode(encoding)
