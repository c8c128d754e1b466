"""File results kept in memory between the checks of a watch session.

When an edit breaks the model, the session loads it in full to report every problem
exactly as ``eakit check`` does. The full load takes the files nobody edited from here
(their validated components, already in memory) instead of parsing them or reading
them from the on-disk cache: at national scale that is the difference between seconds
and about one second.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from eakit.speed.file_cache import FileCache, FileResult


class MemoryCache:
    """Validated file results by path and content, in front of the on-disk cache."""

    def __init__(self, behind: FileCache | None = None) -> None:
        self.behind = behind
        self._entries: dict[str, tuple[bytes, FileResult]] = {}
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _digest(raw: bytes) -> bytes:
        return hashlib.blake2b(raw, digest_size=16).digest()

    def get(self, rel: str, raw: bytes) -> FileResult | None:
        """The result kept for this exact content of ``rel`` (or the disk's), or None."""
        digest = self._digest(raw)
        entry = self._entries.get(rel)
        if entry is not None and entry[0] == digest:
            self.hits += 1
            return entry[1]
        result = self.behind.get(rel, raw) if self.behind is not None else None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
            self._entries[rel] = (digest, result)
        return result

    def has(self, rel: str, raw: bytes) -> bool:
        """Whether a result is kept (or stored on disk) for this content of ``rel``."""
        entry = self._entries.get(rel)
        if entry is not None and entry[0] == self._digest(raw):
            return True
        return self.behind is not None and self.behind.has(rel, raw)

    def put_many(self, entries: Sequence[tuple[str, bytes, FileResult]], jobs: int | None) -> None:
        """:meth:`put` each entry (the disk's part in the background where it can be)."""
        for rel, raw, result in entries:
            self._entries[rel] = (self._digest(raw), result)
        if self.behind is not None:
            self.behind.put_many(entries, jobs)

    def put(self, rel: str, raw: bytes, result: FileResult) -> None:
        """Keep ``result`` for this content of ``rel`` (and store it on disk too)."""
        self._entries[rel] = (self._digest(raw), result)
        if self.behind is not None:
            self.behind.put(rel, raw, result)
