"""Generate the rule reference (``docs/rules/``) from the bundled packs.

One Markdown page per rule (titles, severity, layer, packs, basis per variant with its
dates, the quoted article and whether it was checked against the text, rationale,
remediation, the failing and the fixed example) and an index. Regenerate after changing a pack::

    .venv/bin/python -m eakit.render.rule_docs.rule_pages docs/rules

``--check`` exits 1 when the committed pages differ from what the packs give.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from eakit.model import LAYER_INFO, Layer
from eakit.render.rule_docs.page_folder import sync_pages
from eakit.rules.engine import basis_of
from eakit.rules.legal import UNVERIFIED_EN, UNVERIFIED_VI, LegalDocument
from eakit.rules.pack import BasisRef, Example, Rule, Variant, builtin_packs, bundled_rules

SEVERITY_VI = {"error": "lỗi (error)", "warning": "cảnh báo (warning)", "info": "thông tin (info)"}
CATEGORY = {
    "legal": "quy định pháp lý (legal requirement)",
    "convention": "quy ước mô hình hóa (modelling convention)",
}


def _period(variant: Variant, docs: dict[str, LegalDocument]) -> str:
    starts = [docs[b.doc].effective for b in variant.basis]
    ends = [docs[b.doc].repealed for b in variant.basis]
    start = max(filter(None, [variant.start, min(starts)]))
    open_ended = any(e is None for e in ends)
    # A repeal date is the first day a text no longer applies; show the last day it did.
    end_candidates = [] if open_ended else [max(e for e in ends if e) - dt.timedelta(days=1)]
    if variant.end is not None:
        end_candidates.append(variant.end)
    end = min(end_candidates) if end_candidates else None
    until = f"đến {end.isoformat()}" if end else "nay"
    return f"{start.isoformat()} → {until}"


def _basis_lines(variant: Variant, docs: dict[str, LegalDocument]) -> list[str]:
    lines = []
    for ref in variant.basis:
        doc = docs[ref.doc]
        article = f", {ref.article}" if ref.article else ""
        force = f"hiệu lực {doc.effective.isoformat()}"
        if doc.repealed:
            force += f", hết hiệu lực {doc.repealed.isoformat()}"
            if doc.replaced_by:
                force += f" (thay bằng {', '.join(docs[r.doc].citation for r in doc.replaced_by)})"
        lines.append(
            f"- [{doc.citation}](../legal/{doc.id}.md){article} — {doc.title} "
            f"({doc.issuer}, {doc.date}; {force})"
        )
        lines.append(f"  {citation_evidence(ref, doc)}")
    return lines


def citation_evidence(ref: BasisRef, doc: LegalDocument) -> str:
    """The quote of a cited article with where it was read, or the open statement that
    the citation was not checked against the text (Markdown, one line)."""
    basis = basis_of(ref, doc)
    if basis.confidence != "verified":
        what = "chưa ghi điều khoản" if not ref.article else "chưa có trích dẫn"
        return f"— **{UNVERIFIED_VI}** ({UNVERIFIED_EN}; {what})"
    return f"> “{basis.quote}” — [nguồn / source]({basis.url}); đã đối chiếu với văn bản (verified)"


def _example_block(example: Example) -> list[str]:
    lines = ["```yaml", example.model.rstrip("\n"), "```"]
    extras = []
    if example.architecture:
        extras.append(
            "eakit.yaml `architecture`: "
            + ", ".join(f"`{k}: {v}`" for k, v in example.architecture.items())
        )
    if example.as_of:
        extras.append(f"as of {example.as_of.isoformat()}")
    if extras:
        lines.append("")
        lines.append("(" + "; ".join(extras) + ")")
    return lines


def rule_page(rule: Rule, packs: list[str], docs: dict[str, LegalDocument]) -> str:
    """The Markdown page of one rule."""
    layer = LAYER_INFO[Layer(rule.layer)]
    lines = [
        f"# {rule.id}: {rule.title}",
        "",
        f"*{rule.title_en}*",
        "",
        "| | |",
        "|---|---|",
        f"| Mức độ / severity | {SEVERITY_VI[rule.severity.value]} |",
        f"| Lớp / layer | {layer.name} ({layer.name_en}) |",
        f"| Loại / category | {CATEGORY[rule.category]} |",
        f"| Gói / packs | {', '.join(packs)} |",
        f"| Kiểm tra / check | `{_check_label(rule)}` |",
        "",
        "## Căn cứ / basis",
        "",
    ]
    if rule.category == "convention":
        lines += [
            "Quy ước mô hình hóa, không có căn cứ pháp lý: quy tắc luôn áp dụng và không tính",
            "vào mức tuân thủ pháp luật. / A modelling convention with no legal basis: it",
            "always applies and does not count towards legal compliance.",
            "",
        ]
    for number, variant in enumerate(rule.variants, start=1):
        if len(rule.variants) > 1:
            extra = []
            if variant.severity:
                extra.append(f"mức độ {variant.severity.value}")
            if variant.check:
                extra.append(f"kiểm tra `{variant.check.type}`")
            suffix = f" ({'; '.join(extra)})" if extra else ""
            lines += [f"**Phương án {number}**, áp dụng {_period(variant, docs)}{suffix}:", ""]
        lines += _basis_lines(variant, docs)
        lines.append("")
    if rule.category == "legal":
        lines += [
            "The rule applies at a check date (`--as-of`, default the model's `as_of`) only",
            "while a basis text is in force; otherwise it is listed as not applicable.",
            "",
        ]
    lines += [
        "## Lý do / rationale",
        "",
        rule.rationale,
        "",
        f"*{rule.rationale.en}*",
        "",
        "## Khắc phục / remediation",
        "",
        rule.remediation,
        "",
        f"*{rule.remediation.en}*",
        "",
        "## Thông báo / message",
        "",
        f"- {rule.message}",
        f"- *{rule.message.en}*",
        "",
        "## Ví dụ vi phạm / failing example",
        "",
        *_example_block(rule.examples["fail"]),
        "",
        "## Ví dụ đạt / passing example",
        "",
        *_example_block(rule.examples["pass"]),
        "",
    ]
    return "\n".join(lines)


def _check_label(rule: Rule) -> str:
    check = rule.check or rule.variants[-1].check
    if check is None:
        return "variant-specific"
    if check.type == "python":
        return f"python: {check.name}"
    return check.type


def index_page(rules: dict[str, Rule], packs: dict[str, list[str]]) -> str:
    """The index of the rule reference, grouped by layer."""
    lines = [
        "# Danh mục quy tắc / rule reference",
        "",
        "Generated from the bundled rule packs (`rules/*.yaml`) by",
        "`.venv/bin/python -m eakit.render.rule_docs.rule_pages docs/rules`; do not edit by hand.",
        "",
        f"{len(rules)} rules in the packs {', '.join(builtin_packs())}.",
        "",
    ]
    by_layer: dict[Layer, list[Rule]] = defaultdict(list)
    for rule in rules.values():
        by_layer[rule.layer].append(rule)
    for info in sorted(LAYER_INFO.values(), key=lambda i: i.order):
        if info.layer not in by_layer:
            continue
        lines += [
            f"## {info.name} / {info.name_en}",
            "",
            "| id | quy tắc | rule | severity | loại / category | packs |",
        ]
        lines.append("|---|---|---|---|---|---|")
        for rule in by_layer[info.layer]:
            lines.append(
                f"| [{rule.id}]({rule.id}.md) | {rule.title} | {rule.title_en} | "
                f"{rule.severity.value} | {rule.category} | {', '.join(packs[rule.id])} |"
            )
        lines.append("")
    return "\n".join(lines)


def render_pages() -> dict[str, str]:
    """File name → Markdown text of every page of the rule reference."""
    rules, packs, docs = bundled_rules()
    pages = {f"{rid}.md": rule_page(rule, packs[rid], docs) for rid, rule in rules.items()}
    pages["index.md"] = index_page(rules, packs)
    return pages


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the rule reference pages."""
    return sync_pages(
        argv,
        prog="python -m eakit.render.rule_docs.rule_pages",
        description=__doc__,
        default_folder=Path("docs/rules"),
        source="the rule packs",
        render=render_pages,
    )


if __name__ == "__main__":
    raise SystemExit(main())
