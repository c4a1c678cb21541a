"""``python -m pytest_factcheck quantities``: JSON lines, the table, stdin, bad files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_factcheck import cli

KEYS = ["path", "start", "end", "line", "col", "text", "low", "high", "unit", "kind", "noun"]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_json_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nRutba lies about 90 miles (150 kilometers) east.\n", "utf-8")
    status, out, err = run(["quantities", "--json", str(article)], capsys)
    assert status == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2
    first, second = rows
    assert list(first)[: len(KEYS)] == KEYS
    assert first["path"] == str(article)
    assert first["text"] == "about 90 miles"
    assert (first["line"], first["col"]) == (3, 12)
    assert (first["low"], first["high"], first["unit"]) == (81.0, 99.0, "mile")
    assert first["noun"] is None
    text = article.read_text("utf-8")
    assert text[first["start"] : first["end"]] == "about 90 miles"
    assert second["text"] == "150 kilometers" and second["restates"] == 0
    assert second["low"] == pytest.approx(135)


def test_json_unbounded_is_null_and_noun_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "b.md"
    article.write_text("killed at least seven people.", "utf-8")
    _, out, _ = run(["quantities", "--json", str(article)], capsys)
    row = json.loads(out)
    assert row["low"] == 7.0 and row["high"] is None
    assert row["unit"] == "dimensionless" and row["noun"] == "person"


def test_default_hides_years_all_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "c.txt"
    article.write_text("Since 2006, on June 10, four towns fell.", "utf-8")
    _, out, _ = run(["quantities", "--json", str(article)], capsys)
    assert [json.loads(x)["text"] for x in out.splitlines()] == ["four towns"]
    _, out, _ = run(["quantities", "--json", "--all", str(article)], capsys)
    kinds = [json.loads(x)["kind"] for x in out.splitlines()]
    assert kinds == ["year", "date", "quantity"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    fake = io.TextIOWrapper(io.BytesIO("\ufeffabout 5 km".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    status, out, _ = run(["quantities", "--json"], capsys)
    row = json.loads(out)
    assert status == 0
    assert row["path"] == "-"
    assert row["text"] == "about 5 km" and row["start"] == 0


def test_non_utf8_file_is_reported_and_the_rest_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc \xff\xfe 5 km")
    good = tmp_path / "good.txt"
    good.write_text("62 miles west", "utf-8")
    status, out, err = run(["quantities", "--json", str(bad), str(good)], capsys)
    assert status == 1
    assert err.count("\n") == 1
    assert str(bad) in err and "UTF-8" in err
    assert json.loads(out)["text"] == "62 miles"


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["quantities", str(tmp_path / "nope.txt")], capsys)
    assert status == 1 and out == ""
    assert "nope.txt" in err and "Traceback" not in err


def test_bom_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes("\ufeff4 towns".encode())
    _, out, _ = run(["quantities", "--json", str(article)], capsys)
    row = json.loads(out)
    assert (row["start"], row["col"], row["text"]) == (0, 1, "4 towns")


def test_table_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "t.txt"
    article.write_text("more than 70 percent\nup to 300 military advisers\n", "utf-8")
    status, out, _ = run(["quantities", str(article)], capsys)
    lines = out.splitlines()
    assert status == 0 and len(lines) == 2
    assert lines[0].startswith(f"{article}:1:1  more than 70 percent")
    assert "(70, ∞)" in lines[0] and "percent" in lines[0]
    assert "(-∞, 300]" in lines[1] and "(adviser)" in lines[1]
    # columns line up
    assert lines[0].index("(70") == lines[1].index("(-∞")


def test_many_files_in_one_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for i in range(5):
        p = tmp_path / f"{i}.txt"
        p.write_text(f"{i + 2} towns", "utf-8")
        paths.append(str(p))
    _, out, _ = run(["quantities", "--json", *paths], capsys)
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["path"] for r in rows] == paths
    assert [r["low"] for r in rows] == [2, 3, 4, 5, 6]


@pytest.mark.parametrize("value", ["-0.1", "1", "abc"])
def test_bad_approx_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["quantities", "--approx", value])
    assert info.value.code == 2
    assert "--approx" in capsys.readouterr().err


def test_approx_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("about 100 km", "utf-8")
    _, out, _ = run(["quantities", "--json", "--approx", "0.2", str(article)], capsys)
    row = json.loads(out)
    assert (row["low"], row["high"]) == (80.0, 120.0)


def test_units_listing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["units"], capsys)
    assert status == 0
    assert any(line.split()[:2] == ["miles", "mile"] for line in out.splitlines())
    status, out, _ = run(["units", "--json"], capsys)
    rows = [json.loads(x) for x in out.splitlines()]
    assert {"surface": "km", "unit": "kilometer", "symbol": "km", "notes": ""} in rows


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["frobnicate"])
    assert info.value.code == 2


def test_module_entry_point_with_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_factcheck", "quantities", "--json", "-"],
        input=b"Huseiba lies 62 miles west of Baghdad.",
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["path"] == "-" and row["text"] == "62 miles" and row["unit"] == "mile"


def test_seed_articles(capsys: pytest.CaptureFixture[str]) -> None:
    seeds = sorted(str(p) for p in Path("seeds").glob("*.txt"))
    status, out, err = run(["quantities", "--json", *seeds], capsys)
    assert status == 0 and err == ""
    texts = {json.loads(x)["text"] for x in out.splitlines()}
    assert {"about 90 miles", "150 kilometers", "62 miles", "more than 70 percent"} <= texts
