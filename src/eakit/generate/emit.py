"""Writing model files as an architect would: block components, one-line relations.

The emitter is deliberately small and deterministic (key order as given, no line
wrapping); it quotes a string only when a plain scalar would read back as something
else, so generated files look hand-written and round-trip exactly. "Something else" is
judged by both YAML versions: eakit reads YAML 1.2, but editors, linters and scripts
built on PyYAML read 1.1, where ``on``, ``no`` and ``1:20`` are not strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from eakit.loader.yamlio import resolve_plain

# A plain scalar that is safe anywhere (block and flow context): starts with a letter or
# digit, no YAML indicators, no ": " or " #", no trailing space.
_PLAIN = re.compile(r"^[\w][\w .()/&'+-]*$")

FLOW_MAX = 6  # lists longer than this are written as block sequences

Value = str | int | float | bool | None | Sequence[Any] | Mapping[str, Any]

_YAML11 = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def _plain_everywhere(text: str) -> bool:
    """True when YAML 1.2 (eakit) and YAML 1.1 (PyYAML tools) both read ``text`` unquoted
    as this very string."""
    return (
        _PLAIN.match(text) is not None
        and not text.endswith(" ")
        and resolve_plain(text) == text
        and _YAML11.resolve(yaml.ScalarNode, text, (True, False)) == _STR
    )


def scalar(value: str | int | float | bool) -> str:
    """The YAML text of one scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _plain_everywhere(text):
        return text
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[Any]) -> str:
    return "[" + ", ".join(scalar(item) for item in items) + "]"


def _mapping_lines(data: Mapping[str, Any], indent: str, first: str) -> list[str]:
    """Block mapping lines; ``first`` prefixes the first line (``"- "`` for list items)."""
    lines: list[str] = []
    prefix = first
    for key, value in data.items():
        if value is None or (isinstance(value, list | tuple | dict) and not value):
            continue
        if isinstance(value, Mapping):
            lines.append(f"{indent}{prefix}{key}:")
            lines.extend(_mapping_lines(value, indent + " " * len(prefix) + "  ", ""))
        elif isinstance(value, list | tuple) and len(value) > FLOW_MAX:
            # Long lists read better one item a line, as architects write them.
            lines.append(f"{indent}{prefix}{key}:")
            item_indent = indent + " " * len(prefix) + "  "
            lines.extend(f"{item_indent}- {scalar(item)}" for item in value)
        elif isinstance(value, list | tuple):
            lines.append(f"{indent}{prefix}{key}: {_flow(value)}")
        else:
            lines.append(f"{indent}{prefix}{key}: {scalar(value)}")
        if prefix:
            indent, prefix = indent + " " * len(prefix), ""
    return lines


def relation_line(relation: Mapping[str, Any]) -> str:
    """One relation as a flow mapping: ``- {from: a, to: b, type: integrates_with}``."""
    parts = [f"{key}: {scalar(value)}" for key, value in relation.items() if value is not None]
    return "  - {" + ", ".join(parts) + "}"


def model_file(
    components: Sequence[Mapping[str, Any]],
    relations: Sequence[Mapping[str, Any]],
    header: str | None = None,
) -> str:
    """The text of one model file."""
    lines: list[str] = []
    if header:
        lines.extend(f"# {line}" if line else "#" for line in header.splitlines())
    if components:
        lines.append("components:")
        for component in components:
            lines.extend(_mapping_lines(component, "  ", "- "))
    if relations:
        lines.append("relations:")
        lines.extend(relation_line(relation) for relation in relations)
    return "\n".join(lines) + "\n"


def mapping_document(data: Mapping[str, Any], header: str | None = None) -> str:
    """A top-level block mapping (the manifest)."""
    lines: list[str] = []
    if header:
        lines.extend(f"# {line}" if line else "#" for line in header.splitlines())
    lines.extend(_mapping_lines(data, "", ""))
    return "\n".join(lines) + "\n"
