"""Fixtures of the rule-engine tests: the bundled packs and small model folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from eakit.rules.pack import SHARED_FILES, builtin_rules_dir

ROOT = Path(__file__).resolve().parents[2]
RULES = builtin_rules_dir()
FIXTURES = ROOT / "tests" / "fixtures" / "rules"
PACK_FILES = sorted(p for p in RULES.glob("*.yaml") if p.name not in SHARED_FILES)


@pytest.fixture
def make_model(tmp_path: Path):
    """Write a model folder from a manifest dict and file texts; returns its path."""
    import yaml

    def make(architecture: dict | None = None, files: dict[str, str] | None = None, **manifest):
        folder = tmp_path / "model"
        folder.mkdir(exist_ok=True)
        arch = {
            "id": "t",
            "name": "Thử",
            "framework": "vn-dgov-4.0",
            "as_of": "2026-01-01",
            "horizon": 2030,
        } | (architecture or {})
        data = {"eakit": 1, "architecture": arch} | manifest
        (folder / "eakit.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        for name, text in (files or {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        return folder

    return make
