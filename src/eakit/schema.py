"""JSON Schema of the model format, for editors (``# yaml-language-server: $schema=``)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from eakit.model import Component, Manifest, Relation


def model_file_schema() -> dict[str, Any]:
    """JSON Schema of a model file (``components`` and ``relations``)."""
    components = TypeAdapter(list[Component]).json_schema(by_alias=True)  # type: ignore[valid-type]
    relations = TypeAdapter(list[Relation]).json_schema(by_alias=True)
    defs = {**components.pop("$defs", {}), **relations.pop("$defs", {})}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://eakit.dev/schema/model-file.json",
        "title": "eakit model file",
        "description": "Components and relations of an eakit architecture model.",
        "type": "object",
        "additionalProperties": False,
        "properties": {"components": components, "relations": relations},
        "$defs": defs,
    }


def manifest_schema() -> dict[str, Any]:
    """JSON Schema of ``eakit.yaml``."""
    schema = Manifest.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_json(which: str = "model") -> str:
    """The schema as stable, pretty JSON text (``model`` or ``manifest``)."""
    schema = model_file_schema() if which == "model" else manifest_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
