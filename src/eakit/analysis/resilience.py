"""Single points of failure and central systems of the integration and infrastructure
networks.

Each network is an undirected view of some edge types between some kinds of component
(:data:`NETWORKS`), over what is in operation at a date. Its articulation points are the
components whose failure splits it, its bridges the links whose loss does; betweenness
ranks the components most paths go through. Every list is sorted (ties by id), so the
same model gives the same answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eakit.analysis.state import edge_live, live_ids
from eakit.graph import ModelGraph

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Network:
    """Which edges make a network: their types, and the kinds both ends must have."""

    name: str
    types: frozenset[str]
    kinds: frozenset[str]


_SYSTEMS = frozenset({"application", "portal", "database", "integration_platform"})
#: The networks analysed, in report order.
NETWORKS: tuple[Network, ...] = (
    Network(
        "integration",
        frozenset(
            {
                "integrates_with",
                "exchanges_with",
                "reads_from",
                "writes_to",
                "transfers_data_to",
                "authenticates_via",
                "connects_to",
            }
        ),
        _SYSTEMS,
    ),
    Network(
        "infrastructure",
        frozenset({"connects_to", "located_in"}),
        frozenset({"data_centre", "network", "lan", "security_capability", "integration_platform"}),
    ),
)
NETWORK_BY_NAME = {network.name: network for network in NETWORKS}

#: Above this many nodes, betweenness is estimated from :data:`BETWEENNESS_SOURCES`
#: sources (exact betweenness takes time proportional to nodes times edges: half a
#: minute for a national network of 4,000 systems).
BETWEENNESS_EXACT_LIMIT = 1000
BETWEENNESS_SOURCES = 500
CENTRAL_COUNT = 10


@dataclass(frozen=True)
class CutPoint:
    """An articulation point: its failure leaves ``cut_off`` components apart from the
    largest remaining part of its network."""

    id: str
    cut_off: int


@dataclass(frozen=True)
class Bridge:
    """A link whose loss splits its network; ``source`` < ``target``; ``types`` are the
    edge types between them; ``cut_off`` the size of the smaller side."""

    source: str
    target: str
    types: tuple[str, ...]
    cut_off: int


@dataclass(frozen=True)
class Central:
    """A component by betweenness centrality (normalised, 0..1, rounded to 6 places)."""

    id: str
    score: float


@dataclass(frozen=True)
class NetworkReport:
    """The analysis of one network."""

    name: str
    nodes: int
    edges: int
    parts: int
    cut_points: tuple[CutPoint, ...]
    bridges: tuple[Bridge, ...]
    central: tuple[Central, ...]
    sampled: int | None  # sources betweenness was estimated from; None when exact


@dataclass(frozen=True)
class Resilience:
    """Single points of failure and central systems of every network on ``when``."""

    when: dt.date
    networks: tuple[NetworkReport, ...]

    def cut_point_ids(self) -> set[str]:
        """Every articulation point of any network."""
        return {c.id for n in self.networks for c in n.cut_points}

    def bridge_pairs(self) -> set[tuple[str, str]]:
        """Every bridge of any network, as (source, target) with source < target."""
        return {(b.source, b.target) for n in self.networks for b in n.bridges}


def network_graph(
    graph: ModelGraph, network: Network, when: dt.date | None = None
) -> nx.Graph[str]:
    """The undirected network on ``when`` (default: the model's as_of): nodes and edges in
    sorted order; each edge carries ``types``, the sorted edge types joining its ends."""
    import networkx as nx

    as_of = graph.architecture.as_of
    day = when or as_of
    live = live_ids(graph, day)
    kinds = graph.kinds
    joined: dict[tuple[str, str], set[str]] = {}
    for source, target, edge_type, data in graph.g.edges(keys=True, data=True):
        if edge_type not in network.types or source == target:
            continue
        if source not in live or target not in live:
            continue
        if kinds[source] not in network.kinds or kinds[target] not in network.kinds:
            continue
        if not edge_live(data, day, as_of):
            continue
        ends = (source, target) if source < target else (target, source)
        joined.setdefault(ends, set()).add(edge_type)
    undirected: nx.Graph[str] = nx.Graph()
    undirected.add_nodes_from(sorted({end for ends in joined for end in ends}))
    for (source, target), types in sorted(joined.items()):
        undirected.add_edge(source, target, types=tuple(sorted(types)))
    return undirected


def _cut_off_by_node(undirected: nx.Graph[str], node: str) -> int:
    import networkx as nx

    part = nx.node_connected_component(undirected, node) - {node}
    pieces = [len(p) for p in nx.connected_components(undirected.subgraph(part))]
    return sum(pieces) - max(pieces, default=0)


def _cut_off_by_edge(undirected: nx.Graph[str], source: str, target: str) -> int:
    import networkx as nx

    if undirected.degree(source) == 1 or undirected.degree(target) == 1:
        return 1
    view = nx.restricted_view(undirected, [], [(source, target)])
    return min(len(nx.node_connected_component(view, end)) for end in (source, target))


def analyse_network(
    graph: ModelGraph, network: Network, when: dt.date | None = None, top: int = CENTRAL_COUNT
) -> NetworkReport:
    """Articulation points, bridges and the ``top`` most central components of one network."""
    import networkx as nx

    undirected = network_graph(graph, network, when)
    cut_points = sorted(
        (
            CutPoint(node, _cut_off_by_node(undirected, node))
            for node in nx.articulation_points(undirected)
        ),
        key=lambda c: (-c.cut_off, c.id),
    )
    # types-networkx types bridges() as yielding nodes; it yields pairs of nodes.
    pairs: list[tuple[str, str]] = list(nx.bridges(undirected))  # type: ignore[arg-type]
    bridges = sorted(
        (
            Bridge(
                source=min(u, v),
                target=max(u, v),
                types=undirected.edges[u, v]["types"],
                cut_off=_cut_off_by_edge(undirected, u, v),
            )
            for u, v in pairs
        ),
        key=lambda b: (-b.cut_off, b.source, b.target),
    )
    count = undirected.number_of_nodes()
    sampled = None
    if count > BETWEENNESS_EXACT_LIMIT:
        sampled = BETWEENNESS_SOURCES
        scores = nx.betweenness_centrality(undirected, k=sampled, seed=0)
    else:
        scores = nx.betweenness_centrality(undirected) if count else {}
    ranked = sorted(
        (Central(node, round(score, 6)) for node, score in scores.items() if score > 0),
        key=lambda c: (-c.score, c.id),
    )
    return NetworkReport(
        name=network.name,
        nodes=count,
        edges=undirected.number_of_edges(),
        parts=nx.number_connected_components(undirected) if count else 0,
        cut_points=tuple(cut_points),
        bridges=tuple(bridges),
        central=tuple(ranked[:top]),
        sampled=sampled,
    )


def resilience(
    graph: ModelGraph, when: dt.date | None = None, top: int = CENTRAL_COUNT
) -> Resilience:
    """:func:`analyse_network` for every network of :data:`NETWORKS` on ``when``."""
    day = when or graph.architecture.as_of
    return Resilience(day, tuple(analyse_network(graph, n, day, top) for n in NETWORKS))
