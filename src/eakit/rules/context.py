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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eakit.graph import Edge, ModelGraph
from eakit.model import BaseComponent, Relation
from eakit.rules.legal import LegalDocument
from eakit.rules.selectors import Selector, matches

NOW = frozenset({"current"})
HORIZON = frozenset({"current", "planned"})
RECORD = frozenset({"current", "planned", "retired"})


@dataclass(frozen=True)
class Hit:
    """One problem a check found on a component.

    ``field`` points the finding at the offending field, ``relation`` at a declared
    relation, ``manifest_field`` at a field of ``eakit.yaml``; ``params`` fill the
    rule's message template; ``detail`` is appended to it.
    """

    component: str | None
    field: tuple[str | int, ...] = ()
    relation: Relation | None = None
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    detail: str = ""
    manifest_field: tuple[str | int, ...] = ()  # points at eakit.yaml instead


@dataclass
class CheckContext:
    """The view a check runs in, with its parameters."""

    graph: ModelGraph
    as_of: dt.date
    live: frozenset[str]
    subjects: list[str]
    params: Mapping[str, Any]
    selector: Selector
    documents: Mapping[str, LegalDocument] = dataclasses.field(default_factory=dict)
    _ids: list[str] | None = dataclasses.field(default=None, repr=False)

    @property
    def horizon(self) -> int:
        return self.graph.architecture.horizon

    def kind(self, component_id: str) -> str:
        return str(self.graph.g.nodes[component_id]["kind"])

    def get(self, component_id: str) -> BaseComponent:
        return self.graph.get(component_id)

    def status(self, component_id: str) -> str:
        return str(self.graph.get(component_id).status.value)

    def is_live(self, component_id: str) -> bool:
        """Whether a component exists in this view."""
        return self.status(component_id) in self.live

    def edge_live(self, edge: Edge) -> bool:
        """Whether an edge exists in this view (a declared relation has its own status)."""
        return edge.status.value in self.live

    def match(self, selector: Selector, component_id: str) -> bool:
        """Whether a component matches a selector (status defaults to the live set)."""
        return matches(selector, self.get(component_id), self.kind(component_id), self.live)

    def select(self, selector: Selector) -> list[str]:
        """Ids of the components matching a selector, sorted."""
        kinds = selector.all_kinds()
        candidates = self.ids if kinds is None else self.graph.ids_of_kinds(kinds)
        return [cid for cid in candidates if self.match(selector, cid)]

    @property
    def ids(self) -> list[str]:
        """All component ids, sorted (computed once per context)."""
        if self._ids is None:
            self._ids = self.graph.ids()
        return self._ids

    def neighbours(
        self, component_id: str, types: Iterable[str], direction: str = "out"
    ) -> list[tuple[str, Edge]]:
        """Live neighbours over live edges of the given types: (id, edge) pairs."""
        wanted = tuple(types)
        found = []
        if direction in ("out", "any"):
            found += [(e.target, e) for e in self.graph.out_edges(component_id, *wanted)]
        if direction in ("in", "any"):
            found += [(e.source, e) for e in self.graph.in_edges(component_id, *wanted)]
        return [(n, e) for n, e in found if self.edge_live(e) and self.is_live(n)]

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
        types = tuple(types)
        seen = {start: 0}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            hops = seen[node]
            if max_hops is not None and hops >= max_hops:
                continue
            if node != start and via is not None and not self.match(via, node):
                continue  # reached, but the path may not go on through it
            for neighbour, _edge in self.neighbours(node, types, direction):
                if neighbour not in seen:
                    seen[neighbour] = hops + 1
                    queue.append(neighbour)
        del seen[start]
        return seen

    def _predecessors(self, component_id: str, types: tuple[str, ...], direction: str) -> set[str]:
        """Components that have ``component_id`` among their neighbours (any status: a
        subject need not be live), over live edges."""
        found: set[str] = set()
        if direction in ("out", "any"):
            found.update(
                e.source for e in self.graph.in_edges(component_id, *types) if self.edge_live(e)
            )
        if direction in ("in", "any"):
            found.update(
                e.target for e in self.graph.out_edges(component_id, *types) if self.edge_live(e)
            )
        return found

    def hops_to(
        self,
        goals: Iterable[str],
        types: Iterable[str],
        direction: str = "out",
        via: Selector | None = None,
    ) -> dict[str, int]:
        """For every component that reaches a goal as :meth:`reach` walks (one start, live
        neighbours, intermediates matching ``via``), the fewest hops to one.

        One breadth-first search backwards from all goals at once, so checking a path for
        every subject costs one walk over the graph instead of one walk per subject. The
        answer for a start that is itself a goal may count a path back to itself; callers
        ask :meth:`reach` for those.
        """
        types = tuple(types)
        goal_set = set(goals)
        hops: dict[str, int] = {}
        queue: deque[str] = deque()
        for goal in sorted(goal_set):
            for node in sorted(self._predecessors(goal, types, direction)):
                if node not in hops:
                    hops[node] = 1
                    queue.append(node)
        while queue:
            node = queue.popleft()
            # A node passes a path on only as a live intermediate matching ``via``.
            if not self.is_live(node) or (via is not None and not self.match(via, node)):
                continue
            for previous in sorted(self._predecessors(node, types, direction)):
                if previous not in hops:
                    hops[previous] = hops[node] + 1
                    queue.append(previous)
        return hops


def model_subject(graph: ModelGraph) -> str | None:
    """The component that stands for the whole model in model-wide findings: the
    province's People's Committee when the manifest names one."""
    province = graph.architecture.province
    return province if province is not None and province in graph else None
