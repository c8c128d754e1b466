"""``eakit generate``: write a synthetic national-scale model (benchmarks, tests, demos)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eakit.cli.common import fail


def register(app: typer.Typer) -> None:
    @app.command()
    def generate(
        out: Annotated[Path, typer.Argument(help="Folder to write the model into.")],
        provinces: Annotated[
            int, typer.Option("--provinces", "-n", help="Number of provinces (34 ≈ national).")
        ] = 1,
        seed: Annotated[
            int, typer.Option("--seed", help="Random seed; same seed, same bytes.")
        ] = 1,
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Replace OUT when another eakit command wrote it (never a folder eakit "
                "did not write).",
            ),
        ] = False,
    ) -> None:
        """Write a synthetic model: about 3,000 components and 9,000 relations per province.

        The data are invented (with realistic Vietnamese names and a realistic share of
        gaps) for benchmarks and tests; the same arguments give byte-identical files.
        """
        from eakit.generate import MAX_PROVINCES, generate_model

        if not 1 <= provinces <= MAX_PROVINCES:
            raise fail(f"--provinces must be between 1 and {MAX_PROVINCES}, got {provinces}")
        from eakit.outputs import FolderOutput, folder_refusal

        refusal = folder_refusal(FolderOutput(out, "generate", force=force))
        if refusal is not None:
            raise fail(refusal)
        try:
            result = generate_model(out, provinces=provinces, seed=seed)
        except OSError as exc:
            raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
        typer.echo(
            f"{out}: {result.provinces} province(s), {result.components:,} components, "
            f"{result.relations:,} relations in {result.files:,} files "
            f"({result.bytes / 1_000_000:.1f} MB)"
        )
