"""Making eakit ids (``[a-z0-9][a-z0-9-]*``) out of names from other tools."""

from __future__ import annotations

import re

from eakit.text import nfc, strip_diacritics

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_SLUG = 60
_NON_ID = re.compile(r"[^a-z0-9]+")


def is_id(text: str) -> bool:
    """Whether ``text`` is a valid eakit id."""
    return len(text) <= 120 and ID_RE.match(text) is not None


def slugify(text: str, fallback: str = "x", max_length: int = MAX_SLUG) -> str:
    """``Sở Tư pháp`` → ``so-tu-phap``: ASCII, lower case, words joined by ``-``."""
    slug = _NON_ID.sub("-", strip_diacritics(nfc(text)).lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or fallback


class IdAllocator:
    """Hands out unique ids: the wanted one, else ``wanted-2``, ``wanted-3``, ..."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def reserve(self, wanted: str) -> bool:
        """Take ``wanted`` exactly; ``False`` when it is already taken."""
        if wanted in self.taken:
            return False
        self.taken.add(wanted)
        return True

    def allocate(self, wanted: str) -> str:
        """``wanted`` if free, else the first free numbered variant."""
        if self.reserve(wanted):
            return wanted
        number = 2
        while f"{wanted}-{number}" in self.taken:
            number += 1
        found = f"{wanted}-{number}"
        self.taken.add(found)
        return found
