"""Keeping every path a model names inside the model folder.

A model folder is untrusted input: it may come from another province, a consultant or a
repository. The paths it writes (rule packs, a pack's includes, the waivers file) are
resolved here and refused when they are absolute, climb out with ``..``, or pass
through a link whose real path leaves the real model folder. A refusal names the key
that wrote the path and never shows anything of the file outside.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from eakit.diagnostics import Diagnostic, Location
from eakit.loader.yamlio import YAML_SUFFIXES
from eakit.messages import os_reason, say

CODE = "outside"


def names_pack_file(entry: str) -> bool:
    """Whether a ``rules.packs`` entry is a path to a pack file (else a bundled name)."""
    return "/" in entry or "\\" in entry or entry.endswith(YAML_SUFFIXES)


def is_absolute(path: str) -> bool:
    """Whether ``path`` is absolute on any system eakit runs on (``/x``, ``C:x``, ``\\x``)."""
    windows = PureWindowsPath(path)
    return PurePosixPath(path.replace("\\", "/")).is_absolute() or bool(windows.drive)


def lexically_inside(root: Path, base: Path, relative: str) -> Path | None:
    """``base / relative`` with ``.`` and ``..`` removed, when it stays inside ``root``
    without following any link; ``None`` when it leaves."""
    root_text = os.path.abspath(root)
    joined = os.path.normpath(os.path.join(os.path.abspath(base), relative.replace("\\", "/")))
    if joined != root_text and not joined.startswith(root_text.rstrip(os.sep) + os.sep):
        return None
    return Path(joined)


def resolve_inside(
    root: Path, relative: str, where: Location, what: str, base: Path | None = None
) -> Path | Diagnostic:
    """The real path of ``relative`` (read from ``base``, by default ``root``), or why it
    is refused: a diagnostic at ``where``, the key that named it.

    Refused: an absolute path, a path whose ``..`` climbs out of ``root``, a path through a
    link (in any of its parts) whose real path leaves the real ``root``, and an existing
    path that is not a regular file (a pipe would block the reader, a device would never
    end). A path that does not exist is returned as is: the caller says it is missing.
    ``what`` names the file in the message ("rule pack", "waivers file").
    """
    if is_absolute(relative):
        return Diagnostic(where, say("confine.absolute", what=what, path=relative), code=CODE)
    inside = lexically_inside(root, base if base is not None else root, relative)
    if inside is None:
        return Diagnostic(where, say("confine.climbs", what=what, path=relative), code=CODE)
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(inside))
    if not real.is_relative_to(real_root):
        return Diagnostic(where, say("confine.link", what=what, path=relative), code=CODE)
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    except OSError as exc:
        return Diagnostic(
            where,
            say("confine.cannot_read", what=what, path=relative, reason=os_reason(exc)),
            code="io",
        )
    if not stat.S_ISREG(mode):
        kind = say("confine.folder") if stat.S_ISDIR(mode) else say("confine.not_regular")
        return Diagnostic(
            where, say("confine.not_a_file", what=what, path=relative, kind=kind), code="io"
        )
    return real
