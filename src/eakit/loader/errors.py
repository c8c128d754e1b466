"""Turning pydantic validation errors into located, human messages.

Every message names the offending key and says what is expected in plain words, in
Vietnamese (the field as people name it, with its key) and English:
``'cấp độ an toàn' (security_level) phải là một số nguyên từ 1 đến 5, nhưng đang là 7`` /
``'security_level' must be an integer from 1 to 5, got 7``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from itertools import groupby
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from eakit import metamodel
from eakit.diagnostics import Diagnostic, Location
from eakit.labels import field_label as _field_label
from eakit.labels import has_label
from eakit.loader.expect import (
    Member,
    YamlPath,
    choices,
    describe,
    field_at,
    is_id_list,
    keys_of,
    model_at,
)
from eakit.messages import Bilingual, or_list, say
from eakit.model.components import ID_PATTERN, KIND_CLASSES, BaseComponent
from eakit.text import strip_diacritics

LocateFn = Callable[[YamlPath], Location]

MAX_SHOWN = 60  # characters of a value or key quoted in a message
MAX_SUGGEST = 200  # no "did you mean" for longer words: difflib is quadratic
MAX_CHOICES_LISTED = 12

# Words architects write for a lifecycle state, mapped to the format's value.
_SYNONYMS = {
    "current": (
        "active",
        "existing",
        "operational",
        "in_use",
        "live",
        "production",
        "deployed",
        "hien_tai",
        "hien_co",
        "dang_dung",
        "dang_van_hanh",
    ),
    "planned": ("proposed", "future", "new", "draft", "to_be", "ke_hoach", "du_kien", "de_xuat"),
    "retired": (
        "deprecated",
        "decommissioned",
        "inactive",
        "obsolete",
        "removed",
        "ngung",
        "da_ngung",
        "ngung_hoat_dong",
    ),
}
_UNION_TAG = re.compile(r"^(?:str|int|float|bool|date|constrained-str|[a-z-]+\[.*\])$")


def shown(value: Any) -> str:
    """A value as the user wrote it in YAML, shortened for a one-line message (words
    such as *a list* are :class:`Bilingual`)."""
    if value is None:
        return say("shown.empty")
    if isinstance(value, bool | int | float):
        return yaml_text(value)
    if isinstance(value, list):
        return say("shown.list")
    if isinstance(value, dict):
        return say("shown.mapping")
    text = str(value)
    if len(text) > MAX_SHOWN:
        return say("shown.long", head=text[: MAX_SHOWN - 3], count=len(text))
    return f"'{text}'"


def yaml_text(value: Any) -> str:
    """A scalar as it is written in YAML (``null``, ``true``), for keys in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def shown_key(key: Any) -> str:
    """A key as written in YAML, quoted and shortened: ``'hosted_in'``, ``'null'``."""
    text = yaml_text(key)
    return shown(text) if len(text) > MAX_SHOWN else f"'{text}'"


def field_name(loc: YamlPath) -> str:
    """``security_dossier.date``, ``deployed_at[2]``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def field_words(loc: YamlPath | str) -> str:
    """A field named in a message: ``'cấp độ an toàn' (security_level)`` in Vietnamese
    when it has a label, ``'security_level'`` in English."""
    name = loc if isinstance(loc, str) else field_name(loc)
    parts = [p for p in ((loc,) if isinstance(loc, str) else loc) if isinstance(p, str)]
    last = parts[-1].rsplit(".", 1)[-1] if parts else ""
    if last and has_label(last):
        label = _field_label(last, "vi")
        label = label[:1].lower() + label[1:] if label[1:2].islower() else label
        return Bilingual(f"'{label}' ({name})", f"'{name}'")
    return f"'{name}'"


def kind_words(kind: str) -> Bilingual:
    """A kind as a message names it: its label in Vietnamese (``ứng dụng``), its key in
    English (``application``)."""
    label = metamodel.label(kind, "vi")
    return Bilingual(label[:1].lower() + label[1:], kind)


def closest(word: str, options: list[str]) -> str | None:
    """The option ``word`` most likely meant: same letters, a common synonym, or spelling."""
    if len(word) > MAX_SUGGEST:
        return None
    folded = strip_diacritics(word).strip().lower().replace(" ", "_").replace("-", "_")
    for option in options:
        if folded == option.lower() or folded in _SYNONYMS.get(option, ()):
            return option
    matches = difflib.get_close_matches(word, sorted(set(options)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def suggest(word: str, options: list[str]) -> str:
    """``" (did you mean 'x'?)"`` from spelling, letter case or a common synonym."""
    option = closest(word, options)
    return say("hint.did_you_mean", option=option) if option is not None else ""


def slug(text: str) -> str:
    """An id-shaped version of ``text``: ``Sở TT&TT`` → ``so-tt-tt``."""
    folded = strip_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _owner(what: str, loc: YamlPath) -> str:
    """``application 'x'`` or ``'security_dossier' of application 'x'`` for a key at ``loc``."""
    parent = loc[:-1]
    return say("what.of", field=field_words(parent), what=what) if parent else what


def _kind_hint(key: str, model_cls: type[BaseModel] | None) -> str:
    """Which kinds have ``key``, when the user put a field on the wrong kind."""
    if model_cls is None or not issubclass(model_cls, BaseComponent):
        return ""
    kinds = sorted(k for k, cls in KIND_CLASSES.items() if key in cls.model_fields)
    if not kinds or len(kinds) > 4:
        return ""
    return say("hint.belongs_to", key=key, kinds=or_list(kinds))


def unknown_key(
    key: Any, allowed: list[str], where: str, model_cls: type[BaseModel] | None = None
) -> str:
    """The message for a key that is not part of the format."""
    text = yaml_text(key)
    hint = suggest(text, allowed) if isinstance(key, str) else ""
    return say(
        "schema.unknown_key",
        key=shown_key(key),
        where=where,
        hint=hint or _kind_hint(text, model_cls),
    )


def _union_run(error: ErrorDetails) -> tuple[bool, object]:
    """What groups the errors of one union: pydantic tags each alternative's error with
    the alternative's name, after the path of the value."""
    loc = tuple(error["loc"])
    tag = loc[-1] if loc else None
    if isinstance(tag, str) and _UNION_TAG.match(tag):
        return True, loc[:-1]
    return False, id(error)


def _merge_unions(errors: list[ErrorDetails]) -> Iterator[ErrorDetails]:
    """One error for a value no alternative of a union accepts (pydantic gives one each)."""
    for (is_member, _), run in groupby(errors, key=_union_run):
        group = list(run)
        if is_member and len(group) > 1:
            yield {**group[0], "type": "union", "loc": tuple(group[0]["loc"])[:-1]}
        else:
            yield from group


def _value_message(error: ErrorDetails, loc: YamlPath, found: list[Member]) -> str:
    """The message for a value of the wrong type, out of range or not among the choices."""
    name = field_words(loc)
    expected = describe(found)
    kind = error["type"]
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return say("schema.too_long", field=name, length=len(str(got)), limit=limit)
    if kind == "string_too_short":
        return say("schema.empty", field=name)
    hint: str = ""
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        fixed = slug(str(got))
        if fixed and len(str(got)) <= MAX_SUGGEST:
            hint = say("hint.try", value=fixed)
        return say("schema.must_be", field=name, expected=expected, got=shown(got), hint=hint)
    if kind in ("literal_error", "enum"):
        options = choices(found)
        hint = suggest(got, options) if isinstance(got, str) else ""
        if isinstance(got, str) and got in options:  # eakit: '1' for eakit: 1
            hint = say("hint.unquote")
        if len(options) > MAX_CHOICES_LISTED:
            return say(
                "schema.one_of_many", field=name, count=len(options), got=shown(got), hint=hint
            )
        return say("schema.choice", field=name, expected=expected, got=shown(got), hint=hint)
    if kind == "list_type" and isinstance(got, str) and is_id_list(found):
        hint = say("hint.as_list", value=got) if len(got) <= MAX_SHOWN else ""
    elif kind == "string_type" and isinstance(got, int | float):
        hint = say("hint.quote")
    elif kind.startswith("date") and "outside expected range" in str(ctx.get("error")):
        part = str(ctx["error"]).split(" ", 1)[0]
        if part in ("day", "month", "year"):
            hint = say(f"hint.date_{part}")
    return say("schema.must_be", field=name, expected=expected, got=shown(got), hint=hint)


def _key_message(model_cls: type[BaseModel], what: str, loc: YamlPath) -> str:
    """The message for a key that is unknown, or not text where text is required."""
    container = model_at(model_cls, loc[:-1])
    if container is None:  # a key of a free mapping such as 'properties'
        where = say("what.of", field=field_words(loc[:-1]), what=what)
        return say("schema.key_not_text", key=shown(loc[-1]), where=where)
    allowed = keys_of(container)
    return unknown_key(loc[-1], allowed, _owner(what, loc), model_cls)


def translate(
    exc: ValidationError,
    model_cls: type[BaseModel],
    what: str,
    locate: LocateFn,
    *,
    odd_keys_reported: bool = False,
) -> list[Diagnostic]:
    """One diagnostic per problem, located at the offending key (with
    ``odd_keys_reported``, not the top-level keys that are not text: see
    :func:`explain`)."""
    errors = list(_merge_unions(exc.errors(include_url=False)))
    # A misspelt required key is one mistake: "unknown key 'architecure' (did you mean
    # 'architecture'?)" says it all, "missing required key 'architecture'" would repeat it.
    misspelt = set()
    for error in errors:
        loc: YamlPath = tuple(error["loc"])
        container = model_at(model_cls, loc[:-1]) if error["type"] == "extra_forbidden" else None
        if container is not None and isinstance(loc[-1], str):
            names = keys_of(container)
            misspelt.add((*loc[:-1], closest(loc[-1], names)))
    diagnostics = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in misspelt:
            continue
        kind = error["type"]
        if kind == "invalid_key" and len(loc) == 1 and odd_keys_reported:
            continue
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            kind = "invalid_key"
        if kind in ("extra_forbidden", "invalid_key"):
            message = _key_message(model_cls, what, loc)
            location = locate(loc)
        elif kind == "missing":
            message = say(
                "schema.missing", field=field_words(str(loc[-1])), where=_owner(what, loc)
            )
            location = locate(loc[:-1])
        elif kind == "value_error":
            message = say("schema.invalid", field=field_words(loc), reason=_reason(error))
            location = locate(loc)
        else:
            message = _value_message(error, loc, field_at(model_cls, loc))
            location = locate(loc)
        diagnostics.append(Diagnostic(location, message, code=f"schema.{_code(kind)}"))
    return diagnostics


def _code(kind: str) -> str:
    """A diagnostic's code for a pydantic error type: every wrong type is ``type``
    (pydantic names it by the type wanted: ``int_type``, ``bool_type``, ``date_type``)."""
    return "type" if kind.endswith("_type") else kind


def _reason(error: ErrorDetails) -> str:
    """Why a model's validator refused a value: its :class:`Bilingual` message, or the
    text pydantic gives."""
    cause = (error.get("ctx") or {}).get("error")
    said = cause.args[0] if isinstance(cause, ValueError) and cause.args else None
    if isinstance(said, Bilingual):
        return said
    return str(error["msg"]).removeprefix("Value error, ")


def explain(
    exc: ValidationError,
    model_cls: type[BaseModel],
    raw: dict[Any, Any],
    what: str,
    locate: LocateFn,
) -> list[Diagnostic]:
    """One diagnostic per problem of ``raw``, which failed validation as ``model_cls``.

    Keys that are not text (``2019:``, ``null:``, ``true:``) are named as written in YAML:
    pydantic reports them as text of its own making ('None', 1 for true).
    """
    allowed = keys_of(model_cls)
    odd = [
        Diagnostic(
            locate((key,)) if isinstance(key, str | int) else locate(()),
            unknown_key(key, allowed, what),
            code="schema.invalid_key",
        )
        for key in raw
        if not isinstance(key, str)
    ]
    return odd + translate(exc, model_cls, what, locate, odd_keys_reported=True)
