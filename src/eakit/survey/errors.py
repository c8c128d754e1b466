"""Survey problems, located by sheet and cell like a spreadsheet user reads them."""

from __future__ import annotations

from dataclasses import dataclass


def quote_sheet(sheet: str) -> str:
    """A sheet name as a formula reference spells it (quoted when not a plain word)."""
    plain = sheet.replace("-", "").replace("_", "").isalnum() and sheet.isascii()
    return sheet if plain else "'" + sheet.replace("'", "''") + "'"


@dataclass(frozen=True, order=True)
class CellProblem:
    """One problem in a survey workbook: ``Sheet!C12: message``."""

    sheet: str
    row: int
    column: str  # column letter, empty when the problem is about a whole row or sheet
    message: str

    def __str__(self) -> str:
        where = quote_sheet(self.sheet)
        if self.row:
            where += f"!{self.column}{self.row}"
        return f"{where}: {self.message}"


class SurveyError(Exception):
    """The survey cannot be imported; nothing was written."""

    def __init__(self, problems: list[CellProblem], diagnostics: list[str] | None = None):
        self.problems = sorted(problems)
        self.diagnostics = diagnostics or []
        count = len(self.problems) + len(self.diagnostics)
        super().__init__(f"{count} problem(s) in the survey")

    def lines(self) -> list[str]:
        """Every problem as one printable line."""
        return [str(p) for p in self.problems] + list(self.diagnostics)
