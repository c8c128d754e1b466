"""Compiler-style text output of a check."""

from __future__ import annotations

from pathlib import Path

from eakit.diagnostics import Severity
from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.render.paths import PathDisplay


def render_text(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """Findings like a compiler's: ``path:line:col: SEVERITY RULE-ID message``, then a summary."""
    shown = PathDisplay(model_dir)
    lines = []
    for note in result.notes:
        lines.append(
            f"{shown(note.location)}: {note.severity.value.upper()} {note.code} {note.message}"
        )
    nowhere = model_dir.as_posix()
    # 150,000 lines at national scale: each piece is looked up once, not once a line.
    labels = {severity: severity.value.upper() for severity in Severity}
    for finding in result.findings:
        where = shown(finding.location) if finding.location else nowhere
        waived = f" [waived: {finding.waived.reason}]" if finding.waived else ""
        lines.append(
            f"{where}: {labels[finding.severity]} {finding.rule_id} {finding.message}{waived}"
        )
    lines.append(summary_line(graph, result))
    return "\n".join(lines) + "\n"


def summary_line(graph: ModelGraph, result: CheckResult) -> str:
    """What was checked against what, and the active findings by severity."""
    return (
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
