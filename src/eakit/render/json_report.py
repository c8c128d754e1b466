"""The check result as JSON: the machine-readable source of truth other outputs agree with."""

from __future__ import annotations

from typing import Any

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.jsontext import pretty


def result_payload(graph: ModelGraph, result: CheckResult) -> dict[str, Any]:
    """The JSON-ready dictionary of a check result."""
    return {
        "valid": True,
        "architecture": graph.architecture.id,
        "framework": result.framework,
        "as_of": result.as_of.isoformat(),
        "packs": result.packs,
        "components": len(graph),
        "counts": result.counts(),
        "readiness": result.readiness.to_dict() if result.readiness else None,
        "findings": [f.to_dict() for f in result.findings],
        "notes": [n.to_dict() for n in result.notes],
        "rules": [r.to_dict() for r in result.rules],
        "not_applicable": [r.to_dict() for r in result.not_applicable],
    }


def render_json(graph: ModelGraph, result: CheckResult) -> str:
    """The check result as pretty, stable JSON text."""
    return pretty(result_payload(graph, result))
