"""The relations of a model are first checked all together (C loops, no Python code per
relation); only a model with something to report is checked relation by relation. Both
ways must find the same: nothing for a clean model, the same diagnostics otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model, references
from eakit.loader.references import _relations_fine

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "mini"

# One relation with one problem each (the mini model's ids and kinds).
PROBLEMS = {
    "unknown end": "{from: mot-cua, to: khong-co, type: integrates_with}",
    "kind not allowed": "{from: tslcd, to: lgsp, type: integrates_with}",
    "loop": "{from: lgsp, to: lgsp, type: depends_on}",
    "duplicate": "{from: mot-cua, to: lgsp, type: integrates_with}",
}
FINE = "{from: mot-cua, to: tt-du-lieu, type: depends_on}"


def _model_with(tmp_path: Path, *relations: str) -> Path:
    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    lines = "".join(f"  - {relation}\n" for relation in relations)
    (model / "extra.yaml").write_text(f"relations:\n{lines}", "utf-8")
    return model


def _diagnostics(model: Path) -> list[str]:
    try:
        load_model(model, jobs=1)
    except ModelLoadError as error:
        return [str(d) for d in error.diagnostics]
    return []


def test_a_clean_model_passes_all_together(tmp_path):
    model = load_model(_model_with(tmp_path, FINE), jobs=1)
    assert _relations_fine(model.relations, model.components, set())
    # An end already reported invalid is left to the one-by-one check (which skips it).
    assert not _relations_fine(model.relations, model.components, {"tt-du-lieu"})


@pytest.mark.parametrize("problem", sorted(PROBLEMS))
def test_each_problem_is_found_one_by_one_as_before(tmp_path, monkeypatch, problem):
    model = _model_with(tmp_path, FINE, PROBLEMS[problem])
    found = _diagnostics(model)
    assert found, problem
    monkeypatch.setattr(references, "_relations_fine", lambda *_args: False)
    assert _diagnostics(model) == found


def test_the_fast_check_says_nothing_the_slow_one_would_say(two_provinces_dir, monkeypatch):
    model = load_model(two_provinces_dir, jobs=1)
    assert _relations_fine(model.relations, model.components, set())
    monkeypatch.setattr(references, "_relations_fine", lambda *_args: False)
    assert references.check_references(model) == []
