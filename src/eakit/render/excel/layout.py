"""The inventory sheet layout: one column per component field, per framework layer.

The workbook writes inventory sheets with it and the survey import reads them back
with it, so the two can never disagree. Columns are derived from the pydantic
component classes (every field of every kind in the layer), so a field added to a
kind appears in the workbook and round-trips without touching this module; only its
label has to be added to :data:`FIELD_LABELS` (a test checks that).
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from eakit import metamodel
from eakit.model.components import BaseComponent
from eakit.model.layers import LAYERS
from eakit.model.refs import ref_fields
from eakit.render.excel.labels import Lang

Shape = Literal["text", "int", "float", "bool", "date", "list", "enum"]

# field path -> (vi, en) column label
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Mã định danh", "Id"),
    "kind": ("Loại thành phần", "Kind"),
    "name": ("Tên", "Name"),
    "name_en": ("Tên tiếng Anh", "English name"),
    "description": ("Mô tả", "Description"),
    "description_en": ("Mô tả tiếng Anh", "Description (English)"),
    "status": ("Trạng thái", "Status"),
    "since": ("Năm đưa vào sử dụng", "In use since"),
    "target": ("Năm mục tiêu", "Target year"),
    "retired_in": ("Năm ngừng sử dụng", "Retired in"),
    "scope": ("Phạm vi", "Scope"),
    "replaces": ("Thay thế cho", "Replaces"),
    "depends_on": ("Phụ thuộc vào", "Depends on"),
    "tags": ("Nhãn", "Tags"),
    "source": ("Nguồn thông tin", "Source"),
    "owner": ("Cơ quan chủ quản", "Owner"),
    "operator": ("Đơn vị vận hành", "Operator"),
    "hosted_on": ("Nơi đặt (TTDL)", "Hosted on"),
    "security_level": ("Cấp độ ATTT", "Security level"),
    "security_dossier.approved": ("HSĐXCĐ đã phê duyệt", "Security dossier approved"),
    "security_dossier.decision_ref": ("Số QĐ phê duyệt cấp độ", "Dossier decision"),
    "security_dossier.date": ("Ngày phê duyệt cấp độ", "Dossier date"),
    "security_dossier.approved_by": ("Cơ quan phê duyệt cấp độ", "Dossier approved by"),
    "security_dossier.protection_plan": ("Có phương án bảo đảm ATTT", "Protection plan"),
    "processes_personal_data": ("Xử lý dữ liệu cá nhân", "Processes personal data"),
    "internet_facing": ("Kết nối Internet", "Internet facing"),
    "vendor": ("Nhà cung cấp phần mềm", "Vendor"),
    "url": ("Địa chỉ truy cập", "URL"),
    "based_on": ("Xây dựng trên nền", "Based on"),
    "actor_type": ("Nhóm người sử dụng", "Actor type"),
    "channel_type": ("Loại kênh", "Channel type"),
    "serves": ("Phục vụ", "Serves"),
    "portal_type": ("Loại cổng", "Portal type"),
    "links_to": ("Liên kết tới", "Links to"),
    "procedure_code": ("Mã thủ tục hành chính", "Procedure code"),
    "level": ("Mức độ dịch vụ", "Service level"),
    "provider": ("Đơn vị cung cấp", "Provider"),
    "delivered_by": ("Hệ thống cung cấp", "Delivered by"),
    "channels": ("Kênh tiếp nhận", "Channels"),
    "fee": ("Có thu phí", "Fee"),
    "result_signed": ("Kết quả có ký số", "Result signed"),
    "sector": ("Lĩnh vực", "Sector"),
    "agency_type": ("Loại cơ quan", "Agency type"),
    "parent": ("Cơ quan cấp trên", "Parent agency"),
    "valid_from": ("Hiệu lực từ", "Valid from"),
    "valid_to": ("Hiệu lực đến", "Valid to"),
    "successor": ("Cơ quan kế thừa", "Successor"),
    "computer_ratio": ("Tỷ lệ máy tính/CBCC", "Computers per official"),
    "has_dpo": ("Có bộ phận bảo vệ DLCN", "Has data-protection officer"),
    "lead_agency": ("Cơ quan chủ trì", "Lead agency"),
    "app_type": ("Loại ứng dụng", "Application type"),
    "shared": ("Dùng chung", "Shared"),
    "deployed_at": ("Triển khai tại", "Deployed at"),
    "db_type": ("Loại CSDL", "Database type"),
    "classification": ("Phân loại dữ liệu", "Data classification"),
    "master_for": ("Dữ liệu gốc về", "Master for"),
    "dpia_ref": ("Hồ sơ đánh giá tác động DLCN", "DPIA reference"),
    "platform_type": ("Loại nền tảng", "Platform type"),
    "dc_type": ("Loại trung tâm", "Data-centre type"),
    "redundancy": ("Có dự phòng", "Redundancy"),
    "location": ("Địa điểm", "Location"),
    "connected_to": ("Kết nối tới", "Connected to"),
    "network_type": ("Loại mạng", "Network type"),
    "network_level": ("Cấp mạng TSLCD", "TSLCD level"),
    "phase": ("Giai đoạn triển khai", "Phase"),
    "connection_points": ("Số điểm kết nối", "Connection points"),
    "located_in": ("Đặt tại", "Located in"),
    "agency": ("Cơ quan", "Agency"),
    "internet_access": ("Truy cập Internet", "Internet access"),
    "capability_type": ("Loại biện pháp", "Capability type"),
    "protects": ("Bảo vệ", "Protects"),
    "period": ("Giai đoạn kế hoạch", "Plan period"),
    "realises": ("Hiện thực hóa", "Realises"),
    "funding": ("Nguồn kinh phí", "Funding"),
    "recurring": ("Nhiệm vụ thường xuyên", "Recurring"),
    "security_assessed": ("Ngày kiểm tra, đánh giá ATTT gần nhất", "Last security assessment"),
    "log_retention_months": ("Thời gian lưu nhật ký (tháng)", "Log retention (months)"),
    "breach_notification": ("Có quy trình thông báo vi phạm DLCN", "Breach notification"),
    "ipv6_ready": ("Sẵn sàng IPv6", "IPv6 ready"),
    "mandatory_connection": ("Thuộc danh mục kết nối bắt buộc", "Mandatory connection"),
    "risk_assessed": ("Ngày đánh giá rủi ro gần nhất", "Last risk assessment"),
    "catalogue_published": ("Danh mục dữ liệu mở đã công bố", "Open-data catalogue published"),
    "investment_decision": ("Quyết định đầu tư", "Investment decision"),
    "conformity_appraisal": ("Thẩm định phù hợp kiến trúc", "Architecture conformity appraisal"),
}

# Columns a printed page shows, in this order; every other field follows, unprinted
# (the print area stops at the last of these) but present for machines and surveys.
PRINTED = (
    "id",
    "kind",
    "name",
    "status",
    "since",
    "target",
    "actor_type",
    "channel_type",
    "portal_type",
    "agency_type",
    "app_type",
    "db_type",
    "platform_type",
    "dc_type",
    "network_type",
    "capability_type",
    "level",
    "period",
    "owner",
    "agency",
    "parent",
    "lead_agency",
    "provider",
    "hosted_on",
    "located_in",
    "security_level",
)
# Unprinted columns that close the row, after the kind-specific ones.
TRAILING = ("name_en", "scope", "description", "description_en", "tags", "source")

PROPERTY_PREFIX = "properties."
# The key suffix of a printed column that shows the names of a reference column's ids
# (beside it; for readers only: the survey import skips it).
NAME_SUFFIX = "#name"
_NAME_HEADER = ("{header} (tên)", "{header} (name)")
LIST_SEPARATOR = "; "

_WIDTHS: dict[Shape, float] = {
    "text": 24,
    "int": 10,
    "float": 11,
    "bool": 11,
    "date": 12,
    "list": 26,
    "enum": 18,
}
_WIDE_TEXT = {"name": 40, "description": 50, "description_en": 50, "name_en": 34, "id": 24}


@dataclass(frozen=True)
class Column:
    """One inventory column: a component field (or a property) and how to show it."""

    key: str
    shape: Shape
    options: tuple[str, ...] = ()
    printed: bool = False
    ref: bool = False

    def header(self, lang: Lang) -> str:
        """The column heading in ``lang`` (properties keep their key)."""
        if self.key.endswith(NAME_SUFFIX):
            base = Column(self.key.removesuffix(NAME_SUFFIX), "text").header(lang)
            return _NAME_HEADER[0 if lang == "vi" else 1].format(header=base)
        labels = FIELD_LABELS.get(self.key)
        if labels is None:
            return self.key
        return labels[0] if lang == "vi" else labels[1]

    @property
    def width(self) -> float:
        """Column width in Excel character units."""
        if self.key.endswith(NAME_SUFFIX):
            return 26
        return _WIDE_TEXT.get(self.key, _WIDTHS[self.shape])

    @property
    def wrap(self) -> bool:
        return self.shape in ("text", "list")


def _strip(annotation: Any) -> tuple[Any, bool]:
    """Remove ``Optional`` and ``Annotated`` wrappers; report whether it was a list."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, False
            annotation = args[0]
        elif origin is list:
            inner, _ = _strip(get_args(annotation)[0])
            return inner, True
        else:
            return annotation, False


def _shape(annotation: Any) -> tuple[Shape, tuple[str, ...]]:
    base, many = _strip(annotation)
    if many:
        return "list", ()
    if get_origin(base) is Literal:
        return "enum", tuple(str(a) for a in get_args(base))
    if isinstance(base, type) and issubclass(base, Enum):
        return "enum", tuple(str(m.value) for m in base)
    if base is bool:
        return "bool", ()
    if base is int:
        return "int", ()
    if base is float:
        return "float", ()
    if base is dt.date:
        return "date", ()
    return "text", ()


def kinds_of_layer(layer: str) -> list[str]:
    """The component kinds of a layer, in the registry's order."""
    return list(metamodel.kinds_in_layer(layer))


def sheet_kinds(layer: str, present: Iterable[str] = ()) -> tuple[str, ...]:
    """The kinds a layer's inventory sheet offers: the framework's kinds of the layer and
    the generic ArchiMate kinds among ``present`` (a survey of a framework model stays
    the framework's; a model with ArchiMate elements lists them too)."""
    used = set(present)
    return tuple(
        kind
        for kind in metamodel.kinds_in_layer(layer)
        if metamodel.spec(kind).framework or kind in used
    )


def _field_columns(cls: type[BaseComponent]) -> list[Column]:
    refs = {f.name for f in ref_fields(cls)}
    columns = []
    for name, info in cls.model_fields.items():
        if name in ("kind", "properties"):
            continue
        nested, _ = _strip(info.annotation)
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            for sub, sub_info in nested.model_fields.items():
                shape, options = _shape(sub_info.annotation)
                columns.append(Column(f"{name}.{sub}", shape, options))
            continue
        shape, options = _shape(info.annotation)
        columns.append(Column(name, shape, options, ref=name in refs))
    return columns


@cache
def layer_columns(layer: str, kinds: tuple[str, ...] | None = None) -> tuple[Column, ...]:
    """The field columns of a layer's inventory sheet for ``kinds`` (default: every kind
    of the layer), without property columns."""
    if kinds is None:
        kinds = tuple(kinds_of_layer(layer))
    found: dict[str, Column] = {"kind": Column("kind", "enum", kinds)}
    for kind in kinds:
        for column in _field_columns(metamodel.component_class(kind)):
            found.setdefault(column.key, column)
    printed = [key for key in PRINTED if key in found]
    trailing = [key for key in TRAILING if key in found]
    middle = [key for key in found if key not in printed and key not in trailing]
    ordered = [*printed, *middle, *trailing]
    return tuple(
        Column(c.key, c.shape, c.options, printed=c.key in printed, ref=c.ref)
        for c in (found[key] for key in ordered)
    )


def property_columns(keys: list[str]) -> tuple[Column, ...]:
    """Columns for free-form ``properties`` keys (sorted, so output is stable)."""
    return tuple(Column(PROPERTY_PREFIX + key, "text") for key in sorted(set(keys)))


def applies(column: Column, kind: str) -> bool:
    """Whether a column is a field of ``kind`` (properties apply to every kind)."""
    if column.key == "kind" or column.key.startswith(PROPERTY_PREFIX):
        return True
    key = column.key.removesuffix(NAME_SUFFIX)
    return key.split(".", 1)[0] in metamodel.component_class(kind).model_fields


def with_names(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """``columns`` with a printed names column after each printed reference column."""
    out: list[Column] = []
    for column in columns:
        out.append(column)
        if column.printed and column.ref:
            out.append(Column(column.key + NAME_SUFFIX, "text", printed=True))
    return tuple(out)


def name_headers(layer: str, kinds: tuple[str, ...] | None = None) -> set[str]:
    """The headings of a layer's names columns, in every language."""
    return {
        column.header(lang)
        for column in with_names(layer_columns(layer, kinds))
        if column.key.endswith(NAME_SUFFIX)
        for lang in ("vi", "en")
    }


def layer_codes() -> list[str]:
    """Layer codes in framework order."""
    return [info.layer.value for info in sorted(LAYERS, key=lambda i: i.order)]


def cell_value(component: BaseComponent, column: Column) -> Any:
    """The raw field value of a component for a column (``None`` when absent)."""
    if column.key.startswith(PROPERTY_PREFIX):
        return component.properties.get(column.key[len(PROPERTY_PREFIX) :])
    value: Any = component
    for part in column.key.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value
