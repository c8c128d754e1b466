"""Waivers, the command line (exit codes, --select/--ignore/--fail-on/--waivers) and the CI
outputs: SARIF validated against the official 2.1.0 schema, JUnit read back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app

from .conftest import ROOT

SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"

MODEL = """\
components:
  - {id: ubnd-tinh, kind: agency, agency_type: provincial_people_committee, name: UBND tỉnh}
  - {id: so-y-te, kind: agency, agency_type: department, name: Sở Y tế, parent: ubnd-tinh}
  - {id: so-tu-phap, kind: agency, agency_type: department, name: Sở Tư pháp, parent: ubnd-tinh}
  - id: mot-cua
    kind: application
    app_type: public_service_system
    name: Một cửa điện tử
    name_en: One-stop system
    owner: so-tu-phap
    deployed_at: [so-tu-phap]
"""

WAIVERS = """\
waivers:
  - rule: BUS-001
    component: so-y-*
    reason: Sở Y tế joins the system in the 2026 roll-out
    owner: so-tt-tt
    expires: 2026-12-31
  - rule: SEC-*
    component: mot-cua
    reason: old acceptance
    owner: so-tt-tt
    expires: 2025-06-30
  - rule: GOV-002
    component: nothing-here
    reason: stale entry
    owner: so-tt-tt
    expires: 2027-01-01
"""


@pytest.fixture
def model(make_model, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Waivers expire against the real date: fix it (2026-06-01) so the test does not age.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780272000")
    return make_model(
        {"province": "ubnd-tinh", "approval": {"decision_ref": "1/QĐ-UBND"}},
        {"m.yaml": MODEL, "waivers.yaml": WAIVERS},
        rules={"packs": ["vn-dgov-4.0"]},
        waivers="waivers.yaml",
    )


def run(*args: str):
    return CliRunner().invoke(build_app(), list(args))


def test_waivers_match_expire_and_go_unused(model: Path) -> None:
    out = run(
        "check",
        str(model),
        "-f",
        "json",
        "--select",
        "BUS-001",
        "--select",
        "SEC-001",
        "--select",
        "GOV-002",
    )
    payload = json.loads(out.stdout)
    findings = {f["id"]: f for f in payload["findings"]}
    # the pattern waiver matches, the finding stays visible, marked waived
    assert findings["BUS-001@so-y-te"]["waived"]["owner"] == "so-tt-tt"
    # the expired waiver does not apply: SEC-001 on mot-cua is active
    assert findings["SEC-001@mot-cua"]["waived"] is None
    notes = {n["code"]: n for n in payload["notes"]}
    assert notes["waiver-expired"]["severity"] == "warning"
    assert notes["waiver-expired"]["location"] == {"file": "waivers.yaml", "line": 7, "col": 5}
    assert notes["waiver-unused"]["severity"] == "info"
    assert payload["counts"]["waived"] == 1
    # SEC-001 is an error: exit 1; with only the waived BUS-001 finding: exit 0
    assert out.exit_code == 1
    assert run("check", str(model), "--select", "BUS-001").exit_code == 0


def test_waived_findings_do_not_count_in_scores(model: Path) -> None:
    payload = json.loads(run("check", str(model), "-f", "json", "--select", "BUS-001").stdout)
    # two departments; the waived one is left out, the other passes (one error check of
    # weight 3: the figures were 1/1 before checks were weighted by severity)
    assert payload["readiness"]["overall"] == {
        "passed": 3,
        "total": 3,
        "ratio": 1.0,
        "errors": 0,
        "status": "met",
    }


def test_waivers_option_and_malformed_file(model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "waivers:\n  - rule: SEC-001\n    component: x\n    reason: r\n    owner: o\n"
        "    expires: 31/12/2026\n",
        "utf-8",
    )
    out = run("check", str(model), "--waivers", str(broken), "--lang", "en")
    assert out.exit_code == 2
    assert "broken.yaml:6:5" in out.stderr and "does not match" in out.stderr
    broken.write_text(broken.read_text("utf-8").replace("31/12/2026", "2026-02-30"), "utf-8")
    out = run("check", str(model), "--waivers", str(broken))
    assert out.exit_code == 2
    assert "broken.yaml:6:5: lỗi: '2026-02-30' không phải là một ngày có thật" in out.stderr
    empty = tmp_path / "none.yaml"
    empty.write_text("waivers: []\n", "utf-8")
    payload = json.loads(run("check", str(model), "-f", "json", "--waivers", str(empty)).stdout)
    assert payload["counts"]["waived"] == 0


def test_fail_on_select_and_ignore(model: Path) -> None:
    # GOV-012 (info): the agencies have no English name; info does not fail by default
    names = run("check", str(model), "--select", "GOV-012", "--lang", "en")
    assert "INFO GOV-012" in names.stdout and names.exit_code == 0
    # APP-003 (error) fails: mot-cua is hosted nowhere
    assert run("check", str(model), "--select", "APP-003").exit_code == 1
    # GOV-011 (info) fails only with --fail-on info
    assert run("check", str(model), "--select", "GOV-011").exit_code == 0
    assert run("check", str(model), "--select", "GOV-011", "--fail-on", "info").exit_code == 1
    text = run("check", str(model), "--select", "APP-*", "--ignore", "APP-003").stdout
    assert "APP-003" not in text and "APP-002" in text
    assert run("check", str(model), "--as-of", "2026-13-01").exit_code == 2


def test_unknown_rule_ids_are_refused_with_a_suggestion(model: Path) -> None:
    """A typo in --select once selected nothing and exited 0: CI passed a model with
    errors. Every pattern must match a rule; a glob that matches one is fine."""
    out = run("check", str(model), "--select", "APP-01", "--lang", "en")
    assert out.exit_code == 2
    assert "--select 'APP-01' matches no rule (did you mean 'APP-001'?)" in out.stderr
    out = run("check", str(model), "--select", "APP-*", "--ignore", "GOV-99")
    assert out.exit_code == 2 and "--ignore 'GOV-99'" in out.stderr
    assert run("check", str(model), "--select", "APP-00?").exit_code == 1


def test_a_waiver_naming_no_rule_is_refused(model: Path, tmp_path: Path) -> None:
    """A waiver for a mistyped rule would never apply and never be noticed."""
    typo = tmp_path / "typo.yaml"
    typo.write_text(
        "waivers:\n  - rule: GOV-02\n    component: x\n    reason: r\n    owner: o\n"
        "    expires: 2030-12-31\n",
        "utf-8",
    )
    out = run("check", str(model), "--waivers", str(typo), "--lang", "en")
    assert out.exit_code == 2
    assert "typo.yaml:2:5" in out.stderr
    assert "waiver rule 'GOV-02' matches no rule (did you mean 'GOV-002'?)" in out.stderr


def test_text_lines_are_located(model: Path) -> None:
    out = run("check", str(model), "--select", "APP-003")
    # waivers of rules that did not run are not reported as unused
    assert "waiver-unused" not in out.stdout
    (line,) = [x for x in out.stdout.splitlines() if "APP-003" in x]
    assert line.endswith(
        "m.yaml:5:5: LỖI APP-003 Ứng dụng “Một cửa điện tử” đang vận hành nhưng chưa khai báo "
        "nơi đặt (trung tâm dữ liệu, đám mây hoặc phòng máy chủ)."
    )
    english = run("check", str(model), "--select", "APP-003", "--lang", "en").stdout
    (line,) = [x for x in english.splitlines() if "APP-003" in x]
    assert line.endswith(
        "m.yaml:5:5: ERROR APP-003 Application “One-stop system” is in operation but hosted "
        "nowhere declared (data centre, cloud or server room)."
    )


def test_sarif_is_valid_and_carries_suppressions(model: Path) -> None:
    out = run("check", str(model), "-f", "sarif")
    log = json.loads(out.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = {r["partialFingerprints"]["eakitFindingId/v1"]: r for r in run_["results"]}
    waived = results["BUS-001@so-y-te"]
    assert waived["suppressions"][0]["status"] == "accepted"
    app = results["APP-003@mot-cua"]
    region = app["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert region["artifactLocation"]["uri"].endswith("m.yaml")
    assert region["region"] == {"startLine": 5, "startColumn": 5}
    assert rules[app["ruleIndex"]]["id"] == "APP-003"
    codes = [n["descriptor"]["id"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
    assert sorted(codes) == ["waiver-expired", "waiver-unused"]


def test_junit_reads_back(model: Path) -> None:
    out = run("check", str(model), "-f", "junit", "--select", "BUS-001", "--select", "APP-003")
    root = ET.fromstring(out.stdout)
    suites = {s.get("name").split()[0]: s for s in root.iter("testsuite")}
    bus = suites["BUS-001"]
    cases = {c.get("name"): c for c in bus.iter("testcase")}
    assert set(cases) == {"so-y-te", "so-tu-phap"}
    assert cases["so-y-te"].find("skipped") is not None  # waived
    assert cases["so-tu-phap"].find("failure") is None  # passes
    failure = suites["APP-003"].find("testcase/failure")
    assert failure is not None and failure.get("type") == "error"
    assert "m.yaml:5:5" in failure.text
    assert root.get("failures") == "1" and root.get("skipped") == "1" and root.get("tests") == "3"


def test_findings_follow_the_output_language(model: Path, tmp_path: Path) -> None:
    import openpyxl

    vi = json.loads(run("check", str(model), "-f", "json", "--select", "SEC-001").stdout)
    en = json.loads(
        run("check", str(model), "-f", "json", "--select", "SEC-001", "--lang", "en").stdout
    )
    (vi_finding,) = vi["findings"]
    (en_finding,) = en["findings"]
    assert vi_finding["message"].startswith("Ứng dụng “Một cửa điện tử” chưa được xác định cấp độ")
    assert vi_finding["remediation"].startswith("Xác định cấp độ an toàn hệ thống thông tin")
    assert en_finding["message"].startswith("Application “One-stop system” has no security level")
    assert en_finding["remediation"].startswith("Determine the security level")
    out = tmp_path / "report"
    run("report", str(model), "-o", str(out), "--lang", "en")  # exit 1: the model has errors
    workbook = out / "readiness.xlsx"
    cells = {
        str(cell.value)
        for sheet in openpyxl.load_workbook(workbook).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    }
    assert any(c.startswith("Application “One-stop system” has no security level") for c in cells)


class _Stop(Exception):
    """Ends a command once it has asked for its check."""


@pytest.mark.parametrize(
    ("command", "patch"),
    [
        ("docs", "eakit.cli.docs.run_check"),
        ("build", "eakit.cli.build.run_check"),
        ("diagram", "eakit.cli.common.check_kept"),
        ("report", "eakit.cli.report.run_check"),
    ],
)
def test_every_report_command_checks_in_its_language(
    model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, patch: str
) -> None:
    asked: list[str] = []

    def check_kept(graph: object, **options: object) -> None:
        asked.append(options.get("lang", "vi"))
        raise _Stop

    monkeypatch.setattr(patch, check_kept)
    for lang in ("vi", "en"):
        out = tmp_path / lang
        result = run(command, str(model), "-o", str(out), "--lang", lang)
        assert isinstance(result.exception, _Stop), result.output
    assert asked == ["vi", "en"]


@pytest.mark.parametrize(
    ("lang", "said", "other"),
    [
        ("vi", ("LỖI APP-003", "Cách khắc phục:", "miễn trừ:"), ("Remediation", "waived:")),
        ("en", ("ERROR APP-003", "Remediation:", "waived:"), ("Cách khắc phục", "miễn trừ")),
    ],
)
def test_junit_speaks_the_output_language(
    model: Path, lang: str, said: tuple[str, ...], other: tuple[str, ...]
) -> None:
    selected = ("--select", "BUS-001", "--select", "APP-003")
    out = run("check", str(model), "-f", "junit", *selected, "--lang", lang)
    root = ET.fromstring(out.stdout)
    names = {s.get("name") for s in root.iter("testsuite")}
    vietnamese = any("Hệ thống" in name or "Cơ quan" in name for name in names)
    assert vietnamese == (lang == "vi"), names
    for text in said:
        assert text in out.stdout
    for text in other:
        assert text not in out.stdout
