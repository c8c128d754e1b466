"""Generate the legal reference (``docs/legal/``) from the legal registry and the packs.

One Markdown page per legal text (number, title, issuer, dates of issue and effect, repeal
and replacement, source, what was checked against what, the quoted provisions, and the
rules that rest on it) and an index. Regenerate after changing the registry or a pack::

    .venv/bin/python -m eakit.render.rule_docs.legal_pages docs/legal

``--check`` exits 1 when the committed pages differ from what the registry gives.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from eakit.render.rule_docs.page_folder import sync_pages
from eakit.rules.legal import UNVERIFIED_EN, UNVERIFIED_VI, LegalDocument
from eakit.rules.pack import Rule, bundled_rules

STATUS = {
    "verified": "đã đối chiếu với văn bản (verified)",
    "secondary": "theo nguồn thứ cấp (secondary sources)",
    "unverified": f"**{UNVERIFIED_VI}** ({UNVERIFIED_EN})",
}


def citing_rules(rules: dict[str, Rule]) -> dict[str, dict[str, set[str]]]:
    """Document id → rule id → the articles it cites ("" for a citation without one)."""
    cited: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for rule in rules.values():
        for variant in rule.variants:
            for ref in variant.basis:
                cited[ref.doc][rule.id].add(ref.article or "")
    return cited


def _in_force(doc: LegalDocument) -> str:
    text = f"từ {doc.effective.isoformat()}"
    if doc.repealed:  # the first day it no longer applies: show the last day it did
        text += f" đến hết {(doc.repealed - dt.timedelta(days=1)).isoformat()}"
    else:
        text += " (còn hiệu lực / in force)"
    return text


def document_page(
    doc: LegalDocument, docs: dict[str, LegalDocument], rules: dict[str, set[str]]
) -> str:
    """The Markdown page of one legal text."""
    replaced = (
        "; ".join(
            f"[{docs[r.doc].citation}]({r.doc}.md)"
            + (f" {r.article}" if r.article else "")
            + f" từ {r.start.isoformat()}"
            for r in doc.replaced_by
        )
        or "—"
    )
    replaces = [
        f"[{other.citation}]({other.id}.md)"
        for other in docs.values()
        if any(r.doc == doc.id for r in other.replaced_by)
    ]
    lines = [
        f"# {doc.citation}: {doc.title}",
        "",
        f"*{doc.title_en}*" if doc.title_en else "",
        "",
        "| | |",
        "|---|---|",
        f"| Số hiệu / number | {doc.number} |",
        f"| Cơ quan ban hành / issuer | {doc.issuer} |",
        f"| Ngày ban hành / issued | {doc.date} |",
        f"| Ngày hiệu lực / in force from | {doc.effective.isoformat()} |",
        f"| Hết hiệu lực / no longer applies from | "
        f"{doc.repealed.isoformat() if doc.repealed else '—'} |",
        f"| Hiệu lực / in force | {_in_force(doc)} |",
        f"| Thay thế bởi / replaced by | {replaced} |",
        f"| Thay thế / replaces | {', '.join(replaces) or '—'} |",
        f"| Nguồn / source | {doc.source or '—'} |",
        f"| Kiểm chứng / verification | {STATUS[doc.status]} |",
        "",
        f"Đã kiểm tra / checked: {doc.checked}",
        "",
        "## Điều khoản trích dẫn / quoted provisions",
        "",
    ]
    if not doc.provisions:
        lines += ["—", ""]
    for article, provision in doc.provisions.items():
        label = f" ({provision.label})" if provision.label else ""
        lines.append(f"### {article}{label}")
        lines.append("")
        if provision.verified:
            lines.append(f"> “{provision.quote}”")
            lines.append("")
            lines.append(
                f"Nguồn / source: {provision.source} — đã đối chiếu với văn bản (verified)"
            )
        else:
            lines.append(
                f"**{UNVERIFIED_VI}** ({UNVERIFIED_EN}): no quote read in a published text."
            )
        lines.append("")
    lines += ["## Quy tắc dựa trên văn bản này / rules resting on it", ""]
    if not rules:
        lines += ["—", ""]
    for rule_id in sorted(rules):
        articles = ", ".join(sorted(a for a in rules[rule_id] if a)) or "không ghi điều khoản"
        lines.append(f"- [{rule_id}](../rules/{rule_id}.md): {articles}")
    lines.append("")
    return "\n".join(lines)


def index_page(docs: dict[str, LegalDocument], cited: dict[str, dict[str, set[str]]]) -> str:
    """The index of the legal reference, in order of effect."""
    lines = [
        "# Văn bản pháp lý / legal texts",
        "",
        "Generated from the legal registry (`rules/legal-basis.yaml`) and the bundled packs by",
        "`.venv/bin/python -m eakit.render.rule_docs.legal_pages docs/legal`; do not edit by hand.",
        "",
        f"{len(docs)} texts.",
        "",
        "| văn bản / text | hiệu lực / in force | thay thế bởi / replaced by | kiểm chứng | "
        "điều khoản đã đối chiếu / quoted | quy tắc / rules |",
        "|---|---|---|---|---|---|",
    ]
    for doc in sorted(docs.values(), key=lambda d: (d.effective, d.id)):
        quoted = sum(1 for p in doc.provisions.values() if p.verified)
        successors = ", ".join(docs[r.doc].citation for r in doc.replaced_by) or "—"
        lines.append(
            f"| [{doc.citation}]({doc.id}.md) | {_in_force(doc)} | {successors} | "
            f"{doc.status} | {quoted}/{len(doc.provisions)} | {len(cited.get(doc.id, {}))} |"
        )
    lines.append("")
    return "\n".join(lines)


def render_pages() -> dict[str, str]:
    """File name → Markdown text of every page of the legal reference."""
    rules, _packs, docs = bundled_rules()
    cited = citing_rules(rules)
    pages = {f"{d.id}.md": document_page(d, docs, cited.get(d.id, {})) for d in docs.values()}
    pages["index.md"] = index_page(docs, cited)
    return pages


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the legal reference pages."""
    return sync_pages(
        argv,
        prog="python -m eakit.render.rule_docs.legal_pages",
        description=__doc__,
        default_folder=Path("docs/legal"),
        source="the legal registry",
        render=render_pages,
    )


if __name__ == "__main__":
    raise SystemExit(main())
