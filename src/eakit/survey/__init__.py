"""Survey import: an inventory workbook filled in by agencies → model YAML files."""

from eakit.survey.errors import CellProblem, SurveyError
from eakit.survey.importer import ImportReport, import_survey
from eakit.survey.reader import read_survey

__all__ = ["CellProblem", "ImportReport", "SurveyError", "import_survey", "read_survey"]
