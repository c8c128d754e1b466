"""``eakit check --watch``: check, then re-check whenever a model file changes.

The editor loop of an architect: save a file, see within a second what the edit brought
and what it fixed (each as ``path:line:col: SEVERITY RULE-ID message``), or why the model
no longer loads. The model stays in memory (:class:`eakit.incremental.session.Session`);
only the changed files are read again. With ``--output`` the full report is rewritten
(atomically) after every valid check, for an editor's problem view to pick up (SARIF).
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import typer

from eakit import atomic
from eakit.cli.common import fail, format_diagnostic
from eakit.findings import CheckResult, Finding
from eakit.incremental.session import Session, Update
from eakit.messages import say
from eakit.render.text import finding_line, render_text, severity_counts, summary_line
from eakit.speed.switches import collect_all, keep_alive_state
from eakit.speed.workers import FORK_SAFE_THREAD
from eakit.text import for_terminal

LISTED = 200  # new or fixed findings printed per change; the rest are counted
# Seconds without a change after a check before a full garbage collection (a second or
# two at national scale: done while nobody waits for a re-check).
IDLE_SECONDS = 20.0


def _now() -> str:
    return dt.datetime.now().strftime("%H:%M:%S")


def _counts(result: CheckResult, lang: str) -> str:
    counts = severity_counts(result, lang)
    ratio = result.readiness.overall.ratio if result.readiness else None
    if ratio is None:
        return say("watch.counts", count=len(result.findings), counts=counts).lang(lang)
    return say(
        "watch.counts_ready", count=len(result.findings), counts=counts, ratio=f"{ratio:.1%}"
    ).lang(lang)


def _listed(
    model: Path, mark: str, findings: list[Finding], echo: Callable[[str], None], lang: str
) -> None:
    for finding in findings[:LISTED]:
        echo(f"  {mark} {finding_line(model, finding, lang)}")
    if len(findings) > LISTED:
        echo(f"  {mark} {say('watch.more', count=len(findings) - LISTED).lang(lang)}")


def describe(model: Path, update: Update, echo: Callable[[str], None], lang: str = "vi") -> None:
    """Print what one re-check found (in ``lang``): errors, or new and fixed findings."""
    shown = ", ".join(update.files[:3]) or say("watch.the_model").lang(lang)
    more = len(update.files) - 3
    where = shown + (say("watch.more_files", count=more).lang(lang) if more > 0 else "")
    if update.result is None:
        count = len(update.errors)
        key = "watch.not_loading_one" if count == 1 else "watch.not_loading"
        said = say(key, where=where, count=count, time=_now())
        echo(said.lang(lang))
        for diagnostic in update.errors:
            echo(f"  {format_diagnostic(model, diagnostic, lang)}")
        return
    said = say(
        "watch.rechecked_full" if update.full else "watch.rechecked",
        time=_now(),
        where=where,
        seconds=f"{update.seconds:.2f}",
        new=len(update.new),
        fixed=len(update.fixed),
        counts=_counts(update.result, lang),
    )
    echo(said.lang(lang))
    _listed(model, "+", update.new, echo, lang)
    _listed(model, "-", update.fixed, echo, lang)


def watch(
    session: Session,
    write: Callable[[CheckResult], None] | None,
    changes: Iterable[set[tuple[object, str]]],
    ready: Callable[[], object] = lambda: None,
    settle: Callable[[], None] = lambda: None,
) -> None:
    """Check, then re-check on each batch of ``changes`` (watchfiles' sets of (change,
    path)); ``write`` writes the report of each valid result; ``ready`` waits until
    changes are being watched; ``settle`` runs after each check (the command freezes
    what is alive for the garbage collector: see :func:`eakit.speed.switches.keep_alive_state`)."""
    model = session.root
    lang = session.lang

    def echo(text: str) -> None:
        typer.echo(for_terminal(text))  # file names and findings come from the model
        sys.stdout.flush()

    began = time.perf_counter()
    first = session.start()
    if first.result is None:
        describe(model, first, echo, lang)
    else:
        assert session.graph is not None
        if write is None:
            sys.stdout.write(render_text(session.graph, model, first.result, lang))
        else:
            write(first.result)
            echo(summary_line(session.graph, first.result, lang))
        seconds = f"{time.perf_counter() - began:.2f}"
        counts = _counts(first.result, lang)
        echo(say("watch.checked", time=_now(), seconds=seconds, counts=counts).lang(lang))
    settle()
    ready()
    echo(say("watch.watching", time=_now(), model=str(model)).lang(lang))
    for batch in changes:
        update = session.refresh(path for _change, path in batch)
        if update is None:
            continue
        if update.result is not None and write is not None:
            write(update.result)  # before the news: whoever reads them finds the report
        describe(model, update, echo, lang)
        settle()


def run_watch(
    model: Path,
    session: Session,
    render: Callable[[CheckResult], Iterable[bytes]] | None,
    output: Path | None,
    poll: bool,
) -> None:
    """Watch ``model`` until Ctrl+C (the command's ``--watch``)."""
    import watchfiles

    # Its "KeyboardInterrupt caught" warning would follow our own "stopped" line.
    logging.getLogger("watchfiles").setLevel(logging.ERROR)

    def write(result: CheckResult) -> None:
        assert output is not None and render is not None
        atomic.write_chunks(output, render(result))

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        # The report itself, hidden folders (.git, .eakit-cache) and editors' backups.
        resolved = Path(path)
        if output is not None and resolved.resolve() == output.resolve():
            return False
        name = resolved.name
        return not (name.startswith(".") or name.endswith("~") or "/." in path)

    # Watching starts before the first check, in a thread: a file saved while a national
    # model loads (seconds) is not missed. The first (empty) yield says it is live.
    batches: queue.Queue[set[tuple[Any, str]] | None] = queue.Queue()
    live, stop = threading.Event(), threading.Event()

    failure: list[str] = []

    def pump() -> None:
        try:
            for batch in watchfiles.watch(
                model, watch_filter=wanted, debounce=150, step=50, stop_event=stop,
                rust_timeout=200, yield_on_timeout=True, force_polling=poll or None,
            ):  # fmt: skip
                live.set()
                if batch:
                    batches.put(batch)
        except (OSError, RuntimeError) as error:  # the folder went away; out of watches
            failure.append(str(error) or type(error).__name__)
        finally:
            live.set()
            batches.put(None)

    def changes() -> Iterator[set[tuple[Any, str]]]:
        untidy = False  # checked since the last full collection
        while True:
            try:
                batch = batches.get(timeout=IDLE_SECONDS if untidy else None)
            except queue.Empty:  # idle: reclaim what earlier checks left, if anything
                collect_all()
                untidy = False
                continue
            if batch is None:
                return
            untidy = True
            yield batch

    threading.Thread(target=pump, name=FORK_SAFE_THREAD, daemon=True).start()
    try:
        watch(
            session,
            write if output is not None else None,
            changes(),
            lambda: live.wait(10),
            keep_alive_state,
        )
    except KeyboardInterrupt:  # Ctrl+C, during a check or while waiting
        pass
    finally:
        stop.set()
    if failure:
        message = say("watch.cannot_watch", model=str(model), reason=failure[0])
        raise fail(message, session.lang)
    typer.echo(say("watch.stopped", time=_now()).lang(session.lang))
