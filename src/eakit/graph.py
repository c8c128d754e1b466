"""The validated model as a ``networkx.MultiDiGraph``, with the queries rules, views and
renderers need.

Every load builds the graph (:attr:`ModelGraph.g`). Nodes are component ids with attributes
``obj`` (the pydantic component), ``kind``, ``layer`` and ``status`` (its value as plain
text). Edges are keyed by relation type and carry ``type``, ``origin`` (``"relation"`` or
the name of the reference field that declares the edge), ``relation`` (the declared
:class:`~eakit.model.Relation`, or ``None`` for a reference field) and ``state`` (the
relation's status as plain text, ``"current"`` for a reference field). A reference field
and a relation stating the same (source, target, type) make one edge, the relation's, with
the field as origin. The graph is frozen (:func:`networkx.freeze`): it is shared by
everything that reads the model, and :meth:`ModelGraph.patched` makes a new one.

The queries read the graph's adjacency (``g.succ``/``g.pred``/``g.nodes``), directly or
through indexes the :class:`ModelGraph` derives from it on first use and keeps with it:
node attributes by id, ids by kind, each component's edges grouped by type and sorted as
:class:`Edge` tuples, each component's agency.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, count
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from eakit.diagnostics import Location
from eakit.model import BaseComponent, Layer, Model, Relation, SourceRef, Status, kind_of
from eakit.model.manifest import Architecture
from eakit.model.refs import ref_fields
from eakit.speed.switches import paused_gc
from eakit.text import vi_sort_key

if TYPE_CHECKING:
    import networkx as nx

# A component class: sorting a list of one kind keeps its type (agencies stay agencies).
_C = TypeVar("_C", bound=BaseComponent)

Key = tuple[str, str, str]
"""An edge's (source, target, type): one edge per key."""

# networkx's nested dicts: node -> neighbour -> edge key (the type) -> edge attributes.
Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]
# Each component's edges as tuples, grouped by type (sorted) and sorted by the other end.
Grouped = dict[str, dict[str, list["Edge"]]]


class Edge(NamedTuple):
    """One edge of the model graph as an immutable tuple: its ends and its attributes.

    Rules walk edges millions of times on a national model, so each component's edges are
    kept as tuples (see :meth:`ModelGraph.edges_by_type`) rather than read from networkx's
    attribute dicts.
    """

    source: str
    target: str
    type: str
    origin: str
    relation: Relation | None = None
    # The status as plain text, what rules compare against a view's live set.
    state: str = "current"

    @property
    def status(self) -> Status:
        return self.relation.status if self.relation is not None else Status.CURRENT


@dataclass(frozen=True)
class GraphDelta:
    """What changed between two models: components added, removed or changed in value,
    and the declared relations removed and added (by object: an unchanged relation keeps
    its object)."""

    components: frozenset[str]
    relations_removed: Sequence[Relation] = ()
    relations_added: Sequence[Relation] = ()
    # Where each relation of the changed files is now written (kept ones move too).
    relation_refs: Mapping[int, SourceRef] = field(default_factory=dict)


def edge_key(relation: Relation) -> Key:
    """The key of the edge a relation makes: (source, target, type)."""
    return (relation.from_, relation.to, relation.type)


def _node_data(component: BaseComponent) -> dict[str, Any]:
    """A component's node attributes."""
    return {
        "obj": component,
        "kind": kind_of(component),
        "layer": component.layer,
        "status": component.status._value_,  # the member's value, without the descriptor
    }


def _edge_data(edge_type: str, origin: str, relation: Relation | None = None) -> dict[str, Any]:
    """An edge's attributes."""
    # The member's value, without the descriptor: this runs once per relation.
    state = relation.status._value_ if relation is not None else "current"
    return {"type": edge_type, "origin": origin, "relation": relation, "state": state}


def _field_edges(cid: str, component: BaseComponent) -> Iterator[tuple[str, str, str, str]]:
    """The edges a component's reference fields declare: (source, target, type, field)."""
    for ref_field in ref_fields(type(component)):
        value = getattr(component, ref_field.name)
        if value is None:
            continue
        edge_type, name = ref_field.ref.edge, ref_field.name
        for target in value if ref_field.many else [value]:
            if ref_field.ref.reverse:
                yield target, cid, edge_type, name
            else:
                yield cid, target, edge_type, name


def _ends(succ: Adjacency, pred: Adjacency, source: str, target: str) -> tuple[Any, Any]:
    """The source's successors and the target's predecessors, an end that is no component
    made a node without attributes, as :meth:`networkx.MultiDiGraph.add_edge` makes it (a
    model with unknown references is built while a worker checks them, then refused)."""
    for cid in (source, target):
        succ.setdefault(cid, {})
        pred.setdefault(cid, {})
    return succ[source], pred[target]


def model_digraph(model: Model) -> nx.MultiDiGraph[str]:
    """The ``MultiDiGraph`` of a model (see the module's docstring), frozen.

    networkx's own dicts are filled directly, in one pass over the components and one over
    the relations (``add_edges_from`` checks and copies every edge's attributes, which
    alone takes longer than this whole build). The result is the graph the public API
    builds (a test compares them): node -> attributes in ``_node``; source -> target ->
    key -> attributes in ``_succ``, and target -> source -> the same key dict in ``_pred``.
    """
    nodes: dict[str, dict[str, Any]] = {}
    succ: Adjacency = {}
    pred: Adjacency = {}
    with paused_gc():  # most of the build time at national scale otherwise
        for cid, component in model.components.items():
            nodes[cid] = _node_data(component)
            succ[cid] = {}
            pred[cid] = {}
        # Both loops below inline what add_edge does: they run once per edge.
        for cid, component in model.components.items():
            for source, target, edge_type, origin in _field_edges(cid, component):
                try:
                    out, into = succ[source], pred[target]
                except KeyError:
                    out, into = _ends(succ, pred, source, target)
                keyed = into[source] = out.setdefault(target, {})
                if edge_type not in keyed:  # both ends declare it: the first loaded is origin
                    keyed[edge_type] = _edge_data(edge_type, origin)
        for relation in model.relations:
            source, target, edge_type = relation.from_, relation.to, relation.type
            data = _edge_data(edge_type, "relation", relation)
            try:
                out, into = succ[source], pred[target]
            except KeyError:
                out, into = _ends(succ, pred, source, target)
            keyed = into[source] = out.setdefault(target, {})
            known = keyed.get(edge_type)
            if known is not None:  # a relation restating a reference field: the field is origin
                data["origin"] = known["origin"]
            keyed[edge_type] = data
    for cid in succ.keys() - nodes.keys():
        nodes[cid] = {}
    return _assembled(nodes, succ, pred)


def _assembled(
    nodes: dict[str, dict[str, Any]], succ: Adjacency, pred: Adjacency
) -> nx.MultiDiGraph[str]:
    """A ``MultiDiGraph`` holding the given dicts, frozen."""
    # Imported here: commands that build no graph do not pay for importing networkx.
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    # networkx's descriptors reset the graph's cached views when these are set.
    graph._node = nodes  # type: ignore[attr-defined]
    graph._adj = succ  # type: ignore[attr-defined]  # also sets ``_succ``
    graph._pred = pred  # type: ignore[attr-defined]
    nx.freeze(graph)
    return graph


def _field_origin(model: Model, nodes: Mapping[str, dict[str, Any]], key: Key) -> str | None:
    """The reference field declaring edge ``key``, if one does: of the component loaded
    first when both ends declare it (as a full build decides)."""
    origins: dict[str, str] = {}
    for cid in dict.fromkeys(key[:2]):
        data = nodes.get(cid)
        if data:
            for source, target, edge_type, origin in _field_edges(cid, data["obj"]):
                if (source, target, edge_type) == key:
                    origins[cid] = origin
                    break
    if len(origins) > 1:  # rare: both ends declare the same edge
        return origins[min(origins, key=list(model.components).index)]
    return next(iter(origins.values()), None)


def _same_edge(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    """Whether two edge attribute dicts (or absences) state the same edge (the same
    relation object, not an equal one: a re-check follows the relation's object)."""
    if before is None or after is None:
        return before is after
    return before["origin"] == after["origin"] and before["relation"] is after["relation"]


def _set_edge(succ: Adjacency, pred: Adjacency, key: Key, data: dict[str, Any] | None) -> None:
    """Set (or, with ``None``, remove) the edge ``key`` in neighbour dicts a patch owns."""
    source, target, edge_type = key
    keyed = dict(succ[source].get(target, {}))
    if data is None:
        keyed.pop(edge_type, None)
    else:
        keyed[edge_type] = data
    if keyed:
        succ[source][target] = pred[target][source] = keyed
    else:
        succ[source].pop(target, None)
        pred[target].pop(source, None)


Place = tuple[str, tuple[str | int, ...]] | Relation
"""Something to locate: a component and a field path inside it, or a declared relation."""

Request = tuple[SourceRef, tuple[str | int, ...]]
"""A place as the locator takes it: a declaration and the fields inside it."""


_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")


def _edge(source: str, target: str, edge_type: str, data: dict[str, Any]) -> Edge:
    """The tuple of an edge with attributes ``data``."""
    return Edge(source, target, edge_type, data["origin"], data["relation"], data["state"])


def _grouped(
    neighbours: Mapping[str, Mapping[str, dict[str, Any]]], cid: str, outgoing: bool
) -> dict[str, list[Edge]]:
    """One side of one component's edges as tuples, grouped by type (in type order), each
    group sorted by the edges' other end."""
    groups: dict[str, list[Edge]] = {}
    for other, keyed in neighbours.items():
        source, target = (cid, other) if outgoing else (other, cid)
        for edge_type, data in keyed.items():
            groups.setdefault(edge_type, []).append(_edge(source, target, edge_type, data))
    return _ordered(groups, _TARGET if outgoing else _SOURCE)


def _ordered(groups: dict[str, list[Edge]], other_end: attrgetter[str]) -> dict[str, list[Edge]]:
    """One side of one component's edge groups in type order, each group sorted by the
    edges' other end (distinct: one edge a key); ``groups`` is sorted in place."""
    for edges in groups.values():
        if len(edges) > 1:
            edges.sort(key=other_end)
    return dict(sorted(groups.items())) if len(groups) > 1 else groups


class ModelGraph:
    """A model's graph (:attr:`g`), its architecture metadata, the queries rules and
    renderers ask, and a way to locate components and relations in the model's files."""

    def __init__(
        self,
        model: Model,
        graph: nx.MultiDiGraph[str] | None = None,
        relation_refs: dict[int, SourceRef] | None = None,
    ) -> None:
        """The graph of ``model``: built from it, or ``graph`` when that is already its
        graph (with ``relation_refs``, :meth:`relation_sources` when known)."""
        self.architecture: Architecture = model.manifest.architecture
        self.manifest = model.manifest
        self.root = model.root
        self.model = model  # the validated model the graph was built from
        self._relation_refs = relation_refs
        # The model as a frozen MultiDiGraph (see the module's docstring), shared by all
        # that read the model: to change it, copy it first (``nx.MultiDiGraph(graph.g)``).
        self.g: nx.MultiDiGraph[str] = model_digraph(model) if graph is None else graph
        # networkx's own dicts (the same objects): the queries read them without the
        # read-only views networkx wraps them in.
        self._node: dict[str, dict[str, Any]] = self.g._node  # type: ignore[attr-defined]
        self._succ: Adjacency = self.g._succ  # type: ignore[attr-defined]
        self._pred: Adjacency = self.g._pred  # type: ignore[attr-defined]

    def patched(self, model: Model, delta: GraphDelta) -> tuple[ModelGraph, frozenset[str]]:
        """The graph of ``model``, which differs from this graph's model by ``delta``,
        made from this graph by changing copies of the parts the delta touches.

        Also returns the components whose node or edges changed: the seeds from which a
        re-check finds what it must look at again. This graph and its indexes are left as
        they were.
        """
        nodes, succ, pred = dict(self._node), dict(self._succ), dict(self._pred)
        # Every edge key the delta may touch, from the old and the new side.
        keys = {edge_key(r) for r in chain(delta.relations_removed, delta.relations_added)}
        for cid in delta.components:
            component = model.components.get(cid)
            if component is not None:
                nodes[cid] = _node_data(component)
            for declared in (self._node.get(cid, {}).get("obj"), component):
                if declared is not None:
                    keys.update(edge[:3] for edge in _field_edges(cid, declared))
        # The neighbour dicts the patch may change, copied: this graph keeps its own.
        ends = {cid for key in keys for cid in key[:2]} | delta.components
        for cid in delta.components - model.components.keys():
            ends.update(self._succ.get(cid, {}), self._pred.get(cid, {}))
        for cid in ends:
            succ[cid] = dict(succ.get(cid, {}))
            pred[cid] = dict(pred.get(cid, {}))
        added = {edge_key(r): r for r in delta.relations_added}
        removed = {id(r) for r in delta.relations_removed}
        seeds = set(delta.components)
        for key in sorted(keys):
            source, target, edge_type = key
            before = self._succ.get(source, {}).get(target, {}).get(edge_type)
            relation: Relation | None = added.get(key)
            kept = before["relation"] if before is not None else None
            if relation is None and kept is not None and id(kept) not in removed:
                relation = kept  # declared in a file the delta left alone
            origin = _field_origin(model, nodes, key)
            after = None
            if relation is not None or origin is not None:
                after = _edge_data(edge_type, origin or "relation", relation)
            if not _same_edge(before, after):
                _set_edge(succ, pred, key, after)
                seeds.update(key[:2])
        for cid in delta.components - model.components.keys():
            nodes.pop(cid, None)
            for table, other_side in ((succ, pred), (pred, succ)):
                for other in table.pop(cid, {}):  # any edge still at it
                    other_side[other].pop(cid, None)
                    seeds.add(other)
        refs = None
        if self._relation_refs is not None:
            refs = dict(self._relation_refs)
            for gone in delta.relations_removed:
                refs.pop(id(gone), None)
            refs.update(delta.relation_refs)
        new = ModelGraph(model, _assembled(nodes, succ, pred), refs)
        self._patch_indexes(new, delta, seeds)
        return new, frozenset(seeds)

    def _patch_indexes(self, new: ModelGraph, delta: GraphDelta, seeds: set[str]) -> None:
        """Give the new graph this graph's derived indexes, redoing only what the delta
        touched (an index this graph never built is left to be built on use)."""
        known = self.__dict__
        nodes, old_nodes = new._node, self._node
        for name, attribute in _NODE_TABLES.items():
            if name in known:
                table = dict(known[name])
                for cid in delta.components:
                    table.pop(cid, None)
                    if cid in nodes:
                        table[cid] = nodes[cid][attribute]
                new.__dict__[name] = table
        same_ids = all(cid in nodes and cid in old_nodes for cid in delta.components)
        if same_ids and "_sorted_ids" in known:
            new.__dict__["_sorted_ids"] = known["_sorted_ids"]
        if (
            same_ids
            and "_ids_by_kind" in known
            and all(old_nodes[c]["kind"] == nodes[c]["kind"] for c in delta.components)
        ):
            new.__dict__["_ids_by_kind"] = known["_ids_by_kind"]
        if "_typed" in known:
            # The seeds are every component whose node or edges changed.
            outgoing, incoming = (dict(side) for side in self._typed)
            for cid in seeds:
                if cid in nodes:
                    outgoing[cid] = _grouped(new._succ[cid], cid, True)
                    incoming[cid] = _grouped(new._pred[cid], cid, False)
                else:
                    outgoing.pop(cid, None)
                    incoming.pop(cid, None)
            new.__dict__["_typed"] = (outgoing, incoming)
        if "agencies" in known:
            agencies = dict(known["agencies"])
            for cid in delta.components:
                agencies.pop(cid, None)
            for cid in seeds:
                if cid in nodes:
                    agencies[cid] = new._find_agency(cid)
            new.__dict__["agencies"] = agencies

    # --- locations ------------------------------------------------------------------------

    def location(self, component_id: str, *fields: str | int) -> Location:
        """Where a component (or one of its fields) is declared."""
        return self.model.location(component_id, *fields)

    def file_of(self, component_id: str) -> str:
        """The model file declaring a component."""
        return self.model.component_sources[component_id].file

    def relation_source(self, relation: Relation) -> SourceRef | None:
        """Where a declared relation is written (``None`` for one the model did not load)."""
        return self.relation_sources().get(id(relation))

    def relation_sources(self) -> Mapping[int, SourceRef]:
        """Where each declared relation is written, by the relation object's ``id()``
        (built on first use: a linear scan per finding is quadratic at national scale)."""
        if self._relation_refs is None:
            self._relation_refs = {
                id(candidate): ref
                for candidate, ref in zip(
                    self.model.relations, self.model.relation_sources, strict=True
                )
            }
        return self._relation_refs

    def relation_location(self, relation: Relation) -> Location | None:
        """Where a declared relation is written."""
        ref = self.relation_source(relation)
        return None if ref is None else self.model.locator.locate(ref)

    def request(self, place: Place) -> Request:
        """Where a place is written: the declaration and the fields inside it (a value
        that can be sent to another process, unlike a relation object)."""
        if isinstance(place, Relation):
            ref = self.relation_source(place)
            if ref is None:
                raise KeyError(f"relation {place.from_} -> {place.to} has no source")
            return ref, ()
        return self.model.component_sources[place[0]], place[1]

    def locate_requests(self, requests: Sequence[Request]) -> list[Location]:
        """The locations of many places (as :meth:`request` gives them) at once, in order:
        each model file is read for positions once and let go (the positions of one file
        at a time are held, not of every file together)."""
        return self.model.locator.locate_many(requests)

    # --- nodes ----------------------------------------------------------------------------

    def __contains__(self, component_id: object) -> bool:
        return component_id in self._node

    def __len__(self) -> int:
        return len(self._node)

    def get(self, component_id: str) -> BaseComponent:
        """The component object with ``component_id``."""
        return self.objects[component_id]

    def _node_table(self, name: str) -> dict[str, Any]:
        attribute = _NODE_TABLES[name]
        return {cid: data[attribute] for cid, data in self._node.items()}

    @cached_property
    def objects(self) -> dict[str, BaseComponent]:
        """Every component object, by id (the nodes' ``obj``, for loops that ask millions
        of times)."""
        return self._node_table("objects")

    @cached_property
    def states(self) -> dict[str, str]:
        """Every component's status as plain text, by id (the nodes' ``status``)."""
        return self._node_table("states")

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Every component's kind, by id (the nodes' ``kind``)."""
        return self._node_table("kinds")

    @cached_property
    def _sorted_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._node))

    def ids(self) -> list[str]:
        """All component ids, sorted."""
        return list(self._sorted_ids)

    @cached_property
    def _ids_by_kind(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        kinds = self.kinds
        for cid in self._sorted_ids:
            index.setdefault(kinds[cid], []).append(cid)
        return index

    @cached_property
    def _ids_by_kind_and_state(self) -> dict[tuple[str, str], list[str]]:
        index: dict[tuple[str, str], list[str]] = {}
        states = self.states
        for kind, ids in self._ids_by_kind.items():
            for cid in ids:
                index.setdefault((kind, states[cid]), []).append(cid)
        return index

    def ids_of_kinds(self, kinds: Iterable[str]) -> list[str]:
        """Ids of the components of the given kinds, sorted."""
        index = self._ids_by_kind
        return _merged([index.get(kind, []) for kind in set(kinds)])

    def ids_with(self, kinds: Iterable[str] | None, states: Iterable[str]) -> list[str]:
        """Ids of the components of the given kinds (``None``: any) with one of the given
        statuses, sorted."""
        index = self._ids_by_kind_and_state
        wanted = None if kinds is None else set(kinds)
        statuses = set(states)
        return _merged(
            [
                ids
                for (kind, state), ids in index.items()
                if state in statuses and (wanted is None or kind in wanted)
            ]
        )

    def components(self) -> Iterator[BaseComponent]:
        """All components in id order."""
        for cid in self.ids():
            yield self.get(cid)

    def by_kind(self, *kinds: str) -> list[BaseComponent]:
        """Components of the given kinds, in id order."""
        return [self.get(c) for c in self.ids_of_kinds(kinds)]

    def by_layer(self, layer: Layer | str) -> list[BaseComponent]:
        """Components of one framework layer, in id order."""
        nodes = self._node
        return [self.get(c) for c in self._sorted_ids if nodes[c]["layer"] == layer]

    def display_sorted(self, components: Iterable[_C]) -> list[_C]:
        """Components in Vietnamese alphabetical order of their names (for display lists)."""
        return sorted(components, key=lambda c: (vi_sort_key(c.name), c.id))

    # --- edges ----------------------------------------------------------------------------

    # Rules ask for a component's edges millions of times on a national model, often on
    # hubs (the one-stop system delivers 2,000 services; the LGSP integrates hundreds of
    # systems): every component's edges are grouped by type and sorted once, in one pass
    # over the graph's adjacency, as tuples both sides share.

    @cached_property
    def _typed(self) -> tuple[Grouped, Grouped]:
        succ = self._succ
        outgoing: Grouped = {cid: {} for cid in succ}
        incoming: Grouped = {cid: {} for cid in succ}
        with paused_gc():
            for source, neighbours in succ.items():
                out = outgoing[source]
                for target, keyed in neighbours.items():
                    into = incoming[target]
                    for edge_type, data in keyed.items():
                        # _edge, inlined: this runs once per edge of the model.
                        edge = tuple.__new__(
                            Edge,
                            (source, target, edge_type, data["origin"], data["relation"],
                             data["state"]),
                        )  # fmt: skip
                        out.setdefault(edge_type, []).append(edge)
                        into.setdefault(edge_type, []).append(edge)
            for side, other_end in ((outgoing, _TARGET), (incoming, _SOURCE)):
                for cid, grouped in side.items():
                    side[cid] = _ordered(grouped, other_end)
        return outgoing, incoming

    def edge(self, source: str, target: str, edge_type: str) -> Edge | None:
        """The edge of ``edge_type`` from ``source`` to ``target``, if there is one."""
        data = self._succ.get(source, {}).get(target, {}).get(edge_type)
        return None if data is None else _edge(source, target, edge_type, data)

    def edges(self, *types: str) -> list[Edge]:
        """All edges (of the given types), sorted by (source, type, target)."""
        outgoing = self._typed[0]  # each component's groups are sorted by type, then target
        wanted = set(types)
        return [
            edge
            for cid in sorted(outgoing)
            for edge_type, edges in outgoing[cid].items()
            if not wanted or edge_type in wanted
            for edge in edges
        ]

    def edges_unordered(self) -> Iterable[Edge]:
        """All edges, in no particular order (cheaper than :meth:`edges`)."""
        return chain.from_iterable(
            chain.from_iterable(groups.values()) for groups in self._typed[0].values()
        )

    def edge_groups(self, outgoing: bool) -> Mapping[str, dict[str, list[Edge]]]:
        """:meth:`edges_by_type` of every component, by id (for walks that ask for
        hundreds of thousands of components' edges). Shared: do not change it."""
        return self._typed[0 if outgoing else 1]

    def edges_by_type(self, component_id: str, outgoing: bool) -> dict[str, list[Edge]]:
        """A component's outgoing (or incoming) edges by type (in type order), each list
        sorted by (source, target). The lists are shared: do not change them."""
        return self._typed[0 if outgoing else 1][component_id]

    def sorted_edges(
        self, component_id: str, outgoing: bool, types: tuple[str, ...] = ()
    ) -> Sequence[Edge]:
        """A component's outgoing (or incoming) edges of the given types (all if none),
        sorted by (source, type, target). May be a shared list: do not change it."""
        grouped = self.edges_by_type(component_id, outgoing)
        if types:
            lists = [grouped[t] for t in sorted(set(types)) if t in grouped]
        else:
            lists = list(grouped.values())
        if len(lists) == 1:
            return lists[0]
        merged = [edge for edges in lists for edge in edges]
        if not outgoing:  # outgoing edges share their source: type order is sorted order
            merged.sort(key=lambda e: (e.source, e.type, e.target))
        return merged

    def out_edges(self, component_id: str, *types: str) -> list[Edge]:
        """Edges leaving a component (of the given types), sorted."""
        return list(self.sorted_edges(component_id, True, types))

    def in_edges(self, component_id: str, *types: str) -> list[Edge]:
        """Edges arriving at a component (of the given types), sorted."""
        return list(self.sorted_edges(component_id, False, types))

    def targets(self, component_id: str, *types: str) -> list[str]:
        """Ids reached from a component over edges of the given types."""
        return sorted({e.target for e in self.out_edges(component_id, *types)})

    def sources(self, component_id: str, *types: str) -> list[str]:
        """Ids with an edge of the given types into a component."""
        return sorted({e.source for e in self.in_edges(component_id, *types)})

    # --- structure ------------------------------------------------------------------------

    def agency_of(self, component_id: str) -> str | None:
        """The agency a component belongs to: itself, its owner, a LAN's agency, a service's
        provider, or a roadmap item's lead agency."""
        return self.agencies[component_id]

    @cached_property
    def agencies(self) -> dict[str, str | None]:
        """Every component's agency (see :meth:`agency_of`), by id: every finding and every
        rule outcome asks."""
        return {cid: self._find_agency(cid) for cid in self._node}

    def _find_agency(self, component_id: str) -> str | None:
        if self._node[component_id].get("kind") == "agency":
            return component_id
        outgoing = self.edges_by_type(component_id, True)
        for edge_type in ("owned_by", "belongs_to", "provided_by", "led_by"):
            edges = outgoing.get(edge_type)
            if edges:
                return edges[0].target  # sorted by target
        return None

    def components_of_agency(self, agency_id: str) -> list[BaseComponent]:
        """Components that belong to an agency (owned, its LAN, its services) or are in use
        there (``deployed_at``)."""
        ids = {
            e.source
            for e in self.in_edges(
                agency_id, "owned_by", "belongs_to", "provided_by", "led_by", "deployed_at"
            )
        }
        return [self.get(c) for c in sorted(ids)]

    def children(self, agency_id: str) -> list[str]:
        """Agencies directly under an agency (``parent``)."""
        return self.sources(agency_id, "part_of")

    def neighbourhood(self, component_id: str, depth: int = 1) -> set[str]:
        """Ids within ``depth`` hops of a component, following edges both ways."""
        return set(within([self], [component_id], depth))

    def adjacent(self, component_id: str) -> Iterator[str]:
        """Ids one edge away from a component, either way, any type (each once a side)."""
        yield from self._succ[component_id]
        yield from self._pred[component_id]

    def reachable(self, source: str, *types: str) -> set[str]:
        """Ids reachable from ``source`` along edges of the given types (all types if none),
        as :func:`networkx.descendants` finds them (a cycle back does not count)."""
        return set(within([self], [source], None, types or None, backwards=False)) - {source}


def within(
    graphs: Iterable[ModelGraph],
    seeds: Iterable[str],
    radius: int | None,
    types: Iterable[str] | None = None,
    backwards: bool = True,
) -> frozenset[str]:
    """Components within ``radius`` hops (``None``: any number) of ``seeds`` along edges of
    ``types`` (any type when ``None``), forwards and, unless ``backwards`` is false,
    backwards, in any of ``graphs``."""
    wanted = None if types is None else set(types)
    sides = [side for g in graphs for side in ((g._succ, g._pred) if backwards else (g._succ,))]
    reached = set(seeds)
    frontier = set(reached)
    for _hop in count() if radius is None else range(radius):
        ring: set[str] = set()
        for side in sides:
            for cid in frontier:
                neighbours = side.get(cid, {})
                if wanted is None:
                    ring.update(neighbours)
                else:
                    ring.update(
                        o for o, keyed in neighbours.items() if not wanted.isdisjoint(keyed)
                    )
        ring -= reached
        if not ring:
            break
        reached |= ring
        frontier = ring
    return frozenset(reached)


def build_graph(model: Model) -> ModelGraph:
    """Build the graph of a validated model."""
    return ModelGraph(model)


# Each per-node table of the graph and the node attribute it holds.
_NODE_TABLES = {"objects": "obj", "states": "status", "kinds": "kind"}


def _merged(runs: list[list[str]]) -> list[str]:
    """Sorted lists merged into one sorted list (a new list)."""
    if len(runs) == 1:
        return list(runs[0])
    # Timsort finds the sorted runs and merges them in C, far faster than heapq.merge.
    return sorted(chain.from_iterable(runs))
