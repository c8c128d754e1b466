"""Writing components as model YAML, and replacing one component inside a file.

Strings that a YAML 1.2 reader would take for something else (``"123"``, ``"true"``,
``"0o17"``) are quoted, so what is written loads back as the same value.
"""

from __future__ import annotations

from typing import Any

import yaml

from eakit.loader.yamlio import resolve_plain
from eakit.model.components import BaseComponent

LEADING_KEYS = ("id", "kind", "name", "name_en")


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, strings quoted when a plain scalar would change type."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Lists indented under their key, as the hand-written model files do.
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value:
        style = "|"
    elif not value or not isinstance(resolve_plain(value), str) or value != value.strip():
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def component_data(component: BaseComponent) -> dict[str, Any]:
    """The component as model-file data: non-default fields, ``id`` and ``kind`` first."""
    data = component.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data["kind"] = component.kind  # type: ignore[attr-defined]
    ordered = {key: data[key] for key in LEADING_KEYS if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def dump(data: Any) -> str:
    """YAML text of ``data`` (UTF-8 characters kept, keys in the given order)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
        indent=2,
    )


def replace_component(text: str, component_id: str, data: dict[str, Any]) -> str | None:
    """``text`` with the component ``component_id`` of its ``components`` list rewritten.

    Only that item's lines change; comments elsewhere in the file are kept. Returns
    ``None`` when the component is not found as a list item of ``components``.
    """
    root = yaml.compose(text, Loader=yaml.CSafeLoader)  # type: ignore[attr-defined]
    if not isinstance(root, yaml.MappingNode):
        return None
    items = next(
        (v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "components"),
        None,
    )
    if not isinstance(items, yaml.SequenceNode):
        return None
    for item in items.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        ids = [v.value for k, v in item.value if k.value == "id" and isinstance(v, yaml.ScalarNode)]
        if ids != [component_id]:
            continue
        start = item.start_mark
        line_start = text.rfind("\n", 0, start.index) + 1
        prefix = text[line_start : start.index]  # "  - " or similar
        end = item.end_mark.index
        tail_start = text.rfind("\n", 0, end) + 1
        if not text[tail_start:end].strip():
            end = tail_start
        body = text[start.index : end]
        # Keep trailing comments and blank lines: they usually introduce the next item.
        lines = body.split("\n")
        kept_tail: list[str] = []
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            kept_tail.insert(0, lines.pop())
        new_lines = dump(data).rstrip("\n").split("\n")
        indent = " " * len(prefix)
        replacement = new_lines[0] + "".join("\n" + indent + line for line in new_lines[1:])
        if kept_tail or body.endswith("\n"):
            replacement += "\n"
        replacement += "\n".join(kept_tail)
        return text[:line_start] + prefix + replacement + text[end:]
    return None
