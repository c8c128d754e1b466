"""The JSON schema covers the generic ArchiMate kinds with one shared definition."""

from __future__ import annotations

import jsonschema

from eakit import metamodel
from eakit.loader.yamlio import decode, parse_fast
from eakit.schema import GENERIC, model_file_schema
from tests.conftest import FIXTURES


def test_fixture_with_archimate_kinds_validates_and_typos_are_refused() -> None:
    schema = model_file_schema()
    validator = jsonschema.Draft202012Validator(schema)
    path = FIXTURES / "valid" / "archimate-kinds" / "model.yaml"
    text = decode(path.read_bytes(), path.name)
    assert isinstance(text, str)
    data = parse_fast(text)
    assert [e.message for e in validator.iter_errors(data)] == []
    wrong = {"id": "qt", "kind": "business_process", "name": "Quy trình", "ownr": "so"}
    errors = list(validator.iter_errors({"components": [wrong]}))
    assert len(errors) == 1 and "ownr" in errors[0].message


def test_generic_kinds_share_one_definition() -> None:
    schema = model_file_schema()
    generic = schema["$defs"][GENERIC]
    assert generic["properties"]["kind"]["enum"] == list(metamodel.kinds(framework=False))
    assert "BusinessProcess" not in schema["$defs"]
    assert "owner" in generic["properties"]
