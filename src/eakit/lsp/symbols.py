"""Document and workspace symbols: the components, by kind and layer."""

from __future__ import annotations

from lsprotocol import types

from eakit.lsp.describe import kind_label, layer_label, name_of, symbol_kind
from eakit.lsp.navigation import to_range
from eakit.lsp.state import ModelState
from eakit.lsp.yamltext import occurrences
from eakit.model import SourceRef
from eakit.text import strip_diacritics

MAX_WORKSPACE_SYMBOLS = 500


def document_symbols(state: ModelState, rel: str) -> list[types.DocumentSymbol]:
    """The components a file declares, each spanning its lines."""
    text = state.text(rel)
    if text is None:
        return []
    graph = state.graph
    kinds = graph.kinds if graph is not None else {}
    declared = [o for o in occurrences(text) if o.declaration]
    lines = text.splitlines()
    symbols = []
    for index, found in enumerate(declared):
        # The item runs to the line before the next one (its blank lines left out), and
        # always contains its id (clients drop a symbol whose id lies outside it).
        end = declared[index + 1].line - 1 if index + 1 < len(declared) else len(lines) - 1
        while end > found.line and not lines[end].strip():
            end -= 1
        kind = kinds.get(found.id, "")
        name = name_of(graph.get(found.id), state.lang) if graph and kind else ""
        symbols.append(
            types.DocumentSymbol(
                name=found.id,
                detail=" · ".join(p for p in (name, kind_label(kind, state.lang)) if p),
                kind=symbol_kind(kind),
                range=types.Range(
                    types.Position(found.line, 0), types.Position(end, len(lines[end]))
                ),
                selection_range=to_range(found),
            )
        )
    return symbols


def _folded(text: str) -> str:
    return strip_diacritics(text).casefold()


def workspace_symbols(state: ModelState, query: str) -> list[types.WorkspaceSymbol]:
    """Components whose id or name contains ``query`` (accents and case ignored)."""
    graph = state.graph
    if graph is None:
        return []
    wanted = _folded(query)
    model = graph.model
    hits: list[str] = []
    for cid in sorted(graph.kinds):
        component = graph.get(cid)
        if (
            not wanted
            or wanted in cid
            or wanted in _folded(component.name)
            or (component.name_en and wanted in component.name_en.casefold())
        ):
            hits.append(cid)
            if len(hits) >= MAX_WORKSPACE_SYMBOLS:
                break
    requests: list[tuple[SourceRef, tuple[str | int, ...]]] = [
        (model.component_sources[cid], ("id",)) for cid in hits
    ]
    places = model.locator.locate_many(requests)
    symbols = []
    for cid, place in zip(hits, places, strict=True):
        kind = graph.kinds[cid]
        start = types.Position(max(place.line - 1, 0), max(place.col - 1, 0))
        end = types.Position(start.line, start.character + len(cid))
        symbols.append(
            types.WorkspaceSymbol(
                name=f"{cid} · {name_of(graph.get(cid), state.lang)}",
                kind=symbol_kind(kind),
                location=types.Location(state.uri_of(place.file), types.Range(start, end)),
                container_name=f"{layer_label(kind, state.lang)} / {kind_label(kind, state.lang)}",
            )
        )
    return symbols
