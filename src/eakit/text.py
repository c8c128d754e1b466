"""Vietnamese-aware text helpers: normalisation, collation, suggestions, and model text
made harmless for the terminals and XML files it is written to."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with tones ordered ngang, huyền, hỏi, ngã, sắc, nặng as secondary keys.
_BASE_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_BASE_RANK = {ch: i for i, ch in enumerate(_BASE_ORDER)}
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


_VI_SEPARATORS = str.maketrans(",.", ".,")


def numerals(english: str, lang: str) -> str:
    """A number written the English way (``2,957.5``) as ``lang`` writes it: Vietnamese
    swaps the separators (``2.957,5``)."""
    return english if lang == "en" else english.translate(_VI_SEPARATORS)


def vi_date(date: dt.date) -> str:
    """A date as Vietnamese administrative texts write it in figures (Decree 30/2020,
    Appendix I: a day below 10 and the months 1 and 2 take a leading zero): ``01/7/2025``,
    ``30/6/2025``, ``05/02/2026``, ``31/12/2015``."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{date.day:02d}/{month}/{date.year}"


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


# Characters a terminal acts on instead of showing, or that make a line lie about itself:
# C0 controls but tab (ESC starts colour, cursor and title sequences; CR and LF start a new
# line a CI log reads as eakit's own), DEL, C1 controls (U+009B is CSI on some terminals),
# the Unicode line separators, the bidirectional embeddings, overrides and isolates that
# reorder what is shown ("Trojan Source"), non-characters and lone surrogates (which
# cannot even be written as UTF-8).
_NOT_FOR_TERMINAL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_NOT_FOR_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE and
# U+FFFF), with DEL and the C1 controls it tells documents to avoid.
_NOT_FOR_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape_code(char: str) -> str:
    """How one unsafe character is shown: ``\\x1b`` below U+0100, else ``\\u202e``."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escaped(match: re.Match[str]) -> str:
    return escape_code(match.group())


def for_terminal(text: str) -> str:
    """``text`` safe to print as (part of) one line of a terminal or CI log.

    Control characters (line breaks included), bidirectional overrides and the like are
    shown as escapes (``\\x1b``, ``\\x0a``, ``\\u202e``) instead of acting; a tab and
    everything printable stay as they are. Model text is untrusted: a name holding
    ``ESC ] 0 ;`` would retitle the terminal, one holding a line break could print a fake
    finding or a CI workflow command.
    """
    # isprintable() (C, no regex) is true of nearly all text, and then nothing is escaped:
    # the unsafe characters are all non-printable.
    if text.isprintable() or _NOT_FOR_TERMINAL.search(text) is None:
        return text
    return _NOT_FOR_TERMINAL.sub(_escaped, text)


def for_terminal_lines(text: str) -> str:
    """:func:`for_terminal` for text of several lines (or an HTML page): the same
    characters shown escaped, but line feeds kept."""
    if text.isprintable() or _NOT_FOR_LINES.search(text) is None:
        return text
    return _NOT_FOR_LINES.sub(_escaped, text)


def for_xml(text: str, *, drop: bool = False) -> str:
    """``text`` holding only characters XML 1.0 allows, and no DEL or C1 controls: the
    others are shown as escapes (``\\x1b``, ``\\ufffe``), or removed with ``drop``. Tab,
    line feed and carriage return stay."""
    if _NOT_FOR_XML.search(text) is None:
        return text
    return _NOT_FOR_XML.sub("" if drop else _escaped, text)


def has_control(text: str) -> str | None:
    """The first character of ``text`` that :func:`for_terminal_lines` would escape (a
    control character other than tab and line feed, a direction override...), or None."""
    found = _NOT_FOR_LINES.search(text)
    return found.group() if found is not None else None


# The UTF-8 bytes of the characters JSON leaves raw that a terminal may act on: DEL, the
# C1 controls, the line separators and the bidirectional controls (JSON escapes C0
# itself); and the two non-characters. A lead byte (C2, E2, EF) is never a continuation
# byte, so a match is a whole character.
_JSON_UNSAFE = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbf[\xbe\xbf]"
)


# Per lead byte (found by memchr), the regex of its unsafe characters.
_JSON_PROBES = tuple(
    (lead, re.compile(pattern).search)
    for lead, pattern in (
        (b"\x7f", rb"\x7f"),
        (b"\xc2", rb"\xc2[\x80-\x9f]"),
        (b"\xe2", rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])"),
        (b"\xef", rb"\xef\xbf[\xbe\xbf]"),
    )
)


def _json_escaped(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode("utf-8"))


def json_neutral(data: bytes) -> bytes:
    """UTF-8 JSON text with the characters a terminal may act on written as ``\\uXXXX``
    escapes: the same JSON value, safe to print. Outside strings JSON is ASCII, so only
    string contents change."""
    # A byte search per lead byte, then a regex starting with it only where it occurs,
    # instead of one alternation tried at every byte: a quarter of the time on a report.
    if not any(lead in data and probe(data) for lead, probe in _JSON_PROBES):
        return data
    return _JSON_UNSAFE.sub(_json_escaped, data)
