"""The sandbox of the security tests: a temporary home, working folder and temp folder,
and a guard that fails a test the moment eakit moves or deletes anything outside it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eakit import atomic

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINI = FIXTURES / "valid" / "mini"


@dataclass
class Sandbox:
    """Folders of one test: ``home`` and ``work`` (the working folder) hold victim files."""

    root: Path
    home: Path
    work: Path

    def victim(self, folder: Path, name: str = "precious.txt") -> Path:
        """A file that must survive the test untouched."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(f"victim in {folder.name}\n", encoding="utf-8")
        return path


def _inside(root: Path, path: Any) -> bool:
    real = Path(os.path.realpath(os.fspath(path)))
    return real.is_relative_to(root)


def _guard(root: Path, name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        relative = any(kwargs.get(k) is not None for k in ("dir_fd", "src_dir_fd", "dst_dir_fd"))
        if not relative:
            for path in [*args[:2], kwargs.get("dir")]:
                if isinstance(path, str | os.PathLike) and not _inside(root, path):
                    raise AssertionError(f"{name}({path!r}) outside the sandbox")
        return original(*args, **kwargs)

    return guarded


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    root = Path(os.path.realpath(tmp_path))
    home, work, temp, cache = root / "home", root / "work", root / "tmp", root / "cache"
    for folder in (home, work, temp, cache):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    for module, name in (
        (os, "rename"),
        (os, "replace"),
        (os, "rmdir"),
        (os, "unlink"),
        (os, "remove"),
        (os, "mkdir"),
        (tempfile, "mkdtemp"),
        (tempfile, "mkstemp"),
        (shutil, "rmtree"),
        (shutil, "move"),
    ):
        monkeypatch.setattr(module, name, _guard(root, name, getattr(module, name)))
    if hasattr(atomic, "_exchange"):
        monkeypatch.setattr(atomic, "_exchange", _guard(root, "exchange", atomic._exchange))
    # The home folder of the password database is protected as well; the tests only
    # need the one HOME names, inside the sandbox.
    return Sandbox(root, home, work)
