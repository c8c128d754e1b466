"""The visual language of the diagrams: one palette and one shape per kind, used by
every view, the legend and the site alike.

Colours follow the ArchiMate convention where it has one (business yellow,
application blue, technology green) and add distinct hues for users, services,
integration, security and governance. Fills are light so black text stays readable
when printed in grey; borders carry the hue.
"""

from __future__ import annotations

from dataclasses import dataclass

from eakit.model import Layer

FONT = "Noto Sans"  # installed by fonts-noto-core; covers Vietnamese diacritics


@dataclass(frozen=True)
class LayerColours:
    background: str  # cluster fill
    fill: str  # node fill
    line: str  # node border and cluster title


LAYER_COLOURS: dict[Layer, LayerColours] = {
    Layer.USERS: LayerColours("#FDF2F7", "#F9D9E8", "#A3245E"),
    Layer.SERVICES: LayerColours("#FFF5EB", "#FFE2C4", "#B35500"),
    Layer.BUSINESS: LayerColours("#FFFCE6", "#FFF3A8", "#8A7300"),
    Layer.APPLICATIONS: LayerColours("#F0F7FD", "#CFE6FA", "#1F5F99"),
    Layer.INTEGRATION: LayerColours("#EBF8F6", "#C2EBE4", "#00695C"),
    Layer.INFRASTRUCTURE: LayerColours("#F1F9ED", "#D4EEC8", "#33691E"),
    Layer.SECURITY: LayerColours("#F6F1FB", "#E4D6F5", "#5E3A8C"),
    Layer.GOVERNANCE: LayerColours("#F3F5F8", "#DDE3EA", "#455A6B"),
}

# Graphviz shape and extra style per kind; each (shape, layer hue) pair is unique.
KIND_SHAPES: dict[str, tuple[str, str]] = {
    "actor": ("ellipse", ""),
    "channel": ("rarrow", ""),
    "portal": ("tab", ""),
    "public_service": ("box", "rounded"),
    "agency": ("box", "diagonals"),
    "business_function": ("cds", ""),
    "application": ("component", ""),
    "database": ("cylinder", ""),
    "integration_platform": ("octagon", ""),
    "data_centre": ("box3d", ""),
    "network": ("hexagon", ""),
    "lan": ("box", ""),
    "security_capability": ("invhouse", ""),
    "roadmap_item": ("note", ""),
}

# A second fill for the kind that shares its layer hue with another, so they differ.
KIND_FILL_OVERRIDES: dict[str, str] = {
    "database": "#B9DAF5",
    "channel": "#FCE8F1",
    "business_function": "#FFF8CC",
    "lan": "#E6F5DE",
}

# Polygons whose outline Graphviz grows around the label: they need no inner margin.
INFLATING_SHAPES = frozenset({"ellipse", "hexagon", "octagon", "invhouse"})

NODE_WIDTH = 1.9  # inches; equal minimum widths make the grid of a group read as rows
NAME_WRAP = 22  # characters per label line
NAME_MAX_LINES = 4
LEGEND_WIDTH = 1.5
LEGEND_ROW = 6  # legend samples per row

TEXT_COLOUR = "#1A1A1A"
SUBTLE_TEXT = "#5F6368"

RETIRED_FILL = "#EEEEEE"
RETIRED_LINE = "#9E9E9E"
RETIRED_TEXT = "#7A7A7A"

ERROR = "#C62828"
WARNING = "#E65100"
BADGE_PENWIDTH = 3.0
FOCUS_PENWIDTH = 3.0

EDGE_COLOUR = "#546E7A"
EDGE_LIGHT = "#90A4AE"
P2P_COLOUR = "#D32F2F"
P2P_PENWIDTH = 2.4
# Single points of failure and bridges: a colour no layer, status or badge uses.
SPOF_COLOUR = "#8E24AA"
SPOF_PENWIDTH = 3.6
BRIDGE_PENWIDTH = 2.8

# Edge looks by relation type: (style, colour). Types not listed use a solid line.
EDGE_STYLES: dict[str, tuple[str, str]] = {
    "hosted_on": ("dotted", EDGE_LIGHT),
    "located_in": ("dotted", EDGE_LIGHT),
    "realises": ("dotted", LAYER_COLOURS[Layer.GOVERNANCE].line),
    "protects": ("solid", LAYER_COLOURS[Layer.SECURITY].line),
    "owned_by": ("solid", EDGE_LIGHT),
    "operated_by": ("solid", EDGE_LIGHT),
    "deployed_at": ("solid", EDGE_LIGHT),
    "provided_by": ("solid", EDGE_LIGHT),
    "belongs_to": ("solid", EDGE_LIGHT),
    "led_by": ("solid", EDGE_LIGHT),
    "part_of": ("solid", EDGE_LIGHT),
}


def kind_colours(kind: str, layer: Layer) -> tuple[str, str]:
    """(fill, line) of a component kind."""
    colours = LAYER_COLOURS[layer]
    return KIND_FILL_OVERRIDES.get(kind, colours.fill), colours.line
