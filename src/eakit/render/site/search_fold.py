"""MkDocs hook: Vietnamese typed without diacritics finds pages, and names rank first.

Readers often type ``so tu phap`` for ``Sở Tư pháp``. Lunr has no accent folding, so after
the search plugin writes ``search/search_index.json`` this hook adds hidden fields to every
entry, which the site's ``mkdocs.yml`` declares so the browser-side index searches them,
while results still show the original Vietnamese text:

- ``folded_text``: the body without diacritics;
- ``title_folded``: every word of the title (a component's or an agency's name on their
  pages) without diacritics, each made unique to its entry by a suffix;
- ``title_accented``: the same for the title's words that carry diacritics, as written;
- ``title_longer``: every proper prefix of every folded title word, with a negative boost.

Material appends a wildcard to every typed word, so ``lan`` also matches ``lanh``
(``Lãnh đạo`` folded), and lunr weighs each matched word by its rarity: one rare word of a
title that merely starts with a typed word outscored two common words that match it
("mạng LAN" put "Lãnh đạo các cấp" above every "Mạng LAN …"). Words unique to their entry
all have the same rarity, so these heavily boosted fields rank entries by how many typed
words begin a word of their title, then by the page's own boost (agencies, then
components); the accented ``title`` field orders entries whose titles match equally, and
the body comes last.

Lunr cannot tell a word typed in full from the start of a longer one; ``title_longer``
does: a typed word begins as many proper prefixes of a title word as the title word has
letters beyond it, and each costs a fiftieth of a matched word. So ``lan`` ranks
"Mạng LAN" above "Lãnh đạo" and "LAN" above "Land", and only a title word fifty letters
longer than the typed one would cost as much as a second typed word.

A word typed without diacritics can begin both forms of a title word (``tu`` begins
``tuyen`` and ``tuyến``): the accented field's boost is a tenth of the folded one's, so
such a word counts little more than one matching a single form.

It runs after the search plugin (priority 0) and before the offline plugin (priority -100),
which inlines the index into ``search_index.js`` for sites opened from a folder.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.plugins import event_priority

from eakit.text import strip_diacritics

# Split search terms at spaces, punctuation and dashes; Vietnamese letters stay in words.
SEARCH_SEPARATOR = r"[\s\-,;:!?()\[\]{}\"'/.|]+"
# Far above the title's boost (1000): a title word counts for more than any body text.
FOLDED_FIELDS = {
    "title_folded": {"boost": 100_000.0},
    "title_accented": {"boost": 10_000.0},
    "title_longer": {"boost": -2_000.0},
    "folded_text": {"boost": 1.0},
}
# A Latin letter nobody types: lunr keeps it inside words (its Vietnamese and English
# trimmers cut only non-letters at the ends) and no English stemmer rule ends with it.
UNIQUE_MARK = "ǂ"
PREFIX_MARK = "ǁ"  # ends the prefixes' tokens, so none is also a title word's token
_TAG = re.compile(r"<[^>]*>")
_SEPARATOR = re.compile(SEARCH_SEPARATOR)


def plain(markup: str) -> str:
    """Plain lower-case text of an index field, without tags."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).lower().split())


def fold(markup: str) -> str:
    """Plain lower-case text of an index field, without tags or diacritics."""
    return strip_diacritics(plain(markup))


class TitleWords(NamedTuple):
    """The hidden title fields of one index entry (see the module's docstring)."""

    folded: str
    accented: str
    longer: str


def title_words(title: str, entry: int) -> TitleWords:
    """The title's words folded, those with diacritics as written, and the folded words'
    proper prefixes, each ending in marks unique to the entry.

    Words that start with a digit are left out: the Vietnamese trimmer drops digits at a
    word's start, so they are not searched in the title either."""
    folded: list[str] = []
    accented: list[str] = []
    for word in _SEPARATOR.split(plain(title)):
        if not word[:1].isalpha():
            continue
        bare = strip_diacritics(word)
        if bare not in folded:
            folded.append(bare)
        if word != bare and word not in accented:
            accented.append(word)
    prefixes = list(dict.fromkeys(w[:n] for w in folded for n in range(1, len(w))))
    unique = f"{UNIQUE_MARK}{entry}"
    return TitleWords(
        folded=" ".join(f"{w}{unique}{UNIQUE_MARK}" for w in folded),
        accented=" ".join(f"{w}{unique}{UNIQUE_MARK}" for w in accented),
        longer=" ".join(f"{p}{unique}{PREFIX_MARK}" for p in prefixes),
    )


def fold_index(data: dict[str, Any]) -> dict[str, Any]:
    """Add the hidden fields to every document of a Material search index."""
    for entry, doc in enumerate(data.get("docs", [])):
        words = title_words(doc.get("title", ""), entry)
        doc["title_folded"] = words.folded
        doc["title_accented"] = words.accented
        doc["title_longer"] = words.longer
        doc["folded_text"] = fold(doc.get("text", ""))
    return data


@event_priority(-50)
def on_post_build(config: Any, **_: Any) -> None:
    """Rewrite ``search/search_index.json`` with the hidden fields."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    data = fold_index(json.loads(path.read_text("utf-8")))
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), "utf-8")
