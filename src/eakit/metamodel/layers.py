"""The layers of the national e-government architecture framework.

They live with the metamodel (every kind names its layer) and stay importable from
``eakit.model.layers``.
"""

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
    """A layer's names, its place in the framework and the LSP symbol kind of its
    components (a member name of ``lsprotocol.types.SymbolKind``)."""

    layer: Layer
    name: str
    name_en: str
    order: int
    symbol: str


LAYERS: tuple[LayerInfo, ...] = (
    LayerInfo(Layer.USERS, "Người sử dụng và kênh giao tiếp", "Users and channels", 1, "Interface"),
    LayerInfo(
        Layer.SERVICES,
        "Cổng thông tin và dịch vụ công",
        "Portals and public services",
        2,
        "Function",
    ),
    LayerInfo(Layer.BUSINESS, "Nghiệp vụ", "Business", 3, "Namespace"),
    LayerInfo(Layer.APPLICATIONS, "Ứng dụng và cơ sở dữ liệu", "Applications and data", 4, "Class"),
    LayerInfo(
        Layer.INTEGRATION,
        "Nền tảng tích hợp, chia sẻ dữ liệu",
        "Integration platforms",
        5,
        "Event",
    ),
    LayerInfo(Layer.INFRASTRUCTURE, "Hạ tầng kỹ thuật", "Technical infrastructure", 6, "Module"),
    LayerInfo(Layer.SECURITY, "An toàn thông tin", "Information security", 7, "Key"),
    LayerInfo(
        Layer.GOVERNANCE, "Quản lý, chỉ đạo và lộ trình", "Governance and roadmap", 8, "Package"
    ),
)

LAYER_INFO: dict[Layer, LayerInfo] = {info.layer: info for info in LAYERS}
