"""``python -m pytest_factcheck check``: fact files alone, and the pre-commit hooks."""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pytest_factcheck import cli

REPO = Path(__file__).resolve().parent.parent

GOOD = """\
entities:
  Meridian Labs: [Meridian]
facts:
  - id: meridian-chip-power
    subject: Meridian Labs
    cue: draws
    value: 45 W
"""

# A fact in another file may use an entity defined here: the whole set is checked.
USES_ENTITY = """\
facts:
  - id: meridian-headcount
    subject: Meridian
    value: 1,200 employees
"""

BROKEN = """\
facts:
  - id: marathon-record
    cue: record
    value: 2 hourz
  - id: derby-attendance
    cue: crowd
    value: 40,000
    value: 41,000
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    assert err == ""
    return status, out


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_facts_pass(capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run(["check", "--facts", str(REPO / "facts")], capsys)
    assert status == 0
    files = [p for p in (REPO / "facts").rglob("*") if p.suffix in (".yaml", ".yml")]
    assert files
    assert out.splitlines()[-1].endswith(f"in {len(files)} fact files; no problems")


def test_default_is_facts_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "facts", "a.yaml", GOOD)
    write(tmp_path / "facts", "b.yaml", USES_ENTITY)
    monkeypatch.chdir(tmp_path)
    assert run(["check"], capsys) == (0, "2 good facts in 2 fact files; no problems\n")


def test_every_problem_is_a_located_line_and_the_status_is_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "facts", "good.yaml", GOOD)
    write(tmp_path / "facts", "sport.yaml", BROKEN)
    monkeypatch.chdir(tmp_path)
    status, out = run(["check", "--facts", "facts"], capsys)
    assert status == 2
    lines = out.splitlines()
    assert lines[0].startswith("facts/sport.yaml:4:12: marathon-record: value '2 hourz'")
    assert lines[1] == (
        "facts/sport.yaml:8:5: derby-attendance: duplicate key 'value' (first at line 7); "
        "YAML would silently keep only the last one"
    )
    assert lines[2] == "1 good fact in 2 fact files; 2 problems"


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "nope:1:1: no such fact file or folder"),
        ("empty", "no fact files (*.yaml, *.yml) under nope"),
    ],
)
def test_nothing_to_check_is_a_problem(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setup: str,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if setup == "empty":
        (tmp_path / "nope").mkdir()
    status, out = run(["check", "--facts", "nope"], capsys)
    assert status == 2
    assert out.splitlines()[0] == expected


def test_prints_under_an_ascii_terminal(tmp_path: Path) -> None:
    write(
        tmp_path / "facts",
        "a.yaml",
        "facts:\n  - id: café-prices\n    cue: x\n    value: 3 €uros\n",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest_factcheck", "check"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    first = done.stdout.decode("ascii").splitlines()[0]
    # The reader takes '€' as the euro sign, so 'uros' is what is left over; each
    # non-ASCII character is degraded on its own, in the id and in the value.
    assert first == (
        "facts/a.yaml:4:12: caf?-prices: value '3 ?uros' does not parse: "
        "unexpected text after the quantity in '3 ?uros': 'uros'"
    )


# -- the pre-commit hooks ----------------------------------------------------------------


def hooks() -> dict[str, dict[str, object]]:
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in manifest}


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="needs pre-commit")
def test_pre_commit_accepts_the_hooks_file() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def run_hook(hook_id: str, cwd: Path, filenames: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a hook's entry as pre-commit would, with this interpreter's environment."""
    hook = hooks()[hook_id]
    command = shlex.split(str(hook["entry"]))
    if command[0] == "python":
        command[0] = sys.executable
    elif command[0] == "pytest":
        command[:1] = [sys.executable, "-m", "pytest"]
    if hook.get("pass_filenames", True):
        command += filenames
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_fact_hook_lints_the_whole_set(tmp_path: Path) -> None:
    write(tmp_path / "facts", "a.yaml", GOOD)
    write(tmp_path / "facts", "b.yaml", USES_ENTITY)
    # Only b.yaml changed, but its subject is defined in a.yaml: the whole set must load.
    assert run_hook("factcheck-facts", tmp_path, ["facts/b.yaml"]).returncode == 0
    write(tmp_path / "facts", "c.yaml", BROKEN)
    assert run_hook("factcheck-facts", tmp_path, ["facts/c.yaml"]).returncode == 2


def test_the_article_hook_fails_a_contradicting_article(tmp_path: Path) -> None:
    write(tmp_path / "facts", "a.yaml", GOOD)
    write(tmp_path / "articles", "ok.md", "Meridian Labs says the chip draws 45 W.\n")
    write(tmp_path / "articles", "wrong.txt", "Meridian Labs says the chip draws 90 W.\n")
    assert run_hook("factcheck-articles", tmp_path, ["articles/ok.md"]).returncode == 0
    done = run_hook("factcheck-articles", tmp_path, ["articles/wrong.txt"])
    assert done.returncode == 1
    assert "articles/wrong.txt:1:35: meridian-chip-power: article says" in done.stdout
