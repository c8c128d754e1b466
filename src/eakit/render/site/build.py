"""Build a model's documentation site: generate pages, run the real ``mkdocs build``.

The Markdown and ``mkdocs.yml`` live in a temporary folder; the built HTML replaces
``out_dir`` atomically, so a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import yaml

from eakit import atomic
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.model.frameworks import framework_name
from eakit.render import diagrams
from eakit.render.dates import shown
from eakit.render.diagrams import Drawing
from eakit.render.diagrams.views import RESILIENCE_VIEW
from eakit.render.site import figures as fig
from eakit.render.site.config import ASSET_FILES, ASSETS, mkdocs_config
from eakit.render.site.i18n import words as words_for
from eakit.render.site.layout import SiteLayout
from eakit.render.site.markup import html_path
from eakit.render.site.national import GroupedPages
from eakit.render.site.pages import Figures, SitePages
from eakit.render.site.slots import write_slots
from eakit.render.site.theme_words import write_overrides

# Files mkdocs writes that do not fit a site opened from a folder: the sitemaps carry the
# build date and need a site URL; the 404 page links assets from the server root "/".
_DROPPED_FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html")


class SiteBuildError(RuntimeError):
    """MkDocs could not build the site; the message holds what it reported."""


# The last graph's default layout (one only: a layout holds its graph alive).
_LAST_LAYOUT: list[SiteLayout] = []


def default_layout(graph: ModelGraph) -> SiteLayout:
    """The default layout of a graph, computed once: ``eakit build`` links its diagrams
    into the site before building it, and a national model's layout takes seconds."""
    if _LAST_LAYOUT and _LAST_LAYOUT[0].graph is graph:
        return _LAST_LAYOUT[0]
    layout = SiteLayout(graph)
    _LAST_LAYOUT[:] = [layout]
    return layout


def root_link(graph: ModelGraph, layout: SiteLayout | None = None) -> Callable[[str], str | None]:
    """Link of a component for diagrams: its page (and anchor), relative to the site root."""
    layout = layout if layout is not None else default_layout(graph)

    def link(component_id: str) -> str | None:
        if component_id not in graph:
            return None
        page, anchor = layout.target(component_id)
        return html_path(page) + (f"#{anchor}" if anchor else "")

    return link


def render_figures(
    graph: ModelGraph,
    result: CheckResult | None,
    lang: str,
    layout: SiteLayout | None = None,
    drawings: Sequence[Drawing] | None = None,
) -> Figures:
    """All views, and every component's neighbourhood diagram when each component has its
    own page (a large model's agency pages show none: one ``dot`` run per component would
    take hours; its views are aggregated by the diagrams package). Empty without the
    renderer. ``drawings`` are the views already drawn (see :func:`build_site`)."""
    layout = layout if layout is not None else default_layout(graph)
    link = root_link(graph, layout)
    if drawings is None:
        drawings = diagrams.draw_views(graph, result, formats=("svg",), lang=lang, link=link)
    # The analysis views have pages of their own (the resilience page), not a place
    # among the views.
    views = fig.site_views(graph, [d for d in drawings if d.view.analysis is None], lang)
    spof = next(
        (d.data.decode() for d in drawings if d.view.analysis == RESILIENCE_VIEW),
        None,
    )
    if layout.paged:
        return Figures(views=views, resilience=spof)
    focus, failed = fig.render_focus_all(graph, result, graph.ids(), lang, link)
    return Figures(views=views, focus=focus, failed=failed, resilience=spof)


class _Collect(logging.Handler):
    """Keeps mkdocs' warnings for the error message instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = (logger.propagate, logger.level)
    logger.addHandler(collect)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])


def run_mkdocs(config_file: Path) -> None:
    """``mkdocs build --strict`` on a config file, through mkdocs' Python API."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collect:
        try:
            config = load_config(str(config_file), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            details = "; ".join(collect.messages) or str(error)
            raise SiteBuildError(f"mkdocs build failed: {details}") from error
        except SystemExit as error:  # mkdocs exits on a broken config
            raise SiteBuildError(f"mkdocs build failed: {'; '.join(collect.messages)}") from error


def write_sources(
    graph: ModelGraph,
    result: CheckResult | None,
    folder: Path,
    *,
    lang: str,
    figures: Figures,
    layout: SiteLayout | None = None,
) -> Path:
    """Write the Markdown pages, assets and ``mkdocs.yml`` into ``folder``; return the config."""
    words = words_for(lang)
    docs = folder / "docs"
    layout = layout if layout is not None else default_layout(graph)
    pages = (
        GroupedPages(graph, result, words, figures, layout)
        if layout.paged
        else SitePages(graph, result, words, figures, layout)
    )
    # One page at a time: a national site's tables never sit in memory all together.
    for path, text in pages.iter_pages():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
        if pages.slots is not None:
            write_slots(folder, path, pages.slots.take(path))
    drawn = [(view.name, view.svg) for view in figures.views]
    if figures.resilience is not None:
        drawn.append(("resilience", figures.resilience))
    for name, svg in drawn:
        target = docs / "diagrams" / f"{name}.svg"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fig.embed(svg, "../", standalone=True), "utf-8")
    (docs / "assets").mkdir(parents=True, exist_ok=True)
    for name in ASSET_FILES:
        shutil.copyfile(ASSETS / name, docs / "assets" / name)
    config = mkdocs_config(
        site_name=pages.arch_name(),
        words=words,
        nav=pages.nav(),
        docs_dir=docs,
        site_dir=folder / "site",
        theme_dir=write_overrides(folder / "theme", lang),
        footer=f"{words('built_with')} {graph.architecture.id} · "
        f"{framework_name(graph.architecture.framework, lang)} · "
        f"{words('as_of')} {shown(graph.architecture.as_of)}",
    )
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return config_file


def build_site(
    graph: ModelGraph,
    result: CheckResult | None,
    out_dir: Path,
    *,
    lang: str = "vi",
    diagrams: bool = True,
    layout: SiteLayout | None = None,
    drawings: Sequence[Drawing] | None = None,
) -> Path:
    """Build the HTML site of a model into ``out_dir`` (replaced as a whole); return it.

    ``result`` adds findings, readiness and the rule reference; ``diagrams`` embeds the
    Graphviz views and each component's neighbourhood (when the renderer is installed).
    ``layout`` decides where components are documented (default: one page each, or above
    :data:`~eakit.render.site.layout.PAGED_THRESHOLD` components a page per top-level
    agency, see :mod:`eakit.render.site.national`).
    ``drawings`` are the model's views as :func:`eakit.render.diagrams.draw_views` drew
    them for the same ``result`` and ``lang``, in SVG, with the links of
    :func:`root_link` for this layout (``eakit build`` draws them once for its
    ``diagrams/`` folder and the site); without them the site draws its own.
    Raises :class:`SiteBuildError` when mkdocs fails; ``out_dir`` is then untouched.
    """
    words_for(lang)  # fail early on an unknown language
    out_dir = Path(out_dir)
    layout = layout if layout is not None else default_layout(graph)
    figures = render_figures(graph, result, lang, layout, drawings) if diagrams else Figures()
    with tempfile.TemporaryDirectory(prefix="eakit-site-") as tmp:
        config_file = write_sources(
            graph, result, Path(tmp), lang=lang, figures=figures, layout=layout
        )
        run_mkdocs(config_file)
        built = Path(tmp) / "site"
        for name in _DROPPED_FILES:
            (built / name).unlink(missing_ok=True)
        with atomic.replace_dir(out_dir, owner="docs") as staging:
            for item in sorted(built.iterdir()):
                shutil.move(str(item), staging / item.name)
    return out_dir
