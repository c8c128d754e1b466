"""Writing model objects back to model YAML (for import and merge).

The output reads like a hand-written model: ``id``, ``kind`` and ``name`` first, the
other fields in the order the format declares them, defaults left out, Vietnamese text
unescaped, relations one per line in flow style. The same objects always give the same
text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from eakit import atomic
from eakit.model import BaseComponent, Manifest, Relation
from eakit.model.manifest import RulesConfig

WIDTH = 100
LEAD_KEYS = ("id", "kind", "name")


def _yamlable(value: Any) -> Any:
    """Plain data PyYAML's safe dumper can write (dates stay dates: they print unquoted)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return _yamlable(value.model_dump(exclude_defaults=True, by_alias=True))
    if isinstance(value, dict):
        return {str(k): _yamlable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_yamlable(v) for v in value]
    if isinstance(value, dt.date | str | int | float | bool) or value is None:
        return value
    return str(value)


def component_data(component: BaseComponent) -> dict[str, Any]:
    """A component as the mapping a model file holds (``id``, ``kind``, ``name`` first)."""
    data = _yamlable(component.model_dump(exclude_defaults=True, by_alias=True))
    data["kind"] = component.kind  # type: ignore[attr-defined]
    ordered = {key: data[key] for key in LEAD_KEYS if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def relation_data(relation: Relation) -> dict[str, Any]:
    """A relation as the mapping a ``relations:`` list holds."""
    data = _yamlable(relation.model_dump(exclude_defaults=True, by_alias=True))
    data["type"] = relation.type
    ordered = {key: data[key] for key in ("from", "to", "type")}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    return ordered


def _dump(data: Any, flow: bool = False) -> str:
    return yaml.safe_dump(
        data,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=flow,
        width=10**9 if flow else WIDTH,
    )


def render_model_file(
    components: Iterable[BaseComponent], relations: Iterable[Relation], header: str = ""
) -> str:
    """The text of one model file."""
    parts = [f"# {line}\n" if line else "#\n" for line in header.splitlines()]
    items = [component_data(c) for c in components]
    if items:
        parts.append(_dump({"components": items}))
    lines = [f"  - {_dump(relation_data(r), flow=True).strip()}\n" for r in relations]
    if lines:
        parts.append("relations:\n" + "".join(lines))
    return "".join(parts)


def render_manifest(manifest: Manifest, header: str = "") -> str:
    """The text of ``eakit.yaml`` (rule packs always spelled out)."""
    data = _yamlable(manifest.model_dump(exclude_defaults=True, by_alias=True))
    data["eakit"] = manifest.eakit
    data["rules"] = _yamlable(manifest.rules.model_dump(exclude_defaults=True)) or {}
    data["rules"].setdefault("packs", list(RulesConfig().packs))
    ordered = {key: data[key] for key in ("eakit", "architecture") if key in data}
    ordered.update((key, value) for key, value in data.items() if key not in ordered)
    parts = [f"# {line}\n" if line else "#\n" for line in header.splitlines()]
    parts.append(_dump(ordered))
    return "".join(parts)


def write_model_folder(
    out_dir: Path,
    files: dict[str, str],
    verify: Callable[[Path], object] | None = None,
    owner: str = "eakit",
) -> list[Path]:
    """Write ``files`` (relative POSIX path → text) as the whole of ``out_dir``, atomically.

    ``verify`` is called with the staging folder before it replaces ``out_dir``; if it
    raises, nothing is replaced (used to prove the written model loads). The folder
    carries the marker of ``eakit <owner>`` (see :func:`eakit.atomic.replace_dir`).
    """
    with atomic.replace_dir(out_dir, owner=owner) as staging:
        for rel, text in sorted(files.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if verify is not None:
            verify(staging)
    return [out_dir / rel for rel in sorted(files)]
