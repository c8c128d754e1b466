"""Every executor gives the serial reference's findings: on every rule's own examples, on
the bundled model and on a generated two-province model, the serial check without shared
views (the reference), the serial check with them, the check shared with a forked worker
and the incremental re-check after each kind of edit agree, finding by finding, with
readiness and subjects.

What an executor may skip or split follows from each check type's declared scope (see
:mod:`eakit.rules.checks.base`): a scope that says too little shows up here as a
difference.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from eakit.diagnostics import ModelLoadError
from eakit.generate import generate_model
from eakit.generate.emit import model_file
from eakit.incremental.session import Session
from eakit.model import KIND_CLASSES
from eakit.pipeline import load_graph
from eakit.rules.engine import RunOptions, run_rules
from eakit.rules.pack import Rule
from eakit.speed import workers as worker

from ..conftest import BUNDLED_MODEL
from .examples import write_example
from .test_rule_examples import CASES, _rule

FORKS = worker.available()
EDITS = (
    "add",
    "remove",
    "field",
    "status",
    "reference",
    "relate",
    "unrelate",
    "rename",
    "rename-id",
)
Facts = dict[str, Any]
# Each rule once (the national packs share most of theirs), with a pack that has it.
RULE_CASES = list({rule_id: (pack, rule_id) for pack, rule_id in reversed(CASES)}.values())[::-1]


def _facts(result: Any) -> Facts:
    return {
        "findings": [f.to_dict() for f in result.findings],
        "readiness": result.readiness.to_dict(),
        "subjects": dict(result.subjects),
        "rules": [r.id for r in result.rules],
        "not_applicable": [r.id for r in result.not_applicable],
        "notes": [str(n) for n in result.notes],
    }


def _reference(root: Path, select: list[str]) -> Facts | list[str]:
    """The serial reference on the files as they are: every view from scratch, one
    process (the load problems when the files do not load)."""
    try:
        graph = load_graph(root)
    except ModelLoadError as error:
        return [str(d) for d in error.diagnostics]
    options = RunOptions(as_of=None, select=select, ignore=[], share_views=False)
    return _facts(run_rules(graph, options))


def _assert_executors_agree(root: Path, select: list[str]) -> Facts:
    """The serial (shared views) and forked executors equal the reference on ``root``."""
    graph = load_graph(root)
    options: dict[str, Any] = {"as_of": None, "select": select, "ignore": []}
    reference = _facts(run_rules(graph, RunOptions(share_views=False, **options)))
    assert _facts(run_rules(graph, RunOptions(**options))) == reference, "serial, shared views"
    if FORKS:
        assert _facts(run_rules(graph, RunOptions(jobs=2, **options))) == reference, "forked"
    return reference


class ModelFiles:
    """Edits of a model folder's YAML files, as data, each of one kind an architect makes."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng

    def files(self) -> list[Path]:
        return sorted(
            p
            for p in self.root.rglob("*.yaml")
            if p.name != "eakit.yaml" and "pack" not in p.relative_to(self.root).parts
        )

    def _data(self) -> dict[Path, dict[str, Any]]:
        found = {}
        for path in self.files():
            data = yaml.safe_load(path.read_text("utf-8")) or {}
            if isinstance(data, dict):
                found[path] = data
        return found

    @staticmethod
    def _save(path: Path, data: dict[str, Any]) -> None:
        path.write_text(
            model_file(data.get("components") or [], data.get("relations") or []), "utf-8"
        )

    def edit(self, kind: str) -> list[Path]:
        """Make one edit of ``kind``; the files it changed (none: nothing to edit so)."""
        data = self._data()
        components = [(p, c) for p, d in data.items() for c in d.get("components") or []]
        relations = [(p, r) for p, d in data.items() for r in d.get("relations") or []]
        ids = {c["id"]: c for _p, c in components}
        if not components:
            return []
        path, component = self.rng.choice(components)
        if kind.startswith("retire:"):  # the first component of a kind, retired
            wanted = kind.removeprefix("retire:")
            found = [(p, c) for p, c in components if c.get("kind") == wanted]
            if not found:
                return []
            path, component = found[0]
            kind = "status-retired"
        referenced = {
            value
            for _p, c in components
            for key, value in c.items()
            if key != "id" and isinstance(value, str) and value in ids
        } | {r[end] for _p, r in relations for end in ("from", "to")}
        references = [
            (p, c, key)
            for p, c in components
            for key, value in c.items()
            if key != "id" and isinstance(value, str) and value in ids
        ]
        changed = [path]
        if kind == "add":
            copy = dict(component, id=f"{component['id']}-moi")
            data[path]["components"].append(copy)
        elif kind == "remove":
            loose = [(p, c) for p, c in components if c["id"] not in referenced]
            path, component = self.rng.choice(loose or components)
            changed = [path]
            data[path]["components"].remove(component)
        elif kind == "field":
            optional = [
                k
                for k, v in component.items()
                if k not in ("id", "kind", "name", "status") and not isinstance(v, dict)
            ]
            if not optional:
                return []
            del component[self.rng.choice(optional)]
        elif kind == "status-retired":
            component["status"] = "retired"
        elif kind == "status":
            component["status"] = self.rng.choice(["planned", "retired", "current"])
            if component["status"] == "planned":
                component.setdefault("target", 2028)
        elif kind == "reference":
            if not references:
                return []
            path, component, key = self.rng.choice(references)
            changed = [path]
            wanted = ids[component[key]].get("kind")
            others = [i for i, c in ids.items() if c.get("kind") == wanted and i != component[key]]
            if not others:
                return []
            component[key] = self.rng.choice(sorted(others))
        elif kind == "relate":
            if relations:
                _p, relation = self.rng.choice(relations)
                wanted = ids.get(relation["to"], {}).get("kind")
                others = sorted(i for i, c in ids.items() if c.get("kind") == wanted)
                new = dict(relation, to=self.rng.choice(others)) if others else dict(relation)
                new.pop("status", None)
            else:
                new = {"from": component["id"], "to": component["id"], "type": "depends_on"}
            data[path].setdefault("relations", []).append(new)
        elif kind == "unrelate":
            if not relations:
                return []
            path, relation = self.rng.choice(relations)
            changed = [path]
            data[path]["relations"].remove(relation)
        elif kind == "rename":
            component["name"] = f"{component['name']} mới"
        elif kind == "rename-id":
            old, new_id = component["id"], f"{component['id']}-doi-ten"
            changed = []
            for file, content in data.items():
                text = yaml.safe_dump(content, allow_unicode=True)
                for item in [*(content.get("components") or []), *(content.get("relations") or [])]:
                    for key, value in list(item.items()):
                        if value == old:
                            item[key] = new_id
                        elif isinstance(value, list):
                            item[key] = [new_id if v == old else v for v in value]
                if yaml.safe_dump(content, allow_unicode=True) != text:
                    changed.append(file)
        for file in changed:
            self._save(file, data[file])
        return changed


def _assert_edits_agree(
    root: Path,
    select: list[str],
    kinds: tuple[str, ...],
    seed: int,
    before: Callable[[], None],
    jobs: int = 1,
) -> None:
    """A session on ``root`` (its first check shared with a worker when ``jobs`` is 2)
    after ``before()`` (a first edit, or nothing), then after each edit of ``kinds`` in
    turn, says what the serial reference says of the files."""
    session = Session(root, select=select, jobs=jobs)
    session.start()
    editor = ModelFiles(root, random.Random(seed))
    steps = [("before", before)] + [(k, lambda k=k: editor.edit(k)) for k in kinds]
    history: list[str] = []
    for name, step in steps:
        touched = step()
        history.append(name)
        if touched == []:
            continue
        update = session.refresh(touched if touched else editor.files())
        reference = _reference(root, select)
        what = " → ".join(history)
        if isinstance(reference, list):
            assert update is not None and update.result is None, what
            assert [str(d) for d in update.errors] == reference, what
        else:
            assert update is not None and update.result is not None, what
            assert _facts(update.result) == reference, what


@pytest.mark.parametrize(("pack_file", "rule_id"), RULE_CASES, ids=[r for _p, r in RULE_CASES])
def test_every_executor_agrees_on_the_rules_examples(
    pack_file: Path, rule_id: str, tmp_path: Path
) -> None:
    """Each example through every executor; then a session started on the passing example
    is edited into the failing one, and edited twice more (the kinds taken in turn over
    the rules, so that each kind meets every check type somewhere, and every other
    session's first check shared with a worker)."""
    found: Rule = _rule(pack_file, rule_id)
    select = [found.id]
    for which in ("fail", "pass"):
        root = write_example(found.examples[which], pack_file, tmp_path / which)
        _assert_executors_agree(root, select)
    root = write_example(found.examples["pass"], pack_file, tmp_path / "edited")
    model = root / "model.yaml"
    failing = found.examples["fail"].model

    def to_failing() -> list[Path]:
        model.write_text(failing, "utf-8")
        return [model]

    if found.examples["fail"].architecture != found.examples["pass"].architecture or (
        found.examples["fail"].as_of != found.examples["pass"].as_of
    ):
        return  # the manifests differ: a session starts over on a manifest change
    at = RULE_CASES.index((pack_file, rule_id))
    kinds = (EDITS[at % len(EDITS)], EDITS[(at + 4) % len(EDITS)])
    # Every other rule's session starts with a check shared with a worker.
    jobs = 2 if FORKS and at % 2 else 1
    _assert_edits_agree(root, select, kinds, at, to_failing, jobs)


def test_every_executor_agrees_on_the_bundled_model(tmp_path: Path) -> None:
    root = shutil.copytree(BUNDLED_MODEL, tmp_path / "model")
    _assert_executors_agree(root, [])
    _assert_edits_agree(root, [], EDITS, 7, lambda: [])


@pytest.mark.skipif(not FORKS, reason="needs os.fork (Linux)")
def test_a_session_whose_first_check_is_shared_rechecks_as_the_reference(tmp_path: Path) -> None:
    # The worker sends its hits back, so that the first edit re-checks from complete states.
    root = shutil.copytree(BUNDLED_MODEL, tmp_path / "model")
    _assert_edits_agree(root, [], EDITS, 5, lambda: [], jobs=2)


RETIRE_EACH_KIND = tuple(f"retire:{kind}" for kind in sorted(KIND_CLASSES))


def test_retiring_a_component_of_each_kind_rechecks_as_the_reference(tmp_path: Path) -> None:
    # A retired component is no longer a live neighbour: every subject within a check's
    # reach of it may change its verdict, also where no edge changed.
    root = shutil.copytree(BUNDLED_MODEL, tmp_path / "model")
    _assert_edits_agree(root, [], RETIRE_EACH_KIND, 0, lambda: [])


@pytest.mark.slow
def test_every_executor_agrees_on_a_generated_model(tmp_path: Path) -> None:
    root = generate_model(tmp_path / "model", provinces=2, seed=3).root
    _assert_executors_agree(root, [])


# Kinds whose retirement reaches subjects over chains the bundled model lacks (a
# capability protecting the data centre that hosts a system): a scope one hop short
# fails here.
CHAIN_KINDS = ("data_centre", "network", "security_capability", "application", "agency")


@pytest.mark.slow
def test_every_edit_of_a_generated_province_rechecks_as_the_reference(tmp_path: Path) -> None:
    root = generate_model(tmp_path / "model", provinces=1, seed=3).root
    kinds = EDITS + tuple(f"retire:{kind}" for kind in CHAIN_KINDS)
    _assert_edits_agree(root, [], kinds, 11, lambda: [])
