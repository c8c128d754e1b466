"""ArchiMate 3.2's table of allowed relationships (Appendix B of the specification).

The table ships as data (``eakit/data/archimate/relationships.xml``, Archi's copy, see the
README beside it): for each source concept and target concept, the letters of the
relationships ArchiMate allows from the one to the other. Derivation rules are not
applied: a relationship the table does not list is not allowed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# defusedxml has no inline types, and types-defusedxml is not among the dependencies.
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

# The concept the table uses for an exchange-format element type.
_CONCEPT = {"AndJunction": "Junction", "OrJunction": "Junction"}
RELATIONSHIP_CONCEPT = "Relationship"


def _read(name: str) -> bytes:
    return resources.files("eakit.data").joinpath("archimate").joinpath(name).read_bytes()


@cache
def _letters() -> dict[str, str]:
    """Key letter → relationship type (``a`` → ``Access``)."""
    root = fromstring(_read("relationships-keys.xml"))
    return {
        key.get("char", ""): key.get("relationship", "").removesuffix("Relationship")
        for key in root.iter("key")
    }


@cache
def _table() -> dict[tuple[str, str], frozenset[str]]:
    letters = _letters()
    root = fromstring(_read("relationships.xml"))
    table: dict[tuple[str, str], frozenset[str]] = {}
    for source in root.iter("source"):
        for target in source.iter("target"):
            table[(source.get("concept", ""), target.get("concept", ""))] = frozenset(
                letters[c] for c in target.get("relations", "")
            )
    return table


def concept(element_type: str) -> str:
    """The table's name for an exchange-format element type (junctions are one concept)."""
    return _CONCEPT.get(element_type, element_type)


def allowed_relationships(source_type: str, target_type: str) -> frozenset[str]:
    """The relationship types ArchiMate allows from ``source_type`` to ``target_type``
    (exchange-format names: ``ApplicationComponent``, ``Serving``, ...)."""
    return _table().get((concept(source_type), concept(target_type)), frozenset())


def is_allowed(relationship: str, source_type: str, target_type: str) -> bool:
    """Whether ArchiMate allows ``relationship`` from ``source_type`` to ``target_type``."""
    return relationship in allowed_relationships(source_type, target_type)


def known_concepts() -> frozenset[str]:
    """Every concept the table names as a source."""
    return frozenset(source for source, _ in _table())


def element_type_of(kind: str) -> str:
    """The ArchiMate element type an eakit kind is (``application`` →
    ``ApplicationComponent``), from the kind registry."""
    from eakit.metamodel import archimate_type

    return archimate_type(kind)


def kinds_fit(relationship: str, source_kind: str, target_kind: str) -> bool:
    """Whether ArchiMate allows ``relationship`` between the elements of two eakit kinds."""
    return is_allowed(relationship, element_type_of(source_kind), element_type_of(target_kind))
