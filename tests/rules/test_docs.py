"""The committed rule reference (docs/rules/) is what the packs generate."""

from __future__ import annotations

from eakit.render.rule_docs import rule_pages
from eakit.render.rule_docs.rule_pages import render_pages

from .conftest import ROOT


def test_rule_reference_is_up_to_date(capsys) -> None:
    """The pages in docs/rules are those the generator writes (none stale, none extra)."""
    stale = rule_pages.main([str(ROOT / "docs" / "rules"), "--check"])
    assert stale == 0, (
        capsys.readouterr().err
        + "run .venv/bin/python -m eakit.render.rule_docs.rule_pages docs/rules"
    )


def test_rule_page_shows_basis_periods_and_examples() -> None:
    page = render_pages()["DAT-005.md"]
    assert "Nghị định 13/2023/NĐ-CP" in page and "hết hiệu lực 2026-01-01" in page
    assert "Luật 91/2025/QH15" in page
    assert "## Ví dụ vi phạm / failing example" in page and "dpia_ref" in page


def test_convention_page_says_it_has_no_legal_basis() -> None:
    page = render_pages()["GOV-012.md"]
    assert "quy ước mô hình hóa (modelling convention)" in page
    assert "không có căn cứ pháp lý" in page and "Công văn" not in page
    legal = render_pages()["SEC-001.md"]
    assert "quy định pháp lý (legal requirement)" in legal
    assert "*Since 01/07/2016 every information system is classified" in legal
