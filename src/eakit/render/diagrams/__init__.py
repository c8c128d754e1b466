"""Graphviz diagrams of a model: the overview, integration, infrastructure, roadmap and
per-agency views, and the neighbourhood of any component.

Modules: :mod:`.views` (views as queries), :mod:`.scene` (what a view shows),
:mod:`.style` and :mod:`.labels` (how it looks and what it says), :mod:`.dot` (DOT
text and escaping), :mod:`.render` (running ``dot``, writing files).
"""

from __future__ import annotations

from eakit.render.diagrams.render import (
    FORMATS,
    Drawing,
    GraphvizError,
    draw_views,
    prefix_links,
    render_dot_source,
    render_focus,
    render_views,
)
from eakit.render.diagrams.views import ViewError, ViewInfo, list_views

__all__ = [
    "FORMATS",
    "Drawing",
    "GraphvizError",
    "ViewError",
    "ViewInfo",
    "draw_views",
    "list_views",
    "prefix_links",
    "render_dot_source",
    "render_focus",
    "render_views",
]
