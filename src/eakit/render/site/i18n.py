"""The words of the site in Vietnamese and English.

Model text (names, descriptions) is data and comes from the model; this module holds only
the site's own words: headings, table headers, field labels and enum values.
"""

from __future__ import annotations

from dataclasses import dataclass

from eakit import metamodel
from eakit.labels import ENUM_LABELS as _ENUMS
from eakit.labels import FIELD_LABELS as _FIELDS
from eakit.labels import VALUE_LABELS as _VALUES
from eakit.model import LAYER_INFO, Layer

LANGS = ("vi", "en")

# key: (Vietnamese, English)
_WORDS: dict[str, tuple[str, str]] = {
    # navigation and page titles
    "home": ("Trang chủ", "Home"),
    "layers": ("Lớp kiến trúc", "Layers"),
    "agencies": ("Cơ quan, đơn vị", "Agencies"),
    "components": ("Danh mục thành phần", "All components"),
    "findings": ("Phát hiện", "Findings"),
    "roadmap": ("Lộ trình", "Roadmap"),
    "rules": ("Quy tắc kiểm tra", "Rules"),
    "diagrams": ("Sơ đồ", "Diagrams"),
    "resilience": ("Điểm lỗi đơn", "Single points of failure"),
    # home
    "architecture": ("Kiến trúc", "Architecture"),
    "framework": ("Khung kiến trúc", "Framework"),
    "as_of": ("Hiện trạng tại", "As of"),
    "horizon": ("Năm mục tiêu", "Target year"),
    "province": ("Tỉnh", "Province"),
    "owner_agency": ("Cơ quan chủ trì", "Owning agency"),
    "approval": ("Quyết định phê duyệt", "Approval"),
    "version": ("Phiên bản", "Version"),
    "valid_to": ("Hiệu lực đến", "Valid until"),
    "successor": ("Thay thế bằng", "Replaced by"),
    "adopted_from": ("Kế thừa từ", "Adopted from"),
    "sources": ("Nguồn", "Sources"),
    "packs": ("Bộ quy tắc", "Rule packs"),
    "component_count": ("Số thành phần", "Components"),
    "readiness": ("Mức độ sẵn sàng", "Readiness"),
    "readiness_now": ("Hiện trạng", "Now"),
    "readiness_horizon": ("Khi hoàn thành lộ trình", "At target year"),
    "readiness_none": (
        "Chưa tính được mức độ sẵn sàng (chưa có quy tắc nào được áp dụng).",
        "No readiness score (no rule applied).",
    ),
    "passed_of": ("đạt {passed}/{total}", "{passed} of {total} passed"),
    "overview_diagram": ("Sơ đồ tổng thể", "Overview diagram"),
    "findings_summary": ("Tóm tắt phát hiện", "Findings at a glance"),
    "no_findings": ("Không có phát hiện nào.", "No findings."),
    "see_all_findings": ("Xem tất cả phát hiện", "See all findings"),
    "layer_overview": ("Các lớp kiến trúc", "The layers"),
    "count": ("Số lượng", "Count"),
    # component pages
    "kind": ("Loại", "Kind"),
    "layer": ("Lớp", "Layer"),
    "status": ("Trạng thái", "Status"),
    "agency": ("Cơ quan", "Agency"),
    "id": ("Mã", "Id"),
    "name": ("Tên", "Name"),
    "name_en": ("Tên tiếng Anh", "English name"),
    "declared_in": ("Khai báo tại", "Declared in"),
    "description": ("Mô tả", "Description"),
    "attributes": ("Thuộc tính", "Attributes"),
    "attribute": ("Thuộc tính", "Attribute"),
    "value": ("Giá trị", "Value"),
    "relations": ("Quan hệ", "Relations"),
    "relation": ("Quan hệ", "Relation"),
    "component": ("Thành phần", "Component"),
    "details": ("Chi tiết", "Details"),
    "no_relations": ("Không có quan hệ nào.", "No relations."),
    # a relation declared by a reference field of a component (owner, hosted_on...)
    "declared_as": ("khai báo ở mục “{field}”", "declared as “{field}”"),
    # large models: a page per top-level agency
    "more_rows": ("… và {n} mục nữa (không hiện ở đây).", "… and {n} more (not shown here)."),
    "paged_note": (
        "Mô hình có {n} thành phần. Mỗi cơ quan chủ quản (tỉnh, bộ, ngành) có một trang; trên "
        "đó mỗi cơ quan, đơn vị là một mục liệt kê các thành phần của mình thành bảng.",
        "The model has {n} components. Each top-level agency (province, ministry) has a page "
        "where each agency under it is a section listing its components in a table.",
    ),
    "other_components": ("Thành phần không thuộc cơ quan nào", "Components of no agency"),
    "group_summary": (
        "{agencies} cơ quan, đơn vị · {components} thành phần",
        "{agencies} agencies · {components} components",
    ),
    "component_total": ("{n} thành phần", "{n} components"),
    "shown_of_components": (
        "Đang hiện {shown}/{total} thành phần",
        "Showing {shown} of {total} components",
    ),
    "findings_here": (
        "Phát hiện của các thành phần trên trang này",
        "Findings of the components on this page",
    ),
    "parent_agency": ("Trực thuộc", "Part of"),
    "and_more": ("và {n} mục nữa", "and {n} more"),
    "top_agency": ("Cơ quan chủ quản", "Top-level agency"),
    "by_group": ("Theo cơ quan chủ quản", "By top-level agency"),
    "findings_by_group": ("Phát hiện theo cơ quan chủ quản", "Findings by top-level agency"),
    "agency_tree": ("Sơ đồ tổ chức", "Agency tree"),
    "page_of": ("Trang {n}/{count}", "Page {n} of {count}"),
    "findings_by_rule": ("Phát hiện theo quy tắc", "Findings by rule"),
    "neighbourhood": ("Sơ đồ lân cận", "Neighbourhood diagram"),
    "diagram_hint": (
        "Bấm vào một thành phần trong sơ đồ để mở trang của thành phần đó, bấm vào nền sơ "
        "đồ để xem cỡ lớn.",
        "Click a component in the diagram to open its page, its background to see it full size.",
    ),
    # the full-size diagram viewer (assets/eakit.js)
    "zoom_open": ("Xem cỡ lớn", "Full size"),
    "zoom_in": ("Phóng to", "Zoom in"),
    "zoom_out": ("Thu nhỏ", "Zoom out"),
    "zoom_fit": ("Vừa màn hình", "Fit to screen"),
    "zoom_close": ("Đóng", "Close"),
    "zoom_help": (
        "Lăn chuột hoặc chụm hai ngón để phóng to, kéo để di chuyển, Esc để đóng.",
        "Scroll or pinch to zoom, drag to move, Esc to close.",
    ),
    "children": ("Đơn vị trực thuộc", "Units under it"),
    "agency_components": ("Hệ thống và thành phần", "Systems and components"),
    "agency_readiness": ("Mức độ sẵn sàng của cơ quan", "Readiness of the agency"),
    "no_components": ("Chưa có thành phần nào.", "No components yet."),
    "layer_components": ("Thành phần của lớp", "Components of this layer"),
    "layer_findings": ("Phát hiện của lớp", "Findings in this layer"),
    # findings page
    "severity": ("Mức độ", "Severity"),
    "rule": ("Quy tắc", "Rule"),
    "message": ("Nội dung", "Message"),
    "basis": ("Căn cứ", "Basis"),
    "remediation": ("Cách khắc phục", "How to fix"),
    "waived": ("Đã miễn trừ", "Waived"),
    "waived_by": (
        "Miễn trừ đến {expires}: {reason} (người chịu trách nhiệm: {owner})",
        "Waived by {owner} until {expires}: {reason}",
    ),
    "filter_all": ("Tất cả", "All"),
    "filter_text": ("Lọc theo nội dung", "Filter by text"),
    "show_waived": ("Hiện các phát hiện đã miễn trừ", "Show waived findings"),
    "shown_of": ("Đang hiện {shown}/{total} phát hiện", "Showing {shown} of {total} findings"),
    "whole_model": ("Toàn mô hình", "Whole model"),
    "notes": ("Ghi chú về cấu hình", "Configuration notes"),
    # roadmap
    "period": ("Giai đoạn", "Period"),
    "lead_agency": ("Cơ quan chủ trì", "Lead agency"),
    "realises": ("Hiện thực hóa", "Realises"),
    "funding": ("Nguồn vốn", "Funding"),
    "roadmap_items": ("Nhiệm vụ, dự án", "Tasks and projects"),
    "planned_components": ("Thành phần dự kiến theo năm", "Planned components by year"),
    "retired_components": ("Thành phần đã ngừng", "Retired components"),
    "target": ("Năm mục tiêu", "Target year"),
    "no_year": ("Chưa xác định năm", "No year given"),
    "no_roadmap": ("Mô hình chưa có nhiệm vụ, dự án nào.", "The model has no roadmap items."),
    "no_planned": ("Không có thành phần dự kiến.", "No planned components."),
    # rules page
    "rationale": ("Lý do", "Rationale"),
    "pack": ("Bộ quy tắc", "Pack"),
    "no_rules": ("Chưa có quy tắc nào được áp dụng.", "No rule was applied."),
    "findings_count": ("Số phát hiện", "Findings"),
    "low_confidence": ("chưa đối chiếu", "not corroborated"),
    "basis_unverified": ("chưa đối chiếu với văn bản", "unverified"),
    "basis_verified": ("đã đối chiếu với văn bản", "verified"),
    "basis_source": ("nguồn", "source"),
    # common
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "none": ("Không có", "None"),
    "total": ("Tổng", "Total"),
    "search_keywords": ("Từ khóa", "Keywords"),
    "built_with": ("Tạo bằng eakit từ mô hình", "Built by eakit from the model"),
    "no_diagram": ("Chưa có sơ đồ.", "No diagram."),
    "diagram_failed": (
        "Graphviz không vẽ được sơ đồ này:",
        "Graphviz could not draw this diagram:",
    ),
    "dark_mode": ("Chuyển sang nền tối", "Switch to dark mode"),
    "light_mode": ("Chuyển sang nền sáng", "Switch to light mode"),
}


@dataclass(frozen=True)
class Words:
    """The site's words in one language (``vi`` or ``en``)."""

    lang: str

    @property
    def index(self) -> int:
        return 0 if self.lang == "vi" else 1

    @property
    def other(self) -> str:
        """The other language of the pair."""
        return "en" if self.lang == "vi" else "vi"

    def __call__(self, key: str, **values: object) -> str:
        """The word for ``key``, with ``{placeholders}`` filled from ``values``."""
        text = _WORDS[key][self.index]
        return text.format(**values) if values else text

    def enum(self, value: str) -> str:
        """A label for an enum value (status, scope, severity); the value itself if unknown."""
        pair = _ENUMS.get(value)
        return pair[self.index] if pair else value

    def value(self, field: str, value: str) -> str:
        """A label for the value of an enumerated field (``app_type: e_office``: *Văn phòng
        điện tử*); the value itself if it has none."""
        pair = _VALUES.get(field, {}).get(value) or _ENUMS.get(value)
        return pair[self.index] if pair else value

    def has_values(self, field: str) -> bool:
        """Whether ``field`` is an enumerated field with labelled values."""
        return field in _VALUES

    def field(self, name: str) -> str:
        """A label for a component field; the field name itself if it has none."""
        pair = _FIELDS.get(name)
        return pair[self.index] if pair else name

    def layer(self, layer: Layer | str) -> str:
        info = LAYER_INFO[Layer(layer)]
        return info.name if self.lang == "vi" else info.name_en

    def layer_other(self, layer: Layer | str) -> str:
        info = LAYER_INFO[Layer(layer)]
        return info.name_en if self.lang == "vi" else info.name

    def kind(self, kind: str) -> str:
        return metamodel.label(kind, self.lang)

    def kind_other(self, kind: str) -> str:
        return metamodel.label(kind, "en" if self.lang == "vi" else "vi")


def words(lang: str) -> Words:
    """The :class:`Words` of ``lang``; raises ``ValueError`` for a language eakit lacks."""
    if lang not in LANGS:
        raise ValueError(f"unsupported site language '{lang}' (use one of: {', '.join(LANGS)})")
    return Words(lang)
