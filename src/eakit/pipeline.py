"""The one-way pipeline as a small facade: files → model → graph → check result.

Commands and tests call these functions; each stage stays in its own module.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eakit.findings import CheckResult
from eakit.graph import ModelGraph, build_graph
from eakit.loader import Limits, Progress, start_load
from eakit.messages import say
from eakit.speed.memory_cache import MemoryCache
from eakit.speed.switches import paused_gc

REFRESH_SECONDS = 0.1  # how often the progress bar is redrawn


@contextmanager
def progress_display(enabled: bool, label: str | None = None) -> Iterator[Progress | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    # Refreshed from here, not by rich's own thread: a process with another thread may
    # not fork the workers that read a large model (see eakit.speed.workers.may_fork).
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        transient=True,
        auto_refresh=False,
    ) as bar:
        task = bar.add_task(label or say("progress.reading").lang("vi"), total=None)
        shown = [0.0]

        def update(done: int, total: int, _name: str) -> None:
            bar.update(task, completed=done, total=total)
            now = time.monotonic()
            if now - shown[0] >= REFRESH_SECONDS or done == total:
                shown[0] = now
                bar.refresh()

        yield update


def load_graph(
    model_dir: Path | str,
    *,
    progress: bool = False,
    jobs: int | None = None,
    limits: Limits | None = None,
    lang: str = "vi",
    cache: MemoryCache | None = None,
) -> ModelGraph:
    """Load and validate a model folder and build its graph (the progress display in
    ``lang``).

    ``jobs`` and ``cache`` (a watch session's) as for :func:`eakit.loader.load_model`,
    and ``limits`` its bounds on the model's size.
    Raises :class:`eakit.diagnostics.ModelLoadError` when the model is invalid.
    """
    with progress_display(progress, say("progress.reading").lang(lang)) as callback:
        pending = start_load(Path(model_dir), callback, jobs, limits, cache)
    with pending:  # a large model's references are checked by a worker meanwhile
        graph = build_graph(pending.model)
        pending.result()
    return graph


def check(
    graph: ModelGraph,
    *,
    as_of: dt.date | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    waivers: Path | None = None,
    jobs: int | None = None,
    today: dt.date | None = None,
    lang: str = "vi",
) -> CheckResult:
    """Run the rule packs of the model on its graph (``waivers`` overrides the manifest's;
    they expire against ``today``, default the real current date); the findings'
    messages and remediations are in ``lang`` (``vi`` or ``en``).

    ``jobs`` is how many processes may share the work (1 or 2; ``None``: two for a large
    model on a machine with two cores or more, see :mod:`eakit.speed.shared_check`).

    Raises :class:`eakit.rules.sources.RuleConfigError` (a :class:`ModelLoadError`) when a
    rule pack or the waivers file is invalid.
    """
    from eakit.rules.engine import RunOptions, run_rules
    from eakit.speed.shared_check import worth_sharing

    jobs = 2 if worth_sharing(graph, jobs) else 1
    with paused_gc():  # millions of short-lived, acyclic objects: reference counts free them
        options = RunOptions(
            as_of, select or [], ignore or [], waivers, jobs=jobs, today=today, lang=lang
        )
        return run_rules(graph, options)
