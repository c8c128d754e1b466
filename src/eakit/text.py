"""Vietnamese-aware text helpers: normalisation, collation and suggestions."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with tones ordered ngang, huyền, hỏi, ngã, sắc, nặng as secondary keys.
_BASE_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {ch: i for i, ch in enumerate(_BASE_ORDER)}
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form eakit stores and compares."""
    return unicodedata.normalize("NFC", text)


def _split_letter(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    tone = 0
    letter_marks = ""
    for mark in decomposed[1:]:
        if mark in _TONE_MARKS:
            tone = _TONE_MARKS[mark]
        elif mark in _LETTER_MARKS:
            letter_marks += mark
    letter = unicodedata.normalize("NFC", base + letter_marks)
    if base == "đ" or ch.lower() == "đ":
        letter = "đ"
    return letter, tone


@cache
def _char_key(ch: str) -> tuple[int, int]:
    # (primary rank, tone) of one character; the alphabet is small, so this is cached.
    letter, tone = _split_letter(ch)
    rank = _BASE_RANK.get(letter)
    if rank is None:
        return (1000 + ord(letter) if not letter.isspace() else -1), tone
    return rank, tone


@lru_cache(maxsize=1 << 16)
def vi_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key for Vietnamese collation (letters first, then tones, then raw text).

    Python's default ordering puts ``Đ`` after ``Z`` and ``Ă`` far from ``A``; display
    lists for Vietnamese readers must not. Keys are cached: a national model sorts the
    same 100,000 names in many lists.
    """
    keys = [_char_key(ch) for ch in nfc(text)]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys), text


def vi_sorted(items: Iterable[str]) -> list[str]:
    """Sort strings in Vietnamese alphabetical order."""
    return sorted(items, key=vi_sort_key)


def strip_diacritics(text: str) -> str:
    """Fold Vietnamese text to plain ASCII letters (``Sóc Trăng`` → ``Soc Trang``)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
