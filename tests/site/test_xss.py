"""Hostile model text is shown literally and never becomes markup or script."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.site.helpers import broken_links, html_files


def scripts(page) -> list[str]:
    tree = lxml_html.fromstring(page.read_bytes())
    return [s.get("src") or (s.text or "") for s in tree.xpath("//script")]


@pytest.fixture(params=["one page each", "grouped"])
def hostile_site(request, xss_site, xss_paged_site):
    return xss_site if request.param == "one page each" else xss_paged_site


def test_no_model_text_becomes_script_or_handler(hostile_site):
    for page in html_files(hostile_site):
        tree = lxml_html.fromstring(page.read_bytes())
        for script in tree.xpath("//script"):
            assert "__xss" not in (script.text or ""), page
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (page, name)
                if name in ("href", "src"):
                    assert not value.strip().lower().startswith("javascript:"), (page, value)
        assert not tree.xpath("//iframe | //article//svg[@onload] | //article//b | //article//i"), (
            page
        )


def test_text_is_shown_literally(xss_site):
    page = xss_site / "components" / "markdown-breaker.html"
    tree = lxml_html.fromstring(page.read_bytes())
    heading = tree.xpath("string(//article//h1)")
    assert (
        heading == "*star* _under_ [link](javascript:window.__xss=7) | pipe | {#id} `tick` # hash"
    )
    article = " ".join(tree.xpath("string(//article)").split())
    assert '<a href="javascript:window.__xss=9">click</a>' in article
    assert "<script>window.__xss=14</script>" in article
    assert "javascript:window.__xss=11" in article  # the url shown as text, not as a link
    title = tree.xpath("string(//title)")
    assert title.startswith("*star* _under_")


def test_title_tag_cannot_be_closed_by_a_name(xss_site):
    page = (xss_site / "agencies" / "ubnd.html").read_text("utf-8")
    head = page.split("</head>", 1)[0]
    assert head.count("<title>") == 1 and head.count("</title>") == 1
    assert "&lt;/title&gt;&lt;script&gt;" in head


def test_safe_url_is_a_link_with_escaped_query(xss_site):
    tree = lxml_html.fromstring((xss_site / "components" / "safe-link.html").read_bytes())
    links = tree.xpath("//article//a[starts-with(@href,'https://example.gov.vn')]/@href")
    assert links == ["https://example.gov.vn/?a=1&b=<2>"]


def test_xss_site_links_are_whole(hostile_site):
    assert broken_links(hostile_site) == []


def test_grouped_rows_show_text_literally(xss_paged_site):
    tree = lxml_html.fromstring((xss_paged_site / "agencies" / "ubnd.html").read_bytes())
    assert tree.xpath("string(//article//h1)") == "</title><script>window.__xss=5</script>"
    [row] = tree.xpath("//tr[@id='c-markdown-breaker']")
    text = " ".join(row.text_content().split())
    assert "*star* _under_ [link](javascript:window.__xss=7) | pipe | {#id} `tick` # hash" in text
    assert '<b onmouseover="window.__xss=12">vendor</b>' in text
    assert "<script>window.__xss=15</script>" not in text  # relation details are not shown
    assert "<i>key</i>: <script>window.__xss=14</script>" in text
    page = (xss_paged_site / "agencies" / "ubnd.html").read_text("utf-8")
    assert "data-eakit-slot" not in page
