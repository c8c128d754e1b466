"""Large models: a page per agency group instead of one per component (threshold lowered)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from eakit.findings import CheckResult
from eakit.graph import ModelGraph
from eakit.pipeline import load_graph
from eakit.render.site import build_site
from eakit.render.site.build import root_link
from eakit.render.site.layout import OTHER_PAGE, SiteLayout
from eakit.render.site.slots import Slots, splice
from tests.site.conftest import MINI_MODEL
from tests.site.helpers import broken_links, html_files, sample_result


@pytest.fixture(scope="module")
def mini() -> ModelGraph:
    return load_graph(MINI_MODEL)


@pytest.fixture(scope="module")
def mini_result(mini: ModelGraph) -> CheckResult:
    return sample_result(mini)


@pytest.fixture(scope="module")
def layout(mini: ModelGraph) -> SiteLayout:
    return SiteLayout(mini, threshold=3)


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory, mini, mini_result, layout) -> Path:
    out = tmp_path_factory.mktemp("paged") / "site"
    return build_site(mini, mini_result, out, lang="vi", diagrams=True, layout=layout)


def _documented(page: Path) -> list[str]:
    """Ids with a row (components) or a heading (agencies) on a group page, in order."""
    tree = lxml_html.parse(str(page))
    found = tree.xpath(
        "//article//*[self::h1 or self::h2 or self::h3 or self::tr][starts-with(@id,'c-')]/@id"
    )
    return [i[2:] for i in found]


def test_default_layout_keeps_one_page_per_component(model_graph: ModelGraph) -> None:
    layout = SiteLayout(model_graph)
    assert not layout.paged
    some = model_graph.ids()[0]
    assert layout.target(some) == (layout.own_page(some), None)


def test_groups_follow_the_agency_tree(mini, layout) -> None:
    assert layout.paged
    group, other = layout.groups
    assert [p.path for p in group] == ["agencies/ubnd-tinh.md"]
    sections = group[0].sections
    # The root first, then the units under it by Vietnamese name (Sở Thông tin < Sở Tư).
    assert [s.agency for s in sections] == ["ubnd-tinh", "so-tt-tt", "so-tu-phap"]
    assert [s.depth for s in sections] == [0, 1, 1]
    assert set(sections[1].ids) == {"tt-du-lieu", "lgsp", "mot-cua"}
    assert sections[2].ids == ("lan-so-tu-phap",)
    # A component of no agency has a page of its own kind.
    assert [p.path for p in other] == [OTHER_PAGE]
    assert other[0].ids == ("tslcd",)


def test_large_groups_are_split_between_agencies(mini) -> None:
    layout = SiteLayout(mini, threshold=3, page_size=3)
    [group, _other] = layout.groups
    assert [p.path for p in group] == [
        "agencies/ubnd-tinh.md",
        "agencies/ubnd-tinh.p2.md",
        "agencies/ubnd-tinh.p3.md",
    ]
    # An agency is never split, even when it alone has more than a page's worth.
    assert [p.agencies for p in group] == [("ubnd-tinh",), ("so-tt-tt",), ("so-tu-phap",)]
    assert all(p.parts == 3 for p in group)
    assert layout.page_of("lgsp") == "agencies/ubnd-tinh.p2.md"


def test_every_component_is_documented_once(paged_site, mini, layout) -> None:
    seen: dict[str, str] = {}
    for group_page in layout.group_pages():
        ids = _documented(paged_site / (group_page.path[:-3] + ".html"))
        assert ids == list(group_page.ids)
        for cid in ids:
            assert cid not in seen, f"{cid} on {seen.get(cid)} and {group_page.path}"
            seen[cid] = group_page.path
    assert sorted(seen) == sorted(mini.ids())
    # No page of its own any more.
    for cid in mini.ids():
        assert not (paged_site / "components" / f"{cid}.html").exists()
        assert not (paged_site / "agencies" / f"{cid}.html").exists() or cid == "ubnd-tinh"


def test_rows_show_relations_and_findings(paged_site, mini_result) -> None:
    tree = lxml_html.parse(str(paged_site / "agencies" / "ubnd-tinh.html"))
    [row] = tree.xpath("//tr[@id='c-mot-cua']")
    text = " ".join(row.text_content().split())
    assert "Hệ thống thông tin một cửa điện tử" in text
    assert "tích hợp qua" in text and "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" in text
    assert "triển khai tại" in text and "Sở Tư pháp" in text
    # The same-page link is a bare anchor; the rule badge opens the rules page.
    assert row.xpath(".//a[@href='#c-lgsp']")
    error = next(f for f in mini_result.findings if f.rule_id == "SEC-001")
    [badge] = tree.xpath(
        f"//tr[@id='c-{error.component}']//a[contains(@class,'eakit-badge')][.='SEC-001']"
    )
    assert badge.get("href") == "../rules.html#rule-sec-001"


def test_no_placeholder_is_left(paged_site) -> None:
    for page in html_files(paged_site):
        assert "data-eakit-slot" not in page.read_text("utf-8"), page


def test_no_broken_internal_link_when_paged(paged_site) -> None:
    assert broken_links(paged_site) == []


def test_links_point_at_rows_and_sections(paged_site, mini, layout) -> None:
    link = root_link(mini, layout)
    assert link("lgsp") == "agencies/ubnd-tinh.html#c-lgsp"
    assert link("tslcd") == "components/other.html#c-tslcd"
    hrefs = {
        a for path in html_files(paged_site) for a in lxml_html.parse(str(path)).xpath("//a/@href")
    }
    # The agency tree (agencies/index.html) links each agency's section.
    assert "ubnd-tinh.html#c-so-tu-phap" in hrefs


def test_findings_are_listed_beside_their_pages(paged_site, mini_result) -> None:
    rows = 0
    pages = sorted((paged_site / "findings").rglob("*.html"))
    assert [p.relative_to(paged_site).as_posix() for p in pages] == [
        "findings/agencies/ubnd-tinh.html",
        "findings/model.html",
    ]
    for page in pages:
        tree = lxml_html.parse(str(page))
        rows += len(tree.xpath("//tr[@data-severity]"))
        assert tree.xpath("//form[contains(@class,'eakit-filter')]//select/@name") == [
            "severity",
            "layer",
            "agency",
        ]
    assert rows == len(mini_result.findings)
    summary = lxml_html.parse(str(paged_site / "findings.html"))
    assert not summary.xpath("//tr[@data-severity]")  # the summary page has no full table
    rule_ids = {f.rule_id for f in mini_result.findings}
    assert rule_ids <= set(summary.xpath("//code/text()"))


def test_search_indexes_agencies_not_rows(paged_site, mini) -> None:
    index = json.loads((paged_site / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    justice = docs["agencies/ubnd-tinh.html#c-so-tu-phap"]
    assert justice["title"] == "Sở Tư pháp"
    # The short line names the province: agency names repeat in every province.
    assert "Ủy ban nhân dân tỉnh Mẫu" in justice["text"]
    assert justice["folded_text"].startswith("department of justice")
    # Rows, attributes and relations stay out of the index.
    assert not any("#c-lgsp" in location for location in docs)
    assert not any(
        "Khai báo tại" in d["text"] or "tích hợp qua" in d["text"] for d in docs.values()
    )


def test_group_page_has_a_row_filter(paged_site) -> None:
    tree = lxml_html.parse(str(paged_site / "agencies" / "ubnd-tinh.html"))
    [form] = tree.xpath("//form[contains(@class,'eakit-filter')]")
    assert form.get("data-target") == "eakit-rows"
    assert len(tree.xpath("//div[contains(@class,'eakit-rows')]//tbody/tr")) == 4


def test_splice_puts_blocks_back_in_order() -> None:
    slots = Slots()
    first = slots.put("a.md", "<p>one</p>")
    second = slots.put("a.md", "<p>two &amp; <b>x</b></p>")
    page = f"<main>{first.strip()}|{second.strip()}</main>"
    assert splice(page, slots.take("a.md")) == "<main><p>one</p>|<p>two &amp; <b>x</b></p></main>"
    assert slots.take("a.md") == []


def test_english_grouped_site(tmp_path, mini, mini_result, layout) -> None:
    site = build_site(mini, mini_result, tmp_path / "en", lang="en", diagrams=False, layout=layout)
    tree = lxml_html.parse(str(site / "agencies" / "ubnd-tinh.html"))
    assert tree.xpath("string(//h2[@id='c-so-tu-phap'])") == "Department of Justice"
    [row] = tree.xpath("//tr[@id='c-mot-cua']")
    assert "integrates with" in " ".join(row.text_content().split())
    assert broken_links(site) == []
