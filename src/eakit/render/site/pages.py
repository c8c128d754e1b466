"""The Markdown pages of a model's site, generated from the graph and the check result.

Each page is written as a Markdown heading plus HTML blocks, so that model text goes
through HTML escaping only (see :mod:`eakit.render.site.markup`). Page paths are relative
to the docs folder; :class:`SitePages` also knows the navigation tree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml

from eakit.findings import CheckResult, Finding, Score
from eakit.graph import Edge, ModelGraph
from eakit.labels import field_label
from eakit.model import LAYERS, BaseComponent, Layer, Status, kind_of, relation_types
from eakit.model.components import KIND_CLASSES
from eakit.model.frameworks import framework_name
from eakit.model.refs import ref_fields
from eakit.render import scores
from eakit.render.dates import shown
from eakit.render.judged import judged_by
from eakit.render.site.figures import View, embed
from eakit.render.site.i18n import Words
from eakit.render.site.layout import SiteLayout
from eakit.render.site.markup import (
    block,
    h,
    href,
    link,
    md_inline,
    root_prefix,
    safe_url,
    slug,
    table,
)
from eakit.render.site.resilience import RESILIENCE, resilience_page
from eakit.render.site.slots import Slots
from eakit.text import vi_sort_key

HOME = "index.md"
FINDINGS = "findings.md"
ROADMAP = "roadmap.md"
RULES = "rules.md"
DIAGRAMS = "diagrams.md"
LAYERS_INDEX = "layers/index.md"
AGENCIES_INDEX = "agencies/index.md"
COMPONENTS_INDEX = "components/index.md"

# Preferred names of the view shown on the home page, in order.
OVERVIEW_VIEWS = ("overview", "layers", "layered", "tong-the", "tong-quan")
AGENCY_SEARCH_BOOST = 2.0
#: Every other component's page ranks above summary pages whose body names it.
COMPONENT_SEARCH_BOOST = 1.5
#: Material's ``hide`` front matter of pages that need the whole width (wide tables).
FULL_WIDTH = ("navigation", "toc")
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# Large models only: rows of a summary table before "and N more".
TABLE_LIMIT = 300


def component_page(graph: ModelGraph, component_id: str) -> str:
    """The page path of a component (agencies have their own section)."""
    folder = "agencies" if kind_of(graph.get(component_id)) == "agency" else "components"
    return f"{folder}/{component_id}.md"


def layer_page(layer: Layer | str) -> str:
    """The page path of a framework layer."""
    return f"layers/{Layer(layer).value}/index.md"


@dataclass
class Figures:
    """Rendered SVG diagrams (links relative to the site root)."""

    views: list[View] = field(default_factory=list)
    focus: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # id -> why it could not be drawn
    resilience: str | None = None  # the single points of failure diagram

    @property
    def overview(self) -> View | None:
        """The view shown on the home page: the overview, else the first one."""
        by_name = {view.name: view for view in self.views}
        for name in OVERVIEW_VIEWS:
            if name in by_name:
                return by_name[name]
        return self.views[0] if self.views else None

    def of_agency(self, agency_id: str) -> View | None:
        """The view drawn for one agency, if the diagrams package has one."""
        return next((v for v in self.views if v.agency == agency_id), None)


def _front_matter(title: str, boost: float | None = None, hide: tuple[str, ...] = ()) -> str:
    # Material writes page titles into <title> and the navigation unescaped: escape here.
    data: dict[str, Any] = {"title": h(title)}
    if boost is not None:
        data["search"] = {"boost": boost}
    if hide:
        data["hide"] = list(hide)
    meta = yaml.safe_dump(data, allow_unicode=True, width=10_000).strip()
    return f"---\n{meta}\n---\n\n"


def _percent(score: Score | None) -> str:
    ratio = score.ratio if score is not None else None
    return "–" if ratio is None else f"{round(ratio * 100)}%"


class SitePages:
    """Builds every page of the site for one language."""

    def __init__(
        self,
        graph: ModelGraph,
        result: CheckResult | None,
        words: Words,
        figures: Figures,
        layout: SiteLayout | None = None,
    ) -> None:
        self.graph = graph
        self.layout = layout if layout is not None else SiteLayout(graph)
        self.paged = self.layout.paged
        self.result = result
        self.w = words
        self.figures = figures
        self.findings: list[Finding] = sorted(
            result.findings if result else [],
            key=lambda f: (
                _SEVERITY_ORDER.get(f.severity.value, 9),
                f.rule_id,
                f.component or "",
            ),
        )
        self.by_component: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            if finding.component:
                self.by_component[finding.component].append(finding)
        # Large sites keep their bulky HTML out of Markdown (see :mod:`.slots`).
        self.slots: Slots | None = None
        # Names are collated, escaped and linked again and again: once per name or id.
        self._collated: dict[str, tuple[tuple[int, ...], tuple[int, ...], str]] = {}
        self._names: dict[str, tuple[str, str | None]] = {}
        self._links: dict[tuple[str, bool], str] = {}  # links of the page being built
        self._links_page = ""

    # --- names --------------------------------------------------------------------------

    def name(self, component: BaseComponent) -> str:
        """The name shown first (Vietnamese, or English on an English site)."""
        if self.w.lang == "en" and component.name_en:
            return component.name_en
        return component.name

    def other_name(self, component: BaseComponent) -> str | None:
        """The name in the other language, when the model has it."""
        if self.w.lang == "en":
            return component.name if component.name_en else None
        return component.name_en

    def arch_name(self) -> str:
        arch = self.graph.architecture
        return arch.name_en if self.w.lang == "en" and arch.name_en else arch.name

    def arch_other_name(self) -> str | None:
        arch = self.graph.architecture
        if self.w.lang == "en":
            return arch.name if arch.name_en else None
        return arch.name_en

    def description(self, component: BaseComponent) -> str | None:
        if self.w.lang == "en" and component.description_en:
            return component.description_en
        return component.description

    def collate(self, text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
        """The Vietnamese sort key of a text (names repeat: each is collated once)."""
        key = self._collated.get(text)
        if key is None:
            key = self._collated[text] = vi_sort_key(text)
        return key

    def sorted(self, components: Iterable[BaseComponent]) -> list[BaseComponent]:
        """Components in alphabetical order of the name shown (Vietnamese collation)."""
        return sorted(components, key=lambda c: (self.collate(self.name(c)), c.id))

    def names(self, component_id: str) -> tuple[str, str | None]:
        """A component's name shown and its other-language name, both HTML-escaped."""
        found = self._names.get(component_id)
        if found is None:
            component = self.graph.get(component_id)
            second = self.other_name(component)
            found = (h(self.name(component)), h(second) if second else None)
            self._names[component_id] = found
        return found

    def comp(self, page: str, component_id: str, *, other: bool = False) -> str:
        """A link to a component, with its other-language name in small type."""
        if page != self._links_page:
            # Pages are built one after another; a page links its hubs hundreds of times.
            self._links.clear()
            self._links_page = page
        key = (component_id, other)
        text = self._links.get(key)
        if text is not None:
            return text
        target, anchor = self.layout.target(component_id)
        name, second = self.names(component_id)
        # On a large site most links stay on the page: a bare anchor does not reload it.
        url = f"#{anchor}" if anchor and target == page else href(page, target, anchor)
        text = f'<a href="{h(url)}">{name}</a>'
        if other and second:
            text += f' <span class="eakit-other">{second}</span>'
        self._links[key] = text
        return text

    def raw(self, page: str, html: str, *, cls: str = "") -> str:
        """An HTML block of ``page``: inline, or through a slot on a large site."""
        if self.slots is None:
            return block(html, cls=cls)
        klass = f' class="{h(cls)}"' if cls else ""
        return self.slots.put(page, f"<div{klass}>\n{html}\n</div>")

    # --- small pieces of markup -------------------------------------------------------

    def badge(self, value: str, family: str) -> str:
        return (
            f'<span class="eakit-badge eakit-{h(family)}-{h(value)}">{h(self.w.enum(value))}</span>'
        )

    def both(self, primary: str, secondary: str | None) -> str:
        """Primary text with the other language beside it."""
        if secondary and secondary != primary:
            return f'{h(primary)} <span class="eakit-other">{h(secondary)}</span>'
        return h(primary)

    @property
    def _now_head(self) -> str:
        as_of = self.result.as_of if self.result else self.graph.architecture.as_of
        return scores.now_label(as_of, self.w.lang)

    @property
    def _later_head(self) -> str:
        return scores.target_label(self.graph.architecture.horizon, self.w.lang)

    def score_cell(self, now: Score | None, later: Score | None = None) -> str:
        cells = [self._score(now)]
        if later is not None:
            cells.append(self._score(later))
        return " → ".join(cells)

    def _score(self, score: Score | None) -> str:
        """The share as a bar and a percentage, the status beside it (an error standing
        reads "not met" whatever the share)."""
        if score is None or score.ratio is None:
            return '<span class="eakit-muted">–</span>'
        percent = round(score.ratio * 100)
        label = scores.verdict(score, self.w.lang)
        status = score.status or "none"
        return (
            f'<span class="eakit-score eakit-status-{h(status)}" title="{h(label)}">'
            f'<span class="eakit-bar"><span style="width:{percent}%"></span></span>'
            f" {percent}% · {h(scores.status_label(score, self.w.lang))}</span>"
        )

    def heading(
        self,
        page: str,
        title: str,
        subtitle: str | None = None,
        *,
        boost: float | None = None,
        anchor: str | None = None,
        hide: tuple[str, ...] = (),
    ) -> str:
        attrs = f" {{#{anchor}}}" if anchor else ""
        text = _front_matter(title, boost, hide) + f"# {md_inline(title)}{attrs}\n"
        if subtitle and subtitle != title:
            text += block(f"<p>{h(subtitle)}</p>", cls="eakit-subtitle")
        return text

    def figure(self, svg: str | None, page: str, caption: str, *, full: str | None = None) -> str:
        if not svg:
            return block(f"<p>{h(self.w('no_diagram'))}</p>", cls="eakit-muted")
        extra = ""
        if full:
            extra = f' · <a href="{h(href(page, full))}">SVG</a>'
        # The viewer's button shows only when the script runs (assets/eakit.js).
        labels = " ".join(
            f'data-{key.replace("_", "-")}="{h(self.w(key))}"'
            for key in ("zoom_in", "zoom_out", "zoom_fit", "zoom_close", "zoom_help")
        )
        button = (
            f'<button type="button" class="eakit-zoom-open" hidden>{h(self.w("zoom_open"))}'
            "</button>"
        )
        figure = (
            f'<figure class="eakit-figure" {labels}>{button}{embed(svg, root_prefix(page))}'
            f"<figcaption>{h(caption)} {h(self.w('diagram_hint'))}{extra}</figcaption></figure>"
        )
        if self.slots is not None:  # spliced in after indexing: never searched
            return self.slots.put(page, f'<div class="eakit-diagram">{figure}</div>')
        # The diagram's labels repeat the relations table; keep them out of the search index.
        return f'\n<div class="eakit-diagram" data-search-exclude>\n{figure}\n</div>\n'

    # --- pages ------------------------------------------------------------------------

    def all_pages(self) -> dict[str, str]:
        """Every page of the site: path → Markdown text."""
        pages = {
            HOME: self.home(),
            LAYERS_INDEX: self.layers_index(),
            AGENCIES_INDEX: self.agencies_index(),
            COMPONENTS_INDEX: self.components_index(),
            FINDINGS: self.findings_page(),
            ROADMAP: self.roadmap(),
            RULES: self.rules(),
        }
        if self.figures.views:
            pages[DIAGRAMS] = self.diagrams()
        pages[RESILIENCE] = self.resilience()
        for info in LAYERS:
            pages[layer_page(info.layer)] = self.layer(info.layer)
        for component_id in self.graph.ids():
            pages[component_page(self.graph, component_id)] = self.component(component_id)
        return pages

    def iter_pages(self) -> Iterator[tuple[str, str]]:
        """Every page of the site as ``(path, Markdown text)``, one at a time."""
        yield from self.all_pages().items()

    def home(self) -> str:
        page = HOME
        arch = self.graph.architecture
        out = [self.heading(page, self.arch_name(), self.arch_other_name())]
        facts: list[tuple[str, str]] = [
            (self.w("framework"), h(framework_name(arch.framework, self.w.lang, with_text=True))),
            (self.w("as_of"), h(shown(arch.as_of))),
            (self.w("horizon"), h(arch.horizon)),
        ]
        if self.result is not None:
            packs = judged_by(self.graph, self.result.framework, self.result.packs)
            facts.append((self.w("packs"), h(packs.lang(self.w.lang))))
        for key, ref in (("province", arch.province), ("owner_agency", arch.owner_agency)):
            if ref and ref in self.graph:
                facts.append((self.w(key), self.comp(page, ref)))
        if arch.approval:
            approval = arch.approval.decision_ref
            if arch.approval.date:
                approval += f", {arch.approval.date.isoformat()}"
            if arch.approval.issuer:
                approval += f", {arch.approval.issuer}"
            facts.append((self.w("approval"), h(approval)))
        for key in ("version", "adopted_from", "successor"):
            value = getattr(arch, key)
            if value:
                facts.append((self.w(key), h(value)))
        if arch.valid_to:
            facts.append((self.w("valid_to"), h(arch.valid_to.isoformat())))
        facts.append((self.w("component_count"), h(len(self.graph))))
        description = (
            arch.description_en if self.w.lang == "en" and arch.description_en else arch.description
        )
        intro = f"<p>{h(description)}</p>" if description else ""
        out.append(
            block(
                intro
                + table([self.w("attribute"), self.w("value")], [[h(k), v] for k, v in facts]),
                cls="eakit-facts",
            )
        )
        out.append(f"\n## {md_inline(self.w('readiness'))}\n")
        out.append(self.readiness_block(page))
        out.append(f"\n## {md_inline(self.w('findings_summary'))}\n")
        out.append(self.counts_block(page))
        out.append(f"\n## {md_inline(self.w('layer_overview'))}\n")
        out.append(self.layer_table(page))
        overview = self.figures.overview
        if overview:
            out.append(f"\n## {md_inline(self.w('overview_diagram'))}\n")
            out.append(
                self.figure(
                    overview.svg, page, overview.title + ".", full=f"diagrams/{overview.name}.svg"
                )
            )
        if arch.sources:
            out.append(f"\n## {md_inline(self.w('sources'))}\n")
            out.append(block("<ul>" + "".join(f"<li>{h(s)}</li>" for s in arch.sources) + "</ul>"))
        return "\n".join(out)

    def readiness_block(self, page: str) -> str:
        readiness = self.result.readiness if self.result else None
        if readiness is None:
            return block(f"<p>{h(self.w('readiness_none'))}</p>", cls="eakit-muted")
        lang = self.w.lang
        arch = self.graph.architecture
        as_of = self.result.as_of if self.result else arch.as_of
        now_head = scores.now_label(as_of, lang)
        later_head = scores.target_label(arch.horizon, lang)
        cards = "".join(
            f'<div class="eakit-card eakit-status-{h(score.status or "none")}">'
            f'<div class="eakit-card-label">{h(label)}</div>'
            f'<div class="eakit-card-value">{h(scores.status_label(score, lang))}</div>'
            f'<div class="eakit-card-note">{h(_percent(score))}'
            + (f" · {h(scores.errors_note(score, lang))}" if score.errors else "")
            + "</div></div>"
            for label, score in (
                (now_head, readiness.overall),
                (later_head, readiness.overall_horizon),
            )
        )
        rows = []
        for info in LAYERS:
            key = info.layer.value
            if key not in readiness.by_layer and key not in readiness.by_layer_horizon:
                continue
            rows.append(
                [
                    link(page, layer_page(info.layer), self.w.layer(info.layer)),
                    self._score(readiness.by_layer.get(key)),
                    self._score(readiness.by_layer_horizon.get(key)),
                ]
            )
        layer_table = table([self.w("layer"), now_head, later_head], rows) if rows else ""
        conventions = ""
        if readiness.conventions.total:
            conventions = (
                f"<p>{h(scores.conventions_label(lang))}: "
                f"{self.score_cell(readiness.conventions, readiness.conventions_horizon)}</p>"
            )
        method = f'<p class="eakit-method">{h(scores.method(lang))}</p>'
        return block(f'<div class="eakit-cards">{cards}</div>{layer_table}{conventions}{method}')

    def counts_block(self, page: str) -> str:
        if self.result is None:
            return block(f"<p>{h(self.w('no_findings'))}</p>")
        counts = self.result.counts()
        items = "".join(
            f'<a class="eakit-count eakit-severity-{sev}" '
            f'href="{h(href(page, FINDINGS))}#severity={sev}">'
            f'<span class="eakit-count-value">{counts[sev]}</span> {h(self.w.enum(sev))}</a>'
            for sev in ("error", "warning", "info")
        )
        waived = (
            '<span class="eakit-count eakit-waived">'
            f'<span class="eakit-count-value">{counts["waived"]}</span> '
            f"{h(self.w('waived'))}</span>"
        )
        return block(
            f'<div class="eakit-counts">{items}{waived}</div>'
            + (
                f"<p>{link(page, FINDINGS, self.w('see_all_findings'))}</p>"
                if page != FINDINGS
                else ""
            )
        )

    @cached_property
    def layer_counts(self) -> tuple[Counter[str], Counter[str]]:
        """Components and active findings by layer."""
        components: Counter[str] = Counter(c.layer.value for c in self.graph.components())
        findings: Counter[str] = Counter(f.layer for f in self.findings if f.active)
        return components, findings

    def layer_table(self, page: str) -> str:
        rows = []
        components, findings = self.layer_counts
        for info in LAYERS:
            rows.append(
                [
                    link(page, layer_page(info.layer), self.w.layer(info.layer))
                    + f' <span class="eakit-other">{h(self.w.layer_other(info.layer))}</span>',
                    h(components[info.layer.value]),
                    h(findings[info.layer.value]),
                ]
            )
        return block(table([self.w("layer"), self.w("count"), self.w("findings")], rows))

    def layers_index(self) -> str:
        page = LAYERS_INDEX
        return self.heading(page, self.w("layers")) + self.layer_table(page)

    def layer_head(self, layer: Layer) -> list[str]:
        """The top of a layer's page: heading and readiness now and at the horizon."""
        out = [self.heading(layer_page(layer), self.w.layer(layer), self.w.layer_other(layer))]
        readiness = self.result.readiness if self.result else None
        if readiness is not None and (
            layer.value in readiness.by_layer or layer.value in readiness.by_layer_horizon
        ):
            out.append(
                block(
                    f"<p><strong>{h(self.w('readiness'))}:</strong> "
                    f"{h(self._now_head)} "
                    f"{self._score(readiness.by_layer.get(layer.value))} · "
                    f"{h(self._later_head)} "
                    f"{self._score(readiness.by_layer_horizon.get(layer.value))}</p>"
                )
            )
        return out

    def layer(self, layer: Layer) -> str:
        page = layer_page(layer)
        out = self.layer_head(layer)
        members = self.graph.by_layer(layer)
        out.append(f"\n## {md_inline(self.w('layer_components'))}\n")
        if not members:
            out.append(block(f"<p>{h(self.w('no_components'))}</p>", cls="eakit-muted"))
        by_kind: dict[str, list[BaseComponent]] = defaultdict(list)
        for component in members:
            by_kind[kind_of(component)].append(component)
        for kind in (k for k in KIND_CLASSES if k in by_kind):
            out.append(f"\n### {md_inline(self.w.kind(kind))} ({len(by_kind[kind])})\n")
            out.append(self.component_table(page, by_kind[kind], show_kind=False))
        layer_findings = [f for f in self.findings if f.layer == layer.value]
        if layer_findings:
            out.append(f"\n## {md_inline(self.w('layer_findings'))}\n")
            out.append(self.findings_table(page, layer_findings, compact=True))
        return "\n".join(out)

    def component_table(
        self,
        page: str,
        components: Iterable[BaseComponent],
        *,
        show_kind: bool = True,
        show_layer: bool = False,
    ) -> str:
        components = self.sorted(components)
        hidden = 0
        if self.paged and len(components) > TABLE_LIMIT:
            hidden = len(components) - TABLE_LIMIT
            components = components[:TABLE_LIMIT]
        headers = [self.w("name")]
        if show_kind:
            headers.append(self.w("kind"))
        if show_layer:
            headers.append(self.w("layer"))
        headers += [self.w("agency"), self.w("status"), self.w("findings")]
        rows = []
        for component in components:
            row = [self.comp(page, component.id, other=True)]
            if show_kind:
                row.append(h(self.w.kind(kind_of(component))))
            if show_layer:
                row.append(link(page, layer_page(component.layer), self.w.layer(component.layer)))
            agency = self.graph.agency_of(component.id)
            row.append(self.comp(page, agency) if agency and agency != component.id else "")
            row.append(self.badge(component.status.value, "status"))
            row.append(self.finding_count(component.id))
            rows.append(row)
        more = f"<p>{h(self.w('more_rows', n=hidden))}</p>" if hidden else ""
        return self.raw(page, table(headers, rows) + more, cls="eakit-components")

    def finding_count(self, component_id: str) -> str:
        active = [f for f in self.by_component.get(component_id, []) if f.active]
        if not active:
            return ""
        worst = min(active, key=lambda f: _SEVERITY_ORDER.get(f.severity.value, 9)).severity.value
        return f'<span class="eakit-badge eakit-severity-{h(worst)}">{len(active)}</span>'

    def components_index(self) -> str:
        page = COMPONENTS_INDEX
        out = [self.heading(page, self.w("components"))]
        out.append(block(self.filter_box("eakit-components-all", with_selects=False)))
        headers = [
            self.w("name"),
            self.w("kind"),
            self.w("layer"),
            self.w("agency"),
            self.w("status"),
        ]
        rows, attrs = [], []
        for component in self.sorted(self.graph.components()):
            agency = self.graph.agency_of(component.id)
            rows.append(
                [
                    self.comp(page, component.id, other=True) + f" <code>{h(component.id)}</code>",
                    h(self.w.kind(kind_of(component))),
                    link(page, layer_page(component.layer), self.w.layer(component.layer)),
                    self.comp(page, agency) if agency and agency != component.id else "",
                    self.badge(component.status.value, "status"),
                ]
            )
            attrs.append('data-row=""')
        out.append(block(table(headers, rows, attrs=attrs), cls="eakit-components-all"))
        return "\n".join(out)

    def agencies_index(self) -> str:
        page = AGENCIES_INDEX
        out = [self.heading(page, self.w("agencies"))]
        agencies = {a.id for a in self.graph.by_kind("agency")}
        roots = [a for a in self.graph.by_kind("agency") if not self.graph.targets(a.id, "part_of")]
        readiness = self.result.readiness if self.result else None

        def tree(items: list[BaseComponent], seen: frozenset[str]) -> str:
            parts = []
            for agency in self.sorted(items):
                if agency.id in seen:
                    continue
                children = [
                    self.graph.get(c) for c in self.graph.children(agency.id) if c in agencies
                ]
                score = ""
                if readiness is not None and agency.id in readiness.by_agency:
                    score = " " + self._score(readiness.by_agency[agency.id])
                count = len(self.graph.components_of_agency(agency.id))
                parts.append(
                    f"<li>{self.comp(page, agency.id, other=True)} "
                    f'<span class="eakit-muted">({count})</span>{score}'
                    + (tree(children, seen | {agency.id}) if children else "")
                    + "</li>"
                )
            return '<ul class="eakit-tree">' + "".join(parts) + "</ul>"

        out.append(
            block(tree(roots, frozenset()) if roots else f"<p>{h(self.w('no_components'))}</p>")
        )
        return "\n".join(out)

    # --- one component --------------------------------------------------------------------

    def component(self, component_id: str) -> str:
        page = component_page(self.graph, component_id)
        component = self.graph.get(component_id)
        kind = kind_of(component)
        # Agencies are where readers start, so their pages rank first among equal matches.
        boost = AGENCY_SEARCH_BOOST if kind == "agency" else COMPONENT_SEARCH_BOOST
        out = [self.heading(page, self.name(component), self.other_name(component), boost=boost)]
        agency = self.graph.agency_of(component_id)
        chips = [
            '<span class="eakit-chip">'
            f"{self.both(self.w.kind(kind), self.w.kind_other(kind))}</span>",
            '<span class="eakit-chip">'
            f"{link(page, layer_page(component.layer), self.w.layer(component.layer))}</span>",
            self.badge(component.status.value, "status"),
        ]
        if agency and agency != component_id:
            chips.append(
                f'<span class="eakit-chip">{h(self.w("agency"))}: {self.comp(page, agency)}</span>'
            )
        # A component page is found by its own name and description: the chips, attributes
        # and relations name other components (its agency, its neighbours) and stay out of
        # the search index, as do its findings (see findings_table).
        out.append(block(" ".join(chips), cls="eakit-chips", searched=False))
        description = self.description(component)
        if description:
            out.append(
                block(
                    "".join(f"<p>{h(p)}</p>" for p in description.split("\n\n")),
                    cls="eakit-description",
                )
            )
        out.append(f"\n## {md_inline(self.w('attributes'))}\n")
        out.append(
            block(
                table([self.w("attribute"), self.w("value")], self.attribute_rows(component)),
                searched=False,
            )
        )
        out.append(f"\n## {md_inline(self.w('relations'))}\n")
        out.append(self.relations_block(page, component_id))
        if kind == "agency":
            out.extend(self.agency_sections(page, component_id))
        findings = self.by_component.get(component_id, [])
        out.append(f"\n## {md_inline(self.w('findings'))}\n")
        if findings:
            out.append(self.findings_table(page, findings, compact=True, show_component=False))
        else:
            out.append(block(f"<p>{h(self.w('no_findings'))}</p>", cls="eakit-muted"))
        agency_view = self.figures.of_agency(component_id) if kind == "agency" else None
        if agency_view is not None:
            out.append(f"\n## {md_inline(agency_view.title)}\n")
            out.append(
                self.figure(
                    agency_view.svg,
                    page,
                    agency_view.title + ".",
                    full=f"diagrams/{agency_view.name}.svg",
                )
            )
        elif component_id in self.figures.focus:
            out.append(f"\n## {md_inline(self.w('neighbourhood'))}\n")
            out.append(
                self.figure(self.figures.focus[component_id], page, self.w("neighbourhood") + ".")
            )
        elif component_id in self.figures.failed:
            out.append(f"\n## {md_inline(self.w('neighbourhood'))}\n")
            out.append(
                block(
                    f"<p>{h(self.w('diagram_failed'))} "
                    f"<code>{h(self.figures.failed[component_id])}</code></p>",
                    cls="eakit-muted",
                )
            )
        return "\n".join(out)

    def attribute_rows(self, component: BaseComponent) -> list[list[str]]:
        refs = {f.name for f in ref_fields(type(component))}
        skip = refs | {"id", "kind", "name", "name_en", "description", "description_en"}
        rows = [[h(self.w("id")), f"<code>{h(component.id)}</code>"]]
        other = self.other_name(component)
        if other:
            rows.append([h(self.w("name_en") if self.w.lang == "vi" else self.w("name")), h(other)])
        data = component.model_dump(mode="python", exclude_defaults=False)
        for name in type(component).model_fields:
            if name in skip:
                continue
            value = data.get(name)
            if value is None or value == [] or value == {}:
                continue
            if (name == "shared" and value is False) or (name == "recurring" and value is False):
                continue
            rows.append([h(self.w.field(name)), self.value(name, value)])
        try:
            location = self.graph.location(component.id)
            rows.append([h(self.w("declared_in")), f"<code>{h(location)}</code>"])
        except KeyError:
            pass
        return rows

    def value(self, name: str, value: Any) -> str:
        """One attribute value as HTML."""
        if isinstance(value, bool):
            return h(self.w("yes") if value else self.w("no"))
        if isinstance(value, dt.date):
            return h(value.isoformat())
        if isinstance(value, Status) or name in ("status", "scope"):
            return (
                self.badge(str(value), "status") if name == "status" else h(self.w.enum(str(value)))
            )
        if isinstance(value, str) and self.w.has_values(name):
            return h(self.w.value(name, value))
        if name == "url" and isinstance(value, str):
            url = safe_url(value)
            if url:
                return f'<a href="{h(url)}" rel="noopener noreferrer nofollow">{h(value)}</a>'
            return f"<code>{h(value)}</code>"
        if isinstance(value, dict):
            return "<br>".join(
                f"{h(self.w.field(str(k)))}: {self.value(str(k), v)}"
                for k, v in sorted(value.items())
            )
        if isinstance(value, list):
            return ", ".join(h(v) for v in value)
        if isinstance(value, float):
            return h(f"{value:g}")
        return h(value)

    def relations_block(self, page: str, component_id: str) -> str:
        types = relation_types()
        rows: list[tuple[tuple[Any, ...], list[str]]] = []

        def label(edge: Edge, outgoing: bool) -> str:
            rt = types.get(edge.type)
            if rt is None:
                return h(edge.type)
            if outgoing:
                primary, secondary = (
                    (rt.label, rt.label_en) if self.w.lang == "vi" else (rt.label_en, rt.label)
                )
            else:
                primary, secondary = (
                    (rt.reverse, rt.reverse_en)
                    if self.w.lang == "vi"
                    else (rt.reverse_en, rt.reverse)
                )
            return self.both(primary, secondary)

        def details(edge: Edge) -> str:
            parts = []
            relation = edge.relation
            if relation is not None:
                if relation.status is not Status.CURRENT:
                    parts.append(self.badge(relation.status.value, "status"))
                for key in ("protocol", "sync_mode", "standard_ref", "agreement_ref"):
                    value = getattr(relation, key)
                    if value:
                        parts.append(h(self.w.value(key, value)))
                if relation.target:
                    parts.append(h(f"{self.w('target')}: {relation.target}"))
                if relation.description:
                    parts.append(h(relation.description))
            elif edge.origin != "relation":
                field = field_label(edge.origin, self.w.lang)
                parts.append(
                    f'<span class="eakit-muted">{h(self.w("declared_as", field=field))}</span>'
                )
            return " · ".join(parts)

        for edge in self.graph.out_edges(component_id):
            other = self.graph.get(edge.target)
            rows.append(
                (
                    (0, edge.type, vi_sort_key(self.name(other))),
                    [
                        label(edge, True),
                        self.comp(page, edge.target, other=True),
                        h(self.w.kind(kind_of(other))),
                        details(edge),
                    ],
                )
            )
        for edge in self.graph.in_edges(component_id):
            other = self.graph.get(edge.source)
            rows.append(
                (
                    (1, edge.type, vi_sort_key(self.name(other))),
                    [
                        label(edge, False),
                        self.comp(page, edge.source, other=True),
                        h(self.w.kind(kind_of(other))),
                        details(edge),
                    ],
                )
            )
        if not rows:
            return block(f"<p>{h(self.w('no_relations'))}</p>", cls="eakit-muted")
        rows.sort(key=lambda r: r[0])
        return block(
            table(
                [self.w("relation"), self.w("component"), self.w("kind"), self.w("details")],
                [r for _, r in rows],
                columns=["relation", "component", "kind", "details"],
            ),
            cls="eakit-relations",
            searched=False,
        )

    def agency_sections(self, page: str, agency_id: str) -> list[str]:
        out = []
        readiness = self.result.readiness if self.result else None
        if readiness is not None and (
            agency_id in readiness.by_agency or agency_id in readiness.by_agency_horizon
        ):
            out.append(f"\n## {md_inline(self.w('agency_readiness'))}\n")
            out.append(
                block(
                    f"<p>{h(self._now_head)} "
                    f"{self._score(readiness.by_agency.get(agency_id))} · "
                    f"{h(self._later_head)} "
                    f"{self._score(readiness.by_agency_horizon.get(agency_id))}</p>"
                )
            )
        children = [self.graph.get(c) for c in self.graph.children(agency_id)]
        if children:
            out.append(f"\n## {md_inline(self.w('children'))}\n")
            out.append(
                block(
                    "<ul>"
                    + "".join(
                        f"<li>{self.comp(page, c.id, other=True)}</li>"
                        for c in self.sorted(children)
                    )
                    + "</ul>"
                )
            )
        members = self.graph.components_of_agency(agency_id)
        out.append(f"\n## {md_inline(self.w('agency_components'))}\n")
        if members:
            out.append(self.component_table(page, members, show_layer=True))
        else:
            out.append(block(f"<p>{h(self.w('no_components'))}</p>", cls="eakit-muted"))
        return out

    # --- findings, roadmap, rules, diagrams ------------------------------------------------------

    def rule_title(self, finding: Finding) -> str:
        return finding.title_en if self.w.lang == "en" and finding.title_en else finding.title

    def findings_table(
        self,
        page: str,
        findings: list[Finding],
        *,
        compact: bool = False,
        show_component: bool = True,
        wrapper: str = "",
    ) -> str:
        headers = [self.w("severity"), self.w("rule")]
        columns = ["severity", "rule"]
        if show_component:
            headers.append(self.w("component"))
            columns.append("component")
        if not compact:
            headers += [self.w("agency"), self.w("layer")]
            columns += ["agency", "layer"]
        headers += [self.w("message"), self.w("basis")]
        columns += ["message", "basis"]
        rows, attrs = [], []
        for finding in findings:
            sev = finding.severity.value
            severity = self.badge(sev, "severity")
            if finding.waived:
                severity += (
                    " " + f'<span class="eakit-badge eakit-waived">{h(self.w("waived"))}</span>'
                )
            row = [
                severity,
                f'<a href="{h(href(page, RULES, "rule-" + slug(finding.rule_id)))}">'
                f"<code>{h(finding.rule_id)}</code></a>"
                f'<br><span class="eakit-other">{h(self.rule_title(finding))}</span>',
            ]
            if show_component:
                row.append(
                    self.comp(page, finding.component)
                    if finding.component and finding.component in self.graph
                    else h(self.w("whole_model"))
                )
            if not compact:
                row.append(
                    self.comp(page, finding.agency)
                    if finding.agency and finding.agency in self.graph
                    else ""
                )
                row.append(
                    link(page, layer_page(finding.layer), self.w.layer(finding.layer))
                    if finding.layer in Layer._value2member_map_
                    else h(finding.layer)
                )
            message = f"{h(finding.message)}"
            if finding.remediation:
                message += (
                    f'<br><span class="eakit-fix">{h(self.w("remediation"))}: '
                    f"{h(finding.remediation)}</span>"
                )
            message += self.waiver_note(finding)
            row.append(message)
            row.append("<br>".join(self.basis_text(b) for b in finding.basis))
            rows.append(row)
            attrs.append(
                f'data-severity="{h(sev)}" data-layer="{h(finding.layer)}" '
                f'data-agency="{h(finding.agency or "")}" data-rule="{h(finding.rule_id)}" '
                f'data-waived="{"1" if finding.waived else "0"}"'
            )
        # Messages name components again and again; the findings have their own filter, so
        # the search index keeps to names and descriptions.
        return block(
            table(headers, rows, attrs=attrs, columns=columns),
            cls=f"eakit-findings {wrapper}".strip(),
            searched=False,
        )

    def rule_basis_html(self, basis: Any) -> str:
        """A citation on the rules page: the article's quote with its source and the
        verification mark, or openly unverified."""
        url = basis.url
        source = f' (<a href="{h(url)}">{h(self.w("basis_source"))}</a>)' if url else ""
        quote = basis.quote
        if basis.confidence != "verified" or not quote:
            return (
                f'<p class="eakit-basis">{h(str(basis))} '
                f'<span class="eakit-muted">({h(self.w("basis_unverified"))})</span>{source}</p>'
            )
        return (
            f'<p class="eakit-basis">{h(str(basis))} '
            f'<span class="eakit-muted">({h(self.w("basis_verified"))})</span></p>'
            f"<blockquote>“{h(quote)}”{source}</blockquote>"
        )

    def basis_text(self, basis: Any) -> str:
        text = h(str(basis))
        if getattr(basis, "confidence", "verified") != "verified":
            text += f' <span class="eakit-muted">({h(self.w("low_confidence"))})</span>'
        return text

    def filter_box(
        self,
        target: str,
        *,
        with_selects: bool = True,
        findings: list[Finding] | None = None,
        template: str | None = None,
    ) -> str:
        """A filter form for the rows of the ``div.<target>`` tables of a page: by text,
        and (``with_selects``) by severity, layer, agency of ``findings`` and waiver."""
        findings = self.findings if findings is None else findings
        if template is None:
            template = self.w("shown_of", shown="{shown}", total="{total}")
        parts = [f'<form class="eakit-filter" data-target="{h(target)}">']
        if with_selects:

            def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
                opts = f'<option value="">{h(self.w("filter_all"))}</option>' + "".join(
                    f'<option value="{h(v)}">{h(t)}</option>' for v, t in options
                )
                return f'<label>{h(label)} <select name="{h(name)}">{opts}</select></label>'

            severities = [(s, self.w.enum(s)) for s in ("error", "warning", "info")]
            layers = [(i.layer.value, self.w.layer(i.layer)) for i in LAYERS]
            agency_ids = sorted({f.agency for f in findings if f.agency and f.agency in self.graph})
            agencies = sorted(
                ((a, self.name(self.graph.get(a))) for a in agency_ids),
                key=lambda p: self.collate(p[1]),
            )
            parts.append(select("severity", self.w("severity"), severities))
            parts.append(select("layer", self.w("layer"), layers))
            parts.append(select("agency", self.w("agency"), agencies))
        parts.append(
            f"<label>{h(self.w('filter_text'))} "
            '<input type="search" name="q" autocomplete="off"></label>'
        )
        if with_selects:
            parts.append(
                '<label class="eakit-check"><input type="checkbox" name="waived"> '
                f"{h(self.w('show_waived'))}</label>"
            )
        parts.append(f'<output class="eakit-shown" data-template="{h(template)}"></output>')
        parts.append("</form>")
        return "".join(parts)

    def waiver_note(self, finding: Finding) -> str:
        """HTML after a waived finding's message: who waived it, until when and why."""
        if not finding.waived:
            return ""
        waived = finding.waived
        note = self.w(
            "waived_by",
            owner=waived.owner,
            expires=waived.expires.isoformat(),
            reason=waived.reason,
        )
        return f'<br><span class="eakit-muted">{h(note)}</span>'

    def findings_head(self, page: str) -> list[str]:
        """The top of a findings page: heading, counts and the check's notes. The page
        has no side bars, so its wide table has the whole width of the screen."""
        out = [self.heading(page, self.w("findings"), hide=FULL_WIDTH)]
        out.append(self.counts_block(page))
        if self.result is not None and self.result.notes:
            out.append(f"\n## {md_inline(self.w('notes'))}\n")
            out.append(
                block(
                    "<ul>"
                    + "".join(
                        f"<li>{self.badge(n.severity.value, 'severity')} "
                        f"<code>{h(n.location)}</code> {h(n.message)}</li>"
                        for n in self.result.notes
                    )
                    + "</ul>"
                )
            )
        return out

    def findings_page(self) -> str:
        page = FINDINGS
        out = self.findings_head(page)
        if not self.findings:
            return "\n".join(out)
        out.append(block(self.filter_box("eakit-findings-all")))
        out.append(self.findings_table(page, self.findings, wrapper="eakit-findings-all"))
        return "\n".join(out)

    def roadmap(self) -> str:
        page = ROADMAP
        out = [self.heading(page, self.w("roadmap"))]
        items = self.graph.by_kind("roadmap_item")
        out.append(f"\n## {md_inline(self.w('roadmap_items'))}\n")
        if not items:
            out.append(block(f"<p>{h(self.w('no_roadmap'))}</p>", cls="eakit-muted"))
        by_period: dict[str, list[BaseComponent]] = defaultdict(list)
        for item in items:
            by_period[getattr(item, "period", None) or ""].append(item)
        for period in sorted(by_period, key=lambda p: (p == "", p)):
            title = f"{self.w('period')} {period}" if period else self.w("no_year")
            out.append(f"\n### {md_inline(title)}\n")
            rows = []
            for item in self.sorted(by_period[period]):
                lead = getattr(item, "lead_agency", None)
                realises = getattr(item, "realises", [])
                rows.append(
                    [
                        self.comp(page, item.id, other=True),
                        self.comp(page, lead) if lead else "",
                        self.badge(item.status.value, "status"),
                        h(item.target or ""),
                        ", ".join(self.comp(page, r) for r in sorted(realises)),
                        h(getattr(item, "funding", None) or ""),
                    ]
                )
            out.append(
                self.raw(
                    page,
                    table(
                        [
                            self.w("name"),
                            self.w("lead_agency"),
                            self.w("status"),
                            self.w("target"),
                            self.w("realises"),
                            self.w("funding"),
                        ],
                        rows,
                    ),
                )
            )
        planned = [
            c
            for c in self.graph.components()
            if c.status is Status.PLANNED and kind_of(c) != "roadmap_item"
        ]
        out.append(f"\n## {md_inline(self.w('planned_components'))}\n")
        if not planned:
            out.append(block(f"<p>{h(self.w('no_planned'))}</p>", cls="eakit-muted"))
        by_year: dict[int | None, list[BaseComponent]] = defaultdict(list)
        for component in planned:
            by_year[component.target].append(component)
        for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
            out.append(f"\n### {md_inline(str(year) if year else self.w('no_year'))}\n")
            out.append(self.component_table(page, by_year[year], show_layer=True))
        retired = [c for c in self.graph.components() if c.status is Status.RETIRED]
        if retired:
            out.append(f"\n## {md_inline(self.w('retired_components'))}\n")
            out.append(self.component_table(page, retired, show_layer=True))
        return "\n".join(out)

    def rules(self) -> str:
        page = RULES
        out = [self.heading(page, self.w("rules"))]
        rules = sorted(self.result.rules, key=lambda r: r.id) if self.result else []
        if not rules:
            out.append(block(f"<p>{h(self.w('no_rules'))}</p>", cls="eakit-muted"))
            return "\n".join(out)
        counts: dict[str, int] = defaultdict(int)
        for finding in self.findings:
            if finding.active:
                counts[finding.rule_id] += 1
        for rule in rules:
            title = rule.title_en if self.w.lang == "en" and rule.title_en else rule.title
            other = rule.title if self.w.lang == "en" else rule.title_en
            out.append(f"\n### {md_inline(rule.id)} {md_inline(title)} {{#rule-{slug(rule.id)}}}\n")
            facts = [
                [h(self.w("severity")), self.badge(rule.severity.value, "severity")],
                [
                    h(self.w("layer")),
                    link(page, layer_page(rule.layer), self.w.layer(rule.layer))
                    if rule.layer in Layer._value2member_map_
                    else h(rule.layer),
                ],
                [h(self.w("pack")), h(rule.pack)],
                [h(self.w("basis")), "".join(self.rule_basis_html(b) for b in rule.basis)],
            ]
            if other and other != title:
                facts.insert(
                    0, [h(self.w("name_en") if self.w.lang == "vi" else self.w("name")), h(other)]
                )
            if rule.rationale:
                facts.append([h(self.w("rationale")), h(rule.rationale)])
            if rule.remediation:
                facts.append([h(self.w("remediation")), h(rule.remediation)])
            count = counts.get(rule.id, 0)
            facts.append(
                [
                    h(self.w("findings_count")),
                    f'<a href="{h(href(page, FINDINGS))}#q={h(rule.id)}">{count}</a>'
                    if count
                    else "0",
                ]
            )
            out.append(
                block(table([self.w("attribute"), self.w("value")], facts), cls="eakit-facts")
            )
        return "\n".join(out)

    def diagrams(self) -> str:
        page = DIAGRAMS
        out = [self.heading(page, self.w("diagrams"), hide=FULL_WIDTH)]
        # Agency views are shown on their agency's page; this page keeps the model-wide ones.
        for view in (v for v in self.figures.views if v.agency is None):
            out.append(f"\n## {md_inline(view.title)}\n")
            out.append(
                self.figure(view.svg, page, view.title + ".", full=f"diagrams/{view.name}.svg")
            )
        return "\n".join(out)

    def resilience(self) -> str:
        """Single points of failure and central systems (:mod:`.resilience`)."""
        from eakit.analysis.resilience import resilience

        return resilience_page(self, resilience(self.graph), self.figures.resilience)

    # --- navigation ------------------------------------------------------------------------

    def nav(self) -> list[Any]:
        """The MkDocs ``nav``: home, layers (with their components), agencies, the rest."""
        layers: list[Any] = [LAYERS_INDEX]
        for info in LAYERS:
            members = [
                component_page(self.graph, c.id)
                for c in self.sorted(self.graph.by_layer(info.layer))
                if kind_of(c) != "agency"
            ]
            layers.append({self.w.layer(info.layer): [layer_page(info.layer), *members]})
        agencies = [AGENCIES_INDEX] + [
            component_page(self.graph, a.id) for a in self.sorted(self.graph.by_kind("agency"))
        ]
        return self.nav_tree(layers, agencies, FINDINGS, COMPONENTS_INDEX)

    def nav_tree(self, layers: Any, agencies: Any, findings: Any, components: Any) -> list[Any]:
        """The site's navigation around the given sections (pages or lists of them)."""
        nav: list[Any] = [
            {self.w("home"): HOME},
            {self.w("layers"): layers},
            {self.w("agencies"): agencies},
            {self.w("findings"): findings},
            {self.w("roadmap"): ROADMAP},
            {self.w("rules"): RULES},
        ]
        if self.figures.views:
            nav.append({self.w("diagrams"): DIAGRAMS})
        nav.append({self.w("resilience"): RESILIENCE})
        nav.append({self.w("components"): components})
        return nav
