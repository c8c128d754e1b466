"""The model state behind the server, in process: the quick check of one edited file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eakit.lsp.state import ModelState

REPO = Path(__file__).resolve().parents[2]
APP = "ung-dung/mot-cua-dien-tu.yaml"


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("state") / "model"
    shutil.copytree(REPO / "model", root, ignore=shutil.ignore_patterns(".eakit-cache"))
    made = ModelState(root, "vi")
    made.start()
    yield made
    made.close()


def test_quick_check_finds_a_broken_reference_with_its_suggestion(state: ModelState) -> None:
    text = (state.root / APP).read_text("utf-8")
    state.edited(APP, text.replace("owner: so-tt-tt", "owner: so-tt-t", 1))
    try:
        (problem,) = state.quick_check(APP)
        assert "unknown component 'so-tt-t' (did you mean 'so-tt-tt'?)" in problem.message
        assert problem.location.file == APP
    finally:
        state.edited(APP, text)
    assert state.quick_check(APP) == []


def test_quick_check_reports_a_yaml_error_at_its_line(state: ModelState) -> None:
    text = (state.root / APP).read_text("utf-8")
    state.edited(APP, text.replace("    shared: true\n", "    shared: [true\n", 1))
    try:
        problems = state.quick_check(APP)
        assert problems and problems[0].code == "yaml"
    finally:
        state.edited(APP, text)


def test_a_removed_declaration_leaves_references_dangling(state: ModelState) -> None:
    rel = "to-chuc/co-quan-tinh.yaml"
    text = (state.root / rel).read_text("utf-8")
    assert state.text(rel) == text
    assert state.rel_of((state.root / rel).as_uri()) == rel
    assert state.rel_of((state.root.parent / "x.yaml").as_uri()) is None  # outside the model
    assert state.text("../x.yaml") is None
