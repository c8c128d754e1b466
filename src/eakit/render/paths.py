"""Showing model locations as paths a user can click."""

from __future__ import annotations

import os
from pathlib import Path

from eakit.diagnostics import Location


def display_path(model_dir: Path, location: Location) -> str:
    """``path:line:col`` with the path relative to the current folder when possible."""
    path = Path(model_dir) / location.file
    text = os.path.relpath(path) if not path.is_absolute() else str(path)
    if text.startswith(".."):
        text = str(path)
    return f"{Path(text).as_posix()}:{location.line}:{location.col}"
