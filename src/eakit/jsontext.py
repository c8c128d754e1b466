"""JSON text for reports: indented, UTF-8, written by orjson.

The text equals ``json.dumps(payload, indent=2, ensure_ascii=False)`` except that tiny
floats are written ``1e-7`` rather than ``1e-07``; the standard encoder falls back to pure
Python when indenting, which takes seconds for the 150,000 findings of a national model.
"""

from __future__ import annotations

from typing import Any

import orjson


def pretty(payload: Any) -> str:
    """``payload`` as indented JSON text ending in a newline."""
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
