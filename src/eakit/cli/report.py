"""``eakit report``: the Excel readiness workbook, the official report document (.docx),
or the inventory survey template."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    EXIT_INVALID,
    EXIT_OK,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    AsOfOption,
    FailOnOption,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    cannot_write,
    exit_code,
    fail,
    limits,
    load_or_exit,
    parse_as_of,
    report_load_error,
    written_summary,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import ModelLoadError, Severity
from eakit.messages import say

WORKBOOK = "readiness.xlsx"
DOCUMENT = "readiness.docx"
TEMPLATE = "inventory.xlsx"


class ReportFormat(StrEnum):
    """What ``eakit report`` writes: the workbook or the report document."""

    xlsx = "xlsx"
    docx = "docx"


def register(app: typer.Typer) -> None:
    @app.command(help="help.report")
    def report(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                help="help.report.output",
            ),
        ] = DEFAULT_OUTPUT,
        fmt: Annotated[
            ReportFormat,
            typer.Option(
                "--format",
                "-f",
                help="help.report.format",
            ),
        ] = ReportFormat.xlsx,
        as_of: AsOfOption = None,
        lang: LangOption = Lang.vi,
        template: Annotated[
            bool,
            typer.Option(
                "--template",
                help="help.report.template",
            ),
        ] = False,
        empty: Annotated[
            bool,
            typer.Option("--empty", help="help.report.empty"),
        ] = False,
        fail_on: FailOnOption = Severity.ERROR,
    ) -> None:
        """Write the readiness workbook (readiness.xlsx) or the report document
        (readiness.docx) of a model."""
        from eakit.render.excel import write_template, write_workbook

        if empty and not template:
            raise fail(say("report.empty_needs_template"), lang.value)
        if template and fmt is not ReportFormat.xlsx:
            raise fail(say("report.template_is_xlsx"), lang.value)
        when = parse_as_of(as_of, lang.value)
        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components), lang=lang.value)
        if template:
            path = output / TEMPLATE
            try:
                write_template(graph, path, lang=lang.value, empty=empty)
            except OSError as error:
                raise cannot_write(path, error, lang.value) from None
            done = say("report.template_done", path=str(path), count=0 if empty else len(graph))
            typer.echo(done.lang(lang.value))
            raise typer.Exit(EXIT_OK)
        try:
            result = run_check(graph, as_of=when, lang=lang.value)
        except ModelLoadError as error:  # an invalid rule pack or waivers file
            report_load_error(model, error, lang=lang.value)
            raise typer.Exit(EXIT_INVALID) from None
        path = output / (DOCUMENT if fmt is ReportFormat.docx else WORKBOOK)
        try:
            if fmt is ReportFormat.docx:
                from eakit.render.document import write_document

                write_document(graph, result, path, lang=lang.value)
            else:
                write_workbook(graph, result, path, lang=lang.value)
        except OSError as error:
            raise cannot_write(path, error, lang.value) from None
        typer.echo(written_summary(path, len(graph), result, lang.value))
        raise typer.Exit(exit_code(result.worst(), fail_on))
