"""Compiler-style text output of a check."""

from __future__ import annotations

from pathlib import Path

from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.render.paths import display_path


def render_text(graph: ModelGraph, model_dir: Path, result: CheckResult) -> str:
    """Findings like a compiler's: ``path:line:col: SEVERITY RULE-ID message``, then a summary."""
    lines = []
    for note in result.notes:
        lines.append(
            f"{display_path(model_dir, note.location)}: {note.severity.value.upper()} "
            f"{note.code} {note.message}"
        )
    lines.extend(finding_line(model_dir, finding) for finding in result.findings)
    lines.append(summary_line(graph, result))
    return "\n".join(lines) + "\n"


def finding_line(model_dir: Path, finding: Finding) -> str:
    """One finding: ``path:line:col: SEVERITY RULE-ID message``."""
    where = display_path(model_dir, finding.location) if finding.location else model_dir.as_posix()
    waived = f" [waived: {finding.waived.reason}]" if finding.waived else ""
    return f"{where}: {finding.severity.value.upper()} {finding.rule_id} {finding.message}{waived}"


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
