"""Helpers for the tests of forked workers (the reading worker and the rule worker)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from eakit.speed import workers as worker

Task = Callable[[worker.Send], None]


def remember_workers(
    monkeypatch: pytest.MonkeyPatch, replace: Callable[[Task], Task] | None = None
) -> list[worker.Worker]:
    """Start workers as usual (running ``replace(task)`` instead of ``task`` when given)
    and list them as they start."""
    start = worker.Worker.start.__func__  # type: ignore[attr-defined]
    started: list[worker.Worker] = []

    def remember(cls: type[worker.Worker], task: Task) -> worker.Worker | None:
        found = start(cls, replace(task) if replace else task)
        started.append(found)
        return found

    monkeypatch.setattr(worker.Worker, "start", classmethod(remember))
    return started


def reaped(pid: int) -> bool:
    """Whether a worker process has ended and been waited for (no zombie left)."""
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    return True
