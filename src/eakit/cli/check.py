"""``eakit check``: load, validate and check a model."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eakit import atomic
from eakit.cli.common import (
    DEFAULT_MODEL,
    EXIT_INVALID,
    FailOnOption,
    ModelArg,
    exit_code,
    fail,
    load_or_exit,
    report_load_error,
)
from eakit.diagnostics import ModelLoadError, Severity
from eakit.pipeline import check as run_check
from eakit.render.json_report import json_chunks
from eakit.render.text import render_text


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        model: ModelArg = DEFAULT_MODEL,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
        ] = None,
        fail_on: FailOnOption = Severity.ERROR,
        select: Annotated[
            list[str] | None, typer.Option("--select", help="Only these rule ids (globs).")
        ] = None,
        ignore: Annotated[
            list[str] | None, typer.Option("--ignore", help="Skip these rule ids (globs).")
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="Judge by the texts in force at this date (YYYY-MM-DD)."),
        ] = None,
        waivers: Annotated[
            Path | None,
            typer.Option("--waivers", help="Waivers file (default: the manifest's 'waivers')."),
        ] = None,
    ) -> None:
        """Load, validate and check a model against its rule packs."""
        when = None
        if as_of is not None:
            try:
                when = dt.date.fromisoformat(as_of)
            except ValueError:
                raise fail(f"--as-of must be a date YYYY-MM-DD, got '{as_of}'") from None
        graph = load_or_exit(model, fmt.value)
        try:
            result = run_check(graph, as_of=when, select=select, ignore=ignore, waivers=waivers)
        except ModelLoadError as error:  # a broken rule pack, legal registry or waivers file
            report_load_error(model, error, fmt.value)
            raise typer.Exit(EXIT_INVALID) from None
        from eakit.render import ci_formats

        chunks: Iterable[bytes]
        if fmt is Format.json:
            chunks = json_chunks(graph, result)  # streamed: national models are large
        elif fmt is Format.sarif:
            chunks = ci_formats.sarif_chunks(graph, model, result)
        elif fmt is Format.text:
            chunks = [render_text(graph, model, result).encode("utf-8")]
        else:
            chunks = [ci_formats.junit(graph, model, result).encode("utf-8")]
        if output is None:
            sys.stdout.flush()  # anything printed as text goes first
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
        else:
            atomic.write_chunks(output, chunks)
        worst = result.worst()
        raise typer.Exit(exit_code(worst, fail_on))
