"""The wheel is a working eakit: it carries the rule packs of ``rules/`` (outside the
package in the repository) and checks a model from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import BUNDLED_MODEL, ROOT


@pytest.mark.slow
def test_the_wheel_ships_the_rule_packs_and_checks_a_model(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path / "dist")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("eakit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for pack in sorted((ROOT / "rules").glob("*.yaml")):
            assert archive.read(f"eakit/data/rules/{pack.name}") == pack.read_bytes()
        archive.extractall(tmp_path / "site")
    # The unpacked wheel first on the path, run from a folder outside the repository.
    checked = subprocess.run(
        [sys.executable, "-c", "import eakit, sys; print(eakit.__file__); "
         "from eakit.cli.main import main; sys.argv = ['eakit', *sys.argv[1:]]; main()",
         "check", str(BUNDLED_MODEL), "--format", "json", "--output", str(tmp_path / "c.json")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin",
             "HOME": str(tmp_path)},
    )  # fmt: skip
    assert checked.stdout.startswith(str(tmp_path / "site")), checked.stdout + checked.stderr
    assert checked.returncode == 1, checked.stderr  # the bundled model's real 2015 gaps
    assert '"rule": "APP-003"' in (tmp_path / "c.json").read_text("utf-8")
