"""Checks that read their subject's neighbourhood: components along named edges."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Any, Literal

from pydantic import Field

from eakit.model.components import InformationSystem
from eakit.model.refs import ref_fields
from eakit.rules import messages as msg
from eakit.rules.checks.base import Along, CheckType, EdgeNames, Params, SelectorParam
from eakit.rules.context import CheckContext, Hit
from eakit.rules.selectors import Selector, field_value, is_empty

Direction = Literal["out", "in", "any"]


def _edge_field(ctx: CheckContext, cid: str, edges: tuple[str, ...]) -> tuple[str | int, ...]:
    # Point at the reference field that produces the edge, when there is one.
    for ref in ref_fields(type(ctx.get(cid))):
        if ref.ref.edge in edges and not ref.ref.reverse:
            return (ref.name,)
    return ()


class RequiredRelation(Params):
    edge: EdgeNames
    direction: Direction = "out"
    target: SelectorParam = Selector()
    min: int = Field(1, ge=1)


def required_relation(ctx: CheckContext, p: RequiredRelation) -> Iterator[Hit]:
    """Each subject has at least ``min`` live neighbours over ``edge`` matching ``target``."""
    count = ctx.neighbour_counter(p.edge, p.direction, ctx.matcher(p.target))
    for cid in ctx.subjects:
        found = count(cid, p.min)
        if found < p.min:
            field = _edge_field(ctx, cid, p.edge) if p.direction == "out" else ()
            yield Hit(cid, field=field, params={"count": found, "min": p.min})


class ForbiddenRelation(Params):
    edge: EdgeNames
    direction: Direction = "out"
    target: SelectorParam = Selector()


def forbidden_relation(ctx: CheckContext, p: ForbiddenRelation) -> Iterator[Hit]:
    """No subject has a live ``edge`` to (or from) a component matching ``target``."""
    forbidden = ctx.matcher(p.target)
    for cid in ctx.subjects:
        for neighbour, edge in ctx.neighbours(cid, p.edge, p.direction):
            if neighbour == cid or not forbidden(neighbour):
                continue
            field: tuple[str | int, ...] = ()
            if edge.relation is None and edge.source == cid:
                field = (edge.origin,)
            other = ctx.get(neighbour)
            yield Hit(
                cid,
                field=field,
                relation=edge.relation,
                params={
                    "target": msg.ref(ctx.graph, neighbour),
                    "target_name": msg.ref(ctx.graph, other.id),
                    "edge": msg.Edge(edge.type),
                },
            )


FEW_SUBJECTS = 64


class PathExists(Params):
    edges: EdgeNames
    direction: Direction = "out"
    to: SelectorParam
    via: SelectorParam | None = None
    max_hops: int | None = Field(None, ge=1)


def path_exists(ctx: CheckContext, p: PathExists) -> Iterator[Hit]:
    """From each subject a live path over ``edges`` reaches a component matching ``to``."""
    edges, direction, via, max_hops = p.edges, p.direction, p.via, p.max_hops
    if not ctx.subjects:
        return  # (a re-check often has none left to look at)
    goals = set(ctx.select(p.to))
    if max_hops is not None and len(ctx.subjects) <= FEW_SUBJECTS:
        # A handful of subjects (a re-check after an edit): walk from each, stopping at
        # the first goal, instead of walking back from every goal in the model.
        for cid in ctx.subjects:
            if not ctx.reaches(cid, goals, edges, direction, via, max_hops):
                yield Hit(cid)
        return
    hops = ctx.hops_to(goals, edges, direction, via, max_hops)
    for cid in ctx.subjects:
        if cid in goals:  # must reach another goal: walk from it as before
            reached = ctx.reach(cid, edges, direction, via, max_hops)
            found = any(other in goals for other in reached)
        else:
            distance = hops.get(cid)
            found = distance is not None and (max_hops is None or distance <= max_hops)
        if not found:
            yield Hit(cid)


class ReachesSeveral(Params):
    edges: EdgeNames
    to: SelectorParam = Selector()
    min: int = Field(1, ge=1)
    max_hops: int | None = Field(None, ge=1)


def reaches_several(ctx: CheckContext, p: ReachesSeveral) -> Iterator[Hit]:
    """A subject reaches (along ``edges``, outwards, within ``max_hops``) at least ``min``
    distinct components ``to`` selects."""
    wanted = ctx.matcher(p.to)
    for cid in ctx.subjects:
        found = sorted(n for n in ctx.reach(cid, p.edges, "out", max_hops=p.max_hops) if wanted(n))
        if len(found) < p.min:
            yield Hit(
                cid,
                params={
                    "count": len(found),
                    "min": p.min,
                    "value": ", ".join(ctx.get(n).name for n in found) or "—",
                },
            )


class RelationAttributes(Params):
    edges: EdgeNames
    attributes: tuple[str, ...] = Field(min_length=1)
    target: SelectorParam = Selector()


def relation_attributes(ctx: CheckContext, p: RelationAttributes) -> Iterator[Hit]:
    """Declared relations of the given types (to ``target``) carry the given attributes."""
    wanted_target = ctx.matcher(p.target)
    for cid in ctx.subjects:
        for neighbour, edge in ctx.neighbours(cid, p.edges, "out"):
            if not wanted_target(neighbour):
                continue
            relation = edge.relation
            missing = [
                a for a in p.attributes if relation is None or is_empty(getattr(relation, a, None))
            ]
            if missing:
                yield Hit(
                    cid,
                    field=(edge.origin,) if relation is None else (),
                    relation=relation,
                    params={
                        "target": msg.ref(ctx.graph, neighbour),
                        "target_name": msg.ref(ctx.graph, neighbour),
                        "edge": msg.Edge(edge.type),
                        "field": msg.fields(*missing),
                    },
                )


class LevelGate(Params):
    edges: EdgeNames
    min_level: int
    target: SelectorParam = Selector()


def level_gate(ctx: CheckContext, p: LevelGate) -> Iterator[Hit]:
    """A subject linked (by ``edges``, outwards) to a component ``target`` selects has a
    security level of at least ``min_level``."""
    wanted = ctx.matcher(p.target)
    for cid in ctx.subjects:
        linked = sorted(n for n, _e in ctx.neighbours(cid, p.edges, "out") if wanted(n))
        if not linked:
            continue
        level = field_value(ctx.get(cid), "security_level")
        if level is None or level < p.min_level:
            yield Hit(
                cid,
                field=("security_level",),
                params={
                    "minimum": p.min_level,
                    "value": "—" if level is None else level,
                    "target": linked[0],
                    "target_name": ctx.get(linked[0]).name,
                },
            )


class HostingLevel(Params):
    min_level: int = 3


def hosting_level(ctx: CheckContext, p: HostingLevel) -> Iterator[Hit]:
    """A system of level >= ``min_level`` is hosted in a data centre of at least its level."""
    for cid in ctx.subjects:
        level = field_value(ctx.get(cid), "security_level")
        if level is None or level < p.min_level:
            continue
        for dc, _edge in ctx.neighbours(cid, ("hosted_on",), "out"):
            dc_level = field_value(ctx.get(dc), "security_level")
            if dc_level is None or dc_level < level:
                yield Hit(
                    cid,
                    field=("hosted_on",),
                    params={
                        "value": level,
                        "target": msg.ref(ctx.graph, dc),
                        "target_name": msg.ref(ctx.graph, dc),
                        "target_level": dc_level,
                    },
                )


class Protected(Params):
    capabilities: tuple[str, ...] = ()


def protected(ctx: CheckContext, p: Protected) -> Iterator[Hit]:
    """A system is protected by a live security capability (of the given types), directly
    or through the data centre that hosts it."""
    types = set(p.capabilities)

    def guarded(component_id: str) -> bool:
        return any(
            not types or getattr(ctx.get(n), "capability_type", None) in types
            for n, _e in ctx.neighbours(component_id, ("protects",), "in")
        )

    for cid in ctx.subjects:
        hosts = [n for n, _e in ctx.neighbours(cid, ("hosted_on",), "out")]
        if not guarded(cid) and not any(guarded(h) for h in hosts):
            yield Hit(cid, params={"capabilities": msg.value("capability_type", *sorted(types))})


class NoParams(Params):
    pass


def orphan(ctx: CheckContext, p: NoParams) -> Iterator[Hit]:
    """A component takes part in at least one live relation."""
    count = ctx.neighbour_counter((), "any", lambda _other: True)
    for cid in ctx.subjects:
        if not count(cid, 1):
            yield Hit(cid)


def dpo_for_personal_data(ctx: CheckContext, p: NoParams) -> Iterator[Hit]:
    """An agency that owns a live system processing personal data has a DPO function."""
    for cid in ctx.subjects:
        systems = sorted(
            n
            for n, _e in ctx.neighbours(cid, ("owned_by",), "in")
            if isinstance(ctx.get(n), InformationSystem)
            and ctx.get(n).processes_personal_data is True  # type: ignore[attr-defined]
        )
        if systems and ctx.get(cid).has_dpo is not True:  # type: ignore[attr-defined]
            yield Hit(cid, field=("has_dpo",), params={"systems": msg.ref(ctx.graph, *systems)})


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
SIGNING_HOPS = 2  # from a delivering system to a signing application


def signed_results(ctx: CheckContext, p: NoParams) -> Iterator[Hit]:
    """A service's results are signed: ``result_signed`` or a delivering system that uses a
    digital-signature application within two steps of use."""
    # A one-stop system delivers thousands of services: whether it signs is asked once.
    signs: dict[str, bool] = {}

    def signing(app: str) -> bool:
        found = signs.get(app)
        if found is None:
            found = signs[app] = any(
                getattr(ctx.get(other), "app_type", None) == "digital_signature"
                for other in ctx.reach(app, USE_EDGES, "out", max_hops=SIGNING_HOPS)
            )
        return found

    for cid in ctx.subjects:
        if ctx.get(cid).result_signed is True:  # type: ignore[attr-defined]
            continue
        if not any(signing(app) for app, _e in ctx.neighbours(cid, ("delivers",), "in")):
            yield Hit(cid, field=("result_signed",))


# A scope's edges and hops read from the parameters.
_edge, _edges, _steps = attrgetter("edge"), attrgetter("edges"), attrgetter("max_hops")

CHECKS: tuple[CheckType[Any], ...] = (
    CheckType("required_relation", required_relation, RequiredRelation, Along(_edge)),
    CheckType("forbidden_relation", forbidden_relation, ForbiddenRelation, Along(_edge)),
    CheckType("path_exists", path_exists, PathExists, Along(_edges, _steps), whole_walk=True),
    CheckType(
        "reaches_several", reaches_several, ReachesSeveral, Along(_edges, _steps), python=True
    ),
    CheckType(
        "relation_attributes", relation_attributes, RelationAttributes, Along(_edges), python=True
    ),
    CheckType("level_gate", level_gate, LevelGate, Along(_edges), python=True),
    CheckType("hosting_level", hosting_level, HostingLevel, Along(("hosted_on",)), python=True),
    # system -> hosting data centre <- protecting capability
    CheckType("protected", protected, Protected, Along(("hosted_on", "protects"), 2), python=True),
    CheckType("orphan", orphan, NoParams, Along(None), python=True),
    CheckType(
        "dpo_for_personal_data", dpo_for_personal_data, NoParams, Along(("owned_by",)), python=True
    ),
    # service <- delivering system -> up to SIGNING_HOPS steps of use
    CheckType(
        "signed_results",
        signed_results,
        NoParams,
        Along(("delivers", *USE_EDGES), 1 + SIGNING_HOPS),
        python=True,
    ),
)
