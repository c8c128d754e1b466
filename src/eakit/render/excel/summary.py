"""The summary dashboard: facts, readiness now and at the horizon, findings, charts.

Scores are read from :class:`~eakit.findings.Readiness` exactly as the JSON output
writes them (``Score.to_dict()``), so the two can be compared value for value.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.shapes import GraphicalProperties

from eakit.findings import Readiness, Score
from eakit.model.frameworks import framework_name
from eakit.model.layers import LAYERS
from eakit.render import scores
from eakit.render.dates import generation_date, shown
from eakit.render.excel.agency_sheet import province_agencies
from eakit.render.excel.cells import add_table, header_row, page_setup, put, set_widths, title
from eakit.render.excel.context import Context
from eakit.render.excel.labels import severity_label, t
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import (
    BOTTOM,
    FONT_BOLD,
    FONT_SECTION,
    INTEGER,
    LEFT_WRAP_TOP,
    PERCENT,
    TONES,
    WRAP_TOP,
)
from eakit.render.judged import judged_by

SEVERITY_ROWS = ("error", "warning", "info", "waived")
LAST_COL = 9  # the widest table (readiness by layer) spans A:I
CHART_ROWS = 18


def _ratio(score: Score | None) -> float | None:
    # The rounded ratio of the JSON payload: one source of truth, no re-computation.
    return None if score is None else score.to_dict()["ratio"]


def _section(sheet: Sheet, row: int, text: str) -> int:
    sheet.set_height(row, 20)
    put(sheet, row, 1, text, font=FONT_SECTION, align=BOTTOM, border=False)
    return row + 1


def _facts(ctx: Context, sheet: Sheet, row: int) -> int:
    arch = ctx.graph.architecture
    lang = ctx.lang
    result = ctx.result
    approval = ""
    if arch.approval is not None:
        parts = [arch.approval.decision_ref]
        if arch.approval.date:
            parts.append(shown(arch.approval.date, lang))
        if arch.approval.issuer:
            parts.append(arch.approval.issuer)
        approval = ", ".join(parts)
    packs = judged_by(ctx.graph, result.framework, result.packs).lang(lang) if result else ""
    facts: list[tuple[str, object]] = [
        ("fact.architecture", ctx.architecture_name),
        ("fact.id", arch.id),
        ("fact.framework", framework_name(result.framework if result else arch.framework, lang)),
        ("fact.packs", packs),
        ("fact.as_of", shown(result.as_of if result else arch.as_of, lang)),
        ("fact.generated", shown(generation_date(), lang)),
        ("fact.horizon", arch.horizon),
        ("fact.province", ctx.name_of(arch.province)),
        ("fact.owner", ctx.name_of(arch.owner_agency)),
        ("fact.approval", approval),
        ("fact.components", len(ctx.graph)),
        ("fact.rules", len(result.rules) if result else 0),
    ]
    row = _section(sheet, row, t("summary.facts", lang))
    for key, value in facts:
        put(sheet, row, 1, t(key, lang), font=FONT_BOLD)
        number_format = "0" if key == "fact.horizon" else None
        put(
            sheet,
            row,
            2,
            value if value != "" else None,
            number_format=number_format,
            align=LEFT_WRAP_TOP,
        )
        # The first cell's border is carried around the merged range.
        sheet.merge(row, 2, LAST_COL)
        row += 1
    return row + 1


def _score_cells(
    ctx: Context, sheet: Sheet, row: int, col: int, now: Score | None, later: Score | None
) -> None:
    """Now %, target %, verdict now, verdict at target, errors now, errors at target."""
    lang = ctx.lang
    put(sheet, row, col, _ratio(now), number_format=PERCENT)
    put(sheet, row, col + 1, _ratio(later), number_format=PERCENT)
    for offset, score in ((2, now), (3, later)):
        status = score.status if score is not None else None
        tone = {"not_met": "error", "met_with_warnings": "warning"}.get(status or "")
        put(sheet, row, col + offset, scores.status_label(score, lang), tone=tone)
    put(sheet, row, col + 4, now.errors if now else None, number_format=INTEGER)
    put(sheet, row, col + 5, later.errors if later else None, number_format=INTEGER)


def _score_headers(ctx: Context) -> list[str]:
    arch = ctx.graph.architecture
    lang = ctx.lang
    as_of = ctx.result.as_of if ctx.result else arch.as_of
    return [
        scores.now_label(as_of, lang),
        scores.target_label(arch.horizon, lang),
        t("col.verdict", lang),
        t("col.verdict_h", lang),
        t("col.errors", lang),
        t("col.errors_h", lang),
    ]


def _overall(ctx: Context, sheet: Sheet, row: int, readiness: Readiness | None) -> int:
    row = _section(sheet, row, t("summary.readiness", ctx.lang))
    if readiness is None:
        put(sheet, row, 1, t("summary.no_readiness", ctx.lang), align=WRAP_TOP, border=False)
        return row + 2
    header_row(sheet, row, [t("col.scope", ctx.lang), *_score_headers(ctx)])
    put(sheet, row + 1, 1, t("overall", ctx.lang), font=FONT_BOLD)
    _score_cells(ctx, sheet, row + 1, 2, readiness.overall, readiness.overall_horizon)
    last = row + 1
    if readiness.conventions.total or readiness.conventions_horizon.total:
        last += 1
        put(sheet, last, 1, t("conventions", ctx.lang))
        _score_cells(ctx, sheet, last, 2, readiness.conventions, readiness.conventions_horizon)
    add_table(sheet, "readiness_overall", row, last, 1, 7, striped=False)
    row = _section(sheet, last + 2, t("summary.method", ctx.lang))
    put(sheet, row, 1, scores.method(ctx.lang), align=LEFT_WRAP_TOP, border=False)
    sheet.merge(row, 1, LAST_COL)
    sheet.set_height(row, 90 if ctx.lang == "vi" else 80)
    return row + 2


def _severity_table(ctx: Context, sheet: Sheet, row: int) -> tuple[int, int]:
    row = _section(sheet, row, t("summary.severity", ctx.lang))
    header_row(sheet, row, [t("col.severity", ctx.lang), t("col.count", ctx.lang)])
    counts = ctx.result.counts() if ctx.result else dict.fromkeys(SEVERITY_ROWS, 0)
    for offset, severity in enumerate(SEVERITY_ROWS, start=1):
        put(sheet, row + offset, 1, severity_label(severity, ctx.lang), tone=severity)
        put(sheet, row + offset, 2, counts[severity], number_format=INTEGER)
    add_table(sheet, "findings_by_severity", row, row + len(SEVERITY_ROWS), 1, 2, striped=False)
    return row, row + len(SEVERITY_ROWS) + 2


def _layer_table(
    ctx: Context, sheet: Sheet, row: int, readiness: Readiness | None
) -> tuple[int, int]:
    row = _section(sheet, row, t("summary.by_layer", ctx.lang))
    headers = [t("col.layer", ctx.lang), t("col.layer_code", ctx.lang), *_score_headers(ctx)]
    headers.append(t("col.components", ctx.lang))
    header_row(sheet, row, headers)
    for offset, info in enumerate(sorted(LAYERS, key=lambda i: i.order), start=1):
        code = info.layer.value
        put(sheet, row + offset, 1, ctx.layer_name(code))
        put(sheet, row + offset, 2, code)
        now = readiness.by_layer.get(code) if readiness else None
        later = readiness.by_layer_horizon.get(code) if readiness else None
        _score_cells(ctx, sheet, row + offset, 3, now, later)
        put(sheet, row + offset, 9, len(ctx.graph.by_layer(info.layer)), number_format=INTEGER)
    add_table(sheet, "readiness_by_layer", row, row + len(LAYERS), 1, LAST_COL)
    return row, row + len(LAYERS) + 2


def _agency_table(ctx: Context, sheet: Sheet, row: int, readiness: Readiness) -> int:
    # The province's own agencies: a ministry judged on one model-wide rule is no news.
    scored = set(readiness.by_agency) | set(readiness.by_agency_horizon)
    agencies = [a.id for a in province_agencies(ctx) if a.id in scored]
    row = _section(sheet, row, t("summary.by_agency", ctx.lang))
    header_row(
        sheet, row, [t("col.agency", ctx.lang), t("col.agency_id", ctx.lang), *_score_headers(ctx)]
    )
    for offset, agency in enumerate(agencies, start=1):
        put(sheet, row + offset, 1, ctx.name_of(agency))
        put(sheet, row + offset, 2, agency)
        _score_cells(
            ctx,
            sheet,
            row + offset,
            3,
            readiness.by_agency.get(agency),
            readiness.by_agency_horizon.get(agency),
        )
    add_table(sheet, "readiness_by_agency", row, row + len(agencies), 1, 8)
    return row + len(agencies) + 2


def _severity_chart(ctx: Context, sheet: Sheet, header: int, anchor: str) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.title = t("summary.chart_severity", ctx.lang)
    chart.style = 10
    data = Reference(sheet.ws, min_col=2, min_row=header, max_row=header + len(SEVERITY_ROWS))
    cats = Reference(sheet.ws, min_col=1, min_row=header + 1, max_row=header + len(SEVERITY_ROWS))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    series = chart.series[0]
    for index, severity in enumerate(SEVERITY_ROWS):
        point = DataPoint(idx=index)
        point.graphicalProperties = GraphicalProperties(solidFill=TONES[severity][1])
        series.dPt.append(point)
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.showSerName = False
    series.dLbls.showCatName = False
    series.dLbls.showLegendKey = False
    chart.legend = None
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # A width in cm: openpyxl takes any number, its stub says int.
    chart.width, chart.height = 12.5, 8.5  # type: ignore[assignment]
    sheet.ws.add_chart(chart, anchor)


def _layer_chart(ctx: Context, sheet: Sheet, header: int, anchor: str) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = t("summary.chart_layer", ctx.lang)
    chart.style = 10
    data = Reference(sheet.ws, min_col=3, max_col=4, min_row=header, max_row=header + len(LAYERS))
    cats = Reference(sheet.ws, min_col=1, min_row=header + 1, max_row=header + len(LAYERS))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.series[0].graphicalProperties = GraphicalProperties(solidFill="2E75B6")
    chart.series[1].graphicalProperties = GraphicalProperties(solidFill="A9D18E")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.numFmt = "0%"
    chart.y_axis.majorUnit = 0.25
    chart.x_axis.scaling.orientation = "maxMin"  # first layer on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.gapWidth = 40
    chart.width, chart.height = 17, 8.5
    sheet.ws.add_chart(chart, anchor)


def write_summary(ctx: Context, sheet: Sheet) -> None:
    """Fill the summary dashboard sheet."""
    readiness = ctx.result.readiness if ctx.result else None
    set_widths(sheet, [36, 15, 13, 13, 11, 11, 13, 13, 13])
    row = title(sheet, t("summary.title", ctx.lang), ctx.subtitle)
    row = _facts(ctx, sheet, row)
    row = _overall(ctx, sheet, row, readiness)
    charts_row = row
    row += CHART_ROWS
    severity_header, row = _severity_table(ctx, sheet, row)
    layer_header, row = _layer_table(ctx, sheet, row, readiness)
    if readiness is not None:
        row = _agency_table(ctx, sheet, row, readiness)
    _severity_chart(ctx, sheet, severity_header, f"A{charts_row}")
    if readiness is not None:
        _layer_chart(ctx, sheet, layer_header, f"D{charts_row}")
    page_setup(sheet, ctx.lang, ctx.footer, landscape=False)
