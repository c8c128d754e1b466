"""The per-file cache: same model as a fresh load, only changed files re-read, entries
kept in the user's cache folder as data that is validated again, and never anything
but a private regular file read or written there (the attacks a model folder could
mount are in tests/security/test_cache.py)."""

from __future__ import annotations

import math
import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from eakit.diagnostics import ModelLoadError
from eakit.loader import load_model
from eakit.messages import in_lang
from eakit.model import KIND_CLASSES, Model, Relation
from eakit.speed import file_cache as cache_module
from eakit.speed import workers as worker
from eakit.speed.file_cache import FileCache, FileResult, decode, encode
from tests.workers import reaped, remember_workers


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
    first = FileCache(tmp_path / "cache", model_dir)
    _same(load_model(model_dir, cache=first), fresh)
    assert first.hits == 0 and first.misses == len(fresh.files)
    second = FileCache(tmp_path / "cache", model_dir)
    cached = load_model(model_dir, cache=second)
    assert second.hits == len(fresh.files) and second.misses == 0
    _same(cached, fresh)
    # Locations still work for objects that came from the cache.
    cid = next(iter(cached.components))
    assert cached.location(cid) == fresh.location(cid)


def test_editing_one_file_re_reads_only_that_file(model_dir: Path, tmp_path: Path) -> None:
    load_model(model_dir, cache=FileCache(tmp_path / "cache", model_dir))
    edited = model_dir / "01-ha-noi" / "nghiep-vu.yaml"
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("name: Quản lý", "name: Công tác quản lý", 1), "utf-8")
    cache = FileCache(tmp_path / "cache", model_dir)
    model = load_model(model_dir, cache=cache)
    assert cache.misses == 1
    _same(model, load_model(model_dir))
    assert any(c.name.startswith("Công tác quản lý") for c in model.components.values())
    # The old version of the entry was replaced, not kept.
    assert len(list((tmp_path / "cache").rglob("*.json"))) == len(model.files)


def test_problems_across_files_are_found_with_cached_files(model_dir: Path, tmp_path: Path) -> None:
    load_model(model_dir, cache=FileCache(tmp_path / "cache", model_dir))
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
        load_model(model_dir, cache=FileCache(tmp_path / "cache", model_dir))
    assert [str(d) for d in cached.value.diagnostics] == [str(d) for d in fresh.value.diagnostics]
    messages = " ".join(in_lang(d.message, "en") for d in cached.value.diagnostics)
    assert "duplicate id 'ha-noi-so-tu-phap'" in messages and "khong-co" in messages


class _Planted:
    """Unpickling this would create a file: the cache must never unpickle it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_an_entry_is_data_validated_again(model_dir: Path, tmp_path: Path) -> None:
    """A pickle, JSON that is no entry, a truncated entry and an entry whose data the
    model classes refuse are all misses, and none of them runs code."""
    load_model(model_dir, cache=FileCache(tmp_path / "cache", model_dir))
    rel = "01-ha-noi/nghiep-vu.yaml"
    raw = (model_dir / rel).read_bytes()
    cache = FileCache(tmp_path / "cache", model_dir)
    entry = cache.directory / cache._entry_name(rel, raw)[1]
    good = entry.read_bytes()
    stored = decode(good)
    assert stored is not None and stored.components
    index, component = stored.components[0]
    refused = encode(FileResult([(index, component.model_copy(update={"id": "Not An Id"}))]))
    marker = tmp_path / "marker"
    proof = tmp_path / "proof"
    pickle.loads(pickle.dumps(_Planted(proof)))  # the payload does run code when unpickled
    assert proof.exists()
    for bad in (pickle.dumps(_Planted(marker)), b'{"components": []}', good[:40], refused):
        entry.write_bytes(bad)
        looked = FileCache(tmp_path / "cache", model_dir)
        assert looked.has(rel, raw) and looked.get(rel, raw) is None
        reader = FileCache(tmp_path / "cache", model_dir)
        _same(load_model(model_dir, cache=reader), load_model(model_dir))
        assert reader.misses == 1 and reader.hits > 0
        assert entry.read_bytes() == good  # the file's result, stored again
    assert not marker.exists()


def test_entries_go_stale_when_the_code_that_writes_them_changes() -> None:
    """The fingerprint in every entry's name covers the model and loader code and this
    cache's own code, which writes and reads the entries."""
    names = {name for name, _data in cache_module.fingerprinted()}
    assert "eakit.loader/collect.py" in names and "eakit.model/components.py" in names
    own = Path(cache_module.__file__).read_bytes()
    assert (f"eakit.speed/{Path(cache_module.__file__).name}", own) in set(
        cache_module.fingerprinted()
    )


def test_values_come_back_as_they_were() -> None:
    """What JSON has no plain form for (a huge integer, infinity, NaN, -0.0, a date) comes
    back the same, with the same fields set; text the entry spells decomposed comes back
    NFC, as a model file's would."""
    application = KIND_CLASSES["application"].model_validate(
        {"id": "app", "kind": "application", "name": "Ứng dụng", "status": "current",
         "security_dossier": {"approved": True, "date": "2024-01-02"},
         "properties": {"big": 10**30, "inf": float("inf"), "nan": float("nan"),
                        "zero": -0.0, "ratio": 0.1, "yes": True, "one": 1, "text": "1"}}
    )  # fmt: skip
    relation = Relation.model_validate({"from": "app", "to": "db", "type": "reads_from"})
    back = decode(encode(FileResult([(3, application)], [(0, relation)])))
    assert back is not None
    ((index, again),) = back.components
    assert index == 3 and back.relations == [(0, relation)]
    assert again.model_fields_set == application.model_fields_set
    properties = again.properties
    assert math.isnan(properties.pop("nan"))
    assert properties == {k: v for k, v in application.properties.items() if k != "nan"}
    assert all(type(v) is type(application.properties[k]) for k, v in properties.items())
    assert math.copysign(1, properties["zero"]) == -1
    assert again.model_dump(exclude={"properties"}) == application.model_dump(
        exclude={"properties"}
    )
    decomposed = encode(FileResult([(0, application)])).replace(
        "Ứng dụng".encode(), b"U\\u031B\\u0301ng du\\u0323ng"
    )
    spelt = decode(decomposed)
    assert spelt is not None and spelt.components[0][1].name == "Ứng dụng"


def test_the_cache_is_in_the_users_folder_and_never_in_the_model(
    model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries go to a private folder of the user's cache folder named after the model's
    real path (the same through a link to the model); the model folder is left as it
    was, and a ``.eakit-cache`` in it is neither read nor written."""
    monkeypatch.delenv("EAKIT_CACHE_DIR", raising=False)  # tests/conftest.py sets it
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    (model_dir / ".eakit-cache").mkdir()
    before = sorted((p.relative_to(model_dir), p.stat().st_size) for p in model_dir.rglob("*"))
    cache = FileCache.for_model(model_dir)
    assert cache is not None
    model = load_model(model_dir, cache=cache)
    assert (
        sorted((p.relative_to(model_dir), p.stat().st_size) for p in model_dir.rglob("*")) == before
    )
    folder = cache.directory
    assert folder.parent.parent == tmp_path / "home-cache" / "eakit"
    assert len(list(folder.glob("*.json"))) == len(model.files)
    for made in (folder, folder.parent):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    link = tmp_path / "link-to-model"
    link.symlink_to(model_dir)
    through = FileCache.for_model(link)
    assert through is not None and through.directory == folder
    load_model(link, cache=through)
    assert through.hits == len(model.files)
    other = FileCache.for_model(tmp_path)
    assert other is not None and other.directory != folder


def test_links_fifos_and_foreign_entries_are_misses(
    model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry that is a link (even to a good entry), a FIFO, too large, or (as root,
    who can give files away) owned by another user is a miss and is never opened."""
    cache = FileCache(tmp_path / "cache", model_dir)
    load_model(model_dir, cache=cache)
    rel = "01-ha-noi/nghiep-vu.yaml"
    raw = (model_dir / rel).read_bytes()
    entry = cache.directory / cache._entry_name(rel, raw)[1]
    good = tmp_path / "good.json"
    shutil.copyfile(entry, good)

    def missed() -> bool:
        reader = FileCache(tmp_path / "cache", model_dir)
        return not reader.has(rel, raw) and reader.get(rel, raw) is None

    entry.unlink()
    entry.symlink_to(good)
    assert missed()
    entry.unlink()
    os.mkfifo(entry)  # opening it would block: it is never opened
    assert missed()
    entry.unlink()
    shutil.copyfile(good, entry)
    assert not missed()
    monkeypatch.setattr(cache_module, "MAX_ENTRY_BYTES", entry.stat().st_size - 1)
    assert missed()
    monkeypatch.undo()
    if os.geteuid() == 0:
        os.chown(entry, 65534, 65534)
        assert missed()


def test_a_folder_that_is_a_link_or_open_to_others_is_not_used(
    model_dir: Path, tmp_path: Path
) -> None:
    """The folders eakit makes in the cache folder must be real folders of the user that
    nobody else may write: a link in their place, or a folder others may write, means
    no cache (nothing is written through the link)."""
    home = tmp_path / "cache"
    cache = FileCache(home, model_dir)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home.mkdir()
    (home / cache.directory.parent.name).symlink_to(elsewhere, target_is_directory=True)
    load_model(model_dir, cache=cache)
    assert list(elsewhere.iterdir()) == []
    assert FileCache(home, model_dir).has("x.yaml", b"") is False
    (home / cache.directory.parent.name).unlink()
    cache.directory.mkdir(parents=True)
    cache.directory.chmod(0o777)
    load_model(model_dir, cache=FileCache(home, model_dir))
    assert list(cache.directory.iterdir()) == []


def test_a_killed_writers_temporaries_are_removed(model_dir: Path, tmp_path: Path) -> None:
    """Temporaries older than an hour (a writer was killed) are removed by the next
    writer; a recent one (a writer at work) is left alone."""
    cache = FileCache(tmp_path / "cache", model_dir)
    cache.directory.mkdir(parents=True, mode=0o700)
    cache.directory.parent.chmod(0o700)
    old = cache.directory / ".abc-def.json.0123.tmp"
    recent = cache.directory / ".abc-def.json.4567.tmp"
    for path in (old, recent):
        path.write_bytes(b"partial")
    stale = os.stat(old).st_mtime - cache_module.STALE_SECONDS - 1
    os.utime(old, (stale, stale))
    cache.put("x.yaml", b"content", FileResult())
    assert not old.exists() and recent.exists()
    assert FileCache(tmp_path / "cache", model_dir).get("x.yaml", b"content") == FileResult()


@pytest.mark.parametrize("jobs", [1, 2])  # 2: many entries go to a background writer
def test_an_unwritable_cache_only_costs_speed(
    model_dir: Path, tmp_path: Path, monkeypatch, jobs: int
) -> None:
    monkeypatch.setattr(cache_module, "WRITE_BEHIND", 2)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    cache = FileCache(blocked, model_dir)
    _same(load_model(model_dir, cache=cache, jobs=jobs), load_model(model_dir))


def test_environment_switches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("EAKIT_CACHE_DIR", raising=False)  # tests/conftest.py sets it
    monkeypatch.setenv("EAKIT_CACHE", "off")
    assert FileCache.for_model(tmp_path) is None
    monkeypatch.delenv("EAKIT_CACHE")
    default = FileCache.for_model(tmp_path)
    assert default is not None and default.home == tmp_path / "home-cache" / "eakit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    plain = FileCache.for_model(tmp_path)
    assert plain is not None and plain.home == tmp_path / "home" / ".cache" / "eakit"
    monkeypatch.setenv("EAKIT_CACHE_DIR", str(tmp_path / "elsewhere"))
    moved = FileCache.for_model(tmp_path)
    assert moved is not None and moved.home == tmp_path / "elsewhere"
    assert moved.directory.parent.parent == tmp_path / "elsewhere"


def _entries(count: int) -> list[tuple[str, bytes, FileResult]]:
    return [(f"f{n}.yaml", f"content {n}".encode(), FileResult()) for n in range(count)]


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
def test_many_results_are_written_by_a_background_worker(tmp_path: Path, monkeypatch) -> None:
    started = remember_workers(monkeypatch)
    cache = FileCache(tmp_path / "cache", tmp_path)
    entries = _entries(cache_module.WRITE_BEHIND)
    cache.put_many(entries, jobs=2)
    assert len(started) == 1  # this process went on
    worker.Background.wait()
    assert reaped(started[0].pid)
    reader = FileCache(tmp_path / "cache", tmp_path)
    assert all(reader.get(rel, raw) == FileResult() for rel, raw, _r in entries)


@pytest.mark.parametrize(("count", "jobs"), [(cache_module.WRITE_BEHIND - 1, 2), (200, 1)])
def test_few_results_or_one_job_are_written_in_line(tmp_path: Path, monkeypatch, count, jobs):
    started = remember_workers(monkeypatch)
    cache = FileCache(tmp_path / "cache", tmp_path)
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
    assert len(list((tmp_path / "cache").rglob("*.json"))) == files


@pytest.mark.skipif(not worker.available(), reason="needs os.fork (Linux)")
def test_background_workers_are_waited_for_and_reaped(tmp_path: Path) -> None:
    """A worker that has ended is reaped when the next one starts (no zombie is left
    behind), and :meth:`worker.Background.wait` returns once the running one has ended."""
    marker = tmp_path / "done"
    release, held = os.pipe()

    def held_back(_send: worker.Send) -> None:
        os.read(release, 1)  # until the test lets it go on
        marker.write_text("written", "utf-8")

    try:
        first = worker.Background.start(lambda _send: None)
        assert first is not None
        os.waitid(os.P_PID, first.pid, os.WEXITED | os.WNOWAIT)  # ended, still a zombie
        second = worker.Background.start(held_back)
        assert second is not None and reaped(first.pid)
        assert not marker.exists()
        os.write(held, b"go")
        worker.Background.wait()
    finally:
        os.close(release)
        os.close(held)
    assert marker.read_text("utf-8") == "written" and reaped(second.pid)
