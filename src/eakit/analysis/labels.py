"""The words the analyses print, in Vietnamese and English (Vietnamese first)."""

from __future__ import annotations

from eakit.labels import pick
from eakit.model import KIND_CLASSES, relation_types

TEXTS: dict[str, tuple[str, str]] = {
    "impact.title": (
        "Ảnh hưởng khi {name} [{id}] ngừng hoạt động (ngày {date})",
        "Impact if {name} [{id}] fails (on {date})",
    ),
    "impact.count": (
        "{n} thành phần phụ thuộc (trực tiếp hoặc gián tiếp){limit}",
        "{n} dependent components (directly or transitively){limit}",
    ),
    "impact.limit": (", tối đa {depth} bước", ", at most {depth} steps"),
    "impact.none": (
        "Không thành phần nào phụ thuộc vào thành phần này.",
        "Nothing depends on this component.",
    ),
    "impact.by_layer": ("Theo tầng kiến trúc", "By layer"),
    "impact.by_agency": ("Theo cơ quan", "By agency"),
    "impact.depth": ("bước {depth}", "step {depth}"),
    "impact.no_agency": ("(không thuộc cơ quan nào)", "(no agency)"),
    "impact.not_live": (
        "Lưu ý: thành phần này không hoạt động vào ngày {date}.",
        "Note: this component is not in operation on {date}.",
    ),
    "resilience.title": (
        "Điểm lỗi đơn và hệ thống trung tâm (ngày {date})",
        "Single points of failure and central systems (on {date})",
    ),
    "resilience.integration": ("Mạng tích hợp, chia sẻ dữ liệu", "Integration network"),
    "resilience.infrastructure": ("Hạ tầng kết nối", "Infrastructure network"),
    "resilience.size": (
        "{nodes} thành phần, {edges} liên kết, {parts} vùng liên thông",
        "components: {nodes}, links: {edges}, connected parts: {parts}",
    ),
    "resilience.spof": (
        "Điểm lỗi đơn (điểm khớp)",
        "Single points of failure (articulation points)",
    ),
    "resilience.bridges": ("Liên kết đơn (cầu)", "Single links (bridges)"),
    "resilience.central": ("Hệ thống trung tâm nhất", "Most central systems"),
    "resilience.cut_off": ("tách rời {n} thành phần", "cuts off {n} components"),
    "resilience.cut_off_one": ("tách rời {n} thành phần", "cuts off {n} component"),
    "resilience.score": ("độ trung gian {score}", "betweenness {score}"),
    "resilience.none": ("(không có)", "(none)"),
    "resilience.approx": (
        "độ trung gian ước lượng trên {k} điểm gốc",
        "betweenness estimated from {k} sources",
    ),
    "diagram.title": (
        "Điểm lỗi đơn của mạng tích hợp và hạ tầng",
        "Single points of failure of the integration and infrastructure networks",
    ),
    "diagram.on": ("ngày {date}", "on {date}"),
    "site.intro": (
        "Điểm lỗi đơn là thành phần mà khi ngừng hoạt động sẽ chia cắt mạng tích hợp hoặc "
        "hạ tầng kết nối; liên kết đơn (cầu) là kết nối duy nhất giữa hai phần của mạng. "
        "Độ trung gian cho biết bao nhiêu đường nối đi qua một thành phần. Tính trên các "
        "thành phần hoạt động ngày {date}.",
        "A single point of failure is a component whose failure splits the integration or "
        "infrastructure network; a single link (bridge) is the only connection between two "
        "parts of a network. Betweenness says how many paths go through a component. "
        "Computed over the components in operation on {date}.",
    ),
    "site.more": ("và {n} dòng nữa (xem eakit analyse).", "and {n} more rows (see eakit analyse)."),
    "sheet.name": ("Điểm lỗi đơn", "Single points of failure"),
    "col.component": ("Thành phần", "Component"),
    "col.id": ("Mã", "Id"),
    "col.kind": ("Loại", "Kind"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.network": ("Mạng", "Network"),
    "col.finding": ("Phát hiện", "Finding"),
    "col.cut_off": ("Số thành phần bị tách", "Components cut off"),
    "col.score": ("Độ trung gian", "Betweenness"),
    "col.link": ("Liên kết", "Link"),
    "col.relations": ("Quan hệ", "Relations"),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``values`` filled in."""
    return pick(TEXTS[key], lang).format(**values)


def cut_off_text(count: int, lang: str) -> str:
    """ "cuts off 3 components" (one component in the singular)."""
    key = "resilience.cut_off_one" if count == 1 else "resilience.cut_off"
    return text(key, lang, n=count)


def kind_label(kind: str, lang: str) -> str:
    """A component kind's name in ``lang``."""
    cls = KIND_CLASSES[kind]
    return cls.label_en if lang == "en" else cls.label


def dependency_phrase(edge_type: str, dependent_is_source: bool, lang: str) -> str:
    """How the dependent end names its tie to the other: "hosted on" from an application
    to its data centre, "delivered by" from a service to its application."""
    relation = relation_types()[edge_type]
    if dependent_is_source:
        phrase = relation.label_en if lang == "en" else relation.label
    else:
        phrase = relation.reverse_en if lang == "en" else relation.reverse
    return phrase.replace(" … ", " ")


def relation_label(edge_type: str, lang: str) -> str:
    """A relation type's name in ``lang``."""
    relation = relation_types()[edge_type]
    return (relation.label_en if lang == "en" else relation.label).replace(" … ", " ")
