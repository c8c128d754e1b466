"""The layers of the national e-government architecture framework."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Layer(StrEnum):
    """Framework layers, top (users) to bottom (infrastructure), then the cross-cutting pillars."""

    USERS = "users"
    SERVICES = "services"
    BUSINESS = "business"
    APPLICATIONS = "applications"
    INTEGRATION = "integration"
    INFRASTRUCTURE = "infrastructure"
    SECURITY = "security"
    GOVERNANCE = "governance"


@dataclass(frozen=True)
class LayerInfo:
    layer: Layer
    name: str
    name_en: str
    order: int


LAYERS: tuple[LayerInfo, ...] = (
    LayerInfo(Layer.USERS, "Người sử dụng và kênh giao tiếp", "Users and channels", 1),
    LayerInfo(Layer.SERVICES, "Cổng thông tin và dịch vụ công", "Portals and public services", 2),
    LayerInfo(Layer.BUSINESS, "Nghiệp vụ", "Business", 3),
    LayerInfo(Layer.APPLICATIONS, "Ứng dụng và cơ sở dữ liệu", "Applications and data", 4),
    LayerInfo(Layer.INTEGRATION, "Nền tảng tích hợp, chia sẻ dữ liệu", "Integration platforms", 5),
    LayerInfo(Layer.INFRASTRUCTURE, "Hạ tầng kỹ thuật", "Technical infrastructure", 6),
    LayerInfo(Layer.SECURITY, "An toàn thông tin", "Information security", 7),
    LayerInfo(Layer.GOVERNANCE, "Quản lý, chỉ đạo và lộ trình", "Governance and roadmap", 8),
)

LAYER_INFO: dict[Layer, LayerInfo] = {info.layer: info for info in LAYERS}
