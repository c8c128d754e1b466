"""Which components and edges are in operation at a date: the part of the model an
analysis of failures looks at."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eakit.graph import ModelGraph
from eakit.model import BaseComponent, Relation, Status


def live_on(component: BaseComponent | Relation, when: dt.date, as_of: dt.date) -> bool:
    """Whether a component (or declared relation) is in operation on ``when``.

    ``as_of`` is the model's date, which its statuses describe: a current component runs
    from ``since`` on; a planned one from its ``target`` year on, and only after
    ``as_of``; a retired one only before its ``retired_in`` year. A component outside its
    ``valid_from``..``valid_to`` period does not exist then.
    """
    if isinstance(component, BaseComponent) and not component.exists_on(when):
        return False
    since = component.since
    started = since is None or since <= when.year
    if component.status is Status.CURRENT:
        return started
    if component.status is Status.PLANNED:
        return when > as_of and component.target is not None and component.target <= when.year
    retired_in = getattr(component, "retired_in", None)
    return when <= as_of and retired_in is not None and when.year < retired_in and started


def live_ids(graph: ModelGraph, when: dt.date | None = None) -> frozenset[str]:
    """The ids of the components in operation on ``when`` (default: the model's as_of)."""
    as_of = graph.architecture.as_of
    day = when or as_of
    return frozenset(cid for cid in graph.ids() if live_on(graph.get(cid), day, as_of))


def edge_live(data: dict[str, Any], when: dt.date, as_of: dt.date) -> bool:
    """Whether an edge of :attr:`ModelGraph.g` is in operation: a reference field always
    is (with its ends); a declared relation by its own status."""
    relation = data.get("relation")
    return relation is None or live_on(relation, when, as_of)
