"""One synthetic province: agencies, communes, services, systems, data, integration,
infrastructure, security and roadmap, about 3,000 components and 9,000 relations.

Gaps are deliberate and realistic in share (:data:`GAPS`): systems without a security
level or an approved dossier, point-to-point exchanges that bypass the LGSP, LANs not on
the specialised network, services not yet online, ... so that rules have work to do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import cast

from eakit.generate.files import ModelFiles, Record
from eakit.generate.names import (
    ACTIONS,
    BUSINESS_FUNCTIONS,
    DEPARTMENTS,
    PLACE_SYLLABLES,
    PUBLIC_SERVICE_UNITS,
    VENDORS,
    Department,
    province_name,
    slug,
)
from eakit.generate.national import National

AS_OF_YEAR = 2025

# Shares of deliberate gaps (probabilities per eligible component).
GAPS = {
    "no_security_level": 0.15,
    "dossier_not_approved": 0.30,
    "no_hosting": 0.10,
    "not_on_lgsp": 0.20,
    "point_to_point": 0.20,
    "lan_not_on_tslcd": 0.10,
    "service_not_delivered": 0.05,
    "service_no_level": 0.05,
    "db_no_owner": 0.05,
    "db_no_classification": 0.20,
    "no_dpia": 0.40,
    "no_dpo": 0.60,
    "not_protected": 0.25,
}

# Communes and wards per province after the 2025 reorganisation (3,321 in 34 units).
COMMUNES = (70, 150)
SERVICES = (2100, 2400)


@dataclass
class _Ids:
    """Ids of the province's shared components, filled while building."""

    ubnd: str = ""
    departments: dict[str, str] = field(default_factory=dict)
    units: list[tuple[str, str]] = field(default_factory=list)  # (id, department key)
    psc: str = ""
    communes: list[str] = field(default_factory=list)
    actors: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    functions: list[str] = field(default_factory=list)
    dc: str = ""
    dr: str = ""
    cloud: str = ""
    tslcd: str = ""
    wan: str = ""
    gateway: str = ""
    lgsp: str = ""
    one_stop: str = ""
    qlvb: str = ""
    sso: str = ""
    warehouse: str = ""
    systems: list[str] = field(default_factory=list)  # everything security protects
    internet_facing: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)
    portal_of: dict[str, str] = field(default_factory=dict)
    lan_of: dict[str, str] = field(default_factory=dict)
    provincial_portal: str = ""


class ProvinceBuilder:
    """Builds the files of one province into a :class:`ModelFiles`."""

    def __init__(self, files: ModelFiles, national: National, index: int, seed: int) -> None:
        self.files = files
        self.national = national
        self.rng = random.Random(f"eakit-generate:{seed}:{index}")
        self.name, self.is_city = province_name(index)
        self.key = slug(self.name)
        self.folder = f"{index + 1:02d}-{self.key}"
        # "tỉnh Lai Châu", "thành phố Huế": as it reads inside a longer name.
        self.label = f"{'thành phố' if self.is_city else 'tỉnh'} {self.name}"
        self.ids = _Ids()

    # --- helpers ----------------------------------------------------------------------------

    def chance(self, gap: str) -> bool:
        return self.rng.random() < GAPS[gap]

    def path(self, name: str) -> str:
        return f"{self.folder}/{name}"

    def new(self, path: str, base: str, kind: str, name: str, **fields: object) -> str:
        """Add a component with a fresh id under the province prefix."""
        cid = self.files.unique_id(f"{self.key}-{base}")
        record: Record = {
            "id": cid,
            "kind": kind,
            "name": name,
            "name_en": fields.pop("name_en", None),
        }
        record.update({k: v for k, v in fields.items() if v is not None})
        return self.files.add(self.path(path), record)

    def since(self, start: int = 2012) -> int:
        return self.rng.randint(start, AS_OF_YEAR)

    def lifecycle(self) -> dict[str, object]:
        """Status fields: mostly current, some planned (with a target year)."""
        if self.rng.random() < 0.08:
            return {"status": "planned", "target": self.rng.randint(AS_OF_YEAR + 1, 2030)}
        return {"since": self.since()}

    def dossier(self, level: int | None, since: object = None) -> dict[str, object] | None:
        """A security-level dossier (levels 2 and up), approved in most cases."""
        if level is None or level < 2:
            return None
        if self.chance("dossier_not_approved"):
            return {"approved": False}
        first = max(2018, since) if isinstance(since, int) else 2018
        year = self.rng.randint(min(first, AS_OF_YEAR), AS_OF_YEAR)
        return {
            "approved": True,
            "decision_ref": f"{self.rng.randint(100, 3999)}/QĐ-UBND",
            "date": f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
            "protection_plan": self.rng.random() < 0.7,
        }

    def hosting(self) -> str | None:
        if self.chance("no_hosting"):
            return None
        return self.ids.cloud if self.rng.random() < 0.15 else self.ids.dc

    def security_level(self, low: int = 1, high: int = 4) -> int | None:
        return None if self.chance("no_security_level") else self.rng.randint(low, high)

    # --- build ------------------------------------------------------------------------------

    def build(self) -> None:
        """Add every part of the province, in dependency order."""
        self.organisation()
        self.infrastructure()
        self.users()
        self.business()
        self.integration()
        self.shared_systems()
        self.portals()
        for department in DEPARTMENTS:
            self.department_systems(department)
        self.communes()
        self.services()
        self.security()
        self.roadmap()

    def organisation(self) -> None:
        ids, path = self.ids, "to-chuc.yaml"
        ids.ubnd = self.new(
            path,
            "ubnd",
            "agency",
            f"Ủy ban nhân dân {self.label}",
            agency_type="provincial_people_committee",
            name_en=f"People's Committee of {self.name}",
            computer_ratio=round(self.rng.uniform(0.85, 1.0), 2),
            has_dpo=True,
        )
        for department in DEPARTMENTS:
            ids.departments[department.key] = self.new(
                path,
                department.key,
                "agency",
                # "Thanh tra tỉnh" is "Thanh tra thành phố" in a city.
                department.name.removesuffix(" tỉnh") + " thành phố"
                if department.name.endswith(" tỉnh") and self.is_city
                else department.name,
                agency_type="department",
                name_en=department.name_en,
                parent=ids.ubnd,
                computer_ratio=round(self.rng.uniform(0.7, 1.0), 2),
                has_dpo=not self.chance("no_dpo"),
            )
        ids.psc = self.new(
            path,
            "ttpvhcc",
            "agency",
            "Trung tâm Phục vụ hành chính công",
            agency_type="public_service_centre",
            name_en="Public Administrative Service Centre",
            parent=ids.departments["vp-ubnd"],
        )
        for department_key, name, name_en in PUBLIC_SERVICE_UNITS:
            unit = self.new(
                path,
                slug(name),
                "agency",
                name,
                agency_type="public_service_unit",
                name_en=name_en,
                parent=ids.departments[department_key],
            )
            ids.units.append((unit, department_key))

    def infrastructure(self) -> None:
        ids, path = self.ids, "ha-tang.yaml"
        kh_cn = self.ids.departments["so-kh-cn"]
        ids.dc = self.new(
            path,
            "trung-tam-du-lieu",
            "data_centre",
            f"Trung tâm dữ liệu {self.label}",
            name_en=f"{self.name} provincial data centre",
            owner=kh_cn,
            operator=ids.units[0][0],
            security_level=3,
            redundancy=self.rng.random() < 0.6,
            since=self.since(2010),
        )
        ids.dr = self.new(
            path,
            "trung-tam-du-phong",
            "data_centre",
            "Trung tâm dữ liệu dự phòng",
            name_en="Disaster-recovery site",
            dc_type="dr_site",
            owner=kh_cn,
            **self.lifecycle(),
        )
        ids.cloud = self.new(
            path,
            "dam-may-tinh",
            "data_centre",
            "Nền tảng điện toán đám mây của tỉnh",
            name_en="Provincial government cloud",
            dc_type="cloud",
            owner=kh_cn,
            security_level=3,
            since=self.since(2020),
        )
        ids.tslcd = self.new(
            path,
            "tslcd-cap-2",
            "network",
            "Mạng truyền số liệu chuyên dùng cấp II",
            name_en="Specialised data transmission network, level II",
            network_type="tslcd",
            network_level="II",
            connection_points=self.rng.randint(150, 600),
            owner=kh_cn,
            connected_to=[self.national.tslcd],
        )
        ids.wan = self.new(
            path,
            "mang-wan",
            "network",
            "Mạng diện rộng (WAN) của tỉnh",
            network_type="wan",
            owner=kh_cn,
            located_in=ids.dc,
            connected_to=[ids.tslcd],
        )
        ids.gateway = self.new(
            path,
            "cong-internet",
            "network",
            "Cổng kết nối Internet tập trung",
            network_type="internet_gateway",
            provider=self.rng.choice(VENDORS[:3]),
            located_in=ids.dc,
        )
        self.files.relate(self.path(path), ids.dc, "connects_to", ids.tslcd)
        agencies = [ids.ubnd, *ids.departments.values(), ids.psc, *(u for u, _ in ids.units)]
        for agency in agencies:
            self.lan(path, agency)
        for department in ("so-y-te", "so-nn-mt", "so-tai-chinh", "so-gd-dt"):
            self.new(
                path,
                f"phong-may-chu-{department}",
                "data_centre",
                "Phòng máy chủ " + self.department(department).name,
                dc_type="server_room",
                owner=ids.departments[department],
                security_level=self.security_level(1, 2),
                since=self.since(2010),
            )

    def department(self, key: str) -> Department:
        return next(d for d in DEPARTMENTS if d.key == key)

    def lan(self, path: str, agency: str) -> str:
        on_tslcd = not self.chance("lan_not_on_tslcd")
        self.ids.lan_of[agency] = self.new(
            path,
            f"lan-{agency.removeprefix(self.key + '-')}",
            "lan",
            f"Mạng LAN {self.files.names[agency].replace('Ủy ban nhân dân', 'UBND')}",
            agency=agency,
            connected_to=[self.ids.tslcd] if on_tslcd else None,
            internet_access=True,
        )
        return self.ids.lan_of[agency]

    def users(self) -> None:
        ids, path = self.ids, "nguoi-dung.yaml"
        for actor_type, name, name_en in (
            ("citizen", "Người dân", "Citizens"),
            ("enterprise", "Doanh nghiệp", "Enterprises"),
            ("civil_servant", "Cán bộ, công chức, viên chức", "Civil servants"),
            ("leader", "Lãnh đạo các cấp", "Leaders"),
            ("other_agency", "Cơ quan, tổ chức khác", "Other agencies"),
        ):
            ids.actors[actor_type] = self.new(
                path, slug(name_en), "actor", name, name_en=name_en, actor_type=actor_type
            )
        citizen, enterprise = ids.actors["citizen"], ids.actors["enterprise"]
        for channel_type, name, owner in (
            ("web", "Cổng Dịch vụ công của tỉnh", "so-kh-cn"),
            ("mobile_app", "Ứng dụng di động công dân số", "so-kh-cn"),
            ("one_stop_counter", "Bộ phận Một cửa tại Trung tâm Phục vụ hành chính công", None),
            ("hotline", "Tổng đài 1022", "vp-ubnd"),
            ("email", "Thư điện tử công vụ", "so-kh-cn"),
            ("sms", "Tin nhắn SMS thông báo", "so-kh-cn"),
            ("kiosk", "Ki-ốt tra cứu hồ sơ", None),
            ("social_media", "Trang Zalo chính thức của tỉnh", "vp-ubnd"),
            ("postal", "Dịch vụ bưu chính công ích", None),
        ):
            ids.channels[channel_type] = self.new(
                path,
                f"kenh-{channel_type.replace('_', '-')}",
                "channel",
                name,
                channel_type=channel_type,
                owner=ids.departments[owner] if owner else ids.psc,
                serves=[citizen, enterprise],
                since=self.since(2016),
            )

    def business(self) -> None:
        path = "nghiep-vu.yaml"
        departments = list(self.ids.departments.values())
        for name, name_en in BUSINESS_FUNCTIONS:
            self.ids.functions.append(
                self.new(
                    path,
                    f"cn-{slug(name_en)}",
                    "business_function",
                    name,
                    name_en=name_en,
                    lead_agency=self.rng.choice(departments),
                )
            )

    def integration(self) -> None:
        ids, path = self.ids, "tich-hop.yaml"
        kh_cn = ids.departments["so-kh-cn"]
        ids.lgsp = self.new(
            path,
            "lgsp",
            "integration_platform",
            f"Nền tảng tích hợp, chia sẻ dữ liệu {self.label} (LGSP)",
            name_en="Provincial integration and data-sharing platform (LGSP)",
            platform_type="lgsp",
            owner=kh_cn,
            operator=ids.units[0][0],
            hosted_on=ids.dc,
            security_level=3,
            security_dossier=self.dossier(3),
            vendor=self.rng.choice(VENDORS),
            since=self.since(2018),
        )
        for relation in (
            (ids.lgsp, "connects_to", self.national.ndxp),
            (ids.lgsp, "integrates_with", self.national.ndxp),
            (ids.lgsp, "reads_from", self.national.population_db),
        ):
            self.files.relate(self.path(path), *relation, protocol="REST", sync_mode="realtime")
        self.new(
            path,
            "nen-tang-thong-bao",
            "integration_platform",
            "Nền tảng thông báo, nhắn tin tập trung",
            platform_type="notification",
            owner=kh_cn,
            hosted_on=self.hosting(),
            based_on=ids.lgsp,
            **self.lifecycle(),
        )

    def app(
        self, path: str, base: str, name: str, owner: str, core: bool = False, **fields: object
    ) -> str:
        """An application with realistic security, hosting and lifecycle attributes.

        ``core`` systems (the one-stop system, document management, SSO) are in operation.
        """
        # Callers pass ``security_level`` only as a level number (or not at all).
        level = cast("int | None", fields.pop("security_level", None)) or self.security_level()
        lifecycle = {"since": self.since(2015)} if core else self.lifecycle()
        fields.setdefault("hosted_on", self.hosting())
        fields.setdefault("vendor", self.rng.choice(VENDORS))
        cid = self.new(
            path,
            base,
            "application",
            name,
            owner=owner,
            security_level=level,
            security_dossier=self.dossier(level, lifecycle.get("since")),
            **lifecycle,
            **fields,
        )
        self.ids.systems.append(cid)
        if fields.get("internet_facing"):
            self.ids.internet_facing.append(cid)
        if lifecycle.get("status") == "planned":
            self.ids.planned.append(cid)
        return cid

    def shared_systems(self) -> None:
        ids, path = self.ids, "ung-dung/dung-chung.yaml"
        kh_cn, vp = ids.departments["so-kh-cn"], ids.departments["vp-ubnd"]
        everywhere = sorted(ids.departments.values())
        ids.one_stop = self.app(
            path,
            "he-thong-gqtthc",
            f"Hệ thống thông tin giải quyết thủ tục hành chính {self.label}",
            kh_cn,
            name_en="Provincial administrative-procedure information system",
            core=True,
            app_type="public_service_system",
            security_level=3,
            shared=True,
            internet_facing=True,
            processes_personal_data=True,
            deployed_at=[*everywhere, ids.psc],
        )
        ids.qlvb = self.app(
            path,
            "qlvb-dh",
            "Hệ thống quản lý văn bản và điều hành",
            vp,
            name_en="Document management and executive direction system",
            core=True,
            app_type="document_management",
            security_level=3,
            shared=True,
            deployed_at=everywhere,
        )
        ids.sso = self.app(
            path,
            "xac-thuc-tap-trung",
            "Hệ thống xác thực tập trung (SSO)",
            kh_cn,
            core=True,
            app_type="sso",
            security_level=3,
            shared=True,
        )
        for base, name, app_type, owner in (
            ("thu-dien-tu", "Hệ thống thư điện tử công vụ", "email", kh_cn),
            ("bao-cao", "Hệ thống thông tin báo cáo tỉnh", "reporting", vp),
            ("ky-so", "Hệ thống ký số tập trung", "digital_signature", kh_cn),
            (
                "hoi-nghi-truyen-hinh",
                "Hệ thống hội nghị truyền hình trực tuyến",
                "video_conference",
                vp,
            ),
            ("ioc", "Trung tâm giám sát, điều hành thông minh (IOC)", "egov_platform", kh_cn),
            ("van-phong-dien-tu", "Phần mềm văn phòng điện tử", "e_office", vp),
        ):
            cid = self.app(path, base, name, owner, app_type=app_type, shared=True)
            self.files.relate(self.path(path), cid, "integrates_with", ids.lgsp, protocol="REST")
            self.files.relate(self.path(path), cid, "authenticates_via", ids.sso)
        ids.warehouse = self.database(
            path, "kho-du-lieu", "Kho dữ liệu dùng chung của tỉnh", kh_cn, "warehouse"
        )
        shared_dbs = [
            self.database(
                path, "danh-muc-dung-chung", "Danh mục điện tử dùng chung", kh_cn, "catalogue"
            ),
            self.database(path, "du-lieu-mo", "Cơ sở dữ liệu mở của tỉnh", kh_cn, "open_data"),
            self.database(
                path,
                "csdl-tthc",
                "Cơ sở dữ liệu hồ sơ thủ tục hành chính",
                vp,
                "shared",
                personal=True,
            ),
        ]
        p = self.path(path)
        self.files.relate(p, ids.one_stop, "integrates_with", ids.lgsp, protocol="REST")
        self.files.relate(p, ids.one_stop, "exchanges_with", self.national.public_service_portal)
        self.files.relate(p, ids.one_stop, "authenticates_via", self.national.identity)
        self.files.relate(p, ids.one_stop, "integrates_with", self.national.payment)
        self.files.relate(p, ids.one_stop, "writes_to", shared_dbs[2], sync_mode="realtime")
        self.files.relate(p, ids.one_stop, "reads_from", shared_dbs[0])
        self.files.relate(p, ids.one_stop, "reads_from", self.national.population_db)
        self.files.relate(p, ids.qlvb, "integrates_with", self.national.document_axis)
        self.files.relate(p, ids.qlvb, "integrates_with", ids.lgsp)
        self.files.relate(p, shared_dbs[2], "transfers_data_to", ids.warehouse, sync_mode="batch")

    def database(
        self, path: str, base: str, name: str, owner: str, db_type: str, personal: bool = False
    ) -> str:
        level = self.security_level(2, 4)
        lifecycle = self.lifecycle()
        cid = self.new(
            path,
            base,
            "database",
            name,
            db_type=db_type,
            owner=None if self.chance("db_no_owner") else owner,
            hosted_on=self.hosting(),
            security_level=level,
            security_dossier=self.dossier(level, lifecycle.get("since")),
            classification=None
            if self.chance("db_no_classification")
            else self.rng.choice(("core", "important", "important", "other", "other")),
            processes_personal_data=personal or None,
            dpia_ref=f"DPIA-{self.rng.randint(1, 999):03d}/{self.rng.randint(2023, 2025)}"
            if personal and not self.chance("no_dpia")
            else None,
            **lifecycle,
        )
        self.ids.systems.append(cid)
        return cid

    def portals(self) -> None:
        ids, path = self.ids, "cong-thong-tin.yaml"
        kh_cn = ids.departments["so-kh-cn"]
        provincial = ids.provincial_portal = self.new(
            path,
            "cong-ttdt",
            "portal",
            f"Cổng thông tin điện tử {self.label}",
            portal_type="provincial_portal",
            owner=ids.departments["vp-ubnd"],
            operator=kh_cn,
            hosted_on=ids.dc,
            security_level=2,
            internet_facing=True,
            url=f"https://{self.key.replace('-', '')}.gov.vn",
            links_to=[self.national.public_service_portal],
            since=self.since(2010),
        )
        open_data = self.new(
            path,
            "cong-du-lieu-mo",
            "portal",
            "Cổng dữ liệu mở",
            portal_type="open_data_portal",
            owner=kh_cn,
            hosted_on=self.hosting(),
            internet_facing=True,
            **self.lifecycle(),
        )
        ids.systems.extend((provincial, open_data))
        ids.internet_facing.extend((provincial, open_data))
        p = self.path(path)
        self.files.relate(p, provincial, "serves", ids.actors["citizen"])
        self.files.relate(p, provincial, "links_to", open_data)
        for department in DEPARTMENTS:
            agency = ids.departments[department.key]
            level = self.security_level(1, 2)
            since = self.since(2012)
            cid = self.new(
                path,
                f"trang-ttdt-{department.key}",
                "portal",
                f"Trang thông tin điện tử {department.name}",
                portal_type="agency_portal",
                owner=agency,
                hosted_on=self.hosting(),
                security_level=level,
                security_dossier=self.dossier(level, since),
                internet_facing=True,
                based_on=provincial,
                since=since,
            )
            ids.portal_of[department.key] = cid
            ids.systems.append(cid)
            ids.internet_facing.append(cid)
            self.files.relate(p, provincial, "links_to", cid)
            self.files.relate(p, cid, "serves", ids.actors["citizen"])

    def department_systems(self, department: Department) -> None:
        ids = self.ids
        path = f"ung-dung/{department.key}.yaml"
        p = self.path(path)
        owner = ids.departments[department.key]
        functions = self.rng.sample(ids.functions, 3)
        databases = []
        for name in department.databases:
            databases.append(
                self.database(path, slug(name), f"{name}", owner, "sector", personal=True)
            )
            if self.rng.random() < 0.6:
                self.files.relate(p, databases[-1], "transfers_data_to", ids.warehouse)
        apps = []
        for name in (*department.apps, "Phần mềm kế toán hành chính sự nghiệp"):
            apps.append(
                self.app(
                    path,
                    slug(f"{name} {department.key}") if "kế toán" in name else slug(name),
                    name if "kế toán" not in name else f"{name} — {department.name}",
                    owner,
                    app_type="sector" if "kế toán" not in name else "other",
                    processes_personal_data=self.rng.random() < 0.6,
                    internet_facing=self.rng.random() < 0.3,
                    deployed_at=[owner],
                )
            )
        for unit, unit_department in ids.units:
            if unit_department == department.key:
                apps.append(
                    self.app(
                        path,
                        f"phan-mem-nghiep-vu-{unit.removeprefix(self.key + '-')}",
                        "Phần mềm nghiệp vụ của đơn vị sự nghiệp",
                        unit,
                        app_type="sector",
                        deployed_at=[unit],
                    )
                )
        # A retired predecessor replaced by the first sector application, now and then.
        if self.rng.random() < 0.4:
            old = self.new(
                path,
                f"{slug(department.apps[0])}-cu",
                "application",
                f"{department.apps[0]} (phiên bản cũ)",
                owner=owner,
                app_type="sector",
                status="retired",
                since=self.rng.randint(2008, 2014),
                retired_in=self.rng.randint(2016, AS_OF_YEAR),
            )
            self.files.relate(p, apps[0], "replaces", old)
        for cid in apps:
            if not self.chance("not_on_lgsp"):
                self.files.relate(p, cid, "integrates_with", ids.lgsp, protocol="REST")
            if self.chance("point_to_point"):
                self.files.relate(p, cid, "exchanges_with", ids.one_stop, protocol="SOAP")
            if self.rng.random() < 0.6:
                self.files.relate(p, cid, "authenticates_via", ids.sso)
            for database in self.rng.sample(databases, min(len(databases), 2)):
                self.files.relate(p, cid, "writes_to" if cid == apps[0] else "reads_from", database)
            self.files.relate(p, cid, "supports", self.rng.choice(functions))
        if department.key == "so-tu-phap":
            self.files.relate(p, databases[0], "transfers_data_to", self.national.civil_status_db)
        if department.key == "so-nn-mt":
            self.files.relate(p, databases[0], "transfers_data_to", self.national.land_db)
        if department.key == "so-tai-chinh":
            self.files.relate(p, apps[1], "reads_from", self.national.enterprise_db)
        if department.key == "so-noi-vu":
            self.files.relate(p, databases[0], "transfers_data_to", self.national.civil_servant_db)

    def communes(self) -> None:
        ids, path = self.ids, "xa-phuong.yaml"
        count = self.rng.randint(*COMMUNES)
        names = [f"{a} {b}" for a in PLACE_SYLLABLES for b in PLACE_SYLLABLES if a != b]
        ward_share = 0.55 if self.is_city else 0.12
        for place in self.rng.sample(names, count):
            is_ward = self.rng.random() < ward_share
            title = ("Phường " if is_ward else "Xã ") + place
            commune = self.new(
                path,
                slug(title),
                "agency",
                f"Ủy ban nhân dân {title.lower().split(' ')[0]} {place}",
                agency_type="commune",
                parent=ids.ubnd,
                computer_ratio=round(self.rng.uniform(0.4, 1.0), 2),
                has_dpo=not self.chance("no_dpo"),
            )
            ids.communes.append(commune)
            self.lan(path, commune)
            self.new(
                path,
                f"mot-cua-{commune.removeprefix(self.key + '-')}",
                "channel",
                f"Bộ phận Một cửa {title}",
                channel_type="one_stop_counter",
                owner=commune,
                serves=[ids.actors["citizen"]],
            )
            if self.rng.random() < 0.7:
                cid = self.new(
                    path,
                    f"trang-ttdt-{commune.removeprefix(self.key + '-')}",
                    "portal",
                    f"Trang thông tin điện tử {title}",
                    portal_type="agency_portal",
                    owner=commune,
                    based_on=ids.provincial_portal,
                    internet_facing=True,
                    hosted_on=ids.dc,
                    security_level=self.security_level(1, 2),
                )
                ids.systems.append(cid)
        # The shared systems are in use in every commune (two-tier local government).
        for record in self.files.files[self.path("ung-dung/dung-chung.yaml")].components:
            if record["id"] in (ids.one_stop, ids.qlvb):
                record["deployed_at"] = [*record["deployed_at"], *sorted(ids.communes)]

    def services(self) -> None:
        ids = self.ids
        total = self.rng.randint(*SERVICES)
        weights = sum(d.weight for d in DEPARTMENTS)
        citizen, enterprise = ids.actors["citizen"], ids.actors["enterprise"]
        for number, department in enumerate(DEPARTMENTS):
            path = f"dich-vu-cong/{department.key}.yaml"
            p = self.path(path)
            count = round(total * department.weight / weights)
            names = [f"{a} {o}" for o in department.objects for a in ACTIONS]
            self.rng.shuffle(names)
            provider = ids.departments[department.key]
            for k in range(count):
                variant, name = divmod(k, len(names))
                title = names[name] + ("" if variant == 0 else f" (cấp xã, đợt {variant})")
                code = f"{1 + number % 3}.{number * 1000 + k + 1:06d}"
                online = not self.chance("service_not_delivered")
                full = self.rng.random() < 0.45
                planned = self.rng.random() < 0.03
                cid = self.new(
                    path,
                    f"dvc-{code.replace('.', '-')}",
                    "public_service",
                    title[0].upper() + title[1:],
                    procedure_code=code,
                    level=None
                    if self.chance("service_no_level")
                    else ("full" if full else "partial"),
                    provider=provider,
                    delivered_by=ids.one_stop if online else None,
                    fee=self.rng.random() < 0.4,
                    result_signed=full and self.rng.random() < 0.85,
                    sector=department.sector,
                    status="planned" if planned else None,
                    target=self.rng.randint(AS_OF_YEAR + 1, 2027) if planned else None,
                )
                if online:
                    self.files.relate(p, cid, "uses_channel", ids.channels["web"])
                self.files.relate(p, cid, "uses_channel", ids.channels["one_stop_counter"])
                if full and self.rng.random() < 0.6:
                    self.files.relate(p, cid, "uses_channel", ids.channels["mobile_app"])
                if self.rng.random() < 0.25:
                    self.files.relate(p, cid, "uses_channel", ids.channels["postal"])
                for_citizens = self.rng.random() < 0.7
                if for_citizens:
                    self.files.relate(p, cid, "serves", citizen)
                if not for_citizens or self.rng.random() < 0.4:
                    self.files.relate(p, cid, "serves", enterprise)
            if department.key in ids.portal_of:
                self.files.relate(p, ids.portal_of[department.key], "serves", enterprise)

    def security(self) -> None:
        ids, path = self.ids, "an-toan-thong-tin.yaml"
        p = self.path(path)
        kh_cn = ids.departments["so-kh-cn"]
        central = {}
        for capability, name in (
            ("soc", "Trung tâm giám sát an toàn thông tin (SOC) của tỉnh"),
            ("firewall", "Hệ thống tường lửa trung tâm dữ liệu"),
            ("waf", "Tường lửa ứng dụng web (WAF)"),
            ("ids_ips", "Hệ thống phát hiện và ngăn chặn xâm nhập"),
            ("backup", "Hệ thống sao lưu dữ liệu tập trung"),
            ("antimalware", "Giải pháp phòng chống mã độc tập trung"),
            ("incident_response", "Đội ứng cứu sự cố an toàn thông tin mạng của tỉnh"),
        ):
            central[capability] = self.new(
                path,
                capability.replace("_", "-"),
                "security_capability",
                name,
                capability_type=capability,
                owner=kh_cn,
                operator=ids.units[0][0],
                located_in=ids.dc if capability != "incident_response" else None,
                **self.lifecycle(),
            )
        self.files.relate(p, central["soc"], "reports_to", self.national.monitoring)
        self.files.relate(p, central["firewall"], "protects", ids.dc)
        self.files.relate(p, central["firewall"], "protects", ids.tslcd)
        for system in ids.systems:
            if not self.chance("not_protected"):
                self.files.relate(p, central["soc"], "protects", system)
            if self.rng.random() < 0.5:
                self.files.relate(p, central["backup"], "protects", system)
        for system in ids.internet_facing:
            if not self.chance("not_protected"):
                self.files.relate(p, central["waf"], "protects", system)
        for department in DEPARTMENTS:
            self.new(
                path,
                f"tuong-lua-{department.key}",
                "security_capability",
                f"Tường lửa mạng nội bộ {department.name}",
                capability_type="firewall",
                owner=ids.departments[department.key],
                protects=[ids.lan_of[ids.departments[department.key]]],
                since=self.since(2014),
            )

    def roadmap(self) -> None:
        ids, path = self.ids, "lo-trinh.yaml"
        kh_cn = ids.departments["so-kh-cn"]
        for number, system in enumerate(ids.planned, start=1):
            self.new(
                path,
                f"nhiem-vu-{number:03d}",
                "roadmap_item",
                f"Đầu tư xây dựng {self.files.names[system]}",
                period="2026-2030",
                lead_agency=kh_cn,
                realises=[system],
                funding=self.rng.choice(("Ngân sách tỉnh", "Ngân sách trung ương", "Thuê dịch vụ")),
            )
        for number, function in enumerate(ids.functions[:12], start=len(ids.planned) + 1):
            self.new(
                path,
                f"nhiem-vu-{number:03d}",
                "roadmap_item",
                f"Chuyển đổi số lĩnh vực {self.files.names[function][0].lower()}"
                f"{self.files.names[function][1:]}",
                period="2026-2030",
                lead_agency=self.rng.choice(list(ids.departments.values())),
                realises=[function],
                recurring=self.rng.random() < 0.3,
            )
