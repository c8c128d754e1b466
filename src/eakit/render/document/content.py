"""What the report says: its sections, built from the graph and the check result."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from eakit import __version__
from eakit.diagnostics import Severity
from eakit.findings import Basis, CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.labels import layer_label
from eakit.model.components import BaseComponent
from eakit.model.frameworks import framework_name
from eakit.model.layers import Layer
from eakit.render import scores
from eakit.render.dates import generation_date, shown
from eakit.render.document import charts, page
from eakit.render.document.words import Lang, w
from eakit.render.excel.labels import t
from eakit.render.judged import rules_of
from eakit.rules.messages import word
from eakit.text import numerals, vi_sort_key

# The views drawn into the report, when the model has them.
VIEWS = ("overview", "integration", "infrastructure", "resilience")
MAX_INSTANCES = 12  # instances listed under one rule; the workbook lists every one
MAX_APPENDIX_ROWS = 1500  # components in the appendix (a national model has 100,000)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class Report:
    """One report being written: its inputs and the running numbers of its parts."""

    document: DocxDocument
    graph: ModelGraph
    result: CheckResult
    lang: Lang
    section: int = 0
    figure: int = 0

    # --- names --------------------------------------------------------------------------

    def name(self, component: BaseComponent) -> str:
        return component.name_en if self.lang == "en" and component.name_en else component.name

    def name_of(self, component_id: str | None) -> str:
        if component_id is None or component_id not in self.graph:
            return ""
        return self.name(self.graph.get(component_id))

    def kind_label(self, component: BaseComponent) -> str:
        return component.label_en if self.lang == "en" else component.label

    def layer_name(self, layer: str) -> str:
        return layer_label(layer, self.lang)

    def severity_name(self, severity: Severity) -> str:
        return t(f"severity.{severity.value}", self.lang)

    def sort_key(self, text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
        return vi_sort_key(text)

    # --- building blocks ----------------------------------------------------------------

    def heading(self, key: str) -> None:
        numeral = _ROMAN[self.section] if self.section < len(_ROMAN) else str(self.section + 1)
        self.section += 1
        self.document.add_heading(f"{numeral}. {w(key, self.lang)}", level=1)

    def subheading(self, text: str) -> None:
        self.document.add_heading(text, level=2)

    def body(self, text: str, **style: object) -> None:
        page.text(self.document, text, indent=True, **style)  # type: ignore[arg-type]

    def picture(
        self, png: bytes, title: str, width_mm: float = 160, height_mm: float = 230
    ) -> None:
        width, height = page.fit(png, width_mm, height_mm)
        self.document.add_picture(io.BytesIO(png), width=Mm(width), height=Mm(height))
        self.document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.figure += 1
        page.text(
            self.document,
            w("figure", self.lang, n=self.figure, title=title),
            style="Caption",
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )

    def active(self) -> list[Finding]:
        return [f for f in self.result.findings if f.active]


def _place(graph: ModelGraph) -> str:
    """The place name of the date line: the province's name from the architecture name
    (``… tỉnh Sóc Trăng`` → ``Sóc Trăng``), or dots to fill in."""
    found = re.search(r"(?:tỉnh|thành phố)\s+(.+)$", graph.architecture.name)
    return found.group(1).strip() if found else "……"


def _abbreviated(name: str) -> str:
    """The superior body as headings write it: ``Ủy ban nhân dân`` as ``UBND``."""
    return re.sub(r"^(Ủy|Uỷ) ban nhân dân\b", "UBND", name)


def _issuer_code(name: str) -> str:
    """The abbreviation of the issuing body in the document number (``Sở Thông tin và
    Truyền thông`` → ``STTTT``), letters only."""
    words = [word for word in re.split(r"[\s,]+", name) if word and word[0].isalpha()]
    skip = {"và", "and", "of", "the"}
    return "".join(word[0].upper() for word in words if word.lower() not in skip)[:10]


def write_heading(report: Report) -> None:
    graph, lang = report.graph, report.lang
    arch = graph.architecture
    issuer = report.name_of(arch.owner_agency) or arch.name
    superior = report.name_of(arch.province)
    # The number's code abbreviates the Vietnamese name, whatever the language.
    owner_id = arch.owner_agency
    owner = graph.get(owner_id) if owner_id is not None and owner_id in graph else None
    page.national_heading(
        report.document,
        superior=_abbreviated(superior),
        issuer=issuer,
        number=w("number", lang, code=_issuer_code(owner.name) if owner is not None else ""),
        country=w("motto.country", lang),
        motto=w("motto.words", lang),
        place_date=w("place_date", lang, place=_place(graph), year=generation_date().year),
    )
    architecture = arch.name_en if lang == "en" and arch.name_en else arch.name
    page.text(
        report.document,
        w("kind", lang),
        bold=True,
        size=14,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=0,
    )
    page.text(
        report.document,
        w("title", lang, architecture=architecture),
        bold=True,
        size=14,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    if superior:
        page.text(
            report.document, w("to", lang, recipient=superior), align=WD_ALIGN_PARAGRAPH.CENTER
        )
    short = architecture[0].lower() + architecture[1:]
    report.body(w("intro", lang, short=short, owner=issuer, as_of=shown(report.result.as_of)))


def _layer_rows(report: Report) -> list[tuple[str, int, int, int, float | None, float | None]]:
    """Per layer with rules or components: name, components, errors, warnings, pass
    rate now and at the horizon (percent)."""
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for finding in report.active():
        if finding.severity is Severity.ERROR:
            errors[finding.layer] += 1
        elif finding.severity is Severity.WARNING:
            warnings[finding.layer] += 1
    readiness = report.result.readiness
    rows = []
    for layer in Layer:
        now = readiness.by_layer.get(layer.value) if readiness else None
        later = readiness.by_layer_horizon.get(layer.value) if readiness else None
        members = len(report.graph.by_layer(layer))
        if not members and now is None and later is None:
            continue
        rows.append(
            (
                layer.value,
                members,
                errors[layer.value],
                warnings[layer.value],
                None if now is None or now.ratio is None else 100 * now.ratio,
                None if later is None or later.ratio is None else 100 * later.ratio,
            )
        )
    return rows


def _case_text(message: str, lang: Lang) -> str:
    """A finding's message under its rule's heading, which already says whether the basis
    was checked against the text: the note each finding repeats, " (căn cứ chưa đối chiếu:
    …)", is left out."""
    cut = message.rfind(f" ({word('unverified', lang)}: ")
    return message[:cut] if cut > 0 and message.endswith(")") else message


def _percent(value: float | None, lang: Lang) -> str:
    return "–" if value is None else numerals(f"{value:.1f}%", lang)


def write_summary(report: Report) -> None:
    lang, result = report.lang, report.result
    counts = result.counts()
    report.heading("s.summary")
    report.body(
        w(
            "summary.counts",
            lang,
            components=len(report.graph),
            rules=len(result.rules),
            as_of=shown(result.as_of),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
            waived=counts["waived"],
        )
    )
    layers_with_errors = sum(1 for row in _layer_rows(report) if row[2])
    if counts["error"]:
        report.body(
            w("summary.verdict_fail", lang, errors=counts["error"], layers=layers_with_errors),
            bold=True,
        )
    else:
        report.body(w("summary.verdict_pass", lang, warnings=counts["warning"]), bold=True)
    if result.readiness is not None:
        report.body(
            scores.headline(
                result.readiness.overall,
                result.readiness.overall_horizon,
                result.as_of,
                report.graph.architecture.horizon,
                lang,
            )
        )
    report.body(
        w(
            "summary.framework",
            lang,
            framework=framework_name(report.graph.architecture.framework, lang, with_text=True),
        )
    )
    arch = report.graph.architecture
    if arch.valid_to is not None and arch.valid_to < result.as_of:
        report.body(
            w(
                "summary.historic",
                lang,
                valid_to=shown(arch.valid_to),
                successor=arch.successor or "",
            ),
            italic=True,
        )
    keys = [s.value for s in _SEVERITIES]
    report.picture(
        charts.severity_bars(
            [report.severity_name(s) for s in _SEVERITIES], [counts[k] for k in keys], keys
        ),
        w("chart.severity", lang),
        width_mm=130,
    )


def write_scope(report: Report) -> None:
    lang = report.lang
    report.heading("s.scope")
    report.body(w("scope.components", lang))
    rows = [
        (str(i), report.layer_name(layer), str(members))
        for i, (layer, members, *_rest) in enumerate(_layer_rows(report), start=1)
    ]
    page.grid(
        report.document,
        [w("col.no", lang), w("col.layer", lang), w("col.components", lang)],
        rows,
        (12, 120, 33),
        centred=(0, 2),
    )
    report.body(scores.method(lang))
    report.body(
        w(
            "method.source",
            lang,
            version=__version__,
            model=report.graph.architecture.id,
            packs=rules_of(report.graph, report.result.framework, report.result.packs).lang(lang),
            generated=shown(generation_date()),
        ),
        italic=True,
    )


def write_results(report: Report) -> None:
    lang = report.lang
    horizon = report.graph.architecture.horizon
    report.heading("s.results")
    report.subheading(f"1. {w('s.by_layer', lang)}")
    rows: list[tuple[str, ...]] = []
    layer_rows = _layer_rows(report)
    readiness = report.result.readiness
    for i, (layer, _members, errors, warnings, now, later) in enumerate(layer_rows, start=1):
        # The layer's score decides: an error standing now caps it at "not met".
        status = scores.status_label(readiness.by_layer.get(layer) if readiness else None, lang)
        rows.append(
            (
                str(i),
                report.layer_name(layer),
                str(errors),
                str(warnings),
                _percent(now, lang),
                _percent(later, lang),
                status,
            )
        )
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.layer", lang),
            w("col.errors", lang),
            w("col.warnings", lang),
            scores.now_label(report.result.as_of, lang),
            scores.target_label(horizon, lang),
            w("col.status", lang),
        ],
        rows,
        (10, 52, 16, 20, 22, 22, 23),
        centred=(0, 2, 3, 4, 5, 6),
    )
    scored = [row for row in layer_rows if row[4] is not None or row[5] is not None]
    if scored:
        report.picture(
            charts.layer_bars(
                [report.layer_name(row[0]) for row in scored],
                [row[4] for row in scored],
                [row[5] for row in scored],
                (
                    scores.now_label(report.result.as_of, lang),
                    scores.target_label(horizon, lang),
                ),
            ),
            w("chart.layers", lang),
        )
    report.subheading(f"2. {w('s.by_agency', lang)}")
    by_agency: dict[str, Counter[Severity]] = defaultdict(Counter)
    for finding in report.active():
        if finding.agency is not None and finding.agency in report.graph:
            by_agency[finding.agency][finding.severity] += 1
    agencies = [a for a in by_agency if report.graph.get(a).scope.value == "provincial"]
    if not agencies:
        report.body(w("agency.none", lang))
        return
    agencies.sort(
        key=lambda a: (
            -by_agency[a][Severity.ERROR],
            -by_agency[a][Severity.WARNING],
            report.sort_key(report.name_of(a)),
        )
    )
    rows = [
        (
            str(i),
            report.name_of(a),
            str(by_agency[a][Severity.ERROR]),
            str(by_agency[a][Severity.WARNING]),
            w("status.not_met", lang) if by_agency[a][Severity.ERROR] else w("status.met", lang),
        )
        for i, a in enumerate(agencies, start=1)
    ]
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.agency", lang),
            w("col.errors", lang),
            w("col.warnings", lang),
            w("col.status", lang),
        ],
        rows,
        (10, 95, 18, 20, 22),
        centred=(0, 2, 3, 4),
    )
    page.text(report.document, w("agency.note", lang), italic=True, size=11)


def write_diagrams(report: Report) -> None:
    from eakit.render.diagrams import ViewError, draw_views, list_views

    available = {view.name for view in list_views(report.graph)}
    names = [name for name in VIEWS if name in available]
    if not names:
        return
    try:
        drawings = draw_views(
            report.graph, report.result, formats=("png",), lang=report.lang, views=names
        )
    except ViewError:
        return
    # Each diagram on a page of its own, turned to its shape, as large as it fits.
    for index, drawing in enumerate(drawings):
        width, height = page.fit(drawing.data, 1, 1)
        landscape = width > height * 1.1
        page.turn(report.document, landscape=landscape)
        if index == 0:
            report.heading("s.diagrams")
        box = (250, 140) if landscape else (165, 210)
        report.picture(drawing.data, drawing.view.title(report.graph, report.lang), *box)
    page.turn(report.document, landscape=False)


def _basis_text(basis: Iterable[Basis], lang: Lang) -> str:
    parts = []
    for item in basis:
        part = str(item)
        if item.quote:
            part += f": “{item.quote}”"
        if item.confidence != "verified":
            part += " " + w("findings.unverified", lang)
        parts.append(part)
    return "; ".join(parts)


def _by_rule(findings: Iterable[Finding]) -> list[list[Finding]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.rule_id].append(finding)
    layer_order = {layer.value: i for i, layer in enumerate(Layer)}
    return sorted(
        groups.values(),
        key=lambda g: (-g[0].severity.rank, layer_order.get(g[0].layer, 99), g[0].rule_id),
    )


def write_findings(report: Report) -> None:
    lang = report.lang
    report.heading("s.findings")
    groups = _by_rule(report.result.findings)
    if not groups:
        report.body(w("findings.none", lang))
        return
    for number, group in enumerate(groups, start=1):
        first = group[0]
        title = first.title_en if lang == "en" else first.title
        report.subheading(f"{number}. " + w("findings.rule", lang, rule=first.rule_id, title=title))
        active = [f for f in group if f.active]
        page.text(
            report.document,
            w(
                "findings.meta",
                lang,
                severity=report.severity_name(first.severity),
                layer=report.layer_name(first.layer),
                count=len(active),
            ),
        )
        if first.basis:
            page.text(
                report.document,
                w("findings.basis", lang, basis=_basis_text(first.basis, lang)),
                italic=True,
            )
        else:
            page.text(report.document, w("findings.convention", lang), italic=True)
        if first.remediation:
            page.text(report.document, w("findings.fix", lang, fix=first.remediation))
        if active:
            page.text(report.document, w("findings.items", lang), after=0)
            for finding in sorted(active, key=lambda f: report.sort_key(f.message))[:MAX_INSTANCES]:
                page.text(report.document, _case_text(finding.message, lang), style="List Bullet")
            if len(active) > MAX_INSTANCES:
                page.text(
                    report.document,
                    w("findings.more", lang, n=len(active) - MAX_INSTANCES),
                    italic=True,
                )
        waived = len(group) - len(active)
        if waived:
            page.text(report.document, w("findings.waived", lang, n=waived), italic=True)


def _deadlines(report: Report) -> dict[str, int]:
    """For each component, the earliest target year of a roadmap task that realises it."""
    found: dict[str, int] = {}
    for item in report.graph.by_kind("roadmap_item"):
        if item.target is None:
            continue
        for realised in getattr(item, "realises", []):
            if realised not in found or item.target < found[realised]:
                found[realised] = item.target
    return found


def write_recommendations(report: Report) -> None:
    lang = report.lang
    report.heading("s.recommendations")
    deadlines = _deadlines(report)
    grouped: Counter[tuple[int | None, str, str]] = Counter()
    for finding in report.active():
        if finding.severity is Severity.INFO or not finding.remediation:
            continue
        year = deadlines.get(finding.component or "")
        grouped[(year, finding.rule_id, finding.remediation)] += 1
    if not grouped:
        report.body(w("rec.none", lang))
        return
    report.body(w("rec.note", lang), italic=True)
    order = sorted(grouped, key=lambda k: (k[0] is None, k[0] or 0, k[1]))
    rows = [
        (
            str(i),
            str(year) if year is not None else w("rec.unplanned", lang),
            rule,
            w("rec.count", lang, fix=fix, count=grouped[(year, rule, fix)]),
        )
        for i, (year, rule, fix) in enumerate(order, start=1)
    ]
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.deadline", lang),
            w("col.rule", lang),
            w("col.recommendation", lang),
        ],
        rows,
        (10, 28, 20, 107),
        centred=(0, 1, 2),
    )


def _state(report: Report, component: BaseComponent) -> str:
    return w(f"state.{component.status.value}", report.lang)


def write_roadmap(report: Report) -> None:
    lang = report.lang
    report.heading("s.roadmap")
    items = report.graph.by_kind("roadmap_item")
    if not items:
        report.body(w("roadmap.none", lang))
        return
    items = sorted(
        items,
        key=lambda c: (
            getattr(c, "period", None) or "",
            c.target or 0,
            report.sort_key(report.name(c)),
        ),
    )
    rows = [
        (
            str(i),
            getattr(c, "period", None) or "",
            report.name(c),
            report.name_of(getattr(c, "lead_agency", None)),
            _state(report, c),
            str(c.target or ""),
        )
        for i, c in enumerate(items, start=1)
    ]
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.period", lang),
            w("col.task", lang),
            w("col.lead", lang),
            w("col.state", lang),
            w("col.target_year", lang),
        ],
        rows,
        (10, 22, 63, 35, 20, 15),
        centred=(0, 1, 4, 5),
    )


def write_appendices(report: Report) -> None:
    lang = report.lang
    page.page_break(report.document)
    report.heading("s.appendix")
    report.subheading(w("s.appendix_components", lang))
    rows: list[tuple[str, ...] | page.Group] = []
    number = 0
    for layer in Layer:
        members = report.graph.display_sorted(report.graph.by_layer(layer))
        if not members or number >= MAX_APPENDIX_ROWS:
            continue
        rows.append(page.Group(report.layer_name(layer.value)))
        for component in members[: MAX_APPENDIX_ROWS - number]:
            number += 1
            owner = getattr(component, "owner", None) or getattr(component, "agency", None)
            rows.append(
                (
                    str(number),
                    report.name(component),
                    report.kind_label(component),
                    report.name_of(owner if isinstance(owner, str) else None),
                    _state(report, component),
                )
            )
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.name", lang),
            w("col.kind", lang),
            w("col.owner", lang),
            w("col.state", lang),
        ],
        rows,
        (11, 66, 30, 37, 21),
        centred=(0,),
    )
    if len(report.graph) > number:
        page.text(
            report.document, w("appendix.more", lang, n=len(report.graph) - number), italic=True
        )
    report.subheading(w("s.appendix_rules", lang))
    rules = sorted(report.result.rules, key=lambda r: r.id)
    page.grid(
        report.document,
        [
            w("col.no", lang),
            w("col.rule", lang),
            w("col.name", lang),
            w("col.severity", lang),
            w("col.basis", lang),
        ],
        [
            (
                str(i),
                rule.id,
                rule.title_en if lang == "en" else rule.title,
                report.severity_name(rule.severity),
                _basis_text(rule.basis, lang) or w("findings.convention", lang),
            )
            for i, rule in enumerate(rules, start=1)
        ],
        (10, 20, 60, 20, 55),
        centred=(0, 1, 3),
    )


def write_closing(report: Report) -> None:
    lang = report.lang
    page.closing(
        report.document,
        recipients_title=w("recipients", lang),
        recipients=w("recipients.list", lang),
        signer=w("signer", lang),
        note=w("signature", lang),
    )
