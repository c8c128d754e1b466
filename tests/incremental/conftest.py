"""Fixtures of the incremental tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.generate import generate_model


@pytest.fixture(scope="session")
def province_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated one-province model (about 3,000 components), read-only by convention."""
    return generate_model(tmp_path_factory.mktemp("generated") / "model", 1, 5).root
