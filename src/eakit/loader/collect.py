"""Validating the components and relations of one parsed model file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from eakit.diagnostics import Diagnostic, Location
from eakit.loader.errors import loose, odd_keys, shown, shown_key, suggest, translate
from eakit.loader.expect import loose_in, or_list
from eakit.loader.locator import YamlLocator
from eakit.loader.references import RawObject
from eakit.loader.yamlio import MAX_FILE_BYTES, YamlPath
from eakit.model import KIND_CLASSES, BaseComponent, Relation, SourceRef
from eakit.model.components import TEXT_IS_NFC

TOP_LEVEL_KEYS = ("components", "relations")
EMPTY_MODEL_FILE = "file is empty: add 'components:' or 'relations:', or remove the file"
_COMMON_KEYS = frozenset(info.alias or name for name, info in BaseComponent.model_fields.items())

_ADAPTERS: dict[str, TypeAdapter[Any]] = {}
_RELATIONS: TypeAdapter[list[Relation]] = TypeAdapter(list[Relation])


def _field_names(cls: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in cls.model_fields.items()]


# Validation context for a file whose strings are all NFC already (see loader._read):
# the models need not normalise them again.
_NFC = {TEXT_IS_NFC: True}


def _adapter(kind: str) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(KIND_CLASSES[kind])
    return adapter


@dataclass
class Collected:
    """What the model files declare, gathered file by file."""

    components: dict[str, BaseComponent] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    relation_sources: list[SourceRef] = field(default_factory=list)
    # Declared but invalid (already reported): a reference to them is not dangling.
    invalid_ids: set[str] = field(default_factory=set)
    # Invalid components and relations, whose references are still checked from raw data.
    unchecked: list[RawObject] = field(default_factory=list)


_DECLARED_ID = re.compile(
    r"^[ \t]*(?:-[ \t]+)?id:[ \t]*['\"]?([a-z0-9][a-z0-9-]*)['\"]?[ \t]*(?:#.*)?$", re.M
)


def declared_ids(path: Path) -> set[str]:
    """Ids a file seems to declare, read line by line when it cannot be parsed.

    A file with a YAML error still declares its components: without this, every
    reference to them elsewhere would be reported as dangling, burying the one real
    mistake under dozens of consequences.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return set()
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return set()
    return set(_DECLARED_ID.findall(text))


def guess_kind(raw: dict[Any, Any]) -> str | None:
    """The one kind whose own fields (``app_type``, ``agency_type``, ...) ``raw`` uses."""
    keys = {k for k in raw if isinstance(k, str)} - _COMMON_KEYS
    if not keys:
        return None
    scores = {
        kind: len(keys & set(cls.model_fields) - _COMMON_KEYS) for kind, cls in KIND_CLASSES.items()
    }
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _kind_problem(raw: dict[Any, Any], kind: Any, where: Location, label: str) -> Diagnostic:
    """A missing, misspelt or unknown kind, with the kind the component's keys point to."""
    kinds = sorted(KIND_CLASSES)
    guess = guess_kind(raw)
    fallback = f" (its keys fit kind '{guess}')" if guess else f"; use one of {or_list(kinds)}"
    if kind is None:
        return Diagnostic(where, f"{label} has no 'kind'{fallback}", code="schema.missing")
    if not isinstance(kind, str):
        return Diagnostic(
            where, f"'kind' must be one of {or_list(kinds)}, got {shown(kind)}", code="kind"
        )
    return Diagnostic(
        where, f"unknown kind {shown(kind)}{suggest(kind, kinds) or fallback}", code="kind"
    )


@dataclass(frozen=True)
class _File:
    """What validating the items of one file needs besides each item."""

    locator: YamlLocator
    into: Collected
    context: dict[str, bool] | None  # validation context (see _NFC)
    vetted: bool  # loose values were looked for already (see loose_free)

    def loose(
        self, cls: type[BaseModel], raw: dict[Any, Any], ref: SourceRef
    ) -> tuple[list[Diagnostic], frozenset[YamlPath]]:
        """:func:`eakit.loader.errors.loose` unless the file was vetted."""
        if self.vetted:
            return [], frozenset()
        return loose(cls, raw, lambda loc: self.locator.locate(ref, *loc))


def _component(raw: Any, ref: SourceRef, file: _File) -> list[Diagnostic]:
    locator, into = file.locator, file.into

    def at(*path: str | int) -> Location:
        return locator.locate(ref, *path)

    if not isinstance(raw, dict):
        return [
            Diagnostic(
                at(),
                f"a component must be a mapping with 'id', 'kind' and 'name', got {shown(raw)}",
            )
        ]
    raw_id = raw.get("id")
    label = f"component '{raw_id}'" if isinstance(raw_id, str) else "component"
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in KIND_CLASSES:
        if isinstance(raw_id, str):
            into.invalid_ids.add(raw_id)
        where = at("kind") if kind is not None else at()
        return [_kind_problem(raw, kind, where, label)]
    cls = KIND_CLASSES[kind]
    label = f"{kind} '{raw_id}'" if isinstance(raw_id, str) else kind
    problems, reported = file.loose(cls, raw, ref)
    try:
        component = _adapter(kind).validate_python(raw, context=file.context)
    except ValidationError as exc:
        locate = lambda loc: locator.locate(ref, *loc)  # noqa: E731
        problems += odd_keys(raw, _field_names(cls), label, locate)
        problems += translate(exc, cls, label, locate, reported, odd_keys_reported=True)
    if problems:
        if isinstance(raw_id, str):
            into.invalid_ids.add(raw_id)
        into.unchecked.append(RawObject(cls, raw, ref))
        return problems
    return add_component(component, ref, locator, into)


def add_component(
    component: BaseComponent, ref: SourceRef, locator: YamlLocator, into: Collected
) -> list[Diagnostic]:
    """Add a valid component unless its id is taken (also used for cached files)."""
    previous = into.sources.get(component.id)
    if previous is not None:
        first = locator.locate(previous)
        return [
            Diagnostic(
                locator.locate(ref, "id"),
                f"duplicate id '{component.id}' (first defined at {first})",
                related=(first,),
                code="duplicate",
            )
        ]
    into.components[component.id] = component
    into.sources[component.id] = ref
    return []


def _relation(raw: Any, ref: SourceRef, file: _File) -> list[Diagnostic]:
    locator, into = file.locator, file.into
    if not isinstance(raw, dict):
        return [
            Diagnostic(
                locator.locate(ref),
                f"a relation must be a mapping like {{from: a, to: b, type: t}}, got {shown(raw)}",
            )
        ]
    problems, reported = file.loose(Relation, raw, ref)
    try:
        relation = Relation.model_validate(raw, context=file.context)
    except ValidationError as exc:
        locate = lambda loc: locator.locate(ref, *loc)  # noqa: E731
        problems += odd_keys(raw, _field_names(Relation), "relation", locate)
        problems += translate(exc, Relation, "relation", locate, reported, odd_keys_reported=True)
    if problems:
        into.unchecked.append(RawObject(Relation, raw, ref))
        return problems
    into.relations.append(relation)
    into.relation_sources.append(ref)
    return []


def loose_free(data: Any) -> bool:
    """Whether a parsed file is plainly made of components of known kinds and relations,
    none with a value of the wrong YAML type (what :func:`collect` need not look for
    again when told ``vetted``)."""
    if type(data) is not dict:
        return False
    for key in TOP_LEVEL_KEYS:
        items = data.get(key)
        if items is None:
            continue
        if type(items) is not list or not _DICTS.issuperset(map(type, items)):
            return False
        groups = _by_model(items) if key == "components" else [(Relation, items)]
        if groups is None or any(loose_in(model, group) for model, group in groups):
            return False
    return True


_DICTS = frozenset({dict})


def _by_model(items: list[dict[Any, Any]]) -> list[tuple[type[BaseModel], list[Any]]] | None:
    """Components grouped by the class of their kind (most files hold one or two kinds);
    ``None`` when a kind is missing or unknown."""
    kinds = list(map(dict.get, items, repeat("kind")))
    try:
        distinct = set(kinds)
    except TypeError:  # a kind that is a list or a mapping: collect explains it
        return None
    groups: list[tuple[type[BaseModel], list[Any]]] = []
    for kind in distinct:
        model = KIND_CLASSES.get(kind) if type(kind) is str else None
        if model is None:
            return None
        same = items if len(distinct) == 1 else list(compress(items, map(eq, kinds, repeat(kind))))
        groups.append((model, same))
    return groups


def collect(
    data: Any,
    rel: str,
    locator: YamlLocator,
    into: Collected,
    *,
    text_is_nfc: bool = False,
    vetted: bool = False,
) -> list[Diagnostic]:
    """Validate the components and relations of one parsed file ``rel`` into ``into``
    (``text_is_nfc``: every string in ``data`` is NFC already; ``vetted``: another
    process found :func:`loose_free` true of it)."""
    scope = _File(locator, into, _NFC if text_is_nfc else None, vetted)
    top = SourceRef(rel, ())
    if data is None:  # only '---', '~' or 'null': as good as empty
        return [Diagnostic(locator.locate(top), EMPTY_MODEL_FILE, code="empty")]
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else f"a single value {shown(data)}"
        return [
            Diagnostic(
                locator.locate(top),
                f"a model file is a mapping with 'components:' and/or 'relations:', "
                f"but this file holds {what}",
            )
        ]
    diagnostics: list[Diagnostic] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            hint = suggest(key, list(TOP_LEVEL_KEYS)) if isinstance(key, str) else ""
            diagnostics.append(
                Diagnostic(
                    locator.locate(top, key) if isinstance(key, str | int) else locator.locate(top),
                    f"unknown top-level key {shown_key(key)}"
                    + (hint or "; a model file holds 'components' and 'relations'"),
                )
            )
    for key, check in (("components", _component), ("relations", _relation)):
        items = data.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            diagnostics.append(
                Diagnostic(
                    locator.locate(top, key),
                    f"'{key}' must be a list (each item starts with '- '), got {shown(items)}",
                )
            )
            continue
        if vetted:
            diagnostics.extend(_vetted(items, key, rel, scope))
            continue
        for index, raw in enumerate(items):
            diagnostics.extend(check(raw, SourceRef(rel, (key, index)), scope))
    return diagnostics


def _vetted(items: list[Any], key: str, rel: str, scope: _File) -> list[Diagnostic]:
    """:func:`_component` or :func:`_relation` for every item of a vetted file (a
    mapping of a known kind, with no value of the wrong YAML type: see
    :func:`loose_free`), with nothing to do per item but validating it; any item that
    fails goes to them, for its explanation."""
    diagnostics: list[Diagnostic] = []
    context, into, locator = scope.context, scope.into, scope.locator
    if key == "relations":
        relations, sources = into.relations, into.relation_sources
        try:  # all at once: the common case, a third faster than one by one
            valid = _RELATIONS.validate_python(items, context=context)
        except ValidationError:
            pass  # some are invalid: one by one below, each explained
        else:
            relations += valid
            sources += [SourceRef(rel, ("relations", index)) for index in range(len(items))]
            return diagnostics
        for index, raw in enumerate(items):
            diagnostics += _relation(raw, SourceRef(rel, ("relations", index)), scope)
        return diagnostics
    for index, raw in enumerate(items):
        ref = SourceRef(rel, ("components", index))
        try:
            component = _adapter(raw["kind"]).validate_python(raw, context=context)
        except ValidationError:
            diagnostics += _component(raw, ref, scope)
            continue
        diagnostics += add_component(component, ref, locator, into)
    return diagnostics
