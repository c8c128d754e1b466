"""The editor loop gives what a full check gives: after every edit (valid or not) the
session's result equals a fresh ``load_graph`` + ``check`` of the same files, finding by
finding, readiness and subjects included; an edit that breaks the model reports the same
problems as a full load.

Edits are drawn at random (seeded, so a failure reproduces) from what architects do:
rename, change status, re-own, add and remove components and relations, move lines,
delete and create files, break the YAML and fix it again.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from eakit.diagnostics import ModelLoadError
from eakit.findings import CheckResult
from eakit.generate.emit import model_file
from eakit.incremental.session import Session
from eakit.pipeline import check, load_graph

from ..conftest import BUNDLED_MODEL

WAIVERS = """waivers:
  - rule: "SEC-*"
    component: "*"
    reason: Kế hoạch bảo đảm an toàn thông tin năm 2016
    owner: Sở Thông tin và Truyền thông
    expires: 2030-12-31
"""


def _facts(result: CheckResult) -> dict[str, Any]:
    return {
        "findings": [
            (f.rule_id, f.component, f.location, f.severity, f.message, f.agency, f.waived)
            for f in result.findings
        ],
        "readiness": result.readiness,
        "subjects": result.subjects,
        "notes": result.notes,
        "rules": [r.id for r in result.rules],
    }


def _full(root: Path) -> dict[str, Any] | list[str]:
    """What a fresh, full check says of the files as they are now."""
    try:
        graph = load_graph(root)
    except ModelLoadError as error:
        return [str(d) for d in error.diagnostics]
    return _facts(check(graph))


class Editor:
    """Random edits of a model folder, as data (parsed, changed, written back)."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng

    def files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.yaml") if p.name != "eakit.yaml"
                      and "schema" not in p.parts and not p.name.startswith("waivers"))  # fmt: skip

    def _load(self, path: Path) -> dict[str, Any] | None:
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError:
            return None
        return data if isinstance(data, dict) else None

    def _save(self, path: Path, data: dict[str, Any]) -> None:
        components = data.get("components") or []
        relations = data.get("relations") or []
        path.write_text(model_file(components, relations), "utf-8")

    def _pick(self) -> tuple[Path, dict[str, Any], list[dict[str, Any]]]:
        for _attempt in range(50):
            path = self.rng.choice(self.files())
            data = self._load(path)
            if data and data.get("components"):
                return path, data, data["components"]
        raise AssertionError("no file with components")

    def snapshot(self) -> dict[Path, str]:
        return {path: path.read_text("utf-8") for path in self.files()}

    def restore(self, snapshot: dict[Path, str]) -> list[Path]:
        """Put the files back as in ``snapshot`` (an architect undoing a broken edit)."""
        touched = []
        for path in self.files():
            if path not in snapshot:
                path.unlink()
                touched.append(path)
        for path, text in snapshot.items():
            if not path.exists() or path.read_text("utf-8") != text:
                path.write_text(text, "utf-8")
                touched.append(path)
        return touched

    def all_components(self) -> list[dict[str, Any]]:
        found = []
        for path in self.files():
            data = self._load(path) or {}
            found.extend(data.get("components") or [])
        return found

    def edit(self) -> tuple[str, Path]:
        """Make one random edit; return what it was and the file it touched."""
        kind = self.rng.choice(
            ["rename", "rename", "status", "owner", "remove", "add", "relation",
             "unrelate", "shift", "break", "new-file", "delete-file", "description"]
        )  # fmt: skip
        path, data, components = self._pick()
        component = self.rng.choice(components)
        if kind == "rename":
            component["name"] = f"{component['name']} (sửa {self.rng.randint(1, 999)})"
        elif kind == "description":
            component["description"] = f"Ghi chú {self.rng.randint(1, 999)}"
        elif kind == "status":
            component["status"] = self.rng.choice(["current", "planned", "retired"])
            if component["status"] == "planned":
                component.setdefault("target", 2020)
        elif kind == "owner":
            agencies = [c["id"] for c in self.all_components() if c.get("kind") == "agency"]
            if "owner" in component or component.get("kind") not in ("agency", "actor"):
                component["owner"] = self.rng.choice(agencies)
        elif kind == "remove":
            components.remove(component)
        elif kind == "add":
            copy = dict(component)
            copy["id"] = f"{component['id']}-ban-sao-{self.rng.randint(1, 999)}"[:120]
            components.append(copy)
        elif kind == "relation":
            others = [c for c in self.all_components() if c.get("kind") == "application"]
            if others and component.get("kind") == "application":
                other = self.rng.choice(others)
                data.setdefault("relations", []).append(
                    {"from": component["id"], "to": other["id"], "type": "integrates_with"}
                )
        elif kind == "unrelate":
            if data.get("relations"):
                data["relations"].pop(self.rng.randrange(len(data["relations"])))
        elif kind == "shift":
            text = path.read_text("utf-8")
            path.write_text("# dời dòng\n\n" + text, "utf-8")
            return kind, path
        elif kind == "break":
            text = path.read_text("utf-8")
            path.write_text(text.replace("\n  - id:", "\n  - id: [", 1), "utf-8")
            return kind, path
        elif kind == "new-file":
            new = path.with_name(f"moi-{self.rng.randint(1, 999)}.yaml")
            copy = dict(component)
            copy["id"] = f"moi-{self.rng.randint(1, 99999)}"
            new.write_text(model_file([copy], []), "utf-8")
            return kind, new
        elif kind == "delete-file":
            path.unlink()
            return kind, path
        self._save(path, data)
        return kind, path


def _copy(source: Path, target: Path, waivers: bool = False) -> Path:
    shutil.copytree(source, target)
    if waivers:
        (target / "waivers.yaml").write_text(WAIVERS, "utf-8")
        manifest = target / "eakit.yaml"
        manifest.write_text(manifest.read_text("utf-8") + "waivers: waivers.yaml\n", "utf-8")
    return target


def _assert_same(session: Session, update, root: Path, what: str) -> None:
    full = _full(root)
    if isinstance(full, list):
        assert update.result is None, f"{what}: the model is invalid, the session says valid"
        assert [str(d) for d in update.errors] == full, what
    else:
        assert update.result is not None, f"{what}: {[str(d) for d in update.errors][:3]}"
        assert _facts(update.result) == full, what


def _started(
    tmp_path: Path, waivers: bool = False, manifest_extra: str = "", as_of: str = ""
) -> Session:
    """A session on a copy of the bundled model (with ``manifest_extra`` appended to its
    manifest, and checked at ``as_of`` if given), started: its first check done and compared
    with a full check."""
    root = _copy(BUNDLED_MODEL, tmp_path / "model", waivers)
    if as_of:
        manifest = root / "eakit.yaml"
        text = manifest.read_text("utf-8")
        assert "  as_of: 2015-12-31\n" in text
        manifest.write_text(text.replace("  as_of: 2015-12-31\n", f"  as_of: {as_of}\n"), "utf-8")
    if manifest_extra:
        manifest = root / "eakit.yaml"
        manifest.write_text(manifest.read_text("utf-8") + manifest_extra, "utf-8")
    session = Session(root)
    _assert_same(session, session.start(), root, "start")
    return session


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("waivers", [False, True], ids=["plain", "waivers"])
def test_every_edit_of_the_bundled_model_checks_as_a_full_check(
    tmp_path: Path, seed: int, waivers: bool
) -> None:
    session = _started(tmp_path, waivers)
    root = session.root
    _edit_and_compare(session, Editor(root, random.Random(seed)), steps=12)


def _edit_and_compare(session: Session, editor: Editor, steps: int) -> list[str]:
    """Random edits, each checked against a full check; a broken model is mended on the
    next step (after one more edit, half the time, so fixes of several files at once and
    edits on top of a broken model happen too)."""
    root = session.root
    history: list[str] = []
    good = editor.snapshot()
    for _step in range(steps):
        kind, path = editor.edit()
        history.append(f"{kind} {path.relative_to(root)}")
        update = session.refresh([path])
        assert update is not None
        _assert_same(session, update, root, " → ".join(history))
        if update.result is not None:
            good = editor.snapshot()
        elif editor.rng.random() < 0.5:
            touched = editor.restore(good)
            history.append("undo")
            update = session.refresh(touched)
            assert update is not None
            _assert_same(session, update, root, " → ".join(history))
    return history


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(2))
def test_every_edit_of_a_generated_province_checks_as_a_full_check(
    tmp_path: Path, province_model: Path, seed: int
) -> None:
    root = _copy(province_model, tmp_path / "model")
    session = Session(root)
    _assert_same(session, session.start(), root, "start")
    _edit_and_compare(session, Editor(root, random.Random(100 + seed)), steps=8)


def test_an_edit_is_checked_incrementally_and_reports_what_changed(tmp_path: Path) -> None:
    # Checked at 2021-01-01: APP-001 (a missing owner) rests on Decree 85/2016 since the
    # citation review, so it does not apply at the model's own date (2015-12-31).
    session = _started(tmp_path, as_of="2021-01-01")
    root, before = session.root, session.result
    assert before is not None
    path = root / "ung-dung" / "van-ban-dieu-hanh.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    target = next(c for c in data["components"] if c.get("owner"))
    owner_was = target.pop("owner")
    path.write_text(model_file(data["components"], data.get("relations") or []), "utf-8")
    update = session.refresh([path])
    assert update is not None and update.result is not None and not update.full
    assert update.files == ("ung-dung/van-ban-dieu-hanh.yaml",)
    assert any(f.component == target["id"] for f in update.new), "a missing owner is a finding"
    # Putting it back fixes exactly that.
    target["owner"] = owner_was
    path.write_text(model_file(data["components"], data.get("relations") or []), "utf-8")
    again = session.refresh([path])
    assert again is not None and again.result is not None
    assert {(f.rule_id, f.component) for f in again.fixed} == {
        (f.rule_id, f.component) for f in update.new
    }
    assert _facts(again.result) == _full(root)
    assert len(again.result.findings) == len(before.findings)


def test_changes_outside_the_model_are_ignored_and_the_manifest_restarts(tmp_path: Path) -> None:
    session = _started(tmp_path)
    root = session.root
    (root / ".eakit-cache").mkdir(exist_ok=True)
    (root / ".eakit-cache" / "x.yaml").write_text("a: 1\n", "utf-8")
    (root / "README.md").write_text("# ghi chú\n", "utf-8")
    assert session.refresh([root / ".eakit-cache" / "x.yaml", root / "README.md"]) is None
    assert session.refresh([tmp_path / "elsewhere.yaml"]) is None

    manifest = root / "eakit.yaml"
    manifest.write_text(manifest.read_text("utf-8"), "utf-8")
    update = session.refresh([manifest])
    assert update is not None and update.full


def test_a_broken_file_reports_the_full_load_problems_and_recovers(tmp_path: Path) -> None:
    session = _started(tmp_path)
    root, good = session.root, session.result
    path = root / "ung-dung" / "van-ban-dieu-hanh.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("kind:", "kind: [", 1), "utf-8")
    hits, misses = session.memory.hits, session.memory.misses
    broken = session.refresh([path])
    assert broken is not None and broken.result is None
    # The full load that reports it read only the broken file; the rest came from memory.
    assert session.memory.misses - misses == 1
    assert session.memory.hits - hits == len(list(root.rglob("*.yaml"))) - 1 - 1  # manifest
    assert broken.errors and all(
        d.location.file == "ung-dung/van-ban-dieu-hanh.yaml" for d in broken.errors
    )
    assert session.result is good  # the last valid check is kept
    path.write_text(text, "utf-8")
    fixed = session.refresh([path])
    assert fixed is not None and fixed.result is not None
    assert _facts(fixed.result) == _facts(good)


def test_a_broken_manifest_holds_edits_until_it_loads_again(tmp_path: Path) -> None:
    session = _started(tmp_path)
    root = session.root
    manifest = root / "eakit.yaml"
    good = manifest.read_text("utf-8")
    manifest.write_text(good.replace("framework: vn-egov-1.0", "framework: vn-egov-9.9"), "utf-8")
    broken = session.refresh([manifest])
    assert broken is not None and broken.result is None and broken.full
    assert any("eakit.yaml" in str(d) for d in broken.errors)
    # An edit elsewhere is not checked against the old settings meanwhile.
    path = root / "ung-dung" / "van-ban-dieu-hanh.yaml"
    path.write_text(path.read_text("utf-8").replace("    owner: so-tt-tt\n", "", 1), "utf-8")
    still = session.refresh([path])
    assert still is not None and still.result is None
    manifest.write_text(good, "utf-8")
    mended = session.refresh([manifest])
    assert mended is not None and mended.result is not None
    assert _facts(mended.result) == _full(root)


def test_yaml_the_manifest_leaves_out_is_not_the_models(tmp_path: Path) -> None:
    session = _started(tmp_path, manifest_extra='exclude: ["ghi-chu/**"]\n')
    root = session.root
    note = root / "ghi-chu" / "viec-can-lam.yaml"
    note.parent.mkdir()
    note.write_text("viec: [sửa sơ đồ]\n", "utf-8")
    assert session.refresh([note]) is None


@pytest.mark.parametrize(("jobs", "workers"), [(1, 0), (2, 4)])
def test_a_session_loads_with_the_jobs_it_is_given(
    two_provinces_dir: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, workers: int
) -> None:
    """``eakit check --watch --jobs 1`` keeps the watch session in one process; with
    ``--jobs 2`` its first check forks the workers ``eakit check --jobs 2`` forks."""
    from eakit.speed import workers as worker
    from tests.workers import remember_workers

    if jobs > 1 and not worker.available():
        pytest.skip("needs os.fork (Linux)")
    started = remember_workers(monkeypatch)
    session = Session(two_provinces_dir, jobs=jobs)
    assert session.start().result is not None
    # The reading worker, the reference checker, the selecting helper, the rule worker.
    assert len(started) == workers
