"""A scene as Graphviz DOT text: escaping, node and edge looks, the grid and the legend.

Every piece of model text passes through :func:`quoted` (DOT strings) or :func:`html`
(HTML-like labels): a component name can never end a string, open a record field or
inject markup into the DOT file or the SVG made from it.

Layout: each group is a cluster whose nodes sit in rows of ``row_size``; invisible,
heavy edges stack the rows (and so the groups) in the view's direction, so a grid of
boxes stays a grid when one component is added. Model relations are drawn with
``constraint=false``: they never pull boxes out of their layer.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterable

from eakit.model import Layer, Status, relation_types
from eakit.render.diagrams import labels, style
from eakit.render.diagrams.scene import Scene, SceneEdge, SceneGroup, SceneNode
from eakit.text import for_xml

# Direction embeddings, overrides and isolates reorder what a label shows.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LINE_ENDS = re.compile("\r\n?|[\u2028\u2029]")


def _clean(text: str) -> str:
    # Control characters and non-characters have no business in a label, and Graphviz's
    # XML parser stops at the ones XML forbids (U+FFFE made ``dot`` fail).
    text = _DIRECTION.sub("", _LINE_ENDS.sub("\n", text)).replace("\t", " ")
    return for_xml(text, drop=True)


def quoted(text: str) -> str:
    """``text`` as a DOT double-quoted string (for ids and values eakit makes itself)."""
    body = _clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def free_text(text: str) -> str:
    """Model text for a plain-string attribute (a tooltip) that Graphviz shows literally.

    Graphviz unescapes such strings twice (``\\N`` still becomes the node name), so a
    backslash is written four times; it also keeps anything that looks like an XML
    entity when it writes SVG, so ``&`` is written as ``&amp;``.
    """
    body = (
        _clean(text)
        .replace("&", "&amp;")
        .replace("\\", "\\" * 4)
        .replace('"', '\\"')
        .replace("\n", "\\n")
    )
    return f'"{body}"'


def url_text(url: str) -> str:
    """A link target as a DOT string: characters that could escape it are %-encoded."""
    safe = "".join(
        "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
        if ch in "\\\"<>'" or ord(ch) < 0x21 or for_xml(ch) != ch
        else ch
        for ch in url
    )
    return '"' + safe.replace("&", "&amp;") + '"'


def html(text: str) -> str:
    """``text`` escaped for a Graphviz HTML-like label (``&<>"'``; newlines as breaks).

    Graphviz applies its backslash escapes (``\\N``, ``\\G``) to the decoded label
    text too, so backslashes are doubled; and its HTML lexer rejects text that starts
    with ``]`` (found by fuzzing), so square brackets are written as character references.
    """
    escaped = (
        _clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        .replace("[", "&#91;")
        .replace("]", "&#93;")
        .replace("\\", "\\\\")
    )
    return escaped.replace("\n", "<BR/>")


def wrap(text: str, width: int = style.NAME_WRAP, max_lines: int = style.NAME_MAX_LINES) -> str:
    """Break a name into lines of about ``width`` characters (kept newlines stay)."""
    lines: list[str] = []
    for paragraph in _clean(text).split("\n"):
        lines.extend(
            textwrap.wrap(paragraph, width=width, break_on_hyphens=False, break_long_words=True)
            or [""]
        )
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip() + " …"]
    return "\n".join(lines)


class Html(str):
    """An HTML-like label assembled from escaped pieces; written as ``<...>``, unquoted.

    Only code in this module makes these, so model text (even one that looks like
    ``<b>...</b>``) always takes the quoted path.
    """

    __slots__ = ()


class Text(str):
    """Model text for a plain attribute (tooltips): written with :func:`free_text`."""

    __slots__ = ()


class Url(str):
    """A link target: written with :func:`url_text`."""

    __slots__ = ()


Attrs = dict[str, str | float | int | None]


def _attrs(values: Attrs) -> str:
    """A DOT attribute list; values are quoted unless they are :class:`Html` labels."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, Html):
            parts.append(f"{key}=<{value}>")
        elif isinstance(value, Text):
            parts.append(f"{key}={free_text(value)}")
        elif isinstance(value, Url):
            parts.append(f"{key}={url_text(value)}")
        elif isinstance(value, float):
            parts.append(f"{key}={value:g}")
        elif isinstance(value, int):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={quoted(value)}")
    return f"[{', '.join(parts)}]"


def _font(text: str, size: int | None = None, colour: str | None = None, bold: bool = False) -> str:
    """Wrap already-escaped HTML text in FONT (and B) tags."""
    if bold:
        text = f"<B>{text}</B>"
    attrs = ""
    if size is not None:
        attrs += f' POINT-SIZE="{size}"'
    if colour is not None:
        attrs += f' COLOR="{colour}"'
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def _rows(cells: Iterable[str]) -> Html:
    body = "".join(f"<TR><TD>{cell}</TD></TR>" for cell in cells)
    return Html(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{body}</TABLE>')


# --- nodes ----------------------------------------------------------------------------------


def _node_label(node: SceneNode) -> Html:
    retired = node.status is Status.RETIRED
    subtle = style.RETIRED_TEXT if retired else style.SUBTLE_TEXT
    main = style.RETIRED_TEXT if retired else style.TEXT_COLOUR
    subtitle = _font(html(node.subtitle), 8, subtle)
    if node.number is not None:
        subtitle = _font(f"[{node.number}]", 9, main, bold=True) + " " + subtitle
    cells = [subtitle]
    cells.append(
        _font(html(wrap(node.title)), 11, main, bold=node.aggregate or node.hub or node.focus)
    )
    if node.notes:
        cells.append(_font(html(" · ".join(node.notes)), 8, subtle))
    cells.extend(_font(html(line), 8, main) for line in node.cited)
    badges = []
    if node.errors:
        badges.append(_font(f"⚠ {node.errors}", 10, style.ERROR, bold=True))
    if node.warnings:
        badges.append(_font(f"⚠ {node.warnings}", 10, style.WARNING, bold=True))
    if badges:
        cells.append("  ".join(badges))
    return _rows(cells)


def node_attributes(node: SceneNode) -> Attrs:
    """DOT attributes of a scene node (shape, colours, status and badge styling)."""
    shape, extra = style.kind_shape(node.kind)
    fill, line = style.kind_colours(node.kind)
    styles = ["filled", *([extra] if extra else [])]
    penwidth = 1.2
    if node.status is Status.PLANNED:
        styles.append("dashed")
        penwidth = 1.6
    if node.status is Status.RETIRED:
        fill, line = style.RETIRED_FILL, style.RETIRED_LINE
    if node.hub:
        penwidth = 2.2
    if node.focus:
        penwidth = style.FOCUS_PENWIDTH
        line = style.TEXT_COLOUR
    if node.errors or node.warnings:
        line = style.ERROR if node.errors else style.WARNING
        penwidth = style.BADGE_PENWIDTH
    if node.spof:
        line, penwidth = style.SPOF_COLOUR, style.SPOF_PENWIDTH
    attributes: Attrs = {
        "id": node_dom_id(node),
        "shape": shape,
        "style": ",".join(styles),
        "fillcolor": fill,
        "color": line,
        "penwidth": penwidth,
        "label": _node_label(node),
        "tooltip": Text(node.tooltip),
    }
    if shape in style.INFLATING_SHAPES:
        attributes["margin"] = "0.01,0.0"  # these shapes already grow well around the label
    if node.aggregate and shape in ("box", "ellipse", "hexagon", "octagon"):
        attributes["peripheries"] = 2  # a stacked look for "many of these"
    if node.url:
        attributes["URL"] = Url(node.url)
        attributes["target"] = "_top"
    return attributes


def node_dom_id(node: SceneNode) -> str:
    """The SVG element id of a node: ``c-<component id>`` or ``g-<aggregate key>``."""
    if node.aggregate:
        return "g-" + re.sub(r"[^a-z0-9-]+", "-", node.id.removeprefix("group:")).strip("-")
    return f"c-{node.id}"


# --- edges ----------------------------------------------------------------------------------


def edge_attributes(edge: SceneEdge, lang: str) -> Attrs:
    """DOT attributes of a drawn relation."""
    line_style, colour = style.EDGE_STYLES.get(edge.type, ("solid", style.EDGE_COLOUR))
    penwidth = 1.1 + min(edge.count - 1, 4) * 0.3
    if edge.p2p:
        colour, penwidth, line_style = style.P2P_COLOUR, style.P2P_PENWIDTH, "solid"
    if edge.bridge:
        colour, penwidth, line_style = style.SPOF_COLOUR, style.BRIDGE_PENWIDTH, "solid"
    if edge.status is Status.PLANNED:
        line_style = "dashed"
    elif edge.status is Status.RETIRED:
        colour = style.RETIRED_LINE
    name = relation_types()[edge.type].words(lang)
    attributes: Attrs = {
        "color": colour,
        "style": line_style,
        "penwidth": round(penwidth, 2),
        "constraint": "false",
        "tooltip": Text(f"{name} ({edge.count})" if edge.count > 1 else name),
    }
    if edge.label:
        # An edge between two boxes of one band joins boxes of one rank, and a plain label
        # would make Graphviz route it in a detour around the label; such an edge gets an
        # external label (the caller turns it back into a label for every other edge).
        attributes["xlabel"] = Html(_font(html(edge.label), 8, style.SUBTLE_TEXT))
    if edge.p2p:
        attributes["fontcolor"] = style.P2P_COLOUR
    return attributes


# --- layout ---------------------------------------------------------------------------------


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _node_line(node_id: str, attributes: Attrs) -> str:
    return f"    {quoted(node_id)} {_attrs(attributes)};"


def _same_rank(ids: list[str]) -> str:
    return f"  {{rank=same; {' '.join(quoted(n) for n in ids)}}}"


def _invisible(source: str, target: str, **extra: int) -> str:
    options = "".join(f", {k}={v}" for k, v in extra.items())
    return f"  {quoted(source)} -> {quoted(target)} [style=invis{options}];"


def _row(ids: list[str], direction: str) -> list[str]:
    """One rank whose nodes keep their order, by invisible flat edges.

    Inside clusters ``dot`` draws a left-to-right flat order bottom-up when the
    graph is turned sideways (``rankdir=LR``), so the edges are reversed there to
    keep the first node on top.
    """
    if len(ids) < 2:
        return []
    ordered = list(reversed(ids)) if direction == "LR" else ids
    return [_same_rank(ids)] + [
        # A spine must not be pulled towards its row: weight 0 keeps only the order.
        _invisible(left, right, weight=0 if "spine:" in left + right else 10)
        for left, right in itertools.pairwise(ordered)
    ]


def _stack(rows: list[list[str]]) -> list[str]:
    """Invisible heavy edges putting each row after the previous one, column by column.

    Column 0 holds the rows' spines: the heaviest edges keep them in one line, so
    every band starts at the same edge of the page.
    """
    out = []
    for upper, lower in itertools.pairwise(rows):
        for column, node in enumerate(upper[: len(lower)]):
            out.append(_invisible(node, lower[column], weight=100 if column == 0 else 20))
        for column in range(len(upper), len(lower)):
            out.append(_invisible(upper[-1], lower[column]))
    return out


_PAD: Attrs = {"style": "invis", "shape": "box", "label": "", "width": style.NODE_WIDTH}
# ``group`` makes dot keep all spines in one straight line.
_SPINE: Attrs = {
    "style": "invis",
    "shape": "point",
    "width": 0.01,
    "height": 0.01,
    "group": "spine",
}


def _cluster_header(name: str, title: str, colour_layer: Layer | None, hub: bool) -> list[str]:
    if not title:
        # An untitled group still keeps its nodes together, without a frame.
        return [f"  subgraph {name} {{", '    graph [label="", peripheries=0];']
    colours = style.LAYER_COLOURS.get(colour_layer) if colour_layer else None
    background = colours.background if colours else "#F7F7F7"
    line = colours.line if colours else style.SUBTLE_TEXT
    attributes: Attrs = {
        "label": Html(_font(html(title), 13, line, bold=True)),
        "style": "rounded,filled",
        "fillcolor": background,
        "color": line,
        "penwidth": 2.0 if hub else 1.0,
        "labeljust": "l",
        "margin": 10,
    }
    return [f"  subgraph {name} {{", f"    graph {_attrs(attributes)};"]


def _group_nodes(scene: Scene, group: SceneGroup) -> list[str]:
    return [_node_line(n, node_attributes(scene.nodes[n])) for n in group.nodes]


# Rough sizes (inches) of a box, a row and a band's frame, measured on rendered views, to
# choose a row size before layout; the title and legend add about _EXTRA.
_CELL_WIDTH, _ROW_HEIGHT, _BAND_EXTRA, _PILLAR_WIDTH, _EXTRA = 2.2, 1.05, 0.55, 2.5, 2.5
_PAGE_RATIO = 297 / 210  # A4 landscape


def fit_row_size(group_sizes: list[int], pillars: int, direction: str) -> int:
    """The row size (3..8) whose grid comes closest to a landscape page's proportions."""
    best, best_error = 5, float("inf")
    widest = max(group_sizes, default=1)
    for size in range(3, 9):
        across = min(size, widest)
        bands = [-(-n // size) for n in group_sizes]
        if direction == "TB":
            width = across * _CELL_WIDTH + pillars * _PILLAR_WIDTH + 1
            height = sum(rows * _ROW_HEIGHT + _BAND_EXTRA for rows in bands) + _EXTRA
        else:
            # Sideways, a row is a column and the groups stand side by side.
            width = sum(rows * _CELL_WIDTH + _BAND_EXTRA for rows in bands) + _EXTRA
            height = across * _ROW_HEIGHT + 1.5
        error = abs(width / height - _PAGE_RATIO)
        if error < best_error - 1e-9:
            best, best_error = size, error
    return best


def _grid(scene: Scene) -> tuple[list[str], list[str]]:
    """Groups as bands of rows, stacked in the view's direction; pillars at the side.

    Returns the DOT lines and the last row of the stack (the legend goes after it).
    """
    side = scene.direction == "TB"
    main_groups = [g for g in scene.groups if not (g.pillar and side)]
    pillar_groups = [g for g in scene.groups if g.pillar and side]
    row_size = scene.row_size or fit_row_size(
        [len(g.nodes) for g in main_groups], len(pillar_groups), scene.direction
    )
    width = max((min(len(g.nodes), row_size) for g in main_groups), default=1)
    out: list[str] = []
    stack: list[list[str]] = []
    for index, group in enumerate(main_groups):
        out.extend(_cluster_header(f"cluster_{index}", group.title, group.layer, group.hub))
        out.extend(_group_nodes(scene, group))
        rows = []
        for number, chunk in enumerate(_chunks(group.nodes, row_size)):
            # Ids with ':' cannot clash with component ids ([a-z0-9-] only).
            spine = f"spine:{index}:{number}"
            pads = [f"pad:{index}:{number}:{i}" for i in range(width - len(chunk))]
            out.append(_node_line(spine, _SPINE))
            out.extend(_node_line(pad, _PAD) for pad in pads)
            rows.append([spine, *chunk, *pads])
        for row in rows:
            out.extend(_row(row, scene.direction))
        out.append("  }")
        stack.extend(rows)
    out.extend(_stack(stack))
    out.extend(_pillars(scene, pillar_groups, stack))
    return out, stack[-1] if stack else []


def _pillars(scene: Scene, groups: list[SceneGroup], stack: list[list[str]]) -> list[str]:
    """Side pillars: columns right of the stack, as tall as it, nodes spread evenly."""
    out: list[str] = []
    anchor = stack[0][-1] if stack else None
    for number, group in enumerate(groups, start=len(scene.groups)):
        out.extend(_cluster_header(f"cluster_{number}", group.title, group.layer, group.hub))
        out.extend(_group_nodes(scene, group))
        spacer = f"pad:pillar:{number}"
        stretch = len(stack) > len(group.nodes)
        if stretch:
            out.append(_node_line(spacer, {**_PAD, "height": 0.1}))
        out.append("  }")
        step = max(1, (len(stack) - 1) // len(group.nodes))
        for upper, lower in itertools.pairwise(group.nodes):
            out.append(_invisible(upper, lower, weight=20, minlen=step))
        if stretch:
            out.append(_invisible(group.nodes[-1], spacer, weight=20))
            out.append(_same_rank([stack[-1][-1], spacer]))
        if anchor is not None:
            out.append(_same_rank([anchor, group.nodes[0]]))
            out.append(_invisible(anchor, group.nodes[0], weight=5))
        anchor = group.nodes[0]
    return out


def _flow(scene: Scene) -> list[str]:
    """Groups as clusters; the relations themselves decide the ranks (network-style)."""
    out: list[str] = []
    for index, group in enumerate(scene.groups):
        out.extend(_cluster_header(f"cluster_{index}", group.title, group.layer, group.hub))
        out.extend(_group_nodes(scene, group))
        out.append("  }")
    return out


def _legend_samples(scene: Scene) -> list[tuple[str, Attrs]]:
    """Legend entries: one sample per kind shown, then statuses, badges and line kinds."""
    lang = scene.lang
    nodes = list(scene.nodes.values())
    samples: list[tuple[str, Attrs]] = []
    for kind in scene.kinds:
        first = next(n for n in nodes if n.kind == kind)
        sample = SceneNode(
            id=f"legend:{kind}",
            kind=kind,
            layer=first.layer,
            title=labels.kind_label(kind, lang),
            subtitle="",
            status=Status.CURRENT,
            scope=first.scope,
            members=(),
        )
        samples.append((sample.id, _legend_node(sample)))
    statuses = {n.status for n in nodes} | {e.status for e in scene.edges}
    for status in (Status.PLANNED, Status.RETIRED):
        if status in statuses:
            sample = SceneNode(
                id=f"legend:{status.value}",
                kind="lan",
                layer=Layer.GOVERNANCE,
                title=labels.text(f"status.{status.value}", lang),
                subtitle="",
                status=status,
                scope=nodes[0].scope,
                members=(),
            )
            attributes = _legend_node(sample)
            if status is Status.PLANNED:
                attributes["fillcolor"], attributes["color"] = "#FFFFFF", style.SUBTLE_TEXT
            samples.append((sample.id, attributes))
    for severity, colour in (("error", style.ERROR), ("warning", style.WARNING)):
        if any(n.errors if severity == "error" else n.warnings for n in nodes):
            text = (
                _font("⚠ n", 10, colour, bold=True)
                + " "
                + html(labels.text(f"badge.{severity}", lang))
            )
            samples.append(
                (
                    f"legend:{severity}",
                    {
                        "shape": "box",
                        "style": "rounded,filled",
                        "fillcolor": "#FFFFFF",
                        "color": colour,
                        "penwidth": style.BADGE_PENWIDTH,
                        "label": Html(_font(text, 9)),
                        "tooltip": Text(labels.text(f"badge.{severity}", lang)),
                        "width": style.LEGEND_WIDTH,
                        "height": 0.3,
                    },
                )
            )
    if any(n.spof for n in nodes):
        samples.append(("legend:spof", _spof_sample(lang)))
    lines = []
    if any(e.bridge for e in scene.edges):
        lines.append(
            _font("━━━", 10, style.SPOF_COLOUR, bold=True)
            + " "
            + html(labels.text("edge.bridge", lang))
        )
    if any(e.p2p for e in scene.edges):
        lines.append(
            _font("━━━▶", 10, style.P2P_COLOUR, bold=True)
            + " "
            + html(labels.text("edge.p2p", lang))
        )
    if any(not e.p2p and not e.bridge for e in scene.edges):
        lines.append(
            _font("───▶", 10, style.EDGE_COLOUR) + " " + html(labels.text("edge.normal", lang))
        )
    if any(n.aggregate for n in nodes):
        lines.append(_font("N", 10, bold=True) + " " + html(labels.text("aggregate", lang)))
    if lines:
        cells = "".join(f'<TR><TD ALIGN="LEFT">{_font(line, 9)}</TD></TR>' for line in lines)
        samples.append(
            (
                "legend:lines",
                {
                    "shape": "plain",
                    "label": Html(
                        f'<TABLE BORDER="0" CELLSPACING="1" CELLPADDING="1">{cells}</TABLE>'
                    ),
                    "tooltip": Text(labels.pick(labels.LEGEND_TITLE, lang)),
                },
            )
        )
    return samples


def _spof_sample(lang: str) -> Attrs:
    """The legend entry of a single point of failure: a box with its border."""
    return {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#FFFFFF",
        "color": style.SPOF_COLOUR,
        "penwidth": style.SPOF_PENWIDTH,
        "label": Html(_font(html(labels.text("spof", lang)), 9)),
        "tooltip": Text(labels.text("spof", lang)),
        "width": style.LEGEND_WIDTH,
        "height": 0.3,
    }


def _legend_node(node: SceneNode) -> Attrs:
    attributes = node_attributes(node)
    attributes["label"] = _rows([_font(html(node.title), 9)])
    attributes["tooltip"] = Text(node.title)
    attributes.pop("id", None)
    attributes["width"] = style.LEGEND_WIDTH
    attributes["height"] = 0.3
    return attributes


def _legend(scene: Scene, after: list[str]) -> list[str]:
    """The legend: a frame of sample rows placed after the last row of the stack."""
    samples = _legend_samples(scene)
    width = max((min(len(g.nodes), scene.row_size or 6) for g in scene.groups), default=1)
    rows = _chunks([node_id for node_id, _ in samples], max(3, min(style.LEGEND_ROW, width + 1)))
    out = [
        "  subgraph cluster_legend {",
        "    graph "
        + _attrs(
            {
                "label": Html(
                    _font(
                        html(labels.pick(labels.LEGEND_TITLE, scene.lang)),
                        12,
                        style.SUBTLE_TEXT,
                        bold=True,
                    )
                ),
                "style": "rounded",
                "color": "#BDBDBD",
                "labeljust": "l",
                "margin": 10,
            }
        )
        + ";",
    ]
    out.extend(_node_line(node_id, attributes) for node_id, attributes in samples)
    for row in rows:
        out.extend(_row(row, scene.direction))
    out.append("  }")
    out.extend(_stack(rows))
    if after and rows:
        out.append(_invisible(after[0], rows[0][0], weight=5))
    return out


def _graph_header(scene: Scene) -> list[str]:
    title = _font(html(scene.title), 20, style.TEXT_COLOUR, bold=True)
    subtitle = _font(html(scene.subtitle), 11, style.SUBTLE_TEXT)
    heading = (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">'
        f'<TR><TD ALIGN="LEFT">{title}</TD></TR><TR><TD ALIGN="LEFT">{subtitle}</TD></TR>'
        "</TABLE>"
    )
    graph: Attrs = {
        "charset": "UTF-8",
        "fontname": style.FONT,
        "rankdir": scene.direction,
        "newrank": "true",
        "nodesep": 0.22,
        "ranksep": 0.35,
        "pad": 0.3,
        "label": Html(heading),
        "labelloc": "t",
        "labeljust": "l",
        "bgcolor": "#FFFFFF",
        "outputorder": "edgesfirst",
    }
    node: Attrs = {
        "fontname": style.FONT,
        "fontsize": 11,
        "fontcolor": style.TEXT_COLOUR,
        "width": style.NODE_WIDTH,
        "height": 0.5,
        "margin": "0.08,0.04",
    }
    edge: Attrs = {
        "fontname": style.FONT,
        "fontsize": 8,
        "arrowsize": 0.7,
        "color": style.EDGE_COLOUR,
    }
    return [
        f"digraph {quoted(scene.name)} {{",
        f"  graph {_attrs(graph)};",
        f"  node {_attrs(node)};",
        f"  edge {_attrs(edge)};",
    ]


def scene_to_dot(scene: Scene) -> str:
    """The DOT text of a scene (deterministic: same scene, same bytes)."""
    out = _graph_header(scene)
    last_row: list[str] = []
    if scene.layout == "flow":
        out.extend(_flow(scene))
        # The legend follows the last group (a disconnected legend would lead).
        last_row = [scene.groups[-1].nodes[-1]] if scene.groups else []
    else:
        grid, last_row = _grid(scene)
        out.extend(grid)
    group_of = {node: group.key for group in scene.groups for node in group.nodes}
    for edge in scene.edges:
        attributes = edge_attributes(edge, scene.lang)
        if scene.layout == "flow":
            attributes.pop("constraint")
        flat = scene.layout != "flow" and group_of.get(edge.source) == group_of.get(edge.target)
        if "xlabel" in attributes and not flat:
            attributes["label"] = attributes.pop("xlabel")
        out.append(f"  {quoted(edge.source)} -> {quoted(edge.target)} {_attrs(attributes)};")
    if scene.nodes:
        out.extend(_legend(scene, last_row))
    else:
        # Say so, rather than hand over a blank page.
        note = _font(html(labels.text("empty", scene.lang)), 12, style.SUBTLE_TEXT)
        out.append(_node_line("empty:note", {"shape": "plain", "label": Html(note)}))
    out.append("}")
    return "\n".join(out) + "\n"
