"""A check shared with a forked worker gives exactly the single-process result, also when
the worker cannot start, dies, or sends something broken."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.generate import generate_model
from eakit.pipeline import load_graph
from eakit.rules import parallel
from eakit.rules.engine import Engine, run_rules
from tests.conftest import BUNDLED_MODEL

runner = CliRunner()
pytestmark = pytest.mark.skipif(not parallel.available(), reason="needs os.fork (Linux)")


def _facts(graph, jobs, **options):
    options = {"as_of": None, "select": [], "ignore": [], **options}
    result = run_rules(graph, jobs=jobs, **options)
    return {
        "findings": [f.to_dict() for f in result.findings],
        "readiness": result.readiness.to_dict(),
        "subjects": result.subjects,
        "rules": [r.id for r in result.rules],
        "not_applicable": [r.id for r in result.not_applicable],
        "notes": [str(n) for n in result.notes],
    }


@pytest.fixture(scope="module")
def two_provinces_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated") / "model"
    generate_model(out, provinces=2, seed=11)
    return out


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
    assert any(f["rule"] == "SVC-009" for f in shared["findings"])


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
    monkeypatch.setattr(parallel, "_fork", lambda task: None)
    assert _facts(two_provinces, 2) == single


def test_a_worker_that_dies_at_once_is_replaced(two_provinces, single, monkeypatch):
    fork = parallel._fork
    started = []

    def dying(task):
        def die(send):
            raise RuntimeError("the worker fails")

        found = fork(die)
        started.append(found[0])
        return found

    monkeypatch.setattr(parallel, "_fork", dying)
    assert _facts(two_provinces, 2) == single
    assert started
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(started[0], os.WNOHANG)


def test_a_broken_second_answer_is_replaced(two_provinces, single, monkeypatch):
    receive = parallel._receive
    calls = []

    def second_fails(pipe):
        calls.append(1)
        return receive(pipe) if len(calls) == 1 else parallel.FAILED

    monkeypatch.setattr(parallel, "_receive", second_fails)
    assert _facts(two_provinces, 2) == single
    assert len(calls) == 2


def test_a_truncated_message_is_a_failure():
    read_end, write_end = os.pipe()
    with open(write_end, "wb") as pipe:
        pipe.write((1000).to_bytes(8, "little") + b"not a whole pickle")
    with open(read_end, "rb") as pipe:
        assert parallel._receive(pipe) is parallel.FAILED


def test_an_error_here_stops_the_worker(two_provinces, monkeypatch):
    fork = parallel._fork
    started = []

    def remember(task):
        found = fork(task)
        started.append(found[0])
        return found

    def broken(self, items):
        raise KeyboardInterrupt

    monkeypatch.setattr(parallel, "_fork", remember)
    monkeypatch.setattr(Engine, "complete", broken)
    with pytest.raises(KeyboardInterrupt):
        run_rules(two_provinces, as_of=None, select=[], ignore=[], jobs=2)
    assert started
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0], os.WNOHANG)


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
def test_the_command_gives_the_same_report_with_two_jobs(two_provinces_dir, fmt, monkeypatch):
    monkeypatch.setenv("EAKIT_CACHE", "off")
    reports = []
    for jobs in ("1", "2"):
        outcome = runner.invoke(
            build_app(), ["check", str(two_provinces_dir), "--jobs", jobs, "--format", fmt]
        )
        assert outcome.exit_code == 1, outcome.output  # the generated model has errors
        reports.append(outcome.stdout)
    assert reports[0] == reports[1]
    assert reports[0].count("SVC-009") > 10


def test_the_command_refuses_more_jobs_than_it_can_use():
    outcome = runner.invoke(build_app(), ["check", str(BUNDLED_MODEL), "--jobs", "3"])
    assert outcome.exit_code == 2
    assert "--jobs" in outcome.output


def test_small_models_are_checked_in_one_process(bundled_graph):
    assert not parallel.worth_sharing(bundled_graph)
