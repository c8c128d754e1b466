"""``eakit report`` and ``eakit import-survey`` end to end, with the real pipeline."""

from __future__ import annotations

from openpyxl import load_workbook
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.pipeline import check, load_graph
from eakit.render.json_report import result_payload
from tests.excel.conftest import INJECT
from tests.excel.helpers import table

runner = CliRunner()


def test_report_matches_the_json_of_the_real_check(tmp_path):
    outcome = runner.invoke(
        build_app(), ["report", str(INJECT), "-o", str(tmp_path), "--lang", "en"]
    )
    assert outcome.exit_code in (0, 1), outcome.output
    graph = load_graph(INJECT)
    payload = result_payload(graph, check(graph))
    book = load_workbook(tmp_path / "readiness.xlsx")
    rows = table(book["Findings"], "findings") if payload["findings"] else []
    # The sheet sorts them (by severity, layer, agency): the same findings, another order.
    assert sorted(r["Finding id"] for r in rows) == sorted(f["id"] for f in payload["findings"])
    counts = {
        r["Severity"].lower(): r["Count"] for r in table(book["Summary"], "findings_by_severity")
    }
    assert counts == payload["counts"]
    expected_exit = 1 if payload["counts"]["error"] else 0
    assert outcome.exit_code == expected_exit
    if payload["readiness"]:
        overall = table(book["Summary"], "readiness_overall")[0]
        now = next(k for k in overall if k.startswith("Current state ("))
        assert overall[now] == payload["readiness"]["overall"]["ratio"]


def test_report_fail_on_never_reached(tmp_path):
    outcome = runner.invoke(
        build_app(), ["report", str(INJECT), "-o", str(tmp_path), "--fail-on", "error"]
    )
    graph = load_graph(INJECT)
    worst = check(graph).worst()
    assert outcome.exit_code == (1 if worst is not None and worst.value == "error" else 0)


def test_invalid_model_exits_2(tmp_path):
    outcome = runner.invoke(
        build_app(), ["report", str(tmp_path / "missing"), "-o", str(tmp_path), "--lang", "en"]
    )
    assert outcome.exit_code == 2
    assert "model folder not found" in outcome.output
    assert not (tmp_path / "readiness.xlsx").exists()


def test_template_then_import(tmp_path):
    app = build_app()
    outcome = runner.invoke(app, ["report", str(INJECT), "-o", str(tmp_path), "--template"])
    assert outcome.exit_code == 0, outcome.output
    template = tmp_path / "inventory.xlsx"
    target = tmp_path / "model"
    outcome = runner.invoke(
        app, ["import-survey", str(template), "-o", str(target), "--lang", "en"]
    )
    assert outcome.exit_code == 0, outcome.output
    assert f"{len(load_graph(INJECT))} added, 0 updated, 0 unchanged" in outcome.output
    outcome = runner.invoke(app, ["check", str(target), "-f", "json"])
    assert outcome.exit_code in (0, 1), outcome.output


def test_import_errors_exit_2(tmp_path):
    app = build_app()
    runner.invoke(app, ["report", str(INJECT), "-o", str(tmp_path), "--template", "--lang", "en"])
    template = tmp_path / "inventory.xlsx"
    book = load_workbook(template)
    book["inventory-applications"]["B5"] = "ap"
    book.save(template)
    outcome = runner.invoke(
        app, ["import-survey", str(template), "-o", str(tmp_path / "m"), "--lang", "en"]
    )
    assert outcome.exit_code == 2
    assert "inventory.xlsx: inventory-applications!B5: unknown kind 'ap'" in outcome.output
    assert "nothing was written" in outcome.output
    assert not (tmp_path / "m").exists()


def test_empty_needs_template(tmp_path):
    outcome = runner.invoke(
        build_app(), ["report", str(INJECT), "-o", str(tmp_path), "--empty", "--lang", "en"]
    )
    assert outcome.exit_code == 2
    assert "--empty only applies with --template" in outcome.output
