"""Validating the components and relations of one parsed model file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from eakit import metamodel
from eakit.diagnostics import Diagnostic, Location
from eakit.loader.errors import explain, kind_words, shown, shown_key, suggest
from eakit.loader.expect import keys_of
from eakit.loader.locator import YamlLocator
from eakit.loader.references import RawObject
from eakit.loader.yamlio import MAX_FILE_BYTES
from eakit.messages import or_list, say
from eakit.model import KIND_CLASSES, BaseComponent, Relation, SourceRef
from eakit.model.components import TEXT_IS_NFC

TOP_LEVEL_KEYS = ("components", "relations")
EMPTY_MODEL_FILE = say("model.empty_file")
_COMMON_KEYS = frozenset(keys_of(BaseComponent))

_RELATIONS: TypeAdapter[list[Relation]] = TypeAdapter(list[Relation])


# Validation context for a file whose strings are all NFC already (see loader.read_file):
# the models need not normalise them again.
_NFC = {TEXT_IS_NFC: True}


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
    # The framework's kinds by name; the ArchiMate ones, too many to list, by example.
    listed = or_list([*sorted(metamodel.kinds(framework=True)), say("kind.archimate_example")])
    guess = guess_kind(raw)
    fallback = say("kind.keys_fit", kind=guess) if guess else say("kind.use_one_of", kinds=listed)
    if kind is None:
        return Diagnostic(
            where, say("kind.missing", what=label, hint=fallback), code="schema.missing"
        )
    if not isinstance(kind, str):
        return Diagnostic(where, say("kind.not_text", kinds=listed, got=shown(kind)), code="kind")
    return Diagnostic(
        where,
        say("kind.unknown", got=shown(kind), hint=suggest(kind, kinds) or fallback),
        code="kind",
    )


@dataclass(frozen=True)
class _File:
    """What validating the items of one file needs besides each item."""

    locator: YamlLocator
    into: Collected
    context: dict[str, bool] | None  # validation context (see _NFC)


def _component(raw: Any, ref: SourceRef, file: _File) -> list[Diagnostic]:
    locator, into = file.locator, file.into
    if not isinstance(raw, dict):
        return [Diagnostic(locator.locate(ref), say("model.component_not_mapping", got=shown(raw)))]
    kind: Any = raw.get("kind")
    cls = KIND_CLASSES.get(kind) if isinstance(kind, str) else None
    if cls is not None:
        try:
            component = cls.model_validate(raw, context=file.context)
        except ValidationError as exc:
            invalid = exc
        else:
            return add_component(component, ref, locator, into)
    # Declared but invalid: references to it are not dangling.
    raw_id = raw.get("id")
    if isinstance(raw_id, str):
        into.invalid_ids.add(raw_id)
    if cls is None:
        label = say("what.component")
        if isinstance(raw_id, str):
            label = say("what.component_id", id=raw_id)
        where = locator.locate(ref, "kind") if kind is not None else locator.locate(ref)
        return [_kind_problem(raw, kind, where, label)]
    into.unchecked.append(RawObject(cls, raw, ref))
    what = kind_words(kind)
    if isinstance(raw_id, str):
        what = say("what.kind_id", kind=what, id=raw_id)
    return explain(invalid, cls, raw, what, lambda loc: locator.locate(ref, *loc))


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
                say("model.duplicate_id", id=component.id, first=str(first)),
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
        return [Diagnostic(locator.locate(ref), say("model.relation_not_mapping", got=shown(raw)))]
    try:
        relation = Relation.model_validate(raw, context=file.context)
    except ValidationError as exc:
        into.unchecked.append(RawObject(Relation, raw, ref))
        what = say("what.relation")
        return explain(exc, Relation, raw, what, lambda loc: locator.locate(ref, *loc))
    into.relations.append(relation)
    into.relation_sources.append(ref)
    return []


def _relations(items: list[Any], rel: str, file: _File) -> list[Diagnostic]:
    """Validate the relations of a file: all at once (the common case, a third faster
    than one by one), else one by one, each explained."""
    try:
        valid = _RELATIONS.validate_python(items, context=file.context)
    except ValidationError:
        diagnostics: list[Diagnostic] = []
        for index, raw in enumerate(items):
            diagnostics += _relation(raw, SourceRef(rel, ("relations", index)), file)
        return diagnostics
    file.into.relations += valid
    file.into.relation_sources += [SourceRef(rel, ("relations", i)) for i in range(len(items))]
    return []


def collect(
    data: Any, rel: str, locator: YamlLocator, into: Collected, *, text_is_nfc: bool = False
) -> list[Diagnostic]:
    """Validate the components and relations of one parsed file ``rel`` into ``into``
    (``text_is_nfc``: every string in ``data`` is NFC already)."""
    scope = _File(locator, into, _NFC if text_is_nfc else None)
    top = SourceRef(rel, ())
    if data is None:  # only '---', '~' or 'null': as good as empty
        return [Diagnostic(locator.locate(top), EMPTY_MODEL_FILE, code="empty")]
    if not isinstance(data, dict):
        what = (
            say("shown.list") if isinstance(data, list) else say("shown.single", value=shown(data))
        )
        return [Diagnostic(locator.locate(top), say("model.file_not_mapping", what=what))]
    diagnostics: list[Diagnostic] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            hint = suggest(key, list(TOP_LEVEL_KEYS)) if isinstance(key, str) else ""
            where = locator.locate(top, key) if isinstance(key, str | int) else locator.locate(top)
            message = say(
                "model.unknown_top_key", key=shown_key(key), hint=hint or say("model.top_keys")
            )
            diagnostics.append(Diagnostic(where, message))
    for key in TOP_LEVEL_KEYS:
        items = data.get(key)
        if items is not None and not isinstance(items, list):
            message = say("model.not_a_list", key=key, got=shown(items))
            diagnostics.append(Diagnostic(locator.locate(top, key), message))
        elif items and key == "relations":
            diagnostics += _relations(items, rel, scope)
        elif items:
            for index, raw in enumerate(items):
                diagnostics += _component(raw, SourceRef(rel, (key, index)), scope)
    return diagnostics
