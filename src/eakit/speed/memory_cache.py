"""File results kept in memory between the checks of a watch session.

When an edit breaks the model, the session loads it in full to report every problem
exactly as ``eakit check`` does. The full load takes the files nobody edited from here
(their validated components, already in memory) instead of parsing them again: at
national scale that is the difference between seconds and about one second.

Nothing is kept between runs: a cache on disk was measured not to pay for itself (see
``docs/benchmarks.md``), and it wrote outside the model folder and the outputs.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from eakit.diagnostics import Diagnostic
from eakit.loader.collect import Collected, add_component
from eakit.loader.locator import YamlLocator
from eakit.model import BaseComponent, Relation, SourceRef


@dataclass
class FileResult:
    """The validated content of one model file (positions are the file's list indexes)."""

    components: list[tuple[int, BaseComponent]] = field(default_factory=list)
    relations: list[tuple[int, Relation]] = field(default_factory=list)


class MemoryCache:
    """Validated file results by path and content."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[bytes, FileResult]] = {}
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _digest(raw: bytes) -> bytes:
        return hashlib.blake2b(raw, digest_size=16).digest()

    def get(self, rel: str, raw: bytes) -> FileResult | None:
        """The result kept for this exact content of ``rel``, or None."""
        entry = self._entries.get(rel)
        if entry is not None and entry[0] == self._digest(raw):
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def has(self, rel: str, raw: bytes) -> bool:
        """Whether a result is kept for this content of ``rel``."""
        entry = self._entries.get(rel)
        return entry is not None and entry[0] == self._digest(raw)

    def put_many(self, entries: Sequence[tuple[str, bytes, FileResult]]) -> None:
        """Keep each (rel, raw, result) for that content of ``rel``."""
        for rel, raw, result in entries:
            self._entries[rel] = (self._digest(raw), result)


def merge(result: FileResult, rel: str, locator: YamlLocator, into: Collected) -> list[Diagnostic]:
    """Add a kept file's components and relations, checking ids against the other files."""
    diagnostics: list[Diagnostic] = []
    for index, component in result.components:
        ref = SourceRef(rel, ("components", index))
        diagnostics.extend(add_component(component, ref, locator, into))
    for index, relation in result.relations:
        into.relations.append(relation)
        into.relation_sources.append(SourceRef(rel, ("relations", index)))
    return diagnostics


def extract(into: Collected, components_before: int, relations_before: int) -> FileResult:
    """The part of ``into`` that one cleanly collected file added."""
    added = len(into.components) - components_before
    tail = list(itertools.islice(reversed(into.components), added))
    components = [(int(into.sources[cid].path[1]), into.components[cid]) for cid in reversed(tail)]
    relations = [
        (int(into.relation_sources[n].path[1]), into.relations[n])
        for n in range(relations_before, len(into.relations))
    ]
    return FileResult(components, relations)
