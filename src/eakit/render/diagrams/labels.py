"""Words the diagrams print, in Vietnamese and English.

Component names come from the model, kind names and their plurals from the metamodel;
everything else a diagram says (plural nouns of sub-types, group titles, status notes,
the legend) lives here.
"""

from __future__ import annotations

from eakit import metamodel
from eakit.model import LAYER_INFO, Layer

Lang = str  # "vi" | "en"

# Plural nouns for groups split by an enumerated attribute (Aggregate.by): "12 sở, ban,
# ngành"; a group of one kind takes the kind's plural ("31 mạng LAN cơ quan").
VALUE_PLURAL: dict[tuple[str, str, str], tuple[str, str]] = {
    ("agency", "agency_type", "provincial_people_committee"): (
        "UBND tỉnh",
        "provincial committees",
    ),
    ("agency", "agency_type", "department"): ("sở, ban, ngành", "departments"),
    ("agency", "agency_type", "district"): (
        "UBND huyện, thị xã, thành phố",
        "district-level committees",
    ),
    ("agency", "agency_type", "commune"): ("UBND xã, phường, thị trấn", "commune committees"),
    ("agency", "agency_type", "public_service_centre"): (
        "Trung tâm Phục vụ hành chính công",
        "public administrative service centres",
    ),
    ("agency", "agency_type", "public_service_unit"): ("đơn vị sự nghiệp", "public service units"),
    ("agency", "agency_type", "ministry"): ("bộ, ngành trung ương", "ministries"),
    ("agency", "agency_type", "national_agency"): ("cơ quan trung ương", "national agencies"),
    ("agency", "agency_type", "other_locality"): ("địa phương khác", "other localities"),
    ("public_service", "level", "full"): ("dịch vụ công toàn trình", "full online services"),
    ("public_service", "level", "partial"): ("dịch vụ công một phần", "partial online services"),
    ("public_service", "level", "1"): ("dịch vụ công mức 1", "level-1 services"),
    ("public_service", "level", "2"): ("dịch vụ công mức 2", "level-2 services"),
    ("public_service", "level", "3"): ("dịch vụ công mức 3", "level-3 online services"),
    ("public_service", "level", "4"): ("dịch vụ công mức 4", "level-4 online services"),
    ("database", "db_type", "national"): ("CSDL quốc gia", "national databases"),
    ("database", "db_type", "sector"): ("CSDL chuyên ngành", "sector databases"),
    ("database", "db_type", "shared"): ("CSDL dùng chung", "shared databases"),
    ("database", "db_type", "catalogue"): ("danh mục dùng chung", "shared catalogues"),
    ("database", "db_type", "warehouse"): ("kho dữ liệu", "data warehouses"),
    ("database", "db_type", "open_data"): ("bộ dữ liệu mở", "open datasets"),
    ("application", "app_type", "sector"): ("ứng dụng chuyên ngành", "sector applications"),
    ("actor", "actor_type", "citizen"): ("nhóm người dân", "citizen groups"),
    ("actor", "actor_type", "enterprise"): ("nhóm doanh nghiệp", "enterprise groups"),
    ("actor", "actor_type", "civil_servant"): ("nhóm cán bộ, công chức", "civil servant groups"),
}

SCOPE_TITLES: dict[str, tuple[str, str]] = {
    "provincial": ("Cấp tỉnh", "Provincial"),
    "national": ("Cấp quốc gia", "National"),
    "external": ("Bên ngoài", "External"),
}
SCOPE_NOTES: dict[str, tuple[str, str]] = {
    "national": ("quốc gia", "national"),
    "external": ("bên ngoài", "external"),
}
HUB_TITLE = ("Trục tích hợp, chia sẻ dữ liệu", "Integration hub")
LEGEND_TITLE = ("Chú giải", "Legend")

TEXT: dict[str, tuple[str, str]] = {
    "status.current": ("Đang vận hành", "Current"),
    "status.planned": ("Dự kiến (nét đứt)", "Planned (dashed)"),
    "status.retired": ("Đã ngừng (màu xám)", "Retired (grey)"),
    "badge.error": ("lỗi (viền đỏ)", "errors (red border)"),
    "badge.warning": ("cảnh báo (viền cam)", "warnings (orange border)"),
    "edge.p2p": ("kết nối điểm – điểm, không qua LGSP", "point-to-point link, bypassing the LGSP"),
    "edge.normal": ("quan hệ", "relation"),
    "edge.planned": ("quan hệ dự kiến", "planned relation"),
    "aggregate": ("nhóm nhiều thành phần cùng loại", "group of similar components"),
    "focus": ("thành phần đang xem", "component in focus"),
    "spof": ("điểm lỗi đơn (viền tím đậm)", "single point of failure (thick purple border)"),
    "edge.bridge": (
        "liên kết đơn: mất liên kết này là mạng bị chia cắt",
        "single link: losing it splits the network",
    ),
    "empty": (
        "Mô hình không có thành phần nào thuộc chế độ xem này.",
        "The model has no component in this view.",
    ),
    "planned": ("Dự kiến", "Planned"),
    "retired": ("Đã ngừng", "Retired"),
    "points": ("điểm kết nối", "connection points"),
    "level": ("cấp", "level"),
    "more": ("và {n} thành phần khác", "and {n} more"),
    "findings": ("Phát hiện", "Findings"),
    "as_of": ("hiện trạng {date}, mục tiêu {horizon}", "as of {date}, target {horizon}"),
    "focus.title": ("Lân cận của: {name}", "Neighbourhood of: {name}"),
    "focus.depth": ("độ sâu {depth}", "depth {depth}"),
    "agency.title": ("{title}: {name}", "{title}: {name}"),
    "status.group.current": ("Hiện trạng ({year})", "Current ({year})"),
    "status.group.planned": ("Mục tiêu ({year})", "Target ({year})"),
    "status.group.retired": ("Đã ngừng sử dụng", "Retired"),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """The English member of a (vi, en) pair for ``lang == "en"``, else the Vietnamese."""
    return pair[1] if lang == "en" else pair[0]


def text(key: str, lang: Lang, **values: object) -> str:
    """A fixed diagram phrase, formatted with ``values``."""
    return pick(TEXT[key], lang).format(**values)


def kind_label(kind: str, lang: Lang) -> str:
    """The singular name of a component kind."""
    return metamodel.label(kind, lang)


def layer_title(layer: Layer | str, lang: Lang) -> str:
    """The framework name of a layer."""
    info = LAYER_INFO[Layer(layer)]
    return info.name_en if lang == "en" else info.name


def aggregate_noun(kind: str, by: str | None, value: object, lang: Lang) -> str:
    """The plural noun of an aggregated group: its sub-type when known, else the kind's."""
    if by is not None and value is not None:
        known = VALUE_PLURAL.get((kind, by, str(value)))
        if known is not None:
            return pick(known, lang)
        return f"{metamodel.plural(kind, lang)} {str(value).replace('-', '–')}"
    return metamodel.plural(kind, lang)
