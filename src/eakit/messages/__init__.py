"""eakit's own messages in Vietnamese and English: the loader's diagnostics, the rule
packs' and waivers' load errors, the command line's status and error messages and its
``--help``, the analyses' words, ``eakit diff`` and ``eakit merge`` reports, what Graphviz
failures say, and how a check names the rule packs that judged a model.

One catalogue (:data:`CATALOGUE`) holds every message as a ``(Vietnamese, English)``
pair of templates under a message id, as :mod:`eakit.labels` holds labels. :func:`say`
fills a template in both languages at once and returns a :class:`Bilingual` text: the
Vietnamese text, with the English one beside it. Code that makes a message needs no
language; the output that prints it picks one with :func:`in_lang`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
from collections.abc import Iterable, Mapping
from string import Formatter
from typing import Any

from eakit.messages.catalogue_analysis import ANALYSIS
from eakit.messages.catalogue_cli import CLI
from eakit.messages.catalogue_help import HELP
from eakit.messages.catalogue_interop import INTEROP
from eakit.messages.catalogue_judged import JUDGED
from eakit.messages.catalogue_loader import LOADER
from eakit.messages.catalogue_rules import RULES
from eakit.messages.catalogue_tools import TOOLS
from eakit.text import nfc, vi_date

__all__ = [
    "CATALOGUE",
    "Bilingual",
    "in_lang",
    "joined",
    "or_list",
    "os_reason",
    "placeholders",
    "say",
]

LANGS = ("vi", "en")


def _merged(*parts: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        taken = merged.keys() & part.keys()
        if taken:
            raise ValueError(f"message ids defined twice: {sorted(taken)}")
        merged.update(part)
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merged(
    LOADER, RULES, CLI, ANALYSIS, INTEROP, TOOLS, HELP, JUDGED
)


class Bilingual(str):
    """A text in Vietnamese (the string itself) with its English version (``en``)."""

    en: str

    def __new__(cls, vi: str, en: str | None = None) -> Bilingual:
        text = super().__new__(cls, vi)
        text.en = vi if en is None else en
        return text

    def __reduce__(self) -> tuple[type[Bilingual], tuple[str, str]]:
        return (Bilingual, (str(self), self.en))

    def lang(self, lang: str) -> str:
        """The text in ``lang`` (``en``, or Vietnamese for anything else)."""
        return self.en if lang == "en" else str(self)

    def __add__(self, other: str) -> Bilingual:  # type: ignore[override]
        return Bilingual(str(self) + in_lang(other, "vi"), self.en + in_lang(other, "en"))

    def __radd__(self, other: str) -> Bilingual:
        return Bilingual(in_lang(other, "vi") + str(self), in_lang(other, "en") + self.en)


def in_lang(text: Any, lang: str) -> Any:
    """``text`` in ``lang`` when it is :class:`Bilingual`; anything else as it is."""
    return text.lang(lang) if isinstance(text, Bilingual) else text


def placeholders(template: str) -> set[str]:
    """The names of the placeholders of a template (``{name}``, ``{count:,}``)."""
    return {field for _, field, _, _ in Formatter().parse(template) if field}


def say(message_id: str, /, **params: Any) -> Bilingual:
    """The message ``message_id`` with ``params`` filled in, in both languages; a
    :class:`Bilingual` parameter gives each language its own text."""
    vi, en = CATALOGUE[message_id]
    return Bilingual(
        nfc(vi.format_map({k: in_lang(v, "vi") for k, v in params.items()})),
        nfc(en.format_map({k: in_lang(v, "en") for k, v in params.items()})),
    )


_OS_REASONS = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.ELOOP: "os.loop",
    errno.EIO: "os.io",
}


def os_reason(exc: BaseException) -> str:
    """Why the operating system refused a file, in both languages for the common
    reasons (the system's own words, in English, otherwise)."""
    key = _OS_REASONS.get(getattr(exc, "errno", None) or -1)
    if key is not None:
        return say(key)
    return str(getattr(exc, "strerror", None) or exc)


def joined(items: Iterable[str], last: str = "or") -> Bilingual:
    """``a, b or c`` (``last``: ``or`` or ``and``) in both languages; the items may be
    :class:`Bilingual`."""
    words = list(items)
    out = []
    for lang in LANGS:
        texts = [in_lang(w, lang) for w in words]
        if len(texts) <= 1:
            out.append("".join(texts))
            continue
        conj = say(f"word.{last}").lang(lang)
        out.append(", ".join(texts[:-1]) + f" {conj} " + texts[-1])
    return Bilingual(out[0], out[1])


def joined_by(parts: Iterable[str], separator: str) -> Bilingual:
    """``parts`` (:class:`Bilingual` or not) joined by ``separator``, in both languages."""
    items = list(parts)
    return Bilingual(
        separator.join(in_lang(p, "vi") for p in items),
        separator.join(in_lang(p, "en") for p in items),
    )


def date_words(day: dt.date) -> Bilingual:
    """A date as each language writes it here: ``01/7/2025`` (:func:`eakit.text.vi_date`)
    and ``2025-07-01``."""
    return Bilingual(vi_date(day), day.isoformat())


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate in both languages, or ``""``."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return say("hint.did_you_mean", option=matches[0]) if matches else ""


def or_list(items: Iterable[str]) -> Bilingual:
    """``a, b or c`` / ``a, b hoặc c``."""
    return joined(items, "or")
