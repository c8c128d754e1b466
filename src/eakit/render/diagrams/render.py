"""Running Graphviz ``dot`` and writing the diagram files.

The entry points other renderers call are :func:`render_views` and :func:`render_focus`,
which write atomically, one file per view and format, and :func:`draw_views`, which keeps
the drawings in memory (``eakit build`` writes them and hands them to the site).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eakit import atomic
from eakit.diagnostics import Location
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.messages import Bilingual, did_you_mean, in_lang, say
from eakit.render.diagrams.dot import scene_to_dot
from eakit.render.diagrams.scene import LinkFn, Scene, SceneContext, build_scene
from eakit.render.diagrams.views import ResolvedView, ViewCatalog, ViewError, focus_view
from eakit.text import for_terminal

_T = TypeVar("_T")

FORMATS = ("svg", "png", "dot")
LANGS = ("vi", "en")
PNG_DPI = 144  # sharp on screens and on an A4 print, still a modest file
#: Above this many per-agency views, they are drawn only when asked for by name
#: (``--view agency-<id>``, or ``--focus``): a national model has thousands of agencies.
MAX_AGENCY_VIEWS = 60
DOT_TIMEOUT = 300  # seconds; a view of a few hundred nodes takes well under one
INSTALL_HINT = say("graphviz.install")


class GraphvizError(RuntimeError):
    """Graphviz is missing or failed; the message (in both languages) says what to do.
    ``location`` is the place in the model of the component ``dot`` could not draw, when
    it names one."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location


# How ``dot`` names the node it stopped at: "... in label of node co-quan".
_FAILED_NODE = re.compile(r"\bnode \"?([a-z0-9][a-z0-9-]*)\b")


def located(error: GraphvizError, graph: ModelGraph, view: str) -> GraphvizError:
    """``error`` on one line, naming the view, and located at the component whose node
    ``dot`` names (model text it quotes is shown escaped)."""
    if error.location is not None:
        return error
    message = Bilingual(
        *(for_terminal(" ".join(in_lang(error.message, lang).split())) for lang in LANGS)
    )
    found = _FAILED_NODE.search(error.message)
    location = None
    if found is not None and found.group(1) in graph:
        location = graph.location(found.group(1))
    return GraphvizError(say("graphviz.in_view", view=view, message=message), location)


def dot_binary() -> str:
    """Path of the ``dot`` program, or :class:`GraphvizError` saying how to install it."""
    found = shutil.which("dot")
    if found is None:
        raise GraphvizError(say("graphviz.missing", install=INSTALL_HINT))
    return found


def run_dot(source: str, fmt: str, binary: str | None = None) -> bytes:
    """Lay out DOT ``source`` with ``dot`` and return the ``fmt`` output bytes."""
    if fmt == "dot":
        return source.encode("utf-8")
    args = [binary or dot_binary(), f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={PNG_DPI}")
    try:
        done = subprocess.run(
            args,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise GraphvizError(say("graphviz.cannot_run", install=INSTALL_HINT)) from None
    except subprocess.TimeoutExpired:
        raise GraphvizError(say("graphviz.timeout", seconds=DOT_TIMEOUT)) from None
    if done.returncode != 0 or not done.stdout:
        # dot's own words, in English, or its exit code.
        said: str = done.stderr.decode("utf-8", "replace").strip()
        message = said or say("graphviz.exit", code=done.returncode)
        raise GraphvizError(say("graphviz.failed", message=message))
    return done.stdout


def _check_options(formats: Iterable[str], lang: str) -> list[str]:
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in FORMATS:
            raise ViewError(say("view.unknown_format", fmt=fmt, choices=", ".join(FORMATS)))
    if not wanted:
        raise ViewError(say("view.no_format"))
    if lang not in LANGS:
        raise ViewError(say("view.unknown_lang", lang=lang, choices=", ".join(LANGS)))
    return wanted


@dataclass(frozen=True)
class Drawing:
    """One view drawn in one format: the bytes ``dot`` wrote (DOT text for ``dot``)."""

    view: ResolvedView
    fmt: str
    data: bytes


def default_views(catalog: ViewCatalog) -> list[ResolvedView]:
    """The views drawn when none is named: all, except per-agency views when there are
    more than :data:`MAX_AGENCY_VIEWS` of them (then they are not even listed)."""
    if catalog.agency_views_exceed(MAX_AGENCY_VIEWS):
        return catalog.model_wide()
    return catalog.all()


def _pick(catalog: ViewCatalog, names: Sequence[str] | None) -> list[ResolvedView]:
    if names is None:
        return default_views(catalog)
    chosen: dict[str, ResolvedView] = {}
    for name in names:
        view = catalog.get(name)
        if view is None:
            known = [v.name for v in catalog.all()]
            hint = did_you_mean(name, known)
            raise ViewError(say("view.unknown", name=name, hint=hint, known=", ".join(known)))
        chosen.setdefault(name, view)
    return list(chosen.values())


def _draw(
    graph: ModelGraph,
    result: CheckResult | None,
    views: Sequence[str] | None,
    formats: Sequence[str],
    lang: str,
    link: LinkFn | None,
    keep: Callable[[Drawing], _T],
) -> list[_T]:
    """Draw the chosen views in every format, ``dot`` two at a time; ``keep`` gets each
    drawing as it is made (so files are written without holding every drawing)."""
    wanted = _check_options(formats, lang)
    chosen = _pick(ViewCatalog(graph), views)
    binary = None if wanted == ["dot"] else dot_binary()
    context = SceneContext(graph, result, lang)
    jobs: list[tuple[ResolvedView, str, str]] = []
    for view in chosen:
        source = scene_to_dot(_scene(graph, view, result, lang, link, context))
        jobs.extend((view, source, fmt) for fmt in wanted)

    def one(job: tuple[ResolvedView, str, str]) -> _T:
        view, source, fmt = job
        try:
            data = run_dot(source, fmt, binary)
        except GraphvizError as error:
            raise located(error, graph, view.name) from None
        return keep(Drawing(view, fmt, data))

    workers = max(1, min(2, os.cpu_count() or 1, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, jobs))


def _scene(
    graph: ModelGraph,
    view: ResolvedView,
    result: CheckResult | None,
    lang: str,
    link: LinkFn | None,
    context: SceneContext,
) -> Scene:
    if view.analysis is not None:
        # The analyses draw with this package, so they are imported only when drawn.
        from eakit.analysis.diagram import SCENES

        return SCENES[view.analysis](graph, lang, link)
    return build_scene(graph, view, result, lang=lang, link=link, context=context)


def draw_views(
    graph: ModelGraph,
    result: CheckResult | None,
    *,
    formats: Sequence[str] = ("svg",),
    lang: str = "vi",
    views: Sequence[str] | None = None,
    link: LinkFn | None = None,
) -> list[Drawing]:
    """Draw every view of the model (or the named ones) in memory, in view order and, for
    each view, in the order of ``formats``. Same choice of views and errors as
    :func:`render_views`."""
    return _draw(graph, result, views, formats, lang, link, lambda drawing: drawing)


def render_views(
    graph: ModelGraph,
    result: CheckResult | None,
    out_dir: Path,
    *,
    formats: Sequence[str] = ("svg",),
    lang: str = "vi",
    views: Sequence[str] | None = None,
    link: LinkFn | None = None,
) -> list[Path]:
    """Render every view of the model (or the named ones) into ``out_dir``.

    Files are named ``<view>.<format>``; the paths are returned in view order. Without
    ``views``, a model with more than :data:`MAX_AGENCY_VIEWS` agency views gets only its
    model-wide views (name an agency view to draw it).
    Raises :class:`ViewError` for an unknown view, format or language and
    :class:`GraphvizError` when ``dot`` is missing or fails.
    """

    def write(drawing: Drawing) -> Path:
        path = Path(out_dir) / f"{drawing.view.name}.{drawing.fmt}"
        atomic.write_bytes(path, drawing.data)
        return path

    return _draw(graph, result, views, formats, lang, link, write)


# How Graphviz writes a node's URL in SVG (``<a xlink:href="...">``; newer releases may
# write a plain ``href``). Attribute values escape ``>`` and ``"``, so this cannot match
# inside a title or a tooltip.
_SVG_LINK = re.compile(rb'(<a (?:[^>]* )?(?:xlink:)?href=")')
_PLAIN_PREFIX = re.compile(r"[A-Za-z0-9._~/-]*")


def prefix_links(svg: bytes, prefix: str) -> bytes:
    """An SVG drawing with ``prefix`` (such as ``../site/``) put before every node link.

    Gives the bytes ``dot`` writes when the links are drawn with the prefix: a link is
    not part of the layout. For links relative to somewhere else, without drawing again.
    """
    if not _PLAIN_PREFIX.fullmatch(prefix):
        raise ValueError(f"link prefix {prefix!r} would need escaping")
    return _SVG_LINK.sub(lambda m: m.group(1) + prefix.encode("ascii"), svg)


def render_focus(
    graph: ModelGraph,
    result: CheckResult | None,
    component_id: str,
    out_path: Path,
    *,
    depth: int = 1,
    fmt: str = "svg",
    lang: str = "vi",
    link: LinkFn | None = None,
) -> Path:
    """Render the neighbourhood of one component (``depth`` hops both ways) to ``out_path``."""
    [fmt] = _check_options([fmt], lang)
    view = focus_view(graph, component_id, depth)
    source = scene_to_dot(build_scene(graph, view, result, lang=lang, link=link))
    try:
        data = run_dot(source, fmt)
    except GraphvizError as error:
        raise located(error, graph, view.name) from None
    path = Path(out_path)
    atomic.write_bytes(path, data)
    return path


def render_dot_source(
    graph: ModelGraph,
    result: CheckResult | None,
    view_name: str,
    *,
    lang: str = "vi",
    link: LinkFn | None = None,
) -> str:
    """The DOT text of one view (for inspection and tests)."""
    [view] = _pick(ViewCatalog(graph), [view_name])
    return scene_to_dot(build_scene(graph, view, result, lang=lang, link=link))
