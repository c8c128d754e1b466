"""How a component is named and labelled in the server's answers."""

from __future__ import annotations

from lsprotocol import types

from eakit import metamodel
from eakit.lsp.words import Lang
from eakit.model import LAYER_INFO, BaseComponent


def name_of(component: BaseComponent, lang: Lang) -> str:
    """The component's name in ``lang`` (the Vietnamese one when there is no other)."""
    return component.name_en if lang == "en" and component.name_en else component.name


def kind_label(kind: str, lang: Lang) -> str:
    return metamodel.label(kind, lang) if metamodel.is_kind(kind) else kind


def layer_label(kind: str, lang: Lang) -> str:
    if not metamodel.is_kind(kind):
        return ""
    info = LAYER_INFO[metamodel.spec(kind).layer]
    return info.name_en if lang == "en" else info.name


def symbol_kind(kind: str) -> types.SymbolKind:
    if not metamodel.is_kind(kind):
        return types.SymbolKind.Object
    return types.SymbolKind[LAYER_INFO[metamodel.spec(kind).layer].symbol]
