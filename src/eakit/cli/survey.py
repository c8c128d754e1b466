"""``eakit import-survey``: an inventory workbook filled in by agencies → model files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    DEFAULT_MODEL,
    EXIT_INVALID,
    EXIT_OK,
    Lang,
    LangOption,
    cannot_write,
    fail,
    report_load_error,
)
from eakit.diagnostics import ModelLoadError
from eakit.messages import say
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
    @app.command("import-survey", help="help.import_survey")
    def import_survey_command(
        workbook: Annotated[Path, typer.Argument(help="help.import_survey.workbook")],
        output: Annotated[
            Path,
            typer.Option(
                "--output",
                "-o",
                help="help.import_survey.output",
            ),
        ] = DEFAULT_MODEL,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Import an inventory survey: add new components to survey/<layer>.yaml and
        update existing ones by id. Nothing is written unless the whole survey is valid."""
        from eakit.survey import SurveyError, import_survey

        if not workbook.is_file():
            raise fail(say("cli.no_file", path=str(workbook)), lang.value)
        refusal = _output_refusal(output, workbook)
        if refusal is not None:
            raise fail(refusal, lang.value)
        try:
            report = import_survey(workbook, output)
        except ModelLoadError as error:
            report_load_error(output, error, lang=lang.value)
            raise typer.Exit(EXIT_INVALID) from None
        except SurveyError as error:
            for line in error.lines(lang.value):
                shown = f"{workbook.name}: {line}" if "!" in line else line
                typer.echo(for_terminal(shown), err=True)  # it may quote a cell
            count = len(error.lines())
            key = "survey.problem" if count == 1 else "survey.problems"
            typer.echo(say(key, count=count, path=str(workbook)).lang(lang.value), err=True)
            raise typer.Exit(EXIT_INVALID) from None
        except OSError as error:
            raise cannot_write(output, error, lang.value) from None
        done = say(
            "survey.done",
            output=str(output),
            added=len(report.added),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
        )
        if report.files:
            done = done + say("survey.wrote", files=", ".join(report.files))
        typer.echo(done.lang(lang.value))
        raise typer.Exit(EXIT_OK)
