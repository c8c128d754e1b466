"""``docs/errors.md`` is generated from the corpus and must not drift from it."""

from __future__ import annotations

from tests.loader.errors_doc import render
from tests.loader.support import ROOT


def test_errors_page_matches_the_corpus() -> None:
    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert page == render(), "run: python -m tests.loader.errors_doc docs/errors.md"
