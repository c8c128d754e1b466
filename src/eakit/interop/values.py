"""Attribute values as ArchiMate property text, and back.

ArchiMate properties are strings. Scalars are written as their plain text (``3``,
``true``, ``2020-12-31``, ``Sở Tư pháp``); lists and nested objects as compact JSON.
Reading back, the field's own type decides: pydantic parses the plain text first and
JSON only when that fails, so a name that happens to look like JSON stays a name.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError


def plain(value: Any) -> Any:
    """``value`` with enums, dates and pydantic objects turned into JSON-ready data."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return plain(value.model_dump(mode="json", exclude_defaults=True, by_alias=True))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def encode(value: Any) -> str:
    """The property text of an attribute value."""
    value = plain(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def property_type(values: list[Any]) -> str:
    """The ArchiMate ``DataType`` declared for a property holding ``values``."""
    plain_values = [plain(v) for v in values]
    if plain_values and all(isinstance(v, bool) for v in plain_values):
        return "boolean"
    if plain_values and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in plain_values
    ):
        return "number"
    return "string"


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def decode(annotation: Any, text: str) -> Any:
    """Parse property ``text`` for a field of type ``annotation``.

    Raises :class:`ValueError` with a short reason when the text fits neither way.
    """
    adapter = _adapter(annotation)
    try:
        return plain(adapter.validate_python(text))
    except ValidationError as first:
        try:
            return plain(adapter.validate_json(text))
        except ValidationError:
            reason = first.errors()[0]["msg"] if first.errors() else "invalid value"
            raise ValueError(reason) from None


def decode_free(text: str, data_type: str) -> str | int | float | bool:
    """A free-form property value by its declared ArchiMate data type."""
    if data_type == "boolean" and text.strip().lower() in ("true", "false"):
        return text.strip().lower() == "true"
    if data_type == "number":
        for parse in (int, float):
            try:
                return parse(text)
            except ValueError:
                continue
    return text
