"""The legal registry: the documents rules cite, with the dates they are in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eakit.diagnostics import Diagnostic
from eakit.rules.sources import RuleConfigError, SourceFile, read_validated

LOW_MARKS = frozenset({"U", "C"})
TYPE_LABELS = {
    "law": "Luật",
    "decree": "Nghị định",
    "decision": "Quyết định",
    "circular": "Thông tư",
    "directive": "Chỉ thị",
    "official_letter": "Công văn",
    "standard": "Tiêu chuẩn",
    "resolution": "Nghị quyết",
    "provincial_decision": "Quyết định",
    "other": "Văn bản",
}


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
    replaced_by: tuple[str, ...]
    mark: str
    note: str = ""
    ref: str = ""

    @property
    def confidence(self) -> str:
        """``verified`` (marks V, V1) or ``low`` (U unverified, C conflicting)."""
        return "low" if self.mark in LOW_MARKS else "verified"

    @property
    def citation(self) -> str:
        """How the document is cited: ``Nghị định 85/2016/NĐ-CP``."""
        return f"{TYPE_LABELS.get(self.type, '')} {self.number}".strip()

    def in_force(self, when: dt.date) -> bool:
        """Whether the document applies on ``when``."""
        return self.effective <= when and (self.repealed is None or when < self.repealed)


def builtin_registry_path(rules_dir: Path) -> Path:
    """The bundled registry file next to the bundled packs."""
    return rules_dir / "legal-basis.yaml"


def parse_documents(
    raw: dict[str, Any], source: SourceFile, path: tuple[str, ...]
) -> dict[str, LegalDocument]:
    """Documents from a schema-valid mapping of id → fields."""
    docs = {}
    for doc_id, spec in raw.items():
        docs[doc_id] = LegalDocument(
            id=doc_id,
            number=spec["number"],
            type=spec["type"],
            title=spec["title"],
            title_en=spec.get("title_en", ""),
            issuer=spec["issuer"],
            date=str(spec["date"]),
            effective=dt.date.fromisoformat(spec["effective"]),
            repealed=dt.date.fromisoformat(spec["repealed"]) if spec.get("repealed") else None,
            replaced_by=tuple(spec.get("replaced_by", ())),
            mark=spec["mark"],
            note=" ".join(spec.get("note", "").split()),
            ref=str(spec.get("ref", "")),
        )
    return docs


def check_documents(
    docs: dict[str, LegalDocument], source: SourceFile, path: tuple[str, ...]
) -> list[Diagnostic]:
    """Cross-checks the schema cannot express: dates in order, successors that exist."""
    problems = []
    for doc in docs.values():
        if doc.repealed is not None and doc.repealed <= doc.effective:
            problems.append(
                Diagnostic(
                    source.at(*path, doc.id, "repealed"),
                    f"document '{doc.id}' is repealed before it takes effect",
                    code="legal",
                )
            )
    return problems


def load_registry(path: Path, display: str) -> dict[str, LegalDocument]:
    """Load and validate a legal registry file; raises :class:`RuleConfigError`."""
    source = read_validated(path, display, "legal-basis.schema.json", "legal")
    docs = parse_documents(source.data["documents"], source, ("documents",))
    problems = check_documents(docs, source, ("documents",))
    for doc in docs.values():
        for successor in doc.replaced_by:
            if successor not in docs:
                problems.append(
                    Diagnostic(
                        source.at("documents", doc.id, "replaced_by"),
                        f"document '{doc.id}' is replaced by unknown document '{successor}'",
                        code="legal",
                    )
                )
    if problems:
        raise RuleConfigError(problems)
    return docs
