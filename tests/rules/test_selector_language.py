"""One selector language for rules and views: the same written selector picks the same
components in both, values are read by the field's type, and a value that is not of that
type is an error where it is written."""

from __future__ import annotations

import re

import pydantic
import pytest

from eakit.model.views import Selector as ViewSelector
from eakit.pipeline import load_graph
from eakit.render.diagrams.views import select
from eakit.rules.context import CheckContext
from eakit.rules.selectors import Condition, parse_selector, selector_problems

from .test_check_registry import _pack_model, _problems

WRITTEN = [
    ("generated", {"kind": "public_service", "where": {"level": "full"}}),
    ("generated", {"where": {"security_level": "3"}}),  # a number field, written as text
    ("generated", {"where": {"security_level": {"gte": "2"}}}),
    ("generated", {"where": {"security_level": [3.0, "4"]}}),
    ("generated", {"layer": "infrastructure", "where": {"status": "current"}}),
    ("generated", {"ids": ["ha-noi-*"], "kinds": ["agency"]}),
    ("generated", {"any": [{"kind": "lan"}, {"kind": "agency", "where": {"scope": "provincial"}}]}),
    ("generated", "hue-dvc-*"),
    ("bundled_graph", {"where": {"tags": "reconstructed"}}),  # a list field: among its values
    ("bundled_graph", {"where": {"tags": ["reconstructed", "x"]}}),
    ("bundled_graph", {"where": {"tags": {"not": "reconstructed"}}, "kind": "application"}),
    ("bundled_graph", {"status": ["planned"]}),
]


@pytest.fixture(scope="module")
def generated(two_provinces_dir):
    return load_graph(two_provinces_dir)


@pytest.mark.parametrize(("model", "raw"), WRITTEN, ids=[str(raw) for _m, raw in WRITTEN])
def test_rules_and_views_select_the_same_components(model, raw, request):
    graph = request.getfixturevalue(model)
    ids = graph.ids()
    # A rule's selector picks among the components of the view it runs in; a diagram's
    # among all: compared over every status.
    everything = frozenset({"current", "planned", "retired"})
    ctx = CheckContext(graph, graph.architecture.as_of, everything, [], None,
                       parse_selector(None))  # fmt: skip
    by_rule = set(ctx.select(parse_selector(raw)))
    by_view = select(graph, ids, [ViewSelector.model_validate(raw)])
    assert by_rule == by_view
    assert 0 < len(by_rule) < len(ids), "a selector that picks nothing or all tests little"


def test_values_are_read_by_the_field_type():
    assert parse_selector({"where": {"level": 3}}).where == (Condition("level", "eq", "3"),)
    assert parse_selector({"where": {"security_level": "3"}}).where == (
        Condition("security_level", "eq", 3),
    )
    in_list = parse_selector({"where": {"security_level": ["2", 3]}}).where
    assert in_list == (Condition("security_level", "in", [2, 3]),)
    # A free-form property keeps what is written.
    assert parse_selector({"where": {"properties.x": 3}}).where[0].value == 3


@pytest.mark.parametrize(
    ("raw", "where", "fragment"),
    [
        ({"where": {"security_level": "high"}}, ("where", "security_level"), "'high' is not"),
        ({"where": {"security_level": True}}, ("where", "security_level"), "True is not"),
        ({"where": {"security_level": {"gt": "x"}}}, ("where", "security_level", "gt"), "'x'"),
        ({"where": {"vendr": "x"}, "kind": "application"}, ("where", "vendr"), "'vendor'"),
        ({"knd": "lan"}, ("knd",), "unknown selector key 'knd'"),
        ({"where": {"name": {"like": "x"}}}, ("where", "name", "like"), "unknown operator"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error_in_rules_and_views(raw, where, fragment):
    problems = selector_problems(raw)
    assert [at for at, _message in problems] == [where]
    message = problems[0][1]
    assert fragment in message.en  # the problems are said in Vietnamese and English
    if "knd" not in raw:  # the view model rejects an unknown key by itself
        with pytest.raises(pydantic.ValidationError, match=re.escape(str(message))):
            ViewSelector.model_validate(raw)


def test_a_rule_pack_reports_a_mistyped_selector_value_at_its_key(make_model):
    text = (
        "    check: {type: required_relation, edge: hosted_on, "
        "target: {where: {security_level: high}}}\n"
    )
    problems = _problems(_pack_model(make_model, text))
    assert len(problems) == 1 and "'high' is not a whole number" in problems[0], problems
    assert f":{text.index('security_level') + 1}: " in problems[0]


@pytest.mark.parametrize("module", ["eakit.rules.selectors", "eakit.rules.checks"])
def test_the_selector_module_imports_before_the_model(module):
    # The model's built-in views are checked with it while the model package loads.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
