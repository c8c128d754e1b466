"""The legal registry: the documents rules cite, the dates they are in force, what replaced
them, and the provisions rules rest on with a verbatim quote and where it was read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eakit.diagnostics import Diagnostic
from eakit.messages import say
from eakit.rules.sources import RuleConfigError, SourceFile, read_validated

# How each type of text is named before its number, in Vietnamese and in English.
TYPE_LABELS = {
    "law": ("Luật", "Law"),
    "decree": ("Nghị định", "Decree"),
    "decision": ("Quyết định", "Decision"),
    "circular": ("Thông tư", "Circular"),
    "directive": ("Chỉ thị", "Directive"),
    "official_letter": ("Công văn", "Official letter"),
    "standard": ("Tiêu chuẩn", "Standard"),
    "resolution": ("Nghị quyết", "Resolution"),
    "provincial_decision": ("Quyết định", "Decision"),
    "other": ("Văn bản", "Document"),
}
# How an article key is written: "Điều 8", "Điều 8 khoản 1", "Điều 8 khoản 1 điểm a". Texts
# without articles are cited as Vietnamese texts cite them: a standard (TCVN) by its numbered
# clause, "Mục 8.2.3"; a directive by its numbered item and point, "Khoản 2", "Khoản 2 điểm a".
ARTICLE_KEY = re.compile(
    r"^(Điều \d+[a-z]?( khoản \d+( điểm [a-zđ])?)?|Mục \d+(\.\d+)*|Khoản \d+( điểm [a-zđ])?)$"
)
# The word a key starts with for each type of text that has no articles; every other type
# is cited by "Điều".
CLAUSE_WORDS = MappingProxyType({"standard": "Mục", "directive": "Khoản"})

# Shown wherever a citation has no verified quote.
UNVERIFIED_VI = "chưa đối chiếu với văn bản"
UNVERIFIED_EN = "unverified"


@dataclass(frozen=True)
class Provision:
    """An article (clause, point) of a document that rules rest on."""

    article: str
    status: str  # verified (quote read in a published text) | unverified
    quote: str = ""
    source: str = ""
    label: str = ""

    @property
    def verified(self) -> bool:
        return self.status == "verified" and bool(self.quote)


@dataclass(frozen=True)
class Replacement:
    """What replaced a document (a text and optionally its article), from when."""

    doc: str
    start: dt.date
    article: str = ""


@dataclass(frozen=True)
class LegalDocument:
    """One legal or normative document and its period in force."""

    id: str
    number: str
    type: str
    title: str
    title_en: str
    issuer: str
    date: str  # ISO date, or the year alone when only the year is known
    effective: dt.date
    repealed: dt.date | None
    replaced_by: tuple[Replacement, ...] = ()
    source: str = ""
    status: str = "unverified"  # verified | secondary | unverified (the document's dates)
    checked: str = ""
    provisions: Mapping[str, Provision] = field(default_factory=lambda: MappingProxyType({}))
    note: str = ""

    @property
    def confidence(self) -> str:
        """``low`` when the document's own number and dates rest on background only."""
        return "low" if self.status == "unverified" else "verified"

    @property
    def citation(self) -> str:
        """How the document is cited: ``Nghị định 85/2016/NĐ-CP``."""
        return self.citation_in("vi")

    def citation_in(self, lang: str) -> str:
        """The citation in ``lang`` (``vi`` or ``en``): ``Decree 85/2016/NĐ-CP``."""
        label = TYPE_LABELS.get(self.type, ("", ""))[1 if lang == "en" else 0]
        return f"{label} {self.number}".strip()

    def in_force(self, when: dt.date) -> bool:
        """Whether the document applies on ``when``."""
        return self.effective <= when and (self.repealed is None or when < self.repealed)

    def provision(self, article: str | None) -> Provision | None:
        """The provision cited as ``article``, or ``None``."""
        return self.provisions.get(article) if article else None


def builtin_registry_path(rules_dir: Path) -> Path:
    """The bundled registry file next to the bundled packs."""
    return rules_dir / "legal-basis.yaml"


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def parse_documents(raw: dict[str, Any]) -> dict[str, LegalDocument]:
    """Documents from a schema-valid mapping of id → fields."""
    docs = {}
    for doc_id, spec in raw.items():
        verification = spec.get("verification") or {}
        provisions = {
            article: Provision(
                article=article,
                status=p.get("status", "unverified"),
                quote=" ".join(str(p.get("quote", "")).split()),
                source=p.get("source", ""),
                label=p.get("label", ""),
            )
            for article, p in (spec.get("provisions") or {}).items()
        }
        docs[doc_id] = LegalDocument(
            id=doc_id,
            number=spec["number"],
            type=spec["type"],
            title=spec["title"],
            title_en=spec.get("title_en", ""),
            issuer=spec["issuer"],
            date=str(spec["date"]),
            effective=_day(spec["effective"]),
            repealed=_day(spec["repealed"]) if spec.get("repealed") else None,
            replaced_by=tuple(
                Replacement(r["doc"], _day(r["from"]), r.get("article", ""))
                for r in spec.get("replaced_by") or ()
            ),
            source=spec.get("source", ""),
            status=verification.get("status", "unverified"),
            checked=" ".join(str(verification.get("checked", "")).split()),
            provisions=MappingProxyType(provisions),
            note=" ".join(spec.get("note", "").split()),
        )
    return docs


def check_documents(
    docs: dict[str, LegalDocument], source: SourceFile, path: tuple[str, ...]
) -> list[Diagnostic]:
    """Cross-checks the schema cannot express: dates in order, an article key has the form
    of its type of text, a verified provision has a quote, and a replacement names a
    document and article that exist."""
    problems = []

    def problem(where: tuple[str | int, ...], message: str) -> None:
        problems.append(Diagnostic(source.at(*path, *where), message, code="legal"))

    for doc in docs.values():
        if doc.repealed is not None and doc.repealed <= doc.effective:
            problem((doc.id, "repealed"), say("legal.repealed_early", doc=doc.id))
        word = CLAUSE_WORDS.get(doc.type, "Điều")
        for article, provision in doc.provisions.items():
            if article.split(" ", 1)[0] != word:
                problem(
                    (doc.id, "provisions", article),
                    say("legal.wrong_article_form", article=article, doc=doc.id, word=word),
                )
            if provision.status == "verified" and not provision.quote:
                problem(
                    (doc.id, "provisions", article),
                    say("legal.no_quote", article=article, doc=doc.id),
                )
        for index, repl in enumerate(doc.replaced_by):
            successor = docs.get(repl.doc)
            if successor is None:
                problem(
                    (doc.id, "replaced_by", index, "doc"),
                    say("legal.unknown_successor", doc=doc.id, successor=repl.doc),
                )
            elif repl.article and repl.article not in successor.provisions:
                problem(
                    (doc.id, "replaced_by", index, "article"),
                    say("legal.not_a_provision", article=repl.article, doc=repl.doc),
                )
    return problems


def load_registry(path: Path, display: str) -> dict[str, LegalDocument]:
    """Load and validate a legal registry file; raises :class:`RuleConfigError`."""
    source = read_validated(path, display, "legal-basis.schema.json", "legal")
    docs = parse_documents(source.data["documents"])
    problems = check_documents(docs, source, ("documents",))
    if problems:
        raise RuleConfigError(problems)
    return docs
