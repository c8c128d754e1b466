"""``eakit generate``: write a synthetic national-scale model (benchmarks, tests, demos)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import (
    Lang,
    LangOption,
    cannot_write,
    fail,
)
from eakit.messages import Bilingual, say
from eakit.text import numerals


def _number(value: float) -> Bilingual:
    """``2.957`` and ``1,6`` in Vietnamese, ``2,957`` and ``1.6`` in English."""
    english = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return Bilingual(numerals(english, "vi"), english)


def register(app: typer.Typer) -> None:
    @app.command(help="help.generate")
    def generate(
        out: Annotated[Path, typer.Argument(help="help.generate.out")],
        provinces: Annotated[
            int, typer.Option("--provinces", "-n", help="help.generate.provinces")
        ] = 1,
        seed: Annotated[int, typer.Option("--seed", help="help.generate.seed")] = 1,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="help.generate.force",
            ),
        ] = False,
        lang: LangOption = Lang.vi,
    ) -> None:
        """Write a synthetic model: about 3,000 components and 9,000 relations per province.

        The data are invented (with realistic Vietnamese names and a realistic share of
        gaps) for benchmarks and tests; the same arguments give byte-identical files.
        """
        from eakit.generate import MAX_PROVINCES, generate_model

        if not 1 <= provinces <= MAX_PROVINCES:
            message = say("generate.provinces", limit=MAX_PROVINCES, got=provinces)
            raise fail(message, lang.value)
        from eakit.outputs import FolderOutput, folder_refusal

        refusal = folder_refusal(FolderOutput(out, "generate", force=force))
        if refusal is not None:
            raise fail(refusal, lang.value)
        try:
            result = generate_model(out, provinces=provinces, seed=seed)
        except OSError as exc:
            raise cannot_write(out, exc, lang.value) from None
        done = say(
            "generate.done",
            out=str(out),
            provinces=result.provinces,
            components=_number(result.components),
            relations=_number(result.relations),
            files=_number(result.files),
            size=_number(result.bytes / 1_000_000),
        )
        typer.echo(done.lang(lang.value))
