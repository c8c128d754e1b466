"""``eakit schema``: a valid Draft 2020-12 schema that accepts good files and refuses bad ones."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from eakit.loader.yamlio import decode, parse_fast
from eakit.model import KIND_CLASSES
from tests.loader.support import INVALID, VALID, run_eakit

MINI = VALID / "mini"


def read_yaml(path: Path) -> Any:
    """A file as editors read it: YAML 1.2, dates stay strings."""
    text = decode(path.read_bytes(), path.name)
    assert isinstance(text, str)
    return parse_fast(text)


@pytest.fixture(scope="module")
def model_schema() -> dict[str, Any]:
    result = run_eakit("schema", cwd=MINI)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def manifest_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("schema") / "manifest.json"
    result = run_eakit("schema", "--for", "manifest", "-o", str(out), cwd=MINI)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def properties(schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every named property anywhere in a schema (its subschemas followed by keyword)."""
    if not isinstance(schema, dict):
        return
    for name, prop in schema.get("properties", {}).items():
        yield name, prop
        yield from properties(prop)
    for key in ("items", "additionalProperties", "then", "else", "not"):
        yield from properties(schema.get(key))
    for key in ("anyOf", "allOf", "oneOf", "prefixItems"):
        for sub in schema.get(key, []):
            yield from properties(sub)
    for sub in schema.get("$defs", {}).values():
        yield from properties(sub)


@pytest.mark.parametrize("which", ["model_schema", "manifest_schema"])
def test_schema_is_valid_draft_2020_12(which: str, request: pytest.FixtureRequest) -> None:
    schema = request.getfixturevalue(which)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("which", ["model_schema", "manifest_schema"])
def test_every_property_is_described(which: str, request: pytest.FixtureRequest) -> None:
    schema = request.getfixturevalue(which)
    undescribed = sorted({name for name, prop in properties(schema) if not prop.get("description")})
    assert undescribed == []


def test_every_model_file_of_mini_validates(model_schema: dict[str, Any]) -> None:
    files = sorted(p for p in MINI.glob("*.yaml") if p.name != "eakit.yaml")
    assert files
    for path in files:
        errors = list(validator(model_schema).iter_errors(read_yaml(path)))
        assert errors == [], f"{path.name}: {[e.message for e in errors]}"


def test_manifest_of_mini_validates(manifest_schema: dict[str, Any]) -> None:
    validator(manifest_schema).validate(read_yaml(MINI / "eakit.yaml"))


def test_unknown_key_is_refused_at_the_key(model_schema: dict[str, Any]) -> None:
    data = read_yaml(INVALID / "unknown-key-typo" / "systems.yaml")
    errors = list(validator(model_schema).iter_errors(data))
    assert errors
    messages = " ".join(e.message for e in errors)
    assert "hosted_in" in messages and "secuirty_level" in messages


def test_unknown_top_level_key_is_refused(model_schema: dict[str, Any]) -> None:
    data = read_yaml(INVALID / "top-level-key-typo" / "systems.yaml")
    assert not validator(model_schema).is_valid(data)


def test_manifest_with_unknown_framework_is_refused(manifest_schema: dict[str, Any]) -> None:
    data = read_yaml(INVALID / "manifest-unknown-framework" / "eakit.yaml")
    errors = list(validator(manifest_schema).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["architecture", "framework"]]


def test_kind_completes_to_every_kind_and_selects_its_fields(model_schema: dict[str, Any]) -> None:
    item = model_schema["properties"]["components"]["items"]
    kind = item["properties"]["kind"]
    assert kind["enum"] == sorted(KIND_CLASSES)
    assert len(kind["enumDescriptions"]) == len(KIND_CLASSES)
    assert "Ứng dụng (Application)" in kind["enumDescriptions"]
    # A field of another kind is reported for the kind written, and only once.
    component = {
        "id": "csdl",
        "kind": "database",
        "db_type": "sector",
        "name": "CSDL",
        "app_type": "sector",
    }
    errors = list(validator(model_schema).iter_errors({"components": [component]}))
    assert len(errors) == 1
    assert "app_type" in errors[0].message
    # An unknown kind is refused by the list of kinds.
    component["kind"] = "aplication"
    errors = list(validator(model_schema).iter_errors({"components": [component]}))
    assert [list(e.absolute_path) for e in errors] == [["components", 0, "kind"]]


def test_reference_fields_say_what_they_point_to(model_schema: dict[str, Any]) -> None:
    hosted_on = model_schema["$defs"]["Application"]["properties"]["hosted_on"]
    assert hosted_on["description"] == "Id of the data_centre: hosted on (đặt tại)."


def test_relation_types_are_listed_with_labels(model_schema: dict[str, Any]) -> None:
    relation_type = model_schema["$defs"]["Relation"]["properties"]["type"]
    index = relation_type["enum"].index("integrates_with")
    assert relation_type["enumDescriptions"][index] == "tích hợp qua (integrates with)"


def test_invalid_for_option_is_a_command_line_error() -> None:
    result = run_eakit("schema", "--for", "views", "--lang", "en", cwd=MINI)
    assert result.returncode == 2
    assert result.stderr.startswith("eakit: error: --for must be 'model' or 'manifest'")
