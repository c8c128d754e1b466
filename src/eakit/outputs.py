"""Where a command may write a folder: one rule for every command that writes one.

``build``, ``docs``, ``diagram``, ``import archimate``, ``merge``, ``generate``, ``init``
and ``import-survey`` ask :func:`folder_refusal` before they do any work. The rule:

- no folder is written that is the root of a file system, the home folder, the working
  folder, a model folder or input file's folder named on the command line, or a folder
  holding one of them (real paths, links resolved);
- a folder is replaced as a whole only when it is missing, empty or carries eakit's
  marker file (:data:`eakit.atomic.MARKER`), ``--force`` or not: eakit never deletes a
  folder it did not write;
- ``--force`` only lets a command replace a marked folder that another eakit command
  wrote (a model folder by ``eakit build``, say), or, for ``import archimate`` and
  ``merge``, its own earlier output (a model that may have been edited since).

:func:`eakit.atomic.replace_dir` enforces the first two points again when it swaps the
folder in, for callers of the Python API.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eakit import atomic
from eakit.messages import say

# Commands whose outputs are reports, rebuilt from the model each time: they may replace
# one another's folders (the site of 'eakit build' by 'eakit docs', say).
REPORT_COMMANDS = frozenset({"build", "docs", "diagram"})


@dataclass(frozen=True)
class FolderOutput:
    """A folder one command is about to write."""

    folder: Path
    """The folder replaced as a whole (or, for ``init``, written into)."""
    command: str
    """The command, as its marker names it: "build", "import archimate", ..."""
    inputs: tuple[Path, ...] = ()
    """Model folders and input files named on the command line."""
    chosen: Path | None = None
    """The ``-o`` folder when ``folder`` is a part of it (``OUTPUT/site`` of ``docs``)."""
    force: bool | None = None
    """The ``--force`` option; None for a command that has none."""
    own_needs_force: bool = False
    """The command's output is a model meant to be edited: replacing its own earlier
    output needs ``--force`` too."""
    replaces: bool = True
    """False for a command that only writes into a missing or empty folder (``init``)."""


def _input_folders(inputs: Iterable[Path]) -> list[tuple[str, Path]]:
    """(description, real folder) of each input: a folder itself, a file's folder."""
    named: list[tuple[str, Path]] = []
    for item in inputs:
        real = Path(os.path.realpath(item))
        if real.is_dir():
            named.append((say("out.model_folder", path=str(item)), real))
        else:
            named.append((say("out.input_folder", path=str(item)), real.parent))
    return named


def protected_refusal(output: Path, inputs: Iterable[Path] = ()) -> str | None:
    """Why no command may write the folder ``output`` at all, or None."""
    return atomic.protected_refusal(output, output, _input_folders(inputs))


def folder_refusal(request: FolderOutput) -> str | None:
    """Why ``request.folder`` must not be written, or None when it may be."""
    for candidate in (request.chosen, request.folder):
        if candidate is not None:
            refusal = protected_refusal(candidate, request.inputs)
            if refusal is not None:
                return refusal
    shown = request.folder
    real = Path(os.path.realpath(shown))
    if request.replaces:
        atomic.recover(real)  # a killed run's folder is put back before it is judged
    refusal = atomic.replaceable_refusal(real, shown)
    if refusal is not None:
        return refusal
    if not os.path.lexists(real) or atomic.is_empty_dir(real):
        return None
    if not request.replaces:
        return say("out.not_empty", path=str(shown), command=request.command)
    owner = atomic.owner_of(real)
    same = owner == request.command or (
        owner in REPORT_COMMANDS and request.command in REPORT_COMMANDS
    )
    if (same and not request.own_needs_force) or request.force:
        return None
    advice = say("out.use_force") if request.force is not None else say("out.choose_another")
    if same:
        return say("out.earlier", path=str(shown), command=request.command, advice=advice)
    return say(
        "out.other_command", path=str(shown), owner=owner, command=request.command, advice=advice
    )


def is_new(folder: Path) -> bool:
    """Whether ``folder`` is missing or empty (a folder the command is about to create)."""
    return not os.path.lexists(folder) or atomic.is_empty_dir(folder)


def mark(folder: Path, command: str) -> None:
    """Give ``folder``, which ``eakit <command>`` created around its output (the ``-o``
    folder of ``docs`` and ``diagram``), the marker: the next command may replace it."""
    if atomic.owner_of(folder) is None:
        atomic.write_text(folder / atomic.MARKER, atomic.marker_text(command))
