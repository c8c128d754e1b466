"""Cross-file checks: dangling references, references to the wrong kind, bad relations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from eakit.diagnostics import Diagnostic
from eakit.loader.errors import field_words, kind_words
from eakit.loader.files import MANIFEST
from eakit.loader.suggest import IdSuggester
from eakit.messages import Bilingual, or_list, say
from eakit.model import KIND_CLASSES, Model, Relation, SourceRef, kind_of, relation_types
from eakit.model.archimate_table import allowed_relationships, element_type_of, kinds_fit
from eakit.model.components import ID_PATTERN
from eakit.model.refs import ref_fields
from eakit.model.relations import RelationType

_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class RawObject:
    """A component or relation that failed validation, kept to check its references."""

    cls: type[BaseModel]
    raw: dict[Any, Any]
    ref: SourceRef


def _raw_targets(
    obj: RawObject,
) -> Iterator[tuple[str, tuple[str | int, ...], str, tuple[str, ...]]]:
    """``(field, path, target, kinds)`` of each well-formed id in an invalid object.

    Values that are not ids were reported by validation already; checking them again
    would say the same thing twice.
    """
    if obj.cls is Relation:
        for end in ("from", "to"):
            target = obj.raw.get(end)
            if isinstance(target, str) and _ID.match(target) and len(target) <= 120:
                yield end, (end,), target, ()
        return
    for field in ref_fields(obj.cls):
        value = obj.raw.get(field.name)
        if field.many:
            values: list[tuple[int | None, Any]] = (
                list(enumerate(value)) if isinstance(value, list) else []
            )
        else:
            values = [(None, value)]
        for index, target in values:
            if isinstance(target, str) and _ID.match(target) and len(target) <= 120:
                path = (field.name,) if index is None else (field.name, index)
                yield field.name, path, target, field.ref.kinds


def _archimate_refusal(
    spec: RelationType, relation: Relation, source: str, target: str
) -> Bilingual:
    """Why ArchiMate's table refuses a relation, with what it allows between the two."""
    source_type, target_type = element_type_of(source), element_type_of(target)
    allowed = sorted(allowed_relationships(source_type, target_type))
    return say(
        "relation.archimate_refused",
        type=relation.type,
        source_kind=_kind(source),
        source=relation.from_,
        source_type=source_type,
        target_kind=_kind(target),
        target=relation.to,
        target_type=target_type,
        allowed=", ".join(a.lower() for a in allowed) or "—",
    )


def _kinds_text(kinds: frozenset[str] | tuple[str, ...]) -> str:
    if "*" in kinds:
        return say("kind.any")
    return or_list([_kind(k) for k in sorted(kinds)])


def _kind(kind: str) -> str:
    """A kind named in a message (as it is when the model has no such kind)."""
    return kind_words(kind) if kind in KIND_CLASSES else kind


def check_references(
    model: Model,
    invalid_ids: set[str] | None = None,
    unchecked: list[RawObject] | None = None,
    *,
    components: Iterable[str] | None = None,
    relations: Iterable[tuple[Relation, SourceRef]] | None = None,
) -> list[Diagnostic]:
    """Every reference names an existing component of an allowed kind; relations fit.

    References to ``invalid_ids`` (declared, but already reported as invalid) are skipped
    so one mistake does not cascade into many messages. The references of ``unchecked``
    objects (which failed validation) are checked from their raw data, so fixing one
    problem does not reveal the next only on the following run.

    ``components`` (ids) and ``relations`` limit the check to those objects (all by
    default): after an edit, only what the edit can have broken is checked again. Given
    relations must come in model order, with every relation sharing a key with one of
    them, for duplicates to be reported as a full check reports them.
    """
    skip = invalid_ids or set()
    diagnostics: list[Diagnostic] = []
    ids = model.components
    suggesters: dict[tuple[str, ...], IdSuggester] = {}

    def hint(target: str, kinds: tuple[str, ...] | frozenset[str] = ()) -> str:
        """A suggestion among the ids of the kinds the field accepts: an agency field
        suggests an agency, never the LAN whose id is closest."""
        key = () if not kinds or "*" in kinds else tuple(sorted(kinds))
        suggester = suggesters.get(key)
        if suggester is None:
            pool = ids if not key else {i for i, c in ids.items() if kind_of(c) in key}
            suggester = suggesters[key] = IdSuggester(pool)
        return suggester.hint(target)

    def check_target(
        target: str,
        kinds: tuple[str, ...] | frozenset[str],
        ref: SourceRef,
        path: tuple[str | int, ...],
        what: str,
        own_id: object = None,
    ) -> None:
        # Located only for a problem: locating composes the file, which is slow.
        if target == own_id:
            message = say("ref.itself", field=field_words(str(path[0])), id=target)
        elif target in skip:
            return
        elif target not in ids:
            message = say("ref.unknown", what=what, target=target, hint=hint(target, kinds))
        elif kinds and kind_of(ids[target]) not in kinds:
            kind = _kind(kind_of(ids[target]))
            message = say(
                "ref.wrong_kind", what=what, kinds=_kinds_text(kinds), target=target, kind=kind
            )
        else:
            return
        diagnostics.append(Diagnostic(model.locator.locate(ref, *path), message, code="reference"))

    for cid in ids if components is None else components:
        component = ids[cid]
        for field in ref_fields(type(component)):
            value = getattr(component, field.name)
            if value is None:
                continue
            values = value if field.many else [value]
            kinds = field.ref.kinds
            for index, target in enumerate(values):
                # Nearly every reference is fine: say so at the cost of two lookups.
                if target != cid and target in ids and (not kinds or kind_of(ids[target]) in kinds):
                    continue
                path: tuple[str | int, ...] = (field.name, index) if field.many else (field.name,)
                ref = model.component_sources[cid]
                check_target(target, kinds, ref, path, field_words(field.name), cid)

    for obj in unchecked or ():
        own_id = obj.raw.get("id")
        for name, path, target, kinds in _raw_targets(obj):
            what = field_words(name)
            if obj.cls is Relation:
                what = say("ref.relation_end", end=what)
            check_target(target, kinds, obj.ref, path, what, own_id)

    for name in ("province", "owner_agency"):
        target = getattr(model.manifest.architecture, name)
        if target is not None:
            manifest = SourceRef(MANIFEST, ("architecture",))
            what = say("ref.architecture", field=field_words(name))
            check_target(target, ("agency",), manifest, (name,), what)

    types = relation_types()
    seen: dict[tuple[str, str, str], SourceRef] = {}
    pairs = zip(model.relations, model.relation_sources, strict=True)
    for relation, ref in pairs if relations is None else relations:
        source, target = ids.get(relation.from_), ids.get(relation.to)
        if source is None or target is None or relation.from_ in skip or relation.to in skip:
            spec_ends = types.get(relation.type)
            for end, name in (("from", relation.from_), ("to", relation.to)):
                if name not in ids:  # its kind is the relation type's to check
                    kinds = getattr(spec_ends, f"{end}_kinds", ())
                    what = say("ref.relation_end", end=field_words(end))
                    check_target(name, kinds, ref, (end,), what)
            continue
        spec = types[relation.type]
        source_kind, target_kind = kind_of(source), kind_of(target)
        if not spec.allows(source_kind, target_kind):
            message = say(
                "relation.wrong_ends",
                type=relation.type,
                source_kind=_kind(source_kind),
                source=relation.from_,
                target_kind=_kind(target_kind),
                target=relation.to,
                from_kinds=_kinds_text(spec.from_kinds),
                to_kinds=_kinds_text(spec.to_kinds),
            )
            diagnostics.append(
                Diagnostic(model.locator.locate(ref, "type"), message, code="relation")
            )
        elif spec.archimate_table and not kinds_fit(spec.archimate, source_kind, target_kind):
            message = _archimate_refusal(spec, relation, source_kind, target_kind)
            diagnostics.append(
                Diagnostic(model.locator.locate(ref, "type"), message, code="relation")
            )
        if relation.from_ == relation.to:
            message = say("relation.itself", type=relation.type, source=relation.from_)
            diagnostics.append(Diagnostic(model.locator.locate(ref), message, code="relation"))
        key = relation.key
        previous = seen.get(key)
        if previous is not None:
            first = model.locator.locate(previous)
            message = say(
                "relation.duplicate",
                source=relation.from_,
                type=relation.type,
                target=relation.to,
                first=str(first),
            )
            where = model.locator.locate(ref)
            diagnostics.append(Diagnostic(where, message, related=(first,), code="relation"))
        else:
            seen[key] = ref
    return diagnostics
