"""Process-level switches that keep eakit fast on national-scale models."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large object trees.

    Loading 100,000 components allocates millions of objects and none of them is garbage
    yet, but each allocation burst triggers a full collection that walks them all: on a
    34-province model that is a third of the load time. Reference counting still frees
    everything acyclic meanwhile; the collector resumes (if it was on) on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Tell the collector that everything alive now stays alive (a loaded model and its
    graph, in a command that exits when done).

    Checking and rendering allocate millions of short-lived objects; each full collection
    would otherwise walk the whole model again. Only for processes that end with the job:
    frozen objects are never examined for cycles again.
    """
    gc.freeze()
