"""``eakit diagram``: Graphviz views of a model (SVG, PNG on request)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit import atomic
from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    EXIT_INVALID,
    EXIT_OK,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    FailOnOption,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    cannot_write,
    error_text,
    exit_code,
    fail,
    fail_located,
    limits,
    load_or_exit,
    report_load_error,
    severity_word,
)
from eakit.diagnostics import ModelLoadError, Severity
from eakit.graph import ModelGraph
from eakit.messages import in_lang, say
from eakit.text import for_terminal


def _formats(values: list[str] | None) -> list[str]:
    """``--format svg --format png`` or ``--format svg,png``; default SVG."""
    formats = [part.strip().lower() for value in values or ["svg"] for part in value.split(",")]
    return [f for f in formats if f]


def _view_error(model: Path, graph: ModelGraph, error: Exception, lang: str) -> typer.Exit:
    """A view problem, located in ``eakit.yaml`` when it comes from a declared view."""
    from eakit.loader.locator import YamlLocator
    from eakit.model import SourceRef
    from eakit.render.paths import display_path

    path = getattr(error, "path", ())
    if path:
        where = YamlLocator(graph.root).locate(SourceRef("eakit.yaml", ()), *path)
        word = severity_word(Severity.ERROR, lang)
        message = in_lang(error_text(error), lang)
        typer.echo(for_terminal(f"{display_path(model, where)}: {word}: {message}"), err=True)
        return typer.Exit(EXIT_INVALID)
    return fail(error_text(error), lang)


def register(app: typer.Typer) -> None:
    @app.command(help="help.diagram")
    def diagram(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path,
            typer.Option("--output", "-o", help="help.diagram.output"),
        ] = DEFAULT_OUTPUT,
        fmt: Annotated[
            list[str] | None,
            typer.Option("--format", "-f", help="help.diagram.format"),
        ] = None,
        lang: LangOption = Lang.vi,
        view: Annotated[
            list[str] | None,
            typer.Option("--view", help="help.diagram.view"),
        ] = None,
        focus: Annotated[
            str | None,
            typer.Option("--focus", help="help.diagram.focus"),
        ] = None,
        depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="help.diagram.depth")] = 1,
        list_only: Annotated[bool, typer.Option("--list", help="help.diagram.list")] = False,
        findings: Annotated[
            bool,
            typer.Option("--findings/--no-findings", help="help.diagram.findings"),
        ] = True,
        fail_on: FailOnOption = Severity.ERROR,
    ) -> None:
        """Draw the views of a model with Graphviz: overview, integration, infrastructure,
        roadmap, one per agency, or the neighbourhood of one component."""
        from eakit.outputs import FolderOutput, folder_refusal, is_new, mark
        from eakit.render.diagrams import (
            GraphvizError,
            ViewError,
            list_views,
            render_focus,
            render_views,
        )

        formats = _formats(fmt)
        if focus is not None and len(formats) != 1:
            raise fail(say("diagram.focus_one_format"), lang.value)
        if focus is not None and view:
            raise fail(say("diagram.focus_and_view"), lang.value)
        folder = output / "diagrams"
        if not list_only:
            request = FolderOutput(folder, "diagram", inputs=(model,), chosen=output)
            refusal = folder_refusal(request)
            if refusal is not None:
                raise fail(refusal, lang.value)
        created = is_new(output)
        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components), lang=lang.value)
        if list_only:
            try:
                for info in list_views(graph, lang.value):
                    typer.echo(for_terminal(f"{info.name}\t{info.title}"))
            except ViewError as error:
                raise _view_error(model, graph, error, lang.value) from None
            raise typer.Exit(EXIT_OK)
        from eakit.cli.common import check_kept as run_check

        try:
            result = run_check(graph, lang=lang.value)
        except ModelLoadError as error:  # a broken rule pack, legal registry or waivers file
            report_load_error(model, error, lang=lang.value)
            raise typer.Exit(EXIT_INVALID) from None
        shown = result if findings else None
        try:
            if focus is not None or view:
                # Some views only: written into the folder, which is marked as eakit's.
                folder.mkdir(parents=True, exist_ok=True)
                mark(folder, "diagram")
            if focus is not None:
                path = folder / f"focus-{focus}.{formats[0]}"
                written = [
                    render_focus(
                        graph, shown, focus, path, depth=depth, fmt=formats[0], lang=lang.value
                    )
                ]
            elif view:
                written = render_views(
                    graph, shown, folder, formats=formats, lang=lang.value, views=view
                )
            else:
                # All views: replace the folder so views that no longer exist disappear.
                with atomic.replace_dir(folder, owner="diagram") as staging:
                    staged = render_views(graph, shown, staging, formats=formats, lang=lang.value)
                written = [folder / p.name for p in staged]
        except ViewError as error:
            raise _view_error(model, graph, error, lang.value) from None
        except GraphvizError as error:
            raise fail_located(model, error, lang.value) from None
        except OSError as error:
            raise cannot_write(folder, error, lang.value) from None
        if created:
            mark(output, "diagram")
        for path in written:
            typer.echo(str(path))
        worst = result.worst()
        raise typer.Exit(exit_code(worst, fail_on))
