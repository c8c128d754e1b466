"""A small hand-made model whose impact and single points of failure are known (see
``small-model/model.yaml``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SMALL_MODEL = Path(__file__).resolve().parent / "small-model"


@pytest.fixture
def small_model(tmp_path: Path) -> Path:
    """A copy of the small model (commands may write next to it)."""
    return Path(shutil.copytree(SMALL_MODEL, tmp_path / "model"))


@pytest.fixture
def small_graph(small_model: Path):
    from eakit.pipeline import load_graph

    return load_graph(small_model)
