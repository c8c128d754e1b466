"""When this process may fork a worker (the rule worker of a large check)."""

from __future__ import annotations

from eakit import worker


def test_only_the_file_watcher_thread_may_run_while_a_worker_is_forked(monkeypatch):
    """A library caller's threads could hold locks a forked worker needs; the watch
    command's own file watcher holds none."""
    import threading

    monkeypatch.setattr(worker, "cores", lambda: 2)
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, name=worker.FORK_SAFE_THREAD, daemon=True)
    watcher.start()
    try:
        assert worker.may_fork()
        other = threading.Thread(target=stop.wait, name="someone-else", daemon=True)
        other.start()
        assert not worker.may_fork()
    finally:
        stop.set()


def test_the_progress_bar_leaves_the_process_free_to_fork(monkeypatch, capsys):
    """At a terminal the loader shows a progress bar; it is redrawn by the loader itself,
    not by a thread of its own, which would keep a worker from being forked."""
    import threading

    from eakit.pipeline import progress_display

    monkeypatch.setattr(worker, "cores", lambda: 2)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    with progress_display(True) as update:
        assert update is not None
        for done in range(1, 4):
            update(done, 3, f"f{done}.yaml")
        assert [t.name for t in threading.enumerate()] == [threading.current_thread().name]
        assert worker.may_fork()
