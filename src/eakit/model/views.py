"""View declarations: which part of the model a diagram shows (manifest ``views:``).

A view is a query over the one model, the way LikeC4 declares views: it includes and
excludes components by id glob, kind, layer and attribute, expands along relations,
groups what it shows and aggregates many similar components into one node. Layout
stays out of the model: there are no coordinates, Graphviz places every node.

A model without ``views:`` gets :data:`BUILTIN_VIEWS`. A model with ``views:`` gets
exactly the views it lists; an entry may be the bare name of a built-in view, or a
mapping whose unset keys are taken from the built-in view of the same name.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    AliasChoices,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from eakit.messages import Bilingual, did_you_mean, in_lang, say
from eakit.model.components import KIND_CLASSES, Strict, Text
from eakit.model.layers import Layer
from eakit.model.relations import RELATION_TYPE_NAMES

# Explicit aliases: with a call inside ``Literal[...]`` mypy would take them for variables.
KindName: TypeAlias = Literal[tuple(KIND_CLASSES)]  # type: ignore[valid-type]
LayerName: TypeAlias = Literal[tuple(layer.value for layer in Layer)]  # type: ignore[valid-type]
RelationName = Literal[RELATION_TYPE_NAMES]  # type: ignore[valid-type]
ViewName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
# Id globs: the id alphabet plus fnmatch wildcards ('*', '?', '[...]').
GLOB_PATTERN = r"^[a-z0-9*?\[\]!-]+$"
Glob = Annotated[str, StringConstraints(pattern=GLOB_PATTERN, max_length=120)]
_GLOB_SCHEMA = {"type": "string", "pattern": GLOB_PATTERN, "description": "An id glob."}
Scalar = bool | int | float | str
FilterValue = Scalar | None | list[Scalar | None]
GroupBy = Literal["layer", "scope", "status", "none"]
Layout = Literal["grid", "flow"]
Direction = Literal["TB", "LR"]


def _check_field_path(path: str, kinds: list[str] | None = None) -> str:
    """Reject attribute paths no component has (a typo would silently match nothing)."""
    from eakit.rules.selectors import field_problem

    problem = field_problem(path, kinds)
    if problem is not None:
        raise ValueError(problem)
    return path


class Selector(Strict):
    """Components matching every given condition (an empty selector matches all): the
    selector language of the rule packs (see ``docs/selectors.md``), any status unless
    ``status`` says."""

    ids: list[Glob] = Field(default_factory=list, description="Id globs, e.g. 'so-*'.")
    kinds: list[KindName] = Field(
        default_factory=list, validation_alias=AliasChoices("kinds", "kind")
    )
    layers: list[LayerName] = Field(
        default_factory=list, validation_alias=AliasChoices("layers", "layer")
    )
    where: dict[str, FilterValue | dict[str, Any]] = Field(
        default_factory=dict,
        description="Field conditions: a value (equal, or among a list field's values), a "
        "list of accepted values, or operators (not, in, not_in, present, contains, gte, "
        "lte, gt, lt). Dotted paths reach nested fields ('security_dossier.approved', "
        "'properties.key'). A value is read by the field's type.",
    )
    status: list[Literal["current", "planned", "retired"]] = Field(default_factory=list)
    any: list[Selector] = Field(default_factory=list, description="Alternatives: one matches.")

    @model_validator(mode="before")
    @classmethod
    def _from_glob(cls, data: Any) -> Any:
        # A bare string is an id glob: ``- "so-*"`` means ``- {ids: ["so-*"]}``.
        if isinstance(data, str):
            return {"ids": [data]}
        if isinstance(data, dict):
            # One kind or layer may be written without a list, as in the rule packs.
            return {k: [v] if k in _LISTED and isinstance(v, str) else v for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _known(self) -> Selector:
        from eakit.rules.selectors import selector_problems

        for where, message in selector_problems(self.written()):
            place = ".".join(map(str, where))
            raise ValueError(Bilingual(f"{place}: {message}", f"{place}: {in_lang(message, 'en')}"))
        return self

    def written(self) -> dict[str, Any]:
        """The selector as the rule packs write it."""
        raw: dict[str, Any] = {
            "ids": self.ids,
            "kind": self.kinds,
            "layer": self.layers,
            "where": self.where,
            "status": self.status,
            "any": [alternative.written() for alternative in self.any],
        }
        return {k: v for k, v in raw.items() if v}

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [_GLOB_SCHEMA, handler(core_schema)]}


_LISTED = frozenset({"kind", "kinds", "layer", "layers", "ids", "status"})


#: A predicate of ``include``/``exclude``/``hub``: an id glob or a selector.
Predicate = Selector


class Aggregate(Strict):
    """Draw many similar components as one node such as "31 mạng LAN cơ quan"."""

    kind: KindName
    by: str | None = Field(None, description="Attribute splitting the groups, e.g. 'agency_type'.")
    min: Annotated[int, Field(ge=1, le=1000)] = Field(
        3, description="Groups with fewer members are drawn node by node."
    )

    @model_validator(mode="after")
    def _known_by(self) -> Aggregate:
        if self.by is not None:
            _check_field_path(self.by, [self.kind])
        return self


class ViewSpec(Strict):
    """One view: a named query over the model plus how to group what it shows."""

    name: ViewName = Field(description="File name of the diagram, e.g. 'overview'.")
    title: Text | None = Field(None, description="Vietnamese title.")
    title_en: Text | None = None
    description: Text | None = None
    include: list[Predicate] = Field(
        default_factory=lambda: [Selector(ids=["*"])], description="Components shown (union)."
    )
    exclude: list[Predicate] = Field(default_factory=list, description="Components removed.")
    expand: list[RelationName] = Field(
        default_factory=list,
        description="Also show what shown components point to over these relation types "
        "(e.g. hosted_on: where they run).",
    )
    relations: list[RelationName] | None = Field(
        None,
        description="Relation types drawn as edges; default: all but the structural ones "
        "(ownership, operation, deployment, hierarchy).",
    )
    references: list[RelationName] = Field(
        default_factory=list,
        description="Relation types shown as numbered references ([1] on the source, "
        "'← [1]' on the target) instead of lines: many long links stay readable.",
    )
    group_by: GroupBy = Field("layer", description="Clusters: layer | scope | status | none.")
    pillars: list[LayerName] = Field(
        default_factory=list,
        description="Layers drawn as side pillars, outside the grouping (right of the stack).",
    )
    first: list[LayerName] = Field(
        default_factory=list,
        description="Layers drawn as their own groups before all others, outside the grouping.",
    )
    hub: list[Predicate] = Field(
        default_factory=list, description="Components drawn as the hub, in their own cluster."
    )
    aggregate: list[Aggregate] = Field(default_factory=list)
    per_agency: list[Predicate] | None = Field(
        None,
        description="Make one view '<name>-<agency id>' per matching agency, showing that "
        "agency's components.",
    )
    direction: Direction = Field("TB", description="TB: groups stacked; LR: side by side.")
    layout: Layout = Field(
        "grid",
        description="grid: each group a band of rows, relations drawn over it (stable when "
        "components are added); flow: relations decide the ranks (network diagrams).",
    )
    row_size: Annotated[int, Field(ge=1, le=40)] | None = Field(
        None,
        description="Nodes side by side in a group before wrapping to a new row; "
        "default: what makes the diagram fit a landscape page best.",
    )
    edge_labels: bool = Field(False, description="Write the relation name on each edge.")

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        # In ``views:`` a bare string names a built-in view.
        if isinstance(data, str):
            builtins = [view.name for view in BUILTIN_VIEWS]
            if data not in builtins:
                raise ValueError(
                    say(
                        "view.not_builtin",
                        name=data,
                        hint=did_you_mean(data, builtins),
                        known=", ".join(builtins),
                    )
                )
            return {"name": data}
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        builtin = {"enum": [view.name for view in BUILTIN_VIEWS], "description": "A built-in view."}
        return {"anyOf": [builtin, handler(core_schema)]}


_STRUCTURAL = (
    "owned_by",
    "operated_by",
    "deployed_at",
    "provided_by",
    "belongs_to",
    "led_by",
    "part_of",
    "succeeded_by",
)
#: Relation types that say who owns or runs what; left out of edges unless a view asks.
STRUCTURAL_RELATIONS: frozenset[str] = frozenset(_STRUCTURAL)

_INTEGRATION_RELATIONS = [
    "integrates_with",
    "exchanges_with",
    "connects_to",
    "reads_from",
    "writes_to",
    "transfers_data_to",
    "authenticates_via",
]

BUILTIN_VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec(
        name="overview",
        title="Tổng quan kiến trúc Chính quyền điện tử",
        title_en="E-government architecture overview",
        description="The framework layers stacked, security and governance as side pillars.",
        group_by="layer",
        pillars=["security", "governance"],
        relations=[*_INTEGRATION_RELATIONS, "delivers", "hosted_on"],
        aggregate=[
            Aggregate(kind="lan", min=2),
            Aggregate(kind="agency", by="agency_type", min=2),
            Aggregate(kind="public_service", by="level", min=4),
            Aggregate(kind="business_function", min=6),
            Aggregate(kind="roadmap_item", by="period", min=4),
            Aggregate(kind="database", by="db_type", min=3),
            Aggregate(kind="security_capability", min=5),
        ],
    ),
    ViewSpec(
        name="integration",
        title="Bản đồ tích hợp, chia sẻ dữ liệu",
        title_en="Integration and data-sharing map",
        description="The LGSP as the hub; direct point-to-point links drawn in red.",
        include=[Selector(kinds=["application", "portal", "database", "integration_platform"])],
        exclude=[Selector(where={"status": "retired"})],
        relations=[*_INTEGRATION_RELATIONS],
        group_by="scope",
        hub=[Selector(kinds=["integration_platform"], where={"platform_type": "lgsp"})],
        aggregate=[Aggregate(kind="database", by="db_type", min=6)],
        direction="LR",
    ),
    ViewSpec(
        name="infrastructure",
        title="Hạ tầng kỹ thuật",
        title_en="Technical infrastructure",
        description="Data centres, the specialised data network, agency LANs, Internet gateway.",
        include=[Selector(kinds=["data_centre", "network", "lan", "security_capability"])],
        relations=["connects_to", "located_in", "protects"],
        group_by="scope",
        layout="flow",
        direction="LR",
        aggregate=[Aggregate(kind="lan", min=2), Aggregate(kind="security_capability", min=6)],
    ),
    ViewSpec(
        name="roadmap",
        title="Hiện trạng và mục tiêu",
        title_en="Current and target state",
        description="Planned components (dashed), retired ones (grey), the tasks realising them.",
        include=[
            Selector(kinds=["roadmap_item"]),
            Selector(where={"status": ["planned", "retired"]}),
        ],
        expand=["realises", "replaces"],
        relations=["realises", "replaces"],
        references=["realises"],
        group_by="status",
        first=["governance"],
        aggregate=[Aggregate(kind="lan", min=2), Aggregate(kind="public_service", by="level")],
    ),
    ViewSpec(
        name="agency",
        title="Cơ quan",
        title_en="Agency",
        description="One view per agency: its services, applications, data and where they run.",
        per_agency=[Selector(kinds=["agency"], where={"scope": "provincial"})],
        expand=["hosted_on", "connects_to", "integrates_with"],
        relations=[*_INTEGRATION_RELATIONS, "delivers", "hosted_on", "uses_channel"],
        group_by="layer",
        aggregate=[Aggregate(kind="public_service", by="level", min=6)],
        edge_labels=True,
    ),
)

BUILTIN_BY_NAME: dict[str, ViewSpec] = {view.name: view for view in BUILTIN_VIEWS}


def effective_views(entries: list[ViewSpec] | None) -> list[ViewSpec]:
    """The views of a model: the built-ins, or the declared ones with built-in defaults."""
    if entries is None:
        return list(BUILTIN_VIEWS)
    views = []
    for entry in entries:
        base = BUILTIN_BY_NAME.get(entry.name)
        if base is None:
            views.append(entry)
            continue
        given = {key: getattr(entry, key) for key in entry.model_fields_set}
        views.append(base.model_copy(update=given))
    return views


def _unique_names(entries: list[ViewSpec]) -> list[ViewSpec]:
    """Reject two views with the same name (they would write the same file)."""
    seen: set[str] = set()
    for entry in entries:
        name = entry.name
        if name in seen:
            raise ValueError(say("view.twice", name=name))
        seen.add(name)
    return entries


#: The type of the manifest's ``views:`` key.
ViewList = Annotated[list[ViewSpec], AfterValidator(_unique_names)]
