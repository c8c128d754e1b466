"""The site's page of single points of failure: the resilience diagram and, for each
network, its articulation points, bridges and most central systems (with links to the
components' pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eakit.analysis.labels import relation_label, text
from eakit.analysis.resilience import NetworkReport, Resilience
from eakit.messages import date_words
from eakit.render.site.markup import block, h, md_inline, table

if TYPE_CHECKING:
    from eakit.render.site.pages import SitePages

RESILIENCE = "resilience.md"
#: Rows of one table at most (a national model has a bridge per agency LAN).
ROW_LIMIT = 100


def _more(rows: int, lang: str) -> str:
    if rows <= ROW_LIMIT:
        return ""
    more = rows - ROW_LIMIT
    return block(f"<p>{h(text('site.more', lang, n=more))}</p>", cls="eakit-muted")


def _section(
    pages: SitePages,
    key: str,
    headers: tuple[str, ...],
    rows: list[list[str]],
    total: int,
    note: str | None = None,
) -> list[str]:
    """One part of a network's report: its heading, an optional note, then its table (the
    first :data:`ROW_LIMIT` of ``total`` rows) or "(none)"."""
    lang = pages.w.lang
    out = [f"\n### {md_inline(text(key, lang))}\n"]
    if note is not None:
        out.append(block(f"<p>{h(note)}</p>", cls="eakit-muted"))
    if not rows:
        out.append(block(f"<p>{h(text('resilience.none', lang))}</p>", cls="eakit-muted"))
        return out
    out.append(pages.raw(RESILIENCE, table([text(k, lang) for k in headers], rows)))
    out.append(_more(total, lang))
    return out


def _network(pages: SitePages, report: NetworkReport) -> list[str]:
    page, lang = RESILIENCE, pages.w.lang
    out = [f"\n## {md_inline(text(f'resilience.{report.name}', lang))}\n"]
    size = text("resilience.size", lang, nodes=report.nodes, edges=report.edges, parts=report.parts)
    out.append(block(f"<p>{h(size)}</p>"))
    cut_points = [
        [pages.comp(page, p.id, other=True), h(p.id), str(p.cut_off)]
        for p in report.cut_points[:ROW_LIMIT]
    ]
    out += _section(
        pages,
        "resilience.spof",
        ("col.component", "col.id", "col.cut_off"),
        cut_points,
        len(report.cut_points),
    )
    bridges = [
        [
            pages.comp(page, b.source) + " — " + pages.comp(page, b.target),
            h(", ".join(relation_label(t, lang) for t in b.types)),
            str(b.cut_off),
        ]
        for b in report.bridges[:ROW_LIMIT]
    ]
    out += _section(
        pages,
        "resilience.bridges",
        ("col.link", "col.relations", "col.cut_off"),
        bridges,
        len(report.bridges),
    )
    central = [
        [pages.comp(page, c.id, other=True), h(c.id), f"{c.score:.3f}"] for c in report.central
    ]
    sampled = report.sampled
    out += _section(
        pages,
        "resilience.central",
        ("col.component", "col.id", "col.score"),
        central,
        len(report.central),
        None if sampled is None else text("resilience.approx", lang, k=sampled),
    )
    return out


def resilience_page(pages: SitePages, result: Resilience, svg: str | None) -> str:
    """The Markdown of the page: the diagram (when drawn), then every network's tables."""
    lang = pages.w.lang
    date = date_words(result.when).lang(lang)
    out = [pages.heading(RESILIENCE, pages.w("resilience"))]
    out.append(block(f"<p>{h(text('site.intro', lang, date=date))}</p>"))
    if svg is not None:
        caption = text("diagram.title", lang) + "."
        out.append(pages.figure(svg, RESILIENCE, caption, full="diagrams/resilience.svg"))
    for report in result.networks:
        out.extend(_network(pages, report))
    return "\n".join(out)
