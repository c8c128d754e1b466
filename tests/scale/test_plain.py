"""``EAKIT_PLAIN=1``: the plain reference path, with the same results as the fast one."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from eakit.pipeline import check, load_graph
from eakit.speed import workers as worker
from eakit.speed.switches import PLAIN, kept_for_good, paused_gc, plain
from tests.workers import remember_workers


def test_the_plain_path_forks_no_worker_even_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PLAIN, raising=False)
    assert not plain()
    assert worker.wanted(2, lambda: False) is worker.available()
    monkeypatch.setenv(PLAIN, "1")
    assert plain()
    assert worker.wanted(2, lambda: True) is False
    assert worker.wanted(None, lambda: True) is False


def test_the_plain_path_leaves_the_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLAIN, "1")
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    with paused_gc():
        assert gc.isenabled()
    with kept_for_good():
        assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_plain_path_finds_what_the_workers_find(
    province_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PLAIN, raising=False)
    started = remember_workers(monkeypatch)
    # jobs=2: reading, the reference check and the rules each ask for a worker.
    fast = check(load_graph(province_model, jobs=2), jobs=2)
    assert started or not worker.available()
    monkeypatch.setenv(PLAIN, "1")
    started.clear()
    reference = check(load_graph(province_model, jobs=2), jobs=2)
    assert not started
    assert reference.findings == fast.findings
    assert reference.findings
