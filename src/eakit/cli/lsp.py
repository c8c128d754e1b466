"""``eakit lsp``: the language server for model files, on stdin and stdout."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import Lang, LangOption


def register(app: typer.Typer) -> None:
    @app.command(help="help.lsp")
    def lsp(
        lang: LangOption = Lang.vi,
        model: Annotated[
            Path | None,
            typer.Option(
                "--model",
                help="help.lsp.model",
                show_default=False,
            ),
        ] = None,
        stdio: Annotated[bool, typer.Option("--stdio", help="help.lsp.stdio")] = True,
    ) -> None:
        """Run the language server (errors as you type, go to definition, rename, ...)."""
        from eakit.lsp.server import serve  # pygls is imported only by this command

        serve("en" if lang is Lang.en else "vi", model.resolve() if model else None)
        if sys.stdout.closed:  # the editor closed the pipe: nothing is left to flush
            sys.stderr.flush()
            os._exit(0)
