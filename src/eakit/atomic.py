"""Atomic output: a failed run never leaves a half-written report in place of a good one."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    write_chunks(path, [data])


def write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Like :func:`write_bytes` for data produced piece by piece (a large report).

    A device, pipe or socket (``-o /dev/null``, ``-o /dev/stdout``) is written to as it
    is: there is no file to replace, and replacing ``/dev/null`` with a file would break
    the whole system.
    """
    if _special(path):
        with open(path, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _special(path: Path) -> bool:
    """Whether ``path`` is something other than a file or folder (a device, a pipe)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there (yet): a file is made
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (``\\n`` line endings)."""
    write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def replace_dir(path: Path) -> Iterator[Path]:
    """Yield a fresh staging folder; on success it replaces ``path`` as a whole.

    On an exception the staging folder is removed and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o755)
    backup = None
    if path.exists():
        backup = path.with_name(f".{path.name}.old")
        shutil.rmtree(backup, ignore_errors=True)
        os.replace(path, backup)
    os.replace(staging, path)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
