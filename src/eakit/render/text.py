"""Compiler-style text output of a check."""

from __future__ import annotations

from pathlib import Path

from eakit.findings import CheckResult
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
    for finding in result.findings:
        where = (
            display_path(model_dir, finding.location) if finding.location else model_dir.as_posix()
        )
        waived = f" [waived: {finding.waived.reason}]" if finding.waived else ""
        lines.append(
            f"{where}: {finding.severity.value.upper()} {finding.rule_id} {finding.message}{waived}"
        )
    counts = result.counts()
    lines.append(
        f"{graph.architecture.id}: {len(graph)} components checked against "
        f"{', '.join(result.packs)} as of {result.as_of.isoformat()}: {counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['info']} info, {counts['waived']} waived"
    )
    return "\n".join(lines) + "\n"
