"""``eakit docs``: the documentation site of a model (built HTML in ``OUTPUT/site/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    FailOnOption,
    Lang,
    LangOption,
    ModelArg,
    exit_code,
    fail,
    load_or_exit,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import Severity


def register(app: typer.Typer) -> None:
    @app.command()
    def docs(
        model: ModelArg = DEFAULT_MODEL,
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help="Output folder; the site goes to OUTPUT/site/."),
        ] = DEFAULT_OUTPUT,
        lang: LangOption = Lang.vi,
        diagrams: Annotated[
            bool, typer.Option("--diagrams/--no-diagrams", help="Embed the Graphviz diagrams.")
        ] = True,
        fail_on: FailOnOption = Severity.ERROR,
    ) -> None:
        """Build the documentation site of a model (HTML that opens from a folder or a zip)."""
        from eakit.render.site import SiteBuildError, build_site

        graph = load_or_exit(model)
        result = run_check(graph, lang=lang.value)
        target = output / "site"
        try:
            build_site(graph, result, target, lang=lang.value, diagrams=diagrams)
        except (SiteBuildError, OSError) as error:
            raise fail(str(error)) from None
        typer.echo(f"{target / 'index.html'}", err=True)
        raise typer.Exit(exit_code(result.worst(), fail_on))
