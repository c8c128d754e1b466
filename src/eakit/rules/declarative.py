"""The declarative check types a rule pack can use without any Python.

Each function takes the check context and yields :class:`Hit` objects for the subjects
(the components the rule's ``applies_to`` selects in the current view) that fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from eakit.model.refs import ref_fields
from eakit.rules import messages as msg
from eakit.rules.context import CheckContext, Hit, model_subject
from eakit.rules.selectors import field_getter, field_value, is_empty, parse_selector

DeclarativeCheck = Callable[[CheckContext], Iterable[Hit]]


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _field_path(dotted: str) -> tuple[str | int, ...]:
    return tuple(dotted.split("."))


def _year_bound(ctx: CheckContext, bound: Any) -> Any:
    # Bounds can follow the model: "$as_of_year" and "$horizon".
    if bound == "$as_of_year":
        return ctx.as_of.year
    if bound == "$horizon":
        return ctx.horizon
    return bound


def required_attribute(ctx: CheckContext) -> Iterator[Hit]:
    """Every subject has the field(s) set (and equal to ``equals`` when given).

    ``false`` counts as not set: a required flag such as ``security_dossier.approved``
    must be true.
    """
    fields = _names(ctx.params["field"])
    wanted = ctx.params.get("equals", None)
    has_wanted = "equals" in ctx.params
    getters = [(name, field_getter(name)) for name in fields]
    objects = ctx.graph.objects
    for cid in ctx.subjects:
        component = objects[cid]
        missing = []
        for name, get in getters:
            value = get(component)
            if is_empty(value) or value is False or (has_wanted and value != wanted):
                missing.append(name)
        if missing:
            first = missing[0]
            yield Hit(
                cid,
                field=_field_path(first),
                params={
                    "field": msg.fields(*missing),
                    "value": msg.value(first, field_value(component, first)),
                },
            )


def attribute_in_range(ctx: CheckContext) -> Iterator[Hit]:
    """The field's value lies within ``min``/``max`` or among ``values``."""
    name = ctx.params["field"]
    low = _year_bound(ctx, ctx.params.get("min"))
    high = _year_bound(ctx, ctx.params.get("max"))
    values = ctx.params.get("values")
    for cid in ctx.subjects:
        found = field_value(ctx.get(cid), name)
        found = getattr(found, "value", found)
        if found is None:
            if ctx.params.get("required", False):
                yield Hit(
                    cid, field=_field_path(name), params={"field": msg.fields(name), "value": None}
                )
            continue
        bad = (
            (values is not None and found not in values)
            or (low is not None and found < low)
            or (high is not None and found > high)
        )
        if bad:
            yield Hit(
                cid,
                field=_field_path(name),
                params={"field": msg.fields(name), "value": msg.value(name, found)},
            )


def _edge_field(ctx: CheckContext, cid: str, edges: list[str]) -> tuple[str | int, ...]:
    # Point at the reference field that produces the edge, when there is one.
    for ref in ref_fields(type(ctx.get(cid))):
        if ref.ref.edge in edges and not ref.ref.reverse:
            return (ref.name,)
    return ()


def required_relation(ctx: CheckContext) -> Iterator[Hit]:
    """Each subject has at least ``min`` live neighbours over ``edge`` matching ``target``."""
    edges = _names(ctx.params["edge"])
    direction = ctx.params.get("direction", "out")
    wanted = ctx.matcher(parse_selector(ctx.params.get("target")))
    minimum = ctx.params.get("min", 1)
    count = ctx.neighbour_counter(edges, direction, wanted)
    for cid in ctx.subjects:
        found = count(cid, minimum)
        if found < minimum:
            field = _edge_field(ctx, cid, edges) if direction == "out" else ()
            yield Hit(cid, field=field, params={"count": found, "min": minimum})


def forbidden_relation(ctx: CheckContext) -> Iterator[Hit]:
    """No subject has a live ``edge`` to (or from) a component matching ``target``."""
    edges = _names(ctx.params["edge"])
    direction = ctx.params.get("direction", "out")
    forbidden = ctx.matcher(parse_selector(ctx.params.get("target")))
    for cid in ctx.subjects:
        for neighbour, edge in ctx.neighbours(cid, edges, direction):
            if neighbour == cid or not forbidden(neighbour):
                continue
            field: tuple[str | int, ...] = ()
            if edge.relation is None and edge.source == cid:
                field = (edge.origin,)
            other = ctx.get(neighbour)
            yield Hit(
                cid,
                field=field,
                relation=edge.relation if edge.relation is not None else None,
                params={
                    "target": msg.ref(ctx.graph, neighbour),
                    "target_name": msg.ref(ctx.graph, other.id),
                    "edge": msg.Edge(edge.type),
                },
            )


FEW_SUBJECTS = 64


def path_exists(ctx: CheckContext) -> Iterator[Hit]:
    """From each subject a live path over ``edges`` reaches a component matching ``to``."""
    edges = _names(ctx.params["edges"])
    direction = ctx.params.get("direction", "out")
    goal = parse_selector(ctx.params["to"])
    via = parse_selector(ctx.params["via"]) if ctx.params.get("via") else None
    max_hops = ctx.params.get("max_hops")
    if not ctx.subjects:
        return  # (a re-check often has none left to look at)
    goals = set(ctx.select(goal))
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


def cardinality(ctx: CheckContext) -> Iterator[Hit]:
    """The number of selected components lies within ``min``/``max`` (a model-wide rule)."""
    count = len(ctx.subjects)
    minimum = ctx.params.get("min")
    maximum = ctx.params.get("max")
    if (minimum is not None and count < minimum) or (maximum is not None and count > maximum):
        yield Hit(
            model_subject(ctx.graph),
            params={
                "count": count,
                "min": minimum,
                "max": maximum,
                "ids": msg.ref(ctx.graph, *ctx.subjects),
                "listing": msg.listing(ctx.graph, ctx.subjects),
            },
        )


def status_year(ctx: CheckContext) -> Iterator[Hit]:
    """Lifecycle years agree with the status and the model's dates."""
    require = ctx.params["require"]
    year = ctx.as_of.year
    objects = ctx.graph.objects
    for cid in ctx.subjects:
        component = objects[cid]
        if require == "target_in_horizon":
            target = component.target
            if target is None or not year <= target <= ctx.horizon:
                yield Hit(
                    cid,
                    field=("target",),
                    params={
                        "value": target,
                        "year": year,
                        "horizon": ctx.horizon,
                    },
                )
        elif require == "since_not_after_as_of":
            if component.since is not None and component.since > year:
                yield Hit(cid, field=("since",), params={"value": component.since, "year": year})
        elif require == "retired_in_set":
            retired = component.retired_in
            if retired is None or retired > year:
                yield Hit(
                    cid,
                    field=("retired_in",),
                    params={"value": retired, "year": year},
                )


CHECKS: dict[str, DeclarativeCheck] = {
    "required_attribute": required_attribute,
    "attribute_in_range": attribute_in_range,
    "required_relation": required_relation,
    "forbidden_relation": forbidden_relation,
    "path_exists": path_exists,
    "cardinality": cardinality,
    "status_year": status_year,
}

MODEL_WIDE = frozenset({"cardinality"})


def edge_types(check_type: str, params: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The edge types a check walks (``None``: any; an empty tuple: none, it looks at its
    subject alone)."""
    if check_type in ("required_relation", "forbidden_relation"):
        return tuple(_names(params["edge"]))
    if check_type == "path_exists":
        return tuple(_names(params["edges"]))
    if RADIUS.get(check_type) == 0:
        return ()
    return None


# How many hops from its subject each check looks; path_exists looks ``max_hops`` far
# (everywhere without it) and a model-wide check at everything. The engine reuses a
# subject's *now* result at the horizon when nothing planned is that near.
RADIUS: dict[str, int] = {
    "required_attribute": 0,
    "attribute_in_range": 0,
    "status_year": 0,
    "required_relation": 1,
    "forbidden_relation": 1,
}
