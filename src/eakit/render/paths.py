"""Showing model locations as paths a user can click."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from eakit.diagnostics import Location


def display_path(model_dir: Path, location: Location) -> str:
    """``path:line:col`` with the path relative to the current folder when possible."""
    return PathDisplay(model_dir)(location)


class PathDisplay:
    """:func:`display_path` for many locations: the current folder is read once."""

    def __init__(self, model_dir: Path) -> None:
        self._dir = str(model_dir)
        self._cwd = os.getcwd()

    def __call__(self, location: Location) -> str:
        shown = _display_file(self._dir, location.file, self._cwd)
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
