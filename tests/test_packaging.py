"""The package builds without warnings and carries its licence."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w"]
BUILDS = all(importlib.util.find_spec(m) is not None for m in ("pip", "setuptools"))


@pytest.mark.skipif(not BUILDS, reason="needs pip and setuptools (the dev environment has both)")
def test_the_wheel_builds_without_warnings_and_carries_the_licence(tmp_path: Path) -> None:
    done = subprocess.run(
        [*PIP_WHEEL, str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    build_output = done.stdout + done.stderr
    assert "Warning" not in build_output, build_output
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        licence = next(n for n in names if n.endswith("licenses/LICENSE"))
        assert archive.read(licence).decode().startswith("MIT License")
    assert b"License-Expression: MIT\n" in metadata
