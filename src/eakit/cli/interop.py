"""``eakit export archimate``, ``eakit import archimate``, ``eakit diff`` and ``eakit merge``."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eakit import atomic
from eakit.cli.common import (
    DEFAULT_MODEL,
    EXIT_FINDINGS,
    EXIT_INVALID,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    cannot_write,
    error_text,
    fail,
    format_diagnostic,
    limits,
    load_or_exit,
    parse_as_of,
    severity_word,
)
from eakit.diagnostics import ModelLoadError, Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.loader import load_model
from eakit.loader.limits import Limits
from eakit.messages import in_lang, say
from eakit.text import for_terminal, for_terminal_lines, json_neutral


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class OnClash(StrEnum):
    rename = "rename"
    fail = "fail"


def _date(value: str | None, option: str, lang: str) -> dt.date | None:
    return parse_as_of(value, lang, option)


def _check_output_folder(
    out: Path, force: bool, command: str, lang: str, sources: Sequence[Path] = ()
) -> None:
    """Refuse an output folder the shared rule forbids (:mod:`eakit.outputs`), or one
    inside a source model folder."""
    from eakit.outputs import FolderOutput, folder_refusal

    request = FolderOutput(out, command, inputs=tuple(sources), force=force, own_needs_force=True)
    refusal = folder_refusal(request)
    if refusal is not None:
        raise fail(refusal, lang)
    resolved = out.resolve()
    for source in sources:
        if source.is_dir() and resolved.is_relative_to(source.resolve()):
            # The source's include globs would then pick up the merged files as its own.
            raise fail(say("interop.inside_source", out=str(out), source=str(source)), lang)


def _verify(staging: Path) -> None:
    """The written model must load; otherwise nothing replaces the output folder."""
    load_model(staging)


def _report_unloadable(out: Path, error: ModelLoadError, lang: str) -> typer.Exit:
    for diagnostic in error.diagnostics:
        typer.echo(format_diagnostic(out, diagnostic, lang), err=True)
    return fail(say("interop.unloadable", out=str(out)), lang)


def register(app: typer.Typer) -> None:
    export_app = typer.Typer(help="help.export", no_args_is_help=True)
    import_app = typer.Typer(help="help.import", no_args_is_help=True)
    app.add_typer(export_app, name="export")
    app.add_typer(import_app, name="import")

    @export_app.command("archimate", help="help.export_archimate")
    def export_archimate_cmd(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="help.export_archimate.output"),
        ] = None,
        validate: Annotated[
            bool, typer.Option("--validate", help="help.export_archimate.validate")
        ] = False,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Write the model as an ArchiMate 3 Open Exchange Format file (for Archi and others)."""
        from eakit.interop.archimate_export import export_archimate
        from eakit.interop.xsd import validate_exchange
        from eakit.render.diagrams.views import ViewError

        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components), lang=lang.value)
        try:
            data = export_archimate(graph)
        except ViewError as error:
            message = f"{model / 'eakit.yaml'}: views: " + in_lang(error_text(error), lang.value)
            raise fail(message, lang.value) from None
        if validate:
            problems = validate_exchange(data)
            if problems:
                for problem in problems:
                    exchange = say("interop.exchange_problem", problem=str(problem))
                    typer.echo(
                        for_terminal(say("cli.error", message=exchange).lang(lang.value)), err=True
                    )
                raise typer.Exit(EXIT_INVALID)
        if output is None:
            typer.echo(data.decode("utf-8"), nl=False)
        else:
            atomic.write_bytes(output, data)
            done = say("interop.exported", output=str(output), count=len(graph))
            typer.echo(done.lang(lang.value), err=True)

    # ``export graph`` lives with the graph analyses (eakit.cli.analysis).
    from eakit.cli.analysis import register_export

    register_export(export_app)

    @import_app.command("archimate", help="help.import_archimate")
    def import_archimate_cmd(
        source: Annotated[Path, typer.Argument(help="help.import_archimate.source")],
        output: Annotated[
            Path, typer.Option("--output", "-o", help="help.import_archimate.output")
        ],
        architecture_id: Annotated[
            str | None, typer.Option("--id", help="help.import_archimate.id")
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="help.import_archimate.as_of",
            ),
        ] = None,
        horizon: Annotated[
            int | None, typer.Option("--horizon", help="help.import_archimate.horizon")
        ] = None,
        framework: Annotated[
            str | None, typer.Option("--framework", help="help.import_archimate.framework")
        ] = None,
        validate: Annotated[
            bool, typer.Option("--validate", help="help.import_archimate.validate")
        ] = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="help.import_archimate.force",
            ),
        ] = False,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Turn an ArchiMate exchange file into an eakit model folder, with a report of what
        could not be mapped (also written to the folder as import-report.md)."""
        from eakit.interop.archimate_import import (
            REPORT_FILE,
            ArchimateImportError,
            import_archimate_file,
            write_import,
        )
        from eakit.interop.ids import is_id
        from eakit.interop.xsd import validate_exchange
        from eakit.model.manifest import FRAMEWORKS

        if architecture_id is not None and not is_id(architecture_id):
            raise fail(say("interop.bad_id", id=architecture_id), lang.value)
        if framework is not None and framework not in FRAMEWORKS:
            choices = say("cli.one_of", values=", ".join(FRAMEWORKS))
            raise fail(
                say("cli.choice", option="--framework", choices=choices, got=framework), lang.value
            )
        if not source.is_file():
            raise fail(say("cli.no_file", path=str(source)), lang.value)
        _check_output_folder(output, force, "import archimate", lang.value, [source])
        if validate:
            problems = validate_exchange(source)
            if problems:
                word = severity_word(Severity.ERROR, lang.value)
                for problem in problems:
                    typer.echo(for_terminal(f"{source}: {word}: {problem}"), err=True)
                raise typer.Exit(EXIT_INVALID)
        try:
            result = import_archimate_file(
                source,
                architecture_id=architecture_id,
                as_of=_date(as_of, "--as-of", lang.value),
                horizon=horizon,
                framework=framework,
            )
        except ArchimateImportError as error:
            raise fail(error_text(error), lang.value) from None
        try:
            write_import(result, output, verify=_verify, owner="import archimate")
        except ModelLoadError as error:
            raise _report_unloadable(output, error, lang.value) from None
        except OSError as error:
            raise cannot_write(output, error, lang.value) from None
        for line in result.report.lines(lang.value):
            typer.echo(for_terminal(line))
        typer.echo(for_terminal(result.report.summary(lang.value)))
        done = say("interop.imported", output=str(output), report=str(output / REPORT_FILE))
        typer.echo(done.lang(lang.value))

    @app.command(help="help.diff")
    def diff(
        models: Annotated[
            list[Path] | None,
            typer.Argument(
                help="help.diff.models",
                show_default=False,
            ),
        ] = None,
        git: Annotated[
            tuple[str, str] | None,
            typer.Option("--git", help="help.diff.git"),
        ] = None,
        fmt: Annotated[
            DiffFormat, typer.Option("--format", "-f", help="help.diff.format")
        ] = DiffFormat.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="help.diff.output")
        ] = None,
        no_check: Annotated[bool, typer.Option("--no-check", help="help.diff.no_check")] = False,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        lang: LangOption = Lang.vi,
    ) -> None:
        """List components and relations added, removed and changed between two versions of
        a model, and the findings and readiness scores that changed."""
        from eakit.interop.diff import diff_models
        from eakit.interop.gitrev import GitError, materialise

        paths = list(models or [])
        with tempfile.TemporaryDirectory(prefix="eakit-diff-") as scratch:
            if git is not None:
                if len(paths) > 1:
                    raise fail(say("diff.git_one_model"), lang.value)
                model_path = paths[0] if paths else DEFAULT_MODEL
                graphs: list[ModelGraph] = []
                labels = []
                for number, revision in enumerate(git):
                    try:
                        folder = materialise(revision, model_path, Path(scratch) / str(number))
                    except GitError as error:
                        raise fail(error_text(error), lang.value) from None
                    label = f"{revision}:{model_path.as_posix()}"
                    graphs.append(
                        _load_labelled(
                            folder, label, limits(max_model_bytes, max_components), lang.value
                        )
                    )
                    labels.append(label)
            else:
                if len(paths) != 2:
                    raise fail(say("diff.two_models"), lang.value)
                bounds = limits(max_model_bytes, max_components)
                graphs = [load_or_exit(p, limits=bounds, lang=lang.value) for p in paths]
                labels = [str(p) for p in paths]
            results = (
                (None, None)
                if no_check
                else (
                    _check_or_exit(graphs[0], labels[0], lang.value),
                    _check_or_exit(graphs[1], labels[1], lang.value),
                )
            )
            result = diff_models(
                graphs[0],
                graphs[1],
                results[0],
                results[1],
                old_label=labels[0],
                new_label=labels[1],
            )
        text = {
            DiffFormat.text: lambda: result.to_text(lang.value),
            DiffFormat.json: result.to_json,
            DiffFormat.markdown: lambda: result.to_markdown(lang.value),
        }[fmt]()
        if output is None:
            # The differences quote model text: made safe for the terminal.
            safe = json_neutral(text.encode()).decode() if fmt is DiffFormat.json else None
            typer.echo(safe if safe is not None else for_terminal_lines(text), nl=False)
        else:
            atomic.write_text(output, text)

    @app.command(help="help.merge")
    def merge(
        models: Annotated[list[Path], typer.Argument(help="help.merge.models")],
        into: Annotated[str, typer.Option("--into", help="help.merge.into")],
        output: Annotated[Path, typer.Option("--output", "-o", help="help.merge.output")],
        name: Annotated[str | None, typer.Option("--name", help="help.merge.name")] = None,
        name_en: Annotated[str | None, typer.Option("--name-en", help="help.merge.name_en")] = None,
        province: Annotated[
            str | None, typer.Option("--province", help="help.merge.province")
        ] = None,
        owner_agency: Annotated[
            str | None, typer.Option("--owner-agency", help="help.merge.owner_agency")
        ] = None,
        on_clash: Annotated[
            OnClash,
            typer.Option(
                "--on-clash",
                help="help.merge.on_clash",
            ),
        ] = OnClash.rename,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="help.merge.force",
            ),
        ] = False,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Merge the models of several provinces into one (e.g. --into can-tho), keeping
        shared national systems once and renaming clashing ids."""
        from eakit.interop.merge import REPORT_FILE, ClashError, MergeError, merge_models
        from eakit.interop.yaml_writer import write_model_folder

        if len(models) < 2:
            raise fail(say("merge.two_models"), lang.value)
        _check_output_folder(output, force, "merge", lang.value, models)
        bounds = limits(max_model_bytes, max_components)
        graphs = [load_or_exit(m, limits=bounds, lang=lang.value) for m in models]
        try:
            result = merge_models(
                graphs,
                into,
                name=name,
                name_en=name_en,
                province=province,
                owner_agency=owner_agency,
                on_clash=on_clash.value,  # type: ignore[arg-type]
            )
        except MergeError as error:
            said = say("merge.error", error=error_text(error)).lang(lang.value)
            typer.echo(for_terminal(said), err=True)
            code = EXIT_FINDINGS if isinstance(error, ClashError) else EXIT_INVALID
            raise typer.Exit(code) from None
        try:
            write_model_folder(output, result.texts(lang.value), verify=_verify, owner="merge")
        except ModelLoadError as error:
            raise _report_unloadable(output, error, lang.value) from None
        except OSError as error:
            raise cannot_write(output, error, lang.value) from None
        for line in result.lines(lang.value):
            typer.echo(for_terminal(line))
        done = say("merge.done", output=str(output), report=str(output / REPORT_FILE))
        typer.echo(done.lang(lang.value))


def _check_or_exit(graph: ModelGraph, label: str, lang: str) -> CheckResult:
    """Check a model; a broken rule configuration is reported like a model problem."""
    from eakit.pipeline import check

    try:
        return check(graph, lang=lang)
    except ModelLoadError as error:
        for diagnostic in error.diagnostics:
            typer.echo(
                for_terminal(f"{label}/{format_diagnostic(Path('.'), diagnostic, lang)}"), err=True
            )
        raise fail(say("diff.cannot_check"), lang) from None


def _load_labelled(folder: Path, label: str, bounds: Limits, lang: str) -> ModelGraph:
    """Load a model extracted from git (within ``bounds``), reporting problems against
    ``REV:path``."""
    from eakit.pipeline import load_graph

    try:
        return load_graph(folder, limits=bounds)
    except ModelLoadError as error:
        for diagnostic in error.diagnostics:
            line = format_diagnostic(Path("."), diagnostic, lang)
            typer.echo(for_terminal(f"{label}/{line}"), err=True)
        raise typer.Exit(EXIT_INVALID) from None
