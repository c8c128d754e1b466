"""Model diff: exact change sets on fixture models, findings and scores, formats, git."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.diagnostics import Severity
from eakit.findings import CheckResult, Finding, Readiness, Score
from eakit.graph import ModelGraph
from eakit.interop.diff import FieldChange, diff_models
from eakit.pipeline import load_graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "interop" / "diff"


@pytest.fixture(scope="module")
def old() -> ModelGraph:
    return load_graph(FIXTURES / "old")


@pytest.fixture(scope="module")
def new() -> ModelGraph:
    return load_graph(FIXTURES / "new")


def _finding(rule: str, component: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        rule, severity, f"{rule} on {component}", component, None, "applications", "t", "t"
    )


def _result(findings: list[Finding], overall: Score, layer: Score) -> CheckResult:
    return CheckResult(
        as_of=dt.date(2021, 12, 31),
        framework="vn-egov-2.0",
        packs=["vn-egov-2.0"],
        findings=findings,
        readiness=Readiness(overall, overall, by_layer={"applications": layer}),
    )


def test_exact_component_and_relation_changes(old: ModelGraph, new: ModelGraph) -> None:
    diff = diff_models(old, new)
    assert [c.id for c in diff.added] == ["e-office"]
    assert [c.id for c in diff.removed] == ["kiosk"]
    assert [(c.component.id, c.changes) for c in diff.changed] == [
        (
            "mot-cua",
            (
                FieldChange("tags", ["dùng chung", "một cửa"], ["dùng chung", "một cửa", "DVC"]),
                FieldChange("security_level", 3, 4),
            ),
        )
    ]
    assert [str(r) for r in diff.relations_added] == ["e-office --integrates_with--> lgsp"]
    assert [str(r) for r in diff.relations_removed] == ["cong-dvc --serves--> cong-dan"]
    [changed] = diff.relations_changed
    assert (str(changed.relation), changed.changes) == (
        "mot-cua --integrates_with--> lgsp",
        (FieldChange("protocol", "REST", "SOAP"),),
    )
    assert diff.architecture == (FieldChange("as_of", "2020-12-31", "2021-12-31"),)
    assert not diff.findings_compared and diff.readiness == []


def test_a_model_against_itself_has_no_changes(old: ModelGraph) -> None:
    diff = diff_models(old, load_graph(FIXTURES / "old"))
    assert diff.is_empty()
    assert diff.to_text("en").endswith(": none\n")
    assert diff.to_text().endswith(": không có\n")


def test_findings_and_readiness_changes(old: ModelGraph, new: ModelGraph) -> None:
    before = _result(
        [_finding("SEC-001", "mot-cua"), _finding("INT-002", "kiosk", Severity.WARNING)],
        Score(6, 10),
        Score(2, 4),
    )
    after = _result(
        [_finding("SEC-001", "mot-cua"), _finding("APP-003", "e-office")],
        Score(8, 10),
        Score(3, 4),
    )
    diff = diff_models(old, new, before, after)
    assert [f.id for f in diff.findings_new] == ["APP-003@e-office"]
    assert [f.id for f in diff.findings_resolved] == ["INT-002@kiosk"]
    scores = {s.scope: s.delta for s in diff.readiness}
    assert scores == {"overall": 20.0, "overall at horizon": 20.0, "layer applications": 25.0}
    data = diff.to_dict()
    assert data["findings"]["new"][0]["id"] == "APP-003@e-office"
    assert data["readiness"][0]["new"]["ratio"] == 0.8
    markdown = diff.to_markdown("en")
    assert "| Findings | 1 new | 1 resolved | |" in markdown
    assert "| Readiness | 60.0% → 80.0% (+20.0) | | |" in markdown
    # Vietnamese numbers take a decimal comma.
    assert "60,0% → 80,0% (+20,0)" in diff.to_markdown("vi")
    assert "60,0% → 80,0% (+20,0)" in diff.to_text("vi")
    assert markdown.count("<details>") == markdown.count("</details>") == 5


def test_markdown_summary_table_and_collapsible_details(old: ModelGraph, new: ModelGraph) -> None:
    markdown = diff_models(old, new, old_label="v1", new_label="v2").to_markdown("en")
    lines = markdown.splitlines()
    assert lines[0] == "### Model changes: `v1` → `v2`"
    assert "| Components | 1 | 1 | 1 |" in lines
    assert "| Relations | 1 | 1 | 1 |" in lines
    assert "<summary>Components (3)</summary>" in lines
    assert "| ✏️ | mot-cua —integrates with→ lgsp | Protocol: `REST` → `SOAP` |" in lines


def test_the_markdown_and_the_listing_are_vietnamese_by_default(old, new) -> None:
    diff = diff_models(old, new, old_label="v1", new_label="v2")
    markdown = diff.to_markdown().splitlines()
    assert markdown[0] == "### Thay đổi mô hình: `v1` → `v2`"
    assert "| Thành phần | 1 | 1 | 1 |" in markdown
    text = diff.to_text()
    assert text.startswith("Thay đổi từ v1 sang v2\n")
    assert "thành phần: thêm 1, bỏ 1, đổi 1" in text
    assert "  + e-office (Ứng dụng) Hệ thống điều hành tác nghiệp" in text
    # No English word of the listing is left.
    for word in ("added", "removed", "changed", "components", "relations", "(application)"):
        assert word not in text


def test_cli_json_output(tmp_path: Path) -> None:
    out = tmp_path / "diff.json"
    result = CliRunner().invoke(
        build_app(),
        [
            "diff",
            str(FIXTURES / "old"),
            str(FIXTURES / "new"),
            "--no-check",
            "-f",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert [c["id"] for c in data["components"]["added"]] == ["e-office"]
    assert data["relations"]["changed"][0]["changes"] == [
        {"field": "protocol", "old": "REST", "new": "SOAP"}
    ]
    assert data["findings"] is None


def test_cli_needs_two_models() -> None:
    result = CliRunner().invoke(
        build_app(), ["diff", str(FIXTURES / "old"), "--no-check", "--lang", "en"]
    )
    assert result.exit_code == 2
    assert "give two model folders" in result.output


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_cli_compares_two_git_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "old", repo / "mo-hinh")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "old")
    shutil.rmtree(repo / "mo-hinh")
    shutil.copytree(FIXTURES / "new", repo / "mo-hinh")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "new")
    monkeypatch.chdir(repo)
    runner = CliRunner()
    result = runner.invoke(
        build_app(), ["diff", "--git", "HEAD~1", "HEAD", "mo-hinh", "--no-check", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Changes from HEAD~1:mo-hinh to HEAD:mo-hinh\n")
    assert "  + e-office (Application) Hệ thống điều hành tác nghiệp\n" in result.output
    assert "  - kiosk (Channel)" in result.output
    bad = runner.invoke(build_app(), ["diff", "--git", "nope", "HEAD", "mo-hinh", "--no-check"])
    assert bad.exit_code == 2
    assert "unknown revision 'nope'" in bad.output
