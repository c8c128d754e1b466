"""The typed model: component kinds, relations, manifest and the loaded :class:`Model`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from eakit.diagnostics import Location
from eakit.model.components import (
    COMPONENT_CLASSES,
    KIND_CLASSES,
    BaseComponent,
    Component,
    Scope,
    Status,
    kind_of,
)
from eakit.model.layers import LAYER_INFO, LAYERS, Layer
from eakit.model.manifest import Architecture, Manifest
from eakit.model.relations import Relation, RelationType, relation_types

__all__ = [
    "COMPONENT_CLASSES",
    "KIND_CLASSES",
    "LAYERS",
    "LAYER_INFO",
    "Architecture",
    "BaseComponent",
    "Component",
    "Layer",
    "Manifest",
    "Model",
    "Relation",
    "RelationType",
    "Scope",
    "SourceRef",
    "Status",
    "kind_of",
    "relation_types",
]


class SourceRef(NamedTuple):
    """Where an object was declared: a file and its YAML path (``("components", 3)``).

    A named tuple: a national model makes 400,000, one for each component and relation,
    and a tuple is made four times as fast as a frozen dataclass.
    """

    file: str
    path: tuple[str | int, ...]


class Locator:
    """Resolves a :class:`SourceRef` (plus an optional field) to a line and column.

    The loader provides the implementation; everything downstream sees only this
    interface, so a renderer never needs the loader.
    """

    def locate(self, ref: SourceRef, *fields: str | int) -> Location:  # pragma: no cover
        return Location(ref.file)

    def locate_many(
        self, requests: Sequence[tuple[SourceRef, tuple[str | int, ...]]]
    ) -> list[Location]:
        """The locations of many (ref, fields) pairs, in order; implementations may read
        each file once for all of them."""
        return [self.locate(ref, *fields) for ref, fields in requests]


@dataclass
class Model:
    """A validated model: the manifest, components by id and relations, with their sources."""

    root: Path
    manifest: Manifest
    components: dict[str, BaseComponent]
    relations: list[Relation]
    component_sources: dict[str, SourceRef]
    relation_sources: list[SourceRef]
    locator: Locator = field(default_factory=Locator)
    files: list[str] = field(default_factory=list)

    def location(self, component_id: str, *fields: str | int) -> Location:
        """Line and column of a component (or of one of its fields)."""
        return self.locator.locate(self.component_sources[component_id], *fields)
