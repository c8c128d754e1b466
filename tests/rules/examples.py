"""Running a rule's own examples: each rule carries a failing and a passing model, which
the suite checks for every rule of every pack (the rule reference shows them too)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml

from eakit.findings import CheckResult
from eakit.pipeline import check, load_graph
from eakit.rules.pack import Example, Rule, builtin_rules_dir

EXAMPLE_AS_OF = dt.date(2026, 1, 1)
EXAMPLE_ARCHITECTURE: dict[str, Any] = {
    "id": "vi-du",
    "name": "Kiến trúc ví dụ",
    "framework": "vn-dgov-4.0",
    "as_of": EXAMPLE_AS_OF.isoformat(),
    "horizon": 2030,
    "approval": {"decision_ref": "1/QĐ-UBND"},
}


def write_example(example: Example, pack_file: Path, folder: Path) -> Path:
    """Write the example as a model folder (``eakit.yaml`` + ``model.yaml``) that uses
    ``pack_file``; the province is ``ubnd-tinh`` when the example declares it."""
    folder.mkdir(parents=True, exist_ok=True)
    architecture = dict(EXAMPLE_ARCHITECTURE)
    if example.as_of is not None:
        architecture["as_of"] = example.as_of.isoformat()
    components = (yaml.safe_load(example.model) or {}).get("components") or []
    if any(c.get("id") == "ubnd-tinh" for c in components):
        architecture["province"] = "ubnd-tinh"
    for key, value in example.architecture.items():
        if value is None:
            architecture.pop(key, None)
        else:
            architecture[key] = value
    manifest = {
        "eakit": 1,
        "architecture": architecture,
        "rules": {"packs": [_pack_entry(pack_file, folder)]},
        "exclude": ["pack/**"],
    }
    (folder / "eakit.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), "utf-8"
    )
    (folder / "model.yaml").write_text(example.model, "utf-8")
    return folder


def _pack_entry(pack_file: Path, folder: Path) -> str:
    """How the example's manifest names ``pack_file``: a bundled pack by its name; another
    copied into the example folder (eakit reads no pack outside the model folder)."""
    if pack_file.resolve().parent == builtin_rules_dir().resolve():
        return pack_file.stem
    (folder / "pack").mkdir(exist_ok=True)
    shutil.copyfile(pack_file, folder / "pack" / pack_file.name)
    return f"pack/{pack_file.name}"


def run_example(
    rule: Rule, which: str, pack_file: Path, folder: Path, lang: str = "vi"
) -> CheckResult:
    """Check the ``fail`` or ``pass`` example of a rule with only that rule selected (the
    findings in ``lang``)."""
    model = write_example(rule.examples[which], pack_file, folder)
    return check(load_graph(model), select=[rule.id], lang=lang)
