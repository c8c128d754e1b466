"""The single points of failure sheet: articulation points, bridges and the most central
systems of the integration and infrastructure networks (:mod:`eakit.analysis.resilience`)."""

from __future__ import annotations

from eakit.analysis.labels import kind_label, relation_label, text
from eakit.analysis.resilience import Resilience, resilience
from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import CENTER_TOP, INTEGER

HEADER_ROW = 4
COLUMNS: tuple[tuple[str, float], ...] = (
    ("col.network", 22),
    ("col.finding", 26),
    ("col.component", 56),
    ("col.id", 26),
    ("col.kind", 18),
    ("col.agency", 30),
    ("col.cut_off", 14),
    ("col.score", 13),
)
FINDING_COL = 2
SCORE_FORMAT = "0.000"
# How each finding is coloured: a single point of failure as an error, a bridge as a
# warning, a central system as information.
_TONES = {"resilience.spof": "error", "resilience.bridges": "warning", "resilience.central": "info"}


def sheet_name(lang: str) -> str:
    """The sheet's name (at most 31 characters, as Excel requires)."""
    return text("sheet.name", lang)


def _rows(ctx: Context, result: Resilience) -> list[tuple[str, list[object]]]:
    """(finding key, cell values) of every row, networks in report order."""
    graph, lang = ctx.graph, ctx.lang
    rows: list[tuple[str, list[object]]] = []

    def component(
        key: str, network: str, cid: str, cut_off: int | None, score: float | None
    ) -> tuple[str, list[object]]:
        """The row of one component: a single point of failure or a central system."""
        found = graph.agency_of(cid)
        agency = ctx.name_of(found) if found is not None else None
        kind = kind_label(graph.kinds[cid], lang)
        cells: list[object] = [network, text(key, lang), ctx.name_of(cid), cid, kind, agency]
        cells += [cut_off, score]
        return key, cells

    for report in result.networks:
        network = text(f"resilience.{report.name}", lang)
        for point in report.cut_points:
            rows.append(component("resilience.spof", network, point.id, point.cut_off, None))
        for bridge in report.bridges:
            relations = ", ".join(relation_label(t, lang) for t in bridge.types)
            rows.append(
                (
                    "resilience.bridges",
                    [
                        network,
                        text("resilience.bridges", lang),
                        f"{ctx.name_of(bridge.source)} — {ctx.name_of(bridge.target)} "
                        f"({relations})",
                        f"{bridge.source} — {bridge.target}",
                        None,
                        None,
                        bridge.cut_off,
                        None,
                    ],
                )
            )
        for central in report.central:
            rows.append(component("resilience.central", network, central.id, None, central.score))
    return rows


def write_resilience(ctx: Context, sheet: Sheet) -> None:
    """Fill the single points of failure sheet (over what runs at the model's as_of)."""
    lang = ctx.lang
    result = resilience(ctx.graph)
    set_widths(sheet, [width for _, width in COLUMNS])
    title(sheet, text("diagram.title", lang), ctx.subtitle)
    header_row(sheet, HEADER_ROW, [text(key, lang) for key, _ in COLUMNS])
    row = HEADER_ROW
    for row, (key, values) in enumerate(_rows(ctx, result), start=HEADER_ROW + 1):
        for col, value in enumerate(values, start=1):
            if col == FINDING_COL:
                put(sheet, row, col, value, align=CENTER_TOP, tone=_TONES[key])
            elif col == len(values):
                put(sheet, row, col, value, number_format=SCORE_FORMAT)
            elif col == len(values) - 1:
                put(sheet, row, col, value, number_format=INTEGER)
            else:
                put(sheet, row, col, value)
    if row == HEADER_ROW:
        put(sheet, HEADER_ROW + 1, 1, text("resilience.none", lang), border=False)
    add_table(sheet, "resilience", HEADER_ROW, row, 1, len(COLUMNS))
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=len(COLUMNS),
        frozen_cols=2,
    )
