"""The results a watch session keeps in memory: the same model as a fresh load, only the
changed files read again, and problems across files still found."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model
from eakit.messages import in_lang
from eakit.model import Model
from eakit.speed.memory_cache import MemoryCache


@pytest.fixture
def model_dir(tmp_path: Path, province_model: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(province_model, target)
    return target


def _same(one: Model, other: Model) -> None:
    assert one.components == other.components
    assert list(one.components) == list(other.components)  # same (file) order
    assert one.component_sources == other.component_sources
    assert one.relations == other.relations
    assert one.relation_sources == other.relation_sources


def test_second_load_reads_every_file_from_the_cache(model_dir: Path) -> None:
    fresh = load_model(model_dir)
    cache = MemoryCache()
    _same(load_model(model_dir, cache=cache), fresh)
    assert cache.hits == 0 and cache.misses == len(fresh.files)
    cached = load_model(model_dir, cache=cache)
    assert cache.hits == len(fresh.files) and cache.misses == len(fresh.files)  # no new miss
    _same(cached, fresh)
    # Locations still work for objects that came from the cache.
    cid = next(iter(cached.components))
    assert cached.location(cid) == fresh.location(cid)


def test_editing_one_file_re_reads_only_that_file(model_dir: Path) -> None:
    cache = MemoryCache()
    load_model(model_dir, cache=cache)
    edited = model_dir / "01-ha-noi" / "nghiep-vu.yaml"
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("name: Quản lý", "name: Công tác quản lý", 1), "utf-8")
    hits = cache.hits
    model = load_model(model_dir, cache=cache)
    assert cache.hits - hits == len(model.files) - 1
    _same(model, load_model(model_dir))
    assert any(c.name.startswith("Công tác quản lý") for c in model.components.values())


def test_problems_across_files_are_found_with_cached_files(model_dir: Path) -> None:
    cache = MemoryCache()
    load_model(model_dir, cache=cache)
    # A new file, sorted before the cached ones, redeclares an id and refers to nothing.
    (model_dir / "00-a.yaml").write_text(
        "components:\n"
        "  - id: ha-noi-so-tu-phap\n"
        "    kind: agency\n"
        "    agency_type: department\n"
        "    name: Sở Tư pháp\n"
        "    parent: khong-co\n",
        "utf-8",
    )
    with pytest.raises(ModelLoadError) as fresh:
        load_model(model_dir)
    with pytest.raises(ModelLoadError) as cached:
        load_model(model_dir, cache=cache)
    assert [str(d) for d in cached.value.diagnostics] == [str(d) for d in fresh.value.diagnostics]
    messages = " ".join(in_lang(d.message, "en") for d in cached.value.diagnostics)
    assert "duplicate id 'ha-noi-so-tu-phap'" in messages and "khong-co" in messages
