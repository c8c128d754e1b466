"""Shared fixtures: paths to the bundled model and the fixture models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run unless asked otherwise, so CI on a
# clean clone never fails on a case no earlier run saw. `HYPOTHESIS_PROFILE=explore
# make test` draws fresh random cases (and keeps failures in .hypothesis/) to hunt bugs;
# what it finds becomes an @example.
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUNDLED_MODEL = ROOT / "model"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def bundled_graph():
    from eakit.pipeline import load_graph

    return load_graph(BUNDLED_MODEL)


@pytest.fixture(scope="session")
def two_provinces_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated two-province model (about 6,000 components), read-only by convention:
    large enough for the workers' tests to share real work."""
    from eakit.generate import generate_model

    out = tmp_path_factory.mktemp("generated") / "model"
    generate_model(out, provinces=2, seed=11)
    return out
