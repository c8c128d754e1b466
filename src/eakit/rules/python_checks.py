"""Registered Python checks: what the declarative check types cannot say.

Each check is a small function ``check(graph, ctx) -> Iterable[Hit]`` registered by name
in :data:`REGISTRY` (explicitly, like yamllint's rule registry: no import magic). A pack
uses one with ``check: {type: python, name: <name>, params: {...}}``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from eakit.graph import ModelGraph
from eakit.model.components import InformationSystem
from eakit.rules import messages as msg
from eakit.rules.context import CheckContext, Hit, model_subject
from eakit.rules.selectors import field_value, is_empty, parse_selector

PythonCheck = Callable[[ModelGraph, CheckContext], Iterable[Hit]]

# Edges along which a component is "in use" by another: a retired or missing target
# breaks the source.
USE_EDGES = (
    "depends_on",
    "hosted_on",
    "based_on",
    "integrates_with",
    "exchanges_with",
    "reads_from",
    "writes_to",
    "authenticates_via",
    "connects_to",
    "located_in",
)


def signed_results(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A service's results are signed: ``result_signed`` or a delivering system that uses a
    digital-signature application."""
    # A one-stop system delivers thousands of services: whether it signs is asked once.
    signs: dict[str, bool] = {}

    def signing(app: str) -> bool:
        found = signs.get(app)
        if found is None:
            found = signs[app] = any(
                getattr(ctx.get(other), "app_type", None) == "digital_signature"
                for other in ctx.reach(app, USE_EDGES, "out", max_hops=2)
            )
        return found

    for cid in ctx.subjects:
        if ctx.get(cid).result_signed is True:  # type: ignore[attr-defined]
            continue
        if not any(signing(app) for app, _e in ctx.neighbours(cid, ("delivers",), "in")):
            yield Hit(cid, field=("result_signed",))


def master_data_unique(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """Each data subject (``master_for``) has one authoritative database among the subjects."""
    claims: dict[str, list[str]] = defaultdict(list)
    for cid in ctx.subjects:
        for subject in ctx.get(cid).master_for:  # type: ignore[attr-defined]
            claims[subject].append(cid)
    for cid in ctx.subjects:
        clashes = sorted(
            subject
            for subject in ctx.get(cid).master_for  # type: ignore[attr-defined]
            if len(claims[subject]) > 1
        )
        if clashes:
            others = sorted({o for s in clashes for o in claims[s]} - {cid})
            yield Hit(
                cid,
                field=("master_for",),
                params={"value": ", ".join(clashes), "others": msg.ref(graph, *others)},
            )


def no_national_duplicate(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A provincial database is not master of data a national database is master of."""
    national = parse_selector(ctx.params.get("national", {"kind": "database"}))
    owners: dict[str, str] = {}
    for other in ctx.select(national):
        for subject in ctx.get(other).master_for:  # type: ignore[attr-defined]
            owners.setdefault(subject, other)
    for cid in ctx.subjects:
        clashes = sorted(
            s
            for s in ctx.get(cid).master_for  # type: ignore[attr-defined]
            if s in owners and owners[s] != cid
        )
        if clashes:
            yield Hit(
                cid,
                field=("master_for",),
                params={
                    "value": ", ".join(clashes),
                    "others": msg.ref(graph, *sorted({owners[s] for s in clashes})),
                },
            )


def dpo_for_personal_data(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """An agency that owns a live system processing personal data has a DPO function."""
    for cid in ctx.subjects:
        systems = sorted(
            n
            for n, _e in ctx.neighbours(cid, ("owned_by",), "in")
            if isinstance(ctx.get(n), InformationSystem)
            and ctx.get(n).processes_personal_data is True  # type: ignore[attr-defined]
        )
        if systems and ctx.get(cid).has_dpo is not True:  # type: ignore[attr-defined]
            yield Hit(cid, field=("has_dpo",), params={"systems": msg.ref(graph, *systems)})


def relation_attributes(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """Declared relations of the given types (to ``target``) carry the given attributes."""
    edges = tuple(ctx.params["edges"])
    wanted = tuple(ctx.params["attributes"])
    wanted_target = ctx.matcher(parse_selector(ctx.params.get("target")))
    for cid in ctx.subjects:
        for neighbour, edge in ctx.neighbours(cid, edges, "out"):
            if not wanted_target(neighbour):
                continue
            relation = edge.relation
            missing = [
                a for a in wanted if relation is None or is_empty(getattr(relation, a, None))
            ]
            if missing:
                yield Hit(
                    cid,
                    field=(edge.origin,) if relation is None else (),
                    relation=relation,
                    params={
                        "target": msg.ref(graph, neighbour),
                        "target_name": msg.ref(graph, neighbour),
                        "edge": msg.Edge(edge.type),
                        "field": msg.fields(*missing),
                    },
                )


def hosting_level(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A system of level >= ``min_level`` is hosted in a data centre of at least its level."""
    minimum = ctx.params.get("min_level", 3)
    for cid in ctx.subjects:
        level = field_value(ctx.get(cid), "security_level")
        if level is None or level < minimum:
            continue
        for dc, _edge in ctx.neighbours(cid, ("hosted_on",), "out"):
            dc_level = field_value(ctx.get(dc), "security_level")
            if dc_level is None or dc_level < level:
                yield Hit(
                    cid,
                    field=("hosted_on",),
                    params={
                        "value": level,
                        "target": msg.ref(graph, dc),
                        "target_name": msg.ref(graph, dc),
                        "target_level": dc_level,
                    },
                )


def protected(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A system is protected by a live security capability (of the given types), directly
    or through the data centre that hosts it."""
    types = set(ctx.params.get("capabilities", ()))

    def guarded(component_id: str) -> bool:
        return any(
            not types or getattr(ctx.get(n), "capability_type", None) in types
            for n, _e in ctx.neighbours(component_id, ("protects",), "in")
        )

    for cid in ctx.subjects:
        hosts = [n for n, _e in ctx.neighbours(cid, ("hosted_on",), "out")]
        if not guarded(cid) and not any(guarded(h) for h in hosts):
            yield Hit(cid, params={"capabilities": msg.value("capability_type", *sorted(types))})


def framework_in_force(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """The manifest's framework is the version in force at the check date."""
    versions: dict[str, str] = ctx.params["versions"]  # registry doc id -> framework name
    docs = ctx.documents
    in_force = [
        name for doc, name in versions.items() if doc in docs and docs[doc].in_force(ctx.as_of)
    ]
    declared = graph.architecture.framework
    if in_force and declared not in in_force:
        yield Hit(
            model_subject(graph),
            manifest_field=("architecture", "framework"),
            params={
                "value": msg.Framework((declared,)),
                "expected": msg.Framework(tuple(in_force)),
            },
        )


def manifest_attribute(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A field of the manifest's ``architecture`` is set."""
    name = ctx.params["field"]
    if is_empty(getattr(graph.architecture, name, None)):
        yield Hit(
            model_subject(graph),
            manifest_field=("architecture",),
            params={"field": msg.fields(name)},
        )


def orphan(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A component takes part in at least one live relation."""
    for cid in ctx.subjects:
        if not ctx.has_neighbour(cid):
            yield Hit(cid)


def _by_level(table: Mapping[Any, Any], level: int | None) -> Any:
    """The entry of a table keyed by security level (keys may be written as text) for
    ``level``, or ``None``."""
    if level is None:
        return None
    return {int(k): v for k, v in table.items()}.get(int(level))


def recent_date(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A date field is set and at most ``max_days`` old at the check date; with
    ``by_level`` (security level -> days) the limit follows the subject's level, and a
    subject whose level has no entry is not concerned."""
    name = ctx.params["field"]
    by_level = ctx.params.get("by_level")
    for cid in ctx.subjects:
        component = ctx.get(cid)
        if by_level is not None:
            limit = _by_level(by_level, field_value(component, "security_level"))
            if limit is None:
                continue
        else:
            limit = ctx.params["max_days"]
        value = field_value(component, name)
        if value is None:
            yield Hit(cid, field=(name,), params={"days": limit, "value": "—"})
        elif not isinstance(value, dt.date) or (ctx.as_of - value).days > int(limit):
            yield Hit(cid, field=(name,), params={"days": limit, "value": str(value)})


def minimum_by_level(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A number field is at least the minimum ``by_level`` (security level -> minimum)
    gives for the subject's level."""
    name = ctx.params["field"]
    for cid in ctx.subjects:
        component = ctx.get(cid)
        wanted = _by_level(ctx.params["by_level"], field_value(component, "security_level"))
        if wanted is None:
            continue
        value = field_value(component, name)
        if value is None or value < wanted:
            yield Hit(
                cid,
                field=(name,),
                params={"minimum": wanted, "value": "—" if value is None else value},
            )


def ended_by(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A date field is set and not after ``date`` (a unit that must have ended by then)."""
    name = ctx.params["field"]
    last = dt.date.fromisoformat(str(ctx.params["date"]))
    for cid in ctx.subjects:
        value = field_value(ctx.get(cid), name)
        if value is None or value > last:
            yield Hit(cid, field=(name,), params={"date": last.isoformat(), "value": value or "—"})


def level_gate(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A subject linked (by ``edges``, outwards) to a component ``target`` selects has a
    security level of at least ``min_level``."""
    edges = tuple(ctx.params["edges"])
    minimum = int(ctx.params["min_level"])
    wanted = ctx.matcher(parse_selector(ctx.params.get("target")))
    for cid in ctx.subjects:
        linked = sorted(n for n, _e in ctx.neighbours(cid, edges, "out") if wanted(n))
        if not linked:
            continue
        level = field_value(ctx.get(cid), "security_level")
        if level is None or level < minimum:
            yield Hit(
                cid,
                field=("security_level",),
                params={
                    "minimum": minimum,
                    "value": "—" if level is None else level,
                    "target": linked[0],
                    "target_name": ctx.get(linked[0]).name,
                },
            )


def reaches_several(graph: ModelGraph, ctx: CheckContext) -> Iterator[Hit]:
    """A subject reaches (along ``edges``, outwards, within ``max_hops``) at least ``min``
    distinct components ``to`` selects."""
    edges = tuple(ctx.params["edges"])
    wanted = ctx.matcher(parse_selector(ctx.params.get("to")))
    minimum = int(ctx.params.get("min", 1))
    hops = ctx.params.get("max_hops")
    for cid in ctx.subjects:
        found = sorted(n for n in ctx.reach(cid, edges, "out", max_hops=hops) if wanted(n))
        if len(found) < minimum:
            yield Hit(
                cid,
                params={
                    "count": len(found),
                    "min": minimum,
                    "value": ", ".join(ctx.get(n).name for n in found) or "—",
                },
            )


REGISTRY: dict[str, PythonCheck] = {
    "signed_results": signed_results,
    "master_data_unique": master_data_unique,
    "no_national_duplicate": no_national_duplicate,
    "dpo_for_personal_data": dpo_for_personal_data,
    "relation_attributes": relation_attributes,
    "hosting_level": hosting_level,
    "protected": protected,
    "framework_in_force": framework_in_force,
    "manifest_attribute": manifest_attribute,
    "orphan": orphan,
    "recent_date": recent_date,
    "minimum_by_level": minimum_by_level,
    "ended_by": ended_by,
    "level_gate": level_gate,
    "reaches_several": reaches_several,
}

# Checks that judge the model as a whole (one subject: the model).
MODEL_WIDE = frozenset({"framework_in_force", "manifest_attribute"})

# How many hops from its subject each check looks (see ``declarative.RADIUS``); checks
# missing here compare subjects with each other and always run in full.
RADIUS: dict[str, int] = {
    "signed_results": 3,  # service <- delivering system -> up to two hops of use
    "dpo_for_personal_data": 1,
    "relation_attributes": 1,
    "hosting_level": 1,
    "protected": 2,  # system -> hosting data centre <- protecting capability
    "orphan": 1,
    "recent_date": 0,
    "minimum_by_level": 0,
    "ended_by": 0,
    "level_gate": 1,
}

# The edge types each check walks within its radius; missing: any type.
EDGES: dict[str, tuple[str, ...]] = {
    "signed_results": ("delivers", *USE_EDGES),
    "dpo_for_personal_data": ("owned_by",),
    "hosting_level": ("hosted_on",),
    "protected": ("hosted_on", "protects"),
}
