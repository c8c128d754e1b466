"""MkDocs hook: make the search index find Vietnamese text typed without diacritics.

Readers often type ``so tu phap`` for ``Sở Tư pháp``. Lunr has no accent folding, so after
the search plugin writes ``search/search_index.json`` this hook adds two hidden fields to
every entry, ``folded_title`` and ``folded_text``: the same text without diacritics. The
site's ``mkdocs.yml`` declares both fields (with the title's boost), so the browser-side
index searches them, while results still show the original Vietnamese text.

It runs after the search plugin (priority 0) and before the offline plugin (priority -100),
which inlines the index into ``search_index.js`` for sites opened from a folder.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from eakit.text import strip_diacritics

# Material's query adds a trailing wildcard to every term, so "tu" also matches "tuyến" in
# the accented title; a folded-title boost above the title's (1000) keeps the page whose
# folded title holds every typed word first.
FOLDED_FIELDS = {"folded_title": {"boost": 5000.0}, "folded_text": {"boost": 1.0}}
_TAG = re.compile(r"<[^>]*>")


def fold(markup: str) -> str:
    """Plain lower-case text of an index field, without tags or diacritics."""
    text = html.unescape(_TAG.sub(" ", markup))
    return " ".join(strip_diacritics(text).lower().split())


def fold_index(data: dict[str, Any]) -> dict[str, Any]:
    """Add the folded fields to every document of a Material search index."""
    for doc in data.get("docs", []):
        doc["folded_title"] = fold(doc.get("title", ""))
        doc["folded_text"] = fold(doc.get("text", ""))
    return data


@event_priority(-50)
def on_post_build(config: Any, **_: Any) -> None:
    """Rewrite ``search/search_index.json`` with the folded fields."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    data = fold_index(json.loads(path.read_text("utf-8")))
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), "utf-8")
