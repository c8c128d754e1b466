"""The check-type registry: parameters are validated at load, where they are written, and
what the executors need follows from each check type's scope."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.diagnostics import ModelLoadError
from eakit.pipeline import check, load_graph
from eakit.rules.checks import DECLARATIVE, PYTHON, schema
from eakit.rules.checks.base import Across, Along, Own, WholeModel
from eakit.rules.engine import load_rules
from eakit.rules.selectors import KEYS, OPERATORS
from eakit.rules.sources import bundled_schema

from .conftest import FIXTURES

DOCS = Path(__file__).resolve().parents[2] / "docs"
LOCAL = (FIXTURES / "packs" / "local.yaml").read_text("utf-8")
CHECK_LINE = "    check: {type: required_attribute, field: vendor}\n"
runner = CliRunner()


def _pack_model(make_model, check_text: str) -> Path:
    """A model whose own pack is ``local.yaml`` with its check replaced by ``check_text``."""
    assert CHECK_LINE in LOCAL
    folder = make_model(
        {},
        {
            "m.yaml": "components:\n  - {id: app, kind: application, name: Ứng dụng}\n",
            "packs/local.yaml": LOCAL.replace(CHECK_LINE, check_text),
        },
        rules={"packs": ["packs/local.yaml"]},
        exclude=["packs/**"],
    )
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        check(load_graph(folder))
    return [str(d) for d in caught.value.diagnostics]


def _line_col(text: str, key: str) -> tuple[int, int]:
    """Where the key ``key`` is written in the replaced check (1-based)."""
    lines = LOCAL.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.startswith("    check:"))
    return line, text.splitlines()[0].index(f"{key}:") + 1


@pytest.mark.parametrize(
    ("check_text", "key", "fragment"),
    [
        # A field the selected kind does not have (the pass example once failed silently).
        (
            "    check: {type: required_attribute, field: vendr}\n",
            "field",
            "'vendr' is not a field of components of kind application (did you mean 'vendor'?)",
        ),
        # A misspelt parameter name.
        (
            "    check: {type: required_attribute, feild: vendor}\n",
            "feild",
            "'feild' is not a parameter of check 'required_attribute'",
        ),
        # A misspelt parameter of a Python check.
        (
            "    check: {type: python, name: recent_date, params: {fild: since, max_days: 3}}\n",
            "fild",
            "'fild' is not a parameter of check 'recent_date' (did you mean 'field'?)",
        ),
        # A field a Python check reads, on the selected kind.
        (
            "    check: {type: python, name: ended_by, params: {field: sinse, date: 2025-01-01}}\n",
            "field",
            "'sinse' is not a field of components of kind application",
        ),
        # A field inside a selector a check takes.
        (
            "    check: {type: required_relation, edge: hosted_on, target: {where: {tiers: 3}}}\n",
            "tiers",
            "'tiers' is not a field of any component kind",
        ),
        (
            "    check: {type: required_relation, edge: hosted_onn}\n",
            "edge",
            "unknown relation type 'hosted_onn' (did you mean 'hosted_on'?)",
        ),
        (
            "    check: {type: python, name: hosting_level, params: {min_level: high}}\n",
            "min_level",
            "'min_level': Input should be a valid integer",
        ),
    ],
    ids=["field", "param-name", "python-param-name", "python-field", "selector", "edge", "type"],
)
def test_a_bad_parameter_is_a_pack_error_at_its_key(make_model, check_text, key, fragment):
    problems = _problems(_pack_model(make_model, check_text))
    line, col = _line_col(check_text, key)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"packs/local.yaml:{line}:{col}: "), problems
    assert fragment in problems[0]


def test_the_cli_reports_a_bad_parameter_with_exit_code_2(make_model):
    text = "    check: {type: required_attribute, field: vendr}\n"
    folder = _pack_model(make_model, text)
    result = runner.invoke(build_app(), ["check", str(folder)])
    assert result.exit_code == 2
    line, col = _line_col(text, "field")
    assert f"packs/local.yaml:{line}:{col}:" in result.output
    assert "Traceback" not in result.output


def test_a_valid_parameter_loads_typed(make_model):
    folder = _pack_model(
        make_model,
        "    check: {type: python, name: recent_date, params: {field: since, "
        'by_level: {"3": 366}}}\n',
    )
    packs, _manifest = load_rules(load_graph(folder))
    params = packs.rules[0].check.params  # type: ignore[union-attr]
    assert params.by_level == {3: 366}  # a level written as text is a level


def test_every_check_type_forbids_unknown_parameters():
    for check_type in [*DECLARATIVE.values(), *PYTHON.values()]:
        assert check_type.params.model_config.get("extra") == "forbid", check_type.name


def test_scopes_give_what_the_executors_need():
    relation = DECLARATIVE["required_relation"]
    params = relation.params.model_validate({"edge": ["hosted_on", "owned_by"]})
    assert (relation.hops(params), relation.edges(params)) == (1, ("hosted_on", "owned_by"))
    assert relation.one_by_one and not relation.model_wide
    path = DECLARATIVE["path_exists"]
    bounded = path.params.model_validate({"edges": "connects_to", "to": {}, "max_hops": 3})
    unbounded = path.params.model_validate({"edges": "connects_to", "to": {}})
    assert (path.hops(bounded), path.edges(bounded)) == (3, ("connects_to",))
    assert path.hops(unbounded) is None and path.one_by_one
    attribute = DECLARATIVE["required_attribute"]
    own = attribute.params.model_validate({"field": "vendor"})
    assert (attribute.hops(own), attribute.edges(own)) == (0, ())
    assert not PYTHON["master_data_unique"].one_by_one
    assert PYTHON["master_data_unique"].hops(PYTHON["master_data_unique"].params()) is None
    assert DECLARATIVE["cardinality"].model_wide
    assert not PYTHON["manifest_attribute"].reads_subjects
    kinds = {type(c.scope) for c in [*DECLARATIVE.values(), *PYTHON.values()]}
    assert kinds == {Own, Along, Across, WholeModel}


def test_the_pack_schema_describes_the_registered_parameters():
    # Regenerate with: python -m eakit.rules.checks.schema
    assert schema.main(["--check"]) == 0
    described = bundled_schema("rulepack.schema.json")["$defs"]["check"]
    assert described == schema.check_schema()
    assert described["properties"]["type"]["enum"] == [*DECLARATIVE, "python"]


def test_the_pack_guide_lists_every_check_type_with_its_parameters():
    guide = (DOCS / "rule-packs.md").read_text("utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in guide.splitlines() if "| `" in line}
    for check_type in [*DECLARATIVE.values(), *PYTHON.values()]:
        row = rows.get(check_type.name)
        assert row is not None, f"docs/rule-packs.md has no row for {check_type.name}"
        for name in check_type.params.model_fields:
            assert f"`{name}`" in row, (check_type.name, name)


def test_the_selector_page_documents_every_key_and_operator():
    page = (DOCS / "selectors.md").read_text("utf-8")
    for word in (*KEYS, *OPERATORS):
        assert f"`{word}`" in page, word
