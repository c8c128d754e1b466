"""A patched graph is the graph a full build gives, networkx graph and derived indexes
alike, and the graph it was patched from stays as it was (a re-check reads both)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from eakit.graph import ModelGraph
from eakit.incremental.session import Session
from eakit.pipeline import load_graph

from ..conftest import BUNDLED_MODEL
from .test_session import Editor, _copy


def _by_value(graph: ModelGraph) -> dict[str, Any]:
    """What a graph holds, objects compared by value (a full load makes new ones)."""
    g = graph.g
    return {
        "nodes": dict(g.nodes(data=True)),
        "out": {(s, t, k): d for s, t, k, d in g.out_edges(keys=True, data=True)},
        "in": {(s, t, k): d for s, t, k, d in g.in_edges(keys=True, data=True)},
        "edges": g.number_of_edges(),
        "ids": graph.ids(),
        "kinds": graph.kinds,
        "states": graph.states,
        "agencies": graph.agencies,
        "groups": [dict(graph.edge_groups(side)) for side in (True, False)],
        "all": graph.edges(),
    }


def _by_identity(graph: ModelGraph) -> Any:
    """What a graph holds, objects by identity (to see that nothing changed it)."""
    g = graph.g
    return (
        {n: (id(d["obj"]), d["status"], d["kind"]) for n, d in g.nodes(data=True)},
        {
            (s, t, k): (d["origin"], d["state"], id(d["relation"]))
            for s, t, k, d in g.edges(keys=True, data=True)
        },
        {(s, t, k) for s, t, k in g.in_edges(keys=True)},
        {
            side: {
                cid: {t: [tuple(e) for e in es] for t, es in groups.items()}
                for cid, groups in graph.edge_groups(side).items()
            }
            for side in (True, False)
        },
        dict(graph.agencies),
        dict(graph.states),
    )


def test_patched_graphs_equal_full_builds_and_leave_the_old_graph_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    patch = ModelGraph.patched

    def counted(self: ModelGraph, *args: Any) -> Any:
        calls.append(1)
        return patch(self, *args)

    monkeypatch.setattr(ModelGraph, "patched", counted)
    root = _copy(BUNDLED_MODEL, tmp_path / "model")
    session = Session(root)
    assert session.start().result is not None
    editor = Editor(root, random.Random(7))
    good = editor.snapshot()
    patched = 0
    for _step in range(25):
        old = session.graph
        assert old is not None
        _by_value(old)  # every derived index built, so that patching carries them over
        before = _by_identity(old)
        _kind, path = editor.edit()
        update = session.refresh([path])
        assert update is not None
        if update.result is None:  # a broken model: a full load reports it
            session.refresh(editor.restore(good))
            continue
        good = editor.snapshot()
        new = session.graph
        assert new is not None and new is not old
        assert _by_identity(old) == before
        assert nx.is_frozen(new.g)
        assert _by_value(new) == _by_value(load_graph(root))
        patched += 1
    assert patched > 10 and len(calls) >= patched
