"""The rule catalogue sheet: the rules the check applied (``CheckResult.rules``)."""

from __future__ import annotations

from collections import Counter

from eakit.findings import Basis
from eakit.render.excel.cells import (
    add_table,
    header_row,
    print_as_table,
    put,
    set_widths,
    title,
)
from eakit.render.excel.context import Context
from eakit.render.excel.labels import Lang, severity_label, t
from eakit.render.excel.sheet import Sheet
from eakit.render.excel.styles import CENTER_TOP, INTEGER

HEADER_ROW = 4
COLUMNS: tuple[tuple[str, float], ...] = (
    ("ru.id", 11),
    ("ru.title", 38),
    ("ru.severity", 11),
    ("ru.layer", 20),
    ("ru.pack", 14),
    ("ru.basis", 30),
    ("ru.quote", 50),
    ("ru.rationale", 44),
    ("ru.remediation", 40),
    ("ru.findings", 11),
)
SEVERITY_COL = 3


def _quotes(basis: tuple[Basis, ...], lang: Lang) -> str | None:
    """Per citation: the article's quote with its source, or the open "unverified" mark."""
    lines = []
    for b in basis:
        if b.confidence == "low" or not b.quote:
            lines.append(f"{b}: {t('ru.unverified', lang)}")
        else:
            lines.append(f"{b} ({t('ru.verified', lang)}): “{b.quote}” {b.url}".rstrip())
    return "\n".join(lines) or None


def write_rules(ctx: Context, sheet: Sheet) -> None:
    """Fill the rule catalogue sheet."""
    lang = ctx.lang
    rules = sorted(ctx.result.rules, key=lambda r: r.id) if ctx.result else []
    per_rule = Counter(f.rule_id for f in ctx.result.active()) if ctx.result else Counter()
    set_widths(sheet, [width for _, width in COLUMNS])
    title(sheet, t("rules.title", lang), ctx.subtitle)
    header_row(sheet, HEADER_ROW, [t(key, lang) for key, _ in COLUMNS])
    row = HEADER_ROW
    for row, rule in enumerate(rules, start=HEADER_ROW + 1):
        values: list[object] = [
            rule.id,
            rule.title if lang == "vi" else rule.title_en,
            severity_label(rule.severity.value, lang),
            ctx.layer_name(rule.layer),
            rule.pack,
            "\n".join(str(b) for b in rule.basis) or None,
            _quotes(rule.basis, lang),
            rule.rationale or None,
            rule.remediation or None,
            per_rule.get(rule.id, 0),
        ]
        for col, value in enumerate(values, start=1):
            if col == SEVERITY_COL:
                put(sheet, row, col, value, align=CENTER_TOP, tone=rule.severity.value)
            else:
                put(sheet, row, col, value, number_format=INTEGER if col == len(values) else None)
    if not rules:
        put(sheet, HEADER_ROW + 1, 1, t("rules.none", lang), border=False)
    add_table(sheet, "rules", HEADER_ROW, row, 1, len(COLUMNS))
    print_as_table(
        sheet,
        lang,
        ctx.footer,
        header=HEADER_ROW,
        last_row=row,
        last_printed_col=len(COLUMNS),
        frozen_cols=1,
    )
