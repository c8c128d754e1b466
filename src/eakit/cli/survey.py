"""``eakit import-survey``: an inventory workbook filled in by agencies → model files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import DEFAULT_MODEL, EXIT_INVALID, EXIT_OK, fail, report_load_error
from eakit.diagnostics import ModelLoadError
from eakit.text import for_terminal


def _output_refusal(output: Path, workbook: Path) -> str | None:
    """Why the survey must not be written into ``output``, or None.

    An existing model (with eakit.yaml) is updated in place, the working folder included;
    a new one is made only in a missing or empty folder. Neither may be the root, the
    home folder or a folder holding it (:mod:`eakit.outputs`).
    """
    from eakit.atomic import protected_refusal
    from eakit.loader import MANIFEST
    from eakit.outputs import FolderOutput, folder_refusal

    if (output / MANIFEST).is_file():
        return protected_refusal(output, working_folder=False)
    return folder_refusal(FolderOutput(output, "import-survey", inputs=(workbook,), replaces=False))


def register(app: typer.Typer) -> None:
    @app.command("import-survey")
    def import_survey_command(
        workbook: Annotated[Path, typer.Argument(help="The filled-in inventory workbook (.xlsx).")],
        output: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                help="Model folder to update (created from the template's architecture "
                "table when it has no eakit.yaml).",
            ),
        ] = DEFAULT_MODEL,
    ) -> None:
        """Import an inventory survey: add new components to survey/<layer>.yaml and
        update existing ones by id. Nothing is written unless the whole survey is valid."""
        from eakit.survey import SurveyError, import_survey

        if not workbook.is_file():
            raise fail(f"{workbook}: no such file")
        refusal = _output_refusal(output, workbook)
        if refusal is not None:
            raise fail(refusal)
        try:
            report = import_survey(workbook, output)
        except ModelLoadError as error:
            report_load_error(output, error)
            raise typer.Exit(EXIT_INVALID) from None
        except SurveyError as error:
            for line in error.lines():
                shown = f"{workbook.name}: {line}" if "!" in line else line
                typer.echo(for_terminal(shown), err=True)  # it may quote a cell
            count = len(error.lines())
            typer.echo(
                f"{count} problem{'s' if count != 1 else ''} in {workbook}; nothing was written",
                err=True,
            )
            raise typer.Exit(EXIT_INVALID) from None
        except OSError as error:
            raise fail(f"cannot write {output}: {error}") from None
        typer.echo(
            f"{output}: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
            + (f"; wrote {', '.join(report.files)}" if report.files else "")
        )
        raise typer.Exit(EXIT_OK)
