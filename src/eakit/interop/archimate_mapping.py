"""The mapping between eakit and the ArchiMate 3 exchange format, kept as data.

Export and import are deliberately not mirror images. Every eakit kind and relation
type has exactly one ArchiMate counterpart on export, and the exported file carries
the eakit kind and relation type as properties, so a round trip is exact. A file from
another tool has no such properties: its element and relationship types are mapped by
the import tables below, which only claim what is safe to claim (an ArchiMate
``TechnologyService`` could be anything, so it is not guessed to be a firewall).

``docs/interop.md`` shows these tables; :func:`mapping_markdown` renders them and a
test keeps the page and the data in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eakit.metamodel import KIND_SPECS, generic_kind, kind_for_archimate
from eakit.model import LAYERS, relation_types

# --- ArchiMate vocabulary (from archimate3_Model.xsd) ----------------------------------------

ARCHIMATE_ELEMENT_TYPES: tuple[str, ...] = (
    "BusinessActor",
    "BusinessRole",
    "BusinessCollaboration",
    "BusinessInterface",
    "BusinessProcess",
    "BusinessFunction",
    "BusinessInteraction",
    "BusinessEvent",
    "BusinessService",
    "BusinessObject",
    "Contract",
    "Representation",
    "Product",
    "ApplicationComponent",
    "ApplicationCollaboration",
    "ApplicationInterface",
    "ApplicationFunction",
    "ApplicationInteraction",
    "ApplicationProcess",
    "ApplicationEvent",
    "ApplicationService",
    "DataObject",
    "Node",
    "Device",
    "SystemSoftware",
    "TechnologyCollaboration",
    "TechnologyInterface",
    "Path",
    "CommunicationNetwork",
    "TechnologyFunction",
    "TechnologyProcess",
    "TechnologyInteraction",
    "TechnologyEvent",
    "TechnologyService",
    "Artifact",
    "Equipment",
    "Facility",
    "DistributionNetwork",
    "Material",
    "Stakeholder",
    "Driver",
    "Assessment",
    "Goal",
    "Outcome",
    "Principle",
    "Requirement",
    "Constraint",
    "Meaning",
    "Value",
    "Resource",
    "Capability",
    "CourseOfAction",
    "ValueStream",
    "WorkPackage",
    "Deliverable",
    "ImplementationEvent",
    "Plateau",
    "Gap",
    "Grouping",
    "Location",
    "AndJunction",
    "OrJunction",
)

# Element types newer than the bundled schema: none, the bundled 3.1 schema has them all
# (ValueStream among them).
ARCHIMATE_31_ELEMENT_TYPES: tuple[str, ...] = ()

ARCHIMATE_RELATIONSHIP_TYPES: tuple[str, ...] = (
    "Composition",
    "Aggregation",
    "Assignment",
    "Realization",
    "Serving",
    "Access",
    "Influence",
    "Triggering",
    "Flow",
    "Specialization",
    "Association",
)

ACCESS_TYPES = ("Access", "Read", "Write", "ReadWrite")

# Names of the properties that carry eakit-only attributes. A property definition whose
# name starts with the prefix belongs to eakit; any other property is the user's own and
# goes to (or comes from) a component's free-form ``properties``.
PROPERTY_PREFIX = "eakit:"
KIND_PROPERTY = "eakit:kind"
RELATION_PROPERTY = "eakit:relation"

# Component fields written as names/documentation, or as relationships, not as properties.
TEXT_FIELDS = ("id", "name", "name_en", "description", "description_en", "kind")
# Architecture fields written as the model's name/documentation/identifier.
ARCHITECTURE_TEXT_FIELDS = ("id", "name", "name_en", "description", "description_en")

# --- export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindExport:
    """How one eakit kind is written: its ArchiMate element type and why (a view of the
    metamodel registry, which holds both)."""

    kind: str
    archimate: str
    note: str


KIND_EXPORT: dict[str, KindExport] = {
    kind: KindExport(kind, spec.archimate, spec.note) for kind, spec in KIND_SPECS.items()
}


@dataclass(frozen=True)
class RelationExport:
    """How one eakit relation type is written.

    ``reverse``: the ArchiMate relationship points the other way (a parent *aggregates*
    its child where eakit says the child is ``part_of`` the parent). ``access``: the
    ``accessType`` of an ``Access`` relationship.
    """

    relation: str
    archimate: str
    reverse: bool = False
    access: str | None = None


# The access types of eakit (``access_type``) and of the exchange format (``accessType``).
ACCESS_TYPE_EXPORT = {
    "access": "Access",
    "read": "Read",
    "write": "Write",
    "readwrite": "ReadWrite",
}
ACCESS_TYPE_IMPORT = {value: key for key, value in ACCESS_TYPE_EXPORT.items()}

# Kept with the relation types (``relation_types.yaml``: ``archimate``, ``archimate_reverse``,
# ``access_type``), so a relation type and its ArchiMate relationship are declared once.
RELATION_EXPORT: dict[str, RelationExport] = {
    name: RelationExport(
        name,
        spec.archimate,
        reverse=spec.archimate_reverse,
        access=ACCESS_TYPE_EXPORT[spec.access_type] if spec.access_type else None,
    )
    for name, spec in relation_types().items()
}

# --- import of files from other tools -------------------------------------------------------


@dataclass(frozen=True)
class KindImport:
    """Which eakit kind an ArchiMate element type becomes, with the values assumed for the
    kind's required fields (each assumption is listed in the import report)."""

    archimate: str
    kind: str
    defaults: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def _kind_imports() -> dict[str, KindImport]:
    # An element of another tool becomes the kind the registry gives its type: the
    # framework kind the registry makes its default (ApplicationComponent → application,
    # so the framework's rules judge it), else the generic ArchiMate kind (BusinessActor →
    # business_actor), never a framework kind whose required fields would have to be
    # guessed (an actor is not assumed to be an agency).
    result = {}
    for archimate in ARCHIMATE_ELEMENT_TYPES:
        kind = kind_for_archimate(archimate)
        if kind is None:
            continue
        spec = KIND_SPECS[kind]
        if spec.archimate_default:
            note = f"framework kind by default: {spec.archimate_default}"
            generic = generic_kind(archimate)
            note += f" (`eakit:kind` `{generic}` keeps one generic)" if generic else ""
            result[archimate] = KindImport(archimate, kind, note=note)
        else:
            note = "framework kind: no generic kind has this type" if spec.framework else ""
            result[archimate] = KindImport(archimate, kind, note=note)
    return result


KIND_IMPORT: dict[str, KindImport] = _kind_imports()


@dataclass(frozen=True)
class RelationImport:
    """One rule turning an ArchiMate relationship into an eakit relation.

    It applies when the relationship's type is ``archimate``, its ArchiMate source and
    target have one of ``source_kinds`` / ``target_kinds`` (empty: any kind) and, for
    ``Access``, its access type is in ``access``. With ``reverse`` the eakit relation goes
    from the ArchiMate target to the ArchiMate source. The first matching rule wins.
    """

    archimate: str
    source_kinds: tuple[str, ...]
    target_kinds: tuple[str, ...]
    relation: str
    reverse: bool = False
    access: tuple[str, ...] = ()

    def matches(self, archimate: str, source_kind: str, target_kind: str, access: str) -> bool:
        """Whether the rule applies to a relationship of this type between these kinds."""
        return (
            archimate == self.archimate
            and (not self.source_kinds or source_kind in self.source_kinds)
            and (not self.target_kinds or target_kind in self.target_kinds)
            and (not self.access or access in self.access)
        )


_SYSTEMS = ("application", "portal")
_INFORMATION_SYSTEMS = ("application", "portal", "database", "integration_platform")

RELATION_IMPORT: tuple[RelationImport, ...] = (
    RelationImport("Composition", ("agency",), ("agency",), "part_of", reverse=True),
    RelationImport("Aggregation", ("agency",), ("agency",), "part_of", reverse=True),
    RelationImport(
        "Composition",
        ("data_centre",),
        ("network", "security_capability", "lan"),
        "located_in",
        reverse=True,
    ),
    RelationImport(
        "Aggregation",
        ("data_centre",),
        ("network", "security_capability", "lan"),
        "located_in",
        reverse=True,
    ),
    RelationImport("Assignment", ("agency",), ("public_service",), "provided_by", reverse=True),
    RelationImport(
        "Assignment", ("agency",), ("business_function", "roadmap_item"), "led_by", reverse=True
    ),
    RelationImport("Realization", _SYSTEMS, ("public_service",), "delivers"),
    RelationImport("Realization", ("roadmap_item",), (), "realises"),
    RelationImport("Serving", (*_SYSTEMS, "channel", "public_service"), ("actor",), "serves"),
    RelationImport(
        "Serving", ("application", "database", "portal"), ("business_function",), "supports"
    ),
    RelationImport("Serving", _SYSTEMS, ("agency",), "deployed_at"),
    RelationImport("Serving", ("data_centre",), _INFORMATION_SYSTEMS, "hosted_on", reverse=True),
    RelationImport(
        "Serving",
        ("integration_platform",),
        ("application", "portal", "database"),
        "integrates_with",
        reverse=True,
    ),
    RelationImport(
        "Access",
        (*_SYSTEMS, "integration_platform"),
        ("database",),
        "reads_from",
        access=("Access", "Read"),
    ),
    RelationImport(
        "Access",
        (*_SYSTEMS, "integration_platform"),
        ("database",),
        "writes_to",
        access=("Write", "ReadWrite"),
    ),
    RelationImport("Flow", (*_SYSTEMS, "database"), ("integration_platform",), "integrates_with"),
    RelationImport("Flow", _SYSTEMS, _INFORMATION_SYSTEMS, "exchanges_with"),
    RelationImport(
        "Flow", ("application", "database"), ("database", "data_centre"), "transfers_data_to"
    ),
    RelationImport("Flow", ("security_capability",), ("security_capability",), "reports_to"),
    RelationImport(
        "Association",
        ("lan", "network", "data_centre"),
        ("network",),
        "connects_to",
    ),
)

# --- documentation --------------------------------------------------------------------------


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def mapping_markdown() -> str:
    """The mapping tables as Markdown (the generated part of ``docs/interop.md``)."""
    layer_order = {info.layer: info.order for info in LAYERS}
    kinds = sorted(KIND_SPECS, key=lambda k: (layer_order[KIND_SPECS[k].layer], k))
    lines = ["### Export: eakit kind → ArchiMate element", ""]
    lines += _table(
        ("eakit kind", "label", "ArchiMate element", "why"),
        [
            (
                f"`{k}`",
                f"{KIND_SPECS[k].label} ({KIND_SPECS[k].label_en})",
                f"`{KIND_EXPORT[k].archimate}`",
                KIND_EXPORT[k].note,
            )
            for k in kinds
        ],
    )
    lines += ["", "### Export: eakit relation type → ArchiMate relationship", ""]
    types = relation_types()
    lines += _table(
        ("eakit relation", "label", "ArchiMate relationship", "direction"),
        [
            (
                f"`{name}`",
                f"{types[name].label} ({types[name].label_en})",
                f"`{m.archimate}`" + (f" (`accessType={m.access}`)" if m.access else ""),
                "reversed" if m.reverse else "same",
            )
            for name, m in sorted(RELATION_EXPORT.items())
        ],
    )
    lines += ["", "### Import: ArchiMate element → eakit kind", ""]
    lines += _table(
        ("ArchiMate element", "eakit kind", "assumed values", "note"),
        [
            (
                f"`{t}`",
                f"`{KIND_IMPORT[t].kind}`",
                ", ".join(f"`{k}: {v}`" for k, v in sorted(KIND_IMPORT[t].defaults.items())),
                KIND_IMPORT[t].note,
            )
            for t in ARCHIMATE_ELEMENT_TYPES
            if t in KIND_IMPORT
        ],
    )
    unmapped = [f"`{t}`" for t in ARCHIMATE_ELEMENT_TYPES if t not in KIND_IMPORT]
    lines += ["", "Not mapped (listed in the import report): " + ", ".join(unmapped) + "."]
    lines += ["", "### Import: ArchiMate relationship → eakit relation (first match wins)", ""]
    lines += _table(
        (
            "ArchiMate relationship",
            "from (ArchiMate source)",
            "to (ArchiMate target)",
            "eakit relation",
            "direction",
        ),
        [
            (
                f"`{r.archimate}`" + (f" ({', '.join(r.access)})" if r.access else ""),
                ", ".join(f"`{k}`" for k in r.source_kinds) or "any",
                ", ".join(f"`{k}`" for k in r.target_kinds) or "any",
                f"`{r.relation}`",
                "reversed" if r.reverse else "same",
            )
            for r in RELATION_IMPORT
        ],
    )
    lines += [
        "",
        "A relationship no rule above matches (or whose eakit relation does not fit the "
        "kinds) becomes the eakit relation named after its ArchiMate relationship "
        "(`composition`, `aggregation`, `assignment`, `realization`, `serving`, `access`, "
        "`influence`, `triggering`, `flow`, `specialization`, `association`) when "
        "ArchiMate's table of allowed relationships allows it between the two kinds; with "
        "its access type, influence strength or direction. Otherwise, and when an end is "
        "a relationship or was not kept, the import report lists it.",
        "",
    ]
    return "\n".join(lines) + "\n"
