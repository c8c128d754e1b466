"""Assembling the readiness workbook and the survey template."""

from __future__ import annotations

from pathlib import Path

from eakit import atomic
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.render.excel.agency_sheet import write_agencies
from eakit.render.excel.context import Context
from eakit.render.excel.coverage_sheet import write_coverage
from eakit.render.excel.findings_sheet import write_findings
from eakit.render.excel.inventory import write_inventory
from eakit.render.excel.labels import LANGS, Lang, inventory_sheet_name, t
from eakit.render.excel.layout import layer_codes
from eakit.render.excel.resilience_sheet import sheet_name as resilience_sheet_name
from eakit.render.excel.resilience_sheet import write_resilience
from eakit.render.excel.roadmap import write_roadmap
from eakit.render.excel.rule_groups_sheet import write_rule_groups
from eakit.render.excel.rules_sheet import write_rules
from eakit.render.excel.sheet import Book
from eakit.render.excel.stable import workbook_bytes
from eakit.render.excel.summary import write_summary
from eakit.render.excel.template import write_about


def _check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise ValueError(f"unsupported language '{lang}': use one of {', '.join(LANGS)}")
    return lang  # type: ignore[return-value]


def build_workbook(graph: ModelGraph, result: CheckResult | None, *, lang: str = "vi") -> Book:
    """The readiness workbook, its rows streamed to temporary files (see
    :func:`write_workbook`; save it with :func:`~eakit.render.excel.stable.workbook_bytes`
    or drop it with :meth:`Book.discard <eakit.render.excel.sheet.Book.discard>`)."""
    ctx = Context(graph, result, _check_lang(lang))
    book = Book()
    try:
        write_summary(ctx, book.add_sheet(t("sheet.summary", ctx.lang)))
        write_agencies(ctx, book.add_sheet(t("sheet.agencies", ctx.lang)))
        write_rule_groups(ctx, book.add_sheet(t("sheet.groups", ctx.lang)))
        write_findings(ctx, book.add_sheet(t("sheet.findings", ctx.lang)))
        for layer in layer_codes():
            write_inventory(ctx, book.add_sheet(inventory_sheet_name(layer, ctx.lang)), layer)
        write_coverage(ctx, book.add_sheet(t("sheet.coverage", ctx.lang)))
        write_roadmap(ctx, book.add_sheet(t("sheet.roadmap", ctx.lang)))
        write_resilience(ctx, book.add_sheet(resilience_sheet_name(ctx.lang)))
        write_rules(ctx, book.add_sheet(t("sheet.rules", ctx.lang)))
    except BaseException:
        book.discard()
        raise
    return book


def write_workbook(
    graph: ModelGraph, result: CheckResult | None, path: Path, *, lang: str = "vi"
) -> Path:
    """Write the readiness workbook to ``path`` (atomically, byte-stable); return ``path``.

    Sheets: summary dashboard, results by agency, findings by rule, findings (sorted),
    one inventory sheet per layer, coverage matrix, gaps and roadmap, single points of
    failure, rule catalogue. ``result`` may be ``None`` (inventory and coverage only, no
    findings or scores).
    """
    book = build_workbook(graph, result, lang=lang)
    as_of = result.as_of if result is not None else graph.architecture.as_of
    title = t("summary.title", _check_lang(lang)).capitalize()
    try:
        data = workbook_bytes(book, as_of, title)
    finally:
        book.discard()
    atomic.write_bytes(Path(path), data)
    return Path(path)


def build_template(graph: ModelGraph, *, lang: str = "vi", empty: bool = False) -> Book:
    """The survey template: instructions plus the inventory sheets (filled or empty)."""
    ctx = Context(graph, None, _check_lang(lang))
    book = Book()
    try:
        write_about(ctx, book.add_sheet(t("sheet.about", ctx.lang)))
        for layer in layer_codes():
            sheet = book.add_sheet(inventory_sheet_name(layer, ctx.lang))
            write_inventory(ctx, sheet, layer, empty=empty)
    except BaseException:
        book.discard()
        raise
    return book


def write_template(graph: ModelGraph, path: Path, *, lang: str = "vi", empty: bool = False) -> Path:
    """Write the inventory survey template to ``path``; return ``path``."""
    book = build_template(graph, lang=lang, empty=empty)
    title = t("about.title", _check_lang(lang))
    try:
        data = workbook_bytes(book, graph.architecture.as_of, title)
    finally:
        book.discard()
    atomic.write_bytes(Path(path), data)
    return Path(path)
