"""The committed ``reports/`` folder is what ``eakit build`` writes for the bundled model.

A reviewer browsing the repository sees eakit's outputs without running it; this test
keeps them honest: any change to the model, the rules or a renderer that changes an
output fails here until ``make`` (or ``eakit build model -o reports``) is run and the
result committed. The site is built, not committed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
NOT_COMMITTED = ("site",)

pytestmark = pytest.mark.slow


def _files(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[0] in NOT_COMMITTED or not path.is_file():
            continue
        found[rel.as_posix()] = path.read_bytes()
    return found


def _production_epoch() -> str:
    """The committed report document's production date, as ``SOURCE_DATE_EPOCH``: the
    reports are compared as of the day they were made."""
    created = docx.Document(str(REPORTS / "readiness.docx")).core_properties.created
    assert created is not None
    return str(int(created.replace(tzinfo=dt.UTC).timestamp()))


def test_committed_reports_are_current(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run = subprocess.run(
        # As `make` runs it: from the repository root, so paths in the reports read `model/…`.
        [sys.executable, "-m", "eakit", "build", "model", "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": _production_epoch()},
    )
    assert run.returncode in (0, 1), run.stderr  # 1: the bundled model has findings
    fresh = _files(out)
    committed = _files(REPORTS)
    assert sorted(committed) == sorted(fresh), "run `make` and commit reports/"
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert not stale, f"stale in reports/ (run `make` and commit): {stale}"
