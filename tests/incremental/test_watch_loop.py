"""The watch loop settles after every check (the command freezes what is alive for the
garbage collector, so a national model's objects are not walked again in the middle of
the next re-check), and a full collection later still reclaims what died frozen."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from eakit.cli.watch import watch
from eakit.incremental.session import Session
from eakit.speed.switches import collect_all, keep_alive_state

from ..conftest import BUNDLED_MODEL


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()  # leave the test process as it was


def test_watch_settles_after_the_first_check_and_each_update(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(BUNDLED_MODEL, model)
    edited = next(p for p in sorted(model.rglob("*.yaml")) if p.name != "eakit.yaml")
    session = Session(model, as_of=None, select=[], ignore=[], waivers=None)
    settled: list[int] = []

    def batches():
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text + "\n# sửa\n", encoding="utf-8")
        yield {("modified", str(edited))}
        edited.write_text(text, encoding="utf-8")
        yield {("modified", str(edited))}

    watch(session, None, batches(), settle=lambda: settled.append(len(settled)))
    assert settled == [0, 1, 2]  # the first check, then both edits


def test_what_dies_frozen_is_reclaimed_by_a_full_collection(unfrozen) -> None:
    class Node:
        pass

    first, second = Node(), Node()
    first.other, second.other = second, first  # a cycle: reference counts cannot free it
    gone = weakref.ref(first)
    keep_alive_state()
    assert gc.get_freeze_count() > 0
    del first, second
    gc.collect()
    assert gone() is not None  # frozen: the collector leaves it alone
    collect_all()
    assert gone() is None
    assert gc.get_freeze_count() > 0  # the survivors are frozen again
