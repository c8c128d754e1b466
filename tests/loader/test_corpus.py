"""The bad-input corpus: every case fails to load with exactly its expected diagnostics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eakit.cli.main import build_app
from eakit.speed import workers as worker
from eakit.speed.memory_cache import MemoryCache
from tests.loader.support import (
    CLI_LINE,
    INVALID,
    LOCATED,
    cli_lines,
    diagnostics_of,
    expected_lines,
    run_eakit,
)

CASES = sorted(path for path in INVALID.iterdir() if path.is_dir())


def test_corpus_is_large_and_complete() -> None:
    assert len(CASES) >= 70
    for case in CASES:
        assert (case / "expected.txt").is_file(), f"{case.name} has no expected.txt"
        assert (case / "eakit.yaml").is_file() or case.name == "manifest-missing"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_load_model_reports_exactly_the_expected_diagnostics(case: Path) -> None:
    assert diagnostics_of(case) == expected_lines(case)


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_a_reading_worker_changes_no_diagnostic(case: Path) -> None:
    # Files come parsed from a forked worker (as for a large model); problems are still
    # explained here, exactly as without it.
    assert diagnostics_of(case, jobs=2) == expected_lines(case)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_files_kept_by_a_watch_session_change_no_diagnostic(case: Path) -> None:
    # A watch session loads a broken model in full with the clean files of its last
    # load kept in memory: what it reports is what a fresh load reports.
    memory = MemoryCache()
    for _ in ("nothing kept", "clean files kept"):
        assert diagnostics_of(case, cache=memory) == expected_lines(case)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_expected_lines_are_well_formed(case: Path) -> None:
    lines = expected_lines(case)
    assert lines, "a bad model has at least one diagnostic"
    for line in lines:
        match = LOCATED.match(line)
        assert match, line
        file = match["where"].rsplit(":", 2)[0]
        assert not Path(file).is_absolute(), line
        assert (case / file).exists() or case.name == "manifest-missing", line
        assert "Traceback" not in line and "\n" not in line
        assert len(match["message"]) <= 300, f"message too long to read: {line}"


def _check_cli_output(case: Path, code: int, stdout: str, stderr: str) -> None:
    assert code == 2, stderr
    assert "Traceback" not in stdout + stderr
    printed = stderr.splitlines()
    expected = cli_lines(expected_lines(case))
    count = len(expected)
    assert printed == [*expected, f"{count} problem{'s' if count != 1 else ''} in ."]
    assert all(CLI_LINE.match(line) for line in printed[:-1])
    assert stdout == ""


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_cli_prints_each_diagnostic_and_leaves_output_untouched(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous report\n", encoding="utf-8")
    monkeypatch.chdir(case)
    before = sorted(case.rglob("*"))
    result = CliRunner().invoke(build_app(), ["check", ".", "--lang", "en", "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    _check_cli_output(case, result.exit_code, result.stdout, result.stderr)
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(case.rglob("*")) == before  # nothing written into the model


# The hostile inputs, and two ordinary cases, through a real process: bounded memory
# (2 GiB of address space) and time, and no crash of the interpreter. (The generated
# hostile cases are in test_hostile.py.)
HOSTILE = ("bomb", "deep", "tag", "merge", "complex", "long-key", "documents", "encoding-")
PROCESS_CASES = [
    case
    for case in CASES
    if any(word in case.name for word in HOSTILE)
    or case.name in ("several-problems", "manifest-missing")
]


@pytest.mark.parametrize("case", PROCESS_CASES, ids=lambda path: path.name)
def test_eakit_process_exits_2_within_bounds(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous report\n", encoding="utf-8")
    result = run_eakit("check", ".", "--lang", "en", "-o", str(out), cwd=case)
    _check_cli_output(case, result.returncode, result.stdout, result.stderr)
    assert out.read_text(encoding="utf-8") == "previous report\n"


@pytest.mark.parametrize(
    "name", ["several-problems", "yaml-alias-bomb", "encoding-utf16", "manifest-missing"]
)
def test_cli_json_format_lists_the_diagnostics(name: str) -> None:
    case = INVALID / name
    result = run_eakit("check", ".", "--format", "json", "--lang", "en", cwd=case)
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert payload["valid"] is False
    got = [
        f"{d['location']['file']}:{d['location']['line']}:{d['location']['col']}: {d['message']}"
        for d in payload["diagnostics"]
    ]
    assert got == expected_lines(case)
    assert {d["severity"] for d in payload["diagnostics"]} == {"error"}
