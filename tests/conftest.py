"""Shared fixtures: paths to the bundled model and the fixture models."""

from __future__ import annotations

from pathlib import Path

import pytest

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
