"""Finding the files of a model: the manifest, the include globs, and safety checks."""

from __future__ import annotations

import errno
import fnmatch
import os
import posixpath
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from eakit.diagnostics import Diagnostic, Location
from eakit.loader.confine import CODE, is_absolute, names_pack_file, resolve_inside
from eakit.loader.limits import CODE as LIMIT_CODE
from eakit.messages import os_reason, say
from eakit.model import Manifest

MANIFEST = "eakit.yaml"


@dataclass(frozen=True)
class ModelFile:
    """A model file: its absolute path and its path relative to the model root (POSIX)."""

    path: Path
    rel: str


def leaves_root(path: str) -> bool:
    """Whether a path written in the manifest points outside the model folder."""
    return is_absolute(path) or ".." in PurePosixPath(path.replace("\\", "/")).parts


def manifest_paths(
    manifest: Manifest, locate: Callable[..., Location], root: Path | None = None
) -> list[Diagnostic]:
    """The include globs, the waivers file and the local rule packs must stay inside the
    model root (with ``root``, also through links: see :mod:`eakit.loader.confine`)."""
    diagnostics = []
    for index, pattern in enumerate(manifest.include):
        if any("**" in part and part != "**" for part in PurePosixPath(pattern).parts):
            message = say("files.glob_inside_name", pattern=pattern)
        elif leaves_root(pattern):
            message = say("files.glob_leaves_root", pattern=pattern)
        else:
            continue
        diagnostics.append(Diagnostic(locate("include", index), message, code="include"))
    if manifest.waivers is not None and leaves_root(manifest.waivers):
        message = say("files.waivers_outside", path=manifest.waivers)
        diagnostics.append(Diagnostic(locate("waivers"), message, code="include"))
    elif manifest.waivers is not None and root is not None:
        found = resolve_inside(root, manifest.waivers, locate("waivers"), say("what.waivers_file"))
        if isinstance(found, Diagnostic):
            diagnostics.append(found)
    for index, entry in enumerate(manifest.rules.packs):
        if not names_pack_file(entry):
            continue
        where = locate("rules", "packs", index)
        if root is None:
            if leaves_root(entry):
                diagnostics.append(
                    Diagnostic(where, say("files.pack_outside", path=entry), code=CODE)
                )
            continue
        found = resolve_inside(root, entry, where, say("what.rule_pack"))
        if isinstance(found, Diagnostic):
            diagnostics.append(found)
    return diagnostics


def reserved_files(manifest: Manifest) -> set[str]:
    """The files below the root that are never model files: the manifest, the waivers
    file and the local rule packs it names (paths relative to the root, POSIX)."""
    reserved = {MANIFEST}
    if manifest.waivers:
        reserved.add(Path(manifest.waivers).as_posix())
    for entry in manifest.rules.packs:
        if names_pack_file(entry) and not leaves_root(entry):
            reserved.add(posixpath.normpath(entry.replace("\\", "/")))
    return reserved


def _read_problem(path: Path, exc: OSError | RuntimeError) -> str:
    """Why a matched path cannot be resolved, without the absolute paths of ``exc``."""
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return say("files.link_loop")
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return say("files.broken_link")
    return say("io.cannot_read", reason=os_reason(exc))


# Files and folders listed while finding the model files: far
# more than a national model has, few enough that a hostile folder cannot keep eakit busy.
MAX_ENTRIES = 1_000_000


class _Pattern:
    """An include or exclude glob as ``Path.glob`` reads it (``*`` within a name, ``**``
    a whole part for any number of folders), matched in time proportional to the number
    of pattern parts times path parts, however many ``**`` it holds."""

    def __init__(self, pattern: str) -> None:
        self.parts = PurePosixPath(pattern).parts

    def _match(self, path: tuple[str, ...], prefix: bool) -> bool:
        """Whether ``path`` matches the whole pattern, or with ``prefix`` whether a path
        below it could."""
        parts = self.parts
        # reach[i]: the first i pattern parts match the path parts seen so far
        reach = [True] + [False] * len(parts)
        for i in range(1, len(parts) + 1):
            reach[i] = reach[i - 1] and parts[i - 1] == "**"
        for name in path:
            step = [False] * (len(parts) + 1)
            for i in range(1, len(parts) + 1):
                part = parts[i - 1]
                if part == "**":
                    step[i] = step[i - 1] or reach[i] or reach[i - 1]
                else:
                    step[i] = reach[i - 1] and fnmatch.fnmatchcase(name, part)
            reach = step
            if not any(reach):
                return False
        if prefix:
            return any(reach[:-1]) or (bool(parts) and parts[-1] == "**" and reach[-1])
        return reach[-1]

    def matches(self, path: tuple[str, ...], is_dir: bool) -> bool:
        """Whether a file (or folder) at ``path`` matches; ``**`` last matches folders only."""
        if not is_dir and self.parts and self.parts[-1] == "**":
            return False
        return bool(path) and self._match(path, prefix=False)

    def may_match_below(self, path: tuple[str, ...]) -> bool:
        """Whether something inside the folder at ``path`` could match."""
        return self._match(path, prefix=True)


def matches_patterns(rel: str, patterns: list[str]) -> bool:
    parts = PurePosixPath(rel).parts
    return any(
        fnmatch.fnmatchcase(rel, pattern) or _Pattern(pattern).matches(parts, is_dir=False)
        for pattern in patterns
    )


# A listed entry's (is a folder, is a regular file) as a file mode the checks below read.
_LISTED_MODE = {(True, False): stat.S_IFDIR, (False, True): stat.S_IFREG, (False, False): 0}


class _TooMany(Exception):
    """The walk met more than :data:`MAX_ENTRIES` entries."""


def _walk(
    root: Path, patterns: list[_Pattern], diagnostics: list[Diagnostic]
) -> dict[str, os.DirEntry[str]]:
    """The entries below ``root`` that match a pattern, by relative path, walking the
    tree once. Hidden entries are skipped; a linked folder is never entered (one inside
    the model is reached by its real path; one leading outside is reported when a pattern
    could match inside it), so an entry that is not a link is where its path says; a
    folder that cannot be listed is reported."""
    found: dict[str, os.DirEntry[str]] = {}
    real_root = Path(os.path.realpath(root))
    seen = 0
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, parts = stack.pop()
        listed: list[os.DirEntry[str]] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:  # counted as listed: a huge folder is never held whole
                    seen += 1
                    if seen > MAX_ENTRIES:
                        raise _TooMany
                    if not entry.name.startswith("."):
                        listed.append(entry)
        except OSError as exc:
            rel = PurePosixPath(*parts).as_posix() if parts else "."
            message = say("io.folder_cannot_read", reason=os_reason(exc))
            diagnostics.append(Diagnostic(Location(rel), message, code="io"))
            continue
        for entry in listed:
            path_parts = (*parts, entry.name)
            rel = "/".join(path_parts)  # entry names hold no "/"
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError:
                is_dir = is_link = False
            if is_link:
                target = Path(os.path.realpath(entry.path))
                if target.is_dir() and not target.is_relative_to(real_root):
                    if any(p.may_match_below(path_parts) for p in patterns):
                        message = say("files.link_folder_outside")
                        diagnostics.append(Diagnostic(Location(rel), message, code="io"))
                    continue
            if any(p.matches(path_parts, is_dir) for p in patterns):
                found[rel] = entry
            if is_dir and any(p.may_match_below(path_parts) for p in patterns):
                stack.append((Path(entry.path), path_parts))
    return found


def discover(
    root: Path, include: list[str], exclude: list[str], reserved: set[str]
) -> tuple[list[ModelFile], list[Diagnostic]]:
    """The model files matched by ``include`` minus ``exclude``, sorted, with problems.

    The folder is walked once, whatever the patterns (eight ``**`` in a pattern cost no
    more than one), and no more than :data:`MAX_ENTRIES` entries are looked at. Hidden
    folders and files (``.git``, ``.eakit-cache``) are skipped; a match that is a
    folder, a pipe or device, a broken link, or a link leading outside the model root
    is reported and not read (a pipe would block the reader forever).
    """
    resolved_root = root.resolve()
    diagnostics: list[Diagnostic] = []
    patterns: list[_Pattern] = []
    for pattern in include:
        if leaves_root(pattern):
            message = say("files.glob_relative", pattern=pattern)
            diagnostics.append(Diagnostic(Location(MANIFEST), message, code="include"))
        else:
            patterns.append(_Pattern(pattern))
    try:
        found = _walk(root, patterns, diagnostics)
    except _TooMany:
        message = say("files.too_many", count=f"{MAX_ENTRIES:,}")
        return [], [*diagnostics, Diagnostic(Location(MANIFEST), message, code=LIMIT_CODE)]
    real_root = str(resolved_root)
    files: list[ModelFile] = []
    read_as: dict[str, str] = {}  # resolved target -> the first name it was read under
    # Real files first, so a link to one is the name reported, whatever the sort order.
    for rel in sorted(found, key=lambda r: (found[r].is_symlink(), r)):
        entry = found[rel]
        if rel in reserved or (exclude and matches_patterns(rel, exclude)):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                target = path.resolve(strict=True)
                mode = target.stat().st_mode
                inside = target.is_relative_to(resolved_root)
                real = str(target)
            else:  # where the walk found it, its type known from the folder's listing
                mode = _LISTED_MODE[entry.is_dir(follow_symlinks=False), entry.is_file()]
                inside = True
                real = os.path.join(real_root, *rel.split("/"))
        except (OSError, RuntimeError) as exc:
            diagnostics.append(Diagnostic(Location(rel), _read_problem(path, exc), code="io"))
            continue
        problem = None
        if not inside:
            problem = say("files.link_file_outside")
        elif stat.S_ISDIR(mode):
            problem = say("files.folder_matches")
        elif not stat.S_ISREG(mode):
            problem = say("files.not_regular")
        elif real in read_as:
            problem = say("files.link_read_already", first=read_as[real])
        if problem is not None:
            diagnostics.append(Diagnostic(Location(rel), problem, code="io"))
            continue
        read_as[real] = rel
        files.append(ModelFile(path, rel))
    return sorted(files, key=lambda f: f.rel), diagnostics
