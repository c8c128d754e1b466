""" "Did you mean" for component ids, fast enough for a national model.

``difflib.get_close_matches`` compares the unknown id with every known one: fine for
field names, but a national model has 100,000 ids, and a model with many dangling
references would spend minutes suggesting. Ids are words joined by '-', so the ids
sharing the unknown id's rarest words, plus the ids one typo away from it, are the
only ones worth comparing.
"""

from __future__ import annotations

import difflib
import string
from collections import defaultdict
from collections.abc import Collection
from functools import cached_property

from eakit.messages import say

_ALPHABET = string.ascii_lowercase + string.digits + "-"
MAX_CANDIDATES = 1000  # ids compared with difflib for one unknown id
RARE_WORDS = 3  # the unknown id's rarest words that pick the candidates


def _one_typo_away(word: str) -> set[str]:
    """Every string one deletion, swap, replacement or insertion away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + c + right[1:] for left, right in splits if right for c in _ALPHABET}
    inserts = {left + c + right for left, right in splits for c in _ALPHABET}
    return deletes | swaps | replaces | inserts


class IdSuggester:
    """Suggests the known id closest to an unknown one (``so-tt-t`` → ``so-tt-tt``)."""

    def __init__(self, ids: Collection[str]) -> None:
        self.ids = ids
        self._memo: dict[str, str | None] = {}

    @cached_property
    def _by_word(self) -> dict[str, list[str]]:
        """The known ids by the words they hold (built on the first question)."""
        by_word: dict[str, list[str]] = defaultdict(list)
        for known in sorted(self.ids):
            for word in set(known.split("-")):
                by_word[word].append(known)
        return by_word

    def closest(self, unknown: str) -> str | None:
        """The best match by difflib's ratio (at least 0.6) among the candidates, or None."""
        if unknown in self._memo:
            return self._memo[unknown]
        by_word = self._by_word
        words = sorted(
            (w for w in set(unknown.split("-")) if w in by_word), key=lambda w: (len(by_word[w]), w)
        )
        candidates: set[str] = set()
        if len(unknown) <= 120:  # a longer string is no id; its typos are not worth listing
            candidates = {c for c in _one_typo_away(unknown) if c in self.ids}
        for word in words[:RARE_WORDS]:
            candidates.update(by_word[word][: MAX_CANDIDATES - len(candidates)])
            if len(candidates) >= MAX_CANDIDATES:
                break
        matches = difflib.get_close_matches(unknown, sorted(candidates), n=1, cutoff=0.6)
        found = matches[0] if matches else None
        self._memo[unknown] = found
        return found

    def hint(self, unknown: str) -> str:
        """``" (did you mean 'x'?)"`` or an empty string."""
        found = self.closest(unknown)
        return say("hint.did_you_mean", option=found) if found is not None else ""
