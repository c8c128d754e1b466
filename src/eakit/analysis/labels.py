"""How the analyses name kinds, relations and their own messages, in ``lang``."""

from __future__ import annotations

from eakit import metamodel
from eakit.messages import say
from eakit.model import relation_types


def text(key: str, lang: str, **values: object) -> str:
    """The analyses' message ``key`` (``analysis.<key>`` in :mod:`eakit.messages`) in
    ``lang`` with ``values`` filled in."""
    return say(f"analysis.{key}", **values).lang(lang)


def cut_off_text(count: int, lang: str) -> str:
    """ "cuts off 3 components" (one component in the singular)."""
    key = "resilience.cut_off_one" if count == 1 else "resilience.cut_off"
    return text(key, lang, n=count)


def kind_label(kind: str, lang: str) -> str:
    """A component kind's name in ``lang``."""
    return metamodel.label(kind, lang)


def dependency_phrase(edge_type: str, dependent_is_source: bool, lang: str) -> str:
    """How the dependent end names its tie to the other: "hosted on" from an application
    to its data centre, "delivered by" from a service to its application."""
    return relation_types()[edge_type].words(lang, reverse=not dependent_is_source)


def relation_label(edge_type: str, lang: str) -> str:
    """A relation type's name in ``lang``."""
    return relation_types()[edge_type].words(lang)
