"""The national tier every province connects to: ministries, platforms, national databases.

Owners are given only where the operator is well established (see the domain reference,
section 1.6); the rest stay unset rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from eakit.generate.files import ModelFiles

FOLDER = "00-quoc-gia"


@dataclass(frozen=True)
class National:
    """Ids of the national components provinces refer to."""

    ministry_of_science: str = "bo-khcn"
    ndxp: str = "ndxp"
    public_service_portal: str = "cong-dich-vu-cong-quoc-gia"
    document_axis: str = "truc-lien-thong-van-ban-quoc-gia"
    identity: str = "he-thong-dinh-danh-xac-thuc-dien-tu"
    payment: str = "nen-tang-thanh-toan-truc-tuyen"
    population_db: str = "csdl-quoc-gia-ve-dan-cu"
    land_db: str = "csdl-quoc-gia-ve-dat-dai"
    enterprise_db: str = "csdl-quoc-gia-ve-dang-ky-doanh-nghiep"
    civil_status_db: str = "csdl-ho-tich-dien-tu-toan-quoc"
    civil_servant_db: str = "csdl-quoc-gia-ve-can-bo-cong-chuc"
    tslcd: str = "mang-tslcd-cap-1"
    monitoring: str = "trung-tam-giam-sat-attt-quoc-gia"


_MINISTRIES = (
    ("bo-khcn", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology", "ministry"),
    ("van-phong-chinh-phu", "Văn phòng Chính phủ", "Government Office", "ministry"),
    ("bo-cong-an", "Bộ Công an", "Ministry of Public Security", "ministry"),
    ("bo-tai-chinh", "Bộ Tài chính", "Ministry of Finance", "ministry"),
    ("bo-noi-vu", "Bộ Nội vụ", "Ministry of Home Affairs", "ministry"),
    ("bo-tu-phap", "Bộ Tư pháp", "Ministry of Justice", "ministry"),
    (
        "bo-nn-mt",
        "Bộ Nông nghiệp và Môi trường",
        "Ministry of Agriculture and Environment",
        "ministry",
    ),
    ("bo-y-te", "Bộ Y tế", "Ministry of Health", "ministry"),
    ("bo-gd-dt", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "ministry"),
    (
        "ban-co-yeu-chinh-phu",
        "Ban Cơ yếu Chính phủ",
        "Government Cipher Committee",
        "national_agency",
    ),
)


def build_national(files: ModelFiles) -> National:
    """Add the national components to ``files`` and return their ids."""
    ids = National()
    agencies = f"{FOLDER}/co-quan-trung-uong.yaml"
    for key, name, name_en, agency_type in _MINISTRIES:
        files.unique_id(key)
        files.add(
            agencies,
            {
                "id": key,
                "kind": "agency",
                "agency_type": agency_type,
                "name": name,
                "name_en": name_en,
                "scope": "national",
            },
        )
    platforms = f"{FOLDER}/nen-tang-quoc-gia.yaml"

    def system(record: dict[str, object]) -> None:
        files.unique_id(str(record["id"]))
        files.add(platforms, {**record, "scope": "national", "status": "current"})

    system(
        {
            "id": ids.ndxp,
            "kind": "integration_platform",
            "platform_type": "ndxp",
            "name": "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia",
            "name_en": "National data integration and sharing platform (NDXP)",
            "since": 2019,
        }
    )
    system(
        {
            "id": ids.document_axis,
            "kind": "integration_platform",
            "platform_type": "document_axis",
            "name": "Trục liên thông văn bản quốc gia",
            "name_en": "National document interconnection axis",
            "owner": "van-phong-chinh-phu",
            "since": 2019,
        }
    )
    system(
        {
            "id": ids.identity,
            "kind": "integration_platform",
            "platform_type": "identity",
            "name": "Hệ thống định danh và xác thực điện tử (VNeID)",
            "name_en": "National electronic identification and authentication (VNeID)",
            "owner": "bo-cong-an",
            "since": 2022,
        }
    )
    system(
        {
            "id": ids.payment,
            "kind": "integration_platform",
            "platform_type": "payment",
            "name": "Nền tảng thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia",
            "name_en": "Online payment platform of the National Public Service Portal",
            "owner": "van-phong-chinh-phu",
            "since": 2020,
        }
    )
    system(
        {
            "id": ids.public_service_portal,
            "kind": "portal",
            "portal_type": "public_service_portal",
            "name": "Cổng Dịch vụ công quốc gia",
            "name_en": "National Public Service Portal",
            "owner": "van-phong-chinh-phu",
            "url": "https://dichvucong.gov.vn",
            "internet_facing": True,
            "since": 2019,
        }
    )
    for key, name, name_en, owner, since in (
        (
            ids.population_db,
            "Cơ sở dữ liệu quốc gia về dân cư",
            "National population database",
            "bo-cong-an",
            2021,
        ),
        (
            ids.land_db,
            "Cơ sở dữ liệu quốc gia về đất đai",
            "National land database",
            "bo-nn-mt",
            2023,
        ),
        (
            ids.enterprise_db,
            "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
            "National enterprise registration database",
            "bo-tai-chinh",
            2010,
        ),
        (
            ids.civil_status_db,
            "Cơ sở dữ liệu hộ tịch điện tử toàn quốc",
            "Nationwide electronic civil status database",
            "bo-tu-phap",
            2020,
        ),
        (
            ids.civil_servant_db,
            "Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức",
            "National database of civil servants",
            "bo-noi-vu",
            2023,
        ),
    ):
        system(
            {
                "id": key,
                "kind": "database",
                "db_type": "national",
                "classification": "core",
                "name": name,
                "name_en": name_en,
                "owner": owner,
                "processes_personal_data": True,
                "since": since,
            }
        )
    infrastructure = f"{FOLDER}/ha-tang-quoc-gia.yaml"
    files.unique_id(ids.tslcd)
    files.add(
        infrastructure,
        {
            "id": ids.tslcd,
            "kind": "network",
            "network_type": "tslcd",
            "network_level": "I",
            "name": "Mạng truyền số liệu chuyên dùng cấp I",
            "name_en": "Specialised data transmission network, level I",
            "owner": ids.ministry_of_science,
            "scope": "national",
        },
    )
    files.unique_id(ids.monitoring)
    files.add(
        infrastructure,
        {
            "id": ids.monitoring,
            "kind": "security_capability",
            "capability_type": "monitoring",
            "name": "Trung tâm Giám sát an toàn không gian mạng quốc gia",
            "name_en": "National cyberspace security monitoring centre",
            "scope": "national",
        },
    )
    files.relate(platforms, ids.public_service_portal, "authenticates_via", ids.identity)
    files.relate(platforms, ids.public_service_portal, "integrates_with", ids.payment)
    files.relate(platforms, ids.ndxp, "reads_from", ids.population_db, protocol="REST")
    return ids
