"""Diagrams for the site: rendered by :mod:`eakit.render.diagrams`, embedded inline.

The diagrams package links nodes with URLs relative to the site root; :func:`embed`
rebases them for the page that shows the diagram and removes anything active from the
SVG (scripts, event handlers, ``javascript:`` links) as a second line of defence after the
renderer's own escaping.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.model.views import effective_views
from eakit.render import diagrams
from eakit.render.diagrams.views import ResolvedView, ViewInfo
from eakit.render.site.markup import safe_url

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ACTIVE_TAGS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
_LINK_ATTRS = ("href", XLINK_HREF)


def _local_name(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _is_relative(url: str) -> bool:
    return not url.startswith(("#", "/")) and ":" not in url.split("/", 1)[0]


def embed(svg: str, prefix: str, *, standalone: bool = False) -> str:
    """Inline-ready SVG markup: safe, responsive, with links rebased by ``prefix`` (``../``).

    ``standalone`` keeps the natural size, for an SVG file opened on its own.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    root = etree.fromstring(svg.encode("utf-8"), parser)
    for element in list(root.iter()):
        if _local_name(element.tag) in _ACTIVE_TAGS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in list(element.attrib):
            local = etree.QName(name).localname.lower()
            if local.startswith("on"):
                del element.attrib[name]
        for name in _LINK_ATTRS:
            url = element.get(name)
            if url is None:
                continue
            if _is_relative(url):
                element.set(name, prefix + url)
            elif not url.startswith("#") and safe_url(url) is None:
                del element.attrib[name]
    if standalone:
        return etree.tostring(root, encoding="unicode")
    # Graphviz sizes in points; the page's CSS sizes the figure instead.
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.set("class", "eakit-svg")
    root.set("role", "img")
    return etree.tostring(root, encoding="unicode")


@dataclass(frozen=True)
class View:
    """One rendered view: its file name, title, the agency it is about (if any) and SVG."""

    name: str
    title: str
    agency: str | None
    svg: str


def _view_infos(graph: ModelGraph, lang: str, names: list[str]) -> dict[str, ViewInfo]:
    """Titles (and agencies) of the rendered views. Listing every view expands the
    per-agency ones, seconds on a national model that draws none of them, so model-wide
    views are titled from their specs."""
    specs = {spec.name: spec for spec in effective_views(graph.manifest.views)}
    if all(name in specs and specs[name].per_agency is None for name in names):
        return {
            name: ViewInfo(name, ResolvedView(name, specs[name]).title(graph, lang))
            for name in names
        }
    return {info.name: info for info in diagrams.list_views(graph, lang)}


def render_views(
    graph: ModelGraph, result: CheckResult | None, lang: str, link: Callable[[str], str | None]
) -> list[View]:
    """Every view of the diagrams package, in its drawing order."""
    with tempfile.TemporaryDirectory(prefix="eakit-views-") as tmp:
        paths = diagrams.render_views(
            graph, result, Path(tmp), formats=("svg",), lang=lang, link=link
        )
        paths = [path for path in paths if path.suffix == ".svg"]
        infos = _view_infos(graph, lang, [path.stem for path in paths])
        views = []
        for path in paths:
            info = infos.get(path.stem)
            views.append(
                View(
                    name=path.stem,
                    title=info.title if info else path.stem,
                    agency=info.agency if info else None,
                    svg=path.read_text("utf-8"),
                )
            )
        return views


def render_focus_all(
    graph: ModelGraph,
    result: CheckResult | None,
    ids: list[str],
    lang: str,
    link: Callable[[str], str | None],
    *,
    workers: int = 2,
) -> tuple[dict[str, str], dict[str, str]]:
    """The neighbourhood diagram of each component in ``ids`` as SVG text, by id, and the
    error message of each one Graphviz could not draw (the site says so on that page)."""
    if not ids:
        return {}, {}
    with tempfile.TemporaryDirectory(prefix="eakit-focus-") as tmp:
        folder = Path(tmp)

        def one(component_id: str) -> tuple[str, str | None, str | None]:
            try:
                path = diagrams.render_focus(
                    graph,
                    result,
                    component_id,
                    folder / f"{component_id}.svg",
                    depth=1,
                    fmt="svg",
                    lang=lang,
                    link=link,
                )
            except diagrams.GraphvizError as error:
                return component_id, None, str(error)
            return component_id, Path(path).read_text("utf-8"), None

        # Graphviz runs as a subprocess, so threads overlap the waits on ``dot``.
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            done = list(pool.map(one, ids))
    drawn = {cid: svg for cid, svg, _ in done if svg is not None}
    failed = {cid: error for cid, _, error in done if error is not None}
    return drawn, failed
