"""``eakit impact``, ``eakit analyse`` and ``eakit export graph``: analyses of the model
graph (:mod:`eakit.analysis`)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eakit import atomic
from eakit.analysis.export import GraphFormat
from eakit.cli.common import (
    DEFAULT_MODEL,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    fail,
    limits,
    load_or_exit,
    parse_as_of,
)
from eakit.graph import ModelGraph
from eakit.jsontext import pretty
from eakit.messages import say
from eakit.text import for_terminal_lines, json_neutral

if TYPE_CHECKING:
    from eakit.analysis.resilience import Resilience

ImpactAsOfOption = Annotated[str | None, typer.Option("--as-of", help="help.impact.as_of")]


class Format(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="help.analysis.format")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="help.analysis.output")]


def _emit(data: str, fmt: Format, output: Path | None) -> None:
    """Write a report to ``output`` atomically, or to stdout (text safe for a terminal)."""
    encoded = data.encode("utf-8")
    if fmt is Format.json:
        encoded = json_neutral(encoded)
    elif output is None:
        encoded = for_terminal_lines(data).encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(encoded)
        sys.stdout.flush()
    else:
        atomic.write_bytes(output, encoded)


def _draw(graph: ModelGraph, result: Resilience, path: Path, fmt: str, lang: str) -> None:
    """Write the resilience diagram, or exit 2 when Graphviz cannot draw it."""
    from eakit.analysis.diagram import draw_resilience
    from eakit.render.diagrams import GraphvizError

    try:
        atomic.write_bytes(path, draw_resilience(graph, result, fmt, lang=lang))
    except GraphvizError as error:
        raise fail(error.message) from None


def register(app: typer.Typer) -> None:
    @app.command(help="help.impact")
    def impact(
        component: Annotated[str, typer.Argument(help="help.impact.component")],
        model: ModelArg = DEFAULT_MODEL,
        depth: Annotated[
            int | None,
            typer.Option("--depth", "-d", min=1, help="help.impact.depth"),
        ] = None,
        fmt: FormatOption = Format.text,
        output: OutputOption = None,
        as_of: ImpactAsOfOption = None,
        lang: LangOption = Lang.vi,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
    ) -> None:
        """What stops if a component fails: everything that depends on it, transitively
        (by layer and agency, with the chain of dependencies)."""
        from eakit.analysis.impact import impact as find_impact
        from eakit.analysis.present import impact_json, impact_text
        from eakit.loader.suggest import IdSuggester

        when = parse_as_of(as_of)
        graph = load_or_exit(model, fmt.value, limits=limits(max_model_bytes, max_components))
        if component not in graph:
            hint = IdSuggester(graph.ids()).hint(component)
            raise fail(say("cli.no_component", id=component, hint=hint), lang.value)
        result = find_impact(graph, component, depth=depth, when=when)
        if fmt is Format.json:
            _emit(pretty(impact_json(graph, result, lang.value)), fmt, output)
        else:
            _emit(impact_text(graph, result, lang.value), fmt, output)

    @app.command(help="help.analyse")
    def analyse(
        model: ModelArg = DEFAULT_MODEL,
        fmt: FormatOption = Format.text,
        output: OutputOption = None,
        top: Annotated[int, typer.Option("--top", min=1, help="help.analyse.top")] = 10,
        diagram: Annotated[
            Path | None,
            typer.Option(
                "--diagram",
                help="help.analyse.diagram",
            ),
        ] = None,
        as_of: ImpactAsOfOption = None,
        lang: LangOption = Lang.vi,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
    ) -> None:
        """Single points of failure (articulation points, bridges) and the most central
        systems of the integration and infrastructure networks."""
        from eakit.analysis.present import resilience_json, resilience_text
        from eakit.analysis.resilience import resilience

        when = parse_as_of(as_of)
        drawing = None if diagram is None else diagram.suffix.lower().lstrip(".")
        if drawing is not None and drawing not in ("svg", "png", "dot"):
            raise fail(say("cli.diagram_suffix", path=str(diagram)), lang.value)
        graph = load_or_exit(model, fmt.value, limits=limits(max_model_bytes, max_components))
        result = resilience(graph, when, top=top)
        if diagram is not None and drawing is not None:
            _draw(graph, result, diagram, drawing, lang.value)
        if fmt is Format.json:
            _emit(pretty(resilience_json(graph, result, lang.value)), fmt, output)
        else:
            _emit(resilience_text(graph, result, lang.value), fmt, output)


def register_export(export_app: typer.Typer) -> None:
    """Add ``eakit export graph`` to the ``export`` group."""

    @export_app.command("graph", help="help.export_graph")
    def export_graph_cmd(
        model: ModelArg = DEFAULT_MODEL,
        fmt: Annotated[
            GraphFormat,
            typer.Option(
                "--format",
                "-f",
                help="help.export_graph.format",
            ),
        ] = GraphFormat.graphml,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="help.export_graph.output"),
        ] = None,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
    ) -> None:
        """Write the model graph, every attribute included, for networkx, Gephi and other
        graph tools."""
        from eakit.analysis.export import export_graph

        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components))
        data = export_graph(graph, fmt)
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            atomic.write_bytes(output, data)
            typer.echo(
                f"wrote {output} ({len(graph)} nodes, {graph.g.number_of_edges()} edges)",
                err=True,
            )
