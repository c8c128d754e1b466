"""A view's scene: the nodes, groups and edges to draw, before any DOT is written.

Building the scene decides *what* a diagram says (aggregation, badges, which links are
point-to-point, group order); :mod:`eakit.render.diagrams.dot` decides how it looks.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from eakit import metamodel
from eakit.diagnostics import Severity
from eakit.findings import CheckResult, Finding
from eakit.graph import Edge, ModelGraph
from eakit.messages import date_words
from eakit.model import (
    KIND_CLASSES,
    LAYER_INFO,
    BaseComponent,
    Layer,
    Scope,
    Status,
    relation_types,
)
from eakit.model.views import STRUCTURAL_RELATIONS
from eakit.render.diagrams import labels
from eakit.render.diagrams.views import (
    ResolvedView,
    attribute,
    display_name,
    select,
    view_members,
)
from eakit.text import vi_sort_key

LinkFn = Callable[[str], str | None]

_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_CLASSES)}
_SCOPE_ORDER = {"provincial": 0, "hub": 1, "national": 2, "external": 3}
_STATUS_ORDER = {Status.RETIRED: 0, Status.CURRENT: 1, Status.PLANNED: 2}
# Types that move data between systems: a provincial system doing this straight with a
# national one bypasses the LGSP/NDXP route the framework requires.
_DATA_RELATIONS = frozenset(
    {"integrates_with", "exchanges_with", "reads_from", "writes_to", "transfers_data_to"}
)
_MAX_TOOLTIP_MEMBERS = 25
#: More boxes than this and a diagram is unreadable (and ``dot`` slow): what the view's
#: own aggregation leaves is then folded by kind, scope and status as well.
MAX_NODES = 90
_MAX_TOOLTIP_FINDINGS = 6


@dataclass
class SceneNode:
    """One box: a component, or an aggregate of several similar ones."""

    id: str
    kind: str
    layer: Layer
    title: str
    subtitle: str
    status: Status
    scope: Scope
    members: tuple[str, ...]
    aggregate: bool = False
    notes: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    url: str | None = None
    tooltip: str = ""
    focus: bool = False
    hub: bool = False
    spof: bool = False  # a single point of failure (the resilience diagram)
    number: int | None = None  # reference number when it is the source of references
    cited: list[str] = field(default_factory=list)  # "relation [1], [3]" lines


@dataclass(frozen=True)
class SceneEdge:
    """One drawn edge; ``count`` model edges when its ends are aggregates."""

    source: str
    target: str
    type: str
    status: Status
    p2p: bool
    count: int = 1
    label: str | None = None
    bridge: bool = False  # a link whose loss splits its network (the resilience diagram)


@dataclass
class SceneGroup:
    """A cluster of nodes: a layer, a scope, a status, the hub or a side pillar."""

    key: str
    title: str
    layer: Layer | None
    nodes: list[str]
    pillar: bool = False
    hub: bool = False


@dataclass
class Scene:
    """Everything a diagram shows, in drawing order."""

    name: str
    title: str
    subtitle: str
    lang: str
    direction: str
    layout: str
    row_size: int | None
    groups: list[SceneGroup]
    nodes: dict[str, SceneNode]
    edges: list[SceneEdge]
    edge_labels: bool = False

    @property
    def kinds(self) -> list[str]:
        """Kinds present, in framework order (for the legend)."""
        return sorted({n.kind for n in self.nodes.values()}, key=_KIND_ORDER.__getitem__)


# --- helpers --------------------------------------------------------------------------------


def is_point_to_point(graph: ModelGraph, edge: Edge) -> bool:
    """A direct link that bypasses the integration platforms.

    ``exchanges_with`` is direct by definition; a data relation from a provincial
    system (not a platform) straight to a national component skips the LGSP → NDXP route.
    """
    if edge.type == "exchanges_with":
        return True
    if edge.type not in _DATA_RELATIONS:
        return False
    source, target = graph.get(edge.source), graph.get(edge.target)
    return (
        source.scope is not Scope.NATIONAL
        and graph.kinds[edge.source] != "integration_platform"
        and target.scope is Scope.NATIONAL
    )


def _edge_status(graph: ModelGraph, edge: Edge) -> Status:
    ends = (graph.get(edge.source).status, graph.get(edge.target).status)
    if edge.status is Status.RETIRED or Status.RETIRED in ends:
        return Status.RETIRED
    if edge.status is Status.PLANNED or Status.PLANNED in ends:
        return Status.PLANNED
    return Status.CURRENT


def _merge_status(statuses: list[Status]) -> Status:
    for status in (Status.CURRENT, Status.PLANNED):
        if status in statuses:
            return status
    return Status.RETIRED


def _subtitle(kind: str, scope: Scope, lang: str) -> str:
    text = labels.kind_label(kind, lang)
    note = labels.SCOPE_NOTES.get(scope.value)
    return f"{text} · {labels.pick(note, lang)}" if note else text


def _status_note(component: BaseComponent, lang: str) -> str | None:
    if component.status is Status.PLANNED:
        year = f" {component.target}" if component.target else ""
        return f"{labels.text('planned', lang)}{year}"
    if component.status is Status.RETIRED:
        year = f" {component.retired_in}" if component.retired_in else ""
        return f"{labels.text('retired', lang)}{year}"
    return None


def _facts(component: BaseComponent, lang: str) -> list[str]:
    """Short facts worth a line on the node (a network's size)."""
    facts = []
    points = getattr(component, "connection_points", None)
    if points:
        facts.append(f"{points} {labels.text('points', lang)}")
    return facts


def _finding_lines(findings: list[Finding]) -> list[str]:
    # The most serious few (an aggregate of a national model has thousands).
    first = heapq.nsmallest(
        _MAX_TOOLTIP_FINDINGS, findings, key=lambda f: (-f.severity.rank, f.rule_id)
    )
    lines = [f"⚠ {f.rule_id}: {f.message}" for f in first]
    if len(findings) > _MAX_TOOLTIP_FINDINGS:
        lines.append(f"… +{len(findings) - _MAX_TOOLTIP_FINDINGS}")
    return lines


def _count(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity is severity)


# --- building -------------------------------------------------------------------------------


class SceneContext:
    """What the scenes of one drawing run share: a national model has 150,000 findings
    and 100,000 names, so they are indexed once for all views, not once per view."""

    def __init__(self, graph: ModelGraph, result: CheckResult | None, lang: str) -> None:
        self.graph = graph
        self.result = result
        self.lang = lang
        findings: dict[str, list[Finding]] = defaultdict(list)
        if result is not None:
            for finding in result.active():
                if finding.component is not None:
                    findings[finding.component].append(finding)
        self.findings: Mapping[str, list[Finding]] = dict(findings)
        self._name_keys: dict[str, tuple[tuple[int, ...], tuple[int, ...], str]] = {}

    def name_key(self, cid: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
        """The Vietnamese sort key of a component's display name (each computed once)."""
        key = self._name_keys.get(cid)
        if key is None:
            key = vi_sort_key(display_name(self.graph.get(cid), self.lang))
            self._name_keys[cid] = key
        return key


class _Builder:
    def __init__(
        self,
        graph: ModelGraph,
        view: ResolvedView,
        context: SceneContext,
        link: LinkFn | None,
    ) -> None:
        self.graph = graph
        self.view = view
        self.spec = view.spec
        self.lang = context.lang
        self.link = link
        self.context = context
        self.findings = context.findings
        self.nodes: dict[str, SceneNode] = {}
        self.node_of: dict[str, str] = {}  # component id -> scene node id

    def build(self) -> Scene:
        members = view_members(self.graph, self.view)
        hub = select(self.graph, members, self.spec.hub)
        pinned = hub | {c for c in (self.view.focus, self.view.agency) if c is not None}
        loose = self._aggregate(members - pinned)
        if len(loose) + len(self.nodes) + len(members & pinned) > MAX_NODES:
            loose = self._fold_rest(loose)
        for cid in sorted(loose | (members & pinned)):
            self._add_component(cid, hub=cid in hub)
        groups = self._groups()
        edges = self._edges(members)
        if self.spec.references:
            edges = self._as_references(groups, edges)
        return Scene(
            name=self.view.name,
            title=self.view.title(self.graph, self.lang),
            subtitle=self._subtitle(),
            lang=self.lang,
            direction=self.spec.direction,
            layout=self.spec.layout,
            row_size=self.spec.row_size,
            groups=groups,
            nodes=self.nodes,
            edges=edges,
            edge_labels=self.spec.edge_labels,
        )

    def _as_references(self, groups: list[SceneGroup], edges: list[SceneEdge]) -> list[SceneEdge]:
        """Replace edges of the ``references`` types by numbers, in reading order."""
        cited = set(self.spec.references)
        kept = [e for e in edges if e.type not in cited]
        numbered = [e for e in edges if e.type in cited]
        order = [node_id for group in groups for node_id in group.nodes]
        sources = {e.source for e in numbered}
        for number, node_id in enumerate((n for n in order if n in sources), start=1):
            self.nodes[node_id].number = number
        by_target: dict[tuple[str, str], list[int]] = defaultdict(list)
        for edge in numbered:
            source_number = self.nodes[edge.source].number
            assert source_number is not None
            by_target[(edge.target, edge.type)].append(source_number)
        for (target, type_), numbers in sorted(by_target.items()):
            relation = relation_types()[type_]
            verb = relation.reverse_en if self.lang == "en" else relation.reverse
            refs = ", ".join(f"[{n}]" for n in sorted(set(numbers)))
            self.nodes[target].cited.append(f"{verb} {refs}")
        return kept

    def _subtitle(self) -> str:
        arch = self.graph.architecture
        name = arch.name_en if self.lang == "en" and arch.name_en else arch.name
        date = date_words(arch.as_of).lang(self.lang)
        when = labels.text("as_of", self.lang, date=date, horizon=arch.horizon)
        depth = (
            f"; {labels.text('focus.depth', self.lang, depth=self.view.depth)}"
            if self.view.focus
            else ""
        )
        return f"{name} ({when}{depth})"

    # nodes

    def _add_component(self, cid: str, hub: bool) -> None:
        component = self.graph.get(cid)
        kind = self.graph.kinds[cid]
        title = display_name(component, self.lang)
        subtitle = _subtitle(kind, component.scope, self.lang)
        findings = self.findings.get(cid, [])
        notes = _facts(component, self.lang)
        status_note = _status_note(component, self.lang)
        if status_note:
            notes.append(status_note)
        tooltip = [f"{title} — {subtitle} [{cid}]", *notes, *_finding_lines(findings)]
        self.nodes[cid] = SceneNode(
            id=cid,
            kind=kind,
            layer=component.layer,
            title=title,
            subtitle=subtitle,
            status=component.status,
            scope=component.scope,
            members=(cid,),
            notes=notes,
            errors=_count(findings, Severity.ERROR),
            warnings=_count(findings, Severity.WARNING),
            url=self.link(cid) if self.link is not None else None,
            tooltip="\n".join(tooltip),
            focus=cid == self.view.focus,
            hub=hub,
        )
        self.node_of[cid] = cid

    def _aggregate(self, candidates: set[str]) -> set[str]:
        """Fold groups of similar components into aggregate nodes; return the rest."""
        left = set(candidates)
        kinds = self.graph.kinds
        by_kind: dict[str, list[str]] = defaultdict(list)
        for cid in sorted(left):
            by_kind[kinds[cid]].append(cid)
        for rule in self.spec.aggregate:
            groups: dict[tuple[str, Status], list[str]] = defaultdict(list)
            for cid in by_kind.get(rule.kind, ()):
                if cid not in left:  # taken by an earlier rule for the same kind
                    continue
                component = self.graph.get(cid)
                value = attribute(component, rule.by) if rule.by else None
                groups[("" if value is None else str(value), component.status)].append(cid)
            for (value, status), ids in sorted(groups.items(), key=lambda i: (i[0][0], i[0][1])):
                if len(ids) < rule.min:
                    continue
                self._add_aggregate(rule.kind, rule.by if value else None, value, status, ids)
                left -= set(ids)
        return left

    def _fold_rest(self, loose: set[str]) -> set[str]:
        """Fold what the view's rules left into one node per kind, scope and status.

        A national model has thousands of applications; the view's rules (written for one
        province) keep them node by node. Groups of two or more are folded, so the
        diagram keeps a box per kind of thing rather than one per system.
        """
        groups: dict[tuple[str, str, Status], list[str]] = defaultdict(list)
        for cid in sorted(loose):
            component = self.graph.get(cid)
            groups[(self.graph.kinds[cid], component.scope.value, component.status)].append(cid)
        left = set(loose)
        for (kind, scope, status), ids in sorted(
            groups.items(), key=lambda i: (_KIND_ORDER[i[0][0]], i[0][1], _STATUS_ORDER[i[0][2]])
        ):
            if len(ids) < 2:
                continue
            self._add_aggregate(kind, None, "", status, ids, key=f"{scope}")
            left -= set(ids)
        return left

    def _add_aggregate(
        self,
        kind: str,
        by: str | None,
        value: str,
        status: Status,
        ids: list[str],
        *,
        key: str = "",
    ) -> None:
        node_id = f"group:{kind}:{value}:{status.value}" + (f":{key}" if key else "")
        components = [self.graph.get(c) for c in ids]
        noun = labels.aggregate_noun(kind, by, value or None, self.lang)
        scopes = {c.scope for c in components}
        scope = scopes.pop() if len(scopes) == 1 else Scope.PROVINCIAL
        findings = [f for c in ids for f in self.findings.get(c, [])]
        # The first names in Vietnamese order (ties in id order, as a stable sort keeps
        # them): thousands of members, a tooltip of a few.
        first = heapq.nsmallest(_MAX_TOOLTIP_MEMBERS, ids, key=self.context.name_key)
        shown = [display_name(self.graph.get(c), self.lang) for c in first]
        more = len(ids) - len(shown)
        notes = []
        if status is not Status.CURRENT:
            notes.append(labels.text(status.value, self.lang))
        tooltip = [f"{len(ids)} {noun}:", *(f"• {n}" for n in shown)]
        if more:
            tooltip.append(labels.text("more", self.lang, n=more))
        tooltip.extend(_finding_lines(findings))
        self.nodes[node_id] = SceneNode(
            id=node_id,
            kind=kind,
            layer=metamodel.spec(kind).layer,
            title=f"{len(ids)} {noun}",
            subtitle=_subtitle(kind, scope, self.lang),
            status=status,
            scope=scope,
            members=tuple(ids),
            aggregate=True,
            notes=notes,
            errors=_count(findings, Severity.ERROR),
            warnings=_count(findings, Severity.WARNING),
            tooltip="\n".join(tooltip),
        )
        for cid in ids:
            self.node_of[cid] = node_id

    # edges

    def _edges(self, members: set[str]) -> list[SceneEdge]:
        allowed = self._allowed_relations()
        merged: dict[tuple[str, str, str], list[tuple[Status, bool]]] = defaultdict(list)
        # The members' own edges of the drawn types, not every edge of the model: a
        # per-agency view of a national model would otherwise walk 300,000 edges to draw
        # a dozen. The order does not matter: facts are merged and the edges sorted.
        own = (
            edges
            for cid in members
            for edge_type, edges in self.graph.edges_by_type(cid, True).items()
            if allowed is None or edge_type in allowed
        )
        for edge in (e for edges in own for e in edges):
            if edge.target not in members:
                continue
            source, target = self.node_of[edge.source], self.node_of[edge.target]
            if source == target:
                continue
            merged[(source, target, edge.type)].append(
                (_edge_status(self.graph, edge), is_point_to_point(self.graph, edge))
            )
        edges = []
        for (source, target, type_), facts in sorted(merged.items()):
            label = None
            if self.spec.edge_labels:
                label = self._relation_label(type_)
            edges.append(
                SceneEdge(
                    source=source,
                    target=target,
                    type=type_,
                    status=_merge_status([s for s, _ in facts]),
                    p2p=any(p for _, p in facts),
                    count=len(facts),
                    label=label,
                )
            )
        return edges

    def _allowed_relations(self) -> set[str] | None:
        """Relation types drawn; ``None`` for all of them."""
        if self.spec.relations is not None:
            return set(self.spec.relations)
        if self.view.focus is not None:
            return None  # a neighbourhood shows every relation, ownership included
        return set(relation_types()) - STRUCTURAL_RELATIONS

    def _relation_label(self, type_: str) -> str:
        return relation_types()[type_].words(self.lang)

    # groups

    def _group_key(self, node: SceneNode) -> tuple[str, float]:
        """(key, order) of the cluster a node belongs to."""
        if node.layer.value in self.spec.first:
            return f"first:{node.layer.value}", -100 + self.spec.first.index(node.layer.value)
        if node.layer.value in self.spec.pillars:
            return f"pillar:{node.layer.value}", 100 + self.spec.pillars.index(node.layer.value)
        by = self.spec.group_by
        if node.hub:
            layer_order = LAYER_INFO[node.layer].order
            return "hub", _SCOPE_ORDER["hub"] if by == "scope" else layer_order + 0.5
        if by == "layer":
            order = LAYER_INFO[node.layer].order
            if self.view.agency is not None and node.layer is Layer.BUSINESS:
                order = 0  # an agency's own view starts with the agency
            return f"layer:{node.layer.value}", order
        if by == "scope":
            return f"scope:{node.scope.value}", _SCOPE_ORDER[node.scope.value]
        if by == "status":
            return f"status:{node.status.value}", _STATUS_ORDER[node.status]
        return "all", 0

    def _group_title(self, key: str) -> tuple[str, Layer | None]:
        lang = self.lang
        kind, _, value = key.partition(":")
        if kind in ("layer", "pillar", "first"):
            return labels.layer_title(value, lang), Layer(value)
        if kind == "hub":
            return labels.pick(labels.HUB_TITLE, lang), Layer.INTEGRATION
        if kind == "scope":
            return labels.pick(labels.SCOPE_TITLES[value], lang), None
        if kind == "status":
            arch = self.graph.architecture
            year = arch.as_of.year if value == "current" else arch.horizon
            return labels.text(f"status.group.{value}", lang, year=year), None
        return "", None

    def _groups(self) -> list[SceneGroup]:
        members: dict[str, list[SceneNode]] = defaultdict(list)
        order: dict[str, float] = {}
        for node in self.nodes.values():
            key, rank = self._group_key(node)
            members[key].append(node)
            order[key] = rank
        groups = []
        for key in sorted(members, key=lambda k: (order[k], k)):
            nodes = sorted(
                members[key],
                key=lambda n: (
                    not n.focus,
                    _KIND_ORDER[n.kind],
                    n.aggregate,
                    vi_sort_key(n.title),
                    n.id,
                ),
            )
            title, layer = self._group_title(key)
            groups.append(
                SceneGroup(
                    key=key,
                    title=title,
                    layer=layer,
                    nodes=[n.id for n in nodes],
                    pillar=key.startswith("pillar:"),
                    hub=key == "hub",
                )
            )
        return groups


def build_scene(
    graph: ModelGraph,
    view: ResolvedView,
    result: CheckResult | None = None,
    *,
    lang: str = "vi",
    link: LinkFn | None = None,
    context: SceneContext | None = None,
) -> Scene:
    """The scene of one resolved view. ``context`` shares indexes between the views of one
    run; it must have been made for the same graph, ``result`` and ``lang``."""
    if context is None:
        context = SceneContext(graph, result, lang)
    elif context.graph is not graph or context.result is not result or context.lang != lang:
        raise ValueError("the scene context was made for another graph, result or language")
    return _Builder(graph, view, context, link).build()
