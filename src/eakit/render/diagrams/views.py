"""Views as queries: resolve the declared views of a model and select their components.

Nothing here draws; it answers "which views does this model have" and "which
components does a view show".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from fnmatch import fnmatchcase
from typing import Any

from eakit.graph import ModelGraph
from eakit.model import BaseComponent
from eakit.model.views import Aggregate, Selector, ViewSpec, effective_views
from eakit.render.diagrams import labels
from eakit.text import did_you_mean

_WILDCARDS = frozenset("*?[")

#: The spec of a neighbourhood view (``eakit diagram --focus``): every relation, labelled.
FOCUS_SPEC = ViewSpec(
    name="focus",
    title="Lân cận",
    title_en="Neighbourhood",
    relations=None,
    group_by="layer",
    aggregate=[
        Aggregate(kind="lan", min=4),
        Aggregate(kind="agency", by="agency_type", min=6),
        Aggregate(kind="public_service", by="level", min=6),
        Aggregate(kind="application", min=12),
        Aggregate(kind="database", by="db_type", min=8),
        Aggregate(kind="roadmap_item", by="period", min=6),
    ],
    edge_labels=True,
)


class ViewError(ValueError):
    """A view that cannot be drawn; ``path`` points into ``eakit.yaml`` when it can."""

    def __init__(self, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


@dataclass(frozen=True)
class ResolvedView:
    """One concrete view: a spec, plus the agency or focus component it is about."""

    name: str
    spec: ViewSpec
    index: int | None = None  # position in the manifest's ``views:`` list, if declared
    agency: str | None = None
    focus: str | None = None
    depth: int = 1

    def title(self, graph: ModelGraph, lang: str = "vi") -> str:
        """The title shown on the diagram and in lists of views."""
        english = self.spec.title_en if lang == "en" else None
        spec_title = english or self.spec.title or self.spec.name
        if self.focus is not None:
            return labels.text("focus.title", lang, name=display_name(graph.get(self.focus), lang))
        if self.agency is not None:
            return labels.text(
                "agency.title",
                lang,
                title=spec_title,
                name=display_name(graph.get(self.agency), lang),
            )
        return spec_title


@dataclass(frozen=True)
class ViewInfo:
    """A view as listed for users and the site: its file name and title."""

    name: str
    title: str
    agency: str | None = None


def display_name(component: BaseComponent, lang: str) -> str:
    """The name in ``lang``, falling back to the Vietnamese name."""
    if lang == "en" and component.name_en:
        return component.name_en
    return component.name


# --- predicates -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def attribute(component: BaseComponent, path: str) -> Any:
    """A (dotted) attribute of a component; ``None`` where the path does not exist."""
    current: Any = component
    for part in path.split("."):
        current = current.get(part) if isinstance(current, dict) else getattr(current, part, None)
        if current is None:
            return None
    return _plain(current)


def _equal(actual: Any, wanted: Any) -> bool:
    actual, wanted = _plain(actual), _plain(wanted)
    if isinstance(actual, bool) or isinstance(wanted, bool) or actual is None or wanted is None:
        return actual is wanted or (actual == wanted and type(actual) is type(wanted))
    if isinstance(actual, int | float) and isinstance(wanted, int | float):
        return actual == wanted
    # Model values like the service level are text ("3"); a filter may write 3.
    return str(actual) == str(wanted)


def _matches_value(actual: Any, wanted: Any) -> bool:
    options = wanted if isinstance(wanted, list) else [wanted]
    values = actual if isinstance(actual, list) else [actual]
    return any(_equal(value, option) for value in values for option in options)


def matches(component: BaseComponent, predicate: Selector) -> bool:
    """Whether a component satisfies an ``include``/``exclude``/``hub`` predicate."""
    if predicate.ids and not any(fnmatchcase(component.id, g) for g in predicate.ids):
        return False
    if predicate.kinds and component.kind not in predicate.kinds:  # type: ignore[attr-defined]
        return False
    if predicate.layers and component.layer.value not in predicate.layers:
        return False
    return all(
        _matches_value(attribute(component, key), wanted) for key, wanted in predicate.where.items()
    )


def select(graph: ModelGraph, ids: Iterable[str], predicates: Iterable[Selector]) -> set[str]:
    """The ids among ``ids`` matching any of ``predicates``."""
    predicates = list(predicates)
    return {cid for cid in ids if any(matches(graph.get(cid), p) for p in predicates)}


def _exact_ids(predicates: list[Selector]) -> Iterable[tuple[int, int, str]]:
    """Globs without wildcards (meant as exact ids), with their positions."""
    for position, predicate in enumerate(predicates):
        for inner, glob in enumerate(predicate.ids):
            if not _WILDCARDS & set(glob):
                yield position, inner, glob


def _check_exact_ids(graph: ModelGraph, view: ViewSpec, index: int | None) -> None:
    """An exact id that names no component is a typo: say so instead of drawing less."""
    for key in ("include", "exclude", "hub", "per_agency"):
        predicates = getattr(view, key) or []
        for position, inner, glob in _exact_ids(predicates):
            if glob in graph:
                continue
            path: tuple[str | int, ...] = (
                ("views", index, key, position, "ids", inner) if index is not None else ()
            )
            raise ViewError(
                f"view '{view.name}': {key} names '{glob}', which is not a component id"
                f"{did_you_mean(glob, graph.ids())}",
                path,
            )


# --- views of a model ---------------------------------------------------------------------


def resolve_views(graph: ModelGraph) -> list[ResolvedView]:
    """Every concrete view of a model, in declaration order; per-agency views expanded.

    Raises :class:`ViewError` for a view that names a missing component or a name clash.
    """
    declared = graph.manifest.views
    specs = effective_views(declared)
    resolved: list[ResolvedView] = []
    for position, spec in enumerate(specs):
        index = position if declared is not None else None
        _check_exact_ids(graph, spec, index)
        if spec.per_agency is None:
            resolved.append(ResolvedView(spec.name, spec, index))
            continue
        agencies = sorted(
            cid
            for cid in select(graph, graph.ids(), spec.per_agency)
            if graph.g.nodes[cid]["kind"] == "agency"
        )
        for agency in agencies:
            # An agency with nothing of its own would be a diagram of one box.
            if graph.components_of_agency(agency):
                resolved.append(ResolvedView(f"{spec.name}-{agency}", spec, index, agency=agency))
    seen: dict[str, ResolvedView] = {}
    for view in resolved:
        if view.name in seen:
            raise ViewError(
                f"two views are named '{view.name}'; rename one of them",
                ("views", view.index) if view.index is not None else (),
            )
        seen[view.name] = view
    return resolved


def list_views(graph: ModelGraph, lang: str = "vi") -> list[ViewInfo]:
    """The views of a model (name = file stem, title in ``lang``), in drawing order."""
    return [ViewInfo(v.name, v.title(graph, lang), v.agency) for v in resolve_views(graph)]


def focus_view(graph: ModelGraph, component_id: str, depth: int = 1) -> ResolvedView:
    """The neighbourhood view of one component."""
    if component_id not in graph:
        raise ViewError(
            f"no component with id '{component_id}'{did_you_mean(component_id, graph.ids())}"
        )
    if depth < 1:
        raise ViewError(f"depth must be 1 or more, got {depth}")
    return ResolvedView(f"focus-{component_id}", FOCUS_SPEC, focus=component_id, depth=depth)


def view_members(graph: ModelGraph, view: ResolvedView) -> set[str]:
    """The ids a view shows, before aggregation."""
    spec = view.spec
    if view.focus is not None:
        return graph.neighbourhood(view.focus, view.depth)
    base: Iterable[str] = graph.ids()
    if view.agency is not None:
        base = {view.agency} | {c.id for c in graph.components_of_agency(view.agency)}
    chosen = select(graph, base, spec.include)
    if spec.expand:
        wanted = set(spec.expand)
        for cid in sorted(chosen):
            chosen |= {e.target for e in graph.out_edges(cid) if e.type in wanted}
    return chosen - select(graph, chosen, spec.exclude)
