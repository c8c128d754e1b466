"""The rule catalogue at a date: every bundled rule with its category, severity and the
legal basis it rests on that day (document, article, quote, source, verification)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from eakit.rules.engine import basis_of
from eakit.rules.legal import UNVERIFIED_EN, UNVERIFIED_VI, LegalDocument
from eakit.rules.pack import BasisRef, active_variant, bundled_rules
from eakit.text import vi_date

CATEGORY_LABELS = {
    "legal": ("Yêu cầu pháp lý", "legal requirement"),
    "convention": ("Quy ước mô hình hóa", "modelling convention"),
}
SEVERITY_LABELS = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("thông tin", "info"),
}
VERIFIED_LABELS = ("đã đối chiếu với văn bản", "verified")


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def citation_entry(ref: BasisRef, doc: LegalDocument, lang: str) -> dict[str, Any]:
    """One citation as the catalogue shows it (verified, quoted and sourced as findings
    show it: see :func:`eakit.rules.engine.basis_of`)."""
    basis = basis_of(ref, doc)
    verified = basis.confidence == "verified"
    return {
        "doc": doc.id,
        "citation": doc.citation_in(lang),
        "title": doc.title_en if lang == "en" and doc.title_en else doc.title,
        "article": ref.article,
        "quote": basis.quote or None,
        "source": basis.url or None,
        "verification": "verified" if verified else "unverified",
        "verification_label": _pick(
            VERIFIED_LABELS if verified else (UNVERIFIED_VI, UNVERIFIED_EN), lang
        ),
        "effective": doc.effective.isoformat(),
        "repealed": doc.repealed.isoformat() if doc.repealed else None,
    }


def catalogue(when: dt.date, lang: str = "vi") -> dict[str, Any]:
    """Every bundled rule at ``when``, sorted by id; ``lang`` is ``vi`` or ``en``."""
    rules, packs, docs = bundled_rules()
    entries: list[dict[str, Any]] = []
    for rule_id, rule in rules.items():
        category = rule.category
        active = active_variant(rule, when, docs) if rule.variants else None
        severity = active.severity if active is not None else rule.severity
        basis: list[dict[str, Any]] = (
            [citation_entry(ref, doc, lang) for ref, doc in active.basis]
            if active is not None
            else []
        )
        entries.append(
            {
                "id": rule_id,
                "title": rule.title_en if lang == "en" else rule.title,
                "category": category,
                "category_label": _pick(CATEGORY_LABELS.get(category, (category, category)), lang),
                "severity": severity.value,
                "severity_label": _pick(SEVERITY_LABELS[severity.value], lang),
                "layer": rule.layer.value,
                "packs": packs[rule_id],
                "applies": active is not None or category == "convention",
                "basis": basis,
            }
        )
    legal = [e for e in entries if e["category"] == "legal" and e["basis"]]
    citations = [c for e in legal for c in e["basis"]]
    return {
        "as_of": when.isoformat(),
        "lang": lang,
        "rules": entries,
        "summary": {
            "rules": len(entries),
            "legal_rules_with_basis": len(legal),
            "citations": len(citations),
            "verified_citations": sum(c["verification"] == "verified" for c in citations),
        },
    }


def render_text(data: Mapping[str, Any]) -> str:
    """The catalogue as plain text: one block per rule, one line per citation."""
    en = data["lang"] == "en"
    lines = [
        (
            f"Rules as of {data['as_of']}"
            if en
            else f"Quy tắc tại ngày {vi_date(dt.date.fromisoformat(data['as_of']))}"
        ),
        "",
    ]
    for entry in data["rules"]:
        lines.append(
            f"{entry['id']}  [{entry['severity_label']}] [{entry['category_label']}]  "
            f"{entry['title']}"
        )
        if entry["category"] == "legal" and not entry["basis"]:
            lines.append(
                "    (no basis in force at this date)"
                if en
                else "    (không có căn cứ còn hiệu lực tại ngày này)"
            )
        for cite in entry["basis"]:
            article = f", {cite['article']}" if cite["article"] else ""
            lines.append(f"    {cite['citation']}{article} [{cite['verification_label']}]")
            if cite["quote"]:
                lines.append(f"      “{cite['quote']}”")
            if cite["source"]:
                lines.append(f"      {cite['source']}")
    summary = data["summary"]
    lines += [
        "",
        (
            f"{summary['rules']} rules; {summary['verified_citations']} of "
            f"{summary['citations']} legal citations in force carry a verified article and quote"
            if en
            else f"{summary['rules']} quy tắc; {summary['verified_citations']}/"
            f"{summary['citations']} trích dẫn pháp lý còn hiệu lực có điều khoản và trích "
            "dẫn đã đối chiếu với văn bản"
        ),
    ]
    return "\n".join(lines) + "\n"
