"""The metamodel: every component kind, once.

One entry per kind (:class:`KindSpec`, in :mod:`eakit.metamodel.registry`) holds its
framework layer, its ArchiMate aspect, its Vietnamese and English labels and plurals,
its diagram shape and style, and its ArchiMate element type. The rest is derived from
the kind's pydantic class, so it is never written twice: reference fields and the
kinds they accept, the relation types it may take part in, its inventory columns.

Two sorts of kind share the registry:

- the Vietnamese framework's own kinds (``agency``, ``application``, ``integration_platform``
  for the LGSP, ``network`` for the TSLCD, ...; ``framework=True``): each has its own class
  in :mod:`eakit.model.components` and is a specialisation of an ArchiMate element
  (``agency`` is written as a ``BusinessActor`` carrying the property ``eakit:kind``);
- generic ArchiMate 3.2 elements (``business_process``, ``application_service``,
  ``capability``, ...): one class, :class:`eakit.model.components.GenericComponent`, serves
  them all; an object's ``layer`` and ``label`` come from its kind's entry. Read a kind's
  facts here (``spec(kind).layer``), not from its class.

Adding a kind is one registry entry (plus a class only for a framework kind with fields
of its own) and its fixtures. The registry order is the order every output lists kinds.

API (stable):

- ``KIND_SPECS``: ``dict[str, KindSpec]``, every kind in output order (framework kinds
  first); :func:`spec`, :func:`kinds`, :func:`kinds_in_layer`, :func:`is_kind`;
- :func:`label` / :func:`plural` (``lang`` ``"vi"`` or ``"en"``);
- :func:`component_class`, :func:`fields`, :func:`references`, :func:`relation_types_of`
  (the typed model, imported on first use);
- ArchiMate, both ways: :func:`archimate_type` (kind → element type),
  :func:`kind_for_archimate` (element type and optional ``eakit:kind`` value → kind),
  :func:`specialisations` (framework kinds written as an element type),
  :func:`archimate_defaults` (element type → the framework kind an untagged element of
  that type becomes, with the registry's reason), :func:`generic_kind` (element type →
  its generic kind), :data:`KIND_PROPERTY` (``"eakit:kind"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eakit.metamodel.layers import LAYER_INFO, LAYERS, Layer, LayerInfo
from eakit.metamodel.registry import KIND_SPECS, Aspect, KindSpec

if TYPE_CHECKING:
    from eakit.model.components import BaseComponent
    from eakit.model.refs import RefField

__all__ = [
    "KIND_PROPERTY",
    "KIND_SPECS",
    "LAYERS",
    "LAYER_INFO",
    "Aspect",
    "KindSpec",
    "Layer",
    "LayerInfo",
    "archimate_defaults",
    "archimate_type",
    "component_class",
    "fields",
    "generic_kind",
    "is_kind",
    "kind_for_archimate",
    "kinds",
    "kinds_in_layer",
    "label",
    "plural",
    "references",
    "relation_types_of",
    "spec",
    "specialisations",
]

KIND_PROPERTY = "eakit:kind"
"""The ArchiMate property naming the eakit kind of an exported element."""


def _defaults() -> dict[str, str]:
    found: dict[str, str] = {}
    for s in KIND_SPECS.values():
        if not s.archimate_default:
            continue
        if not s.framework or s.archimate in found:
            raise RuntimeError(
                f"kind '{s.kind}': only one framework kind may be the default of {s.archimate}"
            )
        found[s.archimate] = s.kind
    return found


_DEFAULTS: dict[str, str] = _defaults()
_GENERIC: dict[str, str] = {s.archimate: s.kind for s in KIND_SPECS.values() if not s.framework}
# What an element without eakit:kind becomes: the framework kind the registry names the
# general meaning of its type, else its generic kind; a framework kind also stands for
# its element type where no generic kind has it (``business_function``).
_BY_ARCHIMATE: dict[str, str] = (
    {s.archimate: s.kind for s in reversed(KIND_SPECS.values()) if s.framework}
    | _GENERIC
    | _DEFAULTS
)


def spec(kind: str) -> KindSpec:
    """The registry entry of ``kind`` (``KeyError`` for an unknown kind)."""
    return KIND_SPECS[kind]


def is_kind(kind: object) -> bool:
    """Whether ``kind`` names a kind of the registry."""
    return isinstance(kind, str) and kind in KIND_SPECS


def kinds(*, framework: bool | None = None) -> tuple[str, ...]:
    """Every kind in output order; only the framework's (``True``) or only the generic
    ArchiMate ones (``False``) when asked."""
    return tuple(k for k, s in KIND_SPECS.items() if framework is None or s.framework == framework)


def kinds_in_layer(layer: Layer | str) -> tuple[str, ...]:
    """The kinds of a framework layer, in output order."""
    return tuple(k for k, s in KIND_SPECS.items() if s.layer == layer)


def label(kind: str, lang: str = "vi") -> str:
    """The singular name of ``kind`` in ``lang``."""
    return KIND_SPECS[kind].label_in(lang)


def plural(kind: str, lang: str = "vi") -> str:
    """The plural noun of ``kind`` in ``lang`` (lower case)."""
    return KIND_SPECS[kind].plural_in(lang)


def archimate_type(kind: str) -> str:
    """The ArchiMate 3.2 element type ``kind`` is written as."""
    return KIND_SPECS[kind].archimate


def specialisations(element_type: str) -> tuple[str, ...]:
    """The framework kinds written as ``element_type`` (they carry ``eakit:kind``)."""
    return tuple(k for k, s in KIND_SPECS.items() if s.framework and s.archimate == element_type)


def archimate_defaults() -> dict[str, str]:
    """Element type → the framework kind an element of that type becomes when it names no
    eakit kind (the registry's ``archimate_default``), in registry order."""
    return dict(_DEFAULTS)


def generic_kind(element_type: str) -> str | None:
    """The generic ArchiMate kind of ``element_type`` (``None``: the type has none)."""
    return _GENERIC.get(element_type)


def kind_for_archimate(element_type: str, declared: str | None = None) -> str | None:
    """The kind an ArchiMate element becomes: the kind named by its ``eakit:kind``
    property (``declared``) when that kind is written as ``element_type``, else the
    framework kind the registry makes the default of the element type
    (``ApplicationComponent`` → ``application``), else its generic kind; ``None`` for a
    type without a kind.
    """
    if declared is not None:
        found = KIND_SPECS.get(declared)
        if found is not None and found.archimate == element_type:
            return declared
    return _BY_ARCHIMATE.get(element_type)


def component_class(kind: str) -> type[BaseComponent]:
    """The pydantic class of ``kind``."""
    from eakit.model.components import KIND_CLASSES

    return KIND_CLASSES[kind]


def fields(kind: str) -> tuple[str, ...]:
    """The field names of ``kind`` in declaration order (its inventory columns, with
    ``kind`` and the free-form ``properties`` among them)."""
    return tuple(component_class(kind).model_fields)


def references(kind: str) -> tuple[RefField, ...]:
    """The reference fields of ``kind``: name, accepted kinds (empty: any), edge type."""
    from eakit.model.refs import ref_fields

    return ref_fields(component_class(kind))


def relation_types_of(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The relation types ``kind`` may be the source of, and those it may be the target
    of (from the relation-type table), each sorted."""
    from eakit.model.relations import relation_types

    table = relation_types().values()
    outgoing = sorted(t.name for t in table if "*" in t.from_kinds or kind in t.from_kinds)
    incoming = sorted(t.name for t in table if "*" in t.to_kinds or kind in t.to_kinds)
    return tuple(outgoing), tuple(incoming)
