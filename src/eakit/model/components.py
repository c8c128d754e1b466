"""The typed component kinds of the eakit model format (pydantic v2).

A class per framework kind (its own fields), one class for every generic ArchiMate kind
(:class:`GenericComponent`); :data:`Component` is their discriminated union. Which kinds
exist, their layers and labels come from the metamodel registry (:mod:`eakit.metamodel`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from eakit.messages import date_words, say
from eakit.metamodel.layers import Layer
from eakit.metamodel.registry import KIND_SPECS
from eakit.model.refs import Ref
from eakit.text import escape_code, has_control, nfc

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
Year = Annotated[int, Field(ge=1990, le=2100)]
SecurityLevel = Annotated[int, Field(ge=1, le=5)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]

AgencyRef = Annotated[Id, Ref(("agency",), "owned_by")]


def _ref(*kinds: str, edge: str, reverse: bool = False) -> Ref:
    return Ref(tuple(kinds), edge, reverse)


INFORMATION_SYSTEM_KINDS = ("application", "database", "portal", "integration_platform")


class Status(StrEnum):
    """Lifecycle state of a component relative to the model's ``as_of`` date."""

    CURRENT = "current"
    PLANNED = "planned"
    RETIRED = "retired"


class Scope(StrEnum):
    """Whose component it is: the province's own, a national system, or another locality's."""

    PROVINCIAL = "provincial"
    NATIONAL = "national"
    EXTERNAL = "external"


TEXT_IS_NFC = "text_is_nfc"
"""Validation context key: the caller's text is NFC already (the loader's files are)."""


class Strict(BaseModel):
    """Base for every model-format object: unknown keys are errors, text is NFC."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _normalise_text(cls, data: object, info: ValidationInfo) -> object:
        # The loader reads whole files as NFC and says so (context ``text_is_nfc``); this
        # covers objects built in code (imports, tests).
        if info.context and info.context.get(TEXT_IS_NFC):
            return data
        return _nfc_all(data)


class Typed(Strict):
    """Base for the objects of model files (components, relations): a value of another
    YAML type is refused, not converted (``security_level: true`` is not 1, ``shared: 1``
    not true). Enums and dates are read from text, as YAML gives them."""

    model_config = ConfigDict(strict=True)


class _DateOrText:
    """A date, or text pydantic reads as one (YAML gives dates as text). A number is
    refused: pydantic's lax mode would read ``valid_to: 0`` as 1 January 1970."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        date_or_text = core_schema.union_schema(
            [
                core_schema.is_instance_schema(dt.date),
                core_schema.str_schema(strict=True, strip_whitespace=False),
            ],
            custom_error_type="date_type",
        )
        return core_schema.chain_schema([date_or_text, core_schema.date_schema(strict=False)])

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.date_schema())


Date = Annotated[dt.date, _DateOrText()]


def _nfc_all(value: object) -> object:
    # Every string in a value, at any depth (free-form ``properties`` included, keys too).
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {_nfc_all(k): _nfc_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    return value


class BaseComponent(Typed):
    """Fields shared by every kind."""

    @field_validator("valid_to")
    @classmethod
    def _not_before_valid_from(cls, value: dt.date | None, info: ValidationInfo) -> object:
        start = info.data.get("valid_from")
        if value is not None and start is not None and value < start:
            raise ValueError(
                say(
                    "model.ends_before_start",
                    end=date_words(value),
                    start=date_words(start),
                )
            )
        return value

    def exists_on(self, when: dt.date) -> bool:
        """Whether ``when`` lies within ``valid_from``..``valid_to`` (both inclusive): a
        component outside its period is not judged at that date."""
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )

    layer: ClassVar[Layer]
    label: ClassVar[str]
    label_en: ClassVar[str]

    id: Id = Field(description="Unique id across the model: lower-case letters, digits, '-'.")
    name: Text = Field(description="Vietnamese name, shown first everywhere.")
    name_en: Text | None = Field(None, description="English name.")
    description: Text | None = Field(None, description="What it is and why it matters.")
    description_en: Text | None = None
    status: Status = Field(Status.CURRENT, strict=False, description="current | planned | retired")
    since: Year | None = Field(None, description="Year it came into operation.")
    target: Year | None = Field(None, description="Target year of a planned component.")
    retired_in: Year | None = Field(None, description="Year a retired component was retired.")
    valid_from: Date | None = Field(
        None, description="First day it exists (an agency established, a system set up)."
    )
    valid_to: Date | None = Field(
        None,
        description="Last day it exists (dissolved, merged): not judged at a later check date.",
    )
    scope: Scope = Field(
        Scope.PROVINCIAL, strict=False, description="provincial | national | external"
    )
    replaces: list[Annotated[Id, _ref(edge="replaces")]] = Field(default_factory=list)
    depends_on: list[Annotated[Id, _ref(edge="depends_on")]] = Field(default_factory=list)
    tags: list[Annotated[str, StringConstraints(min_length=1, max_length=80)]] = Field(
        default_factory=list
    )
    source: Text | None = Field(None, description="Where the fact comes from (citation).")
    properties: dict[str, str | int | float | bool] = Field(
        default_factory=dict, description="Free-form attributes eakit does not interpret."
    )

    @field_validator("name", "name_en")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        # Names are printed everywhere (terminals, CI logs, diagrams, sheets): a control
        # character in one is a mistake or an attack. Outputs escape them anyway.
        if value is not None:
            char = has_control(value)
            if char is not None:
                raise ValueError(say("model.name_control", code=escape_code(char)))
        return value


class SecurityDossier(Typed):
    """The approved security-level dossier (hồ sơ đề xuất cấp độ) of an information system."""

    approved: bool = False
    decision_ref: Text | None = Field(None, description="Number of the approving decision.")
    date: Date | None = None
    approved_by: Text | None = None
    protection_plan: bool = Field(False, description="An approved protection plan exists.")


class InformationSystem(BaseComponent):
    """Fields of every information system (application, database, portal, platform)."""

    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = Field(
        None, description="Owning agency (chủ quản)."
    )
    operator: Annotated[Id, _ref("agency", edge="operated_by")] | None = Field(
        None, description="Operating agency (đơn vị vận hành)."
    )
    hosted_on: Annotated[Id, _ref("data_centre", edge="hosted_on")] | None = None
    security_level: SecurityLevel | None = Field(None, description="Cấp độ an toàn 1..5.")
    security_dossier: SecurityDossier | None = None
    processes_personal_data: bool | None = None
    internet_facing: bool | None = None
    vendor: Text | None = None
    url: Text | None = None
    based_on: Annotated[Id, _ref(*INFORMATION_SYSTEM_KINDS, edge="based_on")] | None = None
    security_assessed: Date | None = Field(
        None, description="Date of its last periodic security check and assessment."
    )
    log_retention_months: Annotated[int, Field(ge=0, le=600)] | None = Field(
        None, description="How many months its security logs are kept."
    )
    breach_notification: bool | None = Field(
        None, description="A procedure reports personal-data breaches within 72 hours."
    )
    ipv6_ready: bool | None = Field(None, description="Reachable over IPv6.")


# --- users and channels -----------------------------------------------------------------


class Actor(BaseComponent):
    """A group of users: citizens, enterprises, civil servants, leaders, other agencies."""

    kind: Literal["actor"]
    actor_type: Literal["citizen", "enterprise", "civil_servant", "leader", "other_agency"]


class Channel(BaseComponent):
    """An access channel: web, mobile app, one-stop counter, hotline, kiosk, ..."""

    kind: Literal["channel"]
    channel_type: Literal[
        "web",
        "mobile_app",
        "one_stop_counter",
        "hotline",
        "email",
        "sms",
        "kiosk",
        "social_media",
        "postal",
    ]
    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = None
    serves: list[Annotated[Id, _ref("actor", edge="serves")]] = Field(default_factory=list)


# --- portals and public services -----------------------------------------------------------


class Portal(InformationSystem):
    """A portal or website (Cổng thông tin điện tử), provincial or national."""

    kind: Literal["portal"]
    portal_type: Literal[
        "provincial_portal", "agency_portal", "public_service_portal", "open_data_portal"
    ]
    links_to: list[Annotated[Id, _ref("portal", "public_service", edge="links_to")]] = Field(
        default_factory=list
    )


class PublicService(BaseComponent):
    """An (online) public service for an administrative procedure (dịch vụ công)."""

    kind: Literal["public_service"]
    procedure_code: Text | None = Field(None, description="Code in the national TTHC database.")
    level: Literal["full", "partial", "1", "2", "3", "4"] | None = Field(
        None, description="full | partial (Decree 42/2022); 1..4 for historic models."
    )
    provider: Annotated[Id, _ref("agency", edge="provided_by")] | None = None
    delivered_by: (
        Annotated[Id, _ref("application", "portal", edge="delivers", reverse=True)] | None
    ) = None
    channels: list[Annotated[Id, _ref("channel", edge="uses_channel")]] = Field(
        default_factory=list
    )
    fee: bool | None = None
    result_signed: bool | None = None
    sector: Text | None = None

    @field_validator("level", mode="before")
    @classmethod
    def _level_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


# --- business ------------------------------------------------------------------------------


class Agency(BaseComponent):
    """An organisation: People's Committee, department, commune, the provincial Public
    Administrative Service Centre, ministry, ... (districts are historic units: the
    district level ended on 30/06/2025)."""

    kind: Literal["agency"]
    agency_type: Literal[
        "provincial_people_committee",
        "department",
        "district",
        "commune",
        "public_service_centre",
        "public_service_unit",
        "ministry",
        "national_agency",
        "other_locality",
    ]
    parent: Annotated[Id, _ref("agency", edge="part_of")] | None = None
    successor: Annotated[Id, _ref("agency", edge="succeeded_by")] | None = None
    computer_ratio: Annotated[float, Field(ge=0, le=1)] | None = Field(
        None, description="Computers per official (0..1)."
    )
    has_dpo: bool | None = Field(None, description="A personal-data protection function exists.")


class BusinessFunction(BaseComponent):
    """A business function or sector area (lĩnh vực nghiệp vụ)."""

    kind: Literal["business_function"]
    lead_agency: Annotated[Id, _ref("agency", edge="led_by")] | None = None
    sector: Text | None = None


# --- applications and data ---------------------------------------------------------------


class Application(InformationSystem):
    """An application or information system (hệ thống thông tin, phần mềm ứng dụng)."""

    kind: Literal["application"]
    app_type: Literal[
        "public_service_system",
        "document_management",
        "e_office",
        "email",
        "reporting",
        "digital_signature",
        "sso",
        "video_conference",
        "egov_platform",
        "sector",
        "other",
    ] = "other"
    shared: bool = Field(False, description="Shared across the province (dùng chung).")
    deployed_at: list[Annotated[Id, _ref("agency", edge="deployed_at")]] = Field(
        default_factory=list, description="Agencies where it is in use."
    )


class Database(InformationSystem):
    """A database: national, sector, shared provincial, catalogue or warehouse."""

    kind: Literal["database"]
    db_type: Literal["national", "sector", "shared", "catalogue", "warehouse", "open_data"]
    classification: Literal["core", "important", "other"] | None = None
    master_for: list[Text] = Field(default_factory=list, description="Data it is master of.")
    dpia_ref: Text | None = Field(None, description="Personal-data impact assessment ref.")
    mandatory_connection: bool | None = Field(
        None, description="On the list of databases that must connect (Decree 278/2025)."
    )
    risk_assessed: Date | None = Field(
        None, description="Date of its last risk assessment (core and important data)."
    )
    catalogue_published: bool | None = Field(
        None, description="Its open-data catalogue is published on the National Data Portal."
    )


# --- integration -----------------------------------------------------------------------------


class IntegrationPlatform(InformationSystem):
    """An integration and data-sharing platform: LGSP, NDXP/NGSP, document axis, ..."""

    kind: Literal["integration_platform"]
    platform_type: Literal[
        "lgsp",
        "ndxp",
        "document_axis",
        "public_service_hub",
        "identity",
        "payment",
        "notification",
        "reporting",
    ]


# --- technical infrastructure ----------------------------------------------------------------


class DataCentre(BaseComponent):
    """A data centre, DR site, cloud or server room."""

    kind: Literal["data_centre"]
    dc_type: Literal["data_centre", "dr_site", "cloud", "server_room"] = "data_centre"
    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = None
    operator: Annotated[Id, _ref("agency", edge="operated_by")] | None = None
    security_level: SecurityLevel | None = None
    redundancy: bool | None = Field(None, description="Redundant power and network.")
    location: Text | None = None
    connected_to: list[Annotated[Id, _ref("network", edge="connects_to")]] = Field(
        default_factory=list
    )


class Network(BaseComponent):
    """A network: the specialised data network (TSLCD), WAN, Internet gateway."""

    kind: Literal["network"]
    network_type: Literal["tslcd", "internet_gateway", "wan", "internet"]
    network_level: Literal["I", "II"] | None = Field(None, description="TSLCD level I or II.")
    phase: Annotated[int, Field(ge=1, le=20)] | None = None
    connection_points: Annotated[int, Field(ge=0)] | None = None
    provider: Text | None = None
    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = None
    operator: Annotated[Id, _ref("agency", edge="operated_by")] | None = None
    located_in: Annotated[Id, _ref("data_centre", edge="located_in")] | None = None
    connected_to: list[Annotated[Id, _ref("network", edge="connects_to")]] = Field(
        default_factory=list
    )


class Lan(BaseComponent):
    """An agency's local area network (mạng LAN)."""

    kind: Literal["lan"]
    agency: Annotated[Id, _ref("agency", edge="belongs_to")]
    connected_to: list[Annotated[Id, _ref("network", edge="connects_to")]] = Field(
        default_factory=list
    )
    internet_access: bool | None = None


# --- security ---------------------------------------------------------------------------------


class SecurityCapability(BaseComponent):
    """A security capability: SOC, firewall, WAF, backup, incident response, ..."""

    kind: Literal["security_capability"]
    capability_type: Literal[
        "soc",
        "firewall",
        "waf",
        "ids_ips",
        "backup",
        "antimalware",
        "incident_response",
        "monitoring",
        "professional_protection",
        "independent_assessment",
    ]
    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = None
    operator: Annotated[Id, _ref("agency", edge="operated_by")] | None = None
    located_in: Annotated[Id, _ref("data_centre", edge="located_in")] | None = None
    protects: list[
        Annotated[
            Id,
            _ref(*INFORMATION_SYSTEM_KINDS, "data_centre", "network", "lan", edge="protects"),
        ]
    ] = Field(default_factory=list)


# --- governance -------------------------------------------------------------------------------


class RoadmapItem(BaseComponent):
    """A task or project of the roadmap (nhiệm vụ, dự án) for a plan period."""

    kind: Literal["roadmap_item"]
    period: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{4}$")] | None = Field(
        None, description="Plan period, e.g. 2016-2020."
    )
    lead_agency: Annotated[Id, _ref("agency", edge="led_by")] | None = None
    realises: list[Annotated[Id, _ref(edge="realises")]] = Field(default_factory=list)
    funding: Text | None = None
    recurring: bool = Field(False, description="A recurring task (nhiệm vụ thường xuyên).")
    investment_decision: Text | None = Field(
        None, description="Number of the decision approving the investment."
    )
    conformity_appraisal: Text | None = Field(
        None, description="Appraisal of its conformity with the architecture (number, by whom)."
    )


GENERIC_KINDS: tuple[str, ...] = tuple(k for k, spec in KIND_SPECS.items() if not spec.framework)
"""The kinds of :class:`GenericComponent`, in the registry's order."""


class GenericComponent(BaseComponent):
    """An ArchiMate 3.2 element without a framework kind of its own (a business process,
    an application service, a capability, ...). Every such kind has these fields;
    ``description`` holds the element's documentation."""

    # One class for every generic kind: its layer and labels are read, per object, from
    # the registry entry of its ``kind``.

    kind: Literal[GENERIC_KINDS]  # type: ignore[valid-type]
    owner: Annotated[Id, _ref("agency", edge="owned_by")] | None = Field(
        None, description="Responsible agency."
    )

    # Per instance: the class serves every generic kind.
    @property
    def layer(self) -> Layer:  # type: ignore[override]
        return KIND_SPECS[self.kind].layer

    @property
    def label(self) -> str:  # type: ignore[override]
        return KIND_SPECS[self.kind].label

    @property
    def label_en(self) -> str:  # type: ignore[override]
        return KIND_SPECS[self.kind].label_en


_FRAMEWORK_CLASSES: tuple[type[BaseComponent], ...] = (
    Actor,
    Channel,
    Portal,
    PublicService,
    Agency,
    BusinessFunction,
    Application,
    Database,
    IntegrationPlatform,
    DataCentre,
    Network,
    Lan,
    SecurityCapability,
    RoadmapItem,
)


def _declared_kind(cls: type[BaseComponent]) -> str:
    return cls.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr, no-any-return]


def _kind_classes() -> dict[str, type[BaseComponent]]:
    own = {_declared_kind(cls): cls for cls in _FRAMEWORK_CLASSES}
    classes: dict[str, type[BaseComponent]] = {}
    for kind, spec in KIND_SPECS.items():
        if spec.framework:
            if kind not in own:
                raise RuntimeError(f"framework kind '{kind}' has no component class")
            cls = own.pop(kind)
            # An element from another tool becomes a default kind with what the file says:
            # a required field would have to be guessed.
            required = {n for n, f in cls.model_fields.items() if f.is_required()}
            if spec.archimate_default and required - {"id", "name", "kind"}:
                raise RuntimeError(
                    f"kind '{kind}' is the default of {spec.archimate} but requires "
                    f"{sorted(required - {'id', 'name', 'kind'})}"
                )
            # The registry is the one place a kind's layer and labels are written.
            cls.layer = spec.layer
            cls.label = spec.label
            cls.label_en = spec.label_en
        else:
            cls = GenericComponent
        classes[kind] = cls
    if own:
        raise RuntimeError(f"component classes without a registry entry: {sorted(own)}")
    return classes


KIND_CLASSES: dict[str, type[BaseComponent]] = _kind_classes()
"""The class of every kind, in the registry's order (:class:`GenericComponent` for every
generic kind: read a kind's layer and labels from :mod:`eakit.metamodel`, not from its
class)."""

COMPONENT_CLASSES: tuple[type[BaseComponent], ...] = (*_FRAMEWORK_CLASSES, GenericComponent)
"""Every component class, once."""

Component: Any = Annotated[
    Union[COMPONENT_CLASSES],  # type: ignore[valid-type]  # noqa: UP007
    Field(discriminator="kind"),
]
"""Any component, discriminated by ``kind``."""


def kind_of(component: BaseComponent) -> str:
    """The ``kind`` string of a component object."""
    return component.kind  # type: ignore[attr-defined, no-any-return]
