"""What the site generator writes for a reviewer: search boosts and a search index of names,
a findings table with named columns, and the diagram viewer's labels in the page."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from eakit.render.site.pages import AGENCY_SEARCH_BOOST, COMPONENT_SEARCH_BOOST, FULL_WIDTH


def _index(site) -> dict[str, dict]:
    data = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return {d["location"]: d for d in data["docs"]}


def test_component_and_agency_pages_outrank_other_pages(built_site, model_graph) -> None:
    docs = _index(built_site)
    assert AGENCY_SEARCH_BOOST > COMPONENT_SEARCH_BOOST > 1
    for location, doc in docs.items():
        page = location.split("#")[0]
        if page.startswith("agencies/") and page != "agencies/index.html":
            assert doc.get("boost") == AGENCY_SEARCH_BOOST, location
        elif page.startswith("components/") and page != "components/index.html":
            assert doc.get("boost") == COMPONENT_SEARCH_BOOST, location
        else:
            assert doc.get("boost") is None, location


def test_component_pages_are_indexed_by_their_own_words(built_site, model_graph) -> None:
    docs = _index(built_site)
    edge = model_graph.edges()[0]
    page = next(loc for loc in docs if loc.endswith(f"/{edge.source}.html"))
    sections = {loc: d for loc, d in docs.items() if loc.split("#")[0] == page}
    # Attributes and relations (other components' names) are on the page, not in the index.
    relations = next(d for loc, d in sections.items() if "#" in loc and d["title"] == "Quan hệ")
    attributes = next(d for loc, d in sections.items() if d["title"] == "Thuộc tính")
    assert relations["text"] == "" and attributes["text"] == ""
    html = (built_site / page).read_text("utf-8")
    assert 'class="eakit-relations" data-search-exclude' in html


def test_findings_stay_out_of_the_search_index(built_site) -> None:
    tree = lxml_html.parse(str(built_site / "findings.html"))
    messages = tree.xpath("//div[contains(@class, 'eakit-findings-all')]//tbody/tr/td[last()-1]")
    assert messages
    # A whole message with its remediation, as the index would hold it were it indexed.
    first = " ".join(messages[0].text_content().split())
    texts = [" ".join(lxml_html.fromstring(f"<p>{d['text']}</p>").text_content().split())
             for d in _index(built_site).values() if d["text"]]  # fmt: skip
    assert len(first) > 40 and all(first not in text for text in texts)


def test_findings_table_names_its_columns(built_site) -> None:
    tree = lxml_html.parse(str(built_site / "findings.html"))
    table = tree.xpath("//div[contains(@class, 'eakit-findings-all')]//table")[0]
    cols = [c.get("class") for c in table.xpath("./colgroup/col")]
    assert cols == [
        f"eakit-col-{name}"
        for name in ("severity", "rule", "component", "agency", "layer", "message", "basis")
    ]
    first = table.xpath("./tbody/tr[1]/td")
    assert [td.get("data-label") for td in first][-1] == "Căn cứ"
    # The page has the screen's whole width: Material hides both side bars.
    assert FULL_WIDTH == ("navigation", "toc")
    for kind in ("primary", "secondary"):
        sidebar = tree.xpath(f"//div[contains(@class, 'md-sidebar--{kind}')]")[0]
        assert sidebar.get("hidden") is not None, kind


def test_diagrams_carry_the_viewer_labels(built_site) -> None:
    page = built_site / "diagrams.html"
    if not page.exists():
        return
    tree = lxml_html.parse(str(page))
    figure = tree.xpath("//figure[contains(@class, 'eakit-figure')]")[0]
    assert figure.get("data-zoom-in") == "Phóng to"
    assert figure.get("data-zoom-close") == "Đóng"
    button = figure.xpath(".//button[@class='eakit-zoom-open']")[0]
    assert button.get("hidden") is not None  # shown by the script only
