"""Relations between components and the relation-type registry (kept as data)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Literal, NotRequired, TypedDict

import yaml
from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from eakit.messages import say
from eakit.model.components import Id, Status, Text, Typed, Year


@dataclass(frozen=True)
class RelationType:
    """One relation type: its labels both ways and the kinds it may connect."""

    name: str
    label: str
    label_en: str
    reverse: str
    reverse_en: str
    from_kinds: frozenset[str]
    to_kinds: frozenset[str]
    archimate: str
    archimate_reverse: bool = False
    access_type: str | None = None
    archimate_table: bool = False
    #: Which end stops working when the other fails: ``"from"``, ``"to"`` or ``"none"``.
    dependent: Literal["from", "to", "none"] = "none"

    def words(self, lang: str, *, reverse: bool = False) -> str:
        """The type's name in ``lang`` read from its source (``reverse``: from its target)
        as a phrase in running text: the "…" standing for the other end is dropped
        ("do … vận hành" reads "do vận hành")."""
        if reverse:
            text = self.reverse_en if lang == "en" else self.reverse
        else:
            text = self.label_en if lang == "en" else self.label
        return text.replace(" … ", " ")

    def allows(self, source_kind: str, target_kind: str) -> bool:
        """Whether a relation of this type may go from ``source_kind`` to ``target_kind``."""
        return ("*" in self.from_kinds or source_kind in self.from_kinds) and (
            "*" in self.to_kinds or target_kind in self.to_kinds
        )


# One entry of ``relation_types.yaml`` (functional form: ``from`` is a keyword).
_RelationSpec = TypedDict(
    "_RelationSpec",
    {
        "name": str,
        "name_en": str,
        "reverse": str,
        "reverse_en": str,
        "from": list[str],
        "to": list[str],
        "archimate": str,
        "archimate_reverse": NotRequired[bool],
        "access_type": NotRequired[str],
        "archimate_table": NotRequired[bool],
        "dependent": NotRequired[Literal["from", "to", "none"]],
    },
)


@cache
def _registry() -> dict[str, _RelationSpec]:
    # The C loader: this runs at import time of every command.
    text = resources.files("eakit.data").joinpath("relation_types.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def relation_types() -> dict[str, RelationType]:
    """The relation types shipped in ``eakit/data/relation_types.yaml``, by name."""
    raw = _registry()
    return {
        name: RelationType(
            name=name,
            label=spec["name"],
            label_en=spec["name_en"],
            reverse=spec["reverse"],
            reverse_en=spec["reverse_en"],
            from_kinds=frozenset(spec["from"]),
            to_kinds=frozenset(spec["to"]),
            archimate=spec["archimate"],
            archimate_reverse=spec.get("archimate_reverse", False),
            access_type=spec.get("access_type"),
            archimate_table=spec.get("archimate_table", False),
            dependent=spec.get("dependent", "none"),
        )
        for name, spec in raw.items()
    }


RELATION_TYPE_NAMES = tuple(_registry())
AccessType = Literal["access", "read", "write", "readwrite"]
# The relation type each ArchiMate-only attribute belongs to.
ATTRIBUTE_OWNER = {"access_type": "access", "strength": "influence", "directed": "association"}
RelationTypeName = Literal[RELATION_TYPE_NAMES]  # type: ignore[valid-type]


class Relation(Typed):
    """A relation declared in a ``relations:`` list."""

    from_: Id = Field(alias="from", description="Id of the source component.")
    to: Id = Field(description="Id of the target component.")
    type: RelationTypeName = Field(description="Relation type (see the relation table).")
    description: Text | None = None
    status: Status = Field(Status.CURRENT, strict=False)
    since: Year | None = None
    target: Year | None = None
    protocol: Annotated[str, StringConstraints(max_length=80)] | None = Field(
        None, description="REST, SOAP, SFTP, ..."
    )
    standard_ref: Text | None = Field(None, description="Technical standard, e.g. TT 39/2017.")
    sync_mode: Literal["realtime", "batch", "manual"] | None = None
    agreement_ref: Text | None = Field(None, description="Data-sharing agreement reference.")
    source: Text | None = None
    access_type: AccessType | None = Field(
        None, description="For an 'access': read, write, readwrite or access (unspecified)."
    )
    strength: Annotated[str, StringConstraints(min_length=1, max_length=20)] | None = Field(
        None, description="For an 'influence': its strength or sign (+, ++, -, --, 0..10)."
    )
    directed: bool | None = Field(None, description="For an 'association': it has a direction.")
    properties: dict[str, str | int | float | bool] = Field(
        default_factory=dict, description="Free-form properties (from a modelling tool)."
    )

    @field_validator("access_type", "strength", "directed")
    @classmethod
    def _attribute_fits_the_type(cls, value: object, info: ValidationInfo) -> object:
        owner = ATTRIBUTE_OWNER[str(info.field_name)]
        kind = info.data.get("type")
        if value is not None and kind is not None and kind != owner:
            raise ValueError(say("relation.attribute_owner", owner=owner, kind=kind))
        return value

    model_config = Typed.model_config | {"populate_by_name": True}

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relation: (from, type, to)."""
        return (self.from_, self.type, self.to)
