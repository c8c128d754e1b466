"""Hostile inputs built at test time: links, special files, huge content, deep nesting.

They are not committed because git cannot hold them (links out of the tree, pipes, a
sparse 64 MiB file) or because they are large. Each is checked in-process for the exact
diagnostics and, where a crash or a hang is the risk, through a real, bounded process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eakit.loader import load_model
from eakit.loader.yamlio import MAX_FILE_BYTES
from tests.loader.support import cli_lines, diagnostics_of, run_eakit

MANIFEST = """eakit: 1
architecture:
  id: tinh-mau
  name: Kiến trúc Chính quyền điện tử tỉnh Mẫu
  framework: vn-egov-2.0
  as_of: 2020-12-31
  horizon: 2025
"""
AGENCY = """components:
  - id: so-tt-tt
    kind: agency
    agency_type: department
    name: Sở Thông tin và Truyền thông
"""
# An application whose next key goes on line 5.
HEADER = """components:
  - id: mot-cua
    kind: application
    name: Hệ thống thông tin một cửa điện tử
"""


def make_model(base: Path, files: dict[str, str] | None = None) -> Path:
    """A valid little model in ``base/model`` plus ``files``."""
    root = base / "model"
    root.mkdir()
    (root / "eakit.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "agencies.yaml").write_text(AGENCY, encoding="utf-8")
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def assert_cli(root: Path, expected: list[str]) -> None:
    result = run_eakit("check", ".", "--lang", "en", cwd=root)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    count = len(expected)
    tail = f"{count} problem{'s' if count != 1 else ''} in ."
    assert result.stderr.splitlines() == [*cli_lines(expected), tail]


def test_link_to_a_file_outside_the_root(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(AGENCY, encoding="utf-8")
    root = make_model(tmp_path)
    (root / "stolen.yaml").symlink_to(secret)
    expected = [
        "stolen.yaml:1:1: is a link to a file outside the model root; "
        "eakit reads nothing outside it"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_link_to_a_folder_outside_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "more.yaml").write_text(AGENCY, encoding="utf-8")
    root = make_model(tmp_path)
    (root / "linked").symlink_to(outside, target_is_directory=True)
    manifest = MANIFEST + "include: ['*.yaml', 'linked/*.yaml']\n"
    (root / "eakit.yaml").write_text(manifest, encoding="utf-8")
    # the linked folder is not entered: not even the names of its files are read
    assert diagnostics_of(root) == [
        "linked:1:1: is a link to a folder outside the model root; eakit reads nothing outside it"
    ]


def test_manifest_that_is_a_link_outside_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "other-eakit.yaml"
    outside.write_text(MANIFEST, encoding="utf-8")
    root = make_model(tmp_path)
    (root / "eakit.yaml").unlink()
    (root / "eakit.yaml").symlink_to(outside)
    assert diagnostics_of(root) == [
        "eakit.yaml:1:1: is a link to a file outside the model root; eakit reads nothing outside it"
    ]


def test_broken_link(tmp_path: Path) -> None:
    root = make_model(tmp_path)
    (root / "systems.yaml").symlink_to(root / "deleted.yaml")
    expected = [
        "systems.yaml:1:1: is a broken link (its target does not exist); "
        "remove it or fix the target"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_link_loop(tmp_path: Path) -> None:
    root = make_model(tmp_path)
    (root / "a.yaml").symlink_to(root / "b.yaml")
    (root / "b.yaml").symlink_to(root / "a.yaml")
    assert diagnostics_of(root) == [
        "a.yaml:1:1: is a link that loops back on itself; remove it",
        "b.yaml:1:1: is a link that loops back on itself; remove it",
    ]


def test_link_to_a_file_inside_the_root_is_read_once(tmp_path: Path) -> None:
    root = make_model(tmp_path)
    (root / "a-copy.yaml").symlink_to(root / "agencies.yaml")
    assert diagnostics_of(root) == [
        "a-copy.yaml:1:1: is a link to 'agencies.yaml', which is read already; "
        "remove the link or exclude it"
    ]


def test_links_are_told_apart_when_the_root_is_reached_through_a_link(tmp_path: Path) -> None:
    # Files the walk finds are where their path says, below the root's real folder; a
    # link resolves to the same real path, whichever way the root was given.
    root = make_model(tmp_path, {"so/systems.yaml": "components: []\n"})
    (root / "so" / "again.yaml").symlink_to(root / "so" / "systems.yaml")
    (root / "a-copy.yaml").symlink_to(Path("so") / ".." / "agencies.yaml")
    through = tmp_path / "through-a-link"
    through.symlink_to(root)
    assert diagnostics_of(through) == [
        "a-copy.yaml:1:1: is a link to 'agencies.yaml', which is read already; "
        "remove the link or exclude it",
        "so/again.yaml:1:1: is a link to 'so/systems.yaml', which is read already; "
        "remove the link or exclude it",
    ]


def test_folder_named_like_a_model_file(tmp_path: Path) -> None:
    root = make_model(tmp_path)
    (root / "systems.yaml").mkdir()
    expected = [
        "systems.yaml:1:1: is a folder but matches the include pattern; rename it or exclude it"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    # Opening a pipe with no writer blocks forever: it must be refused from its type alone,
    # so this runs in a process with a time guard rather than in the test process.
    root = make_model(tmp_path)
    os.mkfifo(root / "systems.yaml")
    assert_cli(
        root, ["systems.yaml:1:1: is not a regular file (a pipe, socket or device); remove it"]
    )


def test_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where permissions do not stop reading: simulate the refusal.
    root = make_model(tmp_path, {"systems.yaml": HEADER})
    locked = root / "systems.yaml"
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert diagnostics_of(root) == ["systems.yaml:1:1: cannot be read: Permission denied"]


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    root = make_model(tmp_path)
    with (root / "huge.yaml").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space, never read
    expected = [
        f"huge.yaml:1:1: file is {MAX_FILE_BYTES + 1} bytes, over the "
        f"{MAX_FILE_BYTES}-byte limit; split it"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_huge_scalar(tmp_path: Path) -> None:
    size = 20 * 1024 * 1024
    text = HEADER + "    description: " + "x" * size + "\n"
    root = make_model(tmp_path, {"systems.yaml": text})
    expected = [
        f"systems.yaml:5:5: 'description' is {size} characters long, over the limit of 20000"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_huge_block_scalar(tmp_path: Path) -> None:
    lines = 20_000
    text = HEADER + "    description: |\n" + ("      " + "ý" * 999 + "\n") * lines
    root = make_model(tmp_path, {"systems.yaml": text})
    length = lines * 1000  # the block keeps its line breaks
    assert diagnostics_of(root) == [
        f"systems.yaml:5:5: 'description' is {length} characters long, over the limit of 20000"
    ]


def test_huge_key(tmp_path: Path) -> None:
    size = 5 * 1024 * 1024
    text = HEADER + "    " + "k" * size + ": 1\n"
    root = make_model(tmp_path, {"systems.yaml": text})
    expected = [f"systems.yaml:5:5: key is {size} characters long, over the limit of 1024"]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_very_deep_block_nesting_does_not_crash(tmp_path: Path) -> None:
    # 100,000 nested block sequences overflow the Rust parser's stack (a segfault, not
    # an exception), so only a process can tell; the loader must never hand it such a file.
    root = make_model(tmp_path, {"systems.yaml": "components:\n" + "- " * 100_000 + "x\n"})
    assert_cli(root, ["systems.yaml:2:1999: nesting deeper than 64 levels"])


def test_very_deep_flow_nesting(tmp_path: Path) -> None:
    text = "components: " + "[" * 100_000 + "]" * 100_000 + "\n"
    root = make_model(tmp_path, {"systems.yaml": text})
    expected = ["systems.yaml:1:1012: nesting deeper than 64 levels"]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_exponential_alias_bomb(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 30):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    root = make_model(tmp_path, {"bomb.yaml": "\n".join(lines) + "\n"})
    expected = [
        "bomb.yaml:5:1: too many nodes after alias expansion (possible alias bomb); "
        "remove the anchors and aliases"
    ]
    assert diagnostics_of(root) == expected
    assert_cli(root, expected)


def test_many_problems_are_all_reported(tmp_path: Path) -> None:
    count = 2_000
    items = "".join(
        f"  - id: ung-dung-{i}\n    kind: application\n    name: Ứng dụng {i}\n"
        f"    owner: so-khong-co-{i}\n"
        for i in range(count)
    )
    root = make_model(tmp_path, {"systems.yaml": "components:\n" + items})
    found = diagnostics_of(root)
    assert len(found) == count
    assert found[0] == "systems.yaml:5:5: 'owner' refers to unknown component 'so-khong-co-0'"
    assert found[-1].startswith(f"systems.yaml:{4 * count + 1}:5: 'owner' refers to unknown")


def test_valid_model_next_to_hostile_files_still_loads_after_cleanup(tmp_path: Path) -> None:
    # The checks above refuse files; they must not refuse a plain model.
    root = make_model(tmp_path, {"more/systems.yaml": HEADER})
    model = load_model(root)
    assert sorted(model.components) == ["mot-cua", "so-tt-tt"]
