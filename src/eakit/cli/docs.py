"""``eakit docs``: the documentation site of a model (built HTML in ``OUTPUT/site/``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    FailOnOption,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    error_text,
    exit_code,
    fail,
    fail_located,
    limits,
    load_or_exit,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import Severity


def register(app: typer.Typer) -> None:
    @app.command(help="help.docs")
    def docs(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help="help.docs.output"),
        ] = DEFAULT_OUTPUT,
        lang: LangOption = Lang.vi,
        diagrams: Annotated[
            bool, typer.Option("--diagrams/--no-diagrams", help="help.docs.diagrams")
        ] = True,
        fail_on: FailOnOption = Severity.ERROR,
    ) -> None:
        """Build the documentation site of a model (HTML that opens from a folder or a zip)."""
        from eakit.outputs import FolderOutput, folder_refusal, is_new, mark
        from eakit.render.diagrams import GraphvizError, ViewError
        from eakit.render.site import SiteBuildError, build_site

        target = output / "site"
        refusal = folder_refusal(FolderOutput(target, "docs", inputs=(model,), chosen=output))
        if refusal is not None:
            raise fail(refusal, lang.value)
        created = is_new(output)
        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components), lang=lang.value)
        result = run_check(graph, lang=lang.value)
        try:
            build_site(graph, result, target, lang=lang.value, diagrams=diagrams)
            if created:
                mark(output, "docs")
        except (SiteBuildError, OSError) as error:
            raise fail(error_text(error), lang.value) from None
        except (GraphvizError, ViewError) as error:
            raise fail_located(model, error, lang.value) from None
        typer.echo(f"{target / 'index.html'}", err=True)
        raise typer.Exit(exit_code(result.worst(), fail_on))
