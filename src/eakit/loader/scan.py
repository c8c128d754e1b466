"""Line and column of every key and list item of a model file, without composing it.

Composing a file with PyYAML to locate a finding costs about 25 ms per 1,000 components;
at national scale, with findings in most files, that is most of a check. Model files
are written in a small, regular subset of YAML (block mappings and sequences, one-line
flow collections, plain or one-line quoted scalars), which this scanner reads directly.

The contract is strict: :func:`scan_positions` returns exactly the positions the composer
(:func:`eakit.loader.yamlio.compose`) would, or ``None`` when the text uses anything
outside the subset (anchors, tags, multi-line quoted or flow values, odd keys, tabs, ...)
and the caller must compose the file. ``tests/scale`` checks this against the composer.

Two readers share that contract. The fast one (:func:`_scan_lines`) records runs of like
lines (the ``key: scalar`` lines of components, the ``- {...}`` lines of relations) in
bulk, with a few regex passes and no Python code per line, and classifies the other lines
one by one with a compiled regex; whatever it is not sure of sends the whole file to the
general reader (:class:`_Scanner`), which goes through the subset character by character
and has the last word. ``tests/scale/test_scan_fast.py`` checks that the two agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain, compress, repeat
from operator import add
from typing import Any, NamedTuple, cast

from eakit.loader.yamlio import MAX_DEPTH, YamlPath, resolve_plain
from eakit.perf import paused_gc

Positions = dict[YamlPath, tuple[int, int]]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: +|$)")
# Keys the core schema would read as something other than a string.
_NOT_STR_KEYS = {
    "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
}  # fmt: skip
# Where a plain scalar ends in a flow collection; anything but ',', ']' or '}' first is
# left to the composer (a ':' right before one of them makes a key: '[a:]' is [{a: null}]).
_PLAIN_FLOW_END = re.compile(r"[,\[\]{}]| #|: |:$|:[,\[\]{}]")
# In a block, a plain scalar holding ': ' or ending in ':' before any comment is a key
# ('- a.b: c' is a mapping) or an error: left to the composer.
_PLAIN_BLOCK_END = re.compile(r": | #|:$")
_INDICATORS = "&*!|>%@`?"
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?")

# What the lines after a value may hold: nothing more of it, more of a plain scalar or of a
# block scalar (lines indented beyond the key or dash), or the block value of 'key:'.
# (_RUN: the last line of a run, whose scalar the fast reader does not follow further.)
_NONE, _PLAIN, _BLOCK, _VALUE, _RUN = 0, 1, 2, 3, 4


class _Unsure(Exception):
    """The text leaves the subset: the caller composes it."""


def _not_a_string(key: str) -> bool:
    """Whether the core schema reads this key as something other than a string ('_1' is
    the integer 1, as '_' is ignored among digits)."""
    return key in _NOT_STR_KEYS or (key[0] == "_" and not isinstance(resolve_plain(key), str))


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


def _skip_spaces(line: str, index: int) -> int:
    while index < len(line) and line[index] == " ":
        index += 1
    return index


def _flow_scalar(line: str, index: int) -> int:
    """End of a scalar inside a one-line flow collection."""
    if index >= len(line):
        raise _Unsure
    char = line[index]
    if char in "\"'":
        return _closing_quote(line, index)
    if char in "[{,]}" or char in _INDICATORS or char == "#":
        raise _Unsure
    match = _PLAIN_FLOW_END.search(line, index)
    if match is None or match.group() not in (",", "]", "}"):
        raise _Unsure
    end = match.start()
    while line[end - 1] == " ":
        end -= 1
    return end


def _flow_sequence(positions: Positions, line: str, start: int, row: int, path: YamlPath) -> None:
    """A one-line flow sequence opening at ``line[start]`` (``row`` counts from 1)."""
    positions.setdefault(path, (row, start + 1))
    index = _skip_spaces(line, start + 1)
    number = 0
    if line[index : index + 1] == "]":
        _after_value(line, index + 1)
        return
    while True:
        positions.setdefault((*path, number), (row, index + 1))
        number += 1
        index = _skip_spaces(line, _flow_scalar(line, index))
        if line[index : index + 1] == "]":
            _after_value(line, index + 1)
            return
        if line[index : index + 1] != ",":
            raise _Unsure
        index = _skip_spaces(line, index + 1)
        if line[index : index + 1] == "]":
            raise _Unsure  # a trailing comma: leave it to the composer


def _flow_mapping(positions: Positions, line: str, start: int, row: int, path: YamlPath) -> None:
    """A one-line flow mapping opening at ``line[start]`` (``row`` counts from 1)."""
    positions.setdefault(path, (row, start + 1))
    index = _skip_spaces(line, start + 1)
    seen: set[str] = set()
    if line[index : index + 1] == "}":
        _after_value(line, index + 1)
        return
    while True:
        match = _KEY.match(line, index)
        if match is None or not match.group().endswith(" "):
            raise _Unsure
        key = match.group(1)
        if _not_a_string(key) or key in seen:
            raise _Unsure
        seen.add(key)
        positions[(*path, key)] = (row, index + 1)
        index = _skip_spaces(line, _flow_scalar(line, match.end()))
        if line[index : index + 1] == "}":
            _after_value(line, index + 1)
            return
        if line[index : index + 1] != ",":
            raise _Unsure
        index = _skip_spaces(line, index + 1)


def _inline(positions: Positions, line: str, start: int, row: int, path: YamlPath) -> int:
    """Positions inside a value starting at ``line[start]``; what the next lines may hold.

    The caller records the value's own position (for a list item) and deals with the
    lines below: more of a plain scalar (``_PLAIN``) or of a block scalar (``_BLOCK``).
    """
    char = line[start]
    if char == "[":
        _flow_sequence(positions, line, start, row, path)
        return _NONE
    if char == "{":
        _flow_mapping(positions, line, start, row, path)
        return _NONE
    if char in "\"'":
        _after_value(line, _closing_quote(line, start))
        return _NONE
    if char in "|>":
        header = _BLOCK_HEADER.match(line, start)
        if header is None:
            raise _Unsure
        _after_value(line, header.end())
        return _BLOCK
    if char in _INDICATORS or char == "#" or (char == "-" and line[start + 1 : start + 2] in " "):
        raise _Unsure  # an anchor, tag, alias, comment or nested '- ' (or '-' alone)
    end = _PLAIN_BLOCK_END.search(line, start)
    if end is not None and end.group() != " #":
        raise _Unsure
    return _PLAIN


# --- the line classifier ----------------------------------------------------------------------

# The patterns below never match across a line break: they serve both on one line (with
# ``pos`` and ``endpos``) and on runs of lines.
_KEY_TEXT = r"[A-Za-z_][A-Za-z0-9_-]{0,127}"
# Keys that may not read as strings: a line starting with one is left to the slow path.
_ODD_KEY = r"(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|_[A-Za-z0-9_-]*):(?:[ \n]|$)"
# A plain scalar with no ': ' (nor ':' at its end) before a comment, starting with
# nothing that could make it something else.
_PLAIN_SCALAR = (
    r"[^-\[\]{}\"'|>&*!%@`?\#,:\ \n][^:\#\n]*+"
    r"(?:(?::(?=[^ \n])|(?<![ ])\#)[^:\#\n]*+)*+(?:\#[^\n]*)?"
)
_END = r"(?:[ ]*+|[ ]++\#[^\n]*)"  # nothing more on the line than spaces or a comment
_QUOTED = rf"(?:\"[^\"\\\n]*+\"|'[^'\n]*+'){_END}"  # without escapes
# A plain scalar in a flow collection that needs no second look: no quotes or indicators
# first, no ',', ':', '#' or brackets at all, no space at either end.
_FLOW_ITEM = r"[^-\s,\[\]{}\#:\"'&*!|>%@`?][^,\[\]{}\#:\n]*+(?<![ ])"
_FLOW_PAIRS = (
    rf"(?!{_ODD_KEY}){_KEY_TEXT}: {_FLOW_ITEM}(?:, (?!{_ODD_KEY}){_KEY_TEXT}: {_FLOW_ITEM})*+"
)
_LINE = re.compile(
    r"( *+)"  # 1: the indentation
    r"(-[ ]++)?+"  # 2: a dash and the spaces after it
    rf"(?!{_ODD_KEY})"
    rf"(?:({_KEY_TEXT}):(?:[ ]++|$))?+"  # 3: a key
    rf"(?:(){_PLAIN_SCALAR}$"  # 4: a plain scalar
    rf"|(){_QUOTED}$"  # 5: a quoted scalar
    rf"|\[((?:{_FLOW_ITEM}(?:, {_FLOW_ITEM})*+)?)\]{_END}$"  # 6: a flow sequence
    rf"|\{{((?:{_FLOW_PAIRS})?)\}}{_END}$"  # 7: a flow mapping
    r"|()(?:\#.*)?$"  # 8: nothing (or a comment)
    r"|())"  # 9: anything else
)

# --- runs of like lines -----------------------------------------------------------------------
#
# Most lines of a model file come in runs of one shape: the 'key: scalar' lines of a
# component, the '- {from: ..., to: ...}' lines of its relations. Such a run is found by a
# loose regex (cheap: it reads most characters in a one-class loop), then read line by
# line by one findall with the exact rules of its shape, which must take every line of it;
# for plain scalars a few substring counts over the run stand in for reading each one (a
# plain scalar holds no ': ' or ' #' and does not end in ':'). When that fails, an exact
# regex finds how far the run really goes. All positions of a run are then stored by zip
# and dict.update, with no Python code per line.

_RUN_FLOW_PAIRS = 6  # a flow mapping with more pairs ends a run of them
_RUN_SCALAR = r"(?:[^-\[\]{}\"'|>&*!%@`?\#,:\ \n][^\n]*+|\"[^\"\\\n]*+\"[ ]*+|'[^'\n]*+'[ ]*+)"
_RUN_LOOSE = r"[A-Za-z_][^:\n]*+:[ ]++[^-\[\]{}|>&*!%@`?\#,:\ \n][^\n]*+\n"
# The keys of lines known to be right (each match reads one whole line, so that findall
# goes from line to line without trying every character in between).
_RUN_KEY = re.compile(r" *+(?:-[ ]++)?+([^:\n]*+):[^\n]*+\n").findall

# The positions (row, col) of every row of a column, shared by all files: the positions
# of a run are a slice of such a list instead of new tuples (at most a few columns, and
# as many rows as the longest file has lines).
_COLUMNS: dict[int, list[tuple[int, int]]] = {}


def _column(col: int, end: int) -> list[tuple[int, int]]:
    """Positions (row, ``col``) indexed by row, for rows before ``end`` at least."""
    places = _COLUMNS.get(col, [])
    if len(places) < end:
        # A new list, put in place whole: a reader never sees one half built.
        places = _COLUMNS[col] = places + list(
            zip(range(len(places), max(end, 2 * len(places), 256)), repeat(col), strict=False)
        )
    return places


_Matcher = Callable[[str, int], "re.Match[str] | None"]
_Reader = Callable[[str, int, int], list[Any]]


@functools.cache
def _run(kind: str, indent: int) -> tuple[_Matcher, _Reader | None, _Matcher, _Reader | None]:
    """How to read a run of ``kind`` lines at ``indent``, each ended by a line break:
    (loose matcher, reader, exact matcher, reader of lines the exact one took).

    Kinds: ``keys`` (``key: scalar``; read: each key), ``mappings`` (``- key: scalar``
    items, each followed by more ``key: scalar`` lines; read: each key),
    ``items`` (``- scalar``; nothing to read) and ``flows`` (``- {key: scalar, ...}``;
    read: each pair, after the ', ' before it, and its key, in turn).
    """
    lead = " " * indent
    entry = rf"(?!{_ODD_KEY})({_KEY_TEXT}):[ ]++"
    exact_entry = rf"(?!{_ODD_KEY}){_KEY_TEXT}:[ ]++(?:{_PLAIN_SCALAR}|{_QUOTED})\n"
    if kind == "keys":
        return (
            re.compile(rf"(?:{lead}{_RUN_LOOSE})+").match,
            re.compile(rf"^{lead}{entry}{_RUN_SCALAR}\n", re.MULTILINE).findall,
            re.compile(rf"(?:{lead}{exact_entry})+").match,
            _RUN_KEY,
        )
    if kind == "mappings":
        return (
            re.compile(rf"{lead}-[ ]{_RUN_LOOSE}(?:{lead}[- ][ ]{_RUN_LOOSE})*+").match,
            re.compile(rf"^{lead}[- ][ ]{entry}{_RUN_SCALAR}\n", re.MULTILINE).findall,
            re.compile(rf"{lead}-[ ]{exact_entry}(?:{lead}[- ][ ]{exact_entry})*+").match,
            _RUN_KEY,
        )
    if kind == "items":
        exact = re.compile(rf"(?:{lead}-[ ](?:{_PLAIN_SCALAR}|{_QUOTED})\n)+").match
        return exact, None, exact, None
    pair = rf"(?!{_ODD_KEY})({_KEY_TEXT}): {_FLOW_ITEM}"
    # Nested, so that the regex stops trying at the first pair missing.
    more = ""
    for _ in range(_RUN_FLOW_PAIRS - 1):
        more = rf"(?:(, {pair}){more})?"
    pairs = rf"({pair}){more}"
    line = rf"{lead}-[ ]\{{{pairs}\}}{_END}\n"
    reader = re.compile(rf"^{line}", re.MULTILINE).findall
    return (
        re.compile(rf"(?:{lead}-[ ]\{{[^\n]*+\n)+").match,
        reader,
        re.compile(rf"(?:{line})+").match,
        reader,
    )


def _read_run(
    kind: str, indent: int, text: str, pos: int, careful: int
) -> tuple[int, list[Any], int]:
    """Where the run of ``kind`` lines starting at ``pos`` ends (``pos``: no run), what
    its lines hold (see :func:`_run`), and up to where loose matches are not to be
    trusted (``careful``: moved on past a loose run that was not right throughout, so
    that the next runs in it go to the exact regex directly)."""
    loose, reader, exact, known = _run(kind, indent)
    if pos >= careful:
        found = loose(text, pos)
        if found is None:
            return pos, [], careful
        stop = found.end()
        if reader is None:
            return stop, [], careful
        lines = reader(text, pos, stop)
        if kind == "flows":
            if len(lines) == text.count("\n", pos, stop):
                return stop, lines, careful
        # Each line of a loose run has a ': ' after its key: as many as the lines read
        # means that every line was read, and that no plain scalar holds one.
        elif (
            text.count(": ", pos, stop) == len(lines)
            and text.find(":\n", pos, stop) < 0
            and text.find(" #", pos, stop) < 0
        ):
            return stop, lines, careful
        careful = stop
    found = exact(text, pos)
    if found is None:
        return pos, [], careful
    stop = found.end()
    return stop, ([] if known is None else known(text, pos, stop)), careful


@functools.cache
def _plain_flows(indent: int) -> _Matcher:
    """A run of ``- {...}`` lines at ``indent``, each one whole flow mapping: no quote,
    bracket or '#' in it, so that its first '}' ends it."""
    return re.compile(rf"(?:{' ' * indent}-[ ]\{{[^\n\"'{{}}\[\]#]*\}}[ ]*\n)+").match


def _read_flows(
    indent: int,
    text: str,
    pos: int,
    careful: int,
    path: YamlPath,
    number: int,
    holders: frozenset[YamlPath] | None,
) -> tuple[int, list[Any], int]:
    """:func:`_read_run` of ``flows`` lines (items ``number`` on of the sequence at
    ``path``), with their pairs read only when ``holders`` (see :class:`Needed`) holds
    one of the items: otherwise a plain run of them is taken without reading its pairs
    (the file was read already: each line is a flow mapping whole)."""
    if holders is not None:
        found = _plain_flows(indent)(text, pos)
        if found is not None:
            items = range(number, number + text.count("\n", pos, found.end()))
            if holders.isdisjoint(zip(*map(repeat, path), items, strict=False)):
                return found.end(), [], careful
    stop, lines, careful = _read_run("flows", indent, text, pos, careful)
    if holders is not None and holders.isdisjoint(
        zip(*map(repeat, path), range(number, number + len(lines)), strict=False)
    ):
        lines = []  # no key of these items is needed
    return stop, lines, careful


def _scan_lines(text: str, needed: Needed | None = None) -> Positions:
    """The positions of a file made of the common line shapes; raises :class:`_Unsure`
    (or IndexError) on anything else, for :class:`_Scanner` to decide.

    The same walk as :class:`_Scanner`, with its recursion unrolled into a stack of open
    blocks (the current one in local variables). Runs of like lines are recorded in bulk
    (see above); other lines are classified one by one by :data:`_LINE`.

    With ``needed`` (see :func:`needed_paths`), the keys of runs of item mappings and of
    flow mappings are recorded only where needed (a key given twice there goes
    unnoticed), and a plain run of one-line flow mappings none of whose keys is needed
    is not read at all (see :func:`_read_flows`).
    """
    # Items that hold a needed path: the keys of other flow mappings are not read.
    holders = None if needed is None else needed.holders
    positions: Positions = {}
    match = _LINE.match
    find = text.find
    size = len(text)
    # The open blocks around the current one: (is a sequence, indent, its text, path, items).
    stack: list[tuple[bool, int, str | None, YamlPath, int]] = []
    in_seq = False  # the current block is a sequence (else a mapping)
    indent = -1
    spaces: str | None = None  # its indentation as text (None before the first key)
    path: YamlPath = ()
    number = 0  # items of the current sequence so far
    pending = _NONE  # what the lines after the last value may hold
    value: YamlPath = ()  # where the last value sits
    count = 0  # positions recorded: fewer in the dict means a duplicate key
    row = 1
    pos = 0  # where line ``row`` starts in ``text``
    # No run of the current block's kind can start on this line (the first line, or the
    # line that ended such a run).
    after_run = True
    careful = 0  # see _read_run
    while pos <= size:
        if spaces is not None and not (after_run and in_seq):
            # --- a run of like lines, recorded in bulk -------------------------------------
            stop = pos  # beyond pos: a run of 'mappings' items of the sequence at ``indent``
            if not in_seq:
                if not after_run:
                    stop, lines, careful = _read_run("keys", indent, text, pos, careful)
                    if stop > pos:
                        positions.update(
                            zip(
                                zip(*map(repeat, path), lines, strict=False),
                                _column(indent + 1, row + len(lines))[row : row + len(lines)],
                                strict=True,
                            )
                        )
                        count += len(lines)
                        row += len(lines)
                        pos = stop
                        pending = _RUN
                        after_run = True
                        continue
                if (
                    stack
                    and stack[-1][0]
                    and stack[-1][1] + 2 == indent
                    and text.startswith("- ", pos + stack[-1][1])
                ):
                    # This mapping is a list item: the next item may start a run.
                    stop, lines, careful = _read_run("mappings", stack[-1][1], text, pos, careful)
                    if stop > pos:
                        in_seq, indent, spaces, path, number = stack.pop()
            elif text.startswith("{", pos + indent + 2):
                stop, lines, careful = _read_flows(
                    indent, text, pos, careful, path, number, holders
                )
                if stop > pos:
                    total = text.count("\n", pos, stop)
                    items = range(number, number + total)
                    rows = range(row, row + total)
                    positions.update(
                        zip(
                            zip(*map(repeat, path), items, strict=False),
                            _column(indent + 3, row + total)[row : row + total],
                            strict=True,
                        )
                    )
                    count += total
                    # One pass a pair: the first pairs of all lines, then the second ...
                    starts = [indent + 4] * total  # where the pairs start
                    columns = zip(*lines, strict=True)
                    cols: Iterable[int] = starts
                    for pairs in columns:
                        keys = next(columns)
                        missing = keys.count("")
                        if missing == len(keys):
                            break
                        paths: Iterator[YamlPath] = zip(
                            *map(repeat, path), items, keys, strict=False
                        )
                        where: Iterator[tuple[int, int]] = zip(rows, cols, strict=True)
                        if missing:  # lines with fewer pairs
                            paths, where = compress(paths, keys), compress(where, keys)
                        positions.update(zip(paths, where, strict=True))
                        count += len(keys) - missing
                        starts = list(map(add, starts, map(len, pairs)))
                        cols = map(add, starts, repeat(2))  # the key after ', '
                    number += total
                    row += total
                    pos = stop
                    pending = _NONE
                    after_run = True
                    continue
            else:
                stop, lines, careful = _read_run("mappings", indent, text, pos, careful)
                if stop == pos:
                    stop, lines, careful = _read_run("items", indent, text, pos, careful)
                    if stop > pos:
                        total = text.count("\n", pos, stop)
                        positions.update(
                            zip(
                                zip(
                                    *map(repeat, path), range(number, number + total), strict=False
                                ),
                                _column(indent + 3, row + total)[row : row + total],
                                strict=True,
                            )
                        )
                        number += total
                        count += total
                        row += total
                        pos = stop
                        pending = _RUN
                        after_run = True
                        continue
            if stop > pos:
                # Items that are mappings of 'key: scalar' lines ('- id: ...' and its keys).
                if len(path) + 1 >= MAX_DEPTH:
                    raise _Unsure
                # The lines of each item: those of its text between dashes.
                sizes = list(
                    map(
                        add,
                        map(str.count, text[pos : stop - 1].split(f"\n{spaces}- "), repeat("\n")),
                        repeat(1),
                    )
                )
                item_count = len(sizes)
                places = _column(indent + 3, row + len(lines))
                positions.update(
                    zip(
                        zip(*map(repeat, path), range(number, number + item_count), strict=False),
                        map(places.__getitem__, accumulate(sizes, initial=row)),
                        strict=False,
                    )
                )
                owners = chain.from_iterable(map(repeat, range(number, number + item_count), sizes))
                keyed = zip(*map(repeat, path), owners, lines, strict=False)
                at = places[row : row + len(lines)]
                if needed is None:
                    positions.update(zip(keyed, at, strict=True))
                    count += len(lines)
                else:
                    key_paths = list(keyed)
                    before = len(positions)
                    positions.update(
                        compress(
                            zip(key_paths, at, strict=True),
                            map(needed.paths.__contains__, key_paths),
                        )
                    )
                    count += len(positions) - before
                count += item_count
                number += item_count
                # Inside the last item's mapping, which the next lines may go on with.
                stack.append((True, indent, spaces, path, number))
                indent += 2
                in_seq, spaces, path = False, " " * indent, (*path, number - 1)
                row += len(lines)
                pos = stop
                pending = _RUN
                after_run = True
                continue
        after_run = False
        end = find("\n", pos)
        if end < 0:
            end = size
        found = match(text, pos, end)
        act: bool | None = None  # True: an item of the current sequence; False: a key
        if found is not None:
            space, dash, key, plain, quoted, flow_seq, flow_map, empty, _ = found.groups()
            if space == spaces:
                if in_seq:
                    if dash is not None:
                        act = True
                elif dash is None and key is not None:
                    act = False
        if act is None:
            # Blank lines, comments, more of a scalar, and changes of indentation.
            line = text[pos:end]
            content = line.lstrip(" ")
            here = len(line) - len(content)
            if not content or content[0] == "#":
                if pending == _BLOCK and content and here <= indent:
                    pending = _NONE  # a comment ends a block scalar, and is skipped
                row += 1
                pos = end + 1
                continue
            moved = False  # the line opens or closes a block: it may start a run in it
            if pending == _VALUE:
                pending = _NONE
                if here >= indent and (content.startswith("- ") or content == "-"):
                    if len(value) >= MAX_DEPTH:
                        raise _Unsure
                    stack.append((in_seq, indent, spaces, path, number))
                    in_seq, indent, spaces, path, number = True, here, " " * here, value, 0
                    moved = True
                elif here > indent:
                    if len(value) >= MAX_DEPTH:
                        raise _Unsure
                    stack.append((in_seq, indent, spaces, path, number))
                    in_seq, indent, spaces, path = False, here, " " * here, value
                    moved = True
            elif pending:
                if here > indent:
                    if pending == _RUN:
                        raise _Unsure  # more of the last scalar of a run: not worth a record
                    row += 1
                    pos = end + 1
                    continue  # a plain scalar or block scalar goes on
                pending = _NONE
            if found is None:
                raise _Unsure
            if spaces is None:
                # The first line: a key opens the document's mapping.
                if dash is not None or key is None:
                    raise _Unsure
                in_seq, indent, spaces = False, here, space
                positions[()] = (row, here + 1)
                count += 1
                act = False
            else:
                while True:
                    if here == indent:
                        if in_seq:
                            if dash is not None:
                                act = True
                                break
                            if line.strip() == "-":
                                raise _Unsure
                        else:
                            if dash is not None or key is None:
                                raise _Unsure
                            act = False
                            break
                    elif here > indent:
                        raise _Unsure
                    if not stack:
                        raise _Unsure  # content after the document's mapping
                    in_seq, indent, spaces, path, number = stack.pop()
                    moved = True
                if moved:
                    after_run = False
                    continue  # this line again, in the block it belongs to
        if act:
            start = indent + len(dash)
            value = (*path, number)
            number += 1
            positions[value] = (row, start + 1)
            count += 1
            if key is not None:
                # '- key: ...': a mapping whose keys line up with this first one.
                if len(value) >= MAX_DEPTH:
                    raise _Unsure
                stack.append((True, indent, spaces, path, number))
                in_seq, indent, spaces, path = False, start, " " * start, value
            elif empty is not None:
                raise _Unsure  # '-' and nothing, or a comment
        if key is not None:
            value = (*path, key)
            positions[value] = (row, indent + 1)
            count += 1
        # From here on ``found`` is a match: ``act`` is set only from one, and a line
        # without one has been skipped or raised _Unsure above (hence the casts below).
        if plain is not None:
            pending = _PLAIN
        elif quoted is not None:
            pending = _NONE
        elif empty is not None:
            pending = _VALUE
        elif flow_seq is not None:
            pending = _NONE
            if flow_seq:
                col = cast("re.Match[str]", found).start(6) - pos + 1
                for index, item_text in enumerate(flow_seq.split(", ")):
                    positions[(*value, index)] = (row, col)
                    col += len(item_text) + 2
                    count += 1
        elif flow_map is not None:
            pending = _NONE
            if flow_map:
                col = cast("re.Match[str]", found).start(7) - pos + 1
                for pair in flow_map.split(", "):
                    positions[(*value, pair[: pair.index(":")])] = (row, col)
                    col += len(pair) + 2
                    count += 1
        else:
            before = len(positions)
            pending = _inline(
                positions, text[pos:end], cast("re.Match[str]", found).start(9) - pos, row, value
            )
            count += len(positions) - before
        row += 1
        pos = end + 1
    if spaces is None or len(positions) != count:
        raise _Unsure  # no mapping at all, or a key given twice
    return positions


# --- the general reader -------------------------------------------------------------------


class _Scanner:
    """Reads the whole subset by recursive descent, one block at a time."""

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
        if _not_a_string(key) or key in seen:
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
            start = _skip_spaces(line, indent + 2)
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
        plain or block scalar.
        """
        if item:
            self._set(path, row, start)
        more = _inline(self.positions, line, start, row + 1, path)
        if more == _BLOCK:
            self._skip_block_scalar(limit)
        elif more == _PLAIN:
            # A plain scalar; more-indented lines below continue it.
            while True:
                found = self._content()
                if found is None or found[0] <= limit:
                    return
                self.index += 1


def _scan_general(text: str) -> Positions | None:
    """:func:`scan_positions` by the general reader alone."""
    try:
        return _Scanner(text).document()
    except (_Unsure, IndexError):
        return None


def _scan_fast(text: str, needed: Needed | None = None) -> Positions | None:
    """:func:`scan_positions` by the line classifier alone: None when it is not sure."""
    try:
        return _scan_lines(text, needed)
    except (_Unsure, IndexError):
        return None


class Needed(NamedTuple):
    """The paths whose positions a scan must record (see :func:`needed_paths`)."""

    paths: frozenset[YamlPath]
    holders: frozenset[YamlPath]  # the parents among them


def needed_paths(paths: Iterable[YamlPath]) -> Needed:
    """``paths`` and all their parents: what :func:`scan_positions` must record to give
    :func:`eakit.loader.yamlio.nearest_position` of each."""
    asked = set(paths)
    holders: set[YamlPath] = set()
    # A level at a time: the paths of one file share most of their parents.
    level = asked
    while level:
        level = {path[:-1] for path in level if path} - holders
        holders |= level
    return Needed(frozenset(asked | holders), frozenset(holders))


def scan_positions(text: str, needed: Needed | None = None) -> Positions | None:
    """Positions of every key and list item of ``text`` as the composer gives them, or
    ``None`` when the text is outside the simple subset this scanner reads.

    With ``needed`` (from :func:`needed_paths`), the positions of other paths may be
    missing: locating the findings of a national model asks for about one position in
    sixteen, mostly of whole components, and the keys of its 300,000 one-line relations
    are most of what a full scan records. A file whose data was read already is scanned
    this way: a key given twice there may go unnoticed."""
    if "\t" in text or "\r" in text:
        return None
    # Millions of small tuples and no cycles: the collector would only walk them.
    with paused_gc():
        fast = _scan_fast(text, needed)
        return fast if fast is not None else _scan_general(text)
