"""JSON text for reports: indented, UTF-8, written by orjson.

The text equals ``json.dumps(payload, indent=2, ensure_ascii=False)`` except that tiny
floats are written ``1e-7`` rather than ``1e-07``; the standard encoder falls back to pure
Python when indenting, which takes seconds for the 150,000 findings of a national model.

A report's long list (findings, SARIF results) can be streamed: :func:`pretty_chunks`
writes the same text while holding only a slice of the list as dictionaries at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import orjson

# Stands in the payload where the streamed list goes; a string no model text can hold.
STREAMED = "\x00eakit:streamed-list\x00"
_STREAMED_JSON = orjson.dumps(STREAMED)


def pretty(payload: Any) -> str:
    """``payload`` as indented JSON text ending in a newline."""
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def pretty_chunks(
    payload: Any, items: Sequence[Any], convert: Callable[[Any], Any], size: int = 2_000
) -> Iterator[bytes]:
    """The bytes of ``pretty(payload)`` where the one :data:`STREAMED` value in ``payload``
    is replaced by ``[convert(item) for item in items]``, converting ``size`` items at a
    time.

    JSON strings hold no raw line breaks, so a slice dumped on its own is indented for
    its place by prefixing each of its lines.
    """
    head, found, tail = orjson.dumps(payload, option=orjson.OPT_INDENT_2).partition(_STREAMED_JSON)
    if not found or _STREAMED_JSON in tail:
        raise ValueError("the payload must hold the streamed-list marker exactly once")
    line_start = head.rfind(b"\n") + 1
    indent = len(head[line_start:]) - len(head[line_start:].lstrip(b" "))
    if not items:
        yield head + b"[]" + tail + b"\n"
        return
    yield head + b"[\n"
    prefix = b" " * (indent + 2)
    iterator: Iterable[Any] = iter(items)
    first = True
    while chunk := list(islice(iterator, size)):
        text = orjson.dumps([convert(item) for item in chunk], option=orjson.OPT_INDENT_2)
        # Drop the chunk's own brackets; re-indent its items for their depth.
        body = text[2:-2].replace(b"\n", b"\n" + b" " * indent)
        yield (b"" if first else b",\n") + prefix[:indent] + body
        first = False
    yield b"\n" + b" " * indent + b"]" + tail + b"\n"
