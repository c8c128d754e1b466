"""Turning pydantic validation errors into located, human messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from eakit.diagnostics import Diagnostic, Location
from eakit.text import did_you_mean

LocateFn = Callable[[tuple[str | int, ...]], Location]


def _field_path(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _fields_at(model_cls: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Field names (by alias) of the nested model a ``loc`` points into, for suggestions."""
    current: Any = model_cls
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        info = current.model_fields.get(part)
        if info is None:
            break
        annotation = info.annotation
        candidates = [annotation, *getattr(annotation, "__args__", ())]
        current = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def translate(
    exc: ValidationError, model_cls: type[BaseModel], what: str, locate: LocateFn
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, located at the offending key or value."""
    diagnostics = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        name = _field_path(loc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            hint = did_you_mean(key, _fields_at(model_cls, loc[:-1]))
            message = f"unknown key '{key}' in {what}{hint}"
            location = locate(loc)
        elif kind == "missing":
            message = f"missing required key '{name}' in {what}"
            location = locate(loc[:-1])
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            got = error.get("input")
            options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",")]
            hint = did_you_mean(str(got), options) if isinstance(got, str) else ""
            allowed = f"one of {expected}" if len(options) <= 12 else "a known value"
            message = f"'{name}' must be {allowed}; got {_describe(got)}{hint}"
            location = locate(loc)
        elif kind == "string_pattern_mismatch":
            pattern = error.get("ctx", {}).get("pattern", "")
            message = f"'{name}' value {_describe(error.get('input'))} must match {pattern}"
            if (loc and loc[-1] in ("id", "from", "to")) or "Id" in str(pattern):
                message += " (lower-case letters, digits and '-', e.g. 'so-tu-phap')"
            location = locate(loc)
        else:
            msg = error["msg"]
            message = f"'{name}': {msg[0].lower() + msg[1:]}, got {_describe(error.get('input'))}"
            location = locate(loc)
        diagnostics.append(Diagnostic(location, message, code=f"schema.{kind}"))
    return diagnostics
