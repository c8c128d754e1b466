"""Single points of failure where people read them: the diagram, the site page and the
workbook sheet, in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from eakit.analysis.diagram import draw_resilience, resilience_dot, resilience_scene
from eakit.analysis.resilience import resilience
from eakit.render.excel import write_workbook
from eakit.render.site.figures import embed
from eakit.render.site.i18n import words
from eakit.render.site.pages import Figures, SitePages
from eakit.render.site.resilience import RESILIENCE
from tests.excel.helpers import table

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")


def test_scene_marks_single_points_and_bridges(small_graph) -> None:
    scene = resilience_scene(small_graph, resilience(small_graph), lang="en")
    spof = {node.id for node in scene.nodes.values() if node.spof}
    assert spof == {"mang-tslcd", "ttdl"}
    bridges = {(e.source, e.target) for e in scene.edges if e.bridge}
    # Drawn the way the model states them.
    assert bridges == {
        ("cong-internet", "ttdl"),
        ("lan-b", "mang-tslcd"),
        ("ttdl-2", "mang-tslcd"),
        ("app-a", "lgsp"),
    }
    assert not any(e.bridge for e in scene.edges if e.source == "lan-a")
    assert [g.key for g in scene.groups] == ["infrastructure", "integration"]
    assert scene.nodes["mang-tslcd"].notes == ["cuts off 2 components", "betweenness 0.70"]
    assert scene.nodes["ttdl"].notes[0] == "cuts off 1 component"


def test_leaves_on_one_component_fold_into_one_box(bundled_graph) -> None:
    scene = resilience_scene(bundled_graph, resilience(bundled_graph))
    lans = scene.nodes["group:lan:current:tslcd"]
    assert lans.aggregate and len(lans.members) == 31 and lans.title == "31 mạng LAN cơ quan"
    assert lans.tooltip.splitlines()[-1] == "và 6 thành phần khác"  # 25 names listed
    edge = next(e for e in scene.edges if e.source == "group:lan:current:tslcd")
    assert edge.bridge and edge.count == 31


def test_dot_text_styles_and_legend_in_both_languages(small_graph) -> None:
    result = resilience(small_graph)
    vi = resilience_dot(small_graph, result, lang="vi")
    en = resilience_dot(small_graph, result, lang="en")
    assert vi == resilience_dot(small_graph, result, lang="vi")  # deterministic
    assert 'color="#8E24AA", penwidth=3.6' in vi  # a single point of failure's border
    assert "điểm lỗi đơn (viền tím đậm)" in vi
    assert "liên kết đơn: mất liên kết này là mạng bị chia cắt" in vi
    assert "single point of failure (thick purple border)" in en
    assert "Single points of failure of the integration and infrastructure networks" in en


@needs_dot
def test_graphviz_draws_it(small_graph) -> None:
    svg = draw_resilience(small_graph, resilience(small_graph), "svg", lang="en").decode()
    assert svg.lstrip().startswith("<?xml") and "Provincial data centre" in svg
    assert 'id="c&#45;mang&#45;tslcd"' in svg  # Graphviz writes '-' as a reference


def _page(graph, lang: str, svg: str | None) -> str:
    pages = SitePages(graph, None, words(lang), Figures(resilience=svg))
    return pages.all_pages()[RESILIENCE]


def test_site_page_in_both_languages(small_graph) -> None:
    vi = _page(small_graph, "vi", None)
    en = _page(small_graph, "en", None)
    assert "# Điểm lỗi đơn" in vi and "## Hạ tầng kết nối" in vi
    assert "Số thành phần bị tách" in vi and "kết nối tới" in vi
    assert "# Single points of failure" in en and "## Infrastructure network" in en
    assert "mang-tslcd" in en
    assert "Components cut off" in en


@needs_dot
def test_site_page_embeds_the_diagram(small_graph) -> None:
    svg = draw_resilience(small_graph, resilience(small_graph), "svg").decode()
    page = _page(small_graph, "vi", embed(svg, ""))
    assert "<svg" in page and "diagrams/resilience.svg" in page


def test_site_nav_lists_the_page(small_graph) -> None:
    pages = SitePages(small_graph, None, words("en"), Figures())
    assert {"Single points of failure": RESILIENCE} in pages.nav()


def test_workbook_sheet_in_both_languages(small_graph, tmp_path: Path) -> None:
    for lang, name, kind_col in (
        ("vi", "Điểm lỗi đơn", "Phát hiện"),
        ("en", "Single points of failure", "Finding"),
    ):
        book = load_workbook(
            write_workbook(small_graph, None, tmp_path / f"{lang}.xlsx", lang=lang)
        )
        ws = book[name]
        rows = table(ws, "resilience")
        assert len(rows) == 2 + 4 + 2  # cut points, bridges, central (both networks)
        assert [r[kind_col] for r in rows[:1]] == [
            "Liên kết đơn (cầu)" if lang == "vi" else "Single links (bridges)"
        ]
        assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    ids = [r["Id"] for r in table(book["Single points of failure"], "resilience")]
    assert ids[:3] == ["app-a — lgsp", "mang-tslcd", "ttdl"]


def test_every_model_lists_the_resilience_view_last(small_graph) -> None:
    from eakit.render.diagrams import list_views

    listed = list_views(small_graph, "en")
    assert listed[-1].name == "resilience"
    assert listed[-1].title == "Single points of failure"
    assert list_views(small_graph)[-1].title == "Điểm lỗi đơn"


def test_every_analysis_view_has_a_scene() -> None:
    from eakit.analysis.diagram import SCENES
    from eakit.render.diagrams.views import ANALYSIS_VIEWS

    assert set(SCENES) == set(ANALYSIS_VIEWS)


def test_a_declared_view_of_that_name_is_the_model_s_own(small_model: Path, tmp_path) -> None:
    from eakit.pipeline import load_graph
    from eakit.render.diagrams.views import ViewCatalog

    model = tmp_path / "m"
    shutil.copytree(small_model, model)
    manifest = model / "eakit.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + "views:\n  - name: resilience\n    title: Của tỉnh\n",
        encoding="utf-8",
    )
    view = ViewCatalog(load_graph(model)).get("resilience")
    assert view is not None and view.analysis is None and view.spec.title == "Của tỉnh"


@needs_dot
def test_diagram_command_draws_the_view_by_name(small_model: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eakit.cli.main import build_app

    out = tmp_path / "out"
    ran = CliRunner().invoke(
        build_app(), ["diagram", str(small_model), "-o", str(out), "--view", "resilience"]
    )
    assert ran.exit_code in (0, 1), ran.output
    svg = (out / "diagrams" / "resilience.svg").read_text(encoding="utf-8")
    assert "Điểm lỗi đơn của mạng tích hợp và hạ tầng" in svg
    assert [p.name for p in (out / "diagrams").glob("*.svg")] == ["resilience.svg"]
