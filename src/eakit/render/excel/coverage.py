"""The coverage matrix: which provincial agency has which key capability.

Every cell is derived from graph queries (edges such as ``deployed_at``,
``belongs_to``, ``connects_to``, ``provided_by``), never from rule results, so the
matrix shows the model's facts even before any rule runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from eakit.graph import ModelGraph
from eakit.model.components import Agency, BaseComponent, kind_of

State = Literal["yes", "planned", "no"]

CAPABILITIES: tuple[str, ...] = (
    "lan",
    "tslcd",
    "one_stop",
    "document_management",
    "e_office",
    "portal",
    "online_services",
)
# Application capabilities and the ``app_type`` that provides each.
APP_TYPES = {
    "one_stop": "public_service_system",
    "document_management": "document_management",
    "e_office": "e_office",
}
ONLINE_LEVELS = frozenset({"full", "partial", "3", "4"})
PROVINCIAL_AGENCY_TYPES = (
    "provincial_people_committee",
    "department",
    "public_service_centre",
    "public_service_unit",
    "district",
    "commune",
)


@dataclass(frozen=True)
class Presence:
    """Whether an agency has a capability, and through which components."""

    state: State
    year: int | None = None  # earliest target year when only planned
    via: tuple[str, ...] = ()
    count: int | None = None  # for counted capabilities (online services)


@dataclass(frozen=True)
class AgencyCoverage:
    """One row of the matrix."""

    agency: Agency
    cells: dict[str, Presence] = field(default_factory=dict)


def _status(component: BaseComponent) -> str:
    return component.status.value


def _presence(components: list[BaseComponent]) -> Presence:
    """``yes`` if any is current, else ``planned`` (earliest target) if any is planned."""
    live = [c for c in components if _status(c) != "retired"]
    current = sorted(c.id for c in live if _status(c) == "current")
    if current:
        return Presence("yes", via=tuple(current))
    planned = [c for c in live if _status(c) == "planned"]
    if planned:
        years = [c.target for c in planned if c.target is not None]
        return Presence(
            "planned", min(years) if years else None, tuple(sorted(c.id for c in planned))
        )
    return Presence("no")


def _of_kind(graph: ModelGraph, ids: list[str], kind: str) -> list[BaseComponent]:
    kinds = graph.kinds
    return [graph.get(cid) for cid in ids if kinds[cid] == kind]


def _tslcd(graph: ModelGraph, lans: list[BaseComponent]) -> Presence:
    """A LAN reaching a specialised data network (TSLCD) over ``connects_to`` edges."""
    links: list[BaseComponent] = []
    for lan in lans:
        if _status(lan) == "retired":
            continue
        for cid in sorted(graph.reachable(lan.id, "connects_to")):
            network = graph.get(cid)
            if kind_of(network) == "network" and getattr(network, "network_type", None) == "tslcd":
                # Planned if either end is planned: the connection exists when both do.
                worst = lan if _status(lan) == "planned" else network
                links.append(worst)
    return _presence(links)


def _applications(graph: ModelGraph, agency_id: str, owned: list[str]) -> dict[str, Presence]:
    """Each application capability: an application of its ``app_type`` deployed at the
    agency or owned by it."""
    deployed = set(graph.sources(agency_id, "deployed_at"))
    mine = deployed | {c.id for c in _of_kind(graph, owned, "application")}
    by_type: dict[object, list[BaseComponent]] = {}
    for cid in sorted(mine):
        app = graph.get(cid)
        by_type.setdefault(getattr(app, "app_type", None), []).append(app)
    return {cap: _presence(by_type.get(app_type, [])) for cap, app_type in APP_TYPES.items()}


def _online_services(graph: ModelGraph, agency_id: str) -> Presence:
    services = [
        service
        for service in _of_kind(graph, graph.sources(agency_id, "provided_by"), "public_service")
        if getattr(service, "level", None) in ONLINE_LEVELS
    ]
    presence = _presence(services)
    current = sum(1 for s in services if _status(s) == "current")
    return Presence(presence.state, presence.year, presence.via, current)


def provincial_agencies(graph: ModelGraph) -> list[Agency]:
    """The province's own agencies, People's Committee first, then by type and name."""
    agencies = [
        c
        for c in graph.by_kind("agency")
        if isinstance(c, Agency)
        and c.scope.value == "provincial"
        and c.agency_type in PROVINCIAL_AGENCY_TYPES
        and c.status.value != "retired"
    ]
    # A stable sort: Vietnamese name order is kept within each agency type.
    return sorted(
        graph.display_sorted(agencies),
        key=lambda a: PROVINCIAL_AGENCY_TYPES.index(a.agency_type),
    )


def coverage(graph: ModelGraph) -> list[AgencyCoverage]:
    """The coverage matrix of the provincial agencies."""
    rows = []
    for agency in provincial_agencies(graph):
        lans = _of_kind(graph, graph.sources(agency.id, "belongs_to"), "lan")
        owned = graph.sources(agency.id, "owned_by")
        cells = {
            "lan": _presence(lans),
            "tslcd": _tslcd(graph, lans),
            **_applications(graph, agency.id, owned),
            "portal": _presence(_of_kind(graph, owned, "portal")),
            "online_services": _online_services(graph, agency.id),
        }
        rows.append(AgencyCoverage(agency, cells))
    return rows
