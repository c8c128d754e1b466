"""``eakit schema``: the JSON Schema of the model format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from eakit import atomic
from eakit.cli.common import (
    Lang,
    LangOption,
)
from eakit.messages import or_list, say
from eakit.schema import schema_json


def register(app: typer.Typer) -> None:
    @app.command(help="help.schema")
    def schema(
        which: Annotated[str, typer.Option("--for", help="help.schema.for")] = "model",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="help.schema.output")
        ] = None,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Write the JSON Schema of model files (or of eakit.yaml) for editors."""
        if which not in ("model", "manifest"):
            from eakit.cli.common import fail

            message = say(
                "cli.choice", option="--for", choices=or_list(["'model'", "'manifest'"]), got=which
            )
            raise fail(message, lang.value)
        kind: Literal["model", "manifest"] = "model" if which == "model" else "manifest"
        text = schema_json(kind)
        if output is None:
            typer.echo(text, nl=False)
        else:
            atomic.write_text(output, text)
