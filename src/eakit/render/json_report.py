"""The check result as JSON: the machine-readable source of truth other outputs agree with.

Characters a terminal acts on (DEL, C1 controls, bidirectional overrides) are written as
``\\u`` escapes, so printing the report is safe; the values read back are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eakit.findings import CheckResult, Finding
from eakit.graph import ModelGraph
from eakit.jsontext import STREAMED, pretty_chunks
from eakit.text import json_neutral


def result_payload(graph: ModelGraph, result: CheckResult) -> dict[str, Any]:
    """The JSON-ready dictionary of a check result."""
    payload = _payload(graph, result)
    payload["findings"] = [f.to_dict() for f in result.findings]
    return payload


def _payload(graph: ModelGraph, result: CheckResult) -> dict[str, Any]:
    # Everything but the findings, which stand as the streamed-list marker.
    return {
        "valid": True,
        "architecture": graph.architecture.id,
        "framework": result.framework,
        "as_of": result.as_of.isoformat(),
        "packs": result.packs,
        "components": len(graph),
        "counts": result.counts(),
        "readiness": result.readiness.to_dict() if result.readiness else None,
        "findings": STREAMED,
        "notes": [n.to_dict() for n in result.notes],
        "rules": [r.to_dict() for r in result.rules],
        "not_applicable": [r.to_dict() for r in result.not_applicable],
    }


def json_chunks(graph: ModelGraph, result: CheckResult) -> Iterator[bytes]:
    """The JSON text of a check result (as :func:`render_json`), piece by piece: a
    national model's findings are never all held as dictionaries at once."""
    return map(
        json_neutral, pretty_chunks(_payload(graph, result), result.findings, Finding.to_dict)
    )


def render_json(graph: ModelGraph, result: CheckResult) -> str:
    """The check result as pretty, stable JSON text."""
    return b"".join(json_chunks(graph, result)).decode("utf-8")
