"""Running Graphviz ``dot`` and writing the diagram files.

The two entry points other renderers call are :func:`render_views` and
:func:`render_focus`; both write atomically, one file per view and format.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from eakit import atomic
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.render.diagrams.dot import scene_to_dot
from eakit.render.diagrams.scene import LinkFn, build_scene
from eakit.render.diagrams.views import ResolvedView, ViewError, focus_view, resolve_views
from eakit.text import did_you_mean

FORMATS = ("svg", "png", "dot")
LANGS = ("vi", "en")
PNG_DPI = 144  # sharp on screens and on an A4 print, still a modest file
#: Above this many per-agency views, they are drawn only when asked for by name
#: (``--view agency-<id>``, or ``--focus``): a national model has thousands of agencies.
MAX_AGENCY_VIEWS = 60
DOT_TIMEOUT = 300  # seconds; a view of a few hundred nodes takes well under one
INSTALL_HINT = (
    "install Graphviz and try again: 'apt-get install graphviz' (Debian, Ubuntu), "
    "'dnf install graphviz' (Fedora), 'brew install graphviz' (macOS), or see "
    "https://graphviz.org/download/"
)


class GraphvizError(RuntimeError):
    """Graphviz is missing or failed; the message says what to do."""


def dot_binary() -> str:
    """Path of the ``dot`` program, or :class:`GraphvizError` saying how to install it."""
    found = shutil.which("dot")
    if found is None:
        raise GraphvizError(f"Graphviz 'dot' was not found on PATH; {INSTALL_HINT}")
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
        raise GraphvizError(f"Graphviz 'dot' could not be run; {INSTALL_HINT}") from None
    except subprocess.TimeoutExpired:
        raise GraphvizError(
            f"Graphviz 'dot' took more than {DOT_TIMEOUT} s; narrow the view"
        ) from None
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise GraphvizError(f"Graphviz 'dot' failed: {message}")
    return done.stdout


def _check_options(formats: Iterable[str], lang: str) -> list[str]:
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in FORMATS:
            raise ViewError(f"unknown diagram format '{fmt}'; use one of {', '.join(FORMATS)}")
    if not wanted:
        raise ViewError("no diagram format given")
    if lang not in LANGS:
        raise ViewError(f"unknown language '{lang}'; use one of {', '.join(LANGS)}")
    return wanted


def default_views(resolved: list[ResolvedView]) -> list[ResolvedView]:
    """The views drawn when none is named: all, except per-agency views when there are
    more than :data:`MAX_AGENCY_VIEWS` of them."""
    if sum(1 for v in resolved if v.agency is not None) <= MAX_AGENCY_VIEWS:
        return resolved
    return [v for v in resolved if v.agency is None]


def _pick(resolved: list[ResolvedView], names: Sequence[str] | None) -> list[ResolvedView]:
    if names is None:
        return default_views(resolved)
    by_name = {v.name: v for v in resolved}
    for name in names:
        if name not in by_name:
            raise ViewError(
                f"no view named '{name}'{did_you_mean(name, by_name)}; "
                f"views of this model: {', '.join(by_name)}"
            )
    return [by_name[name] for name in dict.fromkeys(names)]


def _render_all(jobs: list[tuple[str, str, Path]], binary: str | None) -> list[Path]:
    """Run ``dot`` for (source, format, path) jobs, two at a time, writing each file."""

    def one(job: tuple[str, str, Path]) -> Path:
        source, fmt, path = job
        atomic.write_bytes(path, run_dot(source, fmt, binary))
        return path

    workers = max(1, min(2, os.cpu_count() or 1, len(jobs)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, jobs))


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
    wanted = _check_options(formats, lang)
    chosen = _pick(resolve_views(graph), views)
    binary = None if wanted == ["dot"] else dot_binary()
    jobs = []
    for view in chosen:
        source = scene_to_dot(build_scene(graph, view, result, lang=lang, link=link))
        jobs.extend((source, fmt, Path(out_dir) / f"{view.name}.{fmt}") for fmt in wanted)
    return _render_all(jobs, binary)


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
    path = Path(out_path)
    atomic.write_bytes(path, run_dot(source, fmt))
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
    [view] = _pick(resolve_views(graph), [view_name])
    return scene_to_dot(build_scene(graph, view, result, lang=lang, link=link))
