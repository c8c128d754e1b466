"""``eakit check``: load, validate and check a model."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eakit import atomic
from eakit.cli.common import (
    DEFAULT_MODEL,
    EXIT_FINDINGS,
    EXIT_OK,
    ModelArg,
    display_path,
    fail,
    load_or_exit,
)
from eakit.diagnostics import Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.pipeline import check as run_check


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"


def render_text(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """Findings like a compiler's: ``path:line:col: SEVERITY RULE-ID message``."""
    lines = []
    for note in result.notes:
        lines.append(
            f"{display_path(model_dir, note.location)}: {note.severity.value.upper()} "
            f"{note.code} {note.message}"
        )
    for finding in result.findings:
        where = (
            display_path(model_dir, finding.location)
            if finding.location
            else f"{model_dir.as_posix()}"
        )
        waived = f" [waived: {finding.waived.reason}]" if finding.waived else ""
        lines.append(
            f"{where}: {finding.severity.value.upper()} {finding.rule_id} {finding.message}{waived}"
        )
    counts = result.counts()
    total = len(graph)
    lines.append(
        f"{graph.architecture.id}: {total} components checked against {', '.join(result.packs)} "
        f"as of {result.as_of.isoformat()}: {counts['error']} errors, {counts['warning']} "
        f"warnings, {counts['info']} info, {counts['waived']} waived"
    )
    return "\n".join(lines) + "\n"


def render_json(graph: ModelGraph, result: CheckResult) -> str:
    """The check result as JSON (the machine-readable source of truth)."""
    payload = {
        "valid": True,
        "architecture": graph.architecture.id,
        "framework": result.framework,
        "as_of": result.as_of.isoformat(),
        "packs": result.packs,
        "components": len(graph),
        "counts": result.counts(),
        "readiness": result.readiness.to_dict() if result.readiness else None,
        "findings": [f.to_dict() for f in result.findings],
        "notes": [n.to_dict() for n in result.notes],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        model: ModelArg = DEFAULT_MODEL,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
        ] = None,
        fail_on: Annotated[
            Severity, typer.Option("--fail-on", help="Exit 1 on findings at or above this.")
        ] = Severity.ERROR,
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
    ) -> None:
        """Load, validate and check a model against its rule packs."""
        when = None
        if as_of is not None:
            try:
                when = dt.date.fromisoformat(as_of)
            except ValueError:
                raise fail(f"--as-of must be a date YYYY-MM-DD, got '{as_of}'") from None
        graph = load_or_exit(model, fmt.value)
        result = run_check(graph, as_of=when, select=select, ignore=ignore)
        if fmt is Format.json:
            text = render_json(graph, result)
        elif fmt is Format.text:
            text = render_text(graph, model, result)
        else:
            from eakit.render import ci_formats

            text = (
                ci_formats.sarif(graph, model, result)
                if fmt is Format.sarif
                else ci_formats.junit(graph, model, result)
            )
        if output is None:
            typer.echo(text, nl=False)
        else:
            atomic.write_text(output, text)
        worst = result.worst()
        raise typer.Exit(
            EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_OK
        )
