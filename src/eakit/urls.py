"""The addresses eakit's outputs link to: one place, so SARIF, the language server and the
docs agree."""

from __future__ import annotations

# The project's documentation site (MkDocs, `mkdocs.yml`); a rule's page is
# ``rules/<ID>.html`` below it.
DOCS_URL = "https://eakit.github.io/eakit/"


def rule_page(rule_id: str) -> str:
    """The documentation page of a rule."""
    return f"{DOCS_URL}rules/{rule_id}.html"
