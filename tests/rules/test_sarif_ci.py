"""SARIF for code scanning: rule help pages, paths from the repository root, GitHub's limits."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.render import ci_formats

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
    owner: so-tu-phap
    deployed_at: [so-tu-phap]
"""


@pytest.fixture
def model(make_model) -> Path:
    return make_model(
        {"province": "ubnd-tinh", "approval": {"decision_ref": "1/QĐ-UBND"}},
        {"layers/m.yaml": MODEL},
        rules={"packs": ["vn-dgov-4.0"]},
    )


def sarif(*args: str) -> tuple[dict, str]:
    out = CliRunner().invoke(build_app(), ["check", *args, "-f", "sarif"])
    assert out.exit_code in (0, 1), out.output
    log = json.loads(out.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log, out.stderr


def uris(log: dict) -> set[str]:
    return {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for loc in result["locations"]
    }


def test_every_rule_links_its_documentation_page(model: Path) -> None:
    log, _ = sarif(str(model))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == ci_formats.DOCS_URL
    assert driver["informationUri"].startswith("https://")
    assert driver["rules"]
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"{ci_formats.DOCS_URL}rules/{rule['id']}.html"
        # The page exists in the project's documentation.
        assert (ROOT / "docs" / "rules" / f"{rule['id']}.md").is_file(), rule["id"]


def test_paths_start_at_the_repository_root(model: Path) -> None:
    (model.parent / ".git").mkdir()  # the model lives in a repository, one folder down
    log, _ = sarif(str(model))
    assert uris(log) == {"model/eakit.yaml", "model/layers/m.yaml"}


def test_paths_start_at_a_worktree_root(model: Path) -> None:
    # In a git worktree or submodule, .git is a file.
    (model.parent / ".git").write_text("gitdir: /elsewhere\n", "utf-8")
    log, _ = sarif(str(model))
    assert uris(log) == {"model/eakit.yaml", "model/layers/m.yaml"}


def test_outside_a_repository_paths_start_at_the_current_folder(
    model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(model / "layers")
    log, _ = sarif(str(model))
    assert uris(log) == {"../eakit.yaml", "m.yaml"}


def test_base_path_option(model: Path, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    log, _ = sarif(str(model), "--base-path", str(model))
    assert uris(log) == {"eakit.yaml", "layers/m.yaml"}
    out = CliRunner().invoke(
        build_app(), ["check", str(model), "-f", "junit", "--base-path", str(model)]
    )
    assert "layers/m.yaml:" in out.stdout
    assert "model/layers" not in out.stdout


def test_over_the_result_limit_the_most_serious_are_kept_with_a_note(
    model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full, stderr = sarif(str(model))
    total = len(full["runs"][0]["results"])
    assert total >= 3 and "sarif-truncated" not in json.dumps(full) and not stderr
    limits = ci_formats.SarifLimits(max_results=2)
    monkeypatch.setattr(ci_formats, "GITHUB_LIMITS", limits)
    log, stderr = sarif(str(model))
    run = log["runs"][0]
    assert len(run["results"]) == 2
    rank = {"error": 0, "warning": 1, "note": 2}
    kept = sorted(rank[r["level"]] for r in run["results"])
    assert kept == sorted(rank[r["level"]] for r in full["runs"][0]["results"])[:2]
    notes = [
        n
        for n in run["invocations"][0]["toolExecutionNotifications"]
        if n["descriptor"]["id"] == "sarif-truncated"
    ]
    assert len(notes) == 1
    note = notes[0]
    assert note["properties"] == {
        "total": total,
        "kept": 2,
        "leftOut": total - 2,
        "maxResults": 2,
    }
    text = note["message"]["text"]
    assert f"{total - 2} phát hiện" in text and "--select" in text and "--fail-on" in text
    assert "cảnh báo:" in stderr and f"2 trong {total}" in stderr and "--select" in stderr
    english, stderr = sarif(str(model), "--lang", "en")
    note = english["runs"][0]["invocations"][0]["toolExecutionNotifications"][-1]
    assert note["message"]["text"].startswith(f"The SARIF file keeps 2 of {total} findings")
    assert stderr.startswith("warning: The SARIF file keeps 2")


def test_truncation_note_in_english() -> None:
    text = ci_formats.truncation_note(30_000, ci_formats.GITHUB_LIMITS, "en")
    assert text.startswith("The SARIF file keeps 25000 of 30000 findings")
    assert "5000 less serious findings were left out" in text


def test_github_limits_are_the_documented_ones() -> None:
    # docs.github.com: "SARIF results exceed limit": 25,000 results per run.
    assert ci_formats.GITHUB_LIMITS.max_results == 25_000


@pytest.mark.parametrize(
    ("lang", "basis", "other"), [("vi", "Căn cứ", "Basis"), ("en", "Basis", "Căn cứ")]
)
def test_rule_descriptions_speak_the_output_language(
    model: Path, lang: str, basis: str, other: str
) -> None:
    log, _ = sarif(str(model), "--select", "APP-003", "--lang", lang)
    [rule] = log["runs"][0]["tool"]["driver"]["rules"]
    short = rule["shortDescription"]["text"]
    assert short.startswith("Every") == (lang == "en"), short
    assert f"\n{basis}:\n" in rule["help"]["text"] and f"*{basis}:*" in rule["help"]["markdown"]
    assert other not in rule["help"]["text"] + rule["help"]["markdown"]
