"""The same model in three YAML shapes, for the benchmarks of ``benchmarks/bench_shapes.py``.

- ``flow``: as ``eakit generate`` writes it (block components, one-line flow relations,
  a few dozen files per province);
- ``agency``: block style as editors and ``yaml.safe_dump(default_flow_style=False,
  allow_unicode=True)`` write it, one file per agency (many small files);
- ``province``: the same block style, one large file per province folder.

A converter reads a generated model and writes the same components and relations in the
other shape: every component keeps its fields, only the files and the order of keys
change (``safe_dump`` sorts them), so a check finds the same problems at other places.

``OTHER_STYLES`` write the agency shape as other tools and habits do, to see that speed
does not hang on how eakit's own converter writes YAML:

- ``anchors``: a generator that puts one list or mapping object in several places of a
  file, written by ``yaml.safe_dump`` (it anchors the object and writes aliases);
- ``marked``: as yamllint's defaults and Windows editors leave it: an opening ``---``,
  CRLF line ends, 4-space indentation, ``\\u`` escapes for Vietnamese letters
  (``allow_unicode=False``) and lines folded at 60 characters;
- ``json``: JSON (``json.dumps(indent=2)``), which is YAML too;
- ``component``: one block-style file per component (about 100,000 at 34 provinces).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

SHAPES = ("flow", "agency", "province")
OTHER_STYLES = ("anchors", "marked", "json", "component")
MANIFEST = "eakit.yaml"
# Fields that name the agency a component belongs to, in order of preference.
AGENCY_FIELDS = ("owner", "provider", "agency", "lead_agency", "operator")
SHARED = "chung"  # the file of a folder's components that name no agency


def _read(path: Path) -> dict[str, Any]:
    data = yaml_rs.loads(path.read_text("utf-8"), parse_datetime=False)
    return data if isinstance(data, dict) else {}


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, default_flow_style=False, allow_unicode=True)


def _model_files(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*.yaml") if p.name != MANIFEST)


def _folder(source: Path, path: Path) -> str:
    """The top folder of ``path`` in the model (a province, or the national folder)."""
    parts = path.relative_to(source).parts
    return parts[0] if len(parts) > 1 else "."


def _new_model(source: Path, target: Path) -> None:
    """A new folder ``target`` with the manifest of the model at ``source``."""
    target.mkdir(parents=True, exist_ok=False)
    (target / MANIFEST).write_bytes((source / MANIFEST).read_bytes())


def _write(target: Path, source: Path, files: dict[str, dict[str, list[Any]]]) -> int:
    _new_model(source, target)
    for rel, data in sorted(files.items()):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dump({key: value for key, value in data.items() if value}), "utf-8")
    return len(files)


def to_province_files(source: Path, target: Path) -> int:
    """Write the model at ``source`` to ``target`` as one block-style file per top
    folder; returns the number of model files written."""
    files: dict[str, dict[str, list[Any]]] = defaultdict(
        lambda: {"components": [], "relations": []}
    )
    for path in _model_files(source):
        data = _read(path)
        folder = _folder(source, path)
        rel = f"{folder}.yaml" if folder != "." else "model.yaml"
        files[rel]["components"] += data.get("components") or []
        files[rel]["relations"] += data.get("relations") or []
    return _write(target, source, files)


def to_agency_files(source: Path, target: Path) -> int:
    """Write the model at ``source`` to ``target`` as one block-style file per agency in
    each top folder (a component goes with the agency it names, a relation with its
    ``from`` component); returns the number of model files written."""
    loaded = [(path, _read(path)) for path in _model_files(source)]
    agencies = {
        c["id"]
        for _path, data in loaded
        for c in data.get("components") or []
        if c.get("kind") == "agency"
    }

    def agency_of(component: dict[str, Any]) -> str:
        if component.get("kind") == "agency":
            return str(component["id"])
        for name in AGENCY_FIELDS:
            if component.get(name) in agencies:
                return str(component[name])
        return SHARED

    files: dict[str, dict[str, list[Any]]] = defaultdict(
        lambda: {"components": [], "relations": []}
    )
    file_of: dict[str, str] = {}
    for path, data in loaded:
        folder = _folder(source, path)
        for component in data.get("components") or []:
            rel = f"{folder}/{agency_of(component)}.yaml"
            files[rel]["components"].append(component)
            file_of[str(component["id"])] = rel
    for path, data in loaded:
        folder = _folder(source, path)
        for relation in data.get("relations") or []:
            rel = file_of.get(str(relation.get("from")), f"{folder}/{SHARED}.yaml")
            files[rel]["relations"].append(relation)
    return _write(target, source, files)


def _shared(value: Any, objects: dict[str, Any]) -> Any:
    """``value`` with every list or mapping equal to one met before replaced by it."""
    if isinstance(value, list):
        value = [_shared(item, objects) for item in value]
    elif isinstance(value, dict):
        value = {key: _shared(item, objects) for key, item in value.items()}
    else:
        return value
    return objects.setdefault(json.dumps(value, sort_keys=True, ensure_ascii=False), value)


def _with_anchors(data: dict[str, Any]) -> bytes:
    return yaml.safe_dump(_shared(data, {}), allow_unicode=True).encode()


def _marked(data: dict[str, Any]) -> bytes:
    text = yaml.safe_dump(data, allow_unicode=False, indent=4, width=60)
    return ("---\n" + text).replace("\n", "\r\n").encode()


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def _restyled(source: Path, target: Path, write: Callable[[dict[str, Any]], bytes]) -> int:
    _new_model(source, target)
    paths = _model_files(source)
    for path in paths:
        (target / path.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
        (target / path.relative_to(source)).write_bytes(write(_read(path)))
    return len(paths)


def _one_file_per_component(source: Path, target: Path) -> int:
    """Each component in a file of its own, in a folder named after the agency file it
    came from; the relations stay where they were."""
    _new_model(source, target)
    count = 0
    for path in _model_files(source):
        data = _read(path)
        rel = path.relative_to(source)
        for component in data.get("components") or []:
            file = target / rel.parent / rel.stem / f"{component['id']}.yaml"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(_dump({"components": [component]}), "utf-8")
            count += 1
        if data.get("relations"):
            (target / rel).write_text(_dump({"relations": data["relations"]}), "utf-8")
            count += 1
    return count


_STYLE_WRITERS = {"anchors": _with_anchors, "marked": _marked, "json": _json}


def make_shape(shape: str, generated: Path, target: Path) -> int:
    """Write the generated model at ``generated`` in ``shape`` to ``target`` (``flow``:
    a copy; one of ``OTHER_STYLES``: from the agency shape, written beside ``target``
    first); returns the number of model files."""
    if shape == "flow":
        target.mkdir(parents=True, exist_ok=False)
        count = 0
        for path in [source / MANIFEST for source in (generated,)] + _model_files(generated):
            rel = path.relative_to(generated)
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).write_bytes(path.read_bytes())
            count += path.name != MANIFEST
        return count
    if shape == "agency":
        return to_agency_files(generated, target)
    if shape == "province":
        return to_province_files(generated, target)
    if shape in OTHER_STYLES:
        agency = target.with_name(target.name + "-agency")
        if not agency.exists():
            to_agency_files(generated, agency)
        if shape == "component":
            return _one_file_per_component(agency, target)
        return _restyled(agency, target, _STYLE_WRITERS[shape])
    raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES + OTHER_STYLES)}")
