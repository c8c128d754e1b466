"""``eakit build``: every output of a model into one folder, in one run.

The folder is staged next to the target and swapped in only when every step succeeded,
so a failed run leaves the previous reports as they were.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eakit import atomic
from eakit.cli.common import (
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    MAX_COMPONENTS,
    MAX_MODEL_BYTES,
    AsOfOption,
    FailOnOption,
    JobsOption,
    Lang,
    LangOption,
    MaxComponentsOption,
    MaxModelBytesOption,
    ModelArg,
    cannot_write,
    exit_code,
    fail,
    fail_located,
    limits,
    load_or_exit,
    parse_as_of,
    written_summary,
)
from eakit.cli.common import check_kept as run_check
from eakit.diagnostics import Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph

if TYPE_CHECKING:
    from eakit.render.diagrams import Drawing


def check_output_folder(output: Path, model: Path, force: bool) -> str | None:
    """Why ``output`` must not be replaced as a whole, or None when it may be."""
    from eakit.outputs import FolderOutput, folder_refusal

    return folder_refusal(FolderOutput(output, "build", inputs=(model,), force=force))


@dataclass
class BuildJob:
    """What one ``eakit build`` run renders."""

    graph: ModelGraph
    result: CheckResult
    model_dir: Path
    lang: str
    diagrams: bool
    # The views as the diagrams step drew them, for the site: drawn once, not twice.
    drawings: list[Drawing] | None = field(default=None, init=False)

    def steps(self) -> list[tuple[str, Callable[[Path], None]]]:
        """(output name, writer) in the order they run."""
        steps: list[tuple[str, Callable[[Path], None]]] = [
            ("check.json", self.check_json),
            ("check.sarif", self.check_sarif),
            ("findings.txt", self.findings_txt),
        ]
        if self.diagrams:
            steps.append(("diagrams/", self.diagram_views))
        steps += [
            ("readiness.xlsx", self.workbook),
            ("readiness.docx", self.document),
            ("site/", self.site),
        ]
        return steps

    def check_json(self, out: Path) -> None:
        from eakit.render.json_report import json_chunks

        atomic.write_chunks(out / "check.json", json_chunks(self.graph, self.result))

    def check_sarif(self, out: Path) -> None:
        from eakit.render.ci_formats import sarif_chunks

        atomic.write_chunks(
            out / "check.sarif", sarif_chunks(self.graph, self.model_dir, self.result)
        )

    def findings_txt(self, out: Path) -> None:
        from eakit.render.text import render_text

        atomic.write_text(
            out / "findings.txt", render_text(self.graph, self.model_dir, self.result, self.lang)
        )

    def diagram_views(self, out: Path) -> None:
        from eakit.render.diagrams import draw_views, prefix_links
        from eakit.render.site.build import root_link

        # Drawn with links from the site root, as the site embeds them; the standalone
        # files open the pages of the site built beside them.
        self.drawings = draw_views(
            self.graph, self.result, formats=("svg",), lang=self.lang, link=root_link(self.graph)
        )
        atomic.write_text(out / "diagrams" / atomic.MARKER, atomic.marker_text("build"))
        for drawing in self.drawings:
            atomic.write_bytes(
                out / "diagrams" / f"{drawing.view.name}.svg",
                prefix_links(drawing.data, "../site/"),
            )

    def workbook(self, out: Path) -> None:
        from eakit.render.excel import write_workbook

        write_workbook(self.graph, self.result, out / "readiness.xlsx", lang=self.lang)

    def document(self, out: Path) -> None:
        from eakit.render.document import write_document

        write_document(self.graph, self.result, out / "readiness.docx", lang=self.lang)

    def site(self, out: Path) -> None:
        from eakit.render.site import build_site

        build_site(
            self.graph,
            self.result,
            out / "site",
            lang=self.lang,
            diagrams=self.diagrams,
            drawings=self.drawings,
        )


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str], None]]:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield lambda _label: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("eakit build", total=total)

        def advance(label: str) -> None:
            bar.update(task, description=label, advance=1)

        yield advance


def register(app: typer.Typer) -> None:
    @app.command(help="help.build")
    def build(
        model: ModelArg = DEFAULT_MODEL,
        max_model_bytes: MaxModelBytesOption = MAX_MODEL_BYTES,
        max_components: MaxComponentsOption = MAX_COMPONENTS,
        output: Annotated[
            Path, typer.Option("--output", "-o", help="help.build.output")
        ] = DEFAULT_OUTPUT,
        lang: LangOption = Lang.vi,
        diagrams: Annotated[
            bool, typer.Option("--diagrams/--no-diagrams", help="help.build.diagrams")
        ] = True,
        as_of: AsOfOption = None,
        fail_on: FailOnOption = Severity.ERROR,
        jobs: JobsOption = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="help.build.force",
            ),
        ] = False,
    ) -> None:
        """Check a model and write every report into one folder: check.json, check.sarif,
        findings.txt, diagrams/, readiness.xlsx, readiness.docx and the site/."""
        when = parse_as_of(as_of, lang.value)
        refusal = check_output_folder(output, model, force)
        if refusal is not None:
            raise fail(refusal, lang.value)
        graph = load_or_exit(
            model, jobs=jobs, limits=limits(max_model_bytes, max_components), lang=lang.value
        )
        result = run_check(graph, as_of=when, jobs=jobs, lang=lang.value)
        job = BuildJob(graph, result, model, lang.value, diagrams)
        steps = job.steps()
        from eakit.render.diagrams import GraphvizError, ViewError
        from eakit.render.site import SiteBuildError

        try:
            with (
                atomic.replace_dir(output, owner="build") as staging,
                _progress(len(steps)) as advance,
            ):
                for name, write in steps:
                    write(staging)
                    advance(name)
        except (SiteBuildError, GraphvizError, ViewError) as error:
            raise fail_located(model, error, lang.value) from None
        except OSError as error:
            raise cannot_write(output, error, lang.value) from None
        typer.echo(written_summary(output, len(graph), result, lang.value), err=True)
        raise typer.Exit(exit_code(result.worst(), fail_on))
