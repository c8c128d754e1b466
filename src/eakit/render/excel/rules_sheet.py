"""The rule catalogue sheet: the rules the check applied (``CheckResult.rules``)."""

from __future__ import annotations

from collections import Counter

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from eakit.render.excel.cells import (
    CENTER_TOP,
    INTEGER,
    add_table,
    header_row,
    page_setup,
    put,
    set_widths,
    title,
    tone,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import severity_label, t

HEADER_ROW = 4
COLUMNS: tuple[tuple[str, float], ...] = (
    ("ru.id", 11),
    ("ru.title", 38),
    ("ru.severity", 11),
    ("ru.layer", 20),
    ("ru.pack", 14),
    ("ru.basis", 30),
    ("ru.rationale", 44),
    ("ru.remediation", 40),
    ("ru.findings", 11),
)


def write_rules(ctx: Context, ws: Worksheet) -> None:
    """Fill the rule catalogue sheet."""
    lang = ctx.lang
    rules = sorted(ctx.result.rules, key=lambda r: r.id) if ctx.result else []
    per_rule = Counter(f.rule_id for f in ctx.result.active()) if ctx.result else Counter()
    title(ws, t("rules.title", lang), ctx.subtitle)
    header_row(ws, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    row = HEADER_ROW
    for row, rule in enumerate(rules, start=HEADER_ROW + 1):
        values: list[object] = [
            rule.id,
            rule.title if lang == "vi" else rule.title_en,
            severity_label(rule.severity.value, lang),
            ctx.layer_name(rule.layer),
            rule.pack,
            "\n".join(str(b) for b in rule.basis) or None,
            rule.rationale or None,
            rule.remediation or None,
            per_rule.get(rule.id, 0),
        ]
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value, number_format=INTEGER if col == len(values) else None)
        severity_cell = ws.cell(row=row, column=3)
        severity_cell.alignment = CENTER_TOP
        tone(severity_cell, rule.severity.value)
    if not rules:
        put(ws, HEADER_ROW + 1, 1, t("rules.none", lang), border=False)
    add_table(ws, "rules", HEADER_ROW, row, 1, len(COLUMNS))
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    set_widths(ws, [width for _, width in COLUMNS])
    page_setup(
        ws,
        lang,
        ctx.footer,
        title_rows=f"{HEADER_ROW}:{HEADER_ROW}",
        print_area=f"A1:{get_column_letter(len(COLUMNS))}{max(row, HEADER_ROW + 1)}",
    )
