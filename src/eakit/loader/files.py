"""Finding the files of a model: the manifest, the include globs, and safety checks."""

from __future__ import annotations

import errno
import fnmatch
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from eakit.diagnostics import Diagnostic, Location
from eakit.model import Manifest

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


def leaves_root(path: str) -> bool:
    """Whether a path written in the manifest points outside the model folder."""
    pure = PurePosixPath(path.replace("\\", "/"))
    return pure.is_absolute() or ".." in pure.parts or PureWindowsPath(path).drive != ""


def manifest_paths(manifest: Manifest, locate: Callable[..., Location]) -> list[Diagnostic]:
    """The include globs and the waivers file must stay inside the model root."""
    diagnostics = []
    for index, pattern in enumerate(manifest.include):
        if any("**" in part and part != "**" for part in PurePosixPath(pattern).parts):
            diagnostics.append(
                Diagnostic(
                    locate("include", index),
                    f"include pattern '{pattern}' uses '**' inside a name; "
                    "'**' must be a whole path part, as in '**/*.yaml'",
                    code="include",
                )
            )
        elif leaves_root(pattern):
            diagnostics.append(
                Diagnostic(
                    locate("include", index),
                    f"include pattern '{pattern}' leaves the model root; "
                    "use a glob relative to the folder of eakit.yaml",
                    code="include",
                )
            )
    if manifest.waivers is not None and leaves_root(manifest.waivers):
        diagnostics.append(
            Diagnostic(
                locate("waivers"),
                f"waivers file '{manifest.waivers}' is outside the model root; "
                "keep it in the model folder",
                code="include",
            )
        )
    return diagnostics


def reserved_files(manifest: Manifest) -> set[str]:
    """The files below the root that are never model files: the manifest and the
    waivers file (paths relative to the root, POSIX)."""
    reserved = {MANIFEST}
    if manifest.waivers:
        reserved.add(Path(manifest.waivers).as_posix())
    return reserved


def _read_problem(path: Path, exc: OSError | RuntimeError) -> str:
    """Why a matched path cannot be resolved, without the absolute paths of ``exc``."""
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "is a link that loops back on itself; remove it"
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return "is a broken link (its target does not exist); remove it or fix the target"
    return f"cannot be read: {exc.strerror or exc}"


def discover(
    root: Path, include: list[str], exclude: list[str], reserved: set[str]
) -> tuple[list[ModelFile], list[Diagnostic]]:
    """The model files matched by ``include`` minus ``exclude``, sorted, with problems.

    Hidden folders and files (``.git``, ``.eakit-cache``) are skipped; a match that is a
    folder, a pipe or device, a broken link, or a link leading outside the model root
    is reported and not read (a pipe would block the reader forever).
    """
    resolved_root = root.resolve()
    found: dict[str, Path] = {}
    diagnostics: list[Diagnostic] = []
    for pattern in include:
        if leaves_root(pattern):
            diagnostics.append(
                Diagnostic(
                    Location(MANIFEST),
                    f"include pattern '{pattern}' leaves the model root; use a relative glob",
                    code="include",
                )
            )
            continue
        try:
            matches = list(root.glob(pattern))
        except ValueError as exc:
            message = f"include pattern '{pattern}' is not a valid glob: {exc}"
            diagnostics.append(Diagnostic(Location(MANIFEST), message, code="include"))
            continue
        for path in matches:
            rel = path.relative_to(root).as_posix()
            if rel == "." or any(part.startswith(".") for part in Path(rel).parts):
                continue
            found.setdefault(rel, path)
    files: list[ModelFile] = []
    read_as: dict[Path, str] = {}  # resolved target -> the first name it was read under
    # Real files first, so a link to one is the name reported, whatever the sort order.
    for rel in sorted(found, key=lambda r: (found[r].is_symlink(), r)):
        path = found[rel]
        if rel in reserved or _matches(rel, exclude):
            continue
        try:
            target = path.resolve(strict=True)
            mode = target.stat().st_mode
        except (OSError, RuntimeError) as exc:
            diagnostics.append(Diagnostic(Location(rel), _read_problem(path, exc), code="io"))
            continue
        problem = None
        if not target.is_relative_to(resolved_root):
            problem = "is a link to a file outside the model root; eakit reads nothing outside it"
        elif stat.S_ISDIR(mode):
            problem = "is a folder but matches the include pattern; rename it or exclude it"
        elif not stat.S_ISREG(mode):
            problem = "is not a regular file (a pipe, socket or device); remove it"
        elif target in read_as:
            problem = (
                f"is a link to '{read_as[target]}', which is read already; "
                "remove the link or exclude it"
            )
        if problem is not None:
            diagnostics.append(Diagnostic(Location(rel), problem, code="io"))
            continue
        read_as[target] = rel
        files.append(ModelFile(path, rel))
    return sorted(files, key=lambda f: f.rel), diagnostics
