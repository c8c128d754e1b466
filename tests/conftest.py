"""Shared fixtures: paths to the bundled model and the fixture models."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUNDLED_MODEL = ROOT / "model"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the loader's file cache out of the repository's model folders during tests
    (tests of the cache itself point it elsewhere explicitly)."""
    if "EAKIT_CACHE_DIR" not in os.environ:
        os.environ["EAKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="eakit-test-cache-")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def bundled_graph():
    from eakit.pipeline import load_graph

    return load_graph(BUNDLED_MODEL)
