"""``eakit export archimate`` and ``eakit import archimate`` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.pipeline import load_graph
from eakit.text import vi_date

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINI = FIXTURES / "valid" / "mini"
SAMPLE = FIXTURES / "interop" / "examples" / "sample1.xml"


def test_export_then_import_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    xml = tmp_path / "mini.xml"
    exported = runner.invoke(build_app(), ["export", "archimate", str(MINI), "-o", str(xml)])
    assert exported.exit_code == 0, exported.output
    out = tmp_path / "model"
    imported = runner.invoke(
        build_app(), ["import", "archimate", str(xml), "-o", str(out), "--lang", "en"]
    )
    assert imported.exit_code == 0, imported.output
    assert "8 of 8 elements kept as components (100%)" in imported.output
    assert "date: 2020-12-31 (from the file's eakit:as_of)" in imported.output
    assert load_graph(out).ids() == load_graph(MINI).ids()
    assert (out / "import-report.md").is_file()
    again = runner.invoke(
        build_app(), ["import", "archimate", str(xml), "-o", str(out), "--lang", "en"]
    )
    assert again.exit_code == 2 and "pass --force" in again.output
    forced = runner.invoke(
        build_app(), ["import", "archimate", str(xml), "-o", str(out), "--force", "--id", "moi"]
    )
    assert forced.exit_code == 0, forced.output
    assert load_graph(out).architecture.id == "moi"


def test_export_to_stdout_is_the_exchange_file() -> None:
    result = CliRunner().invoke(build_app(), ["export", "archimate", str(MINI)])
    assert result.exit_code == 0
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<model ')


def test_import_reports_what_was_not_kept_and_the_date_used(tmp_path: Path) -> None:
    runner = CliRunner()
    before = dt.date.today()
    undated = runner.invoke(
        build_app(), ["import", "archimate", str(SAMPLE), "-o", str(tmp_path / "a")]
    )
    days = {before, dt.date.today()}  # the run may cross midnight
    # The file gives no date: today's is taken, and the output says so (a Vietnamese date).
    assert undated.exit_code == 0, undated.output
    written = {vi_date(d) for d in days}
    assert any(f"ngày: {d} (ngày hôm nay: tệp không ghi ngày" in undated.output for d in written)
    assert load_graph(tmp_path / "a").architecture.as_of in days
    done = runner.invoke(
        build_app(),
        [
            "import",
            "archimate",
            str(SAMPLE),
            "-o",
            str(tmp_path / "b"),
            "--as-of",
            "2024-06-30",
            "--validate",
        ],
    )
    assert done.exit_code == 0, done.output
    assert "ngày: 30/6/2024 (theo --as-of)" in done.output
    bad_date = runner.invoke(
        build_app(),
        [
            *("import", "archimate", str(SAMPLE), "-o", str(tmp_path / "c")),
            *("--as-of", "30/06/2024", "--lang", "en"),
        ],
    )
    assert bad_date.exit_code == 2 and "--as-of must be a date" in bad_date.output
