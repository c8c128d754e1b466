"""Line and column of every key and list item of a model file, in one pass over its lines.

Composing a file with PyYAML to locate a finding costs about 25 ms per 1,000 components;
at national scale, with findings in most files, that is most of a check. Model files
are written in a small, regular subset of YAML (block mappings and sequences, one-line
flow collections, plain or one-line quoted scalars), which this scanner reads directly.

The contract is strict: :func:`scan_positions` returns exactly the positions the composer
(:func:`eakit.loader.yamlio.compose`) would, or ``None`` when the text uses anything
outside the subset (anchors, tags, multi-line quoted or flow values, odd keys, tabs, ...)
and the caller must compose the file. ``tests/scale`` checks this against the composer.
"""

from __future__ import annotations

import re

from eakit.loader.yamlio import MAX_DEPTH, YamlPath

Positions = dict[YamlPath, tuple[int, int]]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$)")
# Keys the core schema would read as something other than a string.
_NOT_STR_KEYS = {
    "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
}  # fmt: skip
_PLAIN_FLOW_END = re.compile(r"[,\[\]{}]| #|: |:$")
_INDICATORS = "&*!|>%@`?"
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?")


class _Unsure(Exception):
    """The text leaves the subset: the caller composes it."""


def _closing_quote(line: str, start: int) -> int:
    """Index just past the quoted scalar opening at ``start`` (on this line only)."""
    quote = line[start]
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index + 1
        index += 1
    raise _Unsure


def _after_value(line: str, index: int) -> None:
    """Only blanks or a comment may follow a complete value on its line."""
    rest = line[index:]
    if rest.strip() and not rest.lstrip().startswith("#"):
        raise _Unsure
    if rest.strip() and not rest.startswith((" ", "\t")):
        raise _Unsure


class _Scanner:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        # The indentation of each line, or -1 for blank and comment lines (one pass).
        self.indents = [
            len(line) - len(stripped) if stripped and stripped[0] != "#" else -1
            for line, stripped in ((line, line.lstrip(" ")) for line in self.lines)
        ]
        self.positions: Positions = {}
        self.index = 0

    # --- lines ------------------------------------------------------------------------------

    def _content(self) -> tuple[int, str] | None:
        """Skip blank and comment lines; the indentation and text of the next line."""
        indents, index = self.indents, self.index
        while index < len(indents):
            if indents[index] >= 0:
                self.index = index
                return indents[index], self.lines[index]
            index += 1
        self.index = index
        return None

    def _skip_block_scalar(self, limit: int) -> None:
        """Skip the lines of a block scalar: blank, or indented beyond ``limit``."""
        lines, index = self.lines, self.index
        while index < len(lines):
            line = lines[index]
            stripped = line.lstrip(" ")
            if stripped and len(line) - len(stripped) <= limit:
                break
            index += 1
        self.index = index

    def _set(self, path: YamlPath, line: int, col: int, *, key: bool = False) -> None:
        if key:
            self.positions[path] = (line + 1, col + 1)
        else:
            self.positions.setdefault(path, (line + 1, col + 1))

    # --- block collections -------------------------------------------------------------------

    def document(self) -> Positions:
        found = self._content()
        if found is None:
            raise _Unsure
        indent, line = found
        if line.lstrip().startswith(("---", "- ", "...")) or line.strip() == "-":
            raise _Unsure
        self.mapping(indent, (), first_col=indent)
        if self._content() is not None:
            raise _Unsure
        return self.positions

    def mapping(self, indent: int, path: YamlPath, first_col: int) -> None:
        """A block mapping whose keys sit at column ``indent`` (its first at ``first_col``)."""
        if len(path) >= MAX_DEPTH:
            raise _Unsure  # the composer reports the nesting
        self._set(path, self.index, first_col)
        seen: set[str] = set()
        while True:
            found = self._content()
            if found is None:
                return
            line_indent, line = found
            if line_indent < indent:
                return
            if line_indent > indent:
                raise _Unsure
            self.entry(indent, line, path, seen)

    def entry(self, indent: int, line: str, path: YamlPath, seen: set[str]) -> None:
        """One ``key: value`` line (and whatever block value follows it)."""
        match = _KEY.match(line, indent)
        if match is None:
            raise _Unsure
        key = match.group(1)
        if key in _NOT_STR_KEYS or key in seen:
            raise _Unsure
        seen.add(key)
        child = (*path, key)
        row = self.index
        self._set(child, row, indent, key=True)
        value_at = match.end()
        self.index += 1
        if value_at >= len(line) or line[value_at] == "#":
            self.block_value(indent, child)
        else:
            self.inline_value(line, value_at, row, indent, child)

    def block_value(self, indent: int, path: YamlPath) -> None:
        """The value of ``key:`` with nothing after the colon: nested block, or null."""
        found = self._content()
        if found is None:
            return
        line_indent, line = found
        item = line[line_indent:]
        is_item = item.startswith("- ") or item == "-"
        if is_item and line_indent >= indent:
            self.sequence(line_indent, path)
        elif line_indent > indent:
            self.mapping(line_indent, path, first_col=line_indent)

    def sequence(self, indent: int, path: YamlPath) -> None:
        """A block sequence whose dashes sit at column ``indent``."""
        if len(path) >= MAX_DEPTH:
            raise _Unsure
        self._set(path, self.index, indent)
        number = 0
        while True:
            found = self._content()
            if found is None:
                return
            line_indent, line = found
            if line_indent != indent or not line[indent:].startswith("- "):
                if line_indent > indent or (line_indent == indent and line.strip() == "-"):
                    raise _Unsure
                return
            start = self._skip_spaces(line, indent + 2)
            child = (*path, number)
            number += 1
            row = self.index
            if _KEY.match(line, start):
                # "- key: value": a mapping whose keys line up with this first one.
                self.lines[row] = " " * start + line[start:]
                self.indents[row] = start
                self.mapping(start, child, first_col=start)
            else:
                self.index += 1
                self.inline_value(line, start, row, indent, child, item=True)

    # --- values on one line ------------------------------------------------------------------

    def inline_value(
        self, line: str, start: int, row: int, limit: int, path: YamlPath, item: bool = False
    ) -> None:
        """A value starting at ``line[start]``; for an item, its own position is recorded.

        ``limit`` is the column of its key (or dash): lines indented beyond it continue a
        plain scalar.
        """
        char = line[start]
        if item:
            self._set(path, row, start)
        if char == "[":
            self.flow_sequence(line, start, row, path)
        elif char == "{":
            self.flow_mapping(line, start, row, path)
        elif char in "\"'":
            _after_value(line, _closing_quote(line, start))
        elif char in "|>":
            header = _BLOCK_HEADER.match(line, start)
            if header is None:
                raise _Unsure
            _after_value(line, header.end())
            self._skip_block_scalar(limit)
        elif char in _INDICATORS or line.startswith("- ", start) or char == "#":
            raise _Unsure
        else:
            # A plain scalar; more-indented lines below continue it.
            while True:
                found = self._content()
                if found is None or found[0] <= limit:
                    return
                self.index += 1

    def _flow_scalar(self, line: str, index: int) -> int:
        """End of a scalar inside a one-line flow collection."""
        if index >= len(line):
            raise _Unsure
        char = line[index]
        if char in "\"'":
            return _closing_quote(line, index)
        if char in "[{,]}" or char in _INDICATORS or char == "#":
            raise _Unsure
        match = _PLAIN_FLOW_END.search(line, index)
        if match is None or match.group() in (" #", ": ", ":", "[", "{"):
            raise _Unsure
        end = match.start()
        while line[end - 1] == " ":
            end -= 1
        return end

    @staticmethod
    def _skip_spaces(line: str, index: int) -> int:
        while index < len(line) and line[index] == " ":
            index += 1
        return index

    def flow_sequence(self, line: str, start: int, row: int, path: YamlPath) -> None:
        self._set(path, row, start)
        index = self._skip_spaces(line, start + 1)
        number = 0
        if line[index : index + 1] == "]":
            _after_value(line, index + 1)
            return
        while True:
            self._set((*path, number), row, index)
            number += 1
            index = self._skip_spaces(line, self._flow_scalar(line, index))
            if line[index : index + 1] == "]":
                _after_value(line, index + 1)
                return
            if line[index : index + 1] != ",":
                raise _Unsure
            index = self._skip_spaces(line, index + 1)
            if line[index : index + 1] == "]":
                raise _Unsure  # a trailing comma: leave it to the composer

    def flow_mapping(self, line: str, start: int, row: int, path: YamlPath) -> None:
        self._set(path, row, start)
        index = self._skip_spaces(line, start + 1)
        seen: set[str] = set()
        if line[index : index + 1] == "}":
            _after_value(line, index + 1)
            return
        while True:
            match = _KEY.match(line, index)
            if match is None or not match.group().endswith(" "):
                raise _Unsure
            key = match.group(1)
            if key in _NOT_STR_KEYS or key in seen:
                raise _Unsure
            seen.add(key)
            self._set((*path, key), row, index, key=True)
            index = self._skip_spaces(line, self._flow_scalar(line, match.end()))
            if line[index : index + 1] == "}":
                _after_value(line, index + 1)
                return
            if line[index : index + 1] != ",":
                raise _Unsure
            index = self._skip_spaces(line, index + 1)


def scan_positions(text: str) -> Positions | None:
    """Positions of every key and list item of ``text`` as the composer gives them, or
    ``None`` when the text is outside the simple subset this scanner reads."""
    if "\t" in text or "\r" in text:
        return None
    try:
        return _Scanner(text).document()
    except (_Unsure, IndexError):
        return None
