"""The kind registry as data: one :class:`KindSpec` per component kind.

Pure data with no import of the typed model, so the model's classes can be built from
it. The public reading API is :mod:`eakit.metamodel`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from eakit.metamodel.layers import Layer


class Aspect(StrEnum):
    """The ArchiMate 3.2 layer of a kind's element type; it colours the generic kinds."""

    STRATEGY = "strategy"
    BUSINESS = "business"
    APPLICATION = "application"
    TECHNOLOGY = "technology"
    PHYSICAL = "physical"
    MOTIVATION = "motivation"
    IMPLEMENTATION = "implementation"
    OTHER = "other"


@dataclass(frozen=True)
class KindSpec:
    """Everything eakit says about one component kind, except its fields.

    ``framework``: a kind of the Vietnamese framework with its own pydantic class in
    :mod:`eakit.model.components`, written to ArchiMate as a specialisation of
    ``archimate`` (the element carries ``eakit:kind``); otherwise a generic ArchiMate
    element (class ``GenericComponent``). ``shape``/``style`` are Graphviz
    node attributes; ``fill`` overrides the colour its layer (framework kinds) or its
    ArchiMate aspect (generic kinds) gives it. ``note`` says why a framework kind is
    written as that ArchiMate element type.

    ``archimate_default``: on a framework kind, why it is the general meaning of its
    ArchiMate element type in a Vietnamese provincial architecture; a non-empty reason
    makes it the kind that an element of that type becomes when the file does not name
    an eakit kind (a file from another tool), so the framework's rules judge it. Empty:
    such an element becomes the generic kind of its type. At most one kind per element
    type has a reason, and that kind has no required field besides ``id`` and ``name``
    (nothing has to be guessed; the rules report what the file does not say).
    """

    kind: str
    layer: Layer
    aspect: Aspect
    label: str
    label_en: str
    plural: str
    plural_en: str
    archimate: str
    shape: str
    style: str = ""
    fill: str | None = None
    framework: bool = False
    note: str = ""
    archimate_default: str = ""

    def label_in(self, lang: str) -> str:
        """The singular name in ``lang`` ("en": English, else Vietnamese)."""
        return self.label_en if lang == "en" else self.label

    def plural_in(self, lang: str) -> str:
        """The plural noun (lower case) in ``lang`` ("en": English, else Vietnamese)."""
        return self.plural_en if lang == "en" else self.plural


def _framework(
    kind: str,
    layer: Layer,
    aspect: Aspect,
    labels: tuple[str, str],
    plurals: tuple[str, str],
    archimate: str,
    shape: tuple[str, str],
    fill: str | None = None,
    note: str = "",
    default: str = "",
) -> KindSpec:
    return KindSpec(
        kind,
        layer,
        aspect,
        *labels,
        *plurals,
        archimate,
        *shape,
        fill,
        framework=True,
        note=note,
        archimate_default=default,
    )


def _generic(
    kind: str,
    layer: Layer,
    aspect: Aspect,
    archimate: str,
    labels: tuple[str, str],
    plural_en: str,
    shape: tuple[str, str],
    fill: str | None = None,
) -> KindSpec:
    # A Vietnamese noun does not inflect: its plural is the label in lower case.
    plural = labels[0][0].lower() + labels[0][1:]
    return KindSpec(kind, layer, aspect, *labels, plural, plural_en, archimate, *shape, fill)


_U, _S, _B, _A = Layer.USERS, Layer.SERVICES, Layer.BUSINESS, Layer.APPLICATIONS
_I, _T, _SEC, _G = Layer.INTEGRATION, Layer.INFRASTRUCTURE, Layer.SECURITY, Layer.GOVERNANCE
_BIZ, _APP, _TECH = Aspect.BUSINESS, Aspect.APPLICATION, Aspect.TECHNOLOGY
_PHY, _STR, _MOT = Aspect.PHYSICAL, Aspect.STRATEGY, Aspect.MOTIVATION
_IMP, _OTH = Aspect.IMPLEMENTATION, Aspect.OTHER

# The framework's own kinds, in the order every output lists them.
#
# ``default``: the framework kind an element of its ArchiMate type becomes when the file
# names no eakit kind (a model drawn in Archi, Sparx EA, ...), so the framework's rules
# judge it. Only where the framework kind is the general meaning of the element in a
# provincial architecture, and it has no required field to guess:
# - ApplicationComponent → application: an application component of a provincial
#   architecture is an information system (hệ thống thông tin); the portal and the
#   integration platform are its special cases and must be named (eakit:kind).
# - WorkPackage → roadmap_item: a work package of the implementation and migration part
#   is a task or project of the plan (nhiệm vụ, dự án); that is all it means there.
# Not defaults, on purpose: BusinessActor (an actor may be a citizen, an enterprise or a
# person, not always an agency; agency_type would be guessed), BusinessRole (a role is
# not always a user group), BusinessInterface (not every interface is a channel to the
# public), BusinessService (internal services are not public services), DataObject (a
# data object is a kind of record, not a database; db_type would be guessed), Node (a
# server or a cluster, not a site), CommunicationNetwork (a LAN or the TSLCD; the type
# would be guessed), TechnologyService (not every one is a security capability).
FRAMEWORK_KINDS: tuple[KindSpec, ...] = (
    _framework(
        "actor",
        _U,
        _BIZ,
        ("Người sử dụng", "Actor"),
        ("nhóm người sử dụng", "user groups"),
        "BusinessRole",
        ("ellipse", ""),
        note="a group of users is a role the business serves",
    ),
    _framework(
        "channel",
        _U,
        _BIZ,
        ("Kênh giao tiếp", "Channel"),
        ("kênh giao tiếp", "channels"),
        "BusinessInterface",
        ("rarrow", ""),
        fill="#FCE8F1",
        note="an access point of the business",
    ),
    _framework(
        "portal",
        _S,
        _APP,
        ("Cổng thông tin", "Portal"),
        ("cổng thông tin", "portals"),
        "ApplicationComponent",
        ("tab", ""),
        note="a portal is an information system",
    ),
    _framework(
        "public_service",
        _S,
        _BIZ,
        ("Dịch vụ công", "Public service"),
        ("dịch vụ công", "public services"),
        "BusinessService",
        ("box", "rounded"),
    ),
    _framework(
        "agency",
        _B,
        _BIZ,
        ("Cơ quan, đơn vị", "Agency"),
        ("cơ quan, đơn vị", "agencies"),
        "BusinessActor",
        ("box", "diagonals"),
        note="an organisation",
    ),
    _framework(
        "business_function",
        _B,
        _BIZ,
        ("Chức năng nghiệp vụ", "Business function"),
        ("lĩnh vực nghiệp vụ", "business functions"),
        "BusinessFunction",
        ("cds", ""),
        fill="#FFF8CC",
    ),
    _framework(
        "application",
        _A,
        _APP,
        ("Ứng dụng", "Application"),
        ("ứng dụng", "applications"),
        "ApplicationComponent",
        ("component", ""),
        default="an application component of a provincial architecture is an information "
        "system (hệ thống thông tin)",
    ),
    _framework(
        "database",
        _A,
        _APP,
        ("Cơ sở dữ liệu", "Database"),
        ("cơ sở dữ liệu", "databases"),
        "DataObject",
        ("cylinder", ""),
        fill="#B9DAF5",
        note="the data a system manages",
    ),
    _framework(
        "integration_platform",
        _I,
        _APP,
        ("Nền tảng tích hợp", "Integration platform"),
        ("nền tảng tích hợp", "integration platforms"),
        "ApplicationComponent",
        ("octagon", ""),
        note="LGSP, NDXP and other platforms",
    ),
    _framework(
        "data_centre",
        _T,
        _TECH,
        ("Trung tâm dữ liệu", "Data centre"),
        ("trung tâm dữ liệu", "data centres"),
        "Node",
        ("box3d", ""),
        note="the computing resources of a site",
    ),
    _framework(
        "network",
        _T,
        _TECH,
        ("Mạng", "Network"),
        ("mạng", "networks"),
        "CommunicationNetwork",
        ("hexagon", ""),
    ),
    _framework(
        "lan",
        _T,
        _TECH,
        ("Mạng LAN", "LAN"),
        ("mạng LAN cơ quan", "agency LANs"),
        "CommunicationNetwork",
        ("box", ""),
        fill="#E6F5DE",
    ),
    _framework(
        "security_capability",
        _SEC,
        _TECH,
        ("Biện pháp an toàn thông tin", "Security capability"),
        ("biện pháp an toàn thông tin", "security capabilities"),
        "TechnologyService",
        ("invhouse", ""),
        note="SOC, firewall, backup, ...",
    ),
    _framework(
        "roadmap_item",
        _G,
        _IMP,
        ("Nhiệm vụ, dự án", "Roadmap item"),
        ("nhiệm vụ, dự án", "roadmap items"),
        "WorkPackage",
        ("note", ""),
        note="a task or project of the plan",
        default="a work package of the implementation and migration plan is a task or "
        "project of the roadmap (nhiệm vụ, dự án)",
    ),
)

_BOX, _ROUNDED, _DIAGONALS = ("box", ""), ("box", "rounded"), ("box", "diagonals")

# ArchiMate 3.2 elements without a framework kind of their own, each in the framework
# layer it belongs to (strategy, motivation, implementation and grouping go to
# governance; physical elements and locations to the technical infrastructure).
# Shapes follow one rule across aspects (a process is an arrow, a service a rounded box,
# an event a notched box, ...); the aspect gives the colour.
GENERIC_KINDS: tuple[KindSpec, ...] = (
    # business
    _generic(
        "business_actor",
        _B,
        _BIZ,
        "BusinessActor",
        ("Tác nhân nghiệp vụ", "Business actor"),
        "business actors",
        _BOX,
    ),
    _generic(
        "business_role",
        _B,
        _BIZ,
        "BusinessRole",
        ("Vai trò nghiệp vụ", "Business role"),
        "business roles",
        ("trapezium", ""),
    ),
    _generic(
        "business_collaboration",
        _B,
        _BIZ,
        "BusinessCollaboration",
        ("Cộng tác nghiệp vụ", "Business collaboration"),
        "business collaborations",
        ("egg", ""),
    ),
    _generic(
        "business_interface",
        _U,
        _BIZ,
        "BusinessInterface",
        ("Giao diện nghiệp vụ", "Business interface"),
        "business interfaces",
        ("larrow", ""),
    ),
    _generic(
        "business_process",
        _B,
        _BIZ,
        "BusinessProcess",
        ("Quy trình nghiệp vụ", "Business process"),
        "business processes",
        ("rarrow", ""),
    ),
    _generic(
        "business_interaction",
        _B,
        _BIZ,
        "BusinessInteraction",
        ("Tương tác nghiệp vụ", "Business interaction"),
        "business interactions",
        ("ellipse", ""),
    ),
    _generic(
        "business_event",
        _B,
        _BIZ,
        "BusinessEvent",
        ("Sự kiện nghiệp vụ", "Business event"),
        "business events",
        ("cds", ""),
    ),
    _generic(
        "business_service",
        _S,
        _BIZ,
        "BusinessService",
        ("Dịch vụ nghiệp vụ", "Business service"),
        "business services",
        _ROUNDED,
    ),
    _generic(
        "business_object",
        _B,
        _BIZ,
        "BusinessObject",
        ("Đối tượng nghiệp vụ", "Business object"),
        "business objects",
        ("folder", ""),
    ),
    _generic(
        "contract",
        _B,
        _BIZ,
        "Contract",
        ("Hợp đồng, thỏa thuận", "Contract"),
        "contracts",
        ("note", ""),
    ),
    _generic(
        "representation",
        _B,
        _BIZ,
        "Representation",
        ("Hình thức thể hiện", "Representation"),
        "representations",
        ("parallelogram", ""),
    ),
    _generic(
        "product",
        _S,
        _BIZ,
        "Product",
        ("Sản phẩm", "Product"),
        "products",
        ("tab", ""),
    ),
    # application
    _generic(
        "application_component",
        _A,
        _APP,
        "ApplicationComponent",
        ("Thành phần ứng dụng", "Application component"),
        "application components",
        ("component", ""),
    ),
    _generic(
        "application_collaboration",
        _A,
        _APP,
        "ApplicationCollaboration",
        ("Cộng tác ứng dụng", "Application collaboration"),
        "application collaborations",
        ("egg", ""),
    ),
    _generic(
        "application_interface",
        _I,
        _APP,
        "ApplicationInterface",
        ("Giao diện ứng dụng", "Application interface"),
        "application interfaces",
        ("larrow", ""),
    ),
    _generic(
        "application_function",
        _A,
        _APP,
        "ApplicationFunction",
        ("Chức năng ứng dụng", "Application function"),
        "application functions",
        ("house", ""),
    ),
    _generic(
        "application_interaction",
        _A,
        _APP,
        "ApplicationInteraction",
        ("Tương tác ứng dụng", "Application interaction"),
        "application interactions",
        ("ellipse", ""),
    ),
    _generic(
        "application_process",
        _A,
        _APP,
        "ApplicationProcess",
        ("Quy trình ứng dụng", "Application process"),
        "application processes",
        ("rarrow", ""),
    ),
    _generic(
        "application_event",
        _A,
        _APP,
        "ApplicationEvent",
        ("Sự kiện ứng dụng", "Application event"),
        "application events",
        ("cds", ""),
    ),
    _generic(
        "application_service",
        _A,
        _APP,
        "ApplicationService",
        ("Dịch vụ ứng dụng", "Application service"),
        "application services",
        _ROUNDED,
    ),
    _generic(
        "data_object",
        _A,
        _APP,
        "DataObject",
        ("Đối tượng dữ liệu", "Data object"),
        "data objects",
        ("folder", ""),
    ),
    # technology
    _generic(
        "node",
        _T,
        _TECH,
        "Node",
        ("Nút hạ tầng", "Node"),
        "nodes",
        ("box3d", ""),
    ),
    _generic(
        "device",
        _T,
        _TECH,
        "Device",
        ("Thiết bị", "Device"),
        "devices",
        ("Msquare", ""),
    ),
    _generic(
        "system_software",
        _T,
        _TECH,
        "SystemSoftware",
        ("Phần mềm hệ thống", "System software"),
        "system software",
        ("octagon", ""),
    ),
    _generic(
        "technology_collaboration",
        _T,
        _TECH,
        "TechnologyCollaboration",
        ("Cộng tác công nghệ", "Technology collaboration"),
        "technology collaborations",
        ("egg", ""),
    ),
    _generic(
        "technology_interface",
        _T,
        _TECH,
        "TechnologyInterface",
        ("Giao diện công nghệ", "Technology interface"),
        "technology interfaces",
        ("larrow", ""),
    ),
    _generic(
        "path",
        _T,
        _TECH,
        "Path",
        ("Đường kết nối", "Path"),
        "paths",
        _DIAGONALS,
    ),
    _generic(
        "communication_network",
        _T,
        _TECH,
        "CommunicationNetwork",
        ("Mạng truyền thông", "Communication network"),
        "communication networks",
        ("hexagon", ""),
    ),
    _generic(
        "technology_function",
        _T,
        _TECH,
        "TechnologyFunction",
        ("Chức năng công nghệ", "Technology function"),
        "technology functions",
        ("house", ""),
    ),
    _generic(
        "technology_process",
        _T,
        _TECH,
        "TechnologyProcess",
        ("Quy trình công nghệ", "Technology process"),
        "technology processes",
        ("rarrow", ""),
    ),
    _generic(
        "technology_interaction",
        _T,
        _TECH,
        "TechnologyInteraction",
        ("Tương tác công nghệ", "Technology interaction"),
        "technology interactions",
        ("ellipse", ""),
    ),
    _generic(
        "technology_event",
        _T,
        _TECH,
        "TechnologyEvent",
        ("Sự kiện công nghệ", "Technology event"),
        "technology events",
        ("cds", ""),
    ),
    _generic(
        "technology_service",
        _T,
        _TECH,
        "TechnologyService",
        ("Dịch vụ công nghệ", "Technology service"),
        "technology services",
        _ROUNDED,
    ),
    _generic(
        "artifact",
        _T,
        _TECH,
        "Artifact",
        ("Tạo phẩm triển khai", "Artifact"),
        "artifacts",
        ("note", ""),
    ),
    # physical
    _generic(
        "equipment",
        _T,
        _PHY,
        "Equipment",
        ("Trang thiết bị", "Equipment"),
        "equipment",
        ("box3d", ""),
    ),
    _generic(
        "facility",
        _T,
        _PHY,
        "Facility",
        ("Cơ sở vật chất", "Facility"),
        "facilities",
        ("house", ""),
    ),
    _generic(
        "distribution_network",
        _T,
        _PHY,
        "DistributionNetwork",
        ("Mạng phân phối", "Distribution network"),
        "distribution networks",
        ("hexagon", ""),
    ),
    _generic(
        "material",
        _T,
        _PHY,
        "Material",
        ("Vật tư", "Material"),
        "materials",
        ("pentagon", ""),
    ),
    # strategy
    _generic(
        "capability",
        _G,
        _STR,
        "Capability",
        ("Năng lực", "Capability"),
        "capabilities",
        _ROUNDED,
    ),
    _generic(
        "value_stream",
        _G,
        _STR,
        "ValueStream",
        ("Chuỗi giá trị", "Value stream"),
        "value streams",
        ("cds", ""),
    ),
    _generic(
        "resource",
        _G,
        _STR,
        "Resource",
        ("Nguồn lực", "Resource"),
        "resources",
        _BOX,
    ),
    _generic(
        "course_of_action",
        _G,
        _STR,
        "CourseOfAction",
        ("Phương án hành động", "Course of action"),
        "courses of action",
        ("ellipse", ""),
    ),
    # motivation
    _generic(
        "stakeholder",
        _G,
        _MOT,
        "Stakeholder",
        ("Bên liên quan", "Stakeholder"),
        "stakeholders",
        ("cylinder", ""),
    ),
    _generic(
        "driver",
        _G,
        _MOT,
        "Driver",
        ("Động lực", "Driver"),
        "drivers",
        ("octagon", ""),
    ),
    _generic(
        "assessment",
        _G,
        _MOT,
        "Assessment",
        ("Đánh giá", "Assessment"),
        "assessments",
        ("invtrapezium", ""),
    ),
    _generic(
        "goal",
        _G,
        _MOT,
        "Goal",
        ("Mục tiêu", "Goal"),
        "goals",
        ("ellipse", ""),
    ),
    _generic(
        "outcome",
        _G,
        _MOT,
        "Outcome",
        ("Kết quả", "Outcome"),
        "outcomes",
        _ROUNDED,
    ),
    _generic(
        "principle",
        _G,
        _MOT,
        "Principle",
        ("Nguyên tắc", "Principle"),
        "principles",
        _DIAGONALS,
    ),
    _generic(
        "requirement",
        _G,
        _MOT,
        "Requirement",
        ("Yêu cầu", "Requirement"),
        "requirements",
        ("parallelogram", ""),
    ),
    _generic(
        "constraint",
        _G,
        _MOT,
        "Constraint",
        ("Ràng buộc", "Constraint"),
        "constraints",
        ("trapezium", ""),
    ),
    _generic(
        "meaning",
        _G,
        _MOT,
        "Meaning",
        ("Ý nghĩa", "Meaning"),
        "meanings",
        ("note", ""),
    ),
    _generic(
        "value",
        _G,
        _MOT,
        "Value",
        ("Giá trị", "Value"),
        "values",
        ("egg", ""),
    ),
    # implementation and migration
    _generic(
        "work_package",
        _G,
        _IMP,
        "WorkPackage",
        ("Gói công việc", "Work package"),
        "work packages",
        _ROUNDED,
    ),
    _generic(
        "deliverable",
        _G,
        _IMP,
        "Deliverable",
        ("Sản phẩm bàn giao", "Deliverable"),
        "deliverables",
        ("note", ""),
    ),
    _generic(
        "implementation_event",
        _G,
        _IMP,
        "ImplementationEvent",
        ("Sự kiện triển khai", "Implementation event"),
        "implementation events",
        ("cds", ""),
    ),
    # ArchiMate draws plateaus and gaps green, not in the implementation pink.
    _generic(
        "plateau",
        _G,
        _IMP,
        "Plateau",
        ("Giai đoạn kiến trúc", "Plateau"),
        "plateaus",
        ("box3d", ""),
        fill="#E0FFE0",
    ),
    _generic(
        "gap",
        _G,
        _IMP,
        "Gap",
        ("Khoảng trống", "Gap"),
        "gaps",
        ("ellipse", ""),
        fill="#E0FFE0",
    ),
    # other
    _generic(
        "grouping",
        _G,
        _OTH,
        "Grouping",
        ("Nhóm", "Grouping"),
        "groupings",
        ("tab", ""),
    ),
    _generic(
        "location",
        _T,
        _OTH,
        "Location",
        ("Địa điểm", "Location"),
        "locations",
        ("invhouse", ""),
        fill="#FBB875",
    ),
    # Junctions join relationships of one type; the exchange format holds them as
    # elements, so a model from another tool keeps the relationships through them.
    # ArchiMate draws an and-junction as a filled dot, an or-junction as a hollow one.
    _generic(
        "and_junction",
        _G,
        _OTH,
        "AndJunction",
        ("Điểm nối VÀ", "And junction"),
        "and junctions",
        ("ellipse", ""),
        fill="#333333",
    ),
    _generic(
        "or_junction",
        _G,
        _OTH,
        "OrJunction",
        ("Điểm nối HOẶC", "Or junction"),
        "or junctions",
        ("ellipse", ""),
        fill="#FFFFFF",
    ),
)

KIND_SPECS: dict[str, KindSpec] = {s.kind: s for s in (*FRAMEWORK_KINDS, *GENERIC_KINDS)}
"""Every kind by id, framework kinds first, in the order outputs list them."""
