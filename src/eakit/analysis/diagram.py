"""The resilience diagram: the integration and infrastructure networks with their single
points of failure (thick purple border) and bridges (thick purple lines).

It is a scene like every view's (:mod:`eakit.render.diagrams.scene`), drawn by the same
DOT writer; what it shows comes from :func:`eakit.analysis.resilience.resilience`. Leaves
of one kind hanging on the same component are folded into one box ("31 mạng LAN").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from eakit.analysis.labels import cut_off_text, text
from eakit.analysis.resilience import NETWORKS, Resilience, network_graph, resilience
from eakit.graph import ModelGraph
from eakit.messages import date_words
from eakit.model import Layer
from eakit.render.diagrams import labels as diagram_labels
from eakit.render.diagrams.dot import scene_to_dot
from eakit.render.diagrams.render import run_dot
from eakit.render.diagrams.scene import LinkFn, Scene, SceneEdge, SceneGroup, SceneNode
from eakit.render.diagrams.views import RESILIENCE_VIEW, display_name
from eakit.text import vi_sort_key

#: Networks drawn as groups, coloured as their layer.
_GROUP_LAYERS = {"integration": Layer.INTEGRATION, "infrastructure": Layer.INFRASTRUCTURE}
#: Leaves of one kind on one component folded into a box when there are at least this many.
FOLD_MIN = 3
#: At most this many boxes: beyond, only the single points of failure, the ends of the
#: bridges and the central components are drawn.
MAX_NODES = 90
#: Names listed in a folded box's tooltip at most.
TOOLTIP_MEMBERS = 25


@dataclass
class _Link:
    source: str
    target: str
    types: tuple[str, ...]
    bridge: bool


def title(lang: str) -> str:
    """The diagram's title."""
    return text("diagram.title", lang)


def _subtitle(graph: ModelGraph, result: Resilience, lang: str) -> str:
    arch = graph.architecture
    name = arch.name_en if lang == "en" and arch.name_en else arch.name
    date = date_words(result.when).lang(lang)
    return f"{name} ({text('diagram.on', lang, date=date)})"


def resilience_scene(
    graph: ModelGraph, result: Resilience, *, lang: str = "vi", link: LinkFn | None = None
) -> Scene:
    """The scene of the resilience diagram for ``result`` (of ``graph``)."""
    cut = {p.id: p.cut_off for n in result.networks for p in n.cut_points}
    central = {c.id: c.score for n in result.networks for c in n.central}
    bridges = result.bridge_pairs()
    group_of: dict[str, str] = {}
    links: dict[tuple[str, str], _Link] = {}
    for network in NETWORKS:
        undirected = network_graph(graph, network, result.when)
        for node in undirected.nodes:
            group_of.setdefault(node, network.name)
        for source, target, data in undirected.edges(data=True):
            ends = (min(source, target), max(source, target))
            known = links.get(ends)
            types = tuple(sorted(set(data["types"]) | set(known.types if known else ())))
            # Drawn the way the model states it: an application to its platform.
            forward = graph.edge(ends[0], ends[1], types[0]) is not None
            drawn = ends if forward else (ends[1], ends[0])
            links[ends] = _Link(*drawn, types, ends in bridges)
    shown = set(group_of)
    if len(shown) > MAX_NODES:
        keep = set(cut) | set(central) | {end for pair in bridges for end in pair}
        shown = set(sorted(keep, key=lambda c: (-cut.get(c, 0), c))[:MAX_NODES])
    node_of = {cid: cid for cid in shown}
    nodes: dict[str, SceneNode] = {}
    # Leaves (one link) of one kind on one neighbour, folded.
    degree: dict[str, int] = defaultdict(int)
    for pair in links:
        for end in pair:
            degree[end] += 1
    leaves: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for source, target in sorted(links):
        for leaf, other in ((source, target), (target, source)):
            if leaf in shown and other in shown and degree[leaf] == 1 and leaf not in cut:
                leaves[(other, graph.kinds[leaf], graph.states[leaf])].append(leaf)
    for (other, kind, state), members in sorted(leaves.items()):
        if len(members) < FOLD_MIN:
            continue
        node_id = f"group:{kind}:{state}:{other}"
        noun = diagram_labels.aggregate_noun(kind, None, None, lang)
        names = sorted((display_name(graph.get(c), lang) for c in members), key=vi_sort_key)
        listed = [f"• {n}" for n in names[:TOOLTIP_MEMBERS]]
        if len(names) > TOOLTIP_MEMBERS:
            listed.append(diagram_labels.text("more", lang, n=len(names) - TOOLTIP_MEMBERS))
        first = graph.get(members[0])
        nodes[node_id] = SceneNode(
            id=node_id,
            kind=kind,
            layer=first.layer,
            title=f"{len(members)} {noun}",
            subtitle=diagram_labels.kind_label(kind, lang),
            status=first.status,
            scope=first.scope,
            members=tuple(members),
            aggregate=True,
            tooltip="\n".join([f"{len(members)} {noun}:", *listed]),
        )
        group_of[node_id] = group_of[members[0]]
        for member in members:
            node_of[member] = node_id
    for cid in sorted(c for c in shown if node_of[c] == c):
        component = graph.get(cid)
        notes = []
        if cid in cut:
            notes.append(cut_off_text(cut[cid], lang))
        if cid in central:
            notes.append(text("resilience.score", lang, score=f"{central[cid]:.2f}"))
        name = display_name(component, lang)
        subtitle = diagram_labels.kind_label(graph.kinds[cid], lang)
        nodes[cid] = SceneNode(
            id=cid,
            kind=graph.kinds[cid],
            layer=component.layer,
            title=name,
            subtitle=subtitle,
            status=component.status,
            scope=component.scope,
            members=(cid,),
            notes=notes,
            url=link(cid) if link is not None else None,
            tooltip="\n".join([f"{name} — {subtitle} [{cid}]", *notes]),
            spof=cid in cut,
        )
    edges: dict[tuple[str, str, str], list[_Link]] = defaultdict(list)
    for item in (links[pair] for pair in sorted(links)):
        source, target = item.source, item.target
        if source not in shown or target not in shown:
            continue
        ends = (node_of[source], node_of[target])
        if ends[0] != ends[1]:
            edges[(*ends, item.types[0])].append(item)
    scene_edges = [
        SceneEdge(
            source=source,
            target=target,
            type=edge_type,
            status=nodes[source].status,
            p2p=False,
            count=len(items),
            bridge=any(item.bridge for item in items),
        )
        for (source, target, edge_type), items in sorted(edges.items())
    ]
    groups = []
    # The larger network first: the legend follows the last group.
    for network in reversed(NETWORKS):
        members = [n for n in nodes if group_of.get(n) == network.name]
        if members:
            groups.append(
                SceneGroup(
                    key=network.name,
                    title=text(f"resilience.{network.name}", lang),
                    layer=_GROUP_LAYERS[network.name],
                    nodes=sorted(members, key=lambda n: (not nodes[n].spof, n)),
                )
            )
    return Scene(
        name=RESILIENCE_VIEW,
        title=title(lang),
        subtitle=_subtitle(graph, result, lang),
        lang=lang,
        direction="TB",
        layout="flow",
        row_size=2,  # flow layout: only the legend reads it (three samples a row)
        groups=groups,
        nodes=nodes,
        edges=scene_edges,
    )


def resilience_dot(
    graph: ModelGraph, result: Resilience, *, lang: str = "vi", link: LinkFn | None = None
) -> str:
    """The DOT text of the resilience diagram."""
    return scene_to_dot(resilience_scene(graph, result, lang=lang, link=link))


def draw_resilience(
    graph: ModelGraph,
    result: Resilience,
    fmt: str = "svg",
    *,
    lang: str = "vi",
    link: LinkFn | None = None,
) -> bytes:
    """The resilience diagram drawn by Graphviz in ``fmt`` (``svg``, ``png`` or ``dot``)."""
    return run_dot(resilience_dot(graph, result, lang=lang, link=link), fmt)


def _resilience_view(graph: ModelGraph, lang: str, link: LinkFn | None) -> Scene:
    return resilience_scene(graph, resilience(graph), lang=lang, link=link)


#: The scene of each analysis view (:data:`eakit.render.diagrams.views.ANALYSIS_VIEWS`),
#: drawn by ``eakit diagram --view NAME`` and ``eakit build`` like any view.
SCENES: Mapping[str, Callable[[ModelGraph, str, LinkFn | None], Scene]] = {
    RESILIENCE_VIEW: _resilience_view,
}
