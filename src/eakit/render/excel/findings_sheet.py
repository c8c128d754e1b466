"""The findings sheet: one row per finding, sorted by severity, layer and agency.

Active findings come first (errors, warnings, information), waived ones last; within a
severity, by layer (in the framework's order), agency name, rule and component name.

A sheet holds at most 1,048,576 rows: beyond that the sheet shows the first findings
and says so above the table (the check's JSON and SARIF outputs have them all).
"""

from __future__ import annotations

from eakit.findings import Basis, Finding
from eakit.model.layers import LAYER_INFO, Layer
from eakit.render.dates import shown as shown_date
from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    style,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import Lang, severity_label, t
from eakit.render.excel.sheet import MAX_ROWS, Sheet
from eakit.render.excel.styles import CENTER_TOP, LEFT_WRAP_TOP, TONES, TOP, WRAP_TOP
from eakit.text import numerals, vi_sort_key

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
WAIVER_COL = 9
COLUMN_NUMBERS = range(1, len(COLUMNS) + 1)
HEADER_ROW = 4
NOTE_ROW = 3  # where a capped sheet says so


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _layer_order(code: str) -> int:
    try:
        return LAYER_INFO[Layer(code)].order
    except ValueError:
        return len(LAYER_INFO)


def sorted_findings(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Active findings by severity, then waived ones; each by layer, agency name, rule
    and component name (ids break ties, so the order is total)."""
    names: dict[str | None, tuple[object, ...]] = {}

    def name(component: str | None) -> tuple[object, ...]:
        key = names.get(component)
        if key is None:
            key = names[component] = (vi_sort_key(ctx.name_of(component)), component or "")
        return key

    return sorted(
        findings,
        key=lambda f: (
            not f.active,
            SEVERITY_ORDER.get(f.severity.value, 3),
            _layer_order(f.layer),
            name(f.agency),
            f.rule_id,
            name(f.component),
            f.id,
        ),
    )


def one_basis(basis: Basis) -> str:
    """``Nghị định 85/2016/NĐ-CP, Điều 4`` with the text's quote, when the basis has one,
    on the next line."""
    text = str(basis)
    quote = basis.quote
    return f"{text}\n“{quote}”" if quote else text


def basis_text(finding: Finding) -> str:
    """The legal bases of a finding (article, and quote when known), one per line."""
    return "\n".join(one_basis(b) for b in finding.basis)


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
        date=shown_date(waived.expires, lang),
        reason=waived.reason,
        owner=waived.owner,
    )


def _count(number: int, lang: Lang) -> str:
    """A count with thousands separators: 1.048.572 in Vietnamese, 1,048,572 in English."""
    return numerals(f"{number:,}", lang)


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


def write_findings(ctx: Context, sheet: Sheet, *, max_rows: int = MAX_ROWS) -> None:
    """Fill the findings sheet (at most ``max_rows`` rows: Excel's limit)."""
    lang = ctx.lang
    findings = sorted_findings(ctx, ctx.result.findings) if ctx.result else []
    room = max_rows - HEADER_ROW
    shown = findings[:room]
    set_widths(sheet, [width for _, width in COLUMNS])
    title(sheet, t("findings.title", lang), ctx.subtitle)
    if len(shown) < len(findings):
        note = t(
            "findings.capped",
            lang,
            shown=_count(len(shown), lang),
            total=_count(len(findings), lang),
        )
        sheet.merge(NOTE_ROW, 1, PRINTED)
        put(sheet, NOTE_ROW, 1, note, align=LEFT_WRAP_TOP, border=False, tone="warning")
    header_row(sheet, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    # Styles resolved once: printed columns wrap, the others stay on one line so they
    # do not make printed rows tall; the severity (and a waiver) is coloured.
    plain = [style(sheet, align=WRAP_TOP if col <= PRINTED else TOP) for col in COLUMN_NUMBERS]
    looks = {name: list(plain) for name in TONES}
    for name, row_looks in looks.items():
        row_looks[0] = style(sheet, align=CENTER_TOP, tone=name)
    looks["waived"][WAIVER_COL - 1] = style(sheet, align=WRAP_TOP, tone="waived")
    row = HEADER_ROW
    for row, finding in enumerate(shown, start=HEADER_ROW + 1):
        values = [None if value == "" else value for value in _row(ctx, finding)]
        tone = finding.severity.value if finding.active else "waived"
        sheet.put_row(row, values, looks[tone])
    if not findings:
        put(sheet, HEADER_ROW + 1, 1, t("findings.none", lang), border=False)
    add_table(sheet, "findings", HEADER_ROW, row, 1, len(COLUMNS))
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=PRINTED,
        frozen_cols=0,
    )
