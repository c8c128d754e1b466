"""The validated model as a typed ``networkx.MultiDiGraph``, with the queries rules and
renderers need.

Nodes are component ids with attributes ``obj`` (the pydantic component), ``kind`` and
``layer``. Edges are keyed by relation type and carry ``type``, ``origin`` (``"relation"``
or the name of the reference field) and, for declared relations, ``relation``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from eakit.diagnostics import Location
from eakit.model import BaseComponent, Layer, Model, Relation, SourceRef, Status, kind_of
from eakit.model.manifest import Architecture
from eakit.model.refs import ref_fields
from eakit.perf import paused_gc
from eakit.text import vi_sort_key

if TYPE_CHECKING:
    import networkx as nx

# A component class: sorting a list of one kind keeps its type (agencies stay agencies).
_C = TypeVar("_C", bound=BaseComponent)


class _EdgeFields(NamedTuple):
    source: str
    target: str
    type: str
    origin: str
    relation: Relation | None = None
    # The status as plain text, what rules compare against a view's live set (millions
    # of times at national scale: computed once).
    state: str = "current"


class Edge(_EdgeFields):
    """One typed edge of the model graph (immutable).

    A tuple rather than a frozen dataclass: a national model has half a million edges, and
    a frozen dataclass takes four times as long to make (a third of a second in all).
    """

    __slots__ = ()

    def __new__(
        cls, source: str, target: str, type: str, origin: str, relation: Relation | None = None
    ) -> Edge:
        state = relation.status.value if relation is not None else "current"
        return tuple.__new__(cls, (source, target, type, origin, relation, state))

    def __getnewargs__(self) -> tuple[str, str, str, str, Relation | None]:  # type: ignore[override]
        return self[:5]  # type: ignore[return-value]

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


def edge_key(relation: Relation) -> tuple[str, str, str]:
    """The key of the edge a relation makes: (source, target, type)."""
    return (relation.from_, relation.to, relation.type)


# edge_key and a relation's state as C functions (``_value_``: the member's value without
# the enum descriptor's Python code).
_EDGE_KEY_OF = attrgetter("from_", "to", "type")
_STATE_OF = attrgetter("status._value_")
_AS_EDGE = partial(tuple.__new__, Edge)


def _field_edges(cid: str, component: BaseComponent) -> Iterator[Edge]:
    """The edges a component's reference fields declare."""
    for ref_field in ref_fields(type(component)):
        value = getattr(component, ref_field.name)
        if value is None:
            continue
        edge_type, name = ref_field.ref.edge, ref_field.name
        for target in value if ref_field.many else [value]:
            source, dest = (target, cid) if ref_field.ref.reverse else (cid, target)
            yield _AS_EDGE((source, dest, edge_type, name, None, "current"))


def _field_origin(
    model: Model, nodes: dict[str, dict[str, Any]], key: tuple[str, str, str]
) -> str | None:
    """The reference field declaring edge ``key``, if one does: of the component loaded
    first when both ends declare it (as a full build decides)."""
    origins: dict[str, str] = {}
    for cid in dict.fromkeys(key[:2]):
        data = nodes.get(cid)
        if data is not None:
            for edge in _field_edges(cid, data["obj"]):
                if (edge.source, edge.target, edge.type) == key:
                    origins[cid] = edge.origin
                    break
    if len(origins) > 1:  # rare: both ends declare the same edge
        return origins[min(origins, key=list(model.components).index)]
    return next(iter(origins.values()), None)


# How each per-node table of the graph reads a node's attributes.
_NODE_TABLES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "objects": lambda data: data["obj"],
    "states": lambda data: data["obj"].status.value,
    "kinds": lambda data: data["kind"],
}


Place = tuple[str, tuple[str | int, ...]] | Relation
"""Something to locate: a component and a field path inside it, or a declared relation."""

Request = tuple[SourceRef, tuple[str | int, ...]]
"""A place as the locator takes it: a declaration and the fields inside it."""


_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")


class ModelGraph:
    """A model graph plus its architecture metadata and a way to locate components."""

    def __init__(self, model: Model) -> None:
        self.architecture: Architecture = model.manifest.architecture
        self.manifest = model.manifest
        self.root = model.root
        self._model = model
        self._relation_refs: dict[int, SourceRef] | None = None
        # Node attributes as networkx keeps them (``obj``, ``kind``, ``layer``), by id.
        self._nodes: dict[str, dict[str, Any]] = {}
        # Edges by (source, target, type): a field and a relation stating the same fact
        # make one edge.
        self._edge_index: dict[tuple[str, str, str], Edge] = {}
        with paused_gc():  # most of the build time at national scale otherwise
            self._build(model)

    def _build(self, model: Model) -> None:
        nodes = self._nodes
        for cid, component in model.components.items():
            nodes[cid] = {"obj": component, "kind": kind_of(component), "layer": component.layer}
        index = self._edge_index
        for cid, component in model.components.items():
            for edge in _field_edges(cid, component):
                index.setdefault(edge[:3], edge)
        # 300,000 relations at national scale: their edges are made by C loops, no Python
        # code per relation but the choice of origin.
        relations = model.relations
        keys = list(map(_EDGE_KEY_OF, relations))
        # A relation restating a reference field keeps the field as origin.
        origins = ["relation" if known is None else known.origin for known in map(index.get, keys)]
        rest = zip(origins, relations, map(_STATE_OF, relations), strict=True)
        index.update(zip(keys, map(_AS_EDGE, map(tuple.__add__, keys, rest)), strict=True))

    def patched(self, model: Model, delta: GraphDelta) -> tuple[ModelGraph, frozenset[str]]:
        """The graph of ``model``, which differs from this graph's model by ``delta``,
        built by changing a copy of this graph where the delta touches it (at national
        scale a rebuild takes a second; an edit touches a few dozen nodes).

        Also returns the components whose node or edges changed: the seeds from which a
        re-check finds what it must look at again. This graph is left as it was.
        """
        new = object.__new__(ModelGraph)
        new.architecture = model.manifest.architecture
        new.manifest = model.manifest
        new.root = model.root
        new._model = model
        new._relation_refs = None
        if self._relation_refs is not None:
            refs = dict(self._relation_refs)
            for gone in delta.relations_removed:
                refs.pop(id(gone), None)
            refs.update(delta.relation_refs)
            new._relation_refs = refs
        nodes = new._nodes = dict(self._nodes)
        old_objects = {cid: self._nodes[cid]["obj"] for cid in delta.components if cid in self}
        for cid in delta.components:
            component = model.components.get(cid)
            if component is None:
                nodes.pop(cid, None)
            else:
                nodes[cid] = {
                    "obj": component,
                    "kind": kind_of(component),
                    "layer": component.layer,
                }
        # Every edge key the delta may touch, from the old and the new side.
        keys: set[tuple[str, str, str]] = set()
        for cid, component in old_objects.items():
            keys.update((e.source, e.target, e.type) for e in _field_edges(cid, component))
        for cid in delta.components:
            component = model.components.get(cid)
            if component is not None:
                keys.update((e.source, e.target, e.type) for e in _field_edges(cid, component))
        keys.update(edge_key(r) for r in delta.relations_removed)
        keys.update(edge_key(r) for r in delta.relations_added)
        index = new._edge_index = dict(self._edge_index)
        added = {edge_key(r): r for r in delta.relations_added}
        removed = {id(r) for r in delta.relations_removed}
        seeds = set(delta.components)
        for key in keys:
            before = index.pop(key, None)
            relation: Relation | None = added.get(key)
            kept = before.relation if before is not None else None
            if relation is None and kept is not None and id(kept) not in removed:
                relation = kept  # declared in a file the delta left alone
            origin = _field_origin(model, nodes, key)
            if relation is not None:
                index[key] = Edge(*key, origin or "relation", relation)
            elif origin is not None:
                index[key] = Edge(*key, origin)
            after = index.get(key)
            if before != after or (
                before is not None and after is not None and before.relation is not after.relation
            ):
                seeds.update(key[:2])
        self._patch_caches(new, delta, keys, seeds)
        return new, frozenset(seeds)

    def _patch_caches(
        self,
        new: ModelGraph,
        delta: GraphDelta,
        keys: set[tuple[str, str, str]],
        seeds: set[str],
    ) -> None:
        """Fill the new graph's derived indexes from this graph's, redoing only what the
        delta touched (an index this graph never built is left to be built on use)."""
        known = self.__dict__
        nodes = new._nodes
        same_ids = all(cid in nodes for cid in delta.components) and all(
            cid in self._nodes for cid in delta.components
        )
        for name, read in _NODE_TABLES.items():
            if name in known:
                table = dict(known[name])
                for cid in delta.components:
                    table.pop(cid, None)
                    if cid in nodes:
                        table[cid] = read(nodes[cid])
                new.__dict__[name] = table
        if same_ids and "_sorted_ids" in known:
            new.__dict__["_sorted_ids"] = known["_sorted_ids"]
        kinds_same = same_ids and all(
            self._nodes[c]["kind"] == nodes[c]["kind"] for c in delta.components
        )
        if kinds_same and "_ids_by_kind" in known:
            new.__dict__["_ids_by_kind"] = known["_ids_by_kind"]
        if "_adjacency" in known:
            new.__dict__["_adjacency"] = self._patched_adjacency(new, delta, keys)
        if "agencies" in known:
            agencies = dict(known["agencies"])
            for cid in delta.components:
                agencies.pop(cid, None)
            for cid in seeds:
                if cid in nodes:
                    agencies[cid] = new._find_agency(cid)
            new.__dict__["agencies"] = agencies

    def _patched_adjacency(
        self, new: ModelGraph, delta: GraphDelta, keys: set[tuple[str, str, str]]
    ) -> tuple[dict[str, dict[str, list[Edge]]], dict[str, dict[str, list[Edge]]]]:
        outgoing, incoming = (dict(side) for side in self._adjacency)
        for cid in delta.components:
            if cid not in new._nodes:
                outgoing.pop(cid, None)
                incoming.pop(cid, None)
            else:
                outgoing.setdefault(cid, {})
                incoming.setdefault(cid, {})
        touched_out = {key[0] for key in keys}
        touched_in = {key[1] for key in keys}
        for table, touched, end in ((outgoing, touched_out, 0), (incoming, touched_in, 1)):
            for cid in touched:
                if cid not in new._nodes:
                    continue
                grouped = {
                    t: [e for e in edges if (e.source, e.target, e.type) not in keys]
                    for t, edges in table.get(cid, {}).items()
                }
                for key in keys:
                    if key[end] == cid and key in new._edge_index:
                        grouped.setdefault(key[2], []).append(new._edge_index[key])
                for edges in grouped.values():
                    edges.sort(
                        key=lambda e: (e.target, e.source) if end == 0 else (e.source, e.target)
                    )
                table[cid] = {t: edges for t, edges in sorted(grouped.items()) if edges}
        return outgoing, incoming

    @property
    def model(self) -> Model:
        """The validated model the graph was built from."""
        return self._model

    @cached_property
    def g(self) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph`` (built on first use: checking does not
        need it). Nodes carry ``obj``, ``kind`` and ``layer``; edges are keyed by type and
        carry ``type``, ``origin`` and ``relation``."""
        import networkx as nx  # imported here: a check never needs it, and it costs 0.1 s

        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        with paused_gc():
            graph.add_nodes_from(self._nodes.items())
            # types-networkx gives MultiDiGraph the Graph signature, without the keyed
            # (u, v, key, data) edges networkx accepts here.
            graph.add_edges_from(
                (  # type: ignore[misc]
                    e.source,
                    e.target,
                    e.type,
                    {"type": e.type, "origin": e.origin, "relation": e.relation},
                )
                for e in self._edge_index.values()
            )
        return graph

    # --- locations ------------------------------------------------------------------------

    def location(self, component_id: str, *fields: str | int) -> Location:
        """Where a component (or one of its fields) is declared."""
        return self._model.location(component_id, *fields)

    def file_of(self, component_id: str) -> str:
        """The model file declaring a component."""
        return self._model.component_sources[component_id].file

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
                    self._model.relations, self._model.relation_sources, strict=True
                )
            }
        return self._relation_refs

    def relation_location(self, relation: Relation) -> Location | None:
        """Where a declared relation is written."""
        ref = self.relation_source(relation)
        return None if ref is None else self._model.locator.locate(ref)

    def locate_many(self, places: list[Place]) -> list[Location]:
        """The locations of many places at once, in order: each model file is read for
        positions once and let go, so locating every finding of a national model needs
        the positions of one file at a time, not of all 1,000 files together.

        A relation must be one :meth:`relation_source` knows.
        """
        return self.locate_requests([self.request(place) for place in places])

    def request(self, place: Place) -> Request:
        """Where a place is written: the declaration and the fields inside it (a value
        that can be sent to another process, unlike a relation object)."""
        if isinstance(place, Relation):
            ref = self.relation_source(place)
            if ref is None:
                raise KeyError(f"relation {place.from_} -> {place.to} has no source")
            return ref, ()
        return self._model.component_sources[place[0]], place[1]

    def locate_requests(self, requests: Sequence[Request]) -> list[Location]:
        """:meth:`locate_many` for places already turned into requests."""
        return self._model.locator.locate_many(requests)

    @property
    def manifest_file(self) -> str:
        return "eakit.yaml"

    # --- nodes ----------------------------------------------------------------------------

    def __contains__(self, component_id: object) -> bool:
        return component_id in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def get(self, component_id: str) -> BaseComponent:
        """The component object with ``component_id``."""
        return self.objects[component_id]

    def _node_table(self, name: str) -> dict[str, Any]:
        read = _NODE_TABLES[name]
        return {cid: read(data) for cid, data in self._nodes.items()}

    @cached_property
    def objects(self) -> dict[str, BaseComponent]:
        """Every component object, by id (for loops that ask millions of times)."""
        return self._node_table("objects")

    @cached_property
    def states(self) -> dict[str, str]:
        """Every component's status as plain text, by id (rules ask millions of times, and
        reading an enum member's value is slow)."""
        return self._node_table("states")

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Every component's kind, by id."""
        return self._node_table("kinds")

    @cached_property
    def _sorted_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self._nodes))

    def ids(self) -> list[str]:
        """All component ids, sorted."""
        return list(self._sorted_ids)

    @cached_property
    def _ids_by_kind(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for cid in self.ids():
            index.setdefault(self._nodes[cid]["kind"], []).append(cid)
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
        """Ids of the components of the given kinds, sorted (indexed once: the graph does
        not change after it is built)."""
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
        wanted = set(kinds)
        return [self.get(c) for c in self.ids() if self._nodes[c]["kind"] in wanted]

    def by_layer(self, layer: Layer | str) -> list[BaseComponent]:
        """Components of one framework layer, in id order."""
        return [self.get(c) for c in self.ids() if self._nodes[c]["layer"] == layer]

    def where(self, kind: str, **attrs: Any) -> list[BaseComponent]:
        """Components of ``kind`` whose attributes equal ``attrs``."""
        return [
            c for c in self.by_kind(kind) if all(getattr(c, k, None) == v for k, v in attrs.items())
        ]

    def display_sorted(self, components: Iterable[_C]) -> list[_C]:
        """Components in Vietnamese alphabetical order of their names (for display lists)."""
        return sorted(components, key=lambda c: (vi_sort_key(c.name), c.id))

    # --- edges ----------------------------------------------------------------------------

    def edge(self, source: str, target: str, edge_type: str) -> Edge | None:
        """The edge of ``edge_type`` from ``source`` to ``target``, if there is one."""
        return self._edge_index.get((source, target, edge_type))

    @cached_property
    def _all_edges(self) -> tuple[Edge, ...]:
        # Sorted once: views ask for all edges again and again (thousands of agency views
        # on a national model), and sorting 500,000 edges takes seconds.
        return tuple(sorted(self._edge_index.values(), key=attrgetter("source", "type", "target")))

    def edges(self, *types: str) -> list[Edge]:
        """All edges (of the given types), sorted."""
        if not types:
            return list(self._all_edges)
        wanted = set(types)
        return [edge for edge in self._all_edges if edge.type in wanted]

    # Rules ask for a component's edges millions of times on a national model, often on
    # hubs (the one-stop system delivers 2,000 services; the LGSP integrates hundreds of
    # systems). Every component's edges are grouped by type and sorted once, in one pass;
    # the graph is not changed after it is built.

    @cached_property
    def _adjacency(
        self,
    ) -> tuple[dict[str, dict[str, list[Edge]]], dict[str, dict[str, list[Edge]]]]:
        outgoing: dict[str, dict[str, list[Edge]]] = {cid: {} for cid in self._nodes}
        incoming: dict[str, dict[str, list[Edge]]] = {cid: {} for cid in self._nodes}
        with paused_gc():
            # Grouped in one pass, then each small group sorted: twice as fast as sorting
            # half a million edges by (source, type, target) and again by target.
            for edge in self._edge_index.values():
                outgoing.setdefault(edge.source, {}).setdefault(edge.type, []).append(edge)
                incoming.setdefault(edge.target, {}).setdefault(edge.type, []).append(edge)
            for side, other_end in ((outgoing, _TARGET), (incoming, _SOURCE)):
                for cid, grouped in side.items():
                    for edges in grouped.values():
                        if len(edges) > 1:
                            edges.sort(key=other_end)  # distinct: edges are keyed by both ends
                    if len(grouped) > 1:
                        side[cid] = dict(sorted(grouped.items()))
        return outgoing, incoming

    def edges_unordered(self) -> Iterable[Edge]:
        """All edges, in no particular order (cheaper than :meth:`edges`)."""
        return self._edge_index.values()

    def edge_groups(self, outgoing: bool) -> Mapping[str, dict[str, list[Edge]]]:
        """:meth:`edges_by_type` of every component, by id (for walks that ask for
        hundreds of thousands of components' edges). Shared: do not change it."""
        return self._adjacency[0 if outgoing else 1]

    def edges_by_type(self, component_id: str, outgoing: bool) -> dict[str, list[Edge]]:
        """A component's outgoing (or incoming) edges by type, each list sorted by (source,
        target). The lists are shared: do not change them."""
        return self._adjacency[0 if outgoing else 1][component_id]

    def sorted_edges(
        self, component_id: str, outgoing: bool, types: tuple[str, ...] = ()
    ) -> Sequence[Edge]:
        """A component's outgoing (or incoming) edges of the given types (all if none),
        sorted by (source, type, target). May be a shared list: do not change it."""
        grouped = self.edges_by_type(component_id, outgoing)
        if types:
            lists = [grouped[t] for t in sorted(set(types)) if t in grouped]
        else:
            lists = [grouped[t] for t in sorted(grouped)]
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
        rule outcome asks, and the graph does not change."""
        return {cid: self._find_agency(cid) for cid in self._nodes}

    def _find_agency(self, component_id: str) -> str | None:
        if self._nodes[component_id]["kind"] == "agency":
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
        seen = {component_id}
        frontier = [component_id]
        for _hop in range(depth):
            found = []
            for cid in frontier:
                for other in self.adjacent(cid):
                    if other not in seen:
                        seen.add(other)
                        found.append(other)
            frontier = found
        return seen

    def adjacent(self, component_id: str) -> Iterator[str]:
        """Ids one edge away from a component, either way, any type (repeats possible)."""
        for edges in self.edges_by_type(component_id, True).values():
            for edge in edges:
                yield edge.target
        for edges in self.edges_by_type(component_id, False).values():
            for edge in edges:
                yield edge.source

    def has_path(self, source: str, target: str, *types: str) -> bool:
        """Whether ``target`` is reachable from ``source`` along edges of the given types."""
        return target in self.reachable(source, *types)

    def reachable(self, source: str, *types: str) -> set[str]:
        """Ids reachable from ``source`` along edges of the given types (all types if none)."""
        seen: set[str] = set()
        stack = [source]
        while stack:
            grouped = self.edges_by_type(stack.pop(), True)
            for edge_type in types or tuple(grouped):
                for edge in grouped.get(edge_type, ()):
                    if edge.target not in seen:
                        seen.add(edge.target)
                        stack.append(edge.target)
        seen.discard(source)  # as networkx's descendants: a cycle back does not count
        return seen

    def paths(self, source: str, target: str, *types: str, cutoff: int = 6) -> list[list[str]]:
        """Simple paths from ``source`` to ``target`` (edges of the given types), shortest first."""
        import networkx as nx

        wanted = set(types)
        view = (
            nx.subgraph_view(self.g, filter_edge=lambda s, t, k: k in wanted) if wanted else self.g
        )
        found = {tuple(p) for p in nx.all_simple_paths(view, source, target, cutoff=cutoff)}
        return [list(p) for p in sorted(found, key=lambda p: (len(p), p))]


def build_graph(model: Model) -> ModelGraph:
    """Build the typed graph of a validated model."""
    return ModelGraph(model)


def _merged(runs: list[list[str]]) -> list[str]:
    """Sorted lists merged into one sorted list (a new list)."""
    if len(runs) == 1:
        return list(runs[0])
    # Timsort finds the sorted runs and merges them in C, far faster than heapq.merge.
    return sorted(chain.from_iterable(runs))
