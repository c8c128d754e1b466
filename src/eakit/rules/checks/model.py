"""Checks that judge the model as a whole: one verdict, on the model."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field, field_validator

from eakit.messages import did_you_mean, say
from eakit.model.manifest import Architecture
from eakit.rules import messages as msg
from eakit.rules.checks.base import CheckType, Params, WholeModel
from eakit.rules.context import CheckContext, Hit, model_subject
from eakit.rules.selectors import is_empty


class Cardinality(Params):
    min: int | None = Field(None, ge=0)
    max: int | None = Field(None, ge=0)


def cardinality(ctx: CheckContext, p: Cardinality) -> Iterator[Hit]:
    """The number of selected components lies within ``min``/``max``."""
    count = len(ctx.subjects)
    if (p.min is not None and count < p.min) or (p.max is not None and count > p.max):
        yield Hit(
            model_subject(ctx.graph),
            params={
                "count": count,
                "min": p.min,
                "max": p.max,
                "ids": msg.ref(ctx.graph, *ctx.subjects),
                "listing": msg.listing(ctx.graph, ctx.subjects),
            },
        )


class FrameworkInForce(Params):
    versions: dict[str, str] = Field(min_length=1)  # registry doc id -> framework name


def framework_in_force(ctx: CheckContext, p: FrameworkInForce) -> Iterator[Hit]:
    """The manifest's framework is the version in force at the check date."""
    docs = ctx.documents
    in_force = [
        name for doc, name in p.versions.items() if doc in docs and docs[doc].in_force(ctx.as_of)
    ]
    declared = ctx.graph.architecture.framework
    if in_force and declared not in in_force:
        yield Hit(
            model_subject(ctx.graph),
            manifest_field=("architecture", "framework"),
            params={
                "value": msg.Framework((declared,)),
                "expected": msg.Framework(tuple(in_force)),
            },
        )


class ManifestAttribute(Params):
    field: str

    @field_validator("field")
    @classmethod
    def _known(cls, name: str) -> str:
        fields = Architecture.model_fields
        if name not in fields:
            raise ValueError(
                say("pack.no_architecture_field", field=name, hint=did_you_mean(name, fields))
            )
        return name


def manifest_attribute(ctx: CheckContext, p: ManifestAttribute) -> Iterator[Hit]:
    """A field of the manifest's ``architecture`` is set."""
    if is_empty(getattr(ctx.graph.architecture, p.field, None)):
        yield Hit(
            model_subject(ctx.graph),
            manifest_field=("architecture",),
            params={"field": msg.fields(p.field)},
        )


CHECKS: tuple[CheckType[Any], ...] = (
    CheckType("cardinality", cardinality, Cardinality, WholeModel()),
    CheckType(
        "framework_in_force",
        framework_in_force,
        FrameworkInForce,
        WholeModel(subjects=False),
        python=True,
    ),
    CheckType(
        "manifest_attribute",
        manifest_attribute,
        ManifestAttribute,
        WholeModel(subjects=False),
        python=True,
    ),
)
