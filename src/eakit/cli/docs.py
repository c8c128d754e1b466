"""``eakit docs``: the documentation site of a model (built HTML in ``OUTPUT/site/``)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    EXIT_FINDINGS,
    EXIT_OK,
    ModelArg,
    fail,
    load_or_exit,
)
from eakit.diagnostics import Severity
from eakit.pipeline import check as run_check


class Lang(StrEnum):
    vi = "vi"
    en = "en"


LangOption = Annotated[
    Lang, typer.Option("--lang", help="Language of the output: vi (Vietnamese first) or en.")
]


def exit_code(worst: Severity | None, fail_on: Severity) -> int:
    """The contract's exit code for the most serious active finding."""
    return EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_OK


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
        fail_on: Annotated[
            Severity, typer.Option("--fail-on", help="Exit 1 on findings at or above this.")
        ] = Severity.ERROR,
    ) -> None:
        """Build the documentation site of a model (HTML that opens from a folder or a zip)."""
        from eakit.render.site import SiteBuildError, build_site

        graph = load_or_exit(model)
        result = run_check(graph)
        target = output / "site"
        try:
            build_site(graph, result, target, lang=lang.value, diagrams=diagrams)
        except (SiteBuildError, OSError) as error:
            raise fail(str(error)) from None
        typer.echo(f"{target / 'index.html'}", err=True)
        raise typer.Exit(exit_code(result.worst(), fail_on))
