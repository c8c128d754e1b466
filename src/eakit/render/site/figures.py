"""Diagrams for the site: rendered by :mod:`eakit.render.diagrams`, embedded inline.

The diagrams package links nodes with URLs relative to the site root; :func:`embed`
rebases them for the page that shows the diagram and removes anything active from the
SVG (scripts, event handlers, ``javascript:`` links) as a second line of defence after the
renderer's own escaping.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.messages import in_lang
from eakit.render import diagrams
from eakit.render.diagrams import Drawing
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
        root.attrib.pop(name, "")  # any default will do; lxml's stub takes no None
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


def site_views(graph: ModelGraph, drawings: Sequence[Drawing], lang: str) -> list[View]:
    """The SVG drawings of views as the site shows them, in drawing order (drawn in
    ``lang`` with links relative to the site root)."""
    return [
        View(
            name=drawing.view.name,
            title=drawing.view.title(graph, lang),
            agency=drawing.view.agency,
            svg=drawing.data.decode("utf-8"),
        )
        for drawing in drawings
        if drawing.fmt == "svg"
    ]


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
                return component_id, None, in_lang(error.message, lang)
            return component_id, Path(path).read_text("utf-8"), None

        # Graphviz runs as a subprocess, so threads overlap the waits on ``dot``.
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            done = list(pool.map(one, ids))
    drawn = {cid: svg for cid, svg, _ in done if svg is not None}
    failed = {cid: error for cid, _, error in done if error is not None}
    return drawn, failed
