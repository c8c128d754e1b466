"""Safe YAML reading with two parsers: a fast one and a precise one.

Most files are parsed by ``yaml_rs`` (a Rust parser, about 30 times faster than
PyYAML's C loader) which rejects duplicate keys and bounds alias expansion. It keeps
no positions, so a file is composed again with PyYAML's C composer, which does,
only when something must be located: a parse error, a tag, a validation error or a
finding. That pass builds the same values (YAML 1.2 core schema, like ``yaml_rs``)
together with a map from YAML path to line and column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml_rs

from eakit.diagnostics import Diagnostic, Location
from eakit.text import nfc

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES_PER_BYTE = 4  # alias expansion may not blow a file up beyond this many nodes/byte
MIN_NODE_BUDGET = 100_000

YamlPath = tuple[str | int, ...]

_TAG_HINT = re.compile(r"(?:^|[\s\[{,:-])!", re.MULTILINE)
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}

# YAML 1.2 core schema, as yaml_rs resolves plain scalars (timestamps stay strings:
# pydantic parses dates where a field wants one, and a quoted date stays text).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9][0-9_]*$")
_INT16 = re.compile(r"^0x[0-9a-fA-F_]+$")
_INT8 = re.compile(r"^0o[0-7_]+$")
_INT2 = re.compile(r"^0b[01_]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class YamlError(Exception):
    """A YAML-level problem at a location."""

    def __init__(self, line: int, col: int, message: str, related: tuple[int, int] | None = None):
        super().__init__(message)
        self.line = line
        self.col = col
        self.message = message
        self.related = related


def resolve_plain(value: str) -> Any:
    """Resolve an untagged plain scalar with the YAML 1.2 core schema."""
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT10.match(value):
        return int(value.replace("_", ""))
    if _INT16.match(value):
        return int(value[2:].replace("_", ""), 16)
    if _INT8.match(value):
        return int(value[2:].replace("_", ""), 8)
    if _INT2.match(value):
        return int(value[2:].replace("_", ""), 2)
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return value


@dataclass
class Composed:
    """Values of one file with the line and column of every mapping key and node."""

    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)


class _Builder:
    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.positions: dict[YamlPath, tuple[int, int]] = {}

    def build(self, node: yaml.Node, path: YamlPath, depth: int) -> Any:
        self.budget -= 1
        mark = node.start_mark
        if self.budget < 0:
            raise YamlError(
                mark.line + 1,
                mark.column + 1,
                "too many nodes after alias expansion (possible alias bomb); "
                "remove the anchors and aliases",
            )
        if depth > MAX_DEPTH:
            raise YamlError(mark.line + 1, mark.column + 1, f"nesting deeper than {MAX_DEPTH}")
        if node.tag not in _STANDARD_TAGS:
            raise YamlError(
                mark.line + 1,
                mark.column + 1,
                f"tag '{node.tag}' is not allowed: eakit reads plain YAML only",
            )
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            seen: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    km = key_node.start_mark
                    raise YamlError(km.line + 1, km.column + 1, "mapping keys must be scalars")
                if key_node.value == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                    km = key_node.start_mark
                    raise YamlError(km.line + 1, km.column + 1, "merge keys ('<<') are not allowed")
                km = key_node.start_mark
                if key_node.tag not in _STANDARD_TAGS:
                    raise YamlError(
                        km.line + 1, km.column + 1, f"tag '{key_node.tag}' is not allowed"
                    )
                key = resolve_plain(key_node.value) if key_node.style is None else key_node.value
                if isinstance(key, float) and math.isnan(key):
                    key = str(key_node.value)
                if key in seen:
                    first = seen[key].start_mark
                    raise YamlError(
                        km.line + 1,
                        km.column + 1,
                        f"duplicate key '{key}' (first defined at line {first.line + 1})",
                        related=(first.line + 1, first.column + 1),
                    )
                seen[key] = key_node
                child_path = (*path, key) if isinstance(key, str | int) else path
                self.positions[child_path] = (km.line + 1, km.column + 1)
                result[key] = self.build(value_node, child_path, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        if node.style is None:
            return resolve_plain(node.value)
        return node.value


def compose(text: str) -> Composed:
    """Parse ``text`` precisely: values plus positions; raises :class:`YamlError`."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)  # type: ignore[attr-defined]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context not in problem:
            problem = f"{problem} ({exc.context})"
        raise YamlError(line, col, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, 1, f"invalid YAML: {exc}") from None
    if node is None:
        return Composed(None)
    builder = _Builder(max(MIN_NODE_BUDGET, MAX_NODES_PER_BYTE * len(text)))
    return Composed(builder.build(node, (), 0), builder.positions)


def parse_fast(text: str) -> Any:
    """Parse ``text`` with yaml_rs; raises ``ValueError`` on anything unusual.

    The caller falls back to :func:`compose` to locate the problem.
    """
    if _TAG_HINT.search(text):
        raise ValueError("possible tag: use the precise parser")
    return yaml_rs.loads(
        text,
        parse_datetime=False,
        duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        alias_limits=yaml_rs.AliasLimits(
            max_total_replayed_events=max(MIN_NODE_BUDGET, MAX_NODES_PER_BYTE * len(text)),
            max_replay_stack_depth=MAX_DEPTH,
        ),
    )


def decode(raw: bytes, rel: str) -> str | Diagnostic:
    """Decode model-file bytes as UTF-8 (a BOM is allowed) and normalise to NFC."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        return Diagnostic(
            Location(rel, line, col),
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            code="encoding",
        )
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        return Diagnostic(
            Location(rel, line, offset - text.rfind("\n", 0, offset)),
            "NUL character: this is not a text file",
            code="encoding",
        )
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
