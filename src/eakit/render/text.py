"""Compiler-style text output of a check.

Every line passes through :func:`eakit.text.for_terminal`: names, messages and file
names come from the model, and a control character in them must not act on the
terminal or CI log that shows the line.
"""

from __future__ import annotations

from pathlib import Path

from eakit.diagnostics import Severity
from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.render.paths import PathDisplay
from eakit.text import for_terminal


def render_text(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """Findings like a compiler's: ``path:line:col: SEVERITY RULE-ID message``, then a summary."""
    shown = PathDisplay(model_dir)
    lines = []
    for note in result.notes:
        lines.append(
            for_terminal(
                f"{shown(note.location)}: {note.severity.value.upper()} {note.code} {note.message}"
            )
        )
    line = FindingLines(model_dir)
    lines.extend(line(finding) for finding in result.findings)
    lines.append(summary_line(graph, result))
    return "\n".join(lines) + "\n"


class FindingLines:
    """Findings as lines ``path:line:col: SEVERITY RULE-ID message``; a national model
    has 150,000, so each piece of a line is worked out once, not once a line."""

    def __init__(self, model_dir: Path) -> None:
        self._where = PathDisplay(model_dir)
        self._nowhere = model_dir.as_posix()
        self._labels = {severity: severity.value.upper() for severity in Severity}

    def __call__(self, finding: Finding) -> str:
        where = self._where(finding.location) if finding.location else self._nowhere
        waived = f" [waived: {finding.waived.reason}]" if finding.waived else ""
        return for_terminal(
            f"{where}: {self._labels[finding.severity]} {finding.rule_id} {finding.message}{waived}"
        )


def finding_line(model_dir: Path, finding: Finding) -> str:
    """One finding: ``path:line:col: SEVERITY RULE-ID message``."""
    return FindingLines(model_dir)(finding)


def summary_line(graph: ModelGraph, result: CheckResult) -> str:
    """What was checked against what, and the active findings by severity."""
    return for_terminal(
        f"{graph.architecture.id}: {len(graph)} components checked against "
        f"{', '.join(result.packs)} as of {result.as_of.isoformat()}: {severity_counts(result)}"
    )


def severity_counts(result: CheckResult) -> str:
    """``3 errors, 1 warnings, 0 info, 2 waived``: the active findings by severity."""
    counts = result.counts()
    return (
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info, "
        f"{counts['waived']} waived"
    )
