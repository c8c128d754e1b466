"""``eakit init``: scaffold a new province model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    Lang,
    LangOption,
    cannot_write,
    error_text,
    fail,
)
from eakit.messages import say


def register(app: typer.Typer) -> None:
    @app.command(help="help.init")
    def init(
        folder: Annotated[Path, typer.Argument(help="help.init.folder")],
        id_: Annotated[
            str | None,
            typer.Option("--id", help="help.init.id"),
        ] = None,
        name: Annotated[
            str, typer.Option("--name", help="help.init.name")
        ] = "Kiến trúc Chính quyền số tỉnh",
        name_en: Annotated[
            str, typer.Option("--name-en", help="help.init.name_en")
        ] = "Provincial digital government architecture",
        framework: Annotated[
            str, typer.Option("--framework", help="help.init.framework")
        ] = "vn-dgov-4.0",
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="help.init.as_of"),
        ] = None,
        horizon: Annotated[
            int | None,
            typer.Option("--horizon", help="help.init.horizon"),
        ] = None,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Create a new model: a manifest, one file per layer with worked examples of every
        kind, and the JSON Schemas for editor completion. The result passes `eakit check`."""
        from eakit.scaffold import ScaffoldError, ScaffoldOptions, scaffold

        try:
            when = dt.date.fromisoformat(as_of) if as_of is not None else None
        except ValueError:
            raise fail(say("cli.bad_date", option="--as-of", value=as_of), lang.value) from None
        options = ScaffoldOptions(
            id=id_, name=name, name_en=name_en, framework=framework, as_of=when, horizon=horizon
        )
        from eakit.outputs import FolderOutput, folder_refusal

        refusal = folder_refusal(FolderOutput(folder, "init", replaces=False))
        if refusal is not None:
            raise fail(refusal, lang.value)
        try:
            written = scaffold(folder, options)
        except ScaffoldError as error:
            raise fail(error_text(error), lang.value) from None
        except OSError as error:
            raise cannot_write(folder, error, lang.value) from None
        done = say("init.done", folder=str(folder), count=len(written))
        typer.echo(done.lang(lang.value), err=True)
