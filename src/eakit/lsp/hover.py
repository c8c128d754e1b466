"""Hover: what a component is, and what the rules found about it (with their basis)."""

from __future__ import annotations

from lsprotocol import types

from eakit.lsp.describe import kind_label, layer_label, name_of
from eakit.lsp.navigation import id_at, to_range
from eakit.lsp.state import ModelState
from eakit.lsp.words import word
from eakit.model import kind_of
from eakit.urls import rule_page


def hover(state: ModelState, rel: str, line: int, char: int) -> types.Hover | None:
    """The card of the component whose id is at the cursor."""
    found = id_at(state, rel, line, char)
    graph = state.graph
    if found is None or graph is None or found.id not in graph.kinds:
        return None
    lang = state.lang
    component = graph.get(found.id)
    kind = kind_of(component)
    lines = [f"**{name_of(component, lang)}** (`{found.id}`)", ""]
    if lang == "vi" and component.name_en:
        lines += [f"_{component.name_en}_", ""]
    lines.append(f"- {word('kind', lang)}: {kind_label(kind, lang)} (`{kind}`)")
    lines.append(f"- {word('layer', lang)}: {layer_label(kind, lang)}")
    owner = getattr(component, "owner", None)
    if owner:
        shown = name_of(graph.get(owner), lang) if owner in graph.kinds else owner
        lines.append(f"- {word('owner', lang)}: {shown} (`{owner}`)")
    lines.append(f"- {word('status', lang)}: `{component.status.value}`")
    lines += ["", f"**{word('findings', lang)}**", ""]
    findings = [f for f in state.findings() if f.component == found.id]
    if not findings:
        lines.append(word("no_findings", lang))
    for finding in findings:
        title = finding.title_en if lang == "en" and finding.title_en else finding.title
        waived = f" ({word('waived', lang)})" if finding.waived is not None else ""
        lines.append(
            f"- [{finding.rule_id}]({rule_page(finding.rule_id)}) "
            f"{finding.severity.value}{waived}: {title}. {finding.message}"
        )
        for basis in finding.basis:
            article = f", {basis.article}" if basis.article else ""
            lines.append(f"  - {word('basis', lang)}: {basis.document}{article}")
            if basis.quote:
                lines.append(f"    > {basis.quote}")
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n".join(lines)),
        range=to_range(found),
    )
