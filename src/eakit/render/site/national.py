"""The pages of a large model's site: one page per agency group (see :mod:`.layout`).

A national model has about 100,000 components, 300,000 relations and 150,000 findings.
Its site has a page per root agency (a province, a ministry) where each agency is a
section and each of its components a table row (kind, status, key attributes, relations
both ways, findings), a findings page beside each, and summary pages. To build in
seconds and stay usable in a browser:

- the tables go through :mod:`.slots`, not Markdown: mkdocs parses and indexes only the
  headings and one short line per agency;
- the search index therefore holds pages and agencies (titles + a short line naming the
  province), a few thousand entries a browser indexes in a moment, not one per component
  (which no browser can index in usable time); the component rows of a page have their
  own diacritic-free filter box;
- names, links, labels and sort keys are computed once per component, not per use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from eakit.findings import CheckResult, Finding, Score
from eakit.graph import Edge, ModelGraph
from eakit.model import LAYERS, BaseComponent, Layer, Status, kind_of, relation_types
from eakit.model.components import KIND_CLASSES
from eakit.model.refs import ref_fields
from eakit.render.site.i18n import Words
from eakit.render.site.layout import GroupPage, Section, SiteLayout, anchor
from eakit.render.site.markup import block, h, href, link, md_inline, slug, table
from eakit.render.site.pages import (
    AGENCIES_INDEX,
    AGENCY_SEARCH_BOOST,
    COMPONENTS_INDEX,
    DIAGRAMS,
    FINDINGS,
    FULL_WIDTH,
    HOME,
    LAYERS_INDEX,
    ROADMAP,
    RULES,
    Figures,
    SitePages,
    layer_page,
)
from eakit.render.site.resilience import RESILIENCE
from eakit.render.site.slots import Slots

#: The page of findings on no component of the model (model-wide findings).
MODEL_FINDINGS = "findings/model.md"
#: Links shown per relation type in a component's row before "+N more".
LINKS_PER_TYPE = 5

_SEVERITIES = ("error", "warning", "info")
# Edges that make a component an agency's: its section says so already.
_OWNERSHIP = frozenset({"owned_by", "belongs_to", "provided_by", "led_by"})
# Fields shown elsewhere in a row (name, id, status column) or as relations.
_SHOWN_ELSEWHERE = frozenset({"id", "kind", "name", "name_en", "description", "description_en"})


def _field_names() -> set[str]:
    return {name for cls in KIND_CLASSES.values() for name in cls.model_fields}


class GroupedPages(SitePages):
    """Builds the pages of a large model's site, one page at a time."""

    def __init__(
        self,
        graph: ModelGraph,
        result: CheckResult | None,
        words: Words,
        figures: Figures,
        layout: SiteLayout,
    ) -> None:
        super().__init__(graph, result, words, figures, layout)
        self.slots = Slots()
        self.kinds = layout.kinds
        # Findings by the page that lists them: the findings page beside each group page.
        self.findings_at: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            component = finding.component
            if component is not None and component in graph:
                self.findings_at[layout.page_of(component)].append(finding)
            else:
                self.findings_at[MODEL_FINDINGS].append(finding)
        self._kind_labels = {kind: h(words.kind(kind)) for kind in KIND_CLASSES}
        self._status = {s.value: self.badge(s.value, "status") for s in Status}
        self._badges: dict[tuple[str, str, str, bool], str] = {}
        self._rule_cells: dict[tuple[str, str], str] = {}
        self._field_labels = {name: h(words.field(name)) for name in _field_names()}
        vi = words.lang == "vi"
        self._relation_labels: dict[tuple[str, bool], str] = {}
        for name, rt in relation_types().items():
            self._relation_labels[name, True] = h(rt.label if vi else rt.label_en)
            self._relation_labels[name, False] = h(rt.reverse if vi else rt.reverse_en)

    # --- pages --------------------------------------------------------------------------

    def all_pages(self) -> dict[str, str]:
        """Every page of the site: path → Markdown text (slots kept in :attr:`slots`)."""
        return dict(self.iter_pages())

    def iter_pages(self) -> Iterator[tuple[str, str]]:
        """Every page as ``(path, Markdown text)``; its slots wait in :attr:`slots`."""
        yield HOME, self.home()
        yield LAYERS_INDEX, self.layers_index()
        for info in LAYERS:
            yield layer_page(info.layer), self.layer(info.layer)
        yield AGENCIES_INDEX, self.agencies_index()
        yield COMPONENTS_INDEX, self.components_index()
        yield FINDINGS, self.findings_page()
        yield ROADMAP, self.roadmap()
        yield RULES, self.rules()
        yield RESILIENCE, self.resilience()
        if self.figures.views:
            yield DIAGRAMS, self.diagrams()
        for group_page in self.layout.group_pages():
            yield group_page.path, self.group_page(group_page)
        for page, title, back in self.findings_pages():
            yield page, self.group_findings(page, title, back)

    def group_title(self, group_page: GroupPage) -> str:
        """The title of a group page: its root agency (or "no agency"), part n of m."""
        if group_page.root is not None:
            title = self.name(self.graph.get(group_page.root))
        else:
            title = self.w("other_components")
        if group_page.parts > 1:
            title += " · " + self.w("page_of", n=group_page.part, count=group_page.parts)
        return title

    def findings_pages(self) -> list[tuple[str, str, str | None]]:
        """``(findings page, title, group page)`` of every findings page, in order."""
        out: list[tuple[str, str, str | None]] = []
        for group_page in self.layout.group_pages():
            if self.findings_at.get(group_page.path):
                title = self.group_title(group_page)
                out.append((group_page.findings_path, title, group_page.path))
        if self.findings_at.get(MODEL_FINDINGS):
            out.append((MODEL_FINDINGS, self.w("whole_model"), None))
        return out

    def findings_page_of(self, group_page: GroupPage) -> str | None:
        """The findings page beside a group page (``None`` without findings)."""
        return group_page.findings_path if self.findings_at.get(group_page.path) else None

    # --- a group page ---------------------------------------------------------------------

    def group_page(self, group_page: GroupPage) -> str:
        """The page of a root agency (or part of it): a section per agency, a row per
        component; only headings and short lines go through Markdown and search."""
        page = group_page.path
        root = group_page.root
        sections = group_page.sections
        root_here = root is not None and bool(sections) and sections[0].agency == root
        out = [
            self.heading(
                page,
                self.group_title(group_page),
                boost=AGENCY_SEARCH_BOOST,
                anchor=anchor(root) if root_here and root else None,
            )
        ]
        components = sum(len(s.ids) for s in sections)
        if root is None:
            lead = h(self.w("component_total", n=components))
        else:
            agencies = len(group_page.agencies)
            lead = h(self.w("group_summary", agencies=agencies, components=components))
            other = self.names(root)[1]
            if other:
                lead = f"{other} · {lead}"
        out.append(block(f'<p class="eakit-lead">{lead}</p>'))
        out.append(self.raw(page, self.group_header(group_page)))
        for index, section in enumerate(sections):
            if section.agency is None:
                kind = section.kind or ""
                title = f"{self.w.kind(kind)} ({len(section.ids)})"
                out.append(f"\n## {md_inline(title)} {{#kind-{slug(kind)}}}\n")
                out.append(self.raw(page, self.rows(page, section.ids, None)))
                continue
            if not (index == 0 and root_here):
                level = "##" if section.depth <= 1 else "###"
                name = self.name(self.graph.get(section.agency))
                out.append(f"\n{level} {md_inline(name)} {{#{anchor(section.agency)}}}\n")
                out.append(block(f'<p class="eakit-lead">{self.agency_lead(section, root)}</p>'))
            out.append(self.raw(page, self.agency_body(page, section), cls="eakit-agency"))
        return "\n".join(out)

    def group_header(self, group_page: GroupPage) -> str:
        """Links to the group's other pages and findings, and the row filter."""
        page = group_page.path
        parts = []
        siblings = self._siblings[page]
        if len(siblings) > 1:
            parts.append(
                "<p>"
                + " · ".join(
                    f"<strong>{h(self.w('page_of', n=p.part, count=p.parts))}</strong>"
                    if p is group_page
                    else link(page, p.path, self.w("page_of", n=p.part, count=p.parts))
                    for p in siblings
                )
                + "</p>"
            )
        findings = self.findings_at.get(page, [])
        if findings:
            parts.append(
                f"<p>{self.severity_counts(findings)} "
                f"{link(page, group_page.findings_path, self.w('findings_here'))}</p>"
            )
        parts.append(
            self.filter_box(
                "eakit-rows", with_selects=False, template=self.w("shown_of_components")
            )
        )
        return "".join(parts)

    @cached_property
    def _siblings(self) -> dict[str, list[GroupPage]]:
        return {page.path: pages for pages in self.layout.groups for page in pages}

    def agency_lead(self, section: Section, root: str | None) -> str:
        """The short searchable line under an agency's heading: its other name, the
        agency above it and its root (agency names repeat in every province)."""
        agency = section.agency or ""
        parts = []
        _, other = self.names(agency)
        if other:
            parts.append(other)
        parent = self.layout.parent_of(agency)
        if parent is not None and parent != root:
            parts.append(self.names(parent)[0])
        if root is not None and root != agency:
            parts.append(self.names(root)[0])
        parts.append(h(self.w("component_total", n=len(section.ids))))
        return " · ".join(parts)

    def agency_body(self, page: str, section: Section) -> str:
        """An agency's facts, readiness, relations and findings, then its components."""
        agency = section.agency or ""
        component = self.graph.get(agency)
        chips = [
            f'<span class="eakit-chip">{self._kind_labels["agency"]}</span>',
            self._status[component.status.value],
            f"<code>{h(agency)}</code>",
        ]
        parent = self.layout.parent_of(agency)
        if parent is not None:
            chips.append(
                f'<span class="eakit-chip">{h(self.w("parent_agency"))}: '
                f"{self.comp(page, parent)}</span>"
            )
        readiness = self.result.readiness if self.result else None
        if readiness is not None and agency in readiness.by_agency:
            score = self.score_cell(
                readiness.by_agency.get(agency), readiness.by_agency_horizon.get(agency)
            )
            chips.append(f'<span class="eakit-chip">{h(self.w("readiness"))}: {score}</span>')
        out = [f'<div class="eakit-chips">{" ".join(chips)}</div>']
        description = self.description(component)
        if description:
            out.append("".join(f"<p>{h(p)}</p>" for p in description.split("\n\n")))
        # The agency's own facts as short lines: its units and systems follow as rows.
        details = [
            self.attributes(component),
            self.relations(page, agency, None, skip_incoming=_OWNERSHIP | {"part_of"}),
            self.finding_badges(page, agency),
        ]
        out.extend(f'<p class="eakit-details">{d}</p>' for d in details if d)
        if section.ids:
            out.append(self.rows(page, section.ids, agency))
        return "\n".join(out)

    def rows(self, page: str, ids: tuple[str, ...], agency: str | None) -> str:
        """The component rows of a section: a table the page's filter box narrows."""
        kinds = self.kinds
        rows = []
        attrs = []
        for cid in ids:
            component = self.graph.get(cid)
            name, other = self.names(cid)
            ident = h(cid)
            title = f'<a href="#c-{ident}"><strong>{name}</strong></a>'
            if other:
                title += f' <span class="eakit-other">{other}</span>'
            attributes = self.attributes(component)
            relations = self.relations(page, cid, agency)
            rows.append(
                [
                    f"{title}<br><code>{ident}</code><br>"
                    f'<span class="eakit-chip">{self._kind_labels[kinds[cid]]}</span> '
                    + self._status[component.status.value],
                    attributes + ("<br>" if attributes and relations else "") + relations,
                    self.finding_badges(page, cid),
                ]
            )
            attrs.append(f'id="c-{ident}"')
        # Three columns: the content column of the theme is narrow.
        headers = [self.w("component"), self.w("details"), self.w("findings")]
        return f'<div class="eakit-rows">{table(headers, rows, attrs=attrs)}</div>'

    @cached_property
    def _plain_fields(self) -> dict[type, list[tuple[str, Any]]]:
        """Per component class: its fields that are not references, with their defaults."""
        out: dict[type, list[tuple[str, Any]]] = {}
        for cls in KIND_CLASSES.values():
            refs = {f.name for f in ref_fields(cls)}
            out[cls] = [
                (name, None if info.default_factory is not None else info.default)
                for name, info in cls.model_fields.items()
                if name not in refs and name not in _SHOWN_ELSEWHERE and name != "status"
            ]
        return out

    def attributes(self, component: BaseComponent) -> str:
        """The attributes of a component that carry information, as one compact line."""
        parts = []
        for name, default in self._plain_fields[type(component)]:
            value = getattr(component, name)
            if value is None or value == default or value == [] or value == {}:
                continue
            label = self._field_labels.get(name) or h(name)
            if hasattr(value, "model_dump"):  # a nested record (the security dossier)
                value = value.model_dump(mode="python", exclude_defaults=True)
                if not value:
                    continue
            if isinstance(value, dict):
                inner = ", ".join(
                    f"{self._field_labels.get(str(k)) or h(k)}: {self.value(str(k), v)}"
                    for k, v in sorted(value.items())
                )
                parts.append(f"{label}: ({inner})")
                continue
            parts.append(f"{label}: {self.value(name, value)}")
        return '<span class="eakit-attrs">' + " · ".join(parts) + "</span>" if parts else ""

    def relations(
        self,
        page: str,
        component_id: str,
        agency: str | None,
        *,
        skip_incoming: frozenset[str] = frozenset(),
    ) -> str:
        """A component's relations both ways, grouped by type, a few links per type."""
        lines = []
        outgoing: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.graph.out_edges(component_id):
            if edge.type in _OWNERSHIP and edge.target == agency:
                continue
            outgoing[edge.type].append(edge)
        incoming: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.graph.in_edges(component_id):
            if edge.type not in skip_incoming:
                incoming[edge.type].append(edge)
        for forward, grouped in ((True, outgoing), (False, incoming)):
            for edge_type in sorted(grouped):
                edges = grouped[edge_type]
                label = self._relation_labels.get((edge_type, forward)) or h(edge_type)
                links = []
                for edge in edges[:LINKS_PER_TYPE]:
                    other = edge.target if forward else edge.source
                    text = self.comp(page, other)
                    if edge.relation is not None and edge.relation.status is not Status.CURRENT:
                        text += " " + self._status[edge.relation.status.value]
                    links.append(text)
                if len(edges) > LINKS_PER_TYPE:
                    links.append(
                        f'<span class="eakit-muted">'
                        f"{h(self.w('and_more', n=len(edges) - LINKS_PER_TYPE))}</span>"
                    )
                arrow = "→" if forward else "←"
                lines.append(f'<span class="eakit-rel">{arrow} {label}:</span> ' + ", ".join(links))
        return "<br>".join(lines)

    def finding_badges(self, page: str, component_id: str) -> str:
        """The rule ids of a component's findings, coloured by severity, with the rule's
        title on hover; a click opens the rule (the messages are on the findings page)."""
        findings = self.by_component.get(component_id)
        if not findings:
            return ""
        rules = href(page, RULES)
        badges = []
        for finding in findings:
            key = (rules, finding.rule_id, finding.severity.value, finding.waived is not None)
            badge = self._badges.get(key)
            if badge is None:
                rule = finding.rule_id
                waived = " eakit-waived" if finding.waived else ""
                badge = self._badges[key] = (
                    f'<a class="eakit-badge eakit-severity-{finding.severity.value}{waived}" '
                    f'href="{h(rules)}#rule-{slug(rule)}" title="{h(self.rule_title(finding))}">'
                    f"{h(rule)}</a>"
                )
            badges.append(badge)
        return " ".join(badges)

    # --- findings -----------------------------------------------------------------------

    def severity_counts(self, findings: list[Finding]) -> str:
        """Badges with the number of active findings of each severity."""
        counts: Counter[str] = Counter(f.severity.value for f in findings if f.active)
        return " ".join(
            f"{self.badge(sev, 'severity')} {counts[sev]}" for sev in _SEVERITIES if counts[sev]
        )

    def group_findings(self, page: str, title: str, back: str | None) -> str:
        """The findings of one group page's components (or the model-wide ones), with
        filters; the table is spliced in after indexing."""
        findings = self.findings_at.get(back or MODEL_FINDINGS, [])
        out = [self.heading(page, f"{self.w('findings')} · {title}", hide=FULL_WIDTH)]
        links = [link(page, FINDINGS, self.w("findings"))]
        if back is not None:
            links.append(link(page, back, title))
        out.append(block(f"<p>{' · '.join(links)} · {self.severity_counts(findings)}</p>"))
        wrapper = "eakit-findings-all"
        out.append(self.raw(page, self.filter_box(wrapper, findings=findings)))
        rows = self.finding_rows(page, findings)
        # The findings table's layout (assets/eakit.css): fits the page, cards on a phone.
        out.append(self.raw(page, rows, cls=f"eakit-findings eakit-findings-list {wrapper}"))
        return "\n".join(out)

    def finding_rows(self, page: str, findings: list[Finding]) -> str:
        """A findings table without the per-rule columns (basis and remediation are on the
        rules page): severity, rule, component (and its agency), message."""
        rules = h(href(page, RULES))
        rows, attrs = [], []
        for finding in findings:
            sev = finding.severity.value
            severity = self.badge(sev, "severity")
            if finding.waived:
                severity += f' <span class="eakit-badge eakit-waived">{h(self.w("waived"))}</span>'
            rule = finding.rule_id
            rule_cell = self._rule_cells.get((rules, rule))
            if rule_cell is None:
                rule_cell = self._rule_cells[rules, rule] = (
                    f'<a href="{rules}#rule-{slug(rule)}"><code>{h(rule)}</code></a>'
                    f'<br><span class="eakit-other">{h(self.rule_title(finding))}</span>'
                )
            message = h(finding.message)
            message += self.waiver_note(finding)
            component = finding.component
            agency = finding.agency
            where = (
                self.comp(page, component)
                if component and component in self.graph
                else h(self.w("whole_model"))
            )
            if agency and agency in self.graph and agency != component:
                where += f'<br><span class="eakit-other">{self.comp(page, agency)}</span>'
            rows.append([severity, rule_cell, where, message])
            attrs.append(
                f'data-severity="{h(sev)}" data-layer="{h(finding.layer)}" '
                f'data-agency="{h(agency or "")}" data-rule="{h(rule)}" '
                f'data-waived="{"1" if finding.waived else "0"}"'
            )
        headers = [self.w("severity"), self.w("rule"), self.w("component"), self.w("message")]
        columns = ["severity", "rule", "component", "message"]
        return table(headers, rows, attrs=attrs, columns=columns)

    def findings_page(self) -> str:
        """The findings summary: counts, findings by rule and by group, links to the lists."""
        page = FINDINGS
        out = self.findings_head(page)
        if not self.findings:
            return "\n".join(out)
        out.append(f"\n## {md_inline(self.w('findings_by_group'))}\n")
        rows = []
        for findings_page, title, back in self.findings_pages():
            findings = self.findings_at[back or MODEL_FINDINGS]
            counts: Counter[str] = Counter(f.severity.value for f in findings if f.active)
            rows.append(
                [link(page, findings_page, title)]
                + [h(counts[sev]) for sev in _SEVERITIES]
                + [h(sum(1 for f in findings if not f.active))]
            )
        headers = [self.w("top_agency")] + [self.w.enum(s) for s in _SEVERITIES]
        out.append(self.raw(page, table([*headers, self.w("waived")], rows)))
        out.append(f"\n## {md_inline(self.w('findings_by_rule'))}\n")
        out.append(self.rule_summary(page))
        return "\n".join(out)

    def rule_summary(self, page: str, layer: str | None = None) -> str:
        """Active and waived findings per rule (of ``layer``, if given)."""
        first: dict[str, Finding] = {}
        active: Counter[str] = Counter()
        waived: Counter[str] = Counter()
        for finding in self.findings:
            if layer is not None and finding.layer != layer:
                continue
            first.setdefault(finding.rule_id, finding)
            (active if finding.active else waived)[finding.rule_id] += 1
        rows = []
        for rule_id in sorted(first):
            finding = first[rule_id]
            rows.append(
                [
                    self.badge(finding.severity.value, "severity"),
                    f'<a href="{h(href(page, RULES, "rule-" + slug(rule_id)))}">'
                    f"<code>{h(rule_id)}</code></a>"
                    f'<br><span class="eakit-other">{h(self.rule_title(finding))}</span>',
                    h(active[rule_id]),
                    h(waived[rule_id]),
                ]
            )
        return self.raw(
            page,
            table(
                [self.w("severity"), self.w("rule"), self.w("findings_count"), self.w("waived")],
                rows,
            ),
        )

    # --- summary pages ------------------------------------------------------------------

    @cached_property
    def _group_counts(self) -> dict[str, Counter[str]]:
        """Per group page: its components by layer (``"*"``: all, ``"agency"``: agencies)."""
        out: dict[str, Counter[str]] = {}
        for group_page in self.layout.group_pages():
            counts: Counter[str] = Counter()
            for cid in group_page.ids:
                counts[self.graph.get(cid).layer.value] += 1
                counts["*"] += 1
            counts["agency"] = len(group_page.agencies)
            out[group_page.path] = counts
        return out

    def groups_table(self, page: str, *, layer: str | None = None) -> str:
        """Every group page with its counts (of one layer's components, if given)."""
        readiness = self.result.readiness if self.result else None
        rows = []
        for group_page in self.layout.group_pages():
            counts = self._group_counts[group_page.path]
            if layer is not None:
                if counts[layer]:
                    rows.append([link(page, group_page.path, self.group_title(group_page)),
                                 h(counts[layer])])  # fmt: skip
                continue
            findings = self.findings_at.get(group_page.path, [])
            score: Score | None = None
            later: Score | None = None
            if readiness is not None and group_page.root is not None:
                score = readiness.by_agency.get(group_page.root)
                later = readiness.by_agency_horizon.get(group_page.root)
            findings_page = self.findings_page_of(group_page)
            rows.append(
                [
                    link(page, group_page.path, self.group_title(group_page)),
                    h(counts["agency"]),
                    h(counts["*"]),
                    self.score_cell(score, later) if score is not None else "",
                    link(page, findings_page, str(sum(1 for f in findings if f.active)))
                    if findings_page
                    else "0",
                ]
            )
        if layer is not None:
            return self.raw(page, table([self.w("top_agency"), self.w("count")], rows))
        headers = [
            self.w("top_agency"),
            self.w("agencies"),
            self.w("components"),
            self.w("readiness"),
            self.w("findings"),
        ]
        return self.raw(page, table(headers, rows))

    def layer(self, layer: Layer) -> str:
        page = layer_page(layer)
        out = self.layer_head(layer)
        members = self.graph.by_layer(layer)
        counts: Counter[str] = Counter(kind_of(c) for c in members)
        out.append(f"\n## {md_inline(self.w('layer_components'))}\n")
        if not members:
            out.append(block(f"<p>{h(self.w('no_components'))}</p>", cls="eakit-muted"))
        rows = [
            [self.both(self.w.kind(kind), self.w.kind_other(kind)), h(counts[kind])]
            for kind in KIND_CLASSES
            if counts[kind]
        ]
        if rows:
            out.append(block(table([self.w("kind"), self.w("count")], rows)))
        out.append(f"\n## {md_inline(self.w('by_group'))}\n")
        out.append(self.groups_table(page, layer=layer.value))
        if any(f.layer == layer.value for f in self.findings):
            out.append(f"\n## {md_inline(self.w('layer_findings'))}\n")
            out.append(self.rule_summary(page, layer.value))
        return "\n".join(out)

    def _groups_index(self, page: str, title: str) -> list[str]:
        """The opening of an index of a large model: its title, the note that it is
        shown by group, and the table of groups."""
        return [
            self.heading(page, title),
            block(f"<p>{h(self.w('paged_note', n=len(self.graph)))}</p>"),
            self.groups_table(page),
        ]

    def agencies_index(self) -> str:
        page = AGENCIES_INDEX
        out = self._groups_index(page, self.w("agencies"))
        out.append(f"\n## {md_inline(self.w('agency_tree'))}\n")
        out.append(self.raw(page, self.agency_tree(page)))
        return "\n".join(out)

    def agency_tree(self, page: str) -> str:
        """Every agency as a nested list, linked to its section, with its component count."""
        parts = ['<ul class="eakit-tree">']
        for group_page in self.layout.group_pages():
            depth = 0
            for section in group_page.sections:
                if section.agency is None:
                    continue
                target = section.depth
                while depth < target:
                    parts.append("<ul>")
                    depth += 1
                while depth > target:
                    parts.append("</ul>")
                    depth -= 1
                parts.append(
                    f"<li>{self.comp(page, section.agency)} "
                    f'<span class="eakit-muted">({len(section.ids)})</span></li>'
                )
            parts.append("</ul>" * depth)
        parts.append("</ul>")
        return "".join(parts)

    def components_index(self) -> str:
        return "\n".join(self._groups_index(COMPONENTS_INDEX, self.w("components")))

    # --- navigation ------------------------------------------------------------------------

    def nav(self) -> list[Any]:
        """Home, layers, every group page, findings with their lists, the rest."""
        layers: list[Any] = [LAYERS_INDEX] + [layer_page(info.layer) for info in LAYERS]
        group_pages = self.layout.group_pages()
        agencies = [AGENCIES_INDEX] + [p.path for p in group_pages if p.root is not None]
        # Under "Findings", a list's title is its group's (Material prints nav titles raw).
        findings = [FINDINGS] + [{h(title): path} for path, title, _ in self.findings_pages()]
        others = [p.path for p in group_pages if p.root is None]
        return self.nav_tree(layers, agencies, findings, [COMPONENTS_INDEX, *others])
