"""`eakit rules`: the rule catalogue at a date with each rule's basis, and the basis as
the SARIF rule help, the workbook and the site show it."""

from __future__ import annotations

import json
from types import SimpleNamespace

from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.diagnostics import Severity
from eakit.findings import Basis, RuleInfo
from eakit.render.ci_formats import _rule_descriptor
from eakit.render.excel.rules_sheet import _quotes
from eakit.render.site.i18n import Words
from eakit.render.site.pages import SitePages

QUOTED = Basis(
    "Luật 86/2015/QH13",
    "Điều 21",
    confidence="verified",
    quote="Phân loại cấp độ an toàn hệ thống thông tin là việc xác định cấp độ",
    url="https://example.org/86",
)
UNQUOTED = Basis("Quyết định 292/QĐ-BKHCN", confidence="low", url="https://example.org/292")


def _run(*args: str):
    return CliRunner().invoke(build_app(), ["rules", *args])


def test_json_lists_every_rule_with_its_basis_at_the_date() -> None:
    result = _run("--format", "json", "--as-of", "2020-01-01")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2020-01-01" and data["lang"] == "vi"
    rules = {r["id"]: r for r in data["rules"]}
    assert len(rules) == data["summary"]["rules"] >= 70
    sec = rules["SEC-001"]
    assert sec["category"] == "legal" and sec["severity"] in ("error", "warning", "info")
    (law,) = [c for c in sec["basis"] if c["doc"] == "law-86-2015"]
    assert law["article"] == "Điều 21"
    assert law["quote"].startswith("Phân loại cấp độ an toàn hệ thống thông tin")
    assert law["verification"] == "verified" and law["source"].startswith("https://")
    assert law["citation"] == "Luật 86/2015/QH13"
    for entry in data["rules"]:
        for cite in entry["basis"]:
            assert cite["effective"] <= "2020-01-01"
            assert cite["repealed"] is None or cite["repealed"] > "2020-01-01"
            if cite["verification"] == "unverified":
                assert cite["quote"] is None
                assert cite["verification_label"] == "chưa đối chiếu với văn bản"


def test_the_basis_follows_the_date() -> None:
    before = json.loads(_run("-f", "json", "--as-of", "2025-10-21").output)
    after = json.loads(_run("-f", "json", "--as-of", "2025-10-22").output)

    def docs(data: dict, rule: str) -> set[str]:
        (entry,) = [r for r in data["rules"] if r["id"] == rule]
        return {c["doc"] for c in entry["basis"]}

    assert "nd-47-2020" in docs(before, "INT-009") and "nd-278-2025" not in docs(before, "INT-009")
    assert "nd-278-2025" in docs(after, "INT-009") and "nd-47-2020" not in docs(after, "INT-009")


def test_english_and_text_output() -> None:
    data = json.loads(_run("-f", "json", "--lang", "en", "--as-of", "2020-01-01").output)
    (sec,) = [r for r in data["rules"] if r["id"] == "SEC-001"]
    assert sec["title"] and sec["severity_label"] in ("error", "warning", "info")
    assert {c["citation"] for c in sec["basis"]} >= {"Law 86/2015/QH13"}
    text = _run("--as-of", "2026-06-01").output
    assert text.startswith("Quy tắc tại ngày 01/6/2026")
    assert "[chưa đối chiếu với văn bản]" in text and "[đã đối chiếu với văn bản]" in text
    assert "trích dẫn pháp lý còn hiệu lực" in text.splitlines()[-1]


def test_bad_options_exit_2() -> None:
    assert _run("--as-of", "2026-13-01").exit_code == 2
    assert _run("--format", "xml").exit_code == 2


def _rule(*basis: Basis) -> RuleInfo:
    return RuleInfo(
        "SEC-001", "Hệ thống có cấp độ", "Systems have a level", Severity.ERROR,
        "security", "vn-dgov-4.0", basis, "Lý do", "Khắc phục",
    )  # fmt: skip


def test_sarif_rule_help_quotes_the_article() -> None:
    help_ = _rule_descriptor(_rule(QUOTED, UNQUOTED), "vi")["help"]
    assert "“Phân loại cấp độ an toàn hệ thống thông tin" in help_["text"]
    assert "https://example.org/86" in help_["markdown"]
    assert "Quyết định 292/QĐ-BKHCN [chưa đối chiếu với văn bản]" in help_["text"]
    english = _rule_descriptor(_rule(QUOTED, UNQUOTED), "en")["help"]
    assert "Quyết định 292/QĐ-BKHCN [not checked against the text]" in english["text"]


def test_workbook_catalogue_quotes_the_article() -> None:
    text = _quotes((QUOTED, UNQUOTED), "en")
    assert text is not None
    first, second = text.splitlines()
    assert first.startswith("Luật 86/2015/QH13, Điều 21 (verified): “Phân loại")
    assert second == "Quyết định 292/QĐ-BKHCN: unverified"
    assert "chưa đối chiếu với văn bản" in (_quotes((UNQUOTED,), "vi") or "")


def test_site_rules_page_quotes_the_article() -> None:
    page = SimpleNamespace(w=Words("vi"))
    html = SitePages.rule_basis_html(page, QUOTED)  # type: ignore[arg-type]
    assert "<blockquote>“Phân loại cấp độ" in html and "đã đối chiếu với văn bản" in html
    html = SitePages.rule_basis_html(page, UNQUOTED)  # type: ignore[arg-type]
    assert "chưa đối chiếu với văn bản" in html and "<blockquote>" not in html
