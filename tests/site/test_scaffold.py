"""`eakit init`: the scaffold loads, checks without errors, and shows every kind."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit import metamodel
from eakit.cli.main import build_app
from eakit.diagnostics import Severity
from eakit.pipeline import check, load_graph
from eakit.scaffold import ScaffoldError, ScaffoldOptions, scaffold, template_names

# An optional field commented out in a template: "    # vendor: ...".
COMMENTED_FIELD = re.compile(r"^( +)# (\s*[a-z_]+:(?:\s|$))", re.MULTILINE)


@pytest.fixture
def new_model(tmp_path) -> Path:
    target = tmp_path / "tinh-moi"
    scaffold(target, ScaffoldOptions(id="tinh-moi", name='Tỉnh "Mới": thử', name_en="New"))
    return target


def test_scaffold_has_every_kind_and_checks_without_errors(new_model):
    graph = load_graph(new_model)
    kinds = {graph.g.nodes[c]["kind"] for c in graph.ids()}
    # A new model shows the framework's kinds; the generic ArchiMate kinds are documented.
    assert kinds == set(metamodel.kinds(framework=True))
    assert graph.architecture.name == 'Tỉnh "Mới": thử'
    result = check(graph)
    errors = [f for f in result.active() if f.severity is Severity.ERROR]
    assert errors == [], [f"{f.rule_id} {f.component}: {f.message}" for f in errors]


def test_every_file_points_editors_at_the_schema(new_model):
    for name in template_names():
        first = (new_model / name).read_text("utf-8").splitlines()[0]
        schema = {"eakit.yaml": "manifest", "waivers.yaml": "waivers"}.get(name, "model")
        assert first == f"# yaml-language-server: $schema=schema/{schema}.schema.json"
        assert (new_model / "schema" / f"{schema}.schema.json").is_file()


def test_uncommenting_every_optional_field_stays_valid(new_model):
    uncommented = 0
    for name in template_names():
        path = new_model / name
        text, count = COMMENTED_FIELD.subn(r"\1\2", path.read_text("utf-8"))
        path.write_text(text, "utf-8")
        uncommented += count
    assert uncommented >= 20
    graph = load_graph(new_model)  # raises ModelLoadError on any invalid field
    assert graph.architecture.version == "1.0"


def test_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(ScaffoldError, match="không trống"):
        scaffold(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_rejects_a_bad_id(tmp_path):
    with pytest.raises(ScaffoldError, match="--id"):
        scaffold(tmp_path / "x", ScaffoldOptions(id="Tỉnh Mới"))


def test_init_command(tmp_path):
    runner = CliRunner()
    app = build_app()
    result = runner.invoke(app, ["init", str(tmp_path / "m"), "--id", "m", "--horizon", "2035"])
    assert result.exit_code == 0, result.output
    assert load_graph(tmp_path / "m").architecture.horizon == 2035
    again = runner.invoke(app, ["init", str(tmp_path / "m"), "--lang", "en"])
    assert again.exit_code == 2
    assert "not empty" in again.output
    bad = runner.invoke(app, ["init", str(tmp_path / "n"), "--as-of", "31/12/2025", "--lang", "en"])
    assert bad.exit_code == 2 and "--as-of" in bad.output


# --- a current province (December 2026) ------------------------------------------------------

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def current(tmp_path) -> Path:
    target = tmp_path / "Cần Thơ"
    scaffold(target, today=TODAY)
    return target


def test_init_writes_a_current_province(current):
    graph = load_graph(current)
    arch = graph.architecture
    assert arch.id == "can-tho"  # from the folder's name
    assert arch.framework == "vn-dgov-4.0"
    assert arch.as_of == TODAY and arch.horizon == 2030
    owner = graph.get(arch.owner_agency)
    assert owner.name == "Sở Khoa học và Công nghệ"
    assert not any("so-tt-tt" in cid for cid in graph.ids())
    # two-level local government: communes and the provincial service centre, no district
    types = {c.agency_type for c in graph.components() if c.kind == "agency"}
    assert {"commune", "public_service_centre"} <= types and "district" not in types
    system = graph.get("he-thong-gqtthc")
    assert {"ttpvhcc", "ubnd-xa-1", "ubnd-xa-2"} <= set(system.deployed_at)
    roadmap = graph.by_kind("roadmap_item")
    assert roadmap and all(item.period == "2026-2030" for item in roadmap)
    # Decree 278/2025: the listed database reaches NDXP through the LGSP; VNeID login
    assert graph.get("csdl-ho-tich").mandatory_connection is True
    assert graph.targets("csdl-ho-tich", "integrates_with") == ["lgsp"]
    assert graph.targets("lgsp", "connects_to") == ["ndxp"]
    assert graph.targets("he-thong-gqtthc", "authenticates_via") == ["vneid"]
    # the packs follow the date: nothing pinned
    assert graph.manifest.rules.packs == []


@pytest.mark.parametrize(
    "when", ["2025-07-01", "2025-10-22", "2026-06-01", "2026-12-06", "2027-01-01"]
)
def test_current_province_has_no_error_and_no_warning(current, when):
    # Waivers expire against the real date: fix it on the scaffold's date.
    result = check(load_graph(current), as_of=dt.date.fromisoformat(when), today=TODAY)
    assert result.packs == ["vn-dgov-4.0"]
    loud = [f for f in result.active() if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert loud == [], [f"{f.rule_id} {f.component}: {f.message}" for f in loud]
    assert "BUS-101" in [r.id for r in result.rules]  # the service-centre rule applies


def test_id_from_folder_name():
    from eakit.scaffold import id_from_folder

    assert id_from_folder(Path("/x/Đà Nẵng")) == "da-nang"
    assert id_from_folder(Path("/x/tỉnh  Cà Mau 2026")) == "tinh-ca-mau-2026"
    assert id_from_folder(Path("/x/___")) == "tinh-moi"


def test_init_command_defaults_to_today_and_the_folder(tmp_path):
    result = CliRunner().invoke(build_app(), ["init", str(tmp_path / "hau-giang")])
    assert result.exit_code == 0, result.output
    arch = load_graph(tmp_path / "hau-giang").architecture
    assert arch.id == "hau-giang" and arch.framework == "vn-dgov-4.0"
    assert arch.as_of >= TODAY
