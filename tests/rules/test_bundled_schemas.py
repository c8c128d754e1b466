"""eakit's own rule files are validated here, against the schemas every other pack,
registry and waivers file is validated against when it is read: a check does not
validate them again (see :func:`eakit.rules.sources.read_validated`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.rules import sources
from eakit.rules.legal import builtin_registry_path
from eakit.rules.sources import builtin_rules_dir, read_source, read_validated, schema_problems

BUNDLED = sorted(builtin_rules_dir().glob("*.yaml"))


def _schema(path: Path) -> str:
    if path == builtin_registry_path(builtin_rules_dir()):
        return "legal-basis.schema.json"
    return "rulepack.schema.json"


def test_there_are_bundled_rule_files() -> None:
    assert len(BUNDLED) >= 4
    assert builtin_registry_path(builtin_rules_dir()) in BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_file_satisfies_its_schema(path: Path) -> None:
    assert schema_problems(read_source(path, path.name), _schema(path), "rulepack") == []


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = sources.schema_problems

    def counting(source, schema_name, code):
        calls.append(source.display)
        return real(source, schema_name, code)

    monkeypatch.setattr(sources, "schema_problems", counting)
    monkeypatch.setattr(sources, "_VALIDATED", {})
    return calls


def test_a_check_does_not_validate_the_bundled_files_again(monkeypatch) -> None:
    calls = _counting(monkeypatch)
    monkeypatch.delenv("EAKIT_PLAIN", raising=False)
    read_validated(BUNDLED[0], "bundled", _schema(BUNDLED[0]), "rulepack")
    assert calls == []


def test_the_plain_path_validates_them(monkeypatch) -> None:
    calls = _counting(monkeypatch)
    monkeypatch.setenv("EAKIT_PLAIN", "1")
    read_validated(BUNDLED[0], "bundled", _schema(BUNDLED[0]), "rulepack")
    assert calls == ["bundled"]


def test_a_copy_outside_the_bundled_folder_is_validated(monkeypatch, tmp_path: Path) -> None:
    calls = _counting(monkeypatch)
    monkeypatch.delenv("EAKIT_PLAIN", raising=False)
    copy = tmp_path / BUNDLED[0].name
    copy.write_bytes(BUNDLED[0].read_bytes())
    read_validated(copy, "copy", _schema(copy), "rulepack")
    assert calls == ["copy"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("pack: x\nrules:\n  - id: 12\n", encoding="utf-8")
    with pytest.raises(sources.RuleConfigError):
        read_validated(broken, "broken.yaml", "rulepack.schema.json", "rulepack")
