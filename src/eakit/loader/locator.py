"""Lazy line/column lookup for objects read by the fast parser."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eakit.diagnostics import Location
from eakit.loader.positions import yaml_positions
from eakit.loader.yamlio import YamlError, YamlPath, decode, nearest_position
from eakit.model import Locator, SourceRef


class YamlLocator(Locator):
    """Finds the line and column of a YAML path, composing a file only when first asked.

    Files already parsed precisely hand their positions over at load time; the rest are
    composed once, on the first question about them.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._positions: dict[str, dict[YamlPath, tuple[int, int]]] = {}
        # Files yaml_rs read but the composer rejects: the composer's verdict wins.
        self.failures: dict[str, YamlError] = {}
        self._keys: dict[str, object] = {}  # plain keys as read, shared by the files

    def remember(self, rel: str, positions: dict[YamlPath, tuple[int, int]]) -> None:
        """Store the positions of a file that was composed already."""
        self._positions[rel] = positions

    def forget(self, rel: str) -> None:
        """Drop what is known of a file that changed on disk."""
        self._positions.pop(rel, None)
        self.failures.pop(rel, None)

    def positions(self, rel: str) -> dict[YamlPath, tuple[int, int]]:
        """All known positions of one file (composing it on first use)."""
        cached = self._positions.get(rel)
        if cached is None:
            cached = self._positions[rel] = self._read(rel)
        return cached

    def _read(
        self, rel: str, asked: list[YamlPath] | None = None
    ) -> dict[YamlPath, tuple[int, int]]:
        """The positions of a file (with ``asked``, those these paths need, see
        :func:`eakit.loader.positions.yaml_positions`)."""
        try:
            text = decode((self.root / rel).read_bytes(), rel)
            if isinstance(text, str):
                return yaml_positions(text, asked, self._keys)
        except YamlError as exc:
            self.failures[rel] = exc
        except OSError:
            pass  # the file changed or vanished since it was read; locate at 1:1
        return {}

    def locate(self, ref: SourceRef, *fields: str | int) -> Location:
        """The position of ``ref`` (and of ``fields`` inside it), or the nearest parent's."""
        return Location(ref.file, *nearest_position(self.positions(ref.file), (*ref.path, *fields)))

    def locate_many(
        self, requests: Sequence[tuple[SourceRef, tuple[str | int, ...]]]
    ) -> list[Location]:
        """Like :meth:`locate` for each request, reading each file once: positions of a
        file not already known are computed, used and let go (at national scale the
        positions of every file together take gigabytes), and only those the requests
        need are computed."""
        # Per file: the requests' places in the list and their paths in the file.
        by_file: dict[str, tuple[list[int], list[YamlPath]]] = {}
        for index, (ref, fields) in enumerate(requests):
            places, paths = by_file.setdefault(ref.file, ([], []))
            places.append(index)
            paths.append((*ref.path, *fields) if fields else ref.path)
        found: list[Location | None] = [None] * len(requests)
        for rel in sorted(by_file):
            places, paths = by_file[rel]
            positions = self._positions.get(rel)
            if positions is None:
                positions = self._read(rel, paths)
            for index, path in zip(places, paths, strict=True):
                found[index] = Location(rel, *nearest_position(positions, path))
        return [location for location in found if location is not None]
