"""Showing model locations as paths a user can click."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from eakit.diagnostics import Location


def display_path(model_dir: Path, location: Location) -> str:
    """``path:line:col`` with the path relative to the current folder when possible."""
    shown = _display_file(str(model_dir), location.file, os.getcwd())
    return f"{shown}:{location.line}:{location.col}"


@lru_cache(maxsize=4096)
def _display_file(model_dir: str, file: str, cwd: str) -> str:
    # Memoised: a national model has 150,000 findings in 1,000 files, and building paths
    # is most of the time of printing them. The current folder is part of the key.
    path = Path(model_dir) / file
    text = os.path.relpath(path, cwd) if not path.is_absolute() else str(path)
    if text.startswith(".."):
        text = str(path)
    return Path(text).as_posix()
