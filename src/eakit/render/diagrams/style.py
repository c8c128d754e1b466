"""The visual language of the diagrams: the palettes, used by every view, the legend and
the site alike; each kind's shape and style is in the metamodel.

The framework's kinds take the colour of their framework layer, following the ArchiMate
convention where it has one (business yellow, application blue, technology green) with
distinct hues for users, services, integration, security and governance; the generic
ArchiMate kinds take ArchiMate's customary colour of their ArchiMate layer (motivation
purple, strategy tan, implementation pink, ...). Fills are light so black text stays readable
when printed in grey; borders carry the hue.
"""

from __future__ import annotations

from dataclasses import dataclass

from eakit import metamodel
from eakit.metamodel import Aspect, Layer

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


@dataclass(frozen=True)
class AspectColours:
    fill: str
    line: str


# ArchiMate's customary colours, for the generic ArchiMate kinds (by ArchiMate layer).
ASPECT_COLOURS: dict[Aspect, AspectColours] = {
    Aspect.STRATEGY: AspectColours("#F5DEAA", "#8A5A00"),
    Aspect.BUSINESS: AspectColours("#FFFFB5", "#8C8200"),
    Aspect.APPLICATION: AspectColours("#B5FFFF", "#00707A"),
    Aspect.TECHNOLOGY: AspectColours("#C9E7B7", "#2E6B12"),
    Aspect.PHYSICAL: AspectColours("#D7EBB0", "#566B12"),
    Aspect.MOTIVATION: AspectColours("#CCCCFF", "#4A3D99"),
    Aspect.IMPLEMENTATION: AspectColours("#FFE0E0", "#A33A3A"),
    Aspect.OTHER: AspectColours("#FFFFFF", "#5F6368"),
}

# Polygons whose outline Graphviz grows around the label: they need no inner margin.
INFLATING_SHAPES = frozenset(
    {
        "ellipse",
        "egg",
        "hexagon",
        "octagon",
        "invhouse",
        "invtrapezium",
        "trapezium",
        "parallelogram",
    }
)

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


def kind_shape(kind: str) -> tuple[str, str]:
    """(Graphviz shape, extra style) of a component kind, from the metamodel."""
    spec = metamodel.spec(kind)
    return spec.shape, spec.style


def kind_colours(kind: str) -> tuple[str, str]:
    """(fill, line) of a component kind: a framework kind takes its layer's colours, a
    generic ArchiMate kind its ArchiMate layer's; the registry may override the fill."""
    spec = metamodel.spec(kind)
    colours = LAYER_COLOURS[spec.layer] if spec.framework else ASPECT_COLOURS[spec.aspect]
    return spec.fill or colours.fill, colours.line
