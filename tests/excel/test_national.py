"""A generated multi-province model: every streamed row of the workbook equals the facts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from eakit.generate import generate_model
from eakit.model.components import kind_of
from eakit.pipeline import check, load_graph
from eakit.render.excel import write_workbook
from eakit.render.excel.context import Context
from eakit.render.excel.coverage import CAPABILITIES, coverage
from eakit.render.excel.coverage_sheet import presence_text
from eakit.render.excel.inventory import ordered
from eakit.render.excel.labels import inventory_sheet_name, t, value_label
from eakit.render.excel.layout import layer_codes
from eakit.render.excel.roadmap import roadmap_components
from eakit.render.json_report import result_payload
from tests.excel.helpers import table

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    root = tmp_path_factory.mktemp("national")
    model = generate_model(root / "model", provinces=2, seed=1).root
    graph = load_graph(model)
    result = check(graph)
    path = write_workbook(graph, result, root / "readiness.xlsx", lang="en")
    return graph, result, path


@pytest.fixture(scope="module")
def book(national):
    return load_workbook(national[2])


def test_findings_rows_equal_the_check(national, book):
    graph, result, _ = national
    payload = result_payload(graph, result)["findings"]
    rows = table(book["Findings"], "findings")
    assert len(rows) == len(payload) > 1000
    by_id = {f["id"]: f for f in payload}
    assert len(by_id) == len(rows)
    for row in rows:
        finding = by_id[row["Finding id"]]
        assert row["Rule"] == finding["rule"]
        assert row["Severity"] == t(f"severity.{finding['severity']}", "en")
        assert row["Message"] == finding["message"]
        assert row["Component"] == finding["component"]
        location = finding["location"]
        expected = f"{location['file']}:{location['line']}:{location['col']}" if location else None
        assert row["Model location"] == expected


def test_summary_counts_equal_the_check(national, book):
    graph, result, _ = national
    counts = {
        r["Severity"].lower(): r["Count"] for r in table(book["Summary"], "findings_by_severity")
    }
    assert counts == result_payload(graph, result)["counts"]
    by_layer = {
        r["Layer code"]: r["Components"] for r in table(book["Summary"], "readiness_by_layer")
    }
    assert by_layer == {layer: len(graph.by_layer(layer)) for layer in layer_codes()}


def test_inventories_hold_every_component_in_order(national, book):
    graph, _, _ = national
    for layer in layer_codes():
        rows = table(book[inventory_sheet_name(layer, "en")], f"inventory_{layer}")
        components = ordered(graph.by_layer(layer), layer)
        assert [r["Id"] for r in rows] == [c.id for c in components], layer
        for row, component in zip(rows, components, strict=True):
            assert row["Name"] == component.name
            assert row["Kind"] == value_label("kind", kind_of(component), "en")
            assert row["Status"] == value_label("status", component.status.value, "en")


def test_coverage_rows_equal_the_matrix(national, book):
    graph, _, _ = national
    rows = table(book["Coverage"], "coverage")
    matrix = coverage(graph)
    assert [r["Agency id"] for r in rows] == [entry.agency.id for entry in matrix]
    headings = [t(f"cov.{cap}", "en") for cap in CAPABILITIES]
    for row, entry in zip(rows, matrix, strict=True):
        cells = [presence_text(entry.cells[cap], "en") for cap in CAPABILITIES]
        assert [row[h] for h in headings] == cells


def test_roadmap_and_rules(national, book):
    graph, result, _ = national
    roadmap = table(book["Gaps and roadmap"], "roadmap")
    expected = roadmap_components(Context(graph, result, "en"))
    assert [r["Id"] for r in roadmap] == [c.id for c in expected]
    per_rule = Counter(f.rule_id for f in result.active())
    rules = table(book["Rule catalogue"], "rules")
    assert {r["Rule id"]: r["Findings"] for r in rules} == {
        rule.id: per_rule.get(rule.id, 0) for rule in result.rules
    }


def test_sheets_declare_their_size(national):
    # Readers in streaming mode (openpyxl read-only, pandas) size a sheet by <dimension>.
    _, result, path = national
    fast = load_workbook(path, read_only=True)
    findings = fast["Findings"]
    assert findings.max_row == 4 + len(result.findings)
    assert findings.max_column == 16
    fast.close()


def test_the_same_model_gives_the_same_bytes(national, tmp_path):
    graph, result, path = national
    again = write_workbook(graph, result, tmp_path / "again.xlsx", lang="en")
    assert Path(again).read_bytes() == Path(path).read_bytes()
