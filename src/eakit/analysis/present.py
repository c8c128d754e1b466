"""Impact and resilience as text for people and as JSON-ready data for machines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eakit.analysis.impact import Affected, Impact, Step
from eakit.analysis.labels import (
    cut_off_text,
    dependency_phrase,
    kind_label,
    relation_label,
    text,
)
from eakit.analysis.resilience import NetworkReport, Resilience
from eakit.graph import ModelGraph
from eakit.labels import layer_label
from eakit.messages import date_words


def name_of(graph: ModelGraph, cid: str, lang: str) -> str:
    """A component's name in ``lang`` (the Vietnamese name when it has no English one)."""
    component = graph.get(cid)
    if lang == "en" and component.name_en:
        return component.name_en
    return component.name


def _date(when: dt.date, lang: str) -> str:
    return date_words(when).lang(lang)


def reason(graph: ModelGraph, step: Step, lang: str) -> str:
    """Why ``step.dependent`` stops: "<dependent> hosted on <failed>"."""
    phrase = dependency_phrase(step.type, step.dependent_is_source, lang)
    return f"{name_of(graph, step.dependent, lang)} {phrase} {name_of(graph, step.failed, lang)}"


def _agency_title(graph: ModelGraph, agency: str | None, lang: str) -> str:
    if agency is None:
        return text("impact.no_agency", lang)
    return f"{name_of(graph, agency, lang)} [{agency}]"


def impact_text(graph: ModelGraph, result: Impact, lang: str = "vi") -> str:
    """The impact of a failure as lines of text: by layer (with depth and the reason of
    each), then by agency."""
    start = result.component
    date = _date(result.when, lang)
    lines = [text("impact.title", lang, name=name_of(graph, start, lang), id=start, date=date)]
    if not result.live:
        lines.append(text("impact.not_live", lang, date=date))
    if not result.affected:
        lines.append(text("impact.none", lang))
        return "\n".join(lines) + "\n"
    limit = text("impact.limit", lang, depth=result.depth) if result.depth else ""
    lines.append(text("impact.count", lang, n=len(result.affected), limit=limit))
    lines += ["", text("impact.by_layer", lang)]
    for layer, items in result.by_layer().items():
        lines.append(f"  {layer_label(layer.value, lang)} ({len(items)})")
        for item in items:
            depth = text("impact.depth", lang, depth=item.depth)
            lines.append(
                f"    - {name_of(graph, item.id, lang)} [{item.id}] · "
                f"{kind_label(item.kind, lang)} · {depth}"
            )
            last = item.path[-1]
            phrase = dependency_phrase(last.type, last.dependent_is_source, lang)
            lines.append(f"      ← {phrase} {name_of(graph, last.failed, lang)} [{last.failed}]")
            if len(item.path) > 1:
                chain = " → ".join([start, *(step.dependent for step in item.path)])
                lines.append(f"        {chain}")
    lines += ["", text("impact.by_agency", lang)]
    for agency, items in result.by_agency().items():
        lines.append(f"  {_agency_title(graph, agency, lang)} ({len(items)})")
        lines.append("    " + ", ".join(item.id for item in items))
    return "\n".join(lines) + "\n"


def _affected_json(graph: ModelGraph, item: Affected, lang: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": name_of(graph, item.id, lang),
        "kind": item.kind,
        "layer": item.layer.value,
        "agency": item.agency,
        "depth": item.depth,
        "path": [item.path[0].failed, *(step.dependent for step in item.path)],
        "via": [
            {
                "failed": step.failed,
                "dependent": step.dependent,
                "type": step.type,
                "edge": (
                    [step.dependent, step.failed]
                    if step.dependent_is_source
                    else [step.failed, step.dependent]
                ),
                "reason": reason(graph, step, lang),
            }
            for step in item.path
        ],
    }


def impact_json(graph: ModelGraph, result: Impact, lang: str = "vi") -> dict[str, Any]:
    """The impact of a failure as JSON-ready data."""
    return {
        "component": result.component,
        "name": name_of(graph, result.component, lang),
        "as_of": result.when.isoformat(),
        "live": result.live,
        "depth": result.depth,
        "count": len(result.affected),
        "affected": [_affected_json(graph, item, lang) for item in result.affected],
        "by_layer": {
            layer.value: [item.id for item in items] for layer, items in result.by_layer().items()
        },
        "by_agency": [
            {"agency": agency, "components": [item.id for item in items]}
            for agency, items in result.by_agency().items()
        ],
    }


def _network_lines(graph: ModelGraph, report: NetworkReport, lang: str) -> list[str]:
    lines = [
        text(f"resilience.{report.name}", lang),
        "  "
        + text("resilience.size", lang, nodes=report.nodes, edges=report.edges, parts=report.parts),
        "  " + text("resilience.spof", lang),
    ]
    none = "    " + text("resilience.none", lang)
    for point in report.cut_points:
        cut = cut_off_text(point.cut_off, lang)
        lines.append(f"    - {name_of(graph, point.id, lang)} [{point.id}]: {cut}")
    if not report.cut_points:
        lines.append(none)
    lines.append("  " + text("resilience.bridges", lang))
    for bridge in report.bridges:
        cut = cut_off_text(bridge.cut_off, lang)
        relations = ", ".join(relation_label(t, lang) for t in bridge.types)
        ends = " — ".join(
            f"{name_of(graph, end, lang)} [{end}]" for end in (bridge.source, bridge.target)
        )
        lines.append(f"    - {ends} ({relations}): {cut}")
    if not report.bridges:
        lines.append(none)
    lines.append("  " + text("resilience.central", lang))
    if report.sampled is not None:
        lines.append("    (" + text("resilience.approx", lang, k=report.sampled) + ")")
    for central in report.central:
        score = text("resilience.score", lang, score=f"{central.score:.3f}")
        lines.append(f"    - {name_of(graph, central.id, lang)} [{central.id}]: {score}")
    if not report.central:
        lines.append(none)
    return lines


def resilience_text(graph: ModelGraph, result: Resilience, lang: str = "vi") -> str:
    """Single points of failure, bridges and central systems of every network, as text."""
    lines = [text("resilience.title", lang, date=_date(result.when, lang))]
    for report in result.networks:
        lines += ["", *_network_lines(graph, report, lang)]
    return "\n".join(lines) + "\n"


def resilience_json(graph: ModelGraph, result: Resilience, lang: str = "vi") -> dict[str, Any]:
    """Single points of failure, bridges and central systems as JSON-ready data."""
    return {
        "as_of": result.when.isoformat(),
        "networks": [
            {
                "name": report.name,
                "title": text(f"resilience.{report.name}", lang),
                "nodes": report.nodes,
                "edges": report.edges,
                "parts": report.parts,
                "articulation_points": [
                    {"id": p.id, "name": name_of(graph, p.id, lang), "cut_off": p.cut_off}
                    for p in report.cut_points
                ],
                "bridges": [
                    {
                        "source": b.source,
                        "target": b.target,
                        "types": list(b.types),
                        "cut_off": b.cut_off,
                    }
                    for b in report.bridges
                ],
                "central": [
                    {"id": c.id, "name": name_of(graph, c.id, lang), "betweenness": c.score}
                    for c in report.central
                ],
                "betweenness_sampled": report.sampled,
            }
            for report in result.networks
        ],
    }
