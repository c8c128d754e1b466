"""Code actions: the did-you-mean fixes, a missing required field, waiving a finding."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from lsprotocol import types

from eakit.loader.files import MANIFEST, leaves_root
from eakit.lsp.state import ModelState
from eakit.lsp.words import word

_DID_YOU_MEAN = re.compile(r"\((?:did you mean|try) '([^']+)'\??\)")
_MISSING = re.compile(r"missing required key '([^']+)'")
_NO_KIND = re.compile(r"has no 'kind' \(its keys fit kind '([^']+)'\)")
_LEAD = re.compile(r"[ \t]*(?:-[ \t]+)?")  # what comes before the first key of a line
DEFAULT_WAIVERS = "waivers.yaml"
WAIVER_DAYS = 180  # the expiry placeholder: half a year from today


def actions(
    state: ModelState, rel: str, diagnostics: list[types.Diagnostic], today: dt.date
) -> list[types.CodeAction]:
    """The fixes for ``diagnostics`` (those the editor sent for the range)."""
    uri = state.uri_of(rel)
    text = state.text(rel) or ""
    lines = text.splitlines()
    found: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source != "eakit":
            continue
        data: Any = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        # The quick fixes read the English message (the one shown may be Vietnamese).
        english = str(data.get("en") or diagnostic.message)
        suggestion = _DID_YOU_MEAN.search(english)
        if suggestion is not None:
            edit = types.TextEdit(range=diagnostic.range, new_text=suggestion[1])
            found.append(_fix(word("fix_to", state.lang, suggestion[1]), uri, [edit], diagnostic))
        missing = _MISSING.search(english) or _NO_KIND.search(english)
        if missing is not None:
            key = "kind" if missing.re is _NO_KIND else missing[1]
            value = missing[1] if missing.re is _NO_KIND else ""
            edit = _insert_key(lines, diagnostic.range, key, value)
            title = word("add_field", state.lang, key)
            found.append(_fix(title, uri, [edit], diagnostic, preferred=False))
        if data.get("rule") and data.get("component"):
            action = _waive(state, str(data["rule"]), str(data["component"]), today, diagnostic)
            if action is not None:
                found.append(action)
    return found


def _fix(
    title: str,
    uri: str,
    edits: list[types.TextEdit],
    diagnostic: types.Diagnostic,
    preferred: bool = True,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _insert_key(lines: list[str], at: types.Range, key: str, value: str) -> types.TextEdit:
    """A ``key: value`` line after the line of ``at``, at the indent of that line's key."""
    row = at.start.line
    line = lines[row] if row < len(lines) else ""
    lead = _LEAD.match(line)
    indent = len(lead[0]) if lead is not None else at.start.character
    if line.rstrip().endswith(":"):  # 'security_dossier:': the key goes inside it
        indent += 2
    new_text = f"{' ' * indent}{key}: {value}".rstrip() + ("" if value else " ") + "\n"
    return types.TextEdit(
        range=types.Range(types.Position(row + 1, 0), types.Position(row + 1, 0)),
        new_text=new_text,
    )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _waive(
    state: ModelState, rule: str, component: str, today: dt.date, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    """A waiver for ``rule`` on ``component``, appended to the model's waivers file (made,
    and named in the manifest, when the model has none)."""
    graph = state.graph
    named = graph.model.manifest.waivers if graph is not None else None
    rel = named or DEFAULT_WAIVERS
    if leaves_root(rel):
        return None
    lang = state.lang
    expires = (today + dt.timedelta(days=WAIVER_DAYS)).isoformat()
    entry = (
        f"  - rule: {rule}\n"
        f"    component: {component}\n"
        f"    reason: {_quoted(word('waiver_reason', lang))}\n"
        f"    owner: {_quoted(word('waiver_owner', lang))}\n"
        f"    expires: {expires}\n"
    )
    uri = state.uri_of(rel)
    existing = state.text(rel)
    changes: list[Any] = []
    if existing is None:
        changes.append(
            types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True))
        )
        changes.append(_append(uri, 0, "", "waivers:\n" + entry))
    else:
        lines = existing.splitlines()
        tail = "" if existing.endswith("\n") or not existing else "\n"
        has_list = any(line.startswith("waivers:") for line in lines)
        body = entry if has_list else "waivers:\n" + entry
        changes.append(_append(uri, len(lines), lines[-1] if lines else "", tail + body))
    if named is None:
        manifest = state.text(MANIFEST) or ""
        mlines = manifest.splitlines()
        tail = "" if manifest.endswith("\n") or not manifest else "\n"
        changes.append(
            _append(
                state.uri_of(MANIFEST),
                len(mlines),
                mlines[-1] if mlines else "",
                f"{tail}waivers: {DEFAULT_WAIVERS}\n",
            )
        )
    return types.CodeAction(
        title=word("waive", lang, rule, component),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(document_changes=changes),
    )


def _append(uri: str, rows: int, last: str, text: str) -> types.TextDocumentEdit:
    """An edit adding ``text`` at the end of a document of ``rows`` lines ending with
    ``last`` (the end of the last line when the text has no final newline)."""
    if last and text.startswith("\n"):
        at = types.Position(max(rows - 1, 0), len(last))
    else:
        at = types.Position(rows, 0)
    return types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
        edits=[types.TextEdit(range=types.Range(at, at), new_text=text)],
    )
