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
    """An alias on the way to an asked path names an anchor that was read past."""


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
    """What each anchor holds, for its aliases: the positions read below it, or, for an
    anchor read past, only how deep and how large it is."""

    budget: int  # nodes the aliases may still repeat: an alias bomb is the composer's
    # Per anchor: its node's position, the positions below it (paths relative to it; None
    # when read past), how much deeper than the anchor it goes, and how many nodes it has.
    kept: dict[str, tuple[tuple[int, int], list[tuple[YamlPath, tuple[int, int]]] | None, int, int]]
    # The anchored collections being read, innermost last: name, path, place among the
    # open collections, how many positions were found before its first child, position.
    open: list[tuple[str, YamlPath, int, int, tuple[int, int]]]

    def fresh(self, name: str, *also_open: str) -> None:
        """Refuse an anchor named like one before it (the composer's error)."""
        if name in self.kept or name in also_open or any(name == a[0] for a in self.open):
            raise _ForTheComposer

    def scalar(self, name: str, where: tuple[int, int], *also_open: str) -> None:
        """Note an anchored scalar at ``where`` (``also_open``: see :meth:`fresh`)."""
        self.fresh(name, *also_open)
        self.kept[name] = (where, [], 0, 1)

    def start(
        self, name: str, path: YamlPath, where: tuple[int, int], found: Positions, place: int
    ) -> None:
        """Note an anchored collection at ``path`` (``place``: its place among the open
        collections), whose positions are read."""
        self.fresh(name)
        self.open.append((name, path, place, len(found), where))

    def close(self, place: int, found: Positions) -> None:
        """Keep what was found below the collection at ``place``, just closed, if anchored."""
        if self.open and self.open[-1][2] == place:
            name, path, _, before, where = self.open.pop()
            cut = len(path)
            below = islice(reversed(found.items()), len(found) - before)
            entries = [(inner[cut:], at) for inner, at in below]
            height = max((len(rel) for rel, _ in entries), default=0)
            self.kept[name] = (where, entries, height, len(entries) + 1)

    def check(self, name: str, depth: int) -> tuple[int, int]:
        """How much deeper and larger an alias of ``name`` at ``depth`` makes the
        document, once the composer's limits are known to hold."""
        kept = self.kept.get(name)
        if kept is None:
            raise _ForTheComposer  # no such anchor yet, or the alias is inside it
        _, _, height, size = kept
        self.budget -= size
        if self.budget < 0 or depth + height > MAX_DEPTH:
            raise _ForTheComposer
        return height, size

    def repeat(self, name: str, path: YamlPath, depth: int, found: Positions) -> None:
        """Give at ``path`` (an alias of ``name`` at ``depth``) what its anchor holds."""
        self.check(name, depth)
        where, entries, _, _ = self.kept[name]
        if entries is None:
            raise _ReadAll  # its anchor was read past
        if path not in found:
            found[path] = where
        for rel, at in entries:
            found[(*path, *rel)] = at


def yaml_positions(
    text: str, asked: Iterable[YamlPath] | None = None, keys: dict[str, Any] | None = None
) -> Positions:
    """The composer's position of every key and node of ``text``; raises
    :class:`~eakit.loader.yamlio.YamlError` where the composer rejects it.

    With ``asked``, only what :func:`eakit.loader.yamlio.nearest_position` needs for
    each of those paths: the nodes on the way to them and the paths themselves; the
    rest is read past, and a key given twice goes unnoticed (files yaml_rs read are
    located this way, and it refuses them). Reading stops once every asked path is
    found or known to be absent: what follows cannot move a position already read.
    An anchored collection on the way is read in full, for its aliases; an alias on
    the way to an anchor read past makes the whole text read in full.

    ``keys`` keeps plain keys as the core schema reads them, for the next texts (a
    model's files share most of their keys)."""
    keys = {} if keys is None else keys
    try:
        try:
            return _from_events(text, None if asked is None else _Asked.of(asked), keys)
        except _ReadAll:
            return _from_events(text, None, keys)
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


def _where(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _skip(get: Callable[[], Any], depth: int, first: Any, anchors: _Anchors) -> None:
    """Read the events of the collection ``first`` opened (at ``depth``) up to its end,
    and leave to the composer what it would judge there, but for a key given twice.
    Anchors there are noted with their depth and size (see :class:`_Anchors`)."""
    # Per open collection: [is a mapping, waits for a key].
    open_ = [[type(first) is MappingStartEvent, True]]
    # The anchored collections open, innermost last: [name, position, place among the
    # open collections, depth of the deepest node below, nodes read before it].
    marked: list[list[Any]] = []
    if first.anchor is not None:
        anchors.fresh(first.anchor)
        marked.append([first.anchor, _where(first), 0, depth, 0])
    nodes = 0
    while open_:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag is not None:
                raise _ForTheComposer
            here = depth + len(open_)
            if here > MAX_DEPTH:
                raise _ForTheComposer
            nodes += 1
            state = open_[-1]
            if state[0]:
                if state[1] and (kind is not ScalarEvent or event.anchor is not None):
                    raise _ForTheComposer  # a complex or anchored key
                state[1] = not state[1]
            if marked and marked[-1][3] < here:
                marked[-1][3] = here
            if kind is ScalarEvent:
                value = event.value
                if not event.style and (len(value) > MAX_NUMBER_DIGITS or value == "<<"):
                    raise _ForTheComposer
                if event.anchor is not None:
                    anchors.scalar(event.anchor, _where(event), *(mark[0] for mark in marked))
            else:
                if event.anchor is not None:
                    anchors.fresh(event.anchor, *(mark[0] for mark in marked))
                    marked.append([event.anchor, _where(event), len(open_), here, nodes])
                open_.append([kind is MappingStartEvent, True])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            open_.pop()
            if marked and marked[-1][2] == len(open_):
                name, where, _, deepest, before = marked.pop()
                height = deepest - (depth + len(open_))
                anchors.kept[name] = (where, None, height, nodes - before + 1)
                if marked and marked[-1][3] < deepest:
                    marked[-1][3] = deepest
        elif kind is AliasEvent:
            state = open_[-1]
            if state[0]:
                if state[1]:
                    raise _ForTheComposer  # an alias as a key
                state[1] = True
            here = depth + len(open_)
            height, size = anchors.check(event.anchor, here)
            nodes += size
            if marked and marked[-1][3] < here + height:
                marked[-1][3] = here + height


# Beyond any place among the open collections: no collection is being read in full.
_NOWHERE = MAX_DEPTH + 2


def _from_events(text: str, asked: _Asked | None, resolved: dict[str, Any]) -> Positions:
    """The positions (see :func:`yaml_positions`), of the paths ``asked`` only; plain keys
    are resolved through ``resolved``."""
    children = None if asked is None else asked.children
    found: Positions = {}
    # The open collections, innermost last: (path, is a mapping, keys seen, the keys or
    # indexes of the children to visit: None for all of them).
    open_: list[tuple[YamlPath, bool, set[Any], set[Any] | None]] = []
    indexes: list[int] = []  # per open collection: next item index (mappings: unused)
    key_path: YamlPath | None = None  # set while a mapping waits for the key's value
    passing = False  # while a mapping waits for the value of a key nobody asked about
    # With ``asked``: the place of the anchored collection read in full, if one is open.
    full_from = _NOWHERE
    documents = 0
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
                if kind is not AliasEvent and event.tag is not None:
                    raise _ForTheComposer
                mark = event.start_mark
                if not open_:
                    path: YamlPath = ()
                else:
                    parent, is_mapping, seen, wanted = open_[-1]
                    if is_mapping and key_path is None and not passing:
                        if kind is not ScalarEvent or event.anchor is not None:
                            raise _ForTheComposer  # a complex, aliased or anchored key
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
                            if asked is not None and asked.settle((key_path,)):
                                return found
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
                        if kind is AliasEvent:
                            anchors.check(event.anchor, len(open_))
                        elif kind is not ScalarEvent:
                            _skip(get, len(open_), event, anchors)
                        elif not event.style and len(event.value) > MAX_NUMBER_DIGITS:
                            raise _ForTheComposer
                        elif event.anchor is not None:
                            anchors.scalar(event.anchor, _where(event))
                        continue
                if kind is AliasEvent:
                    anchors.repeat(event.anchor, path, len(open_), found)
                    if asked is not None and asked.settle((path, *asked.below.get(path, ()))):
                        return found
                    continue
                if path not in found:
                    found[path] = (mark.line + 1, mark.column + 1)
                    if asked is not None and asked.settle((path,)):
                        return found
                if kind is ScalarEvent:
                    if not event.style and len(event.value) > MAX_NUMBER_DIGITS:
                        raise _ForTheComposer
                    if event.anchor is not None:
                        anchors.scalar(event.anchor, _where(event))
                elif children is None or len(open_) > full_from or path in children:
                    if event.anchor is not None:
                        anchors.start(event.anchor, path, _where(event), found, len(open_))
                        full_from = min(full_from, len(open_))  # all of it, for its aliases
                    if children is None or len(open_) >= full_from:
                        wanted_here = None
                    else:
                        wanted_here = children[path]
                    open_.append((path, kind is MappingStartEvent, set(), wanted_here))
                    indexes.append(0)
                else:
                    _skip(get, len(open_), event, anchors)
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                closed = open_.pop()[0]
                indexes.pop()
                if anchors.open:
                    anchors.close(len(open_), found)
                if len(open_) == full_from:
                    full_from = _NOWHERE
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
