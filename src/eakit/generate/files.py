"""The files of a generated model while it is being built, with id bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Record = dict[str, Any]


@dataclass
class FileContent:
    """Components and relations destined for one model file."""

    components: list[Record] = field(default_factory=list)
    relations: list[Record] = field(default_factory=list)


class ModelFiles:
    """All files of a generated model, keyed by path relative to the model root.

    Ids are unique across the model and relations unique by (from, type, to), as the
    loader demands; :meth:`unique_id` and :meth:`relate` keep them so.
    """

    def __init__(self) -> None:
        self.files: dict[str, FileContent] = {}
        self._ids: set[str] = set()
        self._relations: set[tuple[str, str, str]] = set()
        self.kinds: dict[str, str] = {}
        self.names: dict[str, str] = {}

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3``, ... when taken (ids stay ≤ 120 characters)."""
        base = base[:110].rstrip("-")
        candidate, number = base, 1
        while candidate in self._ids:
            number += 1
            candidate = f"{base}-{number}"
        self._ids.add(candidate)
        return candidate

    def add(self, path: str, record: Record) -> str:
        """Add a component (its ``id`` already reserved with :meth:`unique_id`)."""
        self.files.setdefault(path, FileContent()).components.append(record)
        self.kinds[record["id"]] = record["kind"]
        self.names[record["id"]] = record["name"]
        return str(record["id"])

    def relate(self, path: str, source: str, type_: str, target: str, **extra: Any) -> bool:
        """Declare a relation in ``path`` unless the same one exists; True when added."""
        key = (source, type_, target)
        if key in self._relations or source == target:
            return False
        self._relations.add(key)
        record: Record = {"from": source, "to": target, "type": type_}
        record.update({k: v for k, v in extra.items() if v is not None})
        self.files.setdefault(path, FileContent()).relations.append(record)
        return True

    def counts(self) -> tuple[int, int]:
        """(components, declared relations)."""
        return len(self.kinds), len(self._relations)
