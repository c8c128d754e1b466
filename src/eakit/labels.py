"""Human labels of the model's enumerated values and fields in Vietnamese and English:
one table read by the site, the rule messages and any other output that names a value.

Each entry is a ``(Vietnamese, English)`` pair.
"""

from __future__ import annotations

from eakit.model.frameworks import framework_name
from eakit.model.layers import LAYER_INFO, Layer

ENUM_LABELS: dict[str, tuple[str, str]] = {
    # status and scope
    "current": ("Đang vận hành", "Current"),
    "planned": ("Dự kiến", "Planned"),
    "retired": ("Đã ngừng", "Retired"),
    "provincial": ("Của tỉnh", "Provincial"),
    "national": ("Quốc gia", "National"),
    "external": ("Bên ngoài", "External"),
    # severity
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "info": ("Thông tin", "Info"),
}

# Labels of the values of enumerated fields, by field: the same value can mean different
# things ("other" application type, "other" data classification; "email" as an
# application and as a channel).
VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # of relations (the site's relations tables)
    "sync_mode": {
        "realtime": ("Đồng bộ tức thời", "Real-time"),
        "batch": ("Đồng bộ theo lô", "Batch"),
        "manual": ("Trao đổi thủ công", "Manual"),
    },
    "actor_type": {
        "citizen": ("Người dân", "Citizens"),
        "enterprise": ("Doanh nghiệp", "Enterprises"),
        "civil_servant": ("Cán bộ, công chức, viên chức", "Civil servants"),
        "leader": ("Lãnh đạo", "Leaders"),
        "other_agency": ("Cơ quan, tổ chức khác", "Other agencies"),
    },
    "agency_type": {
        "provincial_people_committee": ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
        "department": ("Sở, ban, ngành", "Department"),
        "district": ("Cấp huyện (đến 30/6/2025)", "District (until 30/06/2025)"),
        "commune": ("Cấp xã", "Commune"),
        "public_service_centre": (
            "Trung tâm Phục vụ hành chính công",
            "Public administrative service centre",
        ),
        "public_service_unit": ("Đơn vị sự nghiệp công lập", "Public service unit"),
        "ministry": ("Bộ, ngành trung ương", "Ministry"),
        "national_agency": ("Cơ quan trung ương", "National agency"),
        "other_locality": ("Địa phương khác", "Other locality"),
    },
    "app_type": {
        "public_service_system": (
            "Hệ thống thông tin giải quyết thủ tục hành chính",
            "Public service (one-stop) system",
        ),
        "document_management": (
            "Quản lý văn bản và điều hành",
            "Document management and direction",
        ),
        "e_office": ("Văn phòng điện tử", "E-office"),
        "egov_platform": ("Nền tảng chính quyền điện tử", "E-government platform"),
        "email": ("Thư điện tử", "Email"),
        "digital_signature": ("Chữ ký số", "Digital signature"),
        "sso": ("Đăng nhập một lần", "Single sign-on"),
        "reporting": ("Báo cáo", "Reporting"),
        "video_conference": ("Hội nghị truyền hình", "Video conferencing"),
        "sector": ("Chuyên ngành", "Sector application"),
        "other": ("Khác", "Other"),
    },
    "capability_type": {
        "soc": (
            "Trung tâm giám sát, điều hành an toàn thông tin (SOC)",
            "Security operations centre",
        ),
        "monitoring": ("Giám sát an toàn thông tin", "Security monitoring"),
        "firewall": ("Tường lửa", "Firewall"),
        "waf": ("Tường lửa ứng dụng web", "Web application firewall"),
        "ids_ips": ("Phát hiện, ngăn chặn xâm nhập", "Intrusion detection and prevention"),
        "antimalware": ("Phòng, chống mã độc", "Anti-malware"),
        "backup": ("Sao lưu dữ liệu", "Backup"),
        "incident_response": ("Ứng cứu sự cố", "Incident response"),
        "professional_protection": (
            "Giám sát, bảo vệ chuyên nghiệp (lớp 2 của mô hình 4 lớp)",
            "Professional monitoring and protection service",
        ),
        "independent_assessment": (
            "Kiểm tra, đánh giá độc lập định kỳ (lớp 3 của mô hình 4 lớp)",
            "Independent periodic inspection and assessment",
        ),
    },
    "channel_type": {
        "web": ("Trang web", "Web"),
        "mobile_app": ("Ứng dụng di động", "Mobile app"),
        "one_stop_counter": ("Bộ phận Một cửa", "One-stop counter"),
        "kiosk": ("Ki-ốt", "Kiosk"),
        "hotline": ("Đường dây nóng", "Hotline"),
        "email": ("Thư điện tử", "Email"),
        "sms": ("Tin nhắn", "SMS"),
        "postal": ("Bưu chính công ích", "Public postal service"),
        "social_media": ("Mạng xã hội", "Social media"),
    },
    "classification": {
        "core": ("Cốt lõi", "Core"),
        "important": ("Quan trọng", "Important"),
        "other": ("Khác", "Other"),
    },
    "db_type": {
        "national": ("Cơ sở dữ liệu quốc gia", "National database"),
        "sector": ("Chuyên ngành", "Sector database"),
        "shared": ("Dùng chung", "Shared database"),
        "catalogue": ("Danh mục dùng chung", "Shared catalogue"),
        "warehouse": ("Kho dữ liệu", "Data warehouse"),
        "open_data": ("Dữ liệu mở", "Open data"),
    },
    "dc_type": {
        "data_centre": ("Trung tâm dữ liệu", "Data centre"),
        "dr_site": ("Trung tâm dự phòng", "Disaster-recovery site"),
        "cloud": ("Điện toán đám mây", "Cloud"),
        "server_room": ("Phòng máy chủ", "Server room"),
    },
    "level": {
        "full": ("Toàn trình", "Fully online"),
        "partial": ("Một phần", "Partly online"),
        "1": ("Mức độ 1", "Level 1"),
        "2": ("Mức độ 2", "Level 2"),
        "3": ("Mức độ 3", "Level 3"),
        "4": ("Mức độ 4", "Level 4"),
    },
    "network_level": {"I": ("Cấp I", "Level I"), "II": ("Cấp II", "Level II")},
    "network_type": {
        "tslcd": ("Mạng truyền số liệu chuyên dùng", "Specialised data network"),
        "internet_gateway": ("Cổng kết nối Internet", "Internet gateway"),
        "wan": ("Mạng diện rộng", "Wide-area network"),
        "internet": ("Internet", "Internet"),
    },
    "platform_type": {
        "lgsp": ("Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP)", "Provincial LGSP"),
        "ndxp": ("Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)", "National NDXP"),
        "document_axis": ("Trục liên thông văn bản", "Document interconnection axis"),
        "identity": ("Định danh và xác thực điện tử", "Identity and authentication"),
        "payment": ("Thanh toán trực tuyến", "Online payment"),
        "notification": ("Thông báo", "Notification"),
        "public_service_hub": ("Hệ thống dịch vụ công tập trung", "Public service hub"),
        "reporting": ("Hệ thống thông tin báo cáo", "Reporting system"),
    },
    "portal_type": {
        "provincial_portal": ("Cổng thông tin điện tử tỉnh", "Provincial portal"),
        "public_service_portal": ("Cổng dịch vụ công", "Public service portal"),
        "agency_portal": ("Cổng, trang thông tin của cơ quan", "Agency portal"),
        "open_data_portal": ("Cổng dữ liệu mở", "Open data portal"),
    },
}


# Labels of component fields that are not references (those become relations).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "status": ("Trạng thái", "Status"),
    "since": ("Năm đưa vào sử dụng", "In operation since"),
    "target": ("Năm mục tiêu", "Target year"),
    "retired_in": ("Năm ngừng sử dụng", "Retired in"),
    "scope": ("Phạm vi", "Scope"),
    "tags": ("Nhãn", "Tags"),
    "source": ("Nguồn", "Source"),
    "properties": ("Thuộc tính khác", "Other properties"),
    "security_level": ("Cấp độ an toàn", "Security level"),
    "security_dossier": ("Hồ sơ đề xuất cấp độ", "Security-level dossier"),
    "processes_personal_data": ("Xử lý dữ liệu cá nhân", "Processes personal data"),
    "internet_facing": ("Kết nối Internet", "Internet-facing"),
    "vendor": ("Nhà cung cấp", "Vendor"),
    "url": ("Địa chỉ", "URL"),
    "actor_type": ("Nhóm người sử dụng", "Actor type"),
    "channel_type": ("Loại kênh", "Channel type"),
    "portal_type": ("Loại cổng", "Portal type"),
    "procedure_code": ("Mã thủ tục", "Procedure code"),
    "level": ("Mức độ dịch vụ", "Service level"),
    "fee": ("Có thu phí", "Fee charged"),
    "result_signed": ("Kết quả ký số", "Result digitally signed"),
    "sector": ("Lĩnh vực", "Sector"),
    "agency_type": ("Loại cơ quan", "Agency type"),
    "valid_from": ("Hiệu lực từ", "Valid from"),
    "valid_to": ("Hiệu lực đến", "Valid until"),
    "computer_ratio": ("Tỷ lệ máy tính/cán bộ", "Computers per official"),
    "has_dpo": ("Có bộ phận bảo vệ dữ liệu cá nhân", "Has a data-protection function"),
    "app_type": ("Loại ứng dụng", "Application type"),
    "shared": ("Dùng chung", "Shared"),
    "db_type": ("Loại cơ sở dữ liệu", "Database type"),
    "classification": ("Phân loại", "Classification"),
    "master_for": ("Dữ liệu gốc về", "Master data for"),
    "dpia_ref": ("Đánh giá tác động dữ liệu cá nhân", "Data-protection impact assessment"),
    "platform_type": ("Loại nền tảng", "Platform type"),
    "dc_type": ("Loại trung tâm", "Data-centre type"),
    "redundancy": ("Dự phòng nguồn, mạng", "Redundant power and network"),
    "location": ("Địa điểm", "Location"),
    "network_type": ("Loại mạng", "Network type"),
    "network_level": ("Cấp mạng", "Network level"),
    "phase": ("Giai đoạn", "Phase"),
    "connection_points": ("Số điểm kết nối", "Connection points"),
    "provider": ("Nhà cung cấp", "Provider"),
    "internet_access": ("Truy cập Internet", "Internet access"),
    "capability_type": ("Loại biện pháp", "Capability type"),
    "period": ("Giai đoạn", "Period"),
    "funding": ("Nguồn vốn", "Funding"),
    "recurring": ("Nhiệm vụ thường xuyên", "Recurring task"),
    "approved": ("Đã phê duyệt", "Approved"),
    "decision_ref": ("Số quyết định", "Decision"),
    "date": ("Ngày", "Date"),
    "approved_by": ("Cơ quan phê duyệt", "Approved by"),
    "protection_plan": ("Có phương án bảo vệ", "Protection plan"),
}

# Labels of the reference fields and of the fields of relations and the manifest, as
# rule messages name them (the site shows references as relations, not as fields).
MESSAGE_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Mã", "Id"),
    "kind": ("Loại thành phần", "Kind"),
    "from": ("Điểm đầu", "From"),
    "to": ("Điểm cuối", "To"),
    "type": ("Loại quan hệ", "Relation type"),
    "name": ("Tên", "Name"),
    "name_en": ("Tên tiếng Anh", "English name"),
    "description": ("Mô tả", "Description"),
    "owner": ("Cơ quan chủ quản", "Owner agency"),
    "operator": ("Đơn vị vận hành", "Operating unit"),
    "parent": ("Cơ quan cấp trên", "Parent agency"),
    "successor": ("Đơn vị kế thừa", "Successor"),
    "lead_agency": ("Cơ quan chủ trì", "Lead agency"),
    "provider": ("Cơ quan cung cấp", "Providing agency"),
    "hosted_on": ("Nơi đặt hệ thống", "Hosting site"),
    "protocol": ("Giao thức", "Protocol"),
    "standard_ref": ("Tiêu chuẩn kỹ thuật áp dụng", "Technical standard"),
    "agreement_ref": ("Căn cứ chia sẻ dữ liệu", "Sharing agreement"),
    "approval": ("Quyết định phê duyệt kiến trúc", "Approving decision"),
    "owner_agency": ("Cơ quan chủ trì kiến trúc", "Owning agency of the architecture"),
    "framework": ("Khung kiến trúc", "Framework"),
    "approved": ("Hồ sơ đề xuất cấp độ được phê duyệt", "Approval of the level dossier"),
    "decision_ref": ("Số quyết định phê duyệt", "Number of the approving decision"),
    "protection_plan": ("Phương án bảo đảm an toàn được phê duyệt", "Approved protection plan"),
    # the other reference fields, as the site names the field that declares a relation
    "agency": ("Cơ quan, đơn vị", "Agency"),
    "based_on": ("Xây dựng trên nền", "Built on"),
    "channels": ("Kênh giao tiếp", "Channels"),
    "connected_to": ("Kết nối tới", "Connected to"),
    "delivered_by": ("Thành phần cung cấp dịch vụ", "Delivered by"),
    "depends_on": ("Phụ thuộc vào", "Depends on"),
    "deployed_at": ("Nơi triển khai", "Deployed at"),
    "links_to": ("Liên kết tới", "Links to"),
    "located_in": ("Vị trí đặt", "Located in"),
    "protects": ("Đối tượng được bảo vệ", "Protects"),
    "realises": ("Hiện thực hóa", "Realises"),
    "replaces": ("Thay thế cho", "Replaces"),
    "serves": ("Phục vụ", "Serves"),
}


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Vietnamese or the English word of a pair (Vietnamese unless ``lang`` is en)."""
    return pair[1] if lang == "en" else pair[0]


def has_label(name: str) -> bool:
    """Whether a field (by its last part) has a label of its own."""
    last = name.rsplit(".", 1)[-1]
    return last in MESSAGE_FIELD_LABELS or last in FIELD_LABELS


def field_label(name: str, lang: str) -> str:
    """A field as people name it; dotted names (``security_dossier.approved``) by their
    last part; the name itself when it has no label."""
    last = name.rsplit(".", 1)[-1]
    pair = MESSAGE_FIELD_LABELS.get(last) or FIELD_LABELS.get(last)
    return pick(pair, lang) if pair else name


def value_label(field: str, value: object, lang: str) -> str:
    """The label of a value of an enumerated field; other values as they are."""
    text = str(getattr(value, "value", value))
    pair = VALUE_LABELS.get(field, {}).get(text) or ENUM_LABELS.get(text)
    return pick(pair, lang) if pair else text


def framework_label(framework: str, lang: str) -> str:
    """The full name of a national framework (its id when unknown)."""
    return framework_name(framework, lang)


def layer_label(layer: str, lang: str) -> str:
    """A layer code as people name it (an unknown code as it is)."""
    try:
        info = LAYER_INFO[Layer(layer)]
    except ValueError:
        return layer
    return info.name_en if lang == "en" else info.name
