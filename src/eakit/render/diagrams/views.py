"""Views as queries: resolve the declared views of a model and select their components.

Nothing here draws; it answers "which views does this model have" and "which
components does a view show".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from eakit.graph import ModelGraph
from eakit.messages import did_you_mean, say
from eakit.model import BaseComponent
from eakit.model.views import Aggregate, Selector, ViewSpec, effective_views
from eakit.render.diagrams import labels
from eakit.rules.selectors import Predicate, compile_selector, parse_selector

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


#: Views drawn from an analysis of the whole graph rather than from a selection of
#: components: every model has them after its own views, unless it declares a view of the
#: same name. :data:`eakit.analysis.diagram.SCENES` makes their scenes.
RESILIENCE_VIEW = "resilience"
ANALYSIS_VIEWS = (RESILIENCE_VIEW,)


def _analysis_spec(name: str) -> ViewSpec:
    title = say(f"analysis.view.{name}")
    return ViewSpec(name=name, title=str(title), title_en=title.en)


class ViewError(ValueError):
    """A view that cannot be drawn; ``message`` is a catalogue message in both languages
    (:class:`~eakit.messages.Bilingual`), ``path`` points into ``eakit.yaml`` when it can."""

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
    analysis: str | None = None  # one of ANALYSIS_VIEWS: drawn from that analysis

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


def attribute(component: BaseComponent, path: str) -> Any:
    """A (dotted) attribute of a component; ``None`` where the path does not exist."""
    current: Any = component
    for part in path.split("."):
        current = current.get(part) if isinstance(current, dict) else getattr(current, part, None)
        if current is None:
            return None
    return current.value if isinstance(current, Enum) else current


def _compiled(predicate: Selector) -> Predicate:
    """A view's selector as the rule engine's matcher runs it (any status unless named)."""
    return compile_selector(parse_selector(predicate.written()))


def matches(component: BaseComponent, predicate: Selector) -> bool:
    """Whether a component satisfies an ``include``/``exclude``/``hub`` predicate."""
    kind: str = component.kind  # type: ignore[attr-defined]
    return _compiled(predicate)(component, kind, str(component.status))


def select(graph: ModelGraph, ids: Iterable[str], predicates: Iterable[Selector]) -> set[str]:
    """The ids among ``ids`` matching any of ``predicates`` (as :func:`matches` decides)."""
    pool = ids if isinstance(ids, list | set | frozenset | tuple) else list(ids)
    objects, kinds, states = graph.objects, graph.kinds, graph.states
    chosen: set[str] = set()
    for predicate in predicates:
        test = _compiled(predicate)
        chosen.update(
            cid for cid in pool if cid not in chosen and test(objects[cid], kinds[cid], states[cid])
        )
    return chosen


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
            hint = did_you_mean(glob, graph.ids())
            raise ViewError(
                say("view.missing_id", view=view.name, key=key, id=glob, hint=hint), path
            )


# --- views of a model ---------------------------------------------------------------------


class _AgencyViews:
    """The per-agency views of one spec, found only when asked for: a national model has
    thousands of agencies, and drawing its model-wide views needs none of them."""

    def __init__(self, graph: ModelGraph, spec: ViewSpec, index: int | None) -> None:
        self.graph = graph
        self.spec = spec
        self.index = index
        self.prefix = f"{spec.name}-"

    def has(self, agency: str) -> bool:
        """Whether ``agency`` gets a view of this spec."""
        assert self.spec.per_agency is not None
        graph = self.graph
        return (
            agency in graph
            and graph.kinds[agency] == "agency"
            and bool(select(graph, [agency], self.spec.per_agency))
            # An agency with nothing of its own would be a diagram of one box.
            and bool(graph.components_of_agency(agency))
        )

    def _found(self) -> Iterator[str]:
        """The agencies with a view, in id order, one at a time."""
        return (agency for agency in self.graph.ids_of_kinds(["agency"]) if self.has(agency))

    @cached_property
    def agencies(self) -> list[str]:
        """Every agency this spec draws, in id order."""
        return list(self._found())

    def count(self, limit: int) -> int:
        """The number of views, counted up to ``limit + 1`` at most."""
        return sum(1 for _ in itertools.islice(self._found(), limit + 1))

    def view(self, agency: str) -> ResolvedView:
        """The view of one agency (which :meth:`has` a view)."""
        return ResolvedView(f"{self.prefix}{agency}", self.spec, self.index, agency=agency)

    def views(self) -> list[ResolvedView]:
        """Every view of this spec, in agency id order."""
        return [self.view(agency) for agency in self.agencies]


class ViewCatalog:
    """The concrete views of a model, in declaration order; per-agency views are expanded
    only when they are listed, counted or asked for by name.

    Raises :class:`ViewError` for a view that names a missing component or a name clash.
    """

    def __init__(self, graph: ModelGraph) -> None:
        self.graph = graph
        declared = graph.manifest.views
        self._entries: list[ResolvedView | _AgencyViews] = []
        for position, spec in enumerate(effective_views(declared)):
            index = position if declared is not None else None
            _check_exact_ids(graph, spec, index)
            if spec.per_agency is None:
                self._entries.append(ResolvedView(spec.name, spec, index))
            else:
                self._entries.append(_AgencyViews(graph, spec, index))
        declared_names = {e.name for e in self._entries if isinstance(e, ResolvedView)}
        for name in ANALYSIS_VIEWS:
            if name not in declared_names:
                self._entries.append(ResolvedView(name, _analysis_spec(name), analysis=name))
        self._by_name = {e.name: e for e in self._entries if isinstance(e, ResolvedView)}
        self._per_agency = [e for e in self._entries if isinstance(e, _AgencyViews)]
        if self._may_clash():
            self._check_unique(self.all())

    def _may_clash(self) -> bool:
        """Whether two views could share a name, decided without listing every agency."""
        if len(self._by_name) < len(self._entries) - len(self._per_agency):
            return True
        for group in self._per_agency:
            for name in self._by_name:
                if name.startswith(group.prefix) and group.has(name[len(group.prefix) :]):
                    return True
            for other in self._per_agency:
                if other is not group and other.prefix.startswith(group.prefix):
                    return True
        return False

    @staticmethod
    def _check_unique(views: list[ResolvedView]) -> None:
        seen: set[str] = set()
        for view in views:
            if view.name in seen:
                raise ViewError(
                    say("view.twice", name=view.name),
                    ("views", view.index) if view.index is not None else (),
                )
            seen.add(view.name)

    def all(self) -> list[ResolvedView]:
        """Every view, per-agency views expanded (in agency id order)."""
        views: list[ResolvedView] = []
        for entry in self._entries:
            views.extend([entry] if isinstance(entry, ResolvedView) else entry.views())
        return views

    def model_wide(self) -> list[ResolvedView]:
        """The views that are not per agency."""
        return [e for e in self._entries if isinstance(e, ResolvedView)]

    def agency_views_exceed(self, limit: int) -> bool:
        """Whether there are more than ``limit`` per-agency views in all."""
        found = 0
        for group in self._per_agency:
            found += group.count(limit - found)
            if found > limit:
                return True
        return False

    def get(self, name: str) -> ResolvedView | None:
        """The view named ``name``, or ``None``."""
        view = self._by_name.get(name)
        if view is not None:
            return view
        for group in self._per_agency:
            if name.startswith(group.prefix) and group.has(name[len(group.prefix) :]):
                return group.view(name[len(group.prefix) :])
        return None


def resolve_views(graph: ModelGraph) -> list[ResolvedView]:
    """Every concrete view of a model, in declaration order; per-agency views expanded.

    Raises :class:`ViewError` for a view that names a missing component or a name clash.
    """
    return ViewCatalog(graph).all()


def list_views(graph: ModelGraph, lang: str = "vi") -> list[ViewInfo]:
    """The views of a model (name = file stem, title in ``lang``), in drawing order."""
    return [ViewInfo(v.name, v.title(graph, lang), v.agency) for v in resolve_views(graph)]


def focus_view(graph: ModelGraph, component_id: str, depth: int = 1) -> ResolvedView:
    """The neighbourhood view of one component."""
    if component_id not in graph:
        hint = did_you_mean(component_id, graph.ids())
        raise ViewError(say("cli.no_component", id=component_id, hint=hint))
    if depth < 1:
        raise ViewError(say("view.depth", depth=depth))
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
