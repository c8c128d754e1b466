"""Checking the text an editor holds, before it is saved.

The loader reads model files from disk. An editor's unsaved text is fed to it through a
private copy of the model's YAML files (a temporary folder only this process writes):
the buffers are written into the copy, and a :class:`eakit.incremental.session.Session`
on the copy re-checks them exactly as it re-checks saved files. Diagnostics and findings
carry paths relative to the root, so they apply to the real model unchanged.

Only ``.yaml``/``.yml`` files are copied (the only ones the loader, the waivers and local
rule packs read); hidden folders (``.git``, ``.eakit-cache``) are skipped as the loader
skips them. A link is copied as a link, never followed: a link inside the model points at
the copy of its target, any other keeps its target, and the loader refuses it in the copy
as it does in the model.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path, PurePosixPath

from eakit.loader.files import leaves_root
from eakit.loader.yamlio import YAML_SUFFIXES


def _copied(name: str) -> bool:
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def _inside(rel: str) -> bool:
    """Whether ``rel`` names a file below the root (no '..', not absolute)."""
    return rel not in ("", ".") and not leaves_root(rel)


class Overlay:
    """A private copy of a model folder where unsaved text replaces what is on disk."""

    def __init__(self, source: Path) -> None:
        self.source = source.resolve()
        self.root = Path(tempfile.mkdtemp(prefix="eakit-overlay-")).resolve()
        self._copy_all()

    def _copy_all(self) -> None:
        for folder, dirs, names in os.walk(self.source):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            for name in sorted(names):
                if _copied(name):
                    self.sync((here / name).relative_to(self.source).as_posix())
            # A linked folder is not walked (os.walk does not follow links): copy the link.
            for name in list(dirs):
                if (here / name).is_symlink():
                    self._link((here / name).relative_to(self.source).as_posix())

    def _link(self, rel: str) -> None:
        original = self.source / rel
        copy = self.root / rel
        copy.parent.mkdir(parents=True, exist_ok=True)
        target = os.readlink(original)
        absolute = Path(os.path.normpath(original.parent / target))
        if absolute.is_relative_to(self.source):
            target = os.path.relpath(self.root / absolute.relative_to(self.source), copy.parent)
        os.symlink(target, copy)

    def sync(self, rel: str) -> None:
        """Make the copy of ``rel`` what the model holds on disk (absent if it is absent)."""
        if not _inside(rel):
            return
        original = self.source / rel
        copy = self.root / rel
        if copy.is_symlink() or copy.is_file():
            copy.unlink()
        try:
            mode = os.lstat(original).st_mode
        except OSError:
            return  # gone: so is the copy
        if stat.S_ISLNK(mode):
            self._link(rel)
        elif stat.S_ISREG(mode):
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, copy, follow_symlinks=False)

    def write(self, rel: str, text: str) -> bool:
        """Put ``text`` (an editor's buffer of ``rel``) in the copy; whether it changed
        anything. A path outside the root, or a linked file, is left alone."""
        if not _inside(rel) or not _copied(PurePosixPath(rel).name):
            return False
        copy = self.root / rel
        if copy.is_symlink() or (self.source / rel).is_symlink():
            return False
        data = text.encode("utf-8")
        try:
            if copy.read_bytes() == data:
                return False
        except OSError:
            pass
        copy.parent.mkdir(parents=True, exist_ok=True)
        # A new file beside the old, then a rename: the old content never half-written.
        temporary = copy.with_name(f".{copy.name}.new")
        temporary.write_bytes(data)
        os.replace(temporary, copy)
        return True

    def close(self) -> None:
        """Remove the copy."""
        shutil.rmtree(self.root, ignore_errors=True)
