"""Findings and load errors point at the same ``file:line:col`` whatever the YAML style:
flow, block as PyYAML writes it, or both mixed in one file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model
from eakit.pipeline import check, load_graph
from tests.loader.support import VALID

MINI = VALID / "mini"

FLOW = """\
components:
  - {id: ubnd-tinh, kind: agency, agency_type: provincial_people_committee,
     name: Ủy ban nhân dân tỉnh Mẫu, name_en: Provincial People's Committee}
  - {id: so-tt-tt, kind: agency, agency_type: department,
     name: Sở Thông tin và Truyền thông, parent: ubnd-tinh}
  - {id: so-tu-phap, kind: agency, agency_type: department, name: Sở Tư pháp,
     name_en: Department of Justice, parent: ubnd-tinh}
"""
BLOCK = """\
components:
- agency_type: provincial_people_committee
  id: ubnd-tinh
  kind: agency
  name: Ủy ban nhân dân tỉnh Mẫu
  name_en: Provincial People's Committee
- agency_type: department
  id: so-tt-tt
  kind: agency
  name: Sở Thông tin và Truyền thông
  parent: ubnd-tinh
- agency_type: department
  id: so-tu-phap
  kind: agency
  name: Sở Tư pháp
  name_en: Department of Justice
  parent: ubnd-tinh
"""
MIXED = """\
components:
  - id: ubnd-tinh
    kind: agency
    agency_type: provincial_people_committee
    name: Ủy ban nhân dân tỉnh Mẫu
    name_en: Provincial People's Committee
  - {id: so-tt-tt, kind: agency, agency_type: department,
     name: "Sở Thông tin và Truyền thông", parent: ubnd-tinh}
  - id: so-tu-phap
    kind: agency
    agency_type: department
    name: Sở Tư pháp
    name_en: Department of Justice
    parent: ubnd-tinh
"""
# Where each style puts so-tt-tt (line, column) and its 'parent' key.
PLACES = {
    "flow": (FLOW, (4, 5), (5, 42)),
    "block": (BLOCK, (7, 3), (11, 3)),
    "mixed": (MIXED, (7, 5), (8, 44)),
}


def _model(tmp_path: Path, agencies: str) -> Path:
    root = tmp_path / "model"
    shutil.copytree(MINI, root)
    (root / "agencies.yaml").write_text(agencies, "utf-8")
    return root


@pytest.mark.parametrize("style", sorted(PLACES))
def test_components_and_fields_are_located_in_every_style(style: str, tmp_path: Path) -> None:
    text, item, parent = PLACES[style]
    model = load_model(_model(tmp_path, text))
    assert str(model.location("so-tt-tt")) == f"agencies.yaml:{item[0]}:{item[1]}"
    assert str(model.location("so-tt-tt", "parent")) == f"agencies.yaml:{parent[0]}:{parent[1]}"
    # A field the component lacks: its item.
    assert str(model.location("so-tt-tt", "name_en")) == f"agencies.yaml:{item[0]}:{item[1]}"


@pytest.mark.parametrize("style", sorted(PLACES))
def test_findings_point_into_the_component_in_every_style(style: str, tmp_path: Path) -> None:
    text, item, _parent = PLACES[style]
    result = check(load_graph(_model(tmp_path, text)), jobs=1)
    # so-tt-tt has no English name (GOV-012): the finding points at its item.
    english = [f for f in result.findings if f.component == "so-tt-tt" and f.rule_id == "GOV-012"]
    assert [str(f.location) for f in english] == [f"agencies.yaml:{item[0]}:{item[1]}"]


@pytest.mark.parametrize(
    ("style", "broken", "where"),
    [
        ("flow", FLOW.replace("parent: ubnd-tinh", "parent: [ubnd-tinh]", 1), "5:42"),
        ("block", BLOCK.replace("parent: ubnd-tinh", "parent: [ubnd-tinh]", 1), "11:3"),
        ("mixed", MIXED.replace("parent: ubnd-tinh", "parent: [ubnd-tinh]", 1), "8:44"),
    ],
)
def test_load_errors_point_at_the_field_in_every_style(
    style: str, broken: str, where: str, tmp_path: Path
) -> None:
    with pytest.raises(ModelLoadError) as raised:
        load_model(_model(tmp_path, broken))
    places = [str(d.location) for d in raised.value.diagnostics]
    assert places == [f"agencies.yaml:{where}"], style
