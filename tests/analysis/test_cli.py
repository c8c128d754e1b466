"""``eakit impact``, ``eakit analyse`` and ``eakit export graph`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from eakit.cli.main import build_app


def _run(*args: str):
    return CliRunner().invoke(build_app(), list(args))


def test_impact_text_in_vietnamese_by_default(small_model: Path) -> None:
    result = _run("impact", "ttdl", str(small_model))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Ảnh hưởng khi Trung tâm dữ liệu tỉnh [ttdl]")
    assert "6 thành phần phụ thuộc" in result.stdout


def test_impact_json_in_english_with_depth_and_date(small_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "impact.json"
    result = _run(
        "impact", "ttdl", str(small_model), "--format", "json", "--lang", "en",
        "--depth", "1", "--as-of", "2029-01-01", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["depth"] == 1 and data["as_of"] == "2029-01-01"
    assert {item["id"] for item in data["affected"]} == {
        "app-b", "app-c", "cong-internet", "lan-a", "lgsp",
    }  # fmt: skip
    assert data["name"] == "Provincial data centre"


def test_impact_unknown_id_exits_2_with_a_suggestion(small_model: Path) -> None:
    result = _run("impact", "ttld", str(small_model))
    assert result.exit_code == 2
    assert "không có thành phần nào mang mã 'ttld' (có phải là 'ttdl'?)" in result.stderr
    english = _run("impact", "ttld", str(small_model), "--lang", "en")
    assert "no component with id 'ttld' (did you mean 'ttdl'?)" in english.stderr


def test_impact_bad_options_exit_2(small_model: Path) -> None:
    assert _run("impact", "ttdl", str(small_model), "--depth", "0").exit_code == 2
    bad_date = _run("impact", "ttdl", str(small_model), "--as-of", "2029-13-01")
    assert bad_date.exit_code == 2 and "--as-of phải là một ngày" in bad_date.stderr


def test_impact_on_an_invalid_model_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "eakit.yaml").write_text("eakit: 1\n", "utf-8")
    result = _run("impact", "x", str(folder))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_analyse_text_and_json(small_model: Path) -> None:
    text = _run("analyse", str(small_model), "--lang", "en")
    assert text.exit_code == 0, text.output
    assert "Infrastructure network" in text.stdout
    assert "Mạng truyền số liệu chuyên dùng [mang-tslcd]: cuts off 2 components" in text.stdout
    data = json.loads(_run("analyse", str(small_model), "-f", "json").stdout)
    assert [n["name"] for n in data["networks"]] == ["integration", "infrastructure"]
    assert data["networks"][1]["articulation_points"][0]["id"] == "mang-tslcd"


def test_export_graph_each_format(small_model: Path, tmp_path: Path) -> None:
    readers = {
        "graphml": lambda p: nx.read_graphml(p, force_multigraph=True),
        "gexf": nx.read_gexf,
        "json": lambda p: nx.node_link_graph(json.loads(p.read_text("utf-8")), edges="edges"),
    }
    for fmt, read in readers.items():
        out = tmp_path / f"graph.{fmt}"
        result = _run("export", "graph", str(small_model), "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert "13 nodes" in result.stderr
        back = read(out)
        assert back.number_of_nodes() == 13
        assert back.nodes["lgsp"]["kind"] == "integration_platform"
        assert not list(tmp_path.glob(".*.tmp"))  # written through a temporary, renamed


def test_export_graph_to_stdout_and_bad_format(small_model: Path) -> None:
    result = _run("export", "graph", str(small_model))
    assert result.exit_code == 0
    assert result.stdout.startswith("<?xml") and "<graphml" in result.stdout
    assert _run("export", "graph", str(small_model), "-f", "dot").exit_code == 2


def test_analyse_draws_the_diagram(small_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "spof.dot"
    result = _run("analyse", str(small_model), "--diagram", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith('digraph "resilience"')
    wrong = _run("analyse", str(small_model), "--diagram", str(tmp_path / "spof.pdf"))
    assert (
        wrong.exit_code == 2 and "--diagram phải kết thúc bằng .svg, .png hoặc .dot" in wrong.stderr
    )
    assert not (tmp_path / "spof.pdf").exists()
