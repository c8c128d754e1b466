"""A model folder as it was at a git revision, extracted into a temporary folder.

Used by ``eakit diff --git REV1 REV2``. Only ``git rev-parse`` and ``git archive`` are
run: reading commands that never change the repository or the working tree.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not in a repository, or the revision is unknown."""


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"'git {' '.join(args)}' took too long") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"'git {' '.join(args)}' failed")
    return done.stdout


def repository_path(model_path: Path, cwd: Path | None = None) -> tuple[Path, str]:
    """(repository root, the model folder's path inside it in POSIX form)."""
    cwd = cwd or Path.cwd()
    top = Path(_git(cwd, "rev-parse", "--show-toplevel").decode().strip())
    absolute = (cwd / model_path).resolve() if not model_path.is_absolute() else model_path
    try:
        rel = Path(os.path.relpath(absolute, top.resolve()))
    except ValueError:
        raise GitError(f"{model_path} is not inside the repository {top}") from None
    if rel.parts and rel.parts[0] == "..":
        raise GitError(f"{model_path} is not inside the repository {top}")
    return top, rel.as_posix()


def materialise(revision: str, model_path: Path, dest: Path, cwd: Path | None = None) -> Path:
    """Extract ``model_path`` as of ``revision`` under ``dest``; returns the model folder.

    Only files and folders are extracted: a symbolic link (or any other special entry)
    in the revision is refused, so nothing outside ``dest`` is ever read through one.
    """
    top, rel = repository_path(model_path, cwd)
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        raise GitError(f"unknown revision '{revision}'") from None
    spec = "." if rel == "." else rel
    try:
        archive = _git(top, "archive", "--format=tar", revision, "--", spec)
    except GitError:
        raise GitError(f"'{rel}' does not exist at revision '{revision}'") from None
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            members = tar.getmembers()
            for member in members:
                if not (member.isfile() or member.isdir()):
                    raise GitError(
                        f"'{member.name}' at revision '{revision}' is a link or special file; "
                        "eakit reads no link from a git revision: replace it by the file"
                    )
            # The 'data' filter also refuses absolute paths and names that climb out.
            tar.extractall(dest, members=members, filter="data")
    except tarfile.TarError as exc:
        message = f"the archive of '{rel}' at revision '{revision}' cannot be read: {exc}"
        raise GitError(message) from None
    return dest / rel
