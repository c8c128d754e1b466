"""On a large model the references are checked by a worker while the graph is built:
the same graph and the same diagnostics as a check in one process, also when the worker
dies, and no worker left behind when the caller fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import eakit.pipeline as pipeline
from eakit.diagnostics import ModelLoadError
from eakit.pipeline import load_graph
from eakit.speed import workers as worker
from tests.workers import reaped, remember_workers

pytestmark = pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")


def _facts(graph):
    model = graph.model
    return (
        [c.model_dump(mode="json") for c in model.components.values()],
        [r.model_dump(mode="json") for r in model.relations],
        sorted((e.source, e.target, e.type, e.origin) for e in graph.edges_unordered()),
    )


@pytest.fixture(scope="module")
def broken(two_provinces_dir, tmp_path_factory) -> Path:
    """The generated model with an owner that does not exist and a relation to nowhere."""
    model = tmp_path_factory.mktemp("broken") / "model"
    shutil.copytree(two_provinces_dir, model)
    target = next(p for p in sorted(model.rglob("*.yaml")) if "owner: " in p.read_text("utf-8"))
    text = target.read_text("utf-8")
    at = text.index("owner: ") + len("owner: ")
    end = text.index("\n", at)
    target.write_text(text[:at] + "so-khong-co-that" + text[end:], "utf-8")
    with (model / "extra.yaml").open("w", encoding="utf-8") as out:
        out.write("relations:\n  - {from: nowhere-a, to: nowhere-b, type: depends_on}\n")
    return model


def _diagnostics(model: Path, jobs: int) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        load_graph(model, jobs=jobs)
    return [str(d) for d in caught.value.diagnostics]


def test_the_graph_is_the_same_with_the_worker(two_provinces_dir, monkeypatch):
    alone = _facts(load_graph(two_provinces_dir, jobs=1))
    started = remember_workers(monkeypatch)
    assert _facts(load_graph(two_provinces_dir, jobs=2)) == alone
    assert len(started) == 2  # the reading worker, then the reference checker
    assert all(reaped(w.pid) for w in started)


def test_broken_references_are_reported_the_same(broken, monkeypatch):
    expected = _diagnostics(broken, jobs=1)
    assert any("so-khong-co-that" in d for d in expected)
    assert any("nowhere-a" in d for d in expected)
    started = remember_workers(monkeypatch)
    assert _diagnostics(broken, jobs=2) == expected
    assert len(started) == 2 and all(reaped(w.pid) for w in started)


def test_a_dead_checker_leaves_the_check_to_this_process(broken, monkeypatch):
    expected = _diagnostics(broken, jobs=1)

    def dies(task):
        return lambda send: os._exit(3)

    remember_workers(monkeypatch, dies)  # the reading worker dies too: read here
    assert _diagnostics(broken, jobs=2) == expected


def test_the_checker_is_stopped_when_the_graph_fails(two_provinces_dir, monkeypatch):
    started = remember_workers(monkeypatch)

    def broken_build(model):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "build_graph", broken_build)
    with pytest.raises(KeyboardInterrupt):
        load_graph(two_provinces_dir, jobs=2)
    assert started and all(reaped(w.pid) for w in started)
