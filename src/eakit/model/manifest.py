"""The model manifest ``eakit.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from eakit.model.components import Id, Strict, Text, Year
from eakit.model.views import ViewList

FRAMEWORKS = ("vn-egov-1.0", "vn-egov-2.0", "vn-egov-3.0", "vn-dgov-4.0")


class Approval(Strict):
    """The decision approving the architecture document."""

    decision_ref: Text
    date: dt.date | None = None
    issuer: Text | None = None


class Architecture(Strict):
    """What the model describes, for which framework, at which date."""

    id: Id
    name: Text
    name_en: Text | None = None
    description: Text | None = None
    description_en: Text | None = None
    framework: Literal[FRAMEWORKS] = Field(  # type: ignore[valid-type]
        description="National framework the architecture follows."
    )
    version: Text | None = None
    as_of: dt.date = Field(description="The date of the 'current' state.")
    horizon: Year = Field(description="Target year of the architecture.")
    province: Id | None = Field(None, description="Id of the province's People's Committee.")
    owner_agency: Id | None = Field(None, description="Agency that owns the architecture.")
    approval: Approval | None = None
    adopted_from: Text | None = Field(None, description="Architecture this one was adapted from.")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: Text | None = Field(None, description="What replaced this architecture.")
    sources: list[Text] = Field(default_factory=list)


class RulesConfig(Strict):
    """Which rule packs apply and how."""

    packs: list[Text] = Field(
        default_factory=list,
        description=(
            "Rule packs that apply: built-in names or paths to pack files; none: the pack "
            "of the framework in force at the check date."
        ),
    )
    disable: list[Text] = Field(default_factory=list)
    severity: dict[Text, Literal["error", "warning", "info"]] = Field(
        default_factory=dict, description="Severity overrides by rule id or glob."
    )


class Manifest(Strict):
    """``eakit.yaml``: the root of a model."""

    eakit: Literal[1] = Field(description="Model format version.")
    architecture: Architecture
    include: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=lambda: ["**/*.yaml"]
    )
    exclude: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    rules: RulesConfig = Field(default_factory=RulesConfig)
    waivers: Text | None = None
    views: ViewList | None = Field(
        None, description="Diagram views (queries over the model); default: the built-in views."
    )
