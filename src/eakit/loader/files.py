"""Finding the files of a model: the manifest, the include globs, and safety checks."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from eakit.diagnostics import Diagnostic, Location

MANIFEST = "eakit.yaml"


@dataclass(frozen=True)
class ModelFile:
    """A model file: its absolute path and its path relative to the model root (POSIX)."""

    path: Path
    rel: str


def _matches(rel: str, patterns: list[str]) -> bool:
    return any(
        fnmatch.fnmatchcase(rel, pattern)
        or (pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]))
        for pattern in patterns
    )


def discover(
    root: Path, include: list[str], exclude: list[str], reserved: set[str]
) -> tuple[list[ModelFile], list[Diagnostic]]:
    """The model files matched by ``include`` minus ``exclude``, sorted, with problems.

    Hidden folders and files (``.git``, ``.eakit-cache``) are skipped; a match that is a
    folder, or a link leading outside the model root, is reported and not read.
    """
    resolved_root = root.resolve()
    found: dict[str, Path] = {}
    diagnostics: list[Diagnostic] = []
    for pattern in include:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            diagnostics.append(
                Diagnostic(
                    Location(MANIFEST),
                    f"include pattern '{pattern}' leaves the model root; use a relative glob",
                    code="include",
                )
            )
            continue
        for path in root.glob(pattern):
            rel = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in Path(rel).parts):
                continue
            found.setdefault(rel, path)
    files: list[ModelFile] = []
    for rel in sorted(found):
        path = found[rel]
        if rel in reserved or _matches(rel, exclude):
            continue
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            diagnostics.append(Diagnostic(Location(rel), f"cannot be read: {exc}", code="io"))
            continue
        if not target.is_relative_to(resolved_root):
            diagnostics.append(
                Diagnostic(
                    Location(rel),
                    "is a link to a file outside the model root; eakit reads nothing outside it",
                    code="io",
                )
            )
            continue
        if target.is_dir():
            diagnostics.append(
                Diagnostic(
                    Location(rel),
                    "is a folder but matches the include pattern; rename it or exclude it",
                    code="io",
                )
            )
            continue
        files.append(ModelFile(path, rel))
    return files, diagnostics
