"""`eakit docs` and `eakit build`: outputs, exit codes, atomic replacement."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from tests.conftest import FIXTURES

MINI = FIXTURES / "valid" / "mini"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_docs_writes_the_site(tmp_path, runner):
    result = runner.invoke(build_app(), ["docs", str(MINI), "-o", str(tmp_path), "--no-diagrams"])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "agencies" / "so-tu-phap.html").is_file()


def test_docs_invalid_model_exits_2(tmp_path, runner):
    bad = tmp_path / "bad"
    shutil.copytree(MINI, bad)
    (bad / "agencies.yaml").write_text(
        "components:\n  - id: x\n    kind: agncy\n    name: X\n", "utf-8"
    )
    result = runner.invoke(build_app(), ["docs", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_build_writes_everything_in_one_folder(tmp_path, runner):
    out = tmp_path / "reports"
    result = runner.invoke(build_app(), ["build", str(MINI), "-o", str(out), "--fail-on", "info"])
    findings = json.loads((out / "check.json").read_text("utf-8"))
    active = [f for f in findings["findings"] if f["waived"] is None]
    assert result.exit_code == (1 if active or findings["notes"] else 0), result.output
    for name in ("check.json", "check.sarif", "findings.txt", "readiness.xlsx", "site/index.html"):
        assert (out / name).is_file(), name
    svgs = sorted((out / "diagrams").glob("*.svg"))
    assert svgs
    assert "../site/" in svgs[0].read_text("utf-8")


def test_build_without_graphviz_is_a_clear_error(tmp_path, runner, monkeypatch):
    from eakit.render.diagrams import GraphvizError

    def missing(*_args, **_kwargs):
        raise GraphvizError("Graphviz 'dot' could not be run; apt-get install graphviz")

    monkeypatch.setattr("eakit.render.diagrams.render.dot_binary", missing)
    out = tmp_path / "reports"
    result = runner.invoke(build_app(), ["build", str(MINI), "-o", str(out)])
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.output
    assert not out.exists()  # nothing half-written


def test_build_exit_code_follows_fail_on(tmp_path, runner, monkeypatch):
    from eakit.diagnostics import Location, Severity
    from eakit.findings import CheckResult, Finding, RuleInfo

    def fake_check(graph, **_):
        return CheckResult(
            as_of=graph.architecture.as_of,
            framework="vn-egov-2.0",
            packs=["vn-egov-2.0"],
            findings=[
                Finding(
                    "X-001",
                    Severity.WARNING,
                    "m",
                    "lgsp",
                    Location("systems.yaml", 8, 5),
                    "integration",
                    "t",
                    "t",
                )
            ],
            rules=[
                RuleInfo(
                    "X-001", "t", "t", Severity.WARNING, "integration", "vn-egov-2.0", (), "r", "f"
                )
            ],
        )

    monkeypatch.setattr("eakit.cli.build.run_check", fake_check)
    args = ["build", str(MINI), "-o", str(tmp_path / "r"), "--no-diagrams"]
    assert runner.invoke(build_app(), args).exit_code == 0
    assert runner.invoke(build_app(), [*args, "--fail-on", "warning"]).exit_code == 1


def test_failed_build_leaves_previous_reports(tmp_path, runner, monkeypatch):
    out = tmp_path / "reports"
    out.mkdir()
    (out / ".eakit-build").write_text("", "utf-8")  # a previous build's folder
    (out / "check.json").write_text("previous", "utf-8")

    def broken(self, _out: Path) -> None:
        from eakit.render.site import SiteBuildError

        raise SiteBuildError("mkdocs build failed: simulated")

    monkeypatch.setattr("eakit.cli.build.BuildJob.site", broken)
    result = runner.invoke(build_app(), ["build", str(MINI), "-o", str(out), "--no-diagrams"])
    assert result.exit_code == 2
    assert "simulated" in result.output
    assert (out / "check.json").read_text("utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["reports"]  # no staging folder left


def test_build_refuses_a_folder_it_did_not_write(tmp_path, runner):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    args = ["build", str(MINI), "-o", str(out), "--no-diagrams", "--lang", "en"]
    result = runner.invoke(build_app(), args)
    assert result.exit_code == 2
    assert "not written by eakit" in result.output
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(build_app(), [*args, "--force"])
    assert forced.exit_code == 2  # --force never replaces a folder eakit did not write
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"
    (out / "mine.txt").unlink()  # the user empties it: now it may be written
    assert runner.invoke(build_app(), args).exit_code in (0, 1)
    assert (out / ".eakit-output").is_file()
    # a folder eakit wrote is replaced again without --force
    assert runner.invoke(build_app(), args).exit_code in (0, 1)


def test_build_never_replaces_the_model_or_the_working_folder(tmp_path, runner, monkeypatch):
    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    monkeypatch.chdir(tmp_path)
    for target in (str(tmp_path), ".", str(model)):
        args = ["build", str(model), "-o", target, "--force", "--lang", "en"]
        result = runner.invoke(build_app(), args)
        assert result.exit_code == 2, target
        assert "refusing to replace" in result.output
    assert (model / "eakit.yaml").is_file()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_build_draws_the_views_once_for_diagrams_and_site(tmp_path, runner, monkeypatch):
    from eakit.render import diagrams

    calls: list[dict[str, object]] = []
    real = diagrams.draw_views

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(diagrams, "draw_views", counting)
    build = runner.invoke(build_app(), ["build", str(MINI), "-o", str(tmp_path / "b")])
    assert build.exit_code in (0, 1), build.output
    # The SVG views are drawn once for diagrams/ and the site; the report document draws
    # its three pictures as PNG, once.
    assert [c["formats"] for c in calls] == [("svg",), ("png",)]
    assert calls[1]["views"] == ["overview", "integration", "infrastructure", "resilience"]
    calls.clear()
    docs = runner.invoke(build_app(), ["docs", str(MINI), "-o", str(tmp_path / "d")])
    assert docs.exit_code in (0, 1), docs.output
    assert len(calls) == 1  # the site alone draws its own
    # The same site either way; the standalone diagrams link into it.
    assert _files(tmp_path / "b" / "site") == _files(tmp_path / "d" / "site")
    svgs = {p.name: p.read_text("utf-8") for p in (tmp_path / "b" / "diagrams").glob("*.svg")}
    linked = [name for name, text in svgs.items() if "<a xlink:href=" in text]
    assert linked
    for name in linked:
        assert svgs[name].count('<a xlink:href="../site/') == svgs[name].count("<a xlink:href=")
