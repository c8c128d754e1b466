"""Re-loading a model after some of its files changed, without reading the others.

The editor loop (``eakit check --watch``) keeps the last valid model in memory. When files
change, only they are read and validated; what they can have broken elsewhere (a removed
id someone refers to, a duplicate id or relation) is checked against the rest. The
result is the model a full load would give, with the difference spelt out for the graph
(:meth:`eakit.graph.ModelGraph.patched`). When anything is wrong, :class:`NeedsFullLoad`
tells the caller to load in full, which reports every problem exactly as ``eakit check``
does (an edit that breaks the model is rarer than one that does not, and its report must
be complete).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from eakit.graph import GraphDelta, ModelGraph, edge_key
from eakit.loader import read_file
from eakit.loader.collect import Collected, collect
from eakit.loader.files import ModelFile, discover, reserved_files
from eakit.loader.locator import YamlLocator
from eakit.loader.references import check_references
from eakit.model import Model, Relation, SourceRef, kind_of


class NeedsFullLoad(Exception):
    """The changed files do not make a valid model with the rest (or touch the manifest):
    load the model in full to report it."""


def index_files(model: Model) -> dict[str, Collected]:
    """The components and relations of each model file, in model order."""
    index = {rel: Collected() for rel in model.files}
    for cid, ref in model.component_sources.items():
        content = index[ref.file]
        content.components[cid] = model.components[cid]
        content.sources[cid] = ref
    for relation, ref in zip(model.relations, model.relation_sources, strict=True):
        content = index[ref.file]
        content.relations.append(relation)
        content.relation_sources.append(ref)
    return index


@dataclass
class Reloaded:
    """The model after the change, its file index and the difference for the graph."""

    model: Model
    files: dict[str, Collected]
    delta: GraphDelta
    changed_files: frozenset[str]


def reload_files(
    graph: ModelGraph, files: dict[str, Collected], changed: Iterable[str]
) -> Reloaded:
    """The model of ``graph`` with the files ``changed`` (paths relative to the root) read
    again; ``files`` is the model's file index.

    Raises :class:`NeedsFullLoad` when the result is not a valid model, or when the
    manifest or the waivers file changed.
    """
    model, manifest = graph.model, graph.manifest
    changed = set(changed)
    reserved = reserved_files(manifest)
    if changed & reserved:
        raise NeedsFullLoad("the manifest or the waivers file changed")
    root = model.root
    locator = model.locator
    if not isinstance(locator, YamlLocator):
        raise NeedsFullLoad("the model was not loaded from files")
    order = list(files)
    if any(rel not in files or not (root / rel).is_file() for rel in changed):
        found, problems = discover(root, manifest.include, manifest.exclude, reserved)
        if problems:
            raise NeedsFullLoad("a model file cannot be read")
        order = [f.rel for f in found]
    known = set(order)
    changed &= known | set(files)  # a file outside include/exclude is not the model's
    fresh: dict[str, Collected] = {}
    for rel in sorted(changed & known):
        locator.forget(rel)
        data, problems, text_is_nfc = read_file(ModelFile(root / rel, rel), locator)
        into = Collected()
        if problems or collect(data, rel, locator, into, text_is_nfc=text_is_nfc):
            raise NeedsFullLoad(f"{rel} has problems")
        fresh[rel] = into
    return _merge(graph, files, order, fresh, frozenset(changed))


def _merge(
    graph: ModelGraph,
    files: dict[str, Collected],
    order: list[str],
    fresh: dict[str, Collected],
    changed: frozenset[str],
) -> Reloaded:
    model, old = graph.model, graph.model.components
    old_ids = {cid for rel in changed if rel in files for cid in files[rel].components}
    old_relations = [r for rel in sorted(changed) if rel in files for r in files[rel].relations]
    by_key = {r.key: r for r in old_relations}
    new_ids: set[str] = set()
    changed_ids: set[str] = set()
    added_relations: list[Relation] = []
    kept_relations: set[int] = set()
    # What is unchanged keeps its object: findings made on it stay valid.
    for into in fresh.values():
        for cid, component in into.components.items():
            if cid in new_ids or (cid in old and cid not in old_ids):
                raise NeedsFullLoad(f"duplicate id '{cid}'")
            new_ids.add(cid)
            before = old.get(cid)
            if before is not None and before == component:
                into.components[cid] = before
            else:
                changed_ids.add(cid)
        for at, relation in enumerate(into.relations):
            before_relation = by_key.get(relation.key)
            if before_relation is not None and before_relation == relation:
                into.relations[at] = before_relation
                kept_relations.add(id(before_relation))
            else:
                added_relations.append(relation)
    changed_ids |= old_ids - new_ids
    removed_relations = [r for r in old_relations if id(r) not in kept_relations]
    index = {rel: fresh.get(rel) or files.get(rel) or Collected() for rel in order}
    contents = index.values()
    new_model = Model(
        root=model.root,
        manifest=model.manifest,
        components={cid: c for content in contents for cid, c in content.components.items()},
        relations=[r for content in contents for r in content.relations],
        component_sources={cid: s for content in contents for cid, s in content.sources.items()},
        relation_sources=[s for content in contents for s in content.relation_sources],
        locator=model.locator,
        files=list(order),
    )
    refs = {
        id(r): ref
        for content in fresh.values()
        for r, ref in zip(content.relations, content.relation_sources, strict=True)
    }
    _check_cross_file(new_model, graph, changed, refs, changed_ids, added_relations)
    delta = GraphDelta(frozenset(changed_ids), removed_relations, added_relations, refs)
    return Reloaded(new_model, index, delta, changed)


def _check_cross_file(
    model: Model,
    graph: ModelGraph,
    changed: frozenset[str],
    refs: dict[int, SourceRef],
    changed_ids: set[str],
    added_relations: list[Relation],
) -> None:
    """What the changed files can have broken: their own references, references to ids
    they removed or gave another kind, and relations restating one declared elsewhere.

    Only whether anything is wrong matters here (the full load that follows reports it),
    so the objects are checked in no particular order."""
    ids = model.components
    lost = {
        cid
        for cid in changed_ids
        if cid in graph and (cid not in ids or kind_of(ids[cid]) != graph.kinds[cid])
    }
    check_ids = {cid for cid in changed_ids if cid in ids}
    keys = {edge_key(r) for r in added_relations}
    for cid in lost:
        check_ids.update(other for other in graph.adjacent(cid) if other in ids)
        for outgoing in (True, False):
            for edges in graph.edges_by_type(cid, outgoing).values():
                keys.update((e.source, e.target, e.type) for e in edges if e.relation is not None)
    # The relations with those keys: the changed files' own, and any other file's.
    found = {id(relation): (relation, refs[id(relation)]) for relation in added_relations}
    for key in keys:
        edge = graph.edge(*key)
        other = edge.relation if edge is not None else None
        if other is None or id(other) in found:
            continue
        ref = refs.get(id(other))  # kept by a changed file, or declared in another file
        if ref is None:
            ref = graph.relation_source(other)
            if ref is None or ref.file in changed:
                continue  # removed with the edit
        found[id(other)] = (other, ref)
    if check_references(model, components=check_ids, relations=found.values()):
        raise NeedsFullLoad("a reference or relation is broken")
