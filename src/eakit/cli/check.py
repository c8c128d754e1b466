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
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    AsOfOption,
    FailOnOption,
    JobsOption,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    error_text,
    exit_code,
    fail,
    limits,
    load_or_exit,
    parse_as_of,
    report_load_error,
    severity_word,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import ModelLoadError, Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.messages import say
from eakit.render.json_report import json_chunks
from eakit.render.text import render_text
from eakit.rules.rule_ids import RuleSelectionError


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"


def _report(
    graph: ModelGraph,
    model: Path,
    result: CheckResult,
    fmt: Format,
    base: Path | None = None,
    lang: str = "vi",
) -> Iterable[bytes]:
    """The report of a check in ``fmt``, as chunks of bytes; SARIF and JUnit paths are
    relative to ``base`` (default: the model's repository root)."""
    from eakit.render import ci_formats

    if fmt is Format.json:
        return json_chunks(graph, result)  # streamed: national models are large
    if fmt is Format.sarif:
        _, left_out = ci_formats.sarif_selection(result.findings, ci_formats.GITHUB_LIMITS)
        if left_out:
            limits = ci_formats.GITHUB_LIMITS
            note = ci_formats.truncation_note(len(result.findings), limits, lang)
            typer.echo(f"{severity_word(Severity.WARNING, lang)}: {note}", err=True)
        return ci_formats.sarif_chunks(graph, model, result, base=base, lang=lang)
    if fmt is Format.text:
        return [render_text(graph, model, result, lang).encode("utf-8")]
    return [ci_formats.junit(graph, model, result, base=base, lang=lang).encode("utf-8")]


def _watch(
    model: Path,
    fmt: Format,
    output: Path | None,
    when: dt.date | None,
    select: list[str] | None,
    ignore: list[str] | None,
    waivers: Path | None,
    poll: bool,
    jobs: int | None,
    base: Path | None = None,
    lang: str = "vi",
) -> None:
    """``--watch``: the report goes to ``--output`` (rewritten after every valid check)
    in any format; without ``--output`` the terminal gets text."""
    from eakit.cli.watch import run_watch
    from eakit.incremental.session import Session

    if output is None and fmt is not Format.text:
        raise fail(say("check.watch_needs_output", format=fmt.value), lang)
    if not model.is_dir():
        raise fail(say("check.watch_needs_folder", model=str(model)), lang)
    session = Session(model, as_of=when, select=select or [], ignore=ignore or [],
                      waivers=waivers, progress=True, jobs=jobs, lang=lang)  # fmt: skip

    def render(result: CheckResult) -> Iterable[bytes]:
        assert session.graph is not None
        return _report(session.graph, model, result, fmt, base, lang)

    try:
        run_watch(model, session, render, output, poll)
    except RuleSelectionError as error:
        raise fail(error_text(error), lang) from None


def register(app: typer.Typer) -> None:
    @app.command(help="help.check")
    def check(
        model: ModelArg = DEFAULT_MODEL,
        fmt: Annotated[
            Format, typer.Option("--format", "-f", help="help.check.format")
        ] = Format.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="help.check.output")
        ] = None,
        fail_on: FailOnOption = Severity.ERROR,
        select: Annotated[
            list[str] | None, typer.Option("--select", help="help.check.select")
        ] = None,
        ignore: Annotated[
            list[str] | None, typer.Option("--ignore", help="help.check.ignore")
        ] = None,
        as_of: AsOfOption = None,
        waivers: Annotated[
            Path | None,
            typer.Option("--waivers", help="help.check.waivers"),
        ] = None,
        watch: Annotated[
            bool,
            typer.Option(
                "--watch",
                help="help.check.watch",
            ),
        ] = False,
        poll: Annotated[
            bool,
            typer.Option("--poll", help="help.check.poll"),
        ] = False,
        jobs: JobsOption = None,
        base_path: Annotated[
            Path | None,
            typer.Option(
                "--base-path",
                help="help.check.base_path",
                file_okay=False,
            ),
        ] = None,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Load, validate and check a model against its rule packs."""
        when = parse_as_of(as_of, lang.value)
        if watch:
            _watch(
                model, fmt, output, when, select, ignore, waivers, poll, jobs, base_path, lang.value
            )
            return
        graph = load_or_exit(
            model,
            fmt.value,
            jobs=jobs,
            limits=limits(max_model_bytes, max_components),
            lang=lang.value,
        )
        try:
            result = run_check(
                graph,
                as_of=when,
                select=select,
                ignore=ignore,
                waivers=waivers,
                jobs=jobs,
                lang=lang.value,
            )
        except ModelLoadError as error:  # a broken rule pack, legal registry or waivers file
            report_load_error(model, error, fmt.value, lang.value)
            raise typer.Exit(EXIT_INVALID) from None
        except RuleSelectionError as error:
            raise fail(error_text(error), lang.value) from None
        chunks = _report(graph, model, result, fmt, base_path, lang.value)
        if output is None:
            sys.stdout.flush()  # anything printed as text goes first
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
        else:
            atomic.write_chunks(output, chunks)
        worst = result.worst()
        raise typer.Exit(exit_code(worst, fail_on))
