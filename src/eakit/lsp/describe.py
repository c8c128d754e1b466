"""How a component is named and labelled in the server's answers."""

from __future__ import annotations

from lsprotocol import types

from eakit.lsp.words import Lang
from eakit.model import KIND_CLASSES, LAYER_INFO, BaseComponent, Layer

_SYMBOL_KINDS = {
    Layer.USERS: types.SymbolKind.Interface,
    Layer.SERVICES: types.SymbolKind.Function,
    Layer.BUSINESS: types.SymbolKind.Namespace,
    Layer.APPLICATIONS: types.SymbolKind.Class,
    Layer.INTEGRATION: types.SymbolKind.Event,
    Layer.INFRASTRUCTURE: types.SymbolKind.Module,
    Layer.SECURITY: types.SymbolKind.Key,
    Layer.GOVERNANCE: types.SymbolKind.Package,
}


def name_of(component: BaseComponent, lang: Lang) -> str:
    """The component's name in ``lang`` (the Vietnamese one when there is no other)."""
    return component.name_en if lang == "en" and component.name_en else component.name


def kind_label(kind: str, lang: Lang) -> str:
    cls = KIND_CLASSES.get(kind)
    if cls is None:
        return kind
    return cls.label_en if lang == "en" else cls.label


def layer_label(kind: str, lang: Lang) -> str:
    cls = KIND_CLASSES.get(kind)
    if cls is None:
        return ""
    info = LAYER_INFO[cls.layer]
    return info.name_en if lang == "en" else info.name


def symbol_kind(kind: str) -> types.SymbolKind:
    cls = KIND_CLASSES.get(kind)
    return _SYMBOL_KINDS.get(cls.layer, types.SymbolKind.Object) if cls else types.SymbolKind.Object
