"""Survey problems, located by sheet and cell like a spreadsheet user reads them."""

from __future__ import annotations

from dataclasses import dataclass

from eakit.messages import in_lang


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
        return self.text("vi")

    def text(self, lang: str) -> str:
        """``Sheet!C12: message``, the message in ``lang``."""
        where = quote_sheet(self.sheet)
        if self.row:
            where += f"!{self.column}{self.row}"
        return f"{where}: {in_lang(self.message, lang)}"


class SurveyError(Exception):
    """The survey cannot be imported; nothing was written."""

    def __init__(self, problems: list[CellProblem], diagnostics: list[str] | None = None):
        self.problems = sorted(problems)
        self.diagnostics = diagnostics or []
        count = len(self.problems) + len(self.diagnostics)
        super().__init__(f"{count} problem(s) in the survey")

    def lines(self, lang: str = "vi") -> list[str]:
        """Every problem as one printable line, in ``lang``."""
        return [p.text(lang) for p in self.problems] + [in_lang(d, lang) for d in self.diagnostics]
