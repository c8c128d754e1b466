"""Rendering with the real Graphviz ``dot``: valid SVG, the expected content, stable bytes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.diagnostics import ModelLoadError
from eakit.graph import ModelGraph
from eakit.pipeline import load_graph
from eakit.render.diagrams import ViewError, list_views, render_focus, render_views
from tests.conftest import BUNDLED_MODEL, FIXTURES
from tests.diagrams.conftest import write_province

SVG = "{http://www.w3.org/2000/svg}"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _bundled_or_mini() -> ModelGraph:
    """The bundled Sóc Trăng model; the fixture model while it does not load yet."""
    try:
        return load_graph(BUNDLED_MODEL)
    except (ModelLoadError, OSError):
        return load_graph(FIXTURES / "valid" / "mini")


def _svg(path: Path) -> etree._Element:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    assert root.tag == f"{SVG}svg"
    return root


def _ids(root: etree._Element, cls: str) -> set[str]:
    return {g.get("id") or "" for g in root.iter(f"{SVG}g") if g.get("class") == cls}


def _texts(root: etree._Element) -> str:
    return " ".join(t.text or "" for t in root.iter(f"{SVG}text"))


@pytest.fixture(scope="module")
def bundled() -> ModelGraph:
    return _bundled_or_mini()


@pytest.fixture(scope="module")
def rendered(bundled: ModelGraph, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return render_views(bundled, None, tmp_path_factory.mktemp("bundled"))


def test_every_view_is_valid_svg_with_nodes_clusters_and_title(
    bundled: ModelGraph, rendered: list[Path]
) -> None:
    infos = list_views(bundled)
    assert [p.stem for p in rendered] == [v.name for v in infos]
    for path, info in zip(rendered, infos, strict=True):
        root = _svg(path)
        nodes = _ids(root, "node")
        assert any(n.startswith("c-") for n in nodes), path.name
        assert _ids(root, "cluster"), path.name
        assert info.title in _texts(root)


def test_overview_names_survive_intact(bundled: ModelGraph, rendered: list[Path]) -> None:
    root = _svg(next(p for p in rendered if p.stem == "overview"))
    texts = _texts(root)
    assert unicodedata.is_normalized("NFC", texts)
    for name in ("Trung tâm Tích hợp dữ", "Nghiệp vụ", "Hạ tầng kỹ thuật", "Chú giải"):
        assert name in texts
    titles = " ".join(a.get("{http://www.w3.org/1999/xlink}title") or "" for a in root.iter())
    agencies = {c.name for c in bundled.by_kind("agency")}
    assert "Sở Tư pháp" in agencies
    assert "Sở Tư pháp" in titles  # aggregated into the departments, listed in its tooltip
    assert _ids(root, "edge")


def test_bundled_overview_aggregates_the_31_lans(bundled: ModelGraph, rendered: list[Path]) -> None:
    lans = bundled.by_kind("lan")
    if len(lans) < 2:
        pytest.skip("the bundled model is not there yet")
    root = _svg(next(p for p in rendered if p.stem == "overview"))
    nodes = _ids(root, "node")
    assert not any(f"c-{lan.id}" in nodes for lan in lans)
    assert f"{len(lans)} mạng LAN cơ quan" in _texts(root)


def test_agency_view_of_the_justice_department(bundled: ModelGraph, rendered: list[Path]) -> None:
    agency = next((a for a in bundled.by_kind("agency") if a.name == "Sở Tư pháp"), None)
    assert agency is not None
    path = next(p for p in rendered if p.stem == f"agency-{agency.id}")
    root = _svg(path)
    assert f"c-{agency.id}" in _ids(root, "node")
    assert "Sở Tư pháp" in _texts(root)


def test_output_is_byte_identical_across_runs(bundled: ModelGraph, tmp_path: Path) -> None:
    first = render_views(bundled, None, tmp_path / "a", formats=("svg", "png"), views=["overview"])
    second = render_views(bundled, None, tmp_path / "b", formats=("svg", "png"), views=["overview"])
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_png_on_request_is_a_real_png(bundled: ModelGraph, tmp_path: Path) -> None:
    [path] = render_views(bundled, None, tmp_path, formats=("png",), views=["infrastructure"])
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 10_000


def test_focus_marks_the_component_and_its_neighbours(tmp_path: Path) -> None:
    graph = load_graph(write_province(tmp_path / "m"))
    path = render_focus(graph, None, "lgsp", tmp_path / "focus.svg", depth=1)
    root = _svg(path)
    nodes = _ids(root, "node")
    assert {"c-lgsp", "c-mot-cua", "c-ndxp", "c-tt-du-lieu", "c-so-tt-tt"} <= nodes
    assert "c-ho-tich" not in nodes  # two hops away
    assert "Lân cận của: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh" in _texts(root)


# --- the command line -----------------------------------------------------------------------


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(build_app(), list(args), env=env)
    return result.exit_code, result.output


def test_cli_writes_svg_and_png_into_the_diagrams_folder(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    code, _ = _run(
        "diagram", str(model), "-o", str(tmp_path / "out"), "-f", "svg,png", "--view", "overview"
    )
    assert code in (0, 1)  # 1: the model has error findings
    out = tmp_path / "out" / "diagrams"
    assert sorted(p.name for p in out.iterdir()) == [
        ".eakit-output",
        "overview.png",
        "overview.svg",
    ]


def test_cli_replaces_the_folder_when_drawing_every_view(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    stale = tmp_path / "out" / "diagrams" / "agency-gone.svg"
    stale.parent.mkdir(parents=True)
    stale.write_text("<svg/>")
    # an earlier run's folder, marked as eakit's (a folder without the marker is refused)
    (stale.parent / ".eakit-output").write_text("eakit diagram\n")
    code, _ = _run(
        "diagram", str(model), "-o", str(tmp_path / "out"), "--no-findings", "--fail-on", "error"
    )
    assert code in (0, 1)
    assert not stale.exists()
    assert (tmp_path / "out" / "diagrams" / "overview.svg").is_file()


def test_cli_without_dot_says_how_to_install_it(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    empty = tmp_path / "bin"
    empty.mkdir()
    code, output = _run(
        "diagram", str(model), "-o", str(tmp_path / "out"), env={"PATH": str(empty)}
    )
    assert code == 2
    assert "không tìm thấy chương trình 'dot' của Graphviz" in output
    assert "hãy cài Graphviz" in output and "apt-get install graphviz" in output
    assert "Traceback" not in output and "not found" not in output
    english = {"PATH": str(empty), "EAKIT_LANG": "en"}
    code, output = _run("diagram", str(model), "-o", str(tmp_path / "out"), env=english)
    assert code == 2
    assert "Graphviz 'dot' was not found" in output and "apt-get install graphviz" in output


def test_cli_reports_a_mistyped_view_with_its_manifest_line(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m", {"views": [{"name": "a", "include": ["lgps"]}]})
    code, output = _run("diagram", str(model), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "eakit.yaml:" in output and "có phải là 'lgsp'" in output
    code, output = _run("diagram", str(model), "-o", str(tmp_path / "out"), "--lang", "en")
    assert code == 2
    assert "eakit.yaml:" in output and "did you mean 'lgsp'" in output


def test_cli_lists_views_and_rejects_unknown_ones(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    code, output = _run("diagram", str(model), "--list")
    assert code == 0 and "overview\tTổng quan kiến trúc Chính quyền điện tử" in output
    code, output = _run("diagram", str(model), "--view", "overveiw", "-o", str(tmp_path / "o"))
    assert code == 2 and "có phải là 'overview'" in output
    code, output = _run("diagram", str(model), "-f", "gif", "-o", str(tmp_path / "o"))
    assert code == 2 and "định dạng sơ đồ 'gif' không hợp lệ" in output


def test_an_unknown_view_is_said_in_the_readers_language(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    out = str(tmp_path / "o")
    code, output = _run("diagram", str(model), "--view", "overveiw", "-o", out)
    assert code == 2
    assert "eakit: lỗi: không có sơ đồ nào tên 'overveiw' (có phải là 'overview'?)" in output
    assert "các sơ đồ của mô hình này: overview, integration" in output
    assert "no view named" not in output and "did you mean" not in output
    by_option = _run("diagram", str(model), "--view", "overveiw", "-o", out, "--lang", "en")
    by_env = _run("diagram", str(model), "--view", "overveiw", "-o", out, env={"EAKIT_LANG": "en"})
    for code, output in (by_option, by_env):
        assert code == 2
        assert "no view named 'overveiw' (did you mean 'overview'?)" in output
        assert "views of this model: overview, integration" in output
    code, output = _run("diagram", str(model), "-f", "gif", "-o", out, "--lang", "en")
    assert code == 2 and "unknown diagram format 'gif'; use one of svg, png, dot" in output


def test_a_language_eakit_does_not_speak_is_a_view_error(tmp_path: Path) -> None:
    graph = load_graph(write_province(tmp_path / "m"))
    with pytest.raises(ViewError, match="ngôn ngữ 'fr' không hợp lệ") as caught:
        render_views(graph, None, tmp_path / "o", formats=["dot"], lang="fr")
    assert caught.value.message.en == "unknown language 'fr'; use one of vi, en"
    with pytest.raises(ViewError, match="chưa chọn định dạng sơ đồ nào") as caught:
        render_views(graph, None, tmp_path / "o", formats=[], lang="vi")
    assert caught.value.message.en == "no diagram format given"


def test_cli_focus_writes_one_file(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    code, output = _run(
        "diagram",
        str(model),
        "-o",
        str(tmp_path / "out"),
        "--focus",
        "mot-cua",
        "--depth",
        "2",
        "--lang",
        "en",
    )
    assert code in (0, 1)
    path = tmp_path / "out" / "diagrams" / "focus-mot-cua.svg"
    assert str(path) in output
    assert "Neighbourhood of: Hệ thống thông tin một cửa điện tử" in _texts(_svg(path))


def test_cli_unknown_focus_is_exit_2(tmp_path: Path) -> None:
    model = write_province(tmp_path / "m")
    code, output = _run("diagram", str(model), "--focus", "lgps", "-o", str(tmp_path / "o"))
    assert code == 2 and "(có phải là 'lgsp'?)" in output
