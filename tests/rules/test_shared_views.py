"""The horizon view reuses a subject's *now* result when nothing planned is near it; the
result must be exactly what computing every subject again gives."""

from __future__ import annotations

import datetime as dt

import pytest

from eakit.generate import generate_model
from eakit.pipeline import load_graph
from eakit.rules.engine import RunOptions, run_rules


def _facts(graph, as_of, share_views):
    options = RunOptions(as_of=as_of, select=[], ignore=[], share_views=share_views)
    result = run_rules(graph, options)
    findings = [f.to_dict() for f in result.findings]
    return findings, result.readiness.to_dict(), result.subjects


@pytest.fixture(scope="module")
def generated_graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("generated") / "model"
    generate_model(out, provinces=1, seed=7)
    return load_graph(out)


# 2025-06-01: the last month of the model, after the mergers of 01/03/2025 (later it is
# not judged at all).
@pytest.mark.parametrize("as_of", [None, dt.date(2025, 6, 1)])
def test_shared_views_equal_full_views_on_the_bundled_model(bundled_graph, as_of):
    shared = _facts(bundled_graph, as_of, True)
    assert shared == _facts(bundled_graph, as_of, False)
    assert shared[0]  # findings to compare


def test_shared_views_equal_full_views_on_a_generated_province(generated_graph):
    shared = _facts(generated_graph, None, True)
    full = _facts(generated_graph, None, False)
    assert shared[1] == full[1]
    assert shared[2] == full[2]
    assert shared[0] == full[0]
    # The generated model has planned components and relations, so the horizon differs
    # from now somewhere and the shortcut is really exercised.
    readiness = shared[1]
    assert readiness["overall"] != readiness["overall_horizon"]
