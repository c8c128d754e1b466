"""The benchmark's shape converters (``benchmarks/shapes.py``) keep the model: each shape
loads with the same findings, and each finding points into its component's text."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from eakit.findings import Finding
from eakit.pipeline import check, load_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from shapes import OTHER_STYLES, SHAPES, make_shape


def _findings(model: Path) -> list[Finding]:
    return check(load_graph(model), jobs=1).findings


def _without_place(findings: list[Finding]) -> Counter[Finding]:
    return Counter(finding._replace(location=None) for finding in findings)


@pytest.fixture(scope="module")
def flow_findings(province_model: Path) -> list[Finding]:
    return _findings(province_model)


@pytest.mark.parametrize("shape", [s for s in SHAPES if s != "flow"])
def test_every_shape_loads_with_the_same_findings(
    shape: str, province_model: Path, flow_findings: list[Finding], tmp_path: Path
) -> None:
    target = tmp_path / shape
    files = make_shape(shape, province_model, target)
    assert files > 0
    found = _findings(target)
    assert flow_findings  # the generated model has its share of gaps
    assert _without_place(found) == _without_place(flow_findings)
    # Each finding on a component points at a line of that component's item (between the
    # '- ' that opens it and the next one, its 'id:' line is there) or of a relation from it.
    lines_of: dict[str, list[str]] = {}
    for finding in found:
        if finding.component is None or finding.location is None:
            continue
        rel = finding.location.file
        lines = lines_of.setdefault(rel, (target / rel).read_text("utf-8").split("\n"))
        line = finding.location.line - 1
        start = next(n for n in range(line, -1, -1) if lines[n].startswith("- "))
        end = next(
            (n for n in range(line + 1, len(lines)) if not lines[n].startswith(" ")), len(lines)
        )
        item = [text.strip().removeprefix("- ") for text in lines[start:end]]
        assert {f"id: {finding.component}", f"from: {finding.component}"} & set(item), (
            finding.id,
            finding.location,
        )


def test_the_agency_shape_has_many_small_files_and_the_province_shape_few(
    province_model: Path, tmp_path: Path
) -> None:
    flow = sum(1 for _ in province_model.rglob("*.yaml"))
    assert make_shape("agency", province_model, tmp_path / "agency") > flow
    assert make_shape("province", province_model, tmp_path / "province") == 2


@pytest.mark.parametrize("style", OTHER_STYLES)
def test_other_styles_load_with_the_same_findings(
    style: str, province_model: Path, flow_findings: list[Finding], tmp_path: Path
) -> None:
    target = tmp_path / style
    assert make_shape(style, province_model, target) > 0
    text = "".join(path.read_bytes().decode() for path in target.rglob("*.yaml"))
    marks = {"anchors": "*id0", "marked": "\r\n", "json": '"components": ['}
    assert style == "component" or marks[style] in text
    found = _findings(target)
    assert _without_place(found) == _without_place(flow_findings)
    for finding in found:  # each points into its file
        assert finding.location is not None
        lines = (target / finding.location.file).read_bytes().decode().splitlines()
        assert 1 <= finding.location.line <= len(lines)
        assert 1 <= finding.location.col <= len(lines[finding.location.line - 1]) + 1
