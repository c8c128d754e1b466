"""The ``eakit`` application: each command lives in its own module and registers here."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from eakit import __version__
from eakit.cli.helptext import catalogue_group, help_lang

# One module per command group; a module exposes ``register(app)``.
COMMAND_MODULES = (
    "eakit.cli.check",
    "eakit.cli.schema_cmd",
    "eakit.cli.diagram",
    "eakit.cli.generate",
    "eakit.cli.docs",
    "eakit.cli.build",
    "eakit.cli.init",
    "eakit.cli.report",
    "eakit.cli.survey",
    "eakit.cli.interop",
    "eakit.cli.analysis",
    "eakit.cli.rules_cmd",
    "eakit.cli.lsp",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eakit {__version__}")
        raise typer.Exit()


def build_app(lang: str = "vi") -> typer.Typer:
    """Create the typer application with every command registered, its help in ``lang``."""
    app = typer.Typer(
        name="eakit",
        cls=catalogue_group(lang),
        help="help.eakit",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @app.callback()
    def root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="help.eakit.version"
        ),
    ) -> None:
        """eakit: model, check and report a provincial e-government architecture."""

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


def main() -> None:
    """Console-script entry point.

    The process ends without the interpreter's teardown, which frees every object one by
    one: half a second after checking a national model, with nothing left to do (mypy
    ends the same way). Output is flushed first; files were written atomically already.
    """
    from eakit.cli.common import exit_without_teardown

    code: int | str | None = 0
    exit_without_teardown()
    try:
        build_app(help_lang(sys.argv[1:], os.environ))(prog_name="eakit")
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):  # sys.exit("message"): print it as Python would
        sys.stderr.write(code + "\n")
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
