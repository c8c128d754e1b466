"""The agency sheet: one row per agency of the province, on one printed page.

What a department head reads first: the verdict for each agency, the share met and the
findings that stand, now and when the roadmap is complete. Ministries, national
agencies and other localities are left out (they are not judged by the province).
"""

from __future__ import annotations

from collections import Counter

from eakit.findings import Score
from eakit.model.components import BaseComponent
from eakit.render import scores
from eakit.render.excel.cells import add_table, header_row, page_setup, put, set_widths, title
from eakit.render.excel.context import Context
from eakit.render.excel.labels import t, value_label
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import INTEGER, LEFT_WRAP_TOP, PERCENT
from eakit.text import vi_sort_key

HEADER_ROW = 4
OUTSIDE = frozenset({"ministry", "national_agency", "other_locality"})
TYPE_ORDER = (
    "provincial_people_committee",
    "department",
    "public_service_centre",
    "public_service_unit",
    "district",
    "commune",
)
TONE = {"not_met": "error", "met_with_warnings": "warning"}


def province_agencies(ctx: Context) -> list[BaseComponent]:
    """The province's own agencies (provincial scope, not a ministry or another
    locality), by type (People's Committee, departments, ..., communes) and name."""
    found = [
        a
        for a in ctx.graph.by_kind("agency")
        if getattr(a, "agency_type", None) not in OUTSIDE
        and getattr(getattr(a, "scope", None), "value", "provincial") == "provincial"
    ]

    def order(agency: BaseComponent) -> tuple[object, ...]:
        kind = getattr(agency, "agency_type", "")
        rank = TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)
        return rank, vi_sort_key(ctx.name_of(agency.id)), agency.id

    return sorted(found, key=order)


def _verdict(ctx: Context, sheet: Sheet, row: int, col: int, score: Score | None) -> None:
    status = score.status if score is not None else None
    put(sheet, row, col, scores.status_label(score, ctx.lang), tone=TONE.get(status or ""))


def write_agencies(ctx: Context, sheet: Sheet) -> None:
    """Fill the agency sheet (portrait, fitted to one page)."""
    lang = ctx.lang
    readiness = ctx.result.readiness if ctx.result else None
    active = ctx.result.active() if ctx.result else []
    errors = Counter(f.agency for f in active if f.severity.value == "error")
    warnings = Counter(f.agency for f in active if f.severity.value == "warning")
    arch = ctx.graph.architecture
    as_of = ctx.result.as_of if ctx.result else arch.as_of
    set_widths(sheet, [5, 34, 15, 14, 12, 8, 9, 15, 12])
    title(sheet, t("agencies.title", lang), ctx.subtitle)
    header_row(
        sheet,
        HEADER_ROW,
        [
            t("a.number", lang),
            t("col.agency", lang),
            t("cov.agency_type", lang),
            f"{t('col.verdict', lang)}",
            scores.now_label(as_of, lang),
            t("a.errors", lang),
            t("a.warnings", lang),
            t("col.verdict_h", lang),
            scores.target_label(arch.horizon, lang),
        ],
    )
    row = HEADER_ROW
    for number, agency in enumerate(province_agencies(ctx), start=1):
        row = HEADER_ROW + number
        now = readiness.by_agency.get(agency.id) if readiness else None
        later = readiness.by_agency_horizon.get(agency.id) if readiness else None
        put(sheet, row, 1, number, number_format=INTEGER)
        put(sheet, row, 2, ctx.name_of(agency.id), align=LEFT_WRAP_TOP)
        put(sheet, row, 3, value_label("agency_type", getattr(agency, "agency_type", ""), lang))
        _verdict(ctx, sheet, row, 4, now)
        put(sheet, row, 5, now.to_dict()["ratio"] if now else None, number_format=PERCENT)
        put(sheet, row, 6, errors.get(agency.id, 0), number_format=INTEGER)
        put(sheet, row, 7, warnings.get(agency.id, 0), number_format=INTEGER)
        _verdict(ctx, sheet, row, 8, later)
        put(sheet, row, 9, later.to_dict()["ratio"] if later else None, number_format=PERCENT)
    add_table(sheet, "agencies", HEADER_ROW, max(row, HEADER_ROW + 1), 1, 9)
    note = row + 2
    put(sheet, note, 1, scores.method(lang), align=LEFT_WRAP_TOP, border=False)
    sheet.merge(note, 1, 9)
    sheet.set_height(note, 110 if lang == "vi" else 96)
    sheet.ws.freeze_panes = f"C{HEADER_ROW + 1}"
    page_setup(
        sheet,
        lang,
        ctx.footer,
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:I{note}",
        landscape=False,
    )
    sheet.ws.page_setup.fitToHeight = 1
