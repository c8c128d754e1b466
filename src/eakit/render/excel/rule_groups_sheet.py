"""The findings grouped by rule: one row per rule with a finding, with counts.

A printed page a reader can take in at once: 25 findings of one rule are one row that
says 25, the agencies they concern and the legal basis; the full, sorted list is on
the findings sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eakit.findings import Finding
from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.findings_sheet import SEVERITY_ORDER, _layer_order, one_basis
from eakit.render.excel.labels import severity_label, t
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import CENTER_TOP, INTEGER
from eakit.text import vi_sort_key

HEADER_ROW = 4
COLUMNS: tuple[tuple[str, float], ...] = (
    ("f.severity", 10),
    ("f.rule", 9),
    ("f.title", 34),
    ("f.layer", 16),
    ("g.count", 9),
    ("g.waived", 9),
    ("g.agencies", 36),
    ("f.basis", 34),
    ("f.remediation", 40),
)
SEVERITY_COL = 1
COUNT_COLS = (5, 6)
#: Agency names listed in full up to this many; beyond, the list ends "… (+n)".
NAMED_AGENCIES = 6


@dataclass
class RuleGroup:
    """The findings of one rule: active and waived counts, the agencies concerned."""

    first: Finding
    active: int = 0
    waived: int = 0
    agencies: set[str] = field(default_factory=set)


def groups(findings: list[Finding]) -> list[RuleGroup]:
    """One group per rule, by the severity of its active findings, layer and rule."""
    by_rule: dict[str, RuleGroup] = {}
    for finding in findings:
        group = by_rule.get(finding.rule_id)
        if group is None or (finding.active and not group.first.active):
            kept = group
            group = by_rule[finding.rule_id] = RuleGroup(finding)
            if kept is not None:
                group.active, group.waived, group.agencies = kept.active, kept.waived, kept.agencies
        if finding.active:
            group.active += 1
        else:
            group.waived += 1
        if finding.agency:
            group.agencies.add(finding.agency)
    return sorted(
        by_rule.values(),
        key=lambda g: (
            not g.active,
            SEVERITY_ORDER.get(g.first.severity.value, 3),
            _layer_order(g.first.layer),
            g.first.rule_id,
        ),
    )


def _agencies(ctx: Context, agencies: set[str]) -> str:
    names = sorted((ctx.name_of(a) for a in agencies), key=vi_sort_key)
    if len(names) > NAMED_AGENCIES:
        rest = len(names) - NAMED_AGENCIES
        return "; ".join(names[:NAMED_AGENCIES]) + f"; … (+{rest})"
    return "; ".join(names)


def write_rule_groups(ctx: Context, sheet: Sheet) -> None:
    """Fill the sheet of findings grouped by rule."""
    lang = ctx.lang
    found = groups(ctx.result.findings) if ctx.result else []
    set_widths(sheet, [width for _, width in COLUMNS])
    title(sheet, t("groups.title", lang), ctx.subtitle)
    header_row(sheet, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    row = HEADER_ROW
    for row, group in enumerate(found, start=HEADER_ROW + 1):
        finding = group.first
        tone = finding.severity.value if group.active else "waived"
        values: list[object] = [
            severity_label(finding.severity.value if group.active else "waived", lang),
            finding.rule_id,
            finding.title if lang == "vi" else finding.title_en,
            ctx.layer_name(finding.layer),
            group.active,
            group.waived,
            _agencies(ctx, group.agencies) or None,
            "\n".join(one_basis(b) for b in finding.basis) or None,
            finding.remediation or None,
        ]
        for col, value in enumerate(values, start=1):
            if col == SEVERITY_COL:
                put(sheet, row, col, value, align=CENTER_TOP, tone=tone)
            else:
                put(sheet, row, col, value, number_format=INTEGER if col in COUNT_COLS else None)
    if not found:
        put(sheet, HEADER_ROW + 1, 1, t("findings.none", lang), border=False)
    add_table(sheet, "findings_by_rule", HEADER_ROW, row, 1, len(COLUMNS))
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=len(COLUMNS),
        frozen_cols=0,
    )
