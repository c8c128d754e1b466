"""Line and column of the keys and nodes of a YAML file, whatever its style.

Findings and errors point at ``file:line:col``. The composer
(:func:`eakit.loader.yamlio.compose`) knows every position, but building its values in
Python costs several times more than parsing. Positions alone need only the parser's
events: :func:`yaml_positions` reads the events of PyYAML's C parser (libyaml), which carry
the same marks the composer's nodes do, and follows the path of each node, so its answer
is the composer's by construction, for block, flow and mixed styles alike.

An alias is the anchored node itself to the composer, so the keys and nodes below an
alias are where they are below its anchor: the positions read below an anchor are kept
and given again at each alias (a generator that reuses an object, as PyYAML writes it,
anchors it).

What the composer would judge (tags, merge keys, a key given twice, keys that are not
scalars, an anchor given twice or an alias before its anchor, deep nesting, long
numbers, several documents, text libyaml refuses) is left to it: the file is composed,
and its verdict (a :class:`~eakit.loader.yamlio.YamlError`) or its positions are the
answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from eakit.loader.yamlio import (
    MAX_DEPTH,
    MAX_NODES_PER_BYTE,
    MAX_NUMBER_DIGITS,
    MIN_NODE_BUDGET,
    YamlPath,
    compose,
    plain_key,
)

Positions = dict[YamlPath, tuple[int, int]]


class _ForTheComposer(Exception):
    """The text uses YAML the composer must judge."""


class _ReadAll(Exception):
    """The text has anchors: an alias repeats what its anchor holds, so reading for some
    paths would have to know what was read past."""


@dataclass
class _Asked:
    """What reading for some paths only needs to know of them."""

    # For every node on the way to an asked path, the keys or indexes of its children
    # on the way.
    children: dict[YamlPath, set[Any]]
    # For every node on the way but the root, the asked paths below it: once it is
    # closed, those not found are not in the file and are located at a node already read.
    below: dict[YamlPath, list[YamlPath]]
    remaining: set[YamlPath]  # the asked paths neither found nor known to be absent

    @classmethod
    def of(cls, asked: Iterable[YamlPath]) -> _Asked:
        remaining = set(asked)
        children: dict[YamlPath, set[Any]] = {}
        below: dict[YamlPath, list[YamlPath]] = {}
        for path in remaining:
            for depth in range(len(path)):
                prefix = path[:depth]
                step = children.get(prefix)
                if step is None:
                    step = children[prefix] = set()
                    below[prefix] = []
                step.add(path[depth])
                if depth:  # the root ends with its document, and another may follow
                    below[prefix].append(path)
        return cls(children, below, remaining)

    def settle(self, paths: Iterable[YamlPath]) -> bool:
        """Note ``paths`` found or known to be absent; whether no asked path remains."""
        self.remaining.difference_update(paths)
        return not self.remaining


@dataclass
class _Anchors:
    """The positions read below each anchor, given again at its aliases."""

    budget: int  # positions an alias may still give: an alias bomb is the composer's
    # Per anchor: its node's position, the positions below it (paths relative to it) and
    # the longest of those paths.
    kept: dict[str, tuple[tuple[int, int], list[tuple[YamlPath, tuple[int, int]]], int]]
    # The anchored collections still open, innermost last: name, path, place among the
    # open collections, how many positions were found before its first child, position.
    open: list[tuple[str, YamlPath, int, int, tuple[int, int]]]

    def start(
        self, name: str, path: YamlPath, where: tuple[int, int], found: Positions, depth: int
    ) -> None:
        """Note the anchor ``name`` on the node at ``path`` (``depth``: the collection's
        place among the open ones; -1 for a scalar)."""
        if name in self.kept or any(name == anchor[0] for anchor in self.open):
            raise _ForTheComposer  # an anchor given twice
        if depth < 0:
            self.kept[name] = (where, [], 0)
        else:
            self.open.append((name, path, depth, len(found), where))

    def close(self, depth: int, found: Positions) -> None:
        """Keep what was found below the anchored collection at ``depth``, just closed."""
        if self.open and self.open[-1][2] == depth:
            name, path, _, before, where = self.open.pop()
            cut = len(path)
            below = islice(reversed(found.items()), len(found) - before)
            entries = [(inner[cut:], at) for inner, at in below]
            self.kept[name] = (where, entries, max((len(rel) for rel, _ in entries), default=0))

    def repeat(self, name: str, path: YamlPath, depth: int, found: Positions) -> None:
        """Give at ``path`` (an alias of ``name`` at ``depth``) what its anchor holds."""
        kept = self.kept.get(name)
        if kept is None:
            raise _ForTheComposer  # no such anchor yet, or the alias is inside it
        where, entries, height = kept
        self.budget -= len(entries) + 1
        if self.budget < 0 or depth + height > MAX_DEPTH:
            raise _ForTheComposer
        if path not in found:
            found[path] = where
        for rel, at in entries:
            found[(*path, *rel)] = at


def yaml_positions(text: str, asked: Iterable[YamlPath] | None = None) -> Positions:
    """The composer's position of every key and node of ``text``; raises
    :class:`~eakit.loader.yamlio.YamlError` where the composer rejects it.

    With ``asked``, only what :func:`eakit.loader.yamlio.nearest_position` needs for
    each of those paths: the nodes on the way to them and the paths themselves; the
    rest is read past, and a key given twice goes unnoticed (files yaml_rs read are
    located this way, and it refuses them). Reading stops once every asked path is
    found or known to be absent: what follows cannot move a position already read."""
    try:
        try:
            return _from_events(text, None if asked is None else _Asked.of(asked))
        except _ReadAll:
            return _from_events(text, None)
    except _ForTheComposer:
        return compose(text).positions


def _key(event: ScalarEvent, resolved: dict[str, Any]) -> Any:
    """A mapping key as the composer reads it (plain keys resolved by the core schema)."""
    value: str = event.value
    if event.tag is not None or len(value) > MAX_NUMBER_DIGITS:
        raise _ForTheComposer
    if event.style:  # quoted: a string
        return value
    key = resolved.get(value)
    if key is None:
        if value == "<<":
            raise _ForTheComposer
        key = resolved[value] = plain_key(value)
    return key


def _skip(get: Callable[[], Any], depth: int, is_mapping: bool) -> None:
    """Read the events of the collection just opened (at ``depth``) up to its end, and
    leave to the composer what it would judge there, but for a key given twice."""
    # Per open collection: [is a mapping, waits for a key].
    open_ = [[is_mapping, True]]
    while open_:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None:
                raise _ForTheComposer
            if event.anchor is not None:
                raise _ReadAll
            if depth + len(open_) > MAX_DEPTH:
                raise _ForTheComposer
            state = open_[-1]
            if state[0]:
                if state[1] and kind is not ScalarEvent:
                    raise _ForTheComposer  # a complex key
                state[1] = not state[1]
            if kind is ScalarEvent:
                value = event.value
                if not event.style and (len(value) > MAX_NUMBER_DIGITS or value == "<<"):
                    raise _ForTheComposer
            else:
                open_.append([kind is MappingStartEvent, True])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            open_.pop()
        elif kind is AliasEvent:
            raise _ReadAll


def _from_events(text: str, asked: _Asked | None) -> Positions:
    """The positions (see :func:`yaml_positions`), of the paths ``asked`` only."""
    children = None if asked is None else asked.children
    found: Positions = {}
    resolved: dict[str, Any] = {}
    # The open collections, innermost last: (path, is a mapping, keys seen, the keys or
    # indexes of the children to visit: None for all of them).
    open_: list[tuple[YamlPath, bool, set[Any], set[Any] | None]] = []
    indexes: list[int] = []  # per open collection: next item index (mappings: unused)
    key_path: YamlPath | None = None  # set while a mapping waits for the key's value
    passing = False  # while a mapping waits for the value of a key nobody asked about
    documents = 0
    # Read in full only (an anchor or alias makes reading for some paths start again).
    anchors = _Anchors(2 * max(MIN_NODE_BUDGET, MAX_NODES_PER_BYTE * len(text)), {}, [])
    parser = yaml.CSafeLoader(text)  # type: ignore[attr-defined]
    get: Callable[[], Any] = parser.get_event  # events are read by their type below
    try:
        while True:
            event = get()
            kind = type(event)
            if (
                kind is ScalarEvent
                or kind is MappingStartEvent
                or kind is SequenceStartEvent
                or kind is AliasEvent
            ):
                if kind is AliasEvent:
                    if asked is not None:
                        raise _ReadAll
                elif event.tag is not None:
                    raise _ForTheComposer
                elif event.anchor is not None and asked is not None:
                    raise _ReadAll
                mark = event.start_mark
                if not open_:
                    path: YamlPath = ()
                else:
                    parent, is_mapping, seen, wanted = open_[-1]
                    if is_mapping and key_path is None and not passing:
                        if kind is not ScalarEvent or event.anchor is not None:
                            raise _ForTheComposer  # a complex or anchored key
                        key = _key(event, resolved)
                        if wanted is None:
                            if key in seen:
                                raise _ForTheComposer  # a key given twice
                            seen.add(key)
                            if isinstance(key, str | int):
                                key_path = (*parent, key)
                            elif anchors.open:
                                raise _ForTheComposer  # it moves a position an alias repeats
                            else:
                                key_path = parent
                            found[key_path] = (mark.line + 1, mark.column + 1)
                        elif not isinstance(key, str | int):
                            raise _ForTheComposer  # it moves the position of its mapping
                        elif key in wanted:
                            key_path = (*parent, key)
                            found[key_path] = (mark.line + 1, mark.column + 1)
                            if asked is not None and asked.settle((key_path,)):
                                return found
                        else:
                            passing = True
                        continue
                    if len(open_) > MAX_DEPTH:
                        raise _ForTheComposer
                    if is_mapping:
                        skip = passing
                        path, key_path, passing = key_path or (), None, False
                    else:
                        index = indexes[-1]
                        indexes[-1] += 1
                        skip = wanted is not None and index not in wanted
                        path = (*parent, index)
                    if skip:
                        if kind is ScalarEvent:
                            if not event.style and len(event.value) > MAX_NUMBER_DIGITS:
                                raise _ForTheComposer
                        else:
                            _skip(get, len(open_), kind is MappingStartEvent)
                        continue
                if kind is AliasEvent:
                    anchors.repeat(event.anchor, path, len(open_), found)
                    continue
                if path not in found:
                    found[path] = (mark.line + 1, mark.column + 1)
                    if asked is not None and asked.settle((path,)):
                        return found
                if event.anchor is not None:
                    where = (mark.line + 1, mark.column + 1)
                    depth = -1 if kind is ScalarEvent else len(open_)
                    anchors.start(event.anchor, path, where, found, depth)
                if kind is ScalarEvent:
                    if not event.style and len(event.value) > MAX_NUMBER_DIGITS:
                        raise _ForTheComposer
                elif children is not None and path not in children:
                    _skip(get, len(open_), kind is MappingStartEvent)
                else:
                    wanted_here = None if children is None else children[path]
                    open_.append((path, kind is MappingStartEvent, set(), wanted_here))
                    indexes.append(0)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                closed = open_.pop()[0]
                indexes.pop()
                if anchors.open:
                    anchors.close(len(open_), found)
                if asked is not None and asked.settle(asked.below.get(closed, ())):
                    return found
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _ForTheComposer
            elif kind is StreamEndEvent:
                return found
    except yaml.YAMLError:
        raise _ForTheComposer from None
    finally:
        parser.dispose()
