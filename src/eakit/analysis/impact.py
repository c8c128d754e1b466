"""What depends on a component, transitively: what stops when it fails.

Each edge type says in ``relation_types.yaml`` (``dependent``) which of its ends stops
when the other fails. The failure graph turns every edge of the model graph into an arc
from the component that fails to the one that stops with it; what a failure reaches is
a breadth-first search of that graph, so each affected component comes with the shortest
chain of dependencies that takes it down.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eakit.analysis.state import edge_live, live_ids
from eakit.graph import ModelGraph
from eakit.messages import say
from eakit.model import LAYER_INFO, Layer, relation_types

if TYPE_CHECKING:
    import networkx as nx


def dependency_table() -> dict[str, str]:
    """Every edge type with the end that depends on the other: ``from``, ``to`` or ``none``."""
    return {name: rt.dependent for name, rt in sorted(relation_types().items())}


@dataclass(frozen=True)
class Step:
    """One link of a failure's chain: ``dependent`` stops because ``failed`` did; the
    model edge between them has ``type`` and runs from the dependent when
    ``dependent_is_source``."""

    failed: str
    dependent: str
    type: str
    dependent_is_source: bool


@dataclass(frozen=True)
class Affected:
    """A component that stops when the failed one does, ``depth`` steps away."""

    id: str
    kind: str
    layer: Layer
    agency: str | None
    depth: int
    path: tuple[Step, ...]


@dataclass(frozen=True)
class Impact:
    """What a failure of ``component`` on ``when`` takes down, nearest first."""

    component: str
    when: dt.date
    depth: int | None
    live: bool
    affected: tuple[Affected, ...]

    def by_layer(self) -> dict[Layer, list[Affected]]:
        """The affected components by framework layer, layers in framework order."""
        groups: dict[Layer, list[Affected]] = {}
        for item in sorted(self.affected, key=lambda a: (LAYER_INFO[a.layer].order, a.id)):
            groups.setdefault(item.layer, []).append(item)
        return groups

    def by_agency(self) -> dict[str | None, list[Affected]]:
        """The affected components by agency (``None`` last), agencies in id order."""
        groups: dict[str | None, list[Affected]] = {}
        ordered = sorted(self.affected, key=lambda a: (a.agency is None, a.agency or "", a.id))
        for item in ordered:
            groups.setdefault(item.agency, []).append(item)
        return groups


def failure_graph(
    graph: ModelGraph, when: dt.date | None = None, keep: Iterable[str] = ()
) -> nx.DiGraph[str]:
    """Arcs from each component to those that stop when it fails, over the components and
    edges in operation on ``when`` (default: the model's as_of) plus ``keep``.

    Arcs carry ``type`` (the model edge's type) and ``dependent_is_source``. Nodes and
    arcs are added in sorted order, so searches over it are deterministic; of several
    edge types between the same two components the first by name is kept.
    """
    import networkx as nx

    as_of = graph.architecture.as_of
    day = when or as_of
    live = live_ids(graph, day) | frozenset(keep)
    table = dependency_table()
    arcs: list[tuple[str, str, str, bool]] = []
    for source, target, edge_type, data in graph.g.edges(keys=True, data=True):
        side = table.get(edge_type, "none")
        if side == "none" or source not in live or target not in live:
            continue
        if not edge_live(data, day, as_of):
            continue
        if side == "from":
            arcs.append((target, source, edge_type, True))
        else:
            arcs.append((source, target, edge_type, False))
    failures: nx.DiGraph[str] = nx.DiGraph()
    failures.add_nodes_from(sorted(live))
    for failed, dependent, edge_type, dependent_is_source in sorted(arcs):
        if not failures.has_edge(failed, dependent):
            failures.add_edge(
                failed, dependent, type=edge_type, dependent_is_source=dependent_is_source
            )
    return failures


def impact(
    graph: ModelGraph,
    component_id: str,
    *,
    depth: int | None = None,
    when: dt.date | None = None,
) -> Impact:
    """What stops, transitively, when ``component_id`` fails on ``when`` (default: the
    model's as_of), at most ``depth`` steps away (``None``: any). Raises ``KeyError`` for
    an unknown id and ``ValueError`` for a depth below 1."""
    import networkx as nx

    if component_id not in graph:
        raise KeyError(component_id)
    if depth is not None and depth < 1:
        raise ValueError(say("view.depth", depth=depth))
    day = when or graph.architecture.as_of
    live = component_id in live_ids(graph, day)
    failures = failure_graph(graph, day, keep=[component_id])
    paths = nx.single_source_shortest_path(failures, component_id, cutoff=depth)
    affected = []
    for cid, path in paths.items():
        if cid == component_id:
            continue
        steps = tuple(
            Step(
                failed=failed,
                dependent=dependent,
                type=failures.edges[failed, dependent]["type"],
                dependent_is_source=failures.edges[failed, dependent]["dependent_is_source"],
            )
            for failed, dependent in itertools.pairwise(path)
        )
        affected.append(
            Affected(
                id=cid,
                kind=graph.kinds[cid],
                layer=graph.get(cid).layer,
                agency=graph.agency_of(cid),
                depth=len(steps),
                path=steps,
            )
        )
    affected.sort(key=lambda a: (a.depth, LAYER_INFO[a.layer].order, a.id))
    return Impact(component_id, day, depth, live, tuple(affected))
