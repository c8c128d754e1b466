"""Bounds on the work a model folder can ask for.

A model folder is untrusted input: without a bound, a folder of a few large files (or one
file of a million small components) takes gigabytes of memory before anything is
reported. The defaults are far above a national model (34 provinces); a user with a
larger model raises them on the command line.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from eakit.diagnostics import Diagnostic, Location
from eakit.messages import say

MANIFEST = "eakit.yaml"
DEFAULT_MAX_MODEL_BYTES = 512 * 1024 * 1024
DEFAULT_MAX_COMPONENTS = 1_000_000
CODE = "limit"


class Limits(BaseModel):
    """How large a model may be: its files' total size and its number of components."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_model_bytes: int = Field(DEFAULT_MAX_MODEL_BYTES, gt=0)
    max_components: int = Field(DEFAULT_MAX_COMPONENTS, gt=0)

    def size_problem(self, total: int) -> Diagnostic | None:
        """Why model files of ``total`` bytes are too large, or ``None``."""
        if total <= self.max_model_bytes:
            return None
        return Diagnostic(
            Location(MANIFEST),
            say("limits.bytes", total=f"{total:,}", limit=f"{self.max_model_bytes:,}"),
            code=CODE,
        )

    def count_problem(self, count: int, where: Location) -> Diagnostic | None:
        """Why ``count`` components are too many (the file at ``where`` reached the
        limit), or ``None``."""
        if count <= self.max_components:
            return None
        return Diagnostic(
            where, say("limits.components", limit=f"{self.max_components:,}"), code=CODE
        )
