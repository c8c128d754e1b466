"""``eakit init``: scaffold a new province model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import fail


def register(app: typer.Typer) -> None:
    @app.command()
    def init(
        folder: Annotated[Path, typer.Argument(help="New (or empty) folder for the model.")],
        id_: Annotated[
            str | None,
            typer.Option(
                "--id", help="Architecture id, e.g. 'can-tho' (default: the folder's name)."
            ),
        ] = None,
        name: Annotated[
            str, typer.Option("--name", help="Vietnamese name of the architecture.")
        ] = "Kiến trúc Chính quyền số tỉnh",
        name_en: Annotated[
            str, typer.Option("--name-en", help="English name of the architecture.")
        ] = "Provincial digital government architecture",
        framework: Annotated[
            str, typer.Option("--framework", help="National framework the model follows.")
        ] = "vn-dgov-4.0",
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="Date of the current state (YYYY-MM-DD; default: today)."),
        ] = None,
        horizon: Annotated[
            int | None,
            typer.Option(
                "--horizon", help="Target year (default: end of the current plan period)."
            ),
        ] = None,
    ) -> None:
        """Create a new model: a manifest, one file per layer with worked examples of every
        kind, and the JSON Schemas for editor completion. The result passes `eakit check`."""
        from eakit.scaffold import ScaffoldError, ScaffoldOptions, scaffold

        try:
            when = dt.date.fromisoformat(as_of) if as_of is not None else None
        except ValueError:
            raise fail(f"--as-of must be a date YYYY-MM-DD, got '{as_of}'") from None
        options = ScaffoldOptions(
            id=id_, name=name, name_en=name_en, framework=framework, as_of=when, horizon=horizon
        )
        from eakit.outputs import FolderOutput, folder_refusal

        refusal = folder_refusal(FolderOutput(folder, "init", replaces=False))
        if refusal is not None:
            raise fail(refusal)
        try:
            written = scaffold(folder, options)
        except ScaffoldError as error:
            raise fail(str(error)) from None
        except OSError as error:
            raise fail(f"cannot write {folder}: {error.strerror or error}") from None
        typer.echo(f"{folder}: {len(written)} files written; next: eakit check {folder}", err=True)
