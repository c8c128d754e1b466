"""The project's own documentation: generated pages are current, and it builds strictly."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from eakit.render.site import cli_reference, reference
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def test_model_format_page_is_up_to_date():
    committed = (DOCS / "model-format.md").read_text("utf-8")
    assert committed == reference.render(), (
        "docs/model-format.md is stale: "
        "run python -m eakit.render.site.reference docs/model-format.md"
    )


def test_model_format_page_documents_every_kind_and_relation():
    from eakit import metamodel
    from eakit.model import relation_types

    text = reference.render()
    for kind in metamodel.kinds(framework=True):
        assert f"#### `{kind}`" in text
    for kind in metamodel.kinds(framework=False):
        assert f"| `{kind}` |" in text
    for name in relation_types():
        assert f"| `{name}` |" in text


def test_cli_page_is_up_to_date():
    committed = (DOCS / "cli.md").read_text("utf-8")
    assert committed == cli_reference.render(), (
        "docs/cli.md is stale: run python -m eakit.render.site.cli_reference docs/cli.md"
    )


def test_every_command_is_documented():
    import typer

    from eakit.cli.main import build_app

    group = typer.main.get_command(build_app())
    ctx = group.context_class(group, info_name="eakit")
    text = cli_reference.render()
    for name in group.list_commands(ctx):
        assert f"## `eakit {name}`" in text


def test_pre_commit_hook():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "eakit-check")
    assert hook["pass_filenames"] is False
    assert hook["entry"].split()[:2] == ["eakit", "check"]


def test_ci_recipe_uploads_sarif():
    text = (DOCS / "ci.md").read_text("utf-8")
    workflow = yaml.safe_load(
        re.search(r"```yaml\n(# \.github/workflows.*?)```", text, re.S).group(1)
    )
    steps = workflow["jobs"]["check"]["steps"]
    assert any("--format sarif" in s.get("run", "") for s in steps)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)


def test_documented_rule_pack_works(tmp_path):
    """The pack the rule-pack guide writes, added to a new model the way the guide says,
    loads and its rules run."""
    from eakit.pipeline import check, load_graph
    from eakit.scaffold import scaffold

    text = (DOCS / "rule-packs.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    manifest = yaml.safe_load(next(b for b in blocks if b.startswith("# eakit.yaml")))
    pack_text = next(b for b in blocks if re.search(r"^pack: ", b, re.M) and "rules:" in b)
    pack = yaml.safe_load(pack_text)
    local = next(p for p in manifest["rules"]["packs"] if p.endswith(".yaml"))
    model = tmp_path / "m"
    scaffold(model)
    pack_file = (model / local).resolve()
    pack_file.parent.mkdir(parents=True, exist_ok=True)
    pack_file.write_text(pack_text, "utf-8")
    original = (model / "eakit.yaml").read_text("utf-8")
    packs = json.dumps(["vn-egov-2.0", local])
    edited = original.replace("  # packs: [vn-dgov-4.0]", f"  packs: {packs}")
    assert edited != original
    (model / "eakit.yaml").write_text(edited, "utf-8")
    result = check(load_graph(model))
    assert {r["id"] for r in pack["rules"]} <= {r.id for r in result.rules}


@pytest.mark.slow
def test_project_docs_build_strict(tmp_path):
    mkdocs = shutil.which("mkdocs", path=str(ROOT / ".venv" / "bin")) or shutil.which("mkdocs")
    command = [mkdocs] if mkdocs else [sys.executable, "-m", "mkdocs"]
    done = subprocess.run(
        [
            *command,
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "model-format.html").is_file()
