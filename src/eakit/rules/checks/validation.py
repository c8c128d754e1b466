"""A check's written parameters checked against its type: what is wrong, where."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import ValidationError

from eakit.messages import Bilingual, did_you_mean, say
from eakit.rules.checks.base import CheckType
from eakit.rules.selectors import Problems, Selector, selector_problems


def _mentions_selector(annotation: Any) -> bool:
    if annotation is Selector:
        return True
    return any(_mentions_selector(arg) for arg in typing.get_args(annotation))


@cache
def selector_params(check_type: CheckType[Any]) -> tuple[str, ...]:
    """The parameters of a check type that are selectors."""
    fields = check_type.params.model_fields
    return tuple(name for name, info in fields.items() if _mentions_selector(info.annotation))


def params_problems(check_type: CheckType[Any], written: Mapping[str, Any]) -> Problems:
    """What is wrong inside the selectors among the written parameters, each with the path
    of its key (the parameters themselves are left to :func:`validation_problems`)."""
    return [
        ((name, *where), message)
        for name in selector_params(check_type)
        if name in written
        for where, message in selector_problems(written[name])
    ]


def validation_problems(check_type: CheckType[Any], error: ValidationError) -> Problems:
    """The errors of a check's parameters, each at the path of the key at fault."""
    known = check_type.params.model_fields
    errors = error.errors()
    # A misspelt parameter also leaves the one meant missing: say it once, at the misspelling.
    meant = {
        close
        for item in errors
        if item["type"] == "extra_forbidden"
        for close in difflib.get_close_matches(str(item["loc"][-1]), known, n=1, cutoff=0.6)
    }
    problems: Problems = []
    for item in errors:
        where = tuple(item["loc"])
        if item["type"] == "missing" and where[-1] in meant:
            continue
        message: str
        if item["type"] == "extra_forbidden":
            name = str(where[-1])
            message = say(
                "check.unknown_param",
                name=name,
                check=check_type.name,
                hint=did_you_mean(name, known),
                known=", ".join(known) or "—",
            )
        elif item["type"] == "missing":
            message = say("check.missing_param", check=check_type.name, name=where[-1])
            where = where[:-1]
        elif item["type"] == "value_error":  # ours: the message names what is wrong
            cause = (item.get("ctx") or {}).get("error")
            said = cause.args[0] if isinstance(cause, ValueError) and cause.args else None
            message = (
                said
                if isinstance(said, Bilingual)
                else str(item["msg"]).removeprefix("Value error, ")
            )
        else:
            named = ".".join(str(part) for part in where)
            message = f"'{named}': {item['msg']}" if named else str(item["msg"])
        problems.append((where, message))
    return problems
