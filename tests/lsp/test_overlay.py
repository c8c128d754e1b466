"""The private copy through which unsaved editor text is checked."""

from __future__ import annotations

import os
from pathlib import Path

from eakit.incremental.overlay import Overlay


def _model(tmp_path: Path) -> Path:
    root = tmp_path / "model"
    (root / "sub").mkdir(parents=True)
    (root / "eakit.yaml").write_text("eakit: 1\n", "utf-8")
    (root / "sub" / "a.yaml").write_text("components: []\n", "utf-8")
    (root / "notes.txt").write_text("not copied\n", "utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.yaml").write_text("hidden\n", "utf-8")
    return root


def test_copies_only_the_yaml_files_outside_hidden_folders(tmp_path: Path) -> None:
    overlay = Overlay(_model(tmp_path))
    try:
        copied = sorted(p.relative_to(overlay.root).as_posix() for p in overlay.root.rglob("*"))
        assert copied == ["eakit.yaml", "sub", "sub/a.yaml"]
    finally:
        overlay.close()
    assert not overlay.root.exists()


def test_unsaved_text_goes_to_the_copy_never_to_the_model(tmp_path: Path) -> None:
    root = _model(tmp_path)
    overlay = Overlay(root)
    try:
        assert overlay.write("sub/a.yaml", "components: [1]\n")
        assert not overlay.write("sub/a.yaml", "components: [1]\n")  # no change
        assert (overlay.root / "sub/a.yaml").read_text("utf-8") == "components: [1]\n"
        assert (root / "sub/a.yaml").read_text("utf-8") == "components: []\n"
        overlay.sync("sub/a.yaml")  # the buffer closed: the saved text counts again
        assert (overlay.root / "sub/a.yaml").read_text("utf-8") == "components: []\n"
    finally:
        overlay.close()


def test_paths_leaving_the_root_are_refused(tmp_path: Path) -> None:
    root = _model(tmp_path)
    victim = tmp_path / "victim.yaml"
    victim.write_text("keep\n", "utf-8")
    overlay = Overlay(root)
    try:
        assert not overlay.write("../victim.yaml", "overwritten\n")
        assert not overlay.write(str(victim), "overwritten\n")
        overlay.sync("../victim.yaml")
        assert victim.read_text("utf-8") == "keep\n"
        assert not (overlay.root.parent / "victim.yaml").exists()
    finally:
        overlay.close()


def test_a_link_is_copied_as_a_link_and_never_followed(tmp_path: Path) -> None:
    root = _model(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("secret: 1\n", "utf-8")
    os.symlink(secret, root / "outside.yaml")
    os.symlink("sub/a.yaml", root / "inside.yaml")
    overlay = Overlay(root)
    try:
        outside = overlay.root / "outside.yaml"
        assert outside.is_symlink() and os.readlink(outside) == str(secret)
        inside = overlay.root / "inside.yaml"
        assert inside.is_symlink() and inside.resolve() == (overlay.root / "sub/a.yaml").resolve()
        # Writing a buffer through a link would write its target: refused.
        assert not overlay.write("outside.yaml", "overwritten\n")
        assert secret.read_text("utf-8") == "secret: 1\n"
    finally:
        overlay.close()
    assert secret.read_text("utf-8") == "secret: 1\n"
