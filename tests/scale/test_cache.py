"""The per-file cache: same model as a fresh load, only changed files re-read, and never
trusting an entry it did not sign."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eakit import worker
from eakit.diagnostics import ModelLoadError
from eakit.loader import cache as cache_module
from eakit.loader import load_model
from eakit.loader.cache import CACHE_DIR, FileCache, FileResult
from eakit.model import Model
from tests.workers import reaped, remember_workers

KEY = b"k" * 32


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


def test_second_load_reads_every_file_from_the_cache(model_dir: Path, tmp_path: Path) -> None:
    fresh = load_model(model_dir)
    first = FileCache(tmp_path / "cache", KEY)
    _same(load_model(model_dir, cache=first), fresh)
    assert first.hits == 0 and first.misses == len(fresh.files)
    second = FileCache(tmp_path / "cache", KEY)
    cached = load_model(model_dir, cache=second)
    assert second.hits == len(fresh.files) and second.misses == 0
    _same(cached, fresh)
    # Locations still work for objects that came from the cache.
    cid = next(iter(cached.components))
    assert cached.location(cid) == fresh.location(cid)


def test_editing_one_file_re_reads_only_that_file(model_dir: Path, tmp_path: Path) -> None:
    load_model(model_dir, cache=FileCache(tmp_path / "cache", KEY))
    edited = model_dir / "01-ha-noi" / "nghiep-vu.yaml"
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("name: Quản lý", "name: Công tác quản lý", 1), "utf-8")
    cache = FileCache(tmp_path / "cache", KEY)
    model = load_model(model_dir, cache=cache)
    assert cache.misses == 1
    _same(model, load_model(model_dir))
    assert any(c.name.startswith("Công tác quản lý") for c in model.components.values())
    # The old version of the entry was replaced, not kept.
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == len(model.files)


def test_problems_across_files_are_found_with_cached_files(model_dir: Path, tmp_path: Path) -> None:
    load_model(model_dir, cache=FileCache(tmp_path / "cache", KEY))
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
        load_model(model_dir, cache=FileCache(tmp_path / "cache", KEY))
    assert [str(d) for d in cached.value.diagnostics] == [str(d) for d in fresh.value.diagnostics]
    messages = " ".join(d.message for d in cached.value.diagnostics)
    assert "duplicate id 'ha-noi-so-tu-phap'" in messages and "khong-co" in messages


class _Planted:
    """Unpickling this would create a file: the cache must never unpickle it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_entries_signed_with_another_key_are_ignored(model_dir: Path, tmp_path: Path) -> None:
    foreign = FileCache(model_dir / CACHE_DIR, b"x" * 32)
    marker = tmp_path / "marker"
    proof = tmp_path / "proof"
    pickle.loads(pickle.dumps(_Planted(proof)))  # the payload does run code when unpickled
    assert proof.exists()
    rel = "01-ha-noi/nghiep-vu.yaml"
    raw = (model_dir / rel).read_bytes()
    foreign.put(rel, raw, FileResult())
    entry = next((model_dir / CACHE_DIR).rglob("*.pickle"))
    mac = entry.read_bytes()[:32]
    entry.write_bytes(mac + pickle.dumps(_Planted(marker)))
    mine = FileCache(model_dir / CACHE_DIR, KEY)
    assert mine.get(rel, raw) is None
    load_model(model_dir, cache=mine)
    assert not marker.exists()
    # A corrupt entry signed with the right key is ignored too.
    for path in (model_dir / CACHE_DIR).rglob("*.pickle"):
        path.write_bytes(path.read_bytes()[:40])
    again = FileCache(model_dir / CACHE_DIR, KEY)
    _same(load_model(model_dir, cache=again), load_model(model_dir))
    assert again.hits == 0


def test_cache_folder_ignores_itself_and_is_skipped_by_discovery(model_dir: Path) -> None:
    cache = FileCache(model_dir / CACHE_DIR, KEY)
    model = load_model(model_dir, cache=cache)
    assert (model_dir / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")
    assert not any(rel.startswith(CACHE_DIR) for rel in model.files)


@pytest.mark.parametrize("jobs", [1, 2])  # 2: many entries go to a background writer
def test_an_unwritable_cache_only_costs_speed(
    model_dir: Path, tmp_path: Path, monkeypatch, jobs: int
) -> None:
    monkeypatch.setattr(cache_module, "WRITE_BEHIND", 2)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    cache = FileCache(blocked, KEY)
    _same(load_model(model_dir, cache=cache, jobs=jobs), load_model(model_dir))


def test_environment_switches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("EAKIT_CACHE_DIR", raising=False)  # tests/conftest.py sets it
    monkeypatch.setenv("EAKIT_CACHE", "off")
    assert FileCache.for_model(tmp_path) is None
    monkeypatch.delenv("EAKIT_CACHE")
    default = FileCache.for_model(tmp_path)
    assert default is not None and default.directory.parent == tmp_path / CACHE_DIR
    key_file = tmp_path / "home-cache" / "eakit" / "cache-key"
    assert key_file.stat().st_mode & 0o077 == 0  # the secret is private
    monkeypatch.setenv("EAKIT_CACHE_DIR", str(tmp_path / "elsewhere"))
    moved = FileCache.for_model(tmp_path)
    assert moved is not None and moved.directory.parent == tmp_path / "elsewhere"


def _entries(count: int) -> list[tuple[str, bytes, FileResult]]:
    return [(f"f{n}.yaml", f"content {n}".encode(), FileResult()) for n in range(count)]


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
def test_many_results_are_written_by_a_background_worker(tmp_path: Path, monkeypatch) -> None:
    started = remember_workers(monkeypatch)
    cache = FileCache(tmp_path / "cache", KEY)
    entries = _entries(cache_module.WRITE_BEHIND)
    cache.put_many(entries, jobs=2)
    assert len(started) == 1  # this process went on
    worker.Background.wait()
    assert reaped(started[0].pid)
    reader = FileCache(tmp_path / "cache", KEY)
    assert all(reader.get(rel, raw) == FileResult() for rel, raw, _r in entries)


@pytest.mark.parametrize(("count", "jobs"), [(cache_module.WRITE_BEHIND - 1, 2), (200, 1)])
def test_few_results_or_one_job_are_written_in_line(tmp_path: Path, monkeypatch, count, jobs):
    started = remember_workers(monkeypatch)
    cache = FileCache(tmp_path / "cache", KEY)
    entries = _entries(count)
    cache.put_many(entries, jobs=jobs)
    assert not started
    assert all(cache.has(rel, raw) for rel, raw, _r in entries)


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
def test_the_command_waits_for_its_cache_writer(two_provinces_dir: Path, tmp_path: Path) -> None:
    """``eakit check`` prints its report while a worker writes the cache, and ends only
    once the cache is complete: the next run reads every file from it."""
    env = {**os.environ, "EAKIT_CACHE_DIR": str(tmp_path / "cache")}
    files = len(load_model(two_provinces_dir).files)
    assert files >= cache_module.WRITE_BEHIND
    done = subprocess.run(
        [sys.executable, "-m", "eakit", "check", str(two_provinces_dir), "--jobs", "2"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == files


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
def test_background_workers_are_waited_for_and_reaped(tmp_path: Path) -> None:
    marker = tmp_path / "done"

    def slow(_send: worker.Send) -> None:
        time.sleep(0.3)
        marker.write_text("written", "utf-8")

    first = worker.Background.start(lambda _send: None)
    assert first is not None
    time.sleep(0.2)  # it has ended: the next start reaps it (no zombie left behind)
    second = worker.Background.start(slow)
    assert second is not None and reaped(first.pid)
    worker.Background.wait()
    assert marker.read_text("utf-8") == "written" and reaped(second.pid)
