"""The findings sheet: one row per finding, in the order of the check result."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from eakit.findings import Finding
from eakit.render.excel.cells import (
    CENTER_TOP,
    TOP,
    WRAP_TOP,
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    title,
    tone,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import Lang, severity_label, t

# (label key, width); the first PRINTED columns make the printed page, the rest are
# for filters, pivots and tools.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("f.severity", 9),
    ("f.rule", 9),
    ("f.title", 26),
    ("f.component_name", 24),
    ("f.agency", 20),
    ("f.message", 40),
    ("f.remediation", 32),
    ("f.basis", 22),
    ("f.waiver", 18),
    ("f.waiver_reason", 26),
    ("f.waiver_owner", 18),
    ("f.waiver_expires", 12),
    ("f.layer", 18),
    ("f.component", 20),
    ("f.location", 26),
    ("f.id", 26),
)
PRINTED = 9
HEADER_ROW = 4


def basis_text(finding: Finding) -> str:
    """The legal bases of a finding, one per line."""
    return "\n".join(str(b) for b in finding.basis)


def location_text(finding: Finding) -> str:
    """``file:line:col`` of a finding (empty for findings on the model as a whole)."""
    return str(finding.location) if finding.location else ""


def waiver_text(finding: Finding, lang: Lang) -> str:
    """``Waived until <date>: <reason> (<owner>)``, or ``No``."""
    waived = finding.waived
    if waived is None:
        return t("waived.no", lang)
    return t(
        "waived.until",
        lang,
        date=waived.expires.isoformat(),
        reason=waived.reason,
        owner=waived.owner,
    )


def _row(ctx: Context, finding: Finding) -> list[object]:
    lang = ctx.lang
    waived = finding.waived
    return [
        severity_label(finding.severity.value, lang),
        finding.rule_id,
        finding.title if lang == "vi" else finding.title_en,
        ctx.name_of(finding.component) if finding.component else "",
        ctx.name_of(finding.agency) if finding.agency else "",
        finding.message,
        finding.remediation,
        basis_text(finding),
        waiver_text(finding, lang),
        waived.reason if waived else None,
        waived.owner if waived else None,
        waived.expires if waived else None,
        ctx.layer_name(finding.layer),
        finding.component or "",
        location_text(finding),
        finding.id,
    ]


def write_findings(ctx: Context, ws: Worksheet) -> None:
    """Fill the findings sheet."""
    lang = ctx.lang
    findings = ctx.result.findings if ctx.result else []
    title(ws, t("findings.title", lang), ctx.subtitle)
    header_row(ws, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    row = HEADER_ROW
    for row, finding in enumerate(findings, start=HEADER_ROW + 1):
        for col, value in enumerate(_row(ctx, finding), start=1):
            # Unprinted columns stay on one line so they do not make printed rows tall.
            align = WRAP_TOP if col <= PRINTED else TOP
            put(ws, row, col, value if value != "" else None, align=align)
        severity_cell = ws.cell(row=row, column=1)
        severity_cell.alignment = CENTER_TOP
        tone(severity_cell, finding.severity.value if finding.active else "waived")
        if not finding.active:
            tone(ws.cell(row=row, column=9), "waived")
    if not findings:
        put(ws, HEADER_ROW + 1, 1, t("findings.none", lang), border=False)
    add_table(ws, "findings", HEADER_ROW, row, 1, len(COLUMNS))
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    set_widths(ws, [width for _, width in COLUMNS])
    last = get_column_letter(PRINTED)
    page_setup(
        ws,
        lang,
        ctx.footer,
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:{last}{max(row, HEADER_ROW + 1)}",
    )
