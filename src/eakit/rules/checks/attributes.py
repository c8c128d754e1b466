"""Checks that read their subject's own fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import Field, model_validator

from eakit.rules import messages as msg
from eakit.rules.checks.base import CheckType, FieldName, FieldNames, Own, Params
from eakit.rules.context import CheckContext, Hit
from eakit.rules.selectors import field_getter, field_value, is_empty


def _field_path(dotted: str) -> tuple[str | int, ...]:
    return tuple(dotted.split("."))


class RequiredAttribute(Params):
    field: FieldNames
    equals: Any = None


def required_attribute(ctx: CheckContext, p: RequiredAttribute) -> Iterator[Hit]:
    """Every subject has the field(s) set (and equal to ``equals`` when given).

    ``false`` counts as not set: a required flag such as ``security_dossier.approved``
    must be true.
    """
    has_wanted = "equals" in p.model_fields_set
    wanted = p.equals
    getters = [(name, field_getter(name)) for name in p.field]
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


Bound = int | float | Literal["$as_of_year", "$horizon"] | None


class AttributeInRange(Params):
    field: FieldName
    min: Bound = None
    max: Bound = None
    values: tuple[Any, ...] | None = Field(None, min_length=1)
    required: bool = False


def _year_bound(ctx: CheckContext, bound: Bound) -> Any:
    # Bounds can follow the model: "$as_of_year" and "$horizon".
    if bound == "$as_of_year":
        return ctx.as_of.year
    if bound == "$horizon":
        return ctx.horizon
    return bound


def attribute_in_range(ctx: CheckContext, p: AttributeInRange) -> Iterator[Hit]:
    """The field's value lies within ``min``/``max`` or among ``values``."""
    name = p.field
    low, high, values = _year_bound(ctx, p.min), _year_bound(ctx, p.max), p.values
    for cid in ctx.subjects:
        found = field_value(ctx.get(cid), name)
        found = getattr(found, "value", found)
        if found is None:
            if p.required:
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


class StatusYear(Params):
    require: Literal["target_in_horizon", "since_not_after_as_of", "retired_in_set"]


def status_year(ctx: CheckContext, p: StatusYear) -> Iterator[Hit]:
    """Lifecycle years agree with the status and the model's dates."""
    require = p.require
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
                    params={"value": target, "year": year, "horizon": ctx.horizon},
                )
        elif require == "since_not_after_as_of":
            if component.since is not None and component.since > year:
                yield Hit(cid, field=("since",), params={"value": component.since, "year": year})
        elif require == "retired_in_set":
            retired = component.retired_in
            if retired is None or retired > year:
                yield Hit(cid, field=("retired_in",), params={"value": retired, "year": year})


# Tables keyed by security level: YAML keys may be written as text ("3").
ByLevel = Mapping[int, float]


def _by_level(table: ByLevel, level: Any) -> Any:
    """The entry of ``table`` for ``level``, or ``None``."""
    return None if level is None else table.get(int(level))


class RecentDate(Params):
    field: FieldName
    max_days: int | None = Field(None, ge=0)
    by_level: dict[int, int] | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> RecentDate:
        if (self.max_days is None) == (self.by_level is None):
            raise ValueError("give either 'max_days' or 'by_level'")
        return self


def recent_date(ctx: CheckContext, p: RecentDate) -> Iterator[Hit]:
    """A date field is set and at most ``max_days`` old at the check date; with
    ``by_level`` (security level -> days) the limit follows the subject's level, and a
    subject whose level has no entry is not concerned."""
    name = p.field
    for cid in ctx.subjects:
        component = ctx.get(cid)
        if p.by_level is not None:
            limit = _by_level(p.by_level, field_value(component, "security_level"))
            if limit is None:
                continue
        else:
            limit = p.max_days
        value = field_value(component, name)
        if value is None:
            yield Hit(cid, field=(name,), params={"days": limit, "value": "—"})
        elif not isinstance(value, dt.date) or (ctx.as_of - value).days > int(limit):
            shown_value = value if isinstance(value, dt.date) else str(value)
            yield Hit(cid, field=(name,), params={"days": limit, "value": shown_value})


class MinimumByLevel(Params):
    field: FieldName
    by_level: dict[int, int | float]


def minimum_by_level(ctx: CheckContext, p: MinimumByLevel) -> Iterator[Hit]:
    """A number field is at least the minimum ``by_level`` (security level -> minimum)
    gives for the subject's level."""
    name = p.field
    for cid in ctx.subjects:
        component = ctx.get(cid)
        wanted = _by_level(p.by_level, field_value(component, "security_level"))
        if wanted is None:
            continue
        value = field_value(component, name)
        if value is None or value < wanted:
            yield Hit(
                cid,
                field=(name,),
                params={"minimum": wanted, "value": "—" if value is None else value},
            )


class EndedBy(Params):
    field: FieldName
    date: dt.date


def ended_by(ctx: CheckContext, p: EndedBy) -> Iterator[Hit]:
    """A date field is set and not after ``date`` (a unit that must have ended by then)."""
    name, last = p.field, p.date
    for cid in ctx.subjects:
        value = field_value(ctx.get(cid), name)
        if value is None or value > last:
            yield Hit(cid, field=(name,), params={"date": last, "value": value or "—"})


CHECKS: tuple[CheckType[Any], ...] = (
    CheckType("required_attribute", required_attribute, RequiredAttribute, Own()),
    CheckType("attribute_in_range", attribute_in_range, AttributeInRange, Own()),
    CheckType("status_year", status_year, StatusYear, Own()),
    CheckType("recent_date", recent_date, RecentDate, Own(), python=True),
    CheckType("minimum_by_level", minimum_by_level, MinimumByLevel, Own(), python=True),
    CheckType("ended_by", ended_by, EndedBy, Own(), python=True),
)
