"""Cross-file checks: dangling references, references to the wrong kind, bad relations."""

from __future__ import annotations

from eakit.diagnostics import Diagnostic, Location
from eakit.loader.files import MANIFEST
from eakit.model import Model, SourceRef, kind_of, relation_types
from eakit.model.refs import ref_fields
from eakit.text import did_you_mean


def _kinds_text(kinds: frozenset[str] | tuple[str, ...]) -> str:
    return " or ".join(sorted(kinds))


def check_references(model: Model, invalid_ids: set[str] | None = None) -> list[Diagnostic]:
    """Every reference names an existing component of an allowed kind; relations fit.

    References to ``invalid_ids`` (declared, but already reported as invalid) are skipped
    so one mistake does not cascade into many messages.
    """
    skip = invalid_ids or set()
    diagnostics: list[Diagnostic] = []
    ids = model.components

    def check_target(target: str, kinds: tuple[str, ...], where: Location, what: str) -> None:
        if target in skip:
            return
        if target not in ids:
            diagnostics.append(
                Diagnostic(
                    where,
                    f"{what} refers to unknown component '{target}'{did_you_mean(target, ids)}",
                    code="reference",
                )
            )
        elif kinds and kind_of(ids[target]) not in kinds:
            diagnostics.append(
                Diagnostic(
                    where,
                    f"{what} must refer to {_kinds_text(kinds)}, but '{target}' is "
                    f"{kind_of(ids[target])}",
                    code="reference",
                )
            )

    for cid, component in ids.items():
        ref = model.component_sources[cid]
        for field in ref_fields(type(component)):
            value = getattr(component, field.name)
            if value is None:
                continue
            values = value if field.many else [value]
            for index, target in enumerate(values):
                path = (field.name, index) if field.many else (field.name,)
                if target == cid:
                    diagnostics.append(
                        Diagnostic(
                            model.locator.locate(ref, *path),
                            f"'{field.name}' of '{cid}' refers to itself",
                            code="reference",
                        )
                    )
                    continue
                check_target(
                    target, field.ref.kinds, model.locator.locate(ref, *path), f"'{field.name}'"
                )

    architecture = model.manifest.architecture
    for name in ("province", "owner_agency"):
        target = getattr(architecture, name)
        if target is not None:
            check_target(
                target,
                ("agency",),
                model.locator.locate(SourceRef(MANIFEST, ("architecture",)), name),
                f"architecture '{name}'",
            )

    types = relation_types()
    seen: dict[tuple[str, str, str], SourceRef] = {}
    for relation, ref in zip(model.relations, model.relation_sources, strict=True):
        ok = True
        for end, target in (("from", relation.from_), ("to", relation.to)):
            if target in skip:
                ok = False
            elif target not in ids:
                ok = False
                diagnostics.append(
                    Diagnostic(
                        model.locator.locate(ref, end),
                        f"relation '{end}' refers to unknown component '{target}'"
                        f"{did_you_mean(target, ids)}",
                        code="reference",
                    )
                )
        if not ok:
            continue
        spec = types[relation.type]
        source_kind, target_kind = kind_of(ids[relation.from_]), kind_of(ids[relation.to])
        if not spec.allows(source_kind, target_kind):
            diagnostics.append(
                Diagnostic(
                    model.locator.locate(ref, "type"),
                    f"relation '{relation.type}' cannot go from {source_kind} "
                    f"'{relation.from_}' to {target_kind} '{relation.to}' (it goes from "
                    f"{_kinds_text(spec.from_kinds)} to {_kinds_text(spec.to_kinds)})",
                    code="relation",
                )
            )
        if relation.from_ == relation.to:
            diagnostics.append(
                Diagnostic(
                    model.locator.locate(ref), "a relation cannot connect a component to itself"
                )
            )
        previous = seen.get(relation.key)
        if previous is not None:
            first = model.locator.locate(previous)
            diagnostics.append(
                Diagnostic(
                    model.locator.locate(ref),
                    f"duplicate relation {relation.from_} --{relation.type}--> {relation.to} "
                    f"(first declared at {first})",
                    related=(first,),
                    code="relation",
                )
            )
        else:
            seen[relation.key] = ref
    return diagnostics
