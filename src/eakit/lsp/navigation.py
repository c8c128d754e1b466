"""Where ids are written: the id under the cursor, its declaration, every mention.

Mentions are read from the files' text (the editor's, for open files), so they follow
unsaved edits. Which files to read comes from the last valid graph: the component's own
file, the files of its neighbours and of relations touching it, the manifest, the waivers
file and every open file; before any valid check, every model file.
"""

from __future__ import annotations

from lsprotocol import types

from eakit.loader.files import MANIFEST
from eakit.lsp.state import ModelState
from eakit.lsp.yamltext import Occurrence, occurrences, word_range


def id_at(state: ModelState, rel: str, line: int, char: int) -> Occurrence | None:
    """The component id written at (``line``, ``char``) of ``rel``."""
    text = state.text(rel)
    if text is None:
        return None
    for found in occurrences(text):
        if found.line == line and found.start <= char <= found.end:
            return found
    lines = text.splitlines()
    graph = state.graph
    if line < len(lines) and graph is not None:  # an id anywhere else (a comment, a name)
        start, end = word_range(lines[line], char)
        word = lines[line][start:end]
        if word in graph.kinds:
            return Occurrence(word, line, start, end, False)
    return None


def files_mentioning(state: ModelState, cid: str) -> list[str]:
    """The files that may mention ``cid`` (see the module docstring)."""
    graph = state.graph
    files = set(state.open) | {MANIFEST}
    if graph is None:
        files |= {rel for rel in _all_yaml(state)}
        return sorted(files)
    model = graph.model
    if model.manifest.waivers:
        files.add(model.manifest.waivers)
    sources = model.component_sources
    if cid in sources:
        files.add(sources[cid].file)
        for other in graph.adjacent(cid):
            if other in sources:
                files.add(sources[other].file)
        for outgoing in (True, False):
            for edges in graph.edges_by_type(cid, outgoing).values():
                for edge in edges:
                    if edge.relation is not None:
                        ref = graph.relation_source(edge.relation)
                        if ref is not None:
                            files.add(ref.file)
    return sorted(files)


def _all_yaml(state: ModelState) -> list[str]:
    root = state.root
    found: list[str] = []
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root)
        if not any(part.startswith(".") for part in rel.parts):
            found.append(rel.as_posix())
    return found


def mentions(state: ModelState, cid: str) -> list[tuple[str, Occurrence]]:
    """Every place ``cid`` is written, declaration included, in file order."""
    found: list[tuple[str, Occurrence]] = []
    for rel in files_mentioning(state, cid):
        text = state.text(rel)
        if text is None:
            continue
        found.extend((rel, o) for o in occurrences(text) if o.id == cid)
    return found


def declaration(state: ModelState, cid: str) -> tuple[str, Occurrence] | None:
    """Where ``cid`` is declared (``id: cid``)."""
    graph = state.graph
    files = list(state.open)
    if graph is not None and cid in graph.model.component_sources:
        files.insert(0, graph.model.component_sources[cid].file)
    for rel in files:
        text = state.text(rel)
        if text is None:
            continue
        for found in occurrences(text):
            if found.declaration and found.id == cid:
                return rel, found
    return None


def to_range(found: Occurrence) -> types.Range:
    return types.Range(
        types.Position(found.line, found.start), types.Position(found.line, found.end)
    )


def to_location(state: ModelState, rel: str, found: Occurrence) -> types.Location:
    return types.Location(uri=state.uri_of(rel), range=to_range(found))
