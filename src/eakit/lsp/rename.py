"""Renaming a component id in every file that writes it."""

from __future__ import annotations

import re
from collections import defaultdict

from lsprotocol import types

from eakit.lsp.navigation import declaration, id_at, mentions, to_range
from eakit.lsp.state import ModelState
from eakit.lsp.words import word
from eakit.model.components import ID_PATTERN

MAX_ID_LENGTH = 120


class RenameRefused(Exception):
    """Why a rename cannot be done (the message is for the user)."""


def _known(state: ModelState, cid: str) -> bool:
    graph = state.graph
    return (graph is not None and cid in graph.kinds) or declaration(state, cid) is not None


def prepare(state: ModelState, rel: str, line: int, char: int) -> types.Range | None:
    """The id at the cursor, if it names a component."""
    found = id_at(state, rel, line, char)
    if found is None or not _known(state, found.id):
        return None
    return to_range(found)


def rename(state: ModelState, rel: str, line: int, char: int, new: str) -> types.WorkspaceEdit:
    """Every mention of the id at the cursor, changed to ``new``; raises
    :class:`RenameRefused` for an invalid id or one that exists already."""
    lang = state.lang
    found = id_at(state, rel, line, char)
    if found is None or not _known(state, found.id):
        raise RenameRefused(word("rename_unknown", lang, found.id if found else ""))
    if not re.match(ID_PATTERN, new) or len(new) > MAX_ID_LENGTH:
        raise RenameRefused(word("rename_invalid", lang, new))
    if new != found.id and _known(state, new):
        raise RenameRefused(word("rename_clash", lang, new))
    edits: dict[str, list[types.TextEdit]] = defaultdict(list)
    for where, mention in mentions(state, found.id):
        edits[state.uri_of(where)].append(types.TextEdit(range=to_range(mention), new_text=new))
    return types.WorkspaceEdit(changes=dict(edits))
