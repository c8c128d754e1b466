"""A check shared with a forked worker gives exactly the single-process result, also when
the worker cannot start, dies, or sends something broken."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.pipeline import load_graph
from eakit.rules.engine import Engine, RunOptions, run_rules, start_run
from eakit.speed import shared_check as parallel
from eakit.speed import workers as worker
from tests.conftest import BUNDLED_MODEL
from tests.workers import reaped, remember_workers

runner = CliRunner()
pytestmark = pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")


def _facts(graph, jobs, **options):
    options = {"as_of": None, "select": [], "ignore": [], **options}
    result = run_rules(graph, RunOptions(jobs=jobs, **options))
    return {
        "findings": [f.to_dict() for f in result.findings],
        "readiness": result.readiness.to_dict(),
        "subjects": result.subjects,
        "rules": [r.id for r in result.rules],
        "not_applicable": [r.id for r in result.not_applicable],
        "notes": [str(n) for n in result.notes],
    }


@pytest.fixture(scope="module")
def two_provinces(two_provinces_dir):
    return load_graph(two_provinces_dir)


@pytest.fixture(scope="module")
def single(two_provinces):
    return _facts(two_provinces, 1)


def test_shared_check_equals_the_single_process_check(two_provinces, single):
    shared = _facts(two_provinces, 2)
    assert shared == single
    assert len(shared["findings"]) > 1000  # a real comparison, in every severity
    assert {f["severity"] for f in shared["findings"]} == {"error", "warning", "info"}
    # The worker's rules are among them: divided ones and a whole path rule.
    # (INF-002, a path rule: SVC-009 has no supporting text in force at the model's date
    # since the citation review.)
    assert any(f["rule"] == "INF-002" for f in shared["findings"])


@pytest.mark.parametrize(
    "options",
    [
        {"as_of": dt.date(2019, 6, 1)},  # other rules in force, some not applicable
        {"select": ["SVC-*", "GOV-012"]},
        {"ignore": ["GOV-*"]},
    ],
    ids=["as-of-2019", "select", "ignore"],
)
def test_shared_check_equals_single_with_options(two_provinces, options):
    assert _facts(two_provinces, 2, **options) == _facts(two_provinces, 1, **options)


def test_without_a_worker_this_process_does_all(two_provinces, single, monkeypatch):
    monkeypatch.setattr(worker.Worker, "start", classmethod(lambda cls, task: None))
    assert _facts(two_provinces, 2) == single


def test_a_worker_that_dies_at_once_is_replaced(two_provinces, single, monkeypatch):
    def dying(task):
        def die(send):
            raise RuntimeError("the worker fails")

        return die

    started = remember_workers(monkeypatch, dying)
    assert _facts(two_provinces, 2) == single
    assert len(started) == 2  # the helper that selects subjects, then the rule worker
    assert all(reaped(w.pid) for w in started)


def test_a_helper_that_dies_is_replaced(two_provinces, single, monkeypatch):
    tasks = []

    def first_dies(task):
        tasks.append(task)
        if len(tasks) > 1:
            return task

        def die(send):
            raise RuntimeError("the helper fails")

        return die

    started = remember_workers(monkeypatch, first_dies)
    assert _facts(two_provinces, 2) == single
    assert len(started) == 2 and all(reaped(w.pid) for w in started)


def test_the_subjects_come_from_the_helper(two_provinces, single, monkeypatch):
    """The helper's subject lists are taken over and used: a helper sending wrong ones
    changes the result."""
    taken = []
    take = Engine.take_subjects

    def counted(self, packed, ids):
        taken.append(len(packed))
        take(self, packed, ids)

    monkeypatch.setattr(Engine, "take_subjects", counted)
    assert _facts(two_provinces, 2) == single
    assert taken and taken[0] > 50

    pack = Engine.packed_subjects

    def emptied(self, ids):
        return {key: (selector, b"") for key, (selector, _p) in pack(self, ids).items()}

    monkeypatch.setattr(Engine, "packed_subjects", emptied)  # in the forked helper
    assert _facts(two_provinces, 2)["findings"] != single["findings"]


def test_a_broken_second_answer_is_replaced(two_provinces, single, monkeypatch):
    receive = worker.Worker.receive
    calls: dict[int, int] = {}

    def second_fails(self):
        calls[self.pid] = calls.get(self.pid, 0) + 1
        return receive(self) if calls[self.pid] == 1 else worker.FAILED

    monkeypatch.setattr(worker.Worker, "receive", second_fails)
    started = remember_workers(monkeypatch)
    assert _facts(two_provinces, 2) == single
    helper, rule_worker = started
    assert (calls[helper.pid], calls[rule_worker.pid]) == (1, 2)
    assert all(reaped(w.pid) for w in started)


def _hits(states):
    """Each rule's hits in each view, and its pending hits, in an order of their own."""
    return {
        state.active.rule.id: (
            *(sorted(map(repr, run.hits)) if run is not None else None
              for run in (state.now, state.horizon, state.record)),
            sorted((repr(c), repr(hits)) for c, hits in state.pending.items()),
        )
        for state in states
    }  # fmt: skip


def test_states_keep_every_hit_when_asked(two_provinces, monkeypatch):
    """A watch session's first check is shared too: the worker then sends its hits back
    (relations as the objects of this process's graph), and every rule's state holds
    what a single process's holds, not just the findings."""

    def no_fallback(task):
        raise AssertionError("the worker's answer was not used")

    monkeypatch.setattr(parallel, "_locally", no_fallback)
    serial = start_run(two_provinces, RunOptions(jobs=1)).states
    shared = start_run(two_provinces, RunOptions(jobs=2, keep_hits=True)).states
    assert _hits(shared) == _hits(serial)
    relations = {id(r) for r in two_provinces.model.relations}
    with_relation = [h for s in shared for h in s.now.hits if h.relation is not None]
    assert with_relation and all(id(h.relation) in relations for h in with_relation)
    # Without keep_hits the worker's hits stay there (its failed subjects come back).
    fewer = start_run(two_provinces, RunOptions(jobs=2)).states
    assert _hits(fewer) != _hits(serial)


def test_a_truncated_message_is_a_failure():
    read_end, write_end = os.pipe()
    with open(write_end, "wb") as pipe:
        pipe.write((1000).to_bytes(8, "little") + b"not a whole pickle")
    half = worker.Worker(os.getpid(), open(read_end, "rb"))  # noqa: SIM115
    assert half.receive() is worker.FAILED
    assert half.receive() is worker.FAILED  # and stays failed
    half.pipe.close()


def test_an_error_here_stops_the_worker(two_provinces, monkeypatch):
    started = remember_workers(monkeypatch)

    def broken(self, items, agencies=True):
        raise KeyboardInterrupt

    monkeypatch.setattr(Engine, "complete", broken)
    with pytest.raises(KeyboardInterrupt):
        run_rules(two_provinces, RunOptions(as_of=None, select=[], ignore=[], jobs=2))
    assert len(started) == 2 and all(reaped(w.pid) for w in started)


def test_shares_split_the_components_by_file(two_provinces):
    first, second = parallel.shares(two_provinces, 0.4)
    assert not first & second
    assert first | second == set(two_provinces.ids())
    files_first = {two_provinces.file_of(c) for c in first}
    files_second = {two_provinces.file_of(c) for c in second}
    assert not files_first & files_second  # a file is read by one process
    assert max(files_first) < min(files_second)
    assert 0.3 < len(second) / len(two_provinces) < 0.5


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_command_gives_the_same_report_with_two_jobs(two_provinces_dir, fmt):
    reports = []
    for jobs in ("1", "2"):
        outcome = runner.invoke(
            build_app(), ["check", str(two_provinces_dir), "--jobs", jobs, "--format", fmt]
        )
        assert outcome.exit_code == 1, outcome.output  # the generated model has errors
        reports.append(outcome.stdout)
    assert reports[0] == reports[1]
    assert reports[0].count("INF-002") > 10  # a path rule with findings at the model's date


def test_the_command_refuses_more_jobs_than_it_can_use():
    outcome = runner.invoke(build_app(), ["check", str(BUNDLED_MODEL), "--jobs", "3"])
    assert outcome.exit_code == 2
    assert "--jobs" in outcome.output


def test_small_models_are_checked_in_one_process(bundled_graph):
    assert not parallel.worth_sharing(bundled_graph)


@pytest.mark.parametrize(("threads", "shared"), [(1, True), (2, False)])
def test_only_a_single_threaded_process_forks_on_its_own(
    two_provinces, monkeypatch, threads, shared
):
    monkeypatch.setattr(parallel, "MIN_COMPONENTS", 1000)
    monkeypatch.setattr(worker, "cores", lambda: 2)
    stop = threading.Event()
    for _n in range(threads - 1):
        threading.Thread(target=stop.wait, name="a-caller-thread", daemon=True).start()
    try:
        assert parallel.worth_sharing(two_provinces) is shared
    finally:
        stop.set()
