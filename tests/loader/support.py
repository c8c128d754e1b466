"""Helpers shared by the loader tests: running the CLI safely and reading expectations."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model
from eakit.messages import in_lang
from eakit.speed.memory_cache import MemoryCache

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "fixtures" / "invalid"
VALID = ROOT / "tests" / "fixtures" / "valid"
MEMORY_LIMIT = 2 * 1024**3
CLI_TIMEOUT = 60  # a guard against a hang, not a timing test
LOCATED = re.compile(r"^(?P<where>.+?:\d+:\d+): (?P<message>.+)$")
CLI_LINE = re.compile(r"^(?P<where>.+?:\d+:\d+): error: (?P<message>.+)$")


def diagnostics_of(
    model_dir: Path, jobs: int | None = None, lang: str = "en", cache: MemoryCache | None = None
) -> list[str]:
    """``file:line:col: message`` lines of a model that must not load, in ``lang``."""
    try:
        load_model(model_dir, jobs=jobs, cache=cache)
    except ModelLoadError as error:
        return [f"{d.location}: {in_lang(d.message, lang)}" for d in error.diagnostics]
    raise AssertionError(f"{model_dir} loaded, but it is invalid")


def expected_lines(case: Path) -> list[str]:
    """The lines of a case's ``expected.txt``."""
    return case.joinpath("expected.txt").read_text(encoding="utf-8").splitlines()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_eakit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m eakit ARGS`` in ``cwd`` with 2 GiB of address space and a time guard."""
    return subprocess.run(
        [sys.executable, "-m", "eakit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=CLI_TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )


def cli_lines(expected: list[str]) -> list[str]:
    """How the CLI prints expected diagnostics: ``path:line:col: error: message``."""
    result = []
    for line in expected:
        match = LOCATED.match(line)
        assert match, f"not 'file:line:col: message': {line!r}"
        result.append(f"{match['where']}: error: {match['message']}")
    return result
