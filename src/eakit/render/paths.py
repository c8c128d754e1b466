"""Showing model locations as paths a user can click."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from eakit.diagnostics import Location


def display_path(model_dir: Path, location: Location) -> str:
    """``path:line:col`` with the path relative to the current folder when possible."""
    shown = _display_file(str(model_dir), location.file, os.getcwd())
    return f"{shown}:{location.line}:{location.col}"


class PathDisplay:
    """:func:`display_path` for many locations: the current folder is read once, the
    model folder is shown once as a prefix for every plain path inside it, and each
    file's shown path is kept."""

    def __init__(self, model_dir: Path) -> None:
        self._dir = str(model_dir)
        self._cwd = os.getcwd()
        # The folder as shown before a one-letter file name, without the letter.
        self._prefix = _display_file(self._dir, "_", self._cwd)[:-1]
        self._shown: dict[str, str] = {}

    def __call__(self, location: Location) -> str:
        file = location.file
        shown = self._shown.get(file)
        if shown is None:
            plain = (
                "\\" not in file
                and not posixpath.isabs(file)
                and not file.startswith("..")
                and file != "."
                and posixpath.normpath(file) == file
            )
            shown = self._prefix + file if plain else _display_file(self._dir, file, self._cwd)
            self._shown[file] = shown
        return f"{shown}:{location.line}:{location.col}"


def _display_file(model_dir: str, file: str, cwd: str) -> str:
    path = Path(model_dir) / file
    text = os.path.relpath(path, cwd) if not path.is_absolute() else str(path)
    if text.startswith(".."):
        text = str(path)
    return Path(text).as_posix()
