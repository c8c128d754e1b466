"""The engine on small models: variants by date, selection, severity overrides, user and
broken packs, readiness."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from eakit.diagnostics import ModelLoadError, Severity
from eakit.findings import CheckResult
from eakit.messages import in_lang
from eakit.pipeline import check, load_graph
from eakit.rules.legal import load_registry

from .conftest import FIXTURES, RULES

SERVICES = """\
components:
  - {id: ubnd-tinh, kind: agency, agency_type: provincial_people_committee, name: UBND tỉnh}
  - {id: so-y-te, kind: agency, agency_type: department, name: Sở Y tế, parent: ubnd-tinh}
  - {id: dvc-a, kind: public_service, name: Cấp giấy phép, level: 3, provider: so-y-te}
  - id: httt
    kind: application
    app_type: public_service_system
    name: HTTT giải quyết TTHC
    owner: so-y-te
    status: planned
    target: 2027
"""


def _model(make_model, **arch):
    return make_model(
        {"province": "ubnd-tinh"} | arch, {"m.yaml": SERVICES}, rules={"packs": ["vn-dgov-4.0"]}
    )


def test_variant_follows_the_check_date(make_model) -> None:
    graph = load_graph(_model(make_model))
    # level "3" is not judged before Decree 42/2022 (the levels 1-4 variant had no supporting
    # citation and was removed in the citation review); after it, it is wrong
    before = check(graph, as_of=dt.date(2021, 1, 1), select=["SVC-003"])
    after = check(graph, as_of=dt.date(2026, 1, 1), select=["SVC-003"])
    assert before.findings == []
    assert [r.id for r in before.not_applicable] == ["SVC-003"]
    assert [f.id for f in after.findings] == ["SVC-003@dvc-a"]
    assert after.findings[0].basis[0].document == "Nghị định 42/2022/NĐ-CP"
    assert after.findings[0].location is not None
    assert after.findings[0].location.line == 4  # the line of dvc-a


def test_rule_without_basis_in_force_is_not_applicable(make_model) -> None:
    graph = load_graph(_model(make_model))
    # SVC-004 rests on Decree 63/2010 (in force since 2010); SEC-001 on texts of 2016
    result = check(graph, as_of=dt.date(2012, 1, 1), select=["SEC-001", "SVC-004"])
    assert [r.id for r in result.rules] == ["SVC-004"]
    assert [r.id for r in result.not_applicable] == ["SEC-001"]
    assert result.not_applicable[0].note == "không có văn bản căn cứ còn hiệu lực ngày 2012-01-01"
    english = check(graph, as_of=dt.date(2012, 1, 1), select=["SEC-001"], lang="en")
    assert english.not_applicable[0].note == "no basis in force on 2012-01-01"


def test_planned_components_count_at_the_horizon_only(make_model) -> None:
    graph = load_graph(_model(make_model))
    # At 2026-08-01: SVC-001 has no supporting text in force from 2025-07-01 to 2026-06-30
    # (citation review), Decree 224/2026 gives it one again.
    result = check(graph, as_of=dt.date(2026, 8, 1), select=["SVC-001", "BUS-001"])
    ids = sorted(f.id for f in result.findings)
    # now: no public-service system exists yet, and Sở Y tế does not use one
    assert ids == ["BUS-001@so-y-te", "SVC-001@ubnd-tinh"]
    readiness = result.readiness
    assert readiness is not None
    # Two error checks, each of weight 3 (the figures were 0/2 and 1/2 before checks
    # were weighted by severity).
    overall = readiness.overall
    assert (overall.passed, overall.total, overall.errors) == (0, 6, 2)
    assert overall.status == "not_met"
    # at the horizon the planned system exists (SVC-001 passes); it is not deployed at
    # the department, so BUS-001 still fails
    later = readiness.overall_horizon
    assert (later.passed, later.total, later.errors) == (3, 6, 1)
    assert later.status == "not_met"
    assert readiness.by_agency["so-y-te"].total == 3


def test_select_ignore_and_disable(make_model) -> None:
    folder = make_model(
        {"province": "ubnd-tinh"},
        {"m.yaml": SERVICES},
        rules={"packs": ["vn-dgov-4.0"], "disable": ["GOV-*"]},
    )
    graph = load_graph(folder)
    everything = {r.id for r in check(graph).rules}
    assert not any(r.startswith("GOV-") for r in everything)
    selected = check(graph, select=["SVC-*"], ignore=["SVC-003"])
    assert {r.id for r in selected.rules} == {r for r in everything if r.startswith("SVC-")} - {
        "SVC-003"
    }


def test_severity_override_by_id_and_glob(make_model) -> None:
    folder = make_model(
        {"province": "ubnd-tinh"},
        {"m.yaml": SERVICES},
        rules={
            "packs": ["vn-dgov-4.0"],
            "severity": {"SVC-*": "info", "SVC-003": "warning", "NOPE-*": "error"},
        },
    )
    result = check(load_graph(folder), select=["SVC-003", "SVC-004"])
    by_rule = {f.rule_id: f.severity for f in result.findings}
    assert by_rule == {"SVC-003": Severity.WARNING, "SVC-004": Severity.INFO}
    # a setting that matches no rule is reported, never silently ignored
    assert [n.code for n in result.notes] == ["rules-config"]
    assert "NOPE-*" in result.notes[0].message


def test_user_pack_from_a_path(make_model) -> None:
    folder = make_model(
        {},
        {"m.yaml": "components:\n  - {id: app, kind: application, name: Ứng dụng}\n"},
        rules={"packs": ["packs/local.yaml"]},
        exclude=["packs/**"],
    )
    # inside the model folder (eakit reads nothing outside it), excluded from the model files
    shutil.copytree(FIXTURES / "packs", folder / "packs")
    result = check(load_graph(folder))
    assert result.packs == ["tinh-mau-local"]
    assert [f.id for f in result.findings] == ["LOC-001@app"]
    assert result.findings[0].basis[0].document == "Quyết định 01/2024/QĐ-UBND"


@pytest.mark.parametrize(
    ("pack", "expected"),
    [
        (
            "unknown-check.yaml",
            [
                "unknown kind 'aplication' (did you mean 'application'?)",
                "unknown registered check 'no_such_check'",
            ],
        ),
        ("bad-schema.yaml", ["'critical' is not one of", "'rationale' is a required property"]),
    ],
)
def test_broken_pack_is_a_located_error(make_model, pack: str, expected: list[str]) -> None:
    folder = make_model(
        {}, {"m.yaml": "components: []\n"}, rules={"packs": [f"packs/{pack}"]}, exclude=["packs/**"]
    )
    shutil.copytree(FIXTURES / "packs", folder / "packs")
    with pytest.raises(ModelLoadError) as caught:
        check(load_graph(folder))
    diagnostics = caught.value.diagnostics
    assert all(d.location.file == f"packs/{pack}" and d.location.line > 1 for d in diagnostics)
    text = " | ".join(in_lang(d.message, "en") for d in diagnostics)
    for fragment in expected:
        assert fragment in text


def test_unknown_builtin_pack_is_reported_at_the_manifest(make_model) -> None:
    folder = make_model({}, {"m.yaml": "components: []\n"}, rules={"packs": ["vn-egov-2.1"]})
    with pytest.raises(ModelLoadError) as caught:
        check(load_graph(folder))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location.file == "eakit.yaml"
    assert "did you mean 'vn-egov-2.0'" in in_lang(diagnostic.message, "en")


def test_legal_registry_periods() -> None:
    docs = load_registry(RULES / "legal-basis.yaml", "legal-basis.yaml")
    assert docs["nd-47-2020"].in_force(dt.date(2025, 10, 21))
    assert not docs["nd-47-2020"].in_force(dt.date(2025, 10, 22))
    assert docs["nd-278-2025"].in_force(dt.date(2025, 10, 22))
    assert docs["nd-13-2023"].in_force(dt.date(2025, 12, 31))
    assert not docs["nd-13-2023"].in_force(dt.date(2026, 1, 1))
    assert docs["law-91-2025"].in_force(dt.date(2026, 1, 1))
    frameworks = ["cv-1178-2015", "qd-2323-2019", "qd-2568-2023", "qd-292-2025"]
    for day in (
        dt.date(2015, 12, 31),
        dt.date(2020, 6, 1),
        dt.date(2024, 6, 1),
        dt.date(2026, 1, 1),
    ):
        assert sum(docs[d].in_force(day) for d in frameworks) == 1
    assert docs["tt-27-2017"].confidence == "low"  # background knowledge only
    assert docs["nd-85-2016"].confidence == "verified"


def test_output_is_deterministic(make_model) -> None:
    from eakit.render.json_report import render_json

    graph = load_graph(_model(make_model))
    assert render_json(graph, check(graph)) == render_json(graph, check(graph))


def test_readiness_is_scored_when_first_read(make_model) -> None:
    """A text report shows no readiness: a check scores it only when something reads it,
    and then once."""
    graph = load_graph(_model(make_model))
    result = check(graph, select=["SVC-001", "BUS-001"])
    assert callable(result.__dict__["_readiness"])  # not scored yet
    first = result.readiness
    assert first is not None and result.__dict__["_readiness"] is first
    assert result.readiness is first
    given = CheckResult(as_of=result.as_of, framework="f", packs=[], readiness=first)
    assert given.readiness is first and CheckResult(dt.date(2020, 1, 1), "f", []).readiness is None
