"""``eakit rules``: the rule catalogue at a date, with the legal basis of every rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    Lang,
    LangOption,
    fail,
    format_diagnostic,
)
from eakit.messages import or_list, say


def register(app: typer.Typer) -> None:
    @app.command(help="help.rules")
    def rules(
        fmt: Annotated[str, typer.Option("--format", "-f", help="help.rules.format")] = "text",
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="help.rules.as_of"),
        ] = None,
        lang: LangOption = Lang.vi,
    ) -> None:
        """List every bundled rule with its category, severity and legal basis at a date
        (text, article, quote, source, verification) [default date: today]."""
        from eakit.render.rule_docs.catalogue import catalogue, render_text
        from eakit.rules.sources import RuleConfigError

        if fmt not in ("text", "json"):
            message = say(
                "cli.choice", option="--format", choices=or_list(["'text'", "'json'"]), got=fmt
            )
            raise fail(message, lang.value)
        try:
            when = dt.date.fromisoformat(as_of) if as_of is not None else dt.date.today()
        except ValueError:
            raise fail(say("cli.bad_date", option="--as-of", value=as_of), lang.value) from None
        try:
            data = catalogue(when, lang.value)
        except RuleConfigError as error:
            for diagnostic in error.diagnostics:
                typer.echo(format_diagnostic(Path("."), diagnostic, lang.value), err=True)
            raise typer.Exit(2) from None
        if fmt == "json":
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            typer.echo(render_text(data), nl=False)
