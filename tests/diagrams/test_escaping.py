"""Model text can never break out of the DOT file or inject markup into the SVG."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from eakit.pipeline import load_graph
from eakit.render.diagrams import render_views
from eakit.render.diagrams.dot import free_text, html, quoted, url_text, wrap
from tests.conftest import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
INJECTION = FIXTURES / "valid" / "injection"


def _svg(path: Path) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(path), parser)


def _dot_label_text(label: str, tmp_path: Path) -> str:
    """What Graphviz shows for an HTML label body (rendered, then read back)."""
    source = f"digraph G {{ n [label=<{label}>]; }}"
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=source.encode(), capture_output=True, check=True
    ).stdout
    tree = etree.fromstring(svg, etree.XMLParser(resolve_entities=False))
    return "".join(t.text or "" for t in tree.iter(f"{SVG}text"))


def test_html_escapes_markup_and_backslashes() -> None:
    assert html('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    assert html("a\\Nb") == "a\\\\Nb"
    assert html("one\ntwo") == "one<BR/>two"
    assert html("bell\x07tab\t") == "belltab "


def test_quoted_and_free_text_close_no_string() -> None:
    assert quoted('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert free_text('x"\\N & y') == '"x\\"\\\\\\\\N &amp; y"'
    assert url_text('p?a=1&b="2"<x>') == '"p?a=1&amp;b=%222%22%3Cx%3E"'


@pytest.mark.parametrize(
    "text", ["\\N \\G \\L", "{x} | <y>", "&amp; &#39; <script>", 'a "b" \\\\ c', "]", "[0]]"]
)
def test_graphviz_shows_escaped_text_literally(text: str, tmp_path: Path) -> None:
    assert _dot_label_text(html(text), tmp_path) == text


def test_wrap_keeps_every_character_and_marks_truncation() -> None:
    name = "Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh Sóc Trăng"
    wrapped = wrap(name, width=22, max_lines=4)
    assert wrapped.replace("\n", " ") == name
    assert all(len(line) <= 22 for line in wrapped.splitlines())
    long = wrap("x" * 200, width=10, max_lines=3)
    assert len(long.splitlines()) == 3 and long.endswith("…")


@pytest.fixture(scope="module")
def injection_svgs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    graph = load_graph(INJECTION)
    out = tmp_path_factory.mktemp("injection")
    return render_views(graph, None, out, link=lambda cid: f"components/{cid}.html?a=1&b=2")


def test_injection_model_renders_literal_text(injection_svgs: list[Path]) -> None:
    overview = next(p for p in injection_svgs if p.stem == "overview")
    tree = _svg(overview)
    assert not list(tree.iter(f"{SVG}script")), "a name became a script element"
    texts = " ".join(t.text or "" for t in tree.iter(f"{SVG}text"))
    for literal in (
        'Sở "Tư pháp" {x} | y',
        "<script>alert(1)</scri",  # wrapped after 22 characters
        "A &amp; B &lt;i&gt; &",
        "LGSP <br/> ' \" &#39;",
        'Trung tâm \\N \\G \\" \\\\',
        "LAN {rank=same; a ->",
        "Dòng một",
        "Dòng hai",
        'Kiến trúc "thử" <b>tiêm</b> & {mã}',
    ):
        assert literal in texts
    titles = [a.get(XLINK_TITLE) or "" for a in tree.iter(f"{SVG}a")]
    assert any(t.startswith("<script>alert(1)</script> — ") for t in titles)
    assert any(t.startswith('Trung tâm \\N \\G \\" \\\\ ]]> --> — ') for t in titles)
    assert any(t.startswith("A &amp; B &lt;i&gt; & C — ") for t in titles)


def test_injection_links_stay_attributes(injection_svgs: list[Path]) -> None:
    linked_views = 0
    for path in injection_svgs:
        tree = _svg(path)
        hrefs = [a.get("{http://www.w3.org/1999/xlink}href") for a in tree.iter(f"{SVG}a")]
        linked = [h for h in hrefs if h]
        linked_views += bool(linked)
        assert all(h.startswith("components/") and h.endswith("?a=1&b=2") for h in linked)
    assert linked_views == len(injection_svgs) - 1  # the roadmap view is empty here
