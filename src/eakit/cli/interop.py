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
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    fail,
    format_diagnostic,
    limits,
    load_or_exit,
)
from eakit.diagnostics import ModelLoadError
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.loader import load_model
from eakit.loader.limits import Limits
from eakit.text import for_terminal, for_terminal_lines, json_neutral

EXPORT_HELP = "Write the model in another tool's format."
IMPORT_HELP = "Make an eakit model from another tool's file."


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class OnClash(StrEnum):
    rename = "rename"
    fail = "fail"


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} must be a date YYYY-MM-DD, got '{value}'") from None


def _check_output_folder(
    out: Path, force: bool, command: str, sources: Sequence[Path] = ()
) -> None:
    """Refuse an output folder the shared rule forbids (:mod:`eakit.outputs`), or one
    inside a source model folder."""
    from eakit.outputs import FolderOutput, folder_refusal

    request = FolderOutput(out, command, inputs=tuple(sources), force=force, own_needs_force=True)
    refusal = folder_refusal(request)
    if refusal is not None:
        raise fail(refusal)
    resolved = out.resolve()
    for source in sources:
        if source.is_dir() and resolved.is_relative_to(source.resolve()):
            # The source's include globs would then pick up the merged files as its own.
            raise fail(f"the output folder {out} is inside the source model {source}")


def _verify(staging: Path) -> None:
    """The written model must load; otherwise nothing replaces the output folder."""
    load_model(staging)


def _report_unloadable(out: Path, error: ModelLoadError) -> typer.Exit:
    for diagnostic in error.diagnostics:
        typer.echo(format_diagnostic(out, diagnostic), err=True)
    typer.echo(
        f"eakit: error: the model written for {out} does not load; nothing was written "
        "(please report this as a bug)",
        err=True,
    )
    return typer.Exit(EXIT_INVALID)


def register(app: typer.Typer) -> None:
    export_app = typer.Typer(help=EXPORT_HELP, no_args_is_help=True)
    import_app = typer.Typer(help=IMPORT_HELP, no_args_is_help=True)
    app.add_typer(export_app, name="export")
    app.add_typer(import_app, name="import")

    @export_app.command("archimate")
    def export_archimate_cmd(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Exchange file to write (default: stdout)."),
        ] = None,
        validate: Annotated[
            bool, typer.Option("--validate", help="Check the file against the ArchiMate XSDs.")
        ] = False,
    ) -> None:
        """Write the model as an ArchiMate 3 Open Exchange Format file (for Archi and others)."""
        from eakit.interop.archimate_export import export_archimate
        from eakit.interop.xsd import validate_exchange
        from eakit.render.diagrams.views import ViewError

        graph = load_or_exit(model, limits=limits(max_model_bytes, max_components))
        try:
            data = export_archimate(graph)
        except ViewError as error:
            raise fail(f"{model / 'eakit.yaml'}: views: {error.message}") from None
        if validate:
            problems = validate_exchange(data)
            if problems:
                for problem in problems:
                    typer.echo(for_terminal(f"eakit: error: exchange file: {problem}"), err=True)
                raise typer.Exit(EXIT_INVALID)
        if output is None:
            typer.echo(data.decode("utf-8"), nl=False)
        else:
            atomic.write_bytes(output, data)
            typer.echo(f"wrote {output} ({len(graph)} elements)", err=True)

    # ``export graph`` lives with the graph analyses (eakit.cli.analysis).
    from eakit.cli.analysis import register_export

    register_export(export_app)

    @import_app.command("archimate")
    def import_archimate_cmd(
        source: Annotated[Path, typer.Argument(help="ArchiMate 3 exchange file (.xml).")],
        output: Annotated[Path, typer.Option("--output", "-o", help="Model folder to create.")],
        architecture_id: Annotated[
            str | None, typer.Option("--id", help="Architecture id (default: from the file).")
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="Date of the current state, YYYY-MM-DD (default: the file's date, "
                "else today).",
            ),
        ] = None,
        horizon: Annotated[
            int | None, typer.Option("--horizon", help="Target year (default: as-of + 5).")
        ] = None,
        framework: Annotated[
            str | None, typer.Option("--framework", help="Framework id (default: vn-egov-2.0).")
        ] = None,
        validate: Annotated[
            bool, typer.Option("--validate", help="First check the file against the XSDs.")
        ] = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Replace a model folder eakit wrote earlier (never one it did not write).",
            ),
        ] = False,
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
            raise fail(f"--id '{architecture_id}' is not a valid id (a-z, 0-9 and '-')")
        if framework is not None and framework not in FRAMEWORKS:
            raise fail(f"--framework must be one of {', '.join(FRAMEWORKS)}")
        if not source.is_file():
            raise fail(f"{source}: no such file")
        _check_output_folder(output, force, "import archimate", [source])
        if validate:
            problems = validate_exchange(source)
            if problems:
                for problem in problems:
                    typer.echo(for_terminal(f"{source}: error: {problem}"), err=True)
                raise typer.Exit(EXIT_INVALID)
        try:
            result = import_archimate_file(
                source,
                architecture_id=architecture_id,
                as_of=_date(as_of, "--as-of"),
                horizon=horizon,
                framework=framework,
            )
        except ArchimateImportError as error:
            raise fail(str(error)) from None
        try:
            write_import(result, output, verify=_verify, owner="import archimate")
        except ModelLoadError as error:
            raise _report_unloadable(output, error) from None
        except OSError as error:
            raise fail(f"cannot write {output}: {error}") from None
        for line in result.report.lines():
            typer.echo(for_terminal(line))
        typer.echo(result.report.summary_vi())
        typer.echo(result.report.summary())
        typer.echo(f"wrote {output} (report: {output / REPORT_FILE})")

    @app.command()
    def diff(
        models: Annotated[
            list[Path] | None,
            typer.Argument(
                help="OLD and NEW model folders; with --git, the one model folder "
                "(default: model).",
                show_default=False,
            ),
        ] = None,
        git: Annotated[
            tuple[str, str] | None,
            typer.Option("--git", help="Compare the model at two git revisions: REV1 REV2."),
        ] = None,
        fmt: Annotated[
            DiffFormat, typer.Option("--format", "-f", help="Output format.")
        ] = DiffFormat.text,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
        ] = None,
        no_check: Annotated[
            bool, typer.Option("--no-check", help="Compare the models only, not the findings.")
        ] = False,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
    ) -> None:
        """List components and relations added, removed and changed between two versions of
        a model, and the findings and readiness scores that changed."""
        from eakit.interop.diff import diff_models
        from eakit.interop.gitrev import GitError, materialise

        paths = list(models or [])
        with tempfile.TemporaryDirectory(prefix="eakit-diff-") as scratch:
            if git is not None:
                if len(paths) > 1:
                    raise fail("with --git give at most one model folder")
                model_path = paths[0] if paths else DEFAULT_MODEL
                graphs: list[ModelGraph] = []
                labels = []
                for number, revision in enumerate(git):
                    try:
                        folder = materialise(revision, model_path, Path(scratch) / str(number))
                    except GitError as error:
                        raise fail(str(error)) from None
                    label = f"{revision}:{model_path.as_posix()}"
                    graphs.append(
                        _load_labelled(folder, label, limits(max_model_bytes, max_components))
                    )
                    labels.append(label)
            else:
                if len(paths) != 2:
                    raise fail("give two model folders (OLD NEW), or --git REV1 REV2 [MODEL]")
                graphs = [
                    load_or_exit(p, limits=limits(max_model_bytes, max_components)) for p in paths
                ]
                labels = [str(p) for p in paths]
            results = (
                (None, None)
                if no_check
                else (_check_or_exit(graphs[0], labels[0]), _check_or_exit(graphs[1], labels[1]))
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
            DiffFormat.text: result.to_text,
            DiffFormat.json: result.to_json,
            DiffFormat.markdown: result.to_markdown,
        }[fmt]()
        if output is None:
            # The differences quote model text: made safe for the terminal.
            safe = json_neutral(text.encode()).decode() if fmt is DiffFormat.json else None
            typer.echo(safe if safe is not None else for_terminal_lines(text), nl=False)
        else:
            atomic.write_text(output, text)

    @app.command()
    def merge(
        models: Annotated[
            list[Path], typer.Argument(help="The model folders to merge, first one leading.")
        ],
        into: Annotated[str, typer.Option("--into", help="Id of the merged architecture.")],
        output: Annotated[Path, typer.Option("--output", "-o", help="Model folder to create.")],
        name: Annotated[
            str | None, typer.Option("--name", help="Vietnamese name of the merged architecture.")
        ] = None,
        name_en: Annotated[str | None, typer.Option("--name-en", help="English name.")] = None,
        province: Annotated[
            str | None, typer.Option("--province", help="Id of the new province's committee.")
        ] = None,
        owner_agency: Annotated[
            str | None, typer.Option("--owner-agency", help="Id of the owning agency.")
        ] = None,
        on_clash: Annotated[
            OnClash,
            typer.Option(
                "--on-clash",
                help="rename: prefix clashing ids with the source id; fail: only report.",
            ),
        ] = OnClash.rename,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Replace a model folder eakit wrote earlier (never one it did not write).",
            ),
        ] = False,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
    ) -> None:
        """Merge the models of several provinces into one (e.g. --into can-tho), keeping
        shared national systems once and renaming clashing ids."""
        from eakit.interop.merge import REPORT_FILE, ClashError, MergeError, merge_models
        from eakit.interop.yaml_writer import write_model_folder

        if len(models) < 2:
            raise fail("give at least two model folders to merge")
        _check_output_folder(output, force, "merge", models)
        graphs = [load_or_exit(m, limits=limits(max_model_bytes, max_components)) for m in models]
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
            typer.echo(for_terminal(f"eakit: merge: {error}"), err=True)
            code = EXIT_FINDINGS if isinstance(error, ClashError) else EXIT_INVALID
            raise typer.Exit(code) from None
        try:
            write_model_folder(output, result.texts(), verify=_verify, owner="merge")
        except ModelLoadError as error:
            raise _report_unloadable(output, error) from None
        except OSError as error:
            raise fail(f"cannot write {output}: {error}") from None
        for line in result.lines():
            typer.echo(for_terminal(line))
        typer.echo(
            f"wrote {output} (report: {output / REPORT_FILE}); check it with 'eakit check {output}'"
        )


def _check_or_exit(graph: ModelGraph, label: str) -> CheckResult:
    """Check a model; a broken rule configuration is reported like a model problem."""
    from eakit.pipeline import check

    try:
        return check(graph)
    except ModelLoadError as error:
        for diagnostic in error.diagnostics:
            typer.echo(for_terminal(f"{label}/{diagnostic}"), err=True)
        typer.echo(
            "eakit: error: cannot check the model; use --no-check to compare the models only",
            err=True,
        )
        raise typer.Exit(EXIT_INVALID) from None


def _load_labelled(folder: Path, label: str, bounds: Limits) -> ModelGraph:
    """Load a model extracted from git (within ``bounds``), reporting problems against
    ``REV:path``."""
    from eakit.pipeline import load_graph

    try:
        return load_graph(folder, limits=bounds)
    except ModelLoadError as error:
        for diagnostic in error.diagnostics:
            typer.echo(for_terminal(f"{label}/{diagnostic}"), err=True)
        raise typer.Exit(EXIT_INVALID) from None
