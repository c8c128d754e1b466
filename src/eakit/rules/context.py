"""What a check sees: the graph, the date, which statuses are live, and small queries that
respect them.

The engine runs every rule in two views. The *now* view sees current components and
relations only (the state at the as-of date); the *horizon* view also sees planned ones
(the state the architecture aims at). A third, *record* view (everything, retired
included) serves rules that explicitly select retired components.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from eakit.graph import Edge, ModelGraph
from eakit.model import BaseComponent, Relation
from eakit.rules.legal import LegalDocument
from eakit.rules.selectors import (
    Condition,
    Predicate,
    Selector,
    compile_condition,
    compile_selector,
)

NOW = frozenset({"current"})
HORIZON = frozenset({"current", "planned"})
RECORD = frozenset({"current", "planned", "retired"})
RETIRED = frozenset({"retired"})  # the statuses of the record view's subjects


NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


class Hit(NamedTuple):
    """One problem a check found on a component (immutable).

    ``field`` points the finding at the offending field, ``relation`` at a declared
    relation, ``manifest_field`` at a field of ``eakit.yaml``; ``params`` fill the
    rule's message template; ``detail`` is appended to it. A named tuple: a national
    check makes 150,000.
    """

    component: str | None
    field: tuple[str | int, ...] = ()
    relation: Relation | None = None
    params: Mapping[str, Any] = NO_PARAMS
    detail: str = ""
    manifest_field: tuple[str | int, ...] = ()  # points at eakit.yaml instead


@dataclass
class CheckContext:
    """The view a check runs in, with its parameters."""

    graph: ModelGraph
    as_of: dt.date
    live: frozenset[str]
    subjects: list[str]
    params: Any  # the check's parameters (a pydantic model of its type)
    selector: Selector
    documents: Mapping[str, LegalDocument] = dataclasses.field(default_factory=dict)
    # Selections shared by the rules of one run (many rules apply to the same components),
    # each with its selector (a re-check after an edit updates them).
    selections: dict[tuple[str, frozenset[str]], tuple[Selector, list[str]]] = dataclasses.field(
        default_factory=dict, repr=False
    )
    # The components of some kinds that meet one ``where`` condition, by (kinds,
    # condition): a condition reads fields only, so every view and selector shares it.
    conditions: dict[tuple[frozenset[str] | None, str], list[str]] = dataclasses.field(
        default_factory=dict, repr=False
    )
    # Compiled selectors by identity (the selector is kept so its id is not reused).
    _compiled: dict[int, tuple[Selector, Predicate]] = dataclasses.field(
        default_factory=dict, repr=False
    )

    @property
    def horizon(self) -> int:
        return self.graph.architecture.horizon

    def get(self, component_id: str) -> BaseComponent:
        return self.graph.objects[component_id]

    def _predicate(self, selector: Selector) -> Predicate:
        """The selector compiled for this view (once per selector)."""
        entry = self._compiled.get(id(selector))
        if entry is None:
            entry = (selector, compile_selector(selector, self.live))
            self._compiled[id(selector)] = entry
        return entry[1]

    def matcher(self, selector: Selector) -> Callable[[str], bool]:
        """The selector as a test on component ids (status defaults to the live set)."""
        predicate = self._predicate(selector)
        objects, kinds, states = self.graph.objects, self.graph.kinds, self.graph.states

        def test(component_id: str) -> bool:
            return predicate(objects[component_id], kinds[component_id], states[component_id])

        return test

    def select(self, selector: Selector) -> list[str]:
        """Ids of the components matching a selector, sorted."""
        key = (repr(selector), self.live)
        entry = self.selections.get(key)
        if entry is None:
            entry = self.selections[key] = (selector, self._select(selector))
        return list(entry[1])

    def _select(self, selector: Selector) -> list[str]:
        kinds = selector.all_kinds()
        statuses = selector.status if selector.status is not None else self.live
        if not selector.where and not selector.any and not selector.ids:
            return self.graph.ids_with(kinds, statuses)  # kind and status only: indexed
        states = self.graph.states
        if selector.any or selector.ids:
            candidates = self.ids if kinds is None else self.graph.ids_of_kinds(kinds)
            predicate = self._predicate(selector)
            objects, kind_of = self.graph.objects, self.graph.kinds
            return [c for c in candidates if predicate(objects[c], kind_of[c], states[c])]
        # Each condition is tested once per kind set, whatever the view and the other
        # conditions: a national model's rules share a few conditions on 60,000 services.
        meeting = sorted((self._meeting(kinds, c) for c in selector.where), key=len)
        if len(meeting) == 1:
            return [c for c in meeting[0] if states[c] in statuses]
        others = [set(found) for found in meeting[1:]]
        return [c for c in meeting[0] if states[c] in statuses and all(c in o for o in others)]

    def _meeting(self, kinds: frozenset[str] | None, condition: Condition) -> list[str]:
        """The components of ``kinds`` (``None``: any) that meet ``condition``."""
        key = (kinds, repr(condition))
        found = self.conditions.get(key)
        if found is None:
            candidates = self.ids if kinds is None else self.graph.ids_of_kinds(kinds)
            test, objects = compile_condition(condition), self.graph.objects
            found = self.conditions[key] = [c for c in candidates if test(objects[c])]
        return found

    @cached_property
    def ids(self) -> list[str]:
        """All component ids, sorted (computed once per context)."""
        return self.graph.ids()

    def neighbours(
        self, component_id: str, types: Iterable[str], direction: str = "out"
    ) -> list[tuple[str, Edge]]:
        """Live neighbours over live edges of the given types: (id, edge) pairs."""
        wanted = tuple(types)
        live, states = self.live, self.graph.states
        found = []
        if direction in ("out", "any"):
            for e in self.graph.sorted_edges(component_id, True, wanted):
                if e.state in live and states[e.target] in live:
                    found.append((e.target, e))
        if direction in ("in", "any"):
            for e in self.graph.sorted_edges(component_id, False, wanted):
                if e.state in live and states[e.source] in live:
                    found.append((e.source, e))
        return found

    def _sides(
        self, direction: str, backwards: bool = False
    ) -> list[tuple[Mapping[str, dict[str, list[Edge]]], Literal[0, 1]]]:
        """The edge groups a step in ``direction`` reads, each with the index of the end
        of its edges that is the next component (``backwards``: the previous one)."""
        # The index as a literal: ``edge[end]`` is then typed as a component id.
        sides: list[tuple[Mapping[str, dict[str, list[Edge]]], Literal[0, 1]]] = []
        if direction in ("out", "any"):  # edges out: their targets
            sides.append((self.graph.edge_groups(not backwards), 0 if backwards else 1))
        if direction in ("in", "any"):  # edges in: their sources
            sides.append((self.graph.edge_groups(backwards), 1 if backwards else 0))
        return sides

    def neighbour_counter(
        self, types: Iterable[str], direction: str, wanted: Callable[[str], bool]
    ) -> Callable[[str, int], int]:
        """A function counting a component's distinct live neighbours over live edges of
        ``types`` (any type when empty) that are ``wanted``, up to ``enough`` (it stops
        there): the count of :meth:`neighbours` that relation rules make for every subject."""
        names = tuple(dict.fromkeys(types))
        live, states = self.live, self.graph.states
        sides = self._sides(direction)

        def count(component_id: str, enough: int) -> int:
            found: set[str] = set()
            for groups, end in sides:
                grouped = groups[component_id]
                for name in names or grouped:
                    for edge in grouped.get(name, ()):
                        other = edge[end]
                        if (
                            other not in found
                            and edge.state in live
                            and states[other] in live
                            and wanted(other)
                        ):
                            found.add(other)
                            if len(found) >= enough:
                                return len(found)
            return len(found)

        return count

    def reach(
        self,
        start: str,
        types: Iterable[str],
        direction: str = "out",
        via: Selector | None = None,
        max_hops: int | None = None,
    ) -> dict[str, int]:
        """Live components reachable from ``start`` (hop counts); intermediate nodes must
        match ``via`` when given."""
        return dict(self._walk(start, tuple(types), direction, via, max_hops))

    def reaches(
        self,
        start: str,
        goals: set[str] | frozenset[str],
        types: Iterable[str],
        direction: str = "out",
        via: Selector | None = None,
        max_hops: int | None = None,
    ) -> bool:
        """Whether :meth:`reach` from ``start`` finds a goal other than ``start``; the walk
        stops at the first one (a re-check asks this for a handful of subjects, where one
        walk backwards from every goal would cost more)."""
        if not goals:
            return False
        walk = self._walk(start, tuple(types), direction, via, max_hops)
        return any(node in goals for node, _hops in walk)

    def _walk(
        self,
        start: str,
        types: tuple[str, ...],
        direction: str,
        via: Selector | None,
        max_hops: int | None,
    ) -> Iterator[tuple[str, int]]:
        """Breadth-first from ``start`` over live edges of ``types`` (all when empty) to
        live neighbours: each component reached, once, with its hop count. A component
        that does not match ``via`` is reached but not walked through. Edges are taken
        in index order, unsorted: hop counts do not depend on it."""
        passes = self.matcher(via) if via is not None else None
        live, states = self.live, self.graph.states
        sides = self._sides(direction)
        seen = {start}
        frontier = [start]
        hops = 0
        while frontier and (max_hops is None or hops < max_hops):
            hops += 1
            ring = []
            for node in frontier:
                if node != start and passes is not None and not passes(node):
                    continue  # reached, but the path may not go on through it
                for groups, end in sides:
                    grouped = groups[node]
                    for edge_type in types or tuple(grouped):
                        for edge in grouped.get(edge_type, ()):
                            other = edge[end]
                            if other in seen or edge.state not in live or states[other] not in live:
                                continue
                            seen.add(other)
                            ring.append(other)
                            yield other, hops
            frontier = ring

    def _predecessors(
        self, types: tuple[str, ...], direction: str
    ) -> Callable[[str], Iterator[str]]:
        """A function giving the components that have a given component among their
        neighbours (any status: a subject need not be live), over live edges; repeats
        are possible. Made once per walk: it runs for every node of it."""
        live = self.live
        sides = self._sides(direction, backwards=True)

        def predecessors(component_id: str) -> Iterator[str]:
            for groups, end in sides:
                grouped = groups[component_id]
                for edge_type in types or grouped:
                    for edge in grouped.get(edge_type, ()):
                        if edge.state in live:
                            yield edge[end]

        return predecessors

    def hops_to(
        self,
        goals: Iterable[str],
        types: Iterable[str],
        direction: str = "out",
        via: Selector | None = None,
        max_hops: int | None = None,
    ) -> dict[str, int]:
        """For every component that reaches a goal as :meth:`reach` walks (one start, live
        neighbours, intermediates matching ``via``), the fewest hops to one (only those
        within ``max_hops`` when given).

        One breadth-first search backwards from all goals at once, so checking a path for
        every subject costs one walk over the graph instead of one walk per subject. The
        answer for a start that is itself a goal may count a path back to itself; callers
        ask :meth:`reach` for those. Breadth-first levels make the hop counts independent
        of the order nodes are visited in.
        """
        types = tuple(types)
        passes = self.matcher(via) if via is not None else None
        states, live = self.graph.states, self.live
        hops: dict[str, int] = {}
        queue: deque[str] = deque()
        predecessors = self._predecessors(types, direction)
        for goal in set(goals):
            for node in predecessors(goal):
                if node not in hops:
                    hops[node] = 1
                    queue.append(node)
        while queue:
            node = queue.popleft()
            distance = hops[node]
            if max_hops is not None and distance >= max_hops:
                continue
            # A node passes a path on only as a live intermediate matching ``via``.
            if states[node] not in live or (passes is not None and not passes(node)):
                continue
            for previous in predecessors(node):
                if previous not in hops:
                    hops[previous] = distance + 1
                    queue.append(previous)
        return hops


def model_subject(graph: ModelGraph) -> str | None:
    """The component that stands for the whole model in model-wide findings: the
    province's People's Committee when the manifest names one."""
    province = graph.architecture.province
    return province if province is not None and province in graph else None
