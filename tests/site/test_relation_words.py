"""The relations table of a component page names things in words: the field that declares
a relation by its label, a relation's exchange mode by its name, never the YAML's codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from eakit.model import KIND_CLASSES
from eakit.model.refs import ref_fields
from eakit.pipeline import load_graph
from eakit.render.site import build_site
from eakit.render.site.pages import component_page
from tests.conftest import FIXTURES

REF_FIELDS = sorted({f.name for cls in KIND_CLASSES.values() for f in ref_fields(cls)})
DIFF_MODEL = FIXTURES / "interop" / "diff" / "new"


def relation_cells(site: Path, graph, component_id: str) -> list[str]:
    page = site / (component_page(graph, component_id)[:-3] + ".html")
    tree = lxml_html.fromstring(page.read_bytes())
    return [
        " ".join(cell.text_content().split())
        for cell in tree.xpath('//*[contains(@class, "eakit-relations")]//td')
    ]


def test_no_relation_cell_is_a_field_name(built_site, model_graph) -> None:
    leaks = []
    for component_id in model_graph.ids():
        for cell in relation_cells(built_site, model_graph, component_id):
            for part in cell.split(" · "):
                if part.strip() in REF_FIELDS:
                    leaks.append(f"{component_id}: {part}")
    assert leaks == []


def test_a_field_declared_relation_names_its_field_in_words(built_site, model_graph) -> None:
    owned = next(cid for cid in model_graph.ids() if getattr(model_graph.get(cid), "owner", None))
    cells = relation_cells(built_site, model_graph, owned)
    assert "khai báo ở mục “Cơ quan chủ quản”" in cells


def test_english_pages_name_the_field_in_english(english_site, model_graph) -> None:
    owned = next(cid for cid in model_graph.ids() if getattr(model_graph.get(cid), "owner", None))
    cells = relation_cells(english_site, model_graph, owned)
    assert "declared as “Owner agency”" in cells


@pytest.mark.parametrize(("lang", "words"), [("vi", "Đồng bộ tức thời"), ("en", "Real-time")])
def test_the_exchange_mode_is_named_in_words(tmp_path, lang, words) -> None:
    graph = load_graph(DIFF_MODEL)
    site = build_site(graph, None, tmp_path / "site", lang=lang, diagrams=False)
    text = " ".join(relation_cells(site, graph, "mot-cua"))
    assert words in text
    assert "realtime" not in text
