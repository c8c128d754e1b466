"""Large models: paged list pages instead of one page per component (threshold lowered)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from lxml import html as lxml_html

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.pipeline import load_graph
from eakit.render.site import build_site
from eakit.render.site.build import root_link
from eakit.render.site.layout import SiteLayout
from tests.site.conftest import MINI_MODEL
from tests.site.helpers import broken_links, html_files, sample_result

PAGE_SIZE = 3
FINDINGS_PAGE_SIZE = 2


@pytest.fixture(scope="module")
def mini() -> ModelGraph:
    return load_graph(MINI_MODEL)


@pytest.fixture(scope="module")
def mini_result(mini: ModelGraph) -> CheckResult:
    return sample_result(mini)


@pytest.fixture(scope="module")
def layout(mini: ModelGraph) -> SiteLayout:
    return SiteLayout(mini, threshold=3, page_size=PAGE_SIZE, findings_page_size=FINDINGS_PAGE_SIZE)


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, mini, mini_result, layout) -> Path:
    out = tmp_path_factory.mktemp("paged") / "site"
    return build_site(mini, mini_result, out, lang="vi", diagrams=True, layout=layout)


def _section_ids(page: Path) -> list[str]:
    tree = lxml_html.parse(str(page))
    return [i[2:] for i in tree.xpath("//h2/@id") if i.startswith("c-")]


def test_default_layout_keeps_one_page_per_component(model_graph: ModelGraph) -> None:
    layout = SiteLayout(model_graph)
    assert not layout.paged
    some = model_graph.ids()[0]
    assert layout.target(some) == (layout.own_page(some), None)


def test_every_component_is_one_section_on_one_list_page(paged_site, mini, layout) -> None:
    assert layout.paged
    seen: dict[str, str] = {}
    for list_page in layout.all_list_pages():
        html_page = paged_site / (list_page.path[:-3] + ".html")
        ids = _section_ids(html_page)
        assert len(ids) <= PAGE_SIZE
        assert ids == list(list_page.ids)
        for cid in ids:
            assert cid not in seen, f"{cid} on {seen.get(cid)} and {list_page.path}"
            seen[cid] = list_page.path
    assert sorted(seen) == sorted(mini.ids())
    # No page of its own any more.
    for cid in mini.ids():
        assert not (paged_site / "components" / f"{cid}.html").exists()
        assert not (paged_site / "agencies" / f"{cid}.html").exists()


def test_no_broken_internal_link_when_paged(paged_site) -> None:
    assert broken_links(paged_site) == []


def test_links_point_at_sections(paged_site, mini, layout) -> None:
    link = root_link(mini, layout)
    cid = mini.ids()[0]
    page = layout.page_of(cid)
    assert link(cid) == f"{page[:-3]}.html#c-{cid}"
    hrefs = {
        a for path in html_files(paged_site) for a in lxml_html.parse(str(path)).xpath("//a/@href")
    }
    assert any(h.endswith(f"#c-{cid}") for h in hrefs)


def test_findings_are_paged(paged_site, mini_result) -> None:
    total = len(mini_result.findings)
    pages = sorted((paged_site / "findings").glob("p*.html"))
    assert len(pages) == math.ceil(total / FINDINGS_PAGE_SIZE)
    rows = 0
    for page in pages:
        count = len(lxml_html.parse(str(page)).xpath("//tr[@data-severity]"))
        assert 1 <= count <= FINDINGS_PAGE_SIZE
        rows += count
    assert rows == total
    summary = lxml_html.parse(str(paged_site / "findings.html"))
    assert not summary.xpath("//tr[@data-severity]")  # the summary page has no full table
    rule_ids = {f.rule_id for f in mini_result.findings}
    assert rule_ids <= set(summary.xpath("//code/text()"))


def test_search_indexes_names_not_attribute_tables(paged_site, mini, layout) -> None:
    index = json.loads((paged_site / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    cid = next(c for c in mini.ids() if mini.g.nodes[c]["kind"] != "agency")
    page, anchor = layout.target(cid)
    doc = docs[f"{page[:-3]}.html#{anchor}"]
    assert mini.get(cid).name in doc["title"]
    # The attribute table ("Khai báo tại" = declared in) stays out of the index.
    assert "Khai báo tại" not in doc["text"]
    assert "declared_in" not in doc["text"]
