"""The loader: model folder on disk → validated :class:`eakit.model.Model`.

It reports *every* problem of a model in one run, each as ``path:line:col: message``,
and raises :class:`eakit.diagnostics.ModelLoadError` when there is any.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from eakit.diagnostics import Diagnostic, Location, ModelLoadError
from eakit.loader.errors import translate
from eakit.loader.files import MANIFEST, ModelFile, discover
from eakit.loader.locator import YamlLocator
from eakit.loader.references import check_references
from eakit.loader.yamlio import MAX_FILE_BYTES, YamlError, compose, decode, parse_fast
from eakit.model import KIND_CLASSES, BaseComponent, Manifest, Model, Relation, SourceRef
from eakit.text import did_you_mean

__all__ = ["MANIFEST", "ModelLoadError", "load_manifest", "load_model"]

Progress = Callable[[int, int, str], None]
TOP_LEVEL_KEYS = ("components", "relations")

_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _adapter(kind: str) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        adapter = _ADAPTERS[kind] = TypeAdapter(KIND_CLASSES[kind])
    return adapter


def _read(file: ModelFile, locator: YamlLocator) -> tuple[Any, list[Diagnostic]]:
    """Read and parse one file; fast parser first, precise parser to explain problems."""
    try:
        size = file.path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Diagnostic(
                    Location(file.rel),
                    f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit; split it",
                    code="io",
                )
            ]
        raw = file.path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(Location(file.rel), f"cannot be read: {exc.strerror}", code="io")]
    text = decode(raw, file.rel)
    if isinstance(text, Diagnostic):
        return None, [text]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [
            Diagnostic(
                Location(file.rel),
                "file is empty: add 'components:' or 'relations:', or remove the file",
                code="empty",
            )
        ]
    try:
        return parse_fast(text), []
    except (ValueError, RecursionError) as fast_error:
        try:
            composed = compose(text)
        except YamlError as exc:
            related = (Location(file.rel, *exc.related),) if exc.related else ()
            return None, [
                Diagnostic(
                    Location(file.rel, exc.line, exc.col), exc.message, code="yaml", related=related
                )
            ]
        locator.remember(file.rel, composed.positions)
        if not isinstance(fast_error, ValueError) or "possible tag" in str(fast_error):
            return composed.data, []
        if isinstance(composed.data, list) and "\n---" in text:
            return None, [
                Diagnostic(Location(file.rel), "a model file holds one YAML document, not several")
            ]
        return None, [Diagnostic(Location(file.rel), f"invalid YAML: {fast_error}", code="yaml")]


def load_manifest(root: Path) -> tuple[Manifest | None, YamlLocator, list[Diagnostic]]:
    """Read and validate ``eakit.yaml`` at ``root``."""
    locator = YamlLocator(root)
    path = root / MANIFEST
    if not root.is_dir():
        return None, locator, [Diagnostic(Location(str(root)), "model folder not found")]
    if not path.is_file():
        return (
            None,
            locator,
            [
                Diagnostic(
                    Location(MANIFEST),
                    f"no {MANIFEST} in {root}: a model folder needs a manifest (see 'eakit init')",
                )
            ],
        )
    data, problems = _read(ModelFile(path, MANIFEST), locator)
    if problems:
        return None, locator, problems
    if not isinstance(data, dict):
        return None, locator, [Diagnostic(Location(MANIFEST), "the manifest must be a mapping")]
    try:
        return Manifest.model_validate(data), locator, []
    except ValidationError as exc:
        ref = SourceRef(MANIFEST, ())
        return (
            None,
            locator,
            translate(exc, Manifest, MANIFEST, lambda loc: locator.locate(ref, *loc)),
        )


def _collect(
    data: Any,
    file: ModelFile,
    locator: YamlLocator,
    components: dict[str, BaseComponent],
    sources: dict[str, SourceRef],
    relations: list[Relation],
    relation_sources: list[SourceRef],
    invalid_ids: set[str],
) -> list[Diagnostic]:
    """Validate the components and relations of one parsed file into the collections."""
    rel = file.rel

    def at(*path: str | int) -> Location:
        return locator.locate(SourceRef(rel, ()), *path)

    if not isinstance(data, dict):
        return [
            Diagnostic(
                at(), "a model file must be a mapping with 'components:' and/or 'relations:'"
            )
        ]
    diagnostics: list[Diagnostic] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            diagnostics.append(
                Diagnostic(
                    at(key),
                    f"unknown top-level key '{key}'{did_you_mean(str(key), TOP_LEVEL_KEYS)}; "
                    "a model file holds 'components' and 'relations'",
                )
            )
    for key in TOP_LEVEL_KEYS:
        if data.get(key) is not None and not isinstance(data.get(key), list):
            diagnostics.append(Diagnostic(at(key), f"'{key}' must be a list"))
    raw_components = data.get("components") if isinstance(data.get("components"), list) else []
    for index, raw in enumerate(raw_components or []):
        ref = SourceRef(rel, ("components", index))
        where = at("components", index)
        if not isinstance(raw, dict):
            diagnostics.append(
                Diagnostic(where, "a component must be a mapping with 'id' and 'kind'")
            )
            continue
        kind = raw.get("kind")
        if kind is None:
            diagnostics.append(Diagnostic(where, "component has no 'kind'"))
            continue
        if not isinstance(kind, str) or kind not in KIND_CLASSES:
            if isinstance(raw.get("id"), str):
                invalid_ids.add(raw["id"])
            diagnostics.append(
                Diagnostic(
                    at("components", index, "kind"),
                    f"unknown kind '{kind}'{did_you_mean(str(kind), KIND_CLASSES)}",
                )
            )
            continue
        try:
            component = _adapter(kind).validate_python(raw)
        except ValidationError as exc:
            raw_id = raw.get("id")
            if isinstance(raw_id, str):
                invalid_ids.add(raw_id)
            label = f"{kind} '{raw_id}'" if isinstance(raw_id, str) else kind
            diagnostics.extend(
                translate(
                    exc, KIND_CLASSES[kind], label, lambda loc, r=ref: locator.locate(r, *loc)
                )
            )
            continue
        previous = sources.get(component.id)
        if previous is not None:
            first = locator.locate(previous)
            diagnostics.append(
                Diagnostic(
                    locator.locate(ref, "id"),
                    f"duplicate id '{component.id}' (first defined at {first})",
                    related=(first,),
                )
            )
            continue
        components[component.id] = component
        sources[component.id] = ref
    raw_relations = data.get("relations") if isinstance(data.get("relations"), list) else []
    for index, raw in enumerate(raw_relations or []):
        ref = SourceRef(rel, ("relations", index))
        if not isinstance(raw, dict):
            diagnostics.append(
                Diagnostic(at("relations", index), "a relation must be a mapping {from, to, type}")
            )
            continue
        try:
            relations.append(Relation.model_validate(raw))
            relation_sources.append(ref)
        except ValidationError as exc:
            diagnostics.extend(
                translate(exc, Relation, "relation", lambda loc, r=ref: locator.locate(r, *loc))
            )
    return diagnostics


def load_model(root: Path | str, progress: Progress | None = None) -> Model:
    """Load, validate and cross-check the model at ``root``.

    Raises :class:`ModelLoadError` carrying every diagnostic when the model is invalid.
    """
    root = Path(root)
    manifest, locator, diagnostics = load_manifest(root)
    if manifest is None:
        raise ModelLoadError(diagnostics)
    reserved = {MANIFEST}
    if manifest.waivers:
        reserved.add(Path(manifest.waivers).as_posix())
    files, problems = discover(root, manifest.include, manifest.exclude, reserved)
    diagnostics.extend(problems)
    components: dict[str, BaseComponent] = {}
    sources: dict[str, SourceRef] = {}
    relations: list[Relation] = []
    relation_sources: list[SourceRef] = []
    invalid_ids: set[str] = set()  # declared but invalid: already reported, not dangling
    for number, file in enumerate(files, start=1):
        if progress is not None:
            progress(number, len(files), file.rel)
        data, problems = _read(file, locator)
        diagnostics.extend(problems)
        if not problems:
            diagnostics.extend(
                _collect(
                    data,
                    file,
                    locator,
                    components,
                    sources,
                    relations,
                    relation_sources,
                    invalid_ids,
                )
            )
    model = Model(
        root=root,
        manifest=manifest,
        components=components,
        relations=relations,
        component_sources=sources,
        relation_sources=relation_sources,
        locator=locator,
        files=[f.rel for f in files],
    )
    diagnostics.extend(check_references(model, invalid_ids))
    if diagnostics:
        raise ModelLoadError(diagnostics)
    return model
