"""Files read and parsed by a forked worker load into exactly the model this process reads
itself, also when the worker dies half-way or cannot start."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eakit.loader import load_model
from eakit.loader.files import ModelFile
from eakit.speed import prefetch
from eakit.speed import workers as worker
from tests.workers import reaped, remember_workers

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "mini"
pytestmark = pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")


def _facts(model):
    return (
        [c.model_dump(mode="json") for c in model.components.values()],
        [r.model_dump(mode="json") for r in model.relations],
        model.component_sources,
        model.relation_sources,
        model.files,
    )


@pytest.fixture(scope="module")
def generated(two_provinces_dir):
    return two_provinces_dir


@pytest.fixture(scope="module")
def read_here(generated):
    return _facts(load_model(generated, jobs=1))


def test_a_model_read_by_the_worker_is_the_same(generated, read_here, monkeypatch):
    started = remember_workers(monkeypatch)
    assert _facts(load_model(generated, jobs=2)) == read_here
    assert len(started) == 1
    assert reaped(started[0].pid)


def test_escaped_text_from_the_worker_is_normalised(tmp_path):
    # "a" + combining grave, written as an escape: the text shows no such character, so
    # only the parsed string can be normalised (NFC: "à").
    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    with (model / "agencies.yaml").open("a", encoding="utf-8") as out:
        out.write('  - {id: so-a, kind: agency, agency_type: department, name: "Sở a\\u0300"}\n')
    assert load_model(model, jobs=2).components["so-a"].name == "Sở à"
    assert load_model(model, jobs=1).components["so-a"].name == "Sở à"


def test_invalid_items_of_plain_files_are_explained_alike(tmp_path):
    """An item that fails in a file the worker parsed is explained as without the worker."""
    from eakit.diagnostics import ModelLoadError

    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    (model / "extra.yaml").write_text(
        "components:\n"
        "  - {id: Bad_Id, kind: agency, agency_type: department, name: Sở X}\n"
        "  - {id: so-y, kind: agency, agency_type: department}\n"
        "  - {id: so-z, kind: agency, agency_type: department, name: Sở Z}\n"
        "  - {id: so-z, kind: agency, agency_type: department, name: Sở Z lần hai}\n"
        "relations:\n"
        "  - {from: so-z, to: so-y, type: no_such_type}\n"
        "  - {from: so-z, to: so-nowhere, type: part_of}\n",
        encoding="utf-8",
    )
    reports = []
    for jobs in (1, 2):
        with pytest.raises(ModelLoadError) as raised:
            load_model(model, jobs=jobs)
        reports.append([str(d) for d in raised.value.diagnostics])
    assert reports[0] == reports[1]
    assert len(reports[0]) >= 4  # the id, the missing name, the duplicate, the type, ...


def test_a_worker_dying_half_way_leaves_the_rest_to_this_process(generated, read_here, monkeypatch):
    def half(task):
        def run(send):
            sent = []

            def counting(message):
                if len(sent) == 10:
                    os._exit(3)  # dies like a killed process: no goodbye
                sent.append(message)
                send(message)

            task(counting)

        return run

    started = remember_workers(monkeypatch, half)
    assert _facts(load_model(generated, jobs=2)) == read_here
    assert started


def test_without_a_worker_this_process_reads_everything(generated, read_here, monkeypatch):
    monkeypatch.setattr(worker.Worker, "start", classmethod(lambda cls, task: None))
    assert _facts(load_model(generated, jobs=2)) == read_here


def test_a_load_error_stops_the_worker(generated, monkeypatch):
    import eakit.loader as loader

    started = remember_workers(monkeypatch)

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "collect", broken)
    with pytest.raises(KeyboardInterrupt):
        load_model(generated, jobs=2)
    assert started
    assert reaped(started[0].pid)


@pytest.mark.parametrize(
    ("jobs", "size", "forks", "expected"),
    [(1, 5000, True, False), (2, 10, False, True), (None, 5000, True, True),
     (None, 5000, False, False), (None, 1000, True, False)],
)  # fmt: skip
def test_when_files_are_read_by_a_worker(tmp_path, monkeypatch, jobs, size, forks, expected):
    monkeypatch.setattr(prefetch, "MIN_BYTES", 2000)
    monkeypatch.setattr(worker, "may_fork", lambda: forks)
    path = tmp_path / "a.yaml"
    path.write_bytes(b"#" * size)
    gone = ModelFile(tmp_path / "gone.yaml", "gone.yaml")  # reported later, not here
    assert prefetch.worth_it([ModelFile(path, "a.yaml"), gone], jobs) is expected


def test_with_a_cache_the_worker_parses_only_what_it_lacks(
    generated, read_here, tmp_path, monkeypatch
):
    """A first load with a cache (a watch session's) parses in the worker too; a later
    load after an edit sends the worker only the files the cache has no result for."""
    from eakit.speed.memory_cache import MemoryCache

    model = tmp_path / "model"
    shutil.copytree(generated, model)
    cache = MemoryCache()
    parsed: list[list[str]] = []
    real_start = prefetch.Prefetch.start

    def start(files, parse):
        parsed.append([f.rel for f in files])
        return real_start(files, parse)

    monkeypatch.setattr(prefetch.Prefetch, "start", start)
    started = remember_workers(monkeypatch)
    first = load_model(model, cache=cache, jobs=2)
    assert _facts(first) == _facts(load_model(generated, jobs=1))  # same model, cold cache
    assert cache.misses == 0 and cache.hits == 0  # parsed ahead: the cache was not read
    assert len(parsed[0]) == len(first.files)
    assert len(started) == 1  # the reading worker
    edited = next(rel for rel in first.files if rel.endswith(".yaml"))
    with (model / edited).open("a", encoding="utf-8") as out:
        out.write("# edited\n")
    again = load_model(model, cache=cache, jobs=2)
    assert parsed[1] == [edited]  # the rest came from the cache
    assert cache.hits == len(first.files) - 1
    assert _facts(again) == _facts(first)
    assert all(reaped(worker.pid) for worker in started)


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
    not by a thread of its own, which would keep the reading worker from being forked."""
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
