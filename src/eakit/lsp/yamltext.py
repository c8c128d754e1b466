"""Reading a model file's text line by line, as an editor shows it (no YAML parsing).

The editor's text is often mid-edit and not valid YAML, so positions are found from the
lines themselves: the key of a line, the list a ``- item`` belongs to, the mapping a line
sits in. Lines and columns here are 0-based, as LSP counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from eakit.model import KIND_CLASSES
from eakit.model.refs import ref_fields

_KEY = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)(.*)$")
_ITEM = re.compile(r"^(\s*)-(?:\s+(.*))?$")
_ID_TOKEN = re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9-]*)(?![\w.-])")
_PAIR = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*([^,{}\[\]]*)")
_DELIMITERS = set(" \t:,[]{}#'\"")

# Keys whose values are component ids outside the component kinds: relation ends, the
# manifest's province and owner agency, and a waiver's component.
OTHER_ID_KEYS = frozenset({"id", "from", "to", "province", "owner_agency", "component"})


@cache
def reference_keys() -> frozenset[str]:
    """Every key whose value holds component ids (reference fields of any kind, relation
    ends and the declaring ``id``)."""
    names = {f.name for cls in KIND_CLASSES.values() for f in ref_fields(cls)}
    return frozenset(names | OTHER_ID_KEYS)


def strip_comment(line: str) -> str:
    """``line`` without its ``# comment`` (a '#' inside quotes is text)."""
    quote: str | None = None
    for at, char in enumerate(line):
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (at == 0 or line[at - 1] in " \t"):
            return line[:at]
    return line


def word_range(line: str, char: int) -> tuple[int, int]:
    """The start and end of the word (a key, an id, a value) at ``char`` of ``line``;
    an empty range at ``char`` when there is none."""
    start = min(max(char, 0), len(line))
    if start < len(line) and line[start] in "'\"":
        start += 1
    end = start
    while start > 0 and line[start - 1] not in _DELIMITERS:
        start -= 1
    while end < len(line) and line[end] not in _DELIMITERS:
        end += 1
    return start, end


@dataclass(frozen=True)
class Occurrence:
    """An id written in a file: where, and whether it is the component's ``id:``."""

    id: str
    line: int
    start: int
    end: int
    declaration: bool


def _ids_in(value: str, offset: int) -> Iterator[tuple[str, int]]:
    for match in _ID_TOKEN.finditer(value):
        yield match[1], offset + match.start(1)


def occurrences(text: str) -> Iterator[Occurrence]:
    """Every id-shaped value of a key that holds ids, in file order (the caller keeps
    those that name components)."""
    keys = reference_keys()
    stack: list[tuple[int, str]] = []  # (indent, key) of the open mappings and lists
    for number, raw in enumerate(text.splitlines()):
        line = strip_comment(raw)
        if not line.strip():
            continue
        found: list[tuple[str, tuple[str, int]]] = []
        key_match = _KEY.match(line)
        if key_match is not None:
            indent = len(key_match[1]) + len(key_match[2] or "")
            while stack and stack[-1][0] >= indent:
                stack.pop()
            key = key_match[3]
            stack.append((indent, key))
            value, at = key_match[4], key_match.start(4)
            if value.strip().startswith("{"):
                found.extend(_pairs(value, at))
            elif key in keys:
                found.extend((key, hit) for hit in _ids_in(value, at))
        else:
            item = _ITEM.match(line)
            if item is None or item[2] is None:
                continue
            indent = len(item[1])
            while stack and stack[-1][0] > indent:
                stack.pop()
            value, at = item[2], item.start(2)
            if value.lstrip().startswith("{"):
                found.extend(_pairs(value, at))
            elif stack and stack[-1][1] in keys:
                found.extend((stack[-1][1], hit) for hit in _ids_in(value, at))
        for key, (cid, start) in found:
            if key in keys:
                yield Occurrence(cid, number, start, start + len(cid), key == "id")


def _pairs(value: str, at: int) -> Iterator[tuple[str, tuple[str, int]]]:
    """The ids in the ``key: value`` pairs of a flow mapping ``{from: a, to: b}``."""
    for pair in _PAIR.finditer(value):
        for hit in _ids_in(pair[2], at + pair.start(2)):
            yield pair[1], hit


@dataclass(frozen=True)
class Place:
    """What the cursor is on: a key to write, or the value of ``key``; in which list
    (``components``, ``relations``) and, in a component, its kind and keys."""

    key: str | None  # the key whose value the cursor is in; None when writing a key
    section: str | None
    values: dict[str, str]  # the item's keys, with their values written on the same line
    prefix: str  # what is typed of the word before the cursor
    nested: str | None = None  # the item's key whose mapping the cursor is in, if any

    @property
    def kind(self) -> str | None:
        return self.values.get("kind") or None

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.values)


def place_at(lines: list[str], line_no: int, char: int) -> Place:
    """Where the cursor at (``line_no``, ``char``) is, for completion."""
    line = lines[line_no] if line_no < len(lines) else ""
    before = strip_comment(line[:char])
    start, _end = word_range(line, char)
    prefix = line[start:char] if start <= char else ""
    key: str | None = None
    key_match = _KEY.match(before)
    indent = _indent(before)
    if key_match is not None:
        indent = len(key_match[1]) + len(key_match[2] or "")
        key = key_match[3]
        flow = before[key_match.start(4) :]
        if "{" in flow:
            pairs = list(_PAIR.finditer(flow))
            key = pairs[-1][1] if pairs and ":" in flow[pairs[-1].start() :] else None
    else:
        item = _ITEM.match(before)
        if item is not None and item[2] is not None and item[2].lstrip().startswith("{"):
            pairs = list(_PAIR.finditer(item[2]))
            key = pairs[-1][1] if pairs else None
        elif item is not None and item[2] is not None and ":" not in item[2]:
            key = _parent_key(lines, line_no, len(item[1]))
            if key is None or key in ("components", "relations"):
                key = None
    section, values = _enclosing_item(lines, line_no)
    nested = _nested_in(lines, line_no, indent) if _ITEM.match(before) is None else None
    return Place(key, section, values, prefix, nested)


def _nested_in(lines: list[str], line_no: int, indent: int) -> str | None:
    """The key of the mapping a key at ``indent`` on ``line_no`` sits in, when that is a
    key of an item (``security_dossier:``), not a top-level list or the item itself."""
    for number in range(line_no - 1, -1, -1):
        text = strip_comment(lines[number])
        if not text.strip():
            continue
        match = _KEY.match(text)
        own = len(match[1]) + len(match[2] or "") if match is not None else _indent(text)
        if own < indent:
            if match is not None and match[1] and not match[2] and not match[4].strip():
                return match[3]
            return None
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _parent_key(lines: list[str], line_no: int, indent: int) -> str | None:
    """The key of the block list an item at ``indent`` on ``line_no`` belongs to."""
    for number in range(line_no - 1, -1, -1):
        line = strip_comment(lines[number])
        if not line.strip():
            continue
        match = _KEY.match(line)
        own = _indent(line) + (len(match[2]) if match is not None and match[2] else 0)
        if match is not None and own <= indent and not match[4].strip():
            return match[3]
        if _indent(line) < indent:
            return None
    return None


def _enclosing_item(lines: list[str], line_no: int) -> tuple[str | None, dict[str, str]]:
    """The top-level section of ``line_no``, and the keys of the item it is in with the
    values written beside them."""
    section = None
    for number in range(line_no, -1, -1):
        match = _KEY.match(lines[number]) if number < len(lines) else None
        if match is not None and not match[1] and not match[2]:
            section = match[3]
            break
    # The item: the nearest '- ' above (or on) the line at a smaller indent than the line.
    here = lines[line_no] if line_no < len(lines) else ""
    limit = _indent(here) if here.strip() else 10**6
    first = None
    for number in range(line_no, -1, -1):
        text = lines[number]
        item = _ITEM.match(text)
        # A mapping item ('- key: ...', '- {...}' or a bare '-'), not a scalar in a list.
        opens = item is not None and (
            item[2] is None or item[2].startswith("{") or _KEY.match(text) is not None
        )
        if item is not None and opens and (len(item[1]) < limit or number == line_no):
            first = number
            break
        if text.strip() and _indent(text) == 0:
            break
    values: dict[str, str] = {}
    if first is None:
        return section, values
    head = _ITEM.match(strip_comment(lines[first]))
    assert head is not None
    if head[2] is not None and head[2].startswith("{"):  # a flow mapping on one line
        for pair in _PAIR.finditer(head[2]):
            values[pair[1]] = pair[2].strip().strip("'\"")
        return section, values
    dash = len(head[1])
    key_indent = dash + 2
    for number in range(first, len(lines)):
        text = strip_comment(lines[number])
        if number > first and text.strip() and _indent(text) <= dash:
            break
        match = _KEY.match(text)
        if match is None:
            continue
        own = len(match[1]) + len(match[2] or "")
        if own == key_indent or (number == first and match[2]):
            values[match[3]] = match[4].strip().strip("'\"")
    return section, values
