"""The speed switches of a process, and the one switch that turns them all off.

``EAKIT_PLAIN=1`` runs the plain reference path: one process (no worker is forked, see
:func:`eakit.speed.workers.wanted`) and the garbage collector as Python runs it.
Results are the same either way, only the time differs: the switch is there to measure
what each speed-up pays, and to rule them out when something looks wrong.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

PLAIN = "EAKIT_PLAIN"


def plain() -> bool:
    """Whether this process runs the plain reference path (``EAKIT_PLAIN=1``)."""
    return os.environ.get(PLAIN, "").lower() in ("1", "on", "yes", "true")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large object trees.

    Loading 100,000 components allocates millions of objects and none of them is garbage
    yet, but each allocation burst triggers a full collection that walks them all: on a
    34-province model that is a third of the load time. Reference counting still frees
    everything acyclic meanwhile; the collector resumes (if it was on) on exit.
    """
    if plain():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def kept_for_good() -> Iterator[None]:
    """Build objects that stay alive until the process ends (a command's model and graph).

    The collector is paused while they are built, like :func:`paused_gc`, and then told
    never to walk them again (``gc.freeze``): re-enabling it would otherwise start a
    collection that walks every object just built (about a second per pass at national
    scale), and each later full collection would walk them again. For processes that end
    with the job, and for the state a long-running process keeps (a session's model and
    check after each edit, see :func:`keep_alive_state`): frozen objects are examined for
    cycles only by :func:`collect_all`.
    """
    if plain():
        yield
        return
    with paused_gc():
        try:
            yield
        finally:
            gc.freeze()  # before the collector resumes


def keep_alive_state() -> None:
    """In a long-running process (the editor loop), tell the collector not to walk what
    is alive now: the model, graph and rule states of the last check.

    Without it, the first collections after a re-check walk every object the check made
    (seconds at national scale, in the middle of the next re-check). What a later check
    replaces is still freed by reference counting; :func:`collect_all` reclaims cycles
    among frozen objects, if any died, when the process is idle.
    """
    if not plain():
        gc.freeze()


def collect_all() -> None:
    """A full collection, frozen objects included, then freeze the survivors again (for
    idle moments: it takes a second or two at national scale)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
