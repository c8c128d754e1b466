"""``eakit report``: the Excel readiness workbook, or the inventory survey template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    EXIT_INVALID,
    EXIT_OK,
    FailOnOption,
    Lang,
    LangOption,
    ModelArg,
    exit_code,
    fail,
    load_or_exit,
    report_load_error,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import ModelLoadError, Severity

WORKBOOK = "readiness.xlsx"
TEMPLATE = "inventory.xlsx"


def register(app: typer.Typer) -> None:
    @app.command()
    def report(
        model: ModelArg = DEFAULT_MODEL,
        output: Annotated[
            Path,
            typer.Option(
                "--output", "-o", help="Output folder; the workbook goes to OUTPUT/readiness.xlsx."
            ),
        ] = DEFAULT_OUTPUT,
        lang: LangOption = Lang.vi,
        template: Annotated[
            bool,
            typer.Option(
                "--template",
                help=f"Write the inventory survey template ({TEMPLATE}) instead of the "
                "readiness workbook; agencies fill it in for 'eakit import-survey'.",
            ),
        ] = False,
        empty: Annotated[
            bool,
            typer.Option("--empty", help="With --template: headings only, no components."),
        ] = False,
        fail_on: FailOnOption = Severity.ERROR,
    ) -> None:
        """Write the Excel readiness workbook (readiness.xlsx) of a model."""
        from eakit.render.excel import write_template, write_workbook

        if empty and not template:
            raise fail("--empty only applies with --template")
        graph = load_or_exit(model)
        if template:
            path = output / TEMPLATE
            try:
                write_template(graph, path, lang=lang.value, empty=empty)
            except OSError as error:
                raise fail(f"cannot write {path}: {error}") from None
            typer.echo(f"{path}: inventory template, {0 if empty else len(graph)} components")
            raise typer.Exit(EXIT_OK)
        try:
            result = run_check(graph, lang=lang.value)
        except ModelLoadError as error:  # an invalid rule pack or waivers file
            report_load_error(model, error)
            raise typer.Exit(EXIT_INVALID) from None
        path = output / WORKBOOK
        try:
            write_workbook(graph, result, path, lang=lang.value)
        except OSError as error:
            raise fail(f"cannot write {path}: {error}") from None
        counts = result.counts()
        typer.echo(
            f"{path}: {len(graph)} components, {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} info, {counts['waived']} waived"
        )
        raise typer.Exit(exit_code(result.worst(), fail_on))
