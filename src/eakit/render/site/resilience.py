"""The site's page of single points of failure: the resilience diagram and, for each
network, its articulation points, bridges and most central systems (with links to the
components' pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eakit.analysis.labels import relation_label, text
from eakit.analysis.resilience import NetworkReport, Resilience
from eakit.render.site.markup import block, h, md_inline, table
from eakit.text import vi_date

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


def _network(pages: SitePages, report: NetworkReport) -> list[str]:
    page, lang = RESILIENCE, pages.w.lang
    out = [f"\n## {md_inline(text(f'resilience.{report.name}', lang))}\n"]
    size = text("resilience.size", lang, nodes=report.nodes, edges=report.edges, parts=report.parts)
    out.append(block(f"<p>{h(size)}</p>"))
    none = block(f"<p>{h(text('resilience.none', lang))}</p>", cls="eakit-muted")
    out.append(f"\n### {md_inline(text('resilience.spof', lang))}\n")
    if report.cut_points:
        rows = [
            [pages.comp(page, p.id, other=True), h(p.id), str(p.cut_off)]
            for p in report.cut_points[:ROW_LIMIT]
        ]
        headers = [text(k, lang) for k in ("col.component", "col.id", "col.cut_off")]
        out.append(pages.raw(page, table(headers, rows)))
        out.append(_more(len(report.cut_points), lang))
    else:
        out.append(none)
    out.append(f"\n### {md_inline(text('resilience.bridges', lang))}\n")
    if report.bridges:
        rows = [
            [
                pages.comp(page, b.source) + " — " + pages.comp(page, b.target),
                h(", ".join(relation_label(t, lang) for t in b.types)),
                str(b.cut_off),
            ]
            for b in report.bridges[:ROW_LIMIT]
        ]
        headers = [text(k, lang) for k in ("col.link", "col.relations", "col.cut_off")]
        out.append(pages.raw(page, table(headers, rows)))
        out.append(_more(len(report.bridges), lang))
    else:
        out.append(none)
    out.append(f"\n### {md_inline(text('resilience.central', lang))}\n")
    if report.sampled is not None:
        approx = text("resilience.approx", lang, k=report.sampled)
        out.append(block(f"<p>{h(approx)}</p>", cls="eakit-muted"))
    if report.central:
        rows = [
            [pages.comp(page, c.id, other=True), h(c.id), f"{c.score:.3f}"] for c in report.central
        ]
        headers = [text(k, lang) for k in ("col.component", "col.id", "col.score")]
        out.append(pages.raw(page, table(headers, rows)))
    else:
        out.append(none)
    return out


def resilience_page(pages: SitePages, result: Resilience, svg: str | None) -> str:
    """The Markdown of the page: the diagram (when drawn), then every network's tables."""
    lang = pages.w.lang
    date = result.when.isoformat() if lang == "en" else vi_date(result.when)
    out = [pages.heading(RESILIENCE, pages.w("resilience"))]
    out.append(block(f"<p>{h(text('site.intro', lang, date=date))}</p>"))
    if svg is not None:
        caption = text("diagram.title", lang) + "."
        out.append(pages.figure(svg, RESILIENCE, caption, full="diagrams/resilience.svg"))
    for report in result.networks:
        out.extend(_network(pages, report))
    return "\n".join(out)
