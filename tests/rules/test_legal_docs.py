"""The committed legal reference (docs/legal/) is what the registry and the packs give."""

from __future__ import annotations

from eakit.render.rule_docs import legal_pages
from eakit.render.rule_docs.legal_pages import render_pages

from .conftest import ROOT


def test_legal_reference_is_up_to_date(capsys) -> None:
    """The pages in docs/legal are those the generator writes (none stale, none extra)."""
    stale = legal_pages.main([str(ROOT / "docs" / "legal"), "--check"])
    assert stale == 0, (
        capsys.readouterr().err
        + "run .venv/bin/python -m eakit.render.rule_docs.legal_pages docs/legal"
    )


def test_text_page_says_when_in_force_what_replaced_it_and_which_rules_rest_on_it() -> None:
    page = render_pages()["nd-47-2020.md"]
    assert "| Ngày hiệu lực / in force from | 2020-05-25 |" in page
    assert "từ 2020-05-25 đến hết 2025-10-21" in page
    assert "[Nghị định 278/2025/NĐ-CP](nd-278-2025.md) Điều 23 khoản 2 từ 2025-10-22" in page
    assert "> “Nghị định này có hiệu lực thi hành từ ngày 25 tháng 5 năm 2020.”" in page
    assert "[INT-009](../rules/INT-009.md)" in page


def test_unquoted_provision_says_so_openly() -> None:
    page = render_pages()["nd-278-2025.md"]
    assert "### Điều 8 (danh mục kết nối, chia sẻ bắt buộc)" in page
    assert "**chưa đối chiếu với văn bản** (unverified)" in page


def test_index_lists_every_text_with_its_period() -> None:
    pages = render_pages()
    index = pages["index.md"]
    for name in pages:
        if name != "index.md":
            assert f"]({name})" in index


def test_rule_page_quotes_the_article_or_says_unverified() -> None:
    from eakit.render.rule_docs.rule_pages import render_pages as rule_pages

    page = rule_pages()["SEC-001.md"]
    assert "[Luật 86/2015/QH13](../legal/law-86-2015.md), Điều 21" in page
    assert "> “Phân loại cấp độ an toàn hệ thống thông tin là việc" in page
    assert "**chưa đối chiếu với văn bản** (unverified" in rule_pages()["SEC-008.md"]
