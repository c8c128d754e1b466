"""Every word the workbook shows, in Vietnamese and English.

Headings, column labels and value labels live here so the sheet modules stay about
layout, and so the survey import can read a workbook in either language back.
"""

from __future__ import annotations

from typing import Literal

from eakit.metamodel import KIND_SPECS
from eakit.render.site.i18n import _VALUES as FIELD_VALUE_WORDS

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# UI strings: key -> (vi, en).
_TEXT: dict[str, tuple[str, str]] = {
    # sheet names (at most 31 characters, no []:*?/\)
    "sheet.summary": ("Tổng quan", "Summary"),
    "sheet.findings": ("Phát hiện", "Findings"),
    "sheet.groups": ("Tổng hợp theo quy tắc", "Findings by rule"),
    "sheet.agencies": ("Theo cơ quan", "By agency"),
    "sheet.coverage": ("Độ phủ theo cơ quan", "Coverage"),
    "sheet.roadmap": ("Khoảng trống, lộ trình", "Gaps and roadmap"),
    "sheet.rules": ("Danh mục quy tắc", "Rule catalogue"),
    "sheet.about": ("Hướng dẫn", "Instructions"),
    # summary
    "summary.title": ("BÁO CÁO MỨC ĐỘ SẴN SÀNG KIẾN TRÚC", "ARCHITECTURE READINESS REPORT"),
    "summary.facts": ("Thông tin chung", "General information"),
    "summary.fact": ("Thông tin", "Item"),
    "summary.value": ("Giá trị", "Value"),
    "fact.architecture": ("Kiến trúc", "Architecture"),
    "fact.id": ("Mã kiến trúc", "Architecture id"),
    "fact.name_en": ("Tên tiếng Anh", "English name"),
    "fact.framework": ("Khung kiến trúc áp dụng", "Framework"),
    "fact.packs": ("Bộ quy tắc", "Rule packs"),
    "fact.as_of": ("Ngày đánh giá (hiện trạng)", "Judging date (current state)"),
    "fact.generated": ("Ngày lập báo cáo", "Report date"),
    "summary.method": ("Cách tính điểm", "How the scores are computed"),
    "conventions": ("Quy ước (tính riêng)", "Conventions (scored apart)"),
    "fact.horizon": ("Năm mục tiêu", "Horizon"),
    "fact.province": ("Tỉnh", "Province"),
    "fact.owner": ("Cơ quan chủ trì kiến trúc", "Architecture owner"),
    "fact.approval": ("Quyết định phê duyệt", "Approval"),
    "fact.components": ("Số thành phần trong mô hình", "Components in the model"),
    "fact.rules": ("Số quy tắc đã áp dụng", "Rules applied"),
    "summary.readiness": ("Mức độ sẵn sàng", "Readiness"),
    "summary.no_readiness": (
        "Chưa có điểm sẵn sàng: bộ quy tắc chưa cho kết quả chấm điểm.",
        "No readiness score: the rule packs produced no scores.",
    ),
    "summary.severity": ("Phát hiện theo mức độ", "Findings by severity"),
    "summary.by_layer": ("Mức độ sẵn sàng theo lớp kiến trúc", "Readiness by layer"),
    "summary.by_agency": ("Mức độ sẵn sàng theo cơ quan", "Readiness by agency"),
    "summary.chart_layer": ("Mức độ sẵn sàng theo lớp", "Readiness by layer"),
    "summary.chart_severity": ("Số phát hiện theo mức độ", "Findings by severity"),
    "col.scope": ("Phạm vi", "Scope"),
    "col.verdict": ("Kết luận hiện trạng", "Verdict, current state"),
    "col.verdict_h": ("Kết luận khi hoàn thành lộ trình", "Verdict, roadmap complete"),
    "col.errors": ("Lỗi còn tồn tại", "Errors standing"),
    "col.errors_h": ("Lỗi khi hoàn thành lộ trình", "Errors, roadmap complete"),
    "col.layer": ("Lớp kiến trúc", "Layer"),
    "col.layer_code": ("Mã lớp", "Layer code"),
    "col.components": ("Số thành phần", "Components"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.agency_id": ("Mã cơ quan", "Agency id"),
    "col.severity": ("Mức độ", "Severity"),
    "col.count": ("Số lượng", "Count"),
    "overall": ("Toàn bộ kiến trúc", "Whole architecture"),
    # findings
    "findings.title": ("Danh sách phát hiện", "Findings"),
    "f.id": ("Mã phát hiện", "Finding id"),
    "f.rule": ("Quy tắc", "Rule"),
    "f.severity": ("Mức độ", "Severity"),
    "f.title": ("Nội dung quy tắc", "Rule title"),
    "f.layer": ("Lớp kiến trúc", "Layer"),
    "f.basis": ("Căn cứ pháp lý", "Legal basis"),
    "f.component": ("Thành phần", "Component"),
    "f.component_name": ("Tên thành phần", "Component name"),
    "f.agency": ("Cơ quan", "Agency"),
    "f.location": ("Vị trí trong mô hình", "Model location"),
    "f.message": ("Mô tả phát hiện", "Message"),
    "f.remediation": ("Khắc phục", "Remediation"),
    "f.waiver": ("Miễn trừ", "Waiver"),
    "f.waiver_reason": ("Lý do miễn trừ", "Waiver reason"),
    "f.waiver_owner": ("Người chịu trách nhiệm", "Waiver owner"),
    "f.waiver_expires": ("Hết hạn miễn trừ", "Waiver expires"),
    "waived.until": (
        "Miễn trừ đến {date}: {reason} ({owner})",
        "Waived until {date}: {reason} ({owner})",
    ),
    "waived.no": ("Không", "No"),
    "findings.none": ("Không có phát hiện nào.", "No findings."),
    "groups.title": ("Tổng hợp phát hiện theo quy tắc", "Findings by rule"),
    "g.count": ("Số phát hiện", "Findings"),
    "g.waived": ("Đã miễn trừ", "Waived"),
    "g.agencies": ("Cơ quan liên quan", "Agencies concerned"),
    "agencies.title": ("Kết quả đánh giá theo cơ quan", "Results by agency"),
    "a.number": ("STT", "No."),
    "a.errors": ("Lỗi", "Errors"),
    "a.warnings": ("Cảnh báo", "Warnings"),
    "findings.capped": (
        "Trang này chỉ chứa {shown} trên tổng số {total} phát hiện (giới hạn số dòng của "
        "Excel); danh sách đầy đủ: eakit check --format json.",
        "This sheet holds the first {shown} of {total} findings (Excel's row limit); "
        "the full list: eakit check --format json.",
    ),
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Cảnh báo", "Warning"),
    "severity.info": ("Thông tin", "Info"),
    "severity.waived": ("Đã miễn trừ", "Waived"),
    # inventory
    "inventory.title": ("Danh mục thành phần: {layer}", "Inventory: {layer}"),
    "inventory.sheet": ("DM {short}", "inventory-{code}"),
    # coverage
    "coverage.title": (
        "Độ phủ các năng lực chính theo cơ quan",
        "Key capabilities by agency",
    ),
    "coverage.note": (
        "Có: đang vận hành; Dự kiến: có trong kế hoạch (năm mục tiêu); Chưa có: không có trong "
        "mô hình. "
        "Cột dịch vụ công trực tuyến: số dịch vụ mức toàn trình, một phần hoặc mức 3, 4 "
        "đang cung cấp.",
        "Yes: in operation; Planned: planned (target year); No: not in the model. "
        "Online services: number of full, partial or level 3-4 services provided now.",
    ),
    "cov.agency_type": ("Loại cơ quan", "Agency type"),
    "cov.lan": ("Mạng LAN", "LAN"),
    "cov.tslcd": ("Mạng truyền số liệu chuyên dùng", "Specialised data network"),
    "cov.one_stop": ("Một cửa điện tử", "One-stop system"),
    "cov.document_management": ("Quản lý văn bản, điều hành", "Document management"),
    "cov.e_office": ("Văn phòng điện tử", "E-office"),
    "cov.portal": ("Cổng/trang thông tin", "Portal presence"),
    "cov.online_services": ("Dịch vụ công trực tuyến", "Online services"),
    "cov.yes": ("Có", "Yes"),
    "cov.no": ("Chưa có", "No"),
    "cov.planned": ("Dự kiến", "Planned"),
    "cov.planned_year": ("Dự kiến {year}", "Planned {year}"),
    "cov.total": ("Số cơ quan đã có", "Agencies covered"),
    # roadmap
    "roadmap.title": ("Khoảng trống và lộ trình đến {year}", "Gaps and roadmap to {year}"),
    "r.year": ("Năm mục tiêu", "Target year"),
    "r.period": ("Giai đoạn", "Period"),
    "r.id": ("Mã", "Id"),
    "r.name": ("Tên", "Name"),
    "r.kind": ("Loại", "Kind"),
    "r.layer": ("Lớp kiến trúc", "Layer"),
    "r.lead": ("Cơ quan chủ trì/chủ quản", "Lead or owner"),
    "r.status": ("Trạng thái", "Status"),
    "r.realises": ("Hiện thực hóa", "Realises"),
    "r.funding": ("Nguồn kinh phí", "Funding"),
    "r.description": ("Mô tả", "Description"),
    "roadmap.none": ("Không có thành phần kế hoạch nào.", "Nothing is planned."),
    # rules
    "rules.title": ("Danh mục quy tắc đã áp dụng", "Rules applied"),
    "ru.id": ("Mã quy tắc", "Rule id"),
    "ru.title": ("Nội dung", "Title"),
    "ru.severity": ("Mức độ", "Severity"),
    "ru.layer": ("Lớp kiến trúc", "Layer"),
    "ru.pack": ("Bộ quy tắc", "Pack"),
    "ru.basis": ("Căn cứ pháp lý", "Legal basis"),
    "ru.quote": ("Trích dẫn điều khoản", "Quoted provision"),
    "ru.unverified": ("chưa đối chiếu với văn bản", "unverified"),
    "ru.verified": ("đã đối chiếu với văn bản", "verified"),
    "ru.rationale": ("Lý do", "Rationale"),
    "ru.remediation": ("Khắc phục", "Remediation"),
    "ru.findings": ("Số phát hiện", "Findings"),
    "rules.none": ("Chưa có quy tắc nào được áp dụng.", "No rules were applied."),
    # template instructions
    "about.title": ("Phiếu khảo sát hiện trạng: hướng dẫn", "Inventory survey: instructions"),
    "about.text": (
        "Mỗi trang 'DM …' là danh mục thành phần của một lớp kiến trúc. Mỗi dòng là một "
        "thành phần; cột Mã định danh là duy nhất (chữ thường, số, dấu '-'). Sửa dòng có sẵn "
        "hoặc thêm dòng mới ngay dưới bảng; không đổi tên cột. Danh sách nhiều giá trị cách "
        "nhau bằng dấu ';'. Các cột tham chiếu (chủ quản, triển khai tại, …) ghi mã định danh "
        "của thành phần khác. Nhập lại bằng lệnh: eakit import-survey <tệp>.xlsx -o <thư mục "
        "mô hình>.",
        "Each 'inventory-…' sheet lists the components of one architecture layer, one per "
        "row; the Id column is unique (lower-case letters, digits and '-'). Edit rows or add "
        "new ones right below the table; do not rename columns. Separate several values with "
        "';'. Reference columns (owner, deployed at, …) hold the id of another component. "
        "Import with: eakit import-survey <file>.xlsx -o <model folder>.",
    ),
    "about.architecture": ("Kiến trúc", "Architecture"),
    "about.key": ("Khóa", "Key"),
    # header and footer
    "footer.page": ("Trang &P/&N", "Page &P of &N"),
}

# Value labels for the few enumerations a reader meets on every sheet.
# The site's words (render/site/i18n.py), so a status reads the same everywhere.
_STATUS = {
    "current": ("Đang vận hành", "Current"),
    "planned": ("Dự kiến", "Planned"),
    "retired": ("Đã ngừng", "Retired"),
}
_SCOPE = {
    "provincial": ("Của tỉnh", "Provincial"),
    "national": ("Quốc gia", "National"),
    "external": ("Bên ngoài", "External"),
}
_KIND = {kind: (spec.label, spec.label_en) for kind, spec in KIND_SPECS.items()}

_AGENCY_TYPE = {
    "provincial_people_committee": ("UBND tỉnh", "Provincial People's Committee"),
    "department": ("Sở, ban, ngành", "Department"),
    "district": ("UBND huyện", "District"),
    "commune": ("UBND xã", "Commune"),
    "public_service_centre": ("Trung tâm Phục vụ HCC", "Public service centre"),
    "public_service_unit": ("Đơn vị sự nghiệp", "Public service unit"),
    "ministry": ("Bộ, ngành", "Ministry"),
    "national_agency": ("Cơ quan trung ương", "National agency"),
    "other_locality": ("Địa phương khác", "Other locality"),
}

# Earlier words of a value, still accepted by the survey import (surveys filled in
# before the words changed).
VALUE_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "status": {"current": ("Hiện có",), "planned": ("Kế hoạch",)},
    "scope": {"provincial": ("Cấp tỉnh",)},
}

# Enumerations shown with words; the survey import accepts the word or the code.
VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # The site's words for the values of enumerated fields (app_type, db_type, ...).
    **FIELD_VALUE_WORDS,
    "status": _STATUS,
    "scope": _SCOPE,
    "kind": _KIND,
}
# Shown with words on report sheets only (inventory sheets keep the code).
DISPLAY_LABELS: dict[str, dict[str, tuple[str, str]]] = {"agency_type": _AGENCY_TYPE}

# Short layer names for sheet tabs.
LAYER_SHORT: dict[str, tuple[str, str]] = {
    "users": ("Người sử dụng, kênh", "users"),
    "services": ("Cổng, dịch vụ công", "services"),
    "business": ("Cơ quan, nghiệp vụ", "business"),
    "applications": ("Ứng dụng, CSDL", "applications"),
    "integration": ("Tích hợp", "integration"),
    "infrastructure": ("Hạ tầng", "infrastructure"),
    "security": ("An toàn thông tin", "security"),
    "governance": ("Lộ trình, nhiệm vụ", "governance"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    vi, en = _TEXT[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text


def value_label(field: str, code: str, lang: Lang) -> str:
    """The display label of an enumeration value (``status``, ``scope``, ``kind``)."""
    labels = (VALUE_LABELS.get(field) or DISPLAY_LABELS.get(field, {})).get(code)
    if labels is None:
        return code
    return labels[0] if lang == "vi" else labels[1]


def severity_label(severity: str, lang: Lang) -> str:
    """``Lỗi`` / ``Error`` for ``error`` and so on."""
    return t(f"severity.{severity}", lang)


def inventory_sheet_name(layer: str, lang: Lang) -> str:
    """The tab name of a layer's inventory sheet."""
    short_vi, code = LAYER_SHORT[layer]
    return t("inventory.sheet", lang, short=short_vi, code=code)
