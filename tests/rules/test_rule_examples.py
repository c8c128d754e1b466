"""Every rule of every bundled pack runs its own failing and passing example: the failing
model yields that rule's finding(s) (on the expected components when the example says
which), the passing model none."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.rules.legal import load_registry
from eakit.rules.pack import load_pack_file

from .conftest import PACK_FILES, RULES
from .examples import run_example


def _cases() -> list[tuple[Path, str]]:
    docs = dict(load_registry(RULES / "legal-basis.yaml", "legal-basis.yaml"))
    cases = []
    for pack_file in PACK_FILES:
        _name, rules = load_pack_file(pack_file, None, dict(docs), None, set())
        cases += [(pack_file, rule.id) for rule in rules]
    return cases


CASES = _cases()


def _rule(pack_file: Path, rule_id: str):
    docs = dict(load_registry(RULES / "legal-basis.yaml", "legal-basis.yaml"))
    _name, rules = load_pack_file(pack_file, None, docs, None, set())
    return next(r for r in rules if r.id == rule_id)


def test_catalogue_is_large_and_covers_every_layer() -> None:
    from eakit.model import Layer

    for pack_file in PACK_FILES:
        rules = [r for p, r in CASES if p == pack_file]
        assert len(rules) >= 45, pack_file.name
        docs = dict(load_registry(RULES / "legal-basis.yaml", "legal-basis.yaml"))
        _n, loaded = load_pack_file(pack_file, None, docs, None, set())
        assert {r.layer for r in loaded} == set(Layer), pack_file.name


def test_every_rule_has_both_examples() -> None:
    for pack_file, rule_id in CASES:
        rule = _rule(pack_file, rule_id)
        assert set(rule.examples) == {"fail", "pass"}, rule_id
        assert rule.examples["fail"].model.strip() and rule.examples["pass"].model.strip()


@pytest.mark.parametrize(("pack_file", "rule_id"), CASES, ids=[f"{p.stem}:{r}" for p, r in CASES])
def test_rule_examples(pack_file: Path, rule_id: str, tmp_path: Path) -> None:
    rule = _rule(pack_file, rule_id)
    failing = run_example(rule, "fail", pack_file, tmp_path / "fail")
    assert [r.id for r in failing.rules] == [rule_id], "the rule must apply at the example date"
    assert failing.findings, f"{rule_id}: the failing example yields no finding"
    assert {f.rule_id for f in failing.findings} == {rule_id}
    expected = rule.examples["fail"].expect
    if expected:
        assert sorted(f.component for f in failing.findings) == sorted(expected)
    passing = run_example(rule, "pass", pack_file, tmp_path / "pass")
    assert [r.id for r in passing.rules] == [rule_id]
    assert passing.findings == [], [f.message for f in passing.findings]
