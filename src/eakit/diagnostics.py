"""Locations and diagnostics shared by every stage of the pipeline.

A :class:`Location` is where something lives in the model on disk; a
:class:`Diagnostic` is a problem with the model *itself* (it does not load).
Rule findings, which are about a model that loads, live in :mod:`eakit.findings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from eakit.messages import in_lang


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A position in a model file: 1-based line and column, path relative to the model root."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "col": self.col}


class Severity(StrEnum):
    """Severity of a diagnostic or finding, ordered from most to least serious."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more serious; used for ``--fail-on`` thresholds."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    """A problem that prevents the model from loading (exit code 2)."""

    location: Location
    message: str
    code: str = field(default="model", compare=False)
    severity: Severity = field(default=Severity.ERROR, compare=False)
    related: tuple[Location, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        # In English, as the severity word is: commands print diagnostics in the user's
        # language with eakit.cli.common.format_diagnostic.
        return f"{self.location}: {self.severity.value}: {in_lang(self.message, 'en')}"

    def to_dict(self, lang: str = "vi") -> dict[str, object]:
        """The diagnostic as JSON data, its message in ``lang``."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": in_lang(self.message, lang),
            "location": self.location.to_dict(),
            "related": [r.to_dict() for r in self.related],
        }


class ModelLoadError(Exception):
    """Raised by :func:`eakit.loader.load_model` when the model has diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        # In the same order whatever the output language: by place, then English text.
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.location, in_lang(d.message, "en")))
        super().__init__(f"{len(self.diagnostics)} problem(s) in the model")
