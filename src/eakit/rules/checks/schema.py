"""The ``check`` definition of the rule-pack JSON Schema, derived from the check types.

Editors read the schema to complete and type a check's parameters. The loader reports
an unknown or missing parameter itself, at the key at fault (see
:mod:`eakit.rules.checks.validation`), so the schema leaves those two to it.

``python -m eakit.rules.checks.schema`` writes the definition into
``eakit/data/rulepack.schema.json`` (``--check``: fail when it differs).
"""

from __future__ import annotations

import argparse
import json
from importlib import resources
from pathlib import Path
from typing import Any

from eakit.rules.checks import DECLARATIVE, CheckType
from eakit.rules.checks.base import REF

START = '    "check": {'
END = '    "variant": {'


def _refs(schema: Any) -> Any:
    """``schema`` with each parameter type marked as a pack schema definition referring to it."""
    if isinstance(schema, dict):
        if REF in schema:
            return {"$ref": f"#/$defs/{schema[REF]}"}
        return {k: _refs(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_refs(v) for v in schema]
    return schema


def _properties(check_type: CheckType[Any]) -> dict[str, Any]:
    schema = _refs(check_type.params.model_json_schema())
    properties: dict[str, Any] = {}
    for name, spec in schema.get("properties", {}).items():
        spec = {k: v for k, v in spec.items() if k not in ("title", "default")}
        # ``x | None = None``: optional, and null is not a value a pack writes.
        options = spec.pop("anyOf", None)
        if options is not None:
            options = [o for o in options if o != {"type": "null"}]
            spec = {**spec, **options[0]} if len(options) == 1 else {**spec, "anyOf": options}
        if spec.get("format") == "date":
            spec.pop("type", None)  # YAML reads an unquoted date as a date, not text
        properties[name] = spec
    return properties


def check_schema() -> dict[str, Any]:
    """The ``$defs.check`` definition: the check types and their parameters."""
    blocks: list[dict[str, Any]] = [
        {
            "if": {"properties": {"type": {"const": name}}},
            "then": {"properties": {"type": True, **_properties(check_type)}},
        }
        for name, check_type in DECLARATIVE.items()
    ]
    blocks.append(
        {
            "if": {"properties": {"type": {"const": "python"}}},
            "then": {
                "additionalProperties": False,
                "required": ["name"],
                "properties": {
                    "type": True,
                    "name": {"type": "string"},
                    "params": {"type": "object"},
                },
            },
        }
    )
    # The registered checks' parameters are left to the loader: one more conditional per
    # check costs every check of every pack at load (the loader evaluates them all).
    return {
        "type": "object",
        "required": ["type"],
        "description": "A check type and its parameters (see docs/rule-packs.md); an unknown "
        "or missing parameter is reported by the loader at its key.",
        "properties": {"type": {"enum": [*DECLARATIVE, "python"]}},
        "allOf": blocks,
    }


def _text(definition: dict[str, Any]) -> str:
    """The definition as the schema file writes it: one line per block."""
    head = {k: v for k, v in definition.items() if k != "allOf"}
    lines = [START]
    for key, value in head.items():
        lines.append(f"      {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('      "allOf": [')
    blocks = [f"        {json.dumps(b, ensure_ascii=False)}" for b in definition["allOf"]]
    lines.append(",\n".join(blocks))
    lines.append("      ]")
    lines.append("    },")
    return "\n".join(lines) + "\n"


def updated(text: str) -> str:
    """The schema file's text with its ``check`` definition replaced by :func:`check_schema`."""
    start, end = text.index(START), text.index(END)
    return text[:start] + _text(check_schema()) + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the file differs")
    args = parser.parse_args(argv)
    path = Path(str(resources.files("eakit.data").joinpath("rulepack.schema.json")))
    text = path.read_text("utf-8")
    new = updated(text)
    if args.check:
        return 0 if new == text else 1
    path.write_text(new, "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
