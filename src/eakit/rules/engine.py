"""Rule engine entry point (the rule catalogue plugs in here)."""

from __future__ import annotations

import datetime as dt

from eakit.findings import CheckResult
from eakit.graph import ModelGraph


def run_rules(
    graph: ModelGraph, *, as_of: dt.date | None, select: list[str], ignore: list[str]
) -> CheckResult:
    """Check ``graph`` against its rule packs at ``as_of`` (default: the model's ``as_of``)."""
    architecture = graph.architecture
    return CheckResult(
        as_of=as_of or architecture.as_of,
        framework=architecture.framework,
        packs=list(graph.manifest.rules.packs),
    )
