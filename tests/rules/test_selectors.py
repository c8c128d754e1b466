"""Compiled selectors (what the engine runs) agree with :func:`matches`, the selector
language read plainly, one key after the other."""

from __future__ import annotations

import fnmatch

import pytest

from eakit.rules.checks.validation import selector_params
from eakit.rules.engine import load_rules
from eakit.rules.selectors import (
    Selector,
    _holds,
    _plain,
    compile_selector,
    field_value,
    parse_selector,
)


def matches(selector: Selector, component, kind: str, live: frozenset[str] | None) -> bool:
    """Whether a component matches; ``live`` is the status set used when the selector
    names none (``None``: any status)."""
    if selector.kinds is not None and kind not in selector.kinds:
        return False
    statuses = selector.status if selector.status is not None else live
    if statuses is not None and _plain(component.status) not in statuses:
        return False
    if selector.ids and not any(fnmatch.fnmatchcase(component.id, g) for g in selector.ids):
        return False
    if not all(_holds(c, field_value(component, c.field)) for c in selector.where):
        return False
    return not selector.any or any(matches(s, component, kind, live) for s in selector.any)


LIVE_SETS = [None, frozenset({"current"}), frozenset({"current", "planned"})]

# Operators the packs may not use on the bundled model, so every branch is exercised.
EXTRA = [
    {"kind": "application", "where": {"app_type": ["document_management", "one_stop"]}},
    {"where": {"scope": {"not": "provincial"}}},
    {"where": {"name_en": {"present": False}}},
    {"where": {"tags": {"contains": "reconstructed"}}},
    {"where": {"security_level": {"gte": 2}}},
    {"where": {"since": {"lt": 2016}}},
    {"where": {"status": {"not_in": ["planned"]}}},
    {"any": [{"kind": "agency"}, {"kind": "lan", "where": {"scope": "provincial"}}]},
    {"where": {"properties.note": {"present": True}}},
    {"where": {"security_dossier.approved": True}},
]


def _selectors(bundled_graph) -> list[Selector]:
    packs, _manifest = load_rules(bundled_graph)
    found = [parse_selector(raw) for raw in EXTRA]
    for rule in packs.rules:
        found.append(rule.applies_to)
        checks = [rule.check, *(variant.check for variant in rule.variants)]
        for check in checks:
            if check is None:
                continue
            for key in selector_params(check.check_type):
                selector = getattr(check.params, key)
                if selector is not None:
                    found.append(selector)
    return found


@pytest.mark.parametrize("live", LIVE_SETS)
def test_compiled_selectors_agree_with_matches(bundled_graph, live):
    selectors = _selectors(bundled_graph)
    assert len(selectors) > 100
    agreed = matched = 0
    for selector in selectors:
        compiled = compile_selector(selector, live)
        for cid in bundled_graph.ids():
            component, kind = bundled_graph.get(cid), bundled_graph.kinds[cid]
            expected = matches(selector, component, kind, live)
            assert compiled(component, kind, bundled_graph.states[cid]) == expected, (
                selector,
                cid,
            )
            agreed += 1
            matched += expected
    assert 0 < matched < agreed  # selectors that match some components and not others


def test_indexed_selection_agrees_with_matches(bundled_graph):
    """What a check selects (through the kind/status index and the condition lists that
    every view shares) is exactly the sorted components :func:`matches` accepts."""
    import datetime as dt

    from eakit.rules.context import CheckContext

    selectors = _selectors(bundled_graph)
    selectors.append(
        parse_selector({"kind": "public_service", "where": {"fee": True, "level": "full"}})
    )
    shared: dict = {}
    selections: dict = {}
    compared = 0
    for live in LIVE_SETS[1:]:  # a view always has live statuses
        ctx = CheckContext(
            graph=bundled_graph,
            as_of=dt.date(2020, 12, 31),
            live=live,
            subjects=[],
            params={},
            selector=Selector(),
            selections=selections,
            conditions=shared,
        )
        for selector in selectors:
            expected = [
                cid
                for cid in bundled_graph.ids()
                if matches(selector, bundled_graph.get(cid), bundled_graph.kinds[cid], live)
            ]
            assert ctx.select(selector) == expected, selector
            compared += 1
    assert shared, "conditions are shared between views"
    assert compared > 200
