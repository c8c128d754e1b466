"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from eakit.diagnostics import Diagnostic, Location, ModelLoadError, Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.jsontext import pretty
from eakit.loader.limits import DEFAULT_MAX_COMPONENTS, DEFAULT_MAX_MODEL_BYTES, Limits
from eakit.messages import Bilingual, in_lang, os_reason, say
from eakit.pipeline import check, load_graph
from eakit.render.paths import display_path
from eakit.speed.switches import kept_for_good
from eakit.text import for_terminal, json_neutral

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2

ModelArg = Annotated[
    Path,
    typer.Argument(help="help.common.model", show_default=True),
]
DEFAULT_MODEL = Path("model")
DEFAULT_OUTPUT = Path("reports")


class Lang(StrEnum):
    """Language of generated output: Vietnamese first, or English."""

    vi = "vi"
    en = "en"


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="EAKIT_LANG",
        help="help.common.lang",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="help.common.as_of",
    ),
]


def parse_as_of(value: str | None, lang: str = "vi", option: str = "--as-of") -> dt.date | None:
    """The ``--as-of`` date, or exit 2 naming the expected form."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(say("cli.bad_date", option=option, value=value), lang) from None


FailOnOption = Annotated[Severity, typer.Option("--fail-on", help="help.common.fail_on")]

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        max=2,
        help="help.common.jobs",
        show_default=False,
    ),
]

MaxModelBytesOption = Annotated[
    int,
    typer.Option(
        "--max-model-bytes",
        min=1,
        envvar="EAKIT_MAX_MODEL_BYTES",
        help="help.common.max_model_bytes",
    ),
]
MaxComponentsOption = Annotated[
    int,
    typer.Option(
        "--max-components",
        min=1,
        envvar="EAKIT_MAX_COMPONENTS",
        help="help.common.max_components",
    ),
]
MAX_MODEL_BYTES = DEFAULT_MAX_MODEL_BYTES
MAX_COMPONENTS = DEFAULT_MAX_COMPONENTS


def limits(max_model_bytes: int, max_components: int) -> Limits:
    """The bounds on a model's size given by the command line (or the environment)."""
    return Limits(max_model_bytes=max_model_bytes, max_components=max_components)


def exit_code(worst: Severity | None, fail_on: Severity) -> int:
    """The contract's exit code for the most serious active finding."""
    return EXIT_FINDINGS if worst is not None and worst.rank >= fail_on.rank else EXIT_OK


def severity_word(severity: Severity, lang: str) -> str:
    """``error``, ``warning``, ``info`` as a diagnostic line names them in ``lang``."""
    return say(f"severity.{severity.value}").lang(lang)


def format_diagnostic(model_dir: Path, diagnostic: Diagnostic, lang: str = "vi") -> str:
    """``path:line:col: error: message`` as compilers print it (in ``lang``: ``lỗi`` in
    Vietnamese), on one line with any control character in it shown escaped (the
    message may quote model text)."""
    return for_terminal(
        f"{display_path(model_dir, diagnostic.location)}: "
        f"{severity_word(diagnostic.severity, lang)}: {in_lang(diagnostic.message, lang)}"
    )


def report_load_error(
    model_dir: Path, error: ModelLoadError, fmt: str = "text", lang: str = "vi"
) -> None:
    """Print the diagnostics of a model that does not load, in ``lang``."""
    if fmt == "json":
        payload = {
            "valid": False,
            "model": str(model_dir),
            "diagnostics": [d.to_dict(lang) for d in error.diagnostics],
        }
        sys.stdout.write(json_neutral(pretty(payload).encode("utf-8")).decode("utf-8"))
        return
    for diagnostic in error.diagnostics:
        typer.echo(format_diagnostic(model_dir, diagnostic, lang), err=True)
    count = len(error.diagnostics)
    key = "cli.problem_count" if count == 1 else "cli.problems_count"
    typer.echo(for_terminal(say(key, count=count, model=str(model_dir)).lang(lang)), err=True)


class _UntilExit:
    """What a command's process ends with. Leaving the command function would free a
    national model's graph and findings object by object (half a second); when the
    process exits without teardown (:func:`eakit.cli.main.main`) they are kept here until
    then instead. Commands run in-process (tests) keep nothing."""

    kept: list[object] | None = None


def exit_without_teardown() -> None:
    """Say that this process ends without teardown (called once by ``main``)."""
    _UntilExit.kept = []


def keep_until_exit(*objects: object) -> None:
    """Keep ``objects`` alive until the process exits, if it exits without teardown."""
    if _UntilExit.kept is not None:
        _UntilExit.kept.extend(objects)


def load_or_exit(
    model_dir: Path,
    fmt: str = "text",
    progress: bool = True,
    jobs: int | None = None,
    limits: Limits | None = None,
    lang: str = "vi",
) -> ModelGraph:
    """Load a model (within ``limits``); on problems print them (in ``lang``) and exit
    with code 2."""
    try:
        # The command ends with the job: the model stays alive until then.
        with kept_for_good():
            graph = load_graph(model_dir, progress=progress, jobs=jobs, limits=limits, lang=lang)
        keep_until_exit(graph)
        return graph
    except ModelLoadError as error:
        report_load_error(model_dir, error, "json" if fmt == "json" else "text", lang)
        raise typer.Exit(EXIT_INVALID) from None


def check_kept(graph: ModelGraph, **options: Any) -> CheckResult:
    """:func:`eakit.pipeline.check` for a command that ends with the job: the result
    stays alive until then, so the garbage collector is told never to walk it (walking
    the findings of a national model once costs most of a second)."""
    with kept_for_good():
        result = check(graph, **options)
    keep_until_exit(result)
    return result


def written_summary(path: Path, components: int, result: CheckResult, lang: str) -> str:
    """``PATH: N components, 3 errors, ...``: what a command wrote, and the findings."""
    from eakit.render.text import severity_counts

    counts = severity_counts(result, lang)
    return say("cli.written", path=str(path), components=components, counts=counts).lang(lang)


def fail(message: str, lang: str = "vi") -> typer.Exit:
    """Print an error about the command line or environment (``eakit: lỗi: ...`` in
    Vietnamese); the caller raises the result. Control characters in it (it may quote
    model text) are shown escaped."""
    text = say("cli.error", message=message).lang(lang)
    typer.echo(for_terminal(text), err=True)
    return typer.Exit(EXIT_INVALID)


def error_text(error: BaseException) -> str:
    """An exception's message, :class:`~eakit.messages.Bilingual` when it was raised
    with one (``str(error)`` would keep only the Vietnamese text)."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Bilingual) else str(error)


def fail_located(model_dir: Path, error: Exception, lang: str = "vi") -> typer.Exit:
    """Print an error about the model as ``path:line:col: error: message`` when it has a
    ``location`` (a Graphviz failure at a component), else as :func:`fail`."""
    location = getattr(error, "location", None)
    if not isinstance(location, Location):
        return fail(error_text(error), lang)
    typer.echo(
        format_diagnostic(model_dir, Diagnostic(location, error_text(error)), lang), err=True
    )
    return typer.Exit(EXIT_INVALID)


def cannot_write(path: Path, error: BaseException, lang: str) -> typer.Exit:
    """:func:`fail` for an output that cannot be written."""
    if isinstance(error, OSError):  # English: the system's words, as they always were
        reason: str = Bilingual(in_lang(os_reason(error), "vi"), str(error))
    else:
        reason = error_text(error)
    return fail(say("cli.cannot_write", path=str(path), reason=reason), lang)
