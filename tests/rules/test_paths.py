"""The one-walk path search (``hops_to``) agrees with walking from every start (``reach``)."""

from __future__ import annotations

import datetime as dt

import pytest

from eakit.rules.context import CheckContext
from eakit.rules.selectors import parse_selector

EDGE_SETS = [
    ("integrates_with", "connects_to"),
    ("connects_to", "located_in", "hosted_on"),
    ("owned_by", "part_of", "belongs_to"),
    ("delivers", "uses_channel", "serves", "integrates_with"),
]
GOALS = [{"kind": "integration_platform"}, {"kind": "network"}, {"kind": "agency"}]
VIAS = [None, {"kind": ["application", "integration_platform", "network", "lan"]}]


@pytest.mark.parametrize("live", [frozenset({"current"}), frozenset({"current", "planned"})])
@pytest.mark.parametrize("direction", ["out", "in", "any"])
@pytest.mark.parametrize("edges", EDGE_SETS)
def test_hops_to_matches_reach_on_the_bundled_model(bundled_graph, live, direction, edges):
    ctx = CheckContext(bundled_graph, dt.date(2015, 12, 31), live, [], {}, parse_selector(None))
    for goal_raw in GOALS:
        goals = set(ctx.select(parse_selector(goal_raw)))
        for via_raw in VIAS:
            via = parse_selector(via_raw) if via_raw else None
            hops = ctx.hops_to(goals, edges, direction, via)
            for start in ctx.ids:
                if start in goals:
                    continue
                reached = ctx.reach(start, edges, direction, via)
                expected = min((h for node, h in reached.items() if node in goals), default=None)
                assert hops.get(start) == expected, (start, goal_raw, via_raw)


@pytest.mark.parametrize("max_hops", [1, 2, 3])
@pytest.mark.parametrize("direction", ["out", "any"])
def test_hops_to_with_a_cutoff_keeps_exactly_the_near_starts(bundled_graph, direction, max_hops):
    ctx = CheckContext(
        bundled_graph, dt.date(2015, 12, 31), frozenset({"current"}), [], {}, parse_selector(None)
    )
    cut = 0
    for edges in EDGE_SETS:
        for goal_raw in GOALS:
            goals = set(ctx.select(parse_selector(goal_raw)))
            full = ctx.hops_to(goals, edges, direction)
            near = ctx.hops_to(goals, edges, direction, max_hops=max_hops)
            assert near == {n: h for n, h in full.items() if h <= max_hops}
            cut += len(full) - len(near)
    # A one-hop cutoff drops far starts on the bundled model, or the test proves nothing.
    assert cut > 0 or max_hops > 1
